"""How listings group the archive: meetings by series, points by meeting, speakers' meetings, sort orders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from notes_core.model import Archive, Meeting, Point


def meetings_by_series(archive: Archive) -> dict[str, list[Meeting]]:
    grouped: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in archive.meetings:
        grouped[meeting.series].append(meeting)
    return {series: grouped[series] for series in archive.series if grouped.get(series)}


def group_by_meeting(points: Iterable[Point]) -> dict[str, list[Point]]:
    grouped: dict[str, list[Point]] = {}
    for point in points:
        grouped.setdefault(point.meeting, []).append(point)
    return grouped


def speaker_meetings(archive: Archive) -> dict[str, list[tuple[Meeting, str | None]]]:
    result: dict[str, list[tuple[Meeting, str | None]]] = defaultdict(list)
    for meeting in archive.meetings:
        for role in meeting.speakers:
            result[role.speaker].append((meeting, role.role))
    return result


def meeting_titles(archive: Archive) -> dict[str, str]:
    return {slug: meeting.title for slug, meeting in archive.meetings_by_slug.items()}


def speaker_initial(name: str) -> str:
    initial = name.split()[-1][:1].upper()
    return initial if initial.isalpha() else "#"


def sort_name(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1].lower(), name.lower())
