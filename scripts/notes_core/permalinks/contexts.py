"""What a permanent page (/p/<id>/) and a retired id's page show: the point, its citation, its related points
and its history on this site, as the templates in templates/ receive them."""

from __future__ import annotations

from notes_core.addresses import (
    CITATION_FILES,
    MEETINGS_INDEX,
    PREVIEW_IMAGE,
    absolute,
    citation_file,
    from_permanent_page,
    meeting_page,
    page_address,
    permanent_address,
    point_address,
    speaker_page,
    theme_page,
)
from notes_core.citations.formats import ACCESSED, harvard, head_tags, json_ld, plain
from notes_core.citations.model import Citation
from notes_core.model import Archive, Point
from notes_core.permalinks.history import History, PointDates, point_dates
from notes_core.render.preview_image import PREVIEW_SIZE, strapline


def permanent_page_context(
    archive: Archive,
    point: Point,
    citation: Citation,
    bib: str,
    site_url: str,
    site_name: str,
    related: dict[str, tuple[str, ...]],
) -> dict[str, object]:
    """What the point's permanent page (/p/<id>/) shows, and says to link previews and reference managers; its
    citation and BibTeX are the ones its files hold."""
    meeting = archive.meetings_by_slug[point.meeting]
    twin = archive.points.get(point.twin or "")
    return {
        "title": point.title,
        "site_name": site_name,
        "home": from_permanent_page(""),
        "description": citation.description,
        "blocks": point.grouped_blocks,
        "permanent": citation.url,
        "in_context": from_permanent_page(point_address(point.meeting, point.id)),
        "meeting": {
            "title": meeting.title,
            "href": from_permanent_page(page_address(meeting_page(meeting.slug))),
            "order": meeting.order,
            "series": archive.series[meeting.series].title,
        },
        # Who made the point, as its citation names them (citations/model.py), with a link to their page.
        "speaker": {"name": citation.speaker, "href": from_permanent_page(page_address(speaker_page(point.speaker)))}
        if citation.speaker and point.speaker
        else None,
        "themes": [
            {"title": archive.themes[t].title, "href": from_permanent_page(page_address(theme_page(t)))}
            for t in point.themes
        ],
        "head_tags": head_tags(citation),
        "image": {
            "url": absolute(site_url, PREVIEW_IMAGE),
            "width": PREVIEW_SIZE[0],
            "height": PREVIEW_SIZE[1],
            "alt": f"{site_name}: {strapline(archive)}",
        },
        "json_ld": json_ld(citation, absolute(site_url, "")),
        "cite": {
            "plain": plain(citation),
            "harvard": harvard(citation).split(ACCESSED, 1),
            "accessed": ACCESSED,
            "bibtex": bib,
        },
        "citation_files": [
            (label, from_permanent_page(citation_file(point.id, name)), media_type)
            for label, name, media_type in CITATION_FILES
        ],
        # The twin (same meeting, the same idea stated again) first, then the related points.
        "twin": related_link(archive, twin) if twin is not None else None,
        "related": [related_link(archive, archive.points[other]) for other in related.get(point.id, ())],
        # How the list was made, said on the page: by an editor (`see-also:`), or computed.
        "related_chosen": bool(archive.see_also.get(point.id)),
    }


def related_link(archive: Archive, point: Point) -> dict[str, str]:
    """Another point as a permanent page links to it: its own permanent page, its label and its meeting's title."""
    return {
        "href": from_permanent_page(permanent_address(point.id)),
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
            f"The key point id ‘{old}’ was retired: {why}."
            if why
            else f"The key point id ‘{old}’ was retired; the point it named has another id now."
        )
    else:
        description = f"The key point once at this address was withdrawn: {why}."
    place = archive.meetings_by_slug.get(known.meeting) if known is not None else None
    return {
        "title": f"Key point id ‘{old}’ retired",
        "heading": f"The key point id ‘{old}’ was retired" if successor is not None else "A withdrawn key point",
        "site_name": site_name,
        "home": from_permanent_page(""),
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
