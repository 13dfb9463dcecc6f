"""The permanent address of every key point, /p/<id>/: a light page that previews as the point
when the link is pasted into a chat or document, then sends the reader to the point in its meeting.
Beside it, the point's citation as files for reference managers: p/<id>/citation.ris and citation.json."""

from __future__ import annotations

import json

from markupsafe import Markup

from notes_core.addresses import CITATION_CSL_JSON, CITATION_RIS, citation_file, permanent_page_file
from notes_core.citations.formats import point_citation, render_csl_json, render_ris
from notes_core.documents import render_document
from notes_core.model import Archive, Point
from notes_core.permalinks.contexts import history_context, permanent_page_context, retired_page_context
from notes_core.permalinks.history import History
from notes_core.safety.csp import source_hash

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
    history: History | None = None,
    point_reasons: dict[str, str] | None = None,
    withdrawn: dict[str, str] | None = None,
    related: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, str]:
    """One page per point id and the citation files of every point; retired ids say what happened (merged,
    moved or withdrawn, and why) and lead to the point that holds them now, or to the meeting a withdrawn
    point was on."""
    history = history or History(False)
    related = related or {}
    pages = {}
    for point in archive.points.values():
        pages[permanent_page_file(point.id)] = render_permalink_page(
            archive, point, site_url, site_name, history, related
        )
        citation = point_citation(archive, point, site_url)
        pages[citation_file(point.id, CITATION_RIS)] = render_ris(citation)
        pages[citation_file(point.id, CITATION_CSL_JSON)] = render_csl_json(citation)
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


# The permanent address leads to the point in its meeting, unless it was opened for what this page itself
# holds (`#history`, `#related`, linked from the point): a script, so that the address can do both.
LEAD_ON = "if(!location.hash)location.replace({target})"


def render_permalink_page(
    archive: Archive,
    point: Point,
    site_url: str,
    site_name: str,
    history: History,
    related: dict[str, tuple[str, ...]],
) -> str:
    context = permanent_page_context(archive, point, site_url, site_name, related)
    script = LEAD_ON.format(target=json.dumps(str(context["relative"])).replace("<", "\\u003c"))
    return render_document(
        "permalink.html",
        {
            "policy": f"{POLICY}; script-src {source_hash(script)}",
            "style": STYLE,
            "script": Markup(script),
            **context,
            "history": history_context(history, point),
        },
    )
