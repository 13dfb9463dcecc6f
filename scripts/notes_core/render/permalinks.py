"""The permanent address of every key point, /p/<id>/: a light page that previews as the point
when the link is pasted into a chat or document, then sends the reader to the point in its meeting."""
from __future__ import annotations

from ..model import Archive, Point
from ..csp import source_hash
from .documents import render_document
from .links import point_location, point_url

STYLE = ("body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}"
         "a{color:#303fa1}")
# A page of its own, not the theme's: it must stay tiny, and it carries its own policy (no script at all).
POLICY = f"default-src 'none'; style-src {source_hash(STYLE)}; img-src 'self'; base-uri 'none'; form-action 'none'"


def render_permalink_pages(archive: Archive, site_url: str, site_name: str, point_redirects: dict[str, str]) -> dict[str, str]:
    """One page per point id, including retired ids that now lead to the point that holds them."""
    base = site_url.rstrip("/") + "/"
    pages = {f"{point_url(point)}index.html": render_permalink_page(archive, point, base, site_name) for point in archive.points.values()}
    for old, new in point_redirects.items():
        if new in archive.points and old not in archive.points:
            pages[f"p/{old}/index.html"] = render_permalink_page(archive, archive.points[new], base, site_name)
    return pages


def render_permalink_page(archive: Archive, point: Point, base: str, site_name: str) -> str:
    meeting = archive.meetings_by_slug[point.meeting]
    return render_document("permalink.html", {
        "policy": POLICY, "style": STYLE,
        "title": point.title, "site_name": site_name, "description": shorten(point.text, 300), "text": point.text,
        "location": base + point_location(point), "permanent": base + point_url(point),
        "relative": "../../" + point_location(point),
        "meeting": meeting.title, "series": archive.series[meeting.series].title,
    })


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
