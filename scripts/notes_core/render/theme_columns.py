"""The theme map's columns (a meeting each, or a series each past MATRIX_MEETING_COLUMNS) and its counts: what the
theme map page and its table (connections.py) and the picture (heatmap.py) are drawn from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from notes_core import addresses as A
from notes_core.model import Archive
from notes_core.render import scale


@dataclass(frozen=True)
class Column:
    """A column of the theme map: one meeting or, for large archives, one series."""

    key: str
    label: str
    title: str
    page: str
    anchors: dict[str, str] = field(default_factory=dict)  # theme id -> meeting anchor on the theme page
    size: list[int] = field(default_factory=lambda: [0])  # its key points (a box, filled in as they are counted)

    @property
    def points(self) -> int:
        return self.size[0]


def theme_map(archive: Archive) -> tuple[list[Column], dict[tuple[str, str], int]]:
    """Columns, and key points per (theme, column): a column per meeting, or per series past MATRIX_MEETING_COLUMNS."""
    by_meeting = len(archive.meetings) <= scale.MATRIX_MEETING_COLUMNS
    if by_meeting:
        columns = [Column(m.slug, str(m.order), m.title, A.meeting_page(m.slug)) for m in archive.meetings]
    else:
        present = {m.series for m in archive.meetings}
        several = len(archive.series) > 1
        columns = [
            Column(s, str(n), archive.series[s].title, A.series_page(s) if several else A.MEETINGS_INDEX)
            for n, s in enumerate((s for s in archive.series if s in present), start=1)
        ]
    by_key = {column.key: column for column in columns}
    counts: Counter[tuple[str, str]] = Counter()
    for point in archive.points.values():
        key = point.meeting if by_meeting else archive.meetings_by_slug[point.meeting].series
        by_key[key].size[0] += 1
        for theme in point.themes:
            counts[(theme, key)] += 1
            by_key[key].anchors.setdefault(theme, point.meeting)
    return columns, counts
