"""The permanent address of every key point, /p/<id>/: the point's own page, for readers, reference managers and
link previews alike (no redirect), and beside it the point's citation files: citation.bib, .ris and .json.
Retired ids keep a page that says what happened to them."""

from __future__ import annotations

from markupsafe import Markup

from notes_core.addresses import CITATION_BIBTEX, CITATION_CSL_JSON, CITATION_RIS, citation_file, permanent_page_file
from notes_core.citations.formats import bibtex, csl_json, ris
from notes_core.citations.model import Citation, point_citation
from notes_core.documents import render_document
from notes_core.model import Archive, Point
from notes_core.permalinks.contexts import history_context, permanent_page_context, retired_page_context
from notes_core.permalinks.history import History
from notes_core.safety.csp import source_hash

STYLE = (
    "body{font:1rem/1.5 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:0 1rem 2rem;color:#1f1f1f}"
    "a{color:#303fa1}header{padding:1rem 0;border-bottom:1px solid #ddd}header a{font-weight:600}"
    "blockquote{margin:0 0 1rem;padding:.1rem 1rem;border-left:.25rem solid #3f51b5;background:#f5f6fb}"
    ".kicker{margin:1.5rem 0 .25rem;color:#555;font-size:.9rem}h1{margin-top:0;line-height:1.25}"
    "pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f5f5f5;padding:.75rem;font-size:.875rem}"
    "button{font:inherit;min-height:2.75rem;padding:.25rem .75rem;margin-bottom:.5rem}"
    "footer{border-top:1px solid #ddd;margin-top:2rem;color:#555;font-size:.9rem}"
)
# The one script: today's date into the Harvard reference, and a copy button under each citation. Without it the
# page says "the date you read it" and the texts can be selected.
SCRIPT = (
    'addEventListener("DOMContentLoaded",function(){var d=new Date(),m=["January","February","March","April",'
    '"May","June","July","August","September","October","November","December"];'
    'document.querySelectorAll("[data-accessed]").forEach(function(e){'
    'e.textContent=d.getDate()+" "+m[d.getMonth()]+" "+d.getFullYear()});'
    "if(!navigator.clipboard)return;"
    'document.querySelectorAll("pre[data-copy]").forEach(function(p){var b=document.createElement("button");'
    'b.type="button";b.textContent="Copy "+p.dataset.copy;b.addEventListener("click",function(){'
    'navigator.clipboard.writeText(p.textContent).then(function(){b.textContent="Copied"})});p.after(b)})})'
)
# A page of its own, not the theme's: small, and with its own policy. Its JSON-LD is data in a
# <script type="application/ld+json">, which no policy governs.
# connect-src 'self': crawlers' audits (Lighthouse) read the site's robots.txt from the page.
POLICY = (
    f"default-src 'none'; style-src {source_hash(STYLE)}; img-src 'self'; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'"
)
PAGE_POLICY = f"{POLICY}; script-src {source_hash(SCRIPT)}"


def render_permalink_pages(
    archive: Archive,
    site_url: str,
    site_name: str,
    point_redirects: dict[str, str],
    history: History | None = None,
    point_reasons: dict[str, str] | None = None,
    withdrawn: dict[str, str] | None = None,
    related: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, str]:
    """One page per point id and the citation files of every point; retired ids say what happened (renamed,
    merged, moved or withdrawn, and why) and lead to the point that holds them now, or to the meeting a withdrawn
    point was on."""
    history = history or History(False)
    related = related or {}
    pages = {}
    for point in archive.points.values():
        citation = point_citation(archive, point, site_url, site_name)
        pages[citation_file(point.id, CITATION_BIBTEX)] = bib = bibtex(citation)
        pages[permanent_page_file(point.id)] = render_permalink_page(
            archive, point, citation, bib, site_url, site_name, history, related
        )
        pages[citation_file(point.id, CITATION_RIS)] = ris(citation)
        pages[citation_file(point.id, CITATION_CSL_JSON)] = csl_json(citation)
    retired: dict[str, tuple[Point | None, str]] = {
        old: (archive.points[new], (point_reasons or {}).get(old, ""))
        for old, new in point_redirects.items()
        if new in archive.points and old not in archive.points
    }
    retired |= {old: (None, why) for old, why in (withdrawn or {}).items() if old not in archive.points}
    for old, (successor, why) in retired.items():
        context = retired_page_context(archive, old, successor, why, history, site_url, site_name)
        pages[permanent_page_file(old)] = render_document("retired.html", {"policy": POLICY, "style": STYLE, **context})
    return pages


def render_permalink_page(
    archive: Archive,
    point: Point,
    citation: Citation,
    bib: str,
    site_url: str,
    site_name: str,
    history: History,
    related: dict[str, tuple[str, ...]],
) -> str:
    return render_document(
        "permalink.html",
        {
            "policy": PAGE_POLICY,
            "style": STYLE,
            "script": Markup(SCRIPT),
            **permanent_page_context(archive, point, citation, bib, site_url, site_name, related),
            "history": history_context(history, point),
        },
    )
