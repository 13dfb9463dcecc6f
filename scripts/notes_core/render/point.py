"""A key point, everywhere it appears: its heading and meta line on the meeting page, its entry on
theme pages, its item in listings, its permanent page, the anchor it keeps where it used to be,
and its row in the exports. One home, so every rendering says the same thing the same way."""

from __future__ import annotations

import html
from typing import Any

from notes_core.addresses import (
    CITATION_CSL_JSON,
    CITATION_RIS,
    MEETINGS_INDEX,
    absolute,
    citation_file,
    from_permanent_page,
    link,
    meeting_page,
    page_address,
    page_url,
    permanent_address,
    point_address,
    speaker_page,
    to_permanent_page,
)
from notes_core.citations.formats import highwire_tags, json_ld, point_citation
from notes_core.model import Archive, Point
from notes_core.permalinks.history import History, PointDates, point_dates
from notes_core.render.text import escape, markdown_link, theme_links

# docs/javascripts/points.js finds each point by these classes: a link of class POINT_PERMALINK inside a
# paragraph of class POINT_META that comes right after the point's heading (whose id and text it reads).
POINT_CLASS = "point"
POINT_META = "point-meta"
POINT_PERMALINK = "point-permalink"


def render_point_heading(point: Point, archive: Archive, page: str, site_url: str) -> list[str]:
    """The point on its meeting page: the heading with its permanent id, then its meta line."""
    return [
        f"{'#' * point.level} {point.title} {{#{point.id} .{POINT_CLASS}}}",
        "",
        render_point_meta(point, archive, page, site_url),
    ]


def render_point_meta(point: Point, archive: Archive, page: str, site_url: str) -> str:
    """Themes, speaker and the permanent link: the markup points.js adds its buttons to."""
    parts = ["Themes: " + theme_links(archive, page, point.themes)]
    if point.speaker:
        parts.append(
            "Speaker: " + markdown_link(archive.speakers[point.speaker].name, page, speaker_page(point.speaker))
        )
    twin = archive.points.get(point.twin or "")
    if twin is not None:  # the same idea, stated in the meeting's summary and again in its detail
        parts.append("Also stated as: " + markdown_link(twin.title, page, meeting_page(twin.meeting), twin.id))
    # Absolute, because this is the address people paste into reports (and print shows it).
    permanent = absolute(site_url, permanent_address(point.id))
    parts.append(f'<a class="{POINT_PERMALINK}" href="{html.escape(permanent)}">Permanent link</a>')
    # Related key points of other meetings, and this point's history on the site, live on its permanent page.
    parts.append(f'<a href="{html.escape(to_permanent_page(page, point.id, "related"))}">Related and history</a>')
    return " · ".join(parts) + f"\n{{: .{POINT_META} }}"


def render_point_entry(archive: Archive, page: str, point: Point, skip_theme: str | None = None) -> list[str]:
    """The point on a theme page: linked title, attribution, other themes, text."""
    details = []
    if point.speaker:
        details.append(markdown_link(archive.speakers[point.speaker].name, page, speaker_page(point.speaker)))
    others = [t for t in point.themes if t != skip_theme]
    if others:
        details.append("also " + theme_links(archive, page, others))
    # Kept out of search, so a phrase from a point finds the point itself first, not this copy.
    lines = [
        f"### [{escape(point.title)}]({link(page, meeting_page(point.meeting), point.id)}) {{ data-search-exclude }}",
        "",
    ]
    if details:
        lines += [" · ".join(details), f"{{: .{POINT_META} }}", ""]
    for kind, words in grouped_blocks(point):
        lines += [f"- {escape(item)}" for item in words] if kind == "ul" else [escape(words[0])]
        lines.append("")
    return lines


def grouped_blocks(point: Point) -> list[tuple[str, list[str]]]:
    """The point's paragraphs ("p", [text]) and lists ("ul", [items]), in order."""
    return point.grouped_blocks


def one_line(point: Point) -> str:
    """The point's words on one line, a list's items separated by semicolons: for descriptions."""
    return " ".join("; ".join(words) for _kind, words in grouped_blocks(point))


def point_list(page: str, points: Any, meeting_titles: dict[str, str] | None = None) -> list[str]:
    """Links to points as one HTML list. Long listings are written as HTML rather than Markdown
    because Python-Markdown spends about 0.1 ms on each link (see BENCHMARKS.md)."""
    items = []
    for point in points:
        suffix = f" ({html.escape(meeting_titles[point.meeting])})" if meeting_titles else ""
        href = html.escape(page_url(page, meeting_page(point.meeting), point.id))
        items.append(f'<li><a href="{href}">{html.escape(point.title)}</a>{suffix}</li>')
    return ["<ul>", *items, "</ul>", ""] if items else []


def render_moved_anchor(old_id: str, point: Point, archive: Archive, page: str) -> str:
    """Where a point used to be: an anchor with its old id that leads to where it is now."""
    meeting = archive.meetings_by_slug[point.meeting]
    target = link(page, meeting_page(meeting.slug), point.id)
    return f"- [{escape(point.title)}]({target}){{#{old_id}}}, now in {escape(meeting.title)}"


def permanent_page_context(
    archive: Archive, point: Point, site_url: str, site_name: str, related: dict[str, tuple[str, ...]]
) -> dict[str, object]:
    """What the point's permanent page (/p/<id>/) shows and says to link previews and reference managers."""
    meeting = archive.meetings_by_slug[point.meeting]
    description = shorten(one_line(point), 300)
    citation = point_citation(archive, point, site_url)
    twin = archive.points.get(point.twin or "")
    return {
        "title": point.title,
        "site_name": site_name,
        "description": description,
        "blocks": grouped_blocks(point),
        "location": absolute(site_url, point_address(point.meeting, point.id)),
        "permanent": absolute(site_url, permanent_address(point.id)),
        "relative": from_permanent_page(point_address(point.meeting, point.id)),
        "meeting": meeting.title,
        "series": archive.series[meeting.series].title,
        "citation_tags": highwire_tags(citation),
        "json_ld": json_ld(citation, description, [archive.themes[t].title for t in point.themes]),
        "citation_files": [
            ("RIS", from_permanent_page(citation_file(point.id, CITATION_RIS))),
            ("CSL-JSON", from_permanent_page(citation_file(point.id, CITATION_CSL_JSON))),
        ],
        # The twin (same meeting, the same idea stated again) first, then points from other meetings.
        "twin": related_link(archive, twin) if twin is not None else None,
        "related": [related_link(archive, archive.points[other]) for other in related.get(point.id, ())],
    }


def related_link(archive: Archive, point: Point) -> dict[str, str]:
    """A point as a permanent page links to it: its place in its meeting, its label and its meeting's title."""
    return {
        "href": from_permanent_page(point_address(point.meeting, point.id)),
        "title": point.title,
        "meeting": archive.meetings_by_slug[point.meeting].title,
    }


def dates_of(history: History, point: Point) -> PointDates:
    return point_dates(history, point.id, point.title, point.themes, point.text)


def history_context(history: History, point: Point) -> dict[str, object]:
    """What the partial permalink_history.html shows: the point's publication history on this site."""
    dates = dates_of(history, point)
    return {
        "available": history.available,
        "reason": history.reason or "not read for this build",
        "first_published": dates.first_published,
        "last_changed": dates.last_changed,
        "changed_since_commit": dates.changed_since_commit,
        "earlier": [(grouped_text(wording.text), wording.replaced) for wording in reversed(dates.earlier)],
    }


def retired_page_context(
    archive: Archive, old: str, successor: Point | None, why: str, history: History, site_url: str, site_name: str
) -> dict[str, object]:
    """What /p/<old-id>/ says of a retired id: what happened and why, where it leads, its history on this site."""
    known = history.points.get(old) if history.available else None
    if successor is not None:
        description = (
            f"This key point's id was retired: {why}."
            if why
            else ("This key point's id was retired: the point was merged into another, or moved.")
        )
    else:
        description = f"This key point was withdrawn: {why}."
    place = archive.meetings_by_slug.get(known.meeting) if known is not None else None
    return {
        "title": known.title if known is not None else f"Key point '{old}'",
        "site_name": site_name,
        "description": description,
        "permanent": absolute(site_url, permanent_address(old)),
        "successor": None
        if successor is None
        else {
            "title": successor.title,
            "relative": from_permanent_page(point_address(successor.meeting, successor.id)),
            "meeting": archive.meetings_by_slug[successor.meeting].title,
        },
        "last_wording": grouped_text(known.text) if known is not None else [],
        "meeting": {
            "title": place.title if place is not None else "the meetings",
            "relative": from_permanent_page(page_address(place.src_uri if place is not None else MEETINGS_INDEX)),
        },
        "history": {
            "available": history.available,
            "reason": history.reason or "not read for this build",
            "first_published": known.first_published if known is not None else None,
            "last_changed": known.last_changed if known is not None else None,
            "changed_since_commit": False,
            "earlier": [(grouped_text(wording.text), wording.replaced) for wording in reversed(known.earlier)]
            if known is not None
            else [],
        },
    }


def grouped_text(text: str) -> list[str]:
    """A committed wording, a block per line, as paragraphs."""
    return [line for line in text.split("\n") if line]


def export_row(archive: Archive, point: Point, site_url: str, history: History | None = None) -> dict[str, Any]:
    """The point in principles.json and principles.csv; its dates are this site's publication history."""
    meeting = archive.meetings_by_slug[point.meeting]
    dates = dates_of(history or History(False), point)
    return {
        "id": point.id,
        "title": point.title,
        "text": point.text,
        "themes": list(point.themes),
        "meeting": meeting.slug,
        "meeting_title": meeting.title,
        "speakers": [archive.speakers[point.speaker].name] if point.speaker else [],
        "url": absolute(site_url, permanent_address(point.id)),
        "location": absolute(site_url, point_address(point.meeting, point.id)),
        "first_published": dates.first_published,
        "last_changed": dates.last_changed,
    }


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
