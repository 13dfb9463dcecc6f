"""The meetings index (every meeting by series, and the meetings the notes announce) and, when there are
several series, a page per series."""

from __future__ import annotations

from collections import defaultdict

from notes_core import addresses as A
from notes_core.model import Archive, Meeting, PlannedMeeting
from notes_core.render import scale
from notes_core.render.page import Page, render_page


def render_meetings_index(archive: Archive, grouped: dict[str, list[Meeting]]) -> Page:
    planned: dict[str, list[PlannedMeeting]] = defaultdict(list)
    for plan in archive.planned:
        planned[plan.series].append(plan)
    sections = [
        (series_id, series, grouped.get(series_id, []), planned.get(series_id, []))
        for series_id, series in archive.series.items()
        if grouped.get(series_id) or planned.get(series_id)
    ]
    return render_page(
        "meetings_index.html",
        A.MEETINGS_INDEX,
        "Meetings",
        f"All {len(archive.meetings)} meetings, numbered in the order the notes give them, with their questions, "
        "speakers and themes.",
        searchable=False,
        archive=archive,
        sections=sections,
        several=len(grouped) > 1,
        flat_limit=scale.NAV_FLAT_LIMIT,
    )


def render_series_page(archive: Archive, series_id: str, meetings: list[Meeting]) -> Page:
    series = archive.series[series_id]
    return render_page(
        "series.html",
        A.series_page(series_id),
        series.title,
        series.description,
        searchable=False,
        series=series,
        meetings=meetings,
    )
