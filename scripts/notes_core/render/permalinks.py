"""The permanent address of every key point, /p/<id>/: a light page that previews as the point
when the link is pasted into a chat or document, then sends the reader to the point in its meeting.
Beside it, the point's citation as files for reference managers: p/<id>/citation.ris and citation.json."""

from __future__ import annotations

from ..addresses import CITATION_CSL_JSON, CITATION_RIS, citation_file, permanent_page_file
from ..csp import source_hash
from ..model import Archive, Point
from .citations import point_citation, render_csl_json, render_ris
from .documents import render_document
from .point import permanent_page_context

STYLE = (
    "body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}"
    "a{color:#303fa1}"
)
# A page of its own, not the theme's: it must stay tiny, and it carries its own policy (no script at all;
# its JSON-LD is data in a <script type="application/ld+json">, which no policy governs).
POLICY = f"default-src 'none'; style-src {source_hash(STYLE)}; img-src 'self'; base-uri 'none'; form-action 'none'"


def render_permalink_pages(
    archive: Archive,
    site_url: str,
    site_name: str,
    point_redirects: dict[str, str],
    related: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, str]:
    """One page per point id, including retired ids that now lead to the point that holds them,
    and the citation files of every point."""
    related = related or {}
    pages = {}
    for point in archive.points.values():
        pages[permanent_page_file(point.id)] = render_permalink_page(archive, point, site_url, site_name, related)
        citation = point_citation(archive, point, site_url)
        pages[citation_file(point.id, CITATION_RIS)] = render_ris(citation)
        pages[citation_file(point.id, CITATION_CSL_JSON)] = render_csl_json(citation)
    for old, new in point_redirects.items():
        if new in archive.points and old not in archive.points:
            pages[permanent_page_file(old)] = render_permalink_page(
                archive, archive.points[new], site_url, site_name, related
            )
    return pages


def render_permalink_page(
    archive: Archive, point: Point, site_url: str, site_name: str, related: dict[str, tuple[str, ...]]
) -> str:
    return render_document(
        "permalink.html",
        {"policy": POLICY, "style": STYLE, **permanent_page_context(archive, point, site_url, site_name, related)},
    )
