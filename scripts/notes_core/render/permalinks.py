"""The permanent address of every key point, /p/<id>/: a light page that previews as the point
when the link is pasted into a chat or document, then sends the reader to the point in its meeting."""

from __future__ import annotations

from ..addresses import permanent_page_file
from ..csp import source_hash
from ..history import History
from ..model import Archive, Point
from .documents import render_document
from .point import history_context, permanent_page_context

STYLE = (
    "body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}"
    "a{color:#303fa1}"
)
# A page of its own, not the theme's: it must stay tiny, and it carries its own policy (no script at all).
POLICY = f"default-src 'none'; style-src {source_hash(STYLE)}; img-src 'self'; base-uri 'none'; form-action 'none'"


def render_permalink_pages(
    archive: Archive, site_url: str, site_name: str, point_redirects: dict[str, str], history: History | None = None
) -> dict[str, str]:
    """One page per point id, including retired ids that now lead to the point that holds them."""
    history = history or History(False)
    pages = {
        permanent_page_file(point.id): render_permalink_page(archive, point, site_url, site_name, history)
        for point in archive.points.values()
    }
    for old, new in point_redirects.items():
        if new in archive.points and old not in archive.points:
            pages[permanent_page_file(old)] = render_permalink_page(
                archive, archive.points[new], site_url, site_name, history
            )
    return pages


def render_permalink_page(archive: Archive, point: Point, site_url: str, site_name: str, history: History) -> str:
    return render_document(
        "permalink.html",
        {
            "policy": POLICY,
            "style": STYLE,
            **permanent_page_context(archive, point, site_url, site_name),
            "history": history_context(history, point),
        },
    )
