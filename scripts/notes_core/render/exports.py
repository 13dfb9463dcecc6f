"""principles.json and principles.csv (their first names, kept so links keep working): every key point, for report
writers and researchers."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from notes_core.addresses import EXPORT_CSV, EXPORT_JSON, absolute, permanent_address, point_address
from notes_core.model import Archive, Point
from notes_core.permalinks.history import History, point_dates
from notes_core.render.related import Related

COLUMNS = [
    "id",
    "title",
    "text",
    "themes",
    "meeting",
    "meeting_title",
    "speakers",
    "url",
    "location",
    "first_published",
    "last_changed",
]


def export_rows(archive: Archive, site_url: str, history: History | None = None) -> list[dict[str, Any]]:
    return [export_row(archive, point, site_url, history) for meeting in archive.meetings for point in meeting.points]


# A cell starting with one of these is run as a formula by spreadsheets (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """OWASP's advice: a leading apostrophe makes the cell text (spreadsheets hide the apostrophe)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def render_exports(
    archive: Archive,
    site_url: str,
    history: History | None = None,
    related: dict[str, Related] | None = None,
) -> dict[str, str]:
    rows = export_rows(archive, site_url, history)
    related = related or {}
    data = {
        "description": "Key points of the Better Way network's Joining Forces meetings. `url` is the permanent link; "
        "`location` is where the point is now. `first_published` and `last_changed` are dates of this site's "
        "publication history (from its commits), not meeting dates; null when the history is not available. "
        '`related` names the key points an editor chose as related to the point (`related_by`: "editors"), or, '
        "where none was chosen, up to three suggested by a computation of shared words and themes, not read by a "
        'person (`related_by`: "shared words and themes"); it may be empty.',
        "count": len(rows),
        "points": [{**row, **related_fields(related.get(row["id"]))} for row in rows],
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        cells = {**row, "first_published": row["first_published"] or "", "last_changed": row["last_changed"] or ""}
        cells |= {"themes": "; ".join(row["themes"]), "speakers": "; ".join(row["speakers"])}
        writer.writerow({key: spreadsheet_safe(str(value)) for key, value in cells.items()})
    return {
        EXPORT_JSON: json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
        EXPORT_CSV: out.getvalue(),
    }


def related_fields(entry: Related | None) -> dict[str, Any]:
    if entry is None or not entry.ids:
        return {"related": [], "related_by": None}
    return {"related": list(entry.ids), "related_by": "editors" if entry.chosen else "shared words and themes"}


def export_row(archive: Archive, point: Point, site_url: str, history: History | None = None) -> dict[str, Any]:
    """The point in principles.json and principles.csv; its dates are this site's publication history."""
    meeting = archive.meetings_by_slug[point.meeting]
    dates = point_dates(history or History(False), point.id, point.title, point.themes, point.text)
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
