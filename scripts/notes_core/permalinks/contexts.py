"""What a permanent page (/p/<id>/) and a retired id's page show: the point, its citation, its related points
and its history on this site, as the templates in templates/ receive them."""

from __future__ import annotations

from notes_core.addresses import (
    CITATION_CSL_JSON,
    CITATION_RIS,
    MEETINGS_INDEX,
    absolute,
    citation_file,
    from_permanent_page,
    page_address,
    permanent_address,
    point_address,
)
from notes_core.citations.formats import highwire_tags, json_ld, point_citation
from notes_core.model import Archive, Point
from notes_core.permalinks.history import History, PointDates, point_dates


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
        "blocks": point.grouped_blocks,
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
        # How the list was made, said on the page: by an editor (`see-also:`), or computed.
        "related_chosen": bool(archive.see_also.get(point.id)),
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
        "unpublished": history.unpublished,
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
            "unpublished": history.unpublished,
            "earlier": [(grouped_text(wording.text), wording.replaced) for wording in reversed(known.earlier)]
            if known is not None
            else [],
        },
    }


def grouped_text(text: str) -> list[str]:
    """A committed wording, a block per line, as paragraphs."""
    return [line for line in text.split("\n") if line]


def one_line(point: Point) -> str:
    """The point's words on one line, a list's items separated by semicolons: for descriptions."""
    return " ".join("; ".join(words) for _kind, words in point.grouped_blocks)


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
