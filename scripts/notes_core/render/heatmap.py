"""The theme map drawn as an SVG heat map at build time: no JavaScript, colours from CSS classes."""
from __future__ import annotations

from html import escape

from ..model import Archive

CELL = 28
LABEL_WIDTH = 190
HEADER = 30
LEVELS = 5


def render_heatmap_svg(archive: Archive, counts: dict[tuple[str, str], int]) -> str:
    """One line of SVG; the table beside it carries the same numbers and the links."""
    meetings = archive.meetings
    themes = list(archive.themes.values())
    peak = max(counts.values(), default=0) or 1
    width = LABEL_WIDTH + CELL * len(meetings) + 4
    height = HEADER + CELL * len(themes) + 4
    parts = [
        f'<svg class="heatmap-svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="heatmap-title">',
        f'<title id="heatmap-title">Heat map of key points by theme (rows) and meeting (columns 1 to {len(meetings)}); the table below gives the numbers.</title>',
    ]
    for column, meeting in enumerate(meetings):
        x = LABEL_WIDTH + column * CELL + CELL / 2
        parts.append(f'<text class="heatmap-label" x="{x:g}" y="{HEADER - 10}" text-anchor="middle">{meeting.order}</text>')
    for row, theme in enumerate(themes):
        y = HEADER + row * CELL
        parts.append(f'<text class="heatmap-label" x="{LABEL_WIDTH - 8}" y="{y + CELL / 2 + 4:g}" text-anchor="end">{escape(theme.title)}</text>')
        for column, meeting in enumerate(meetings):
            count = counts.get((theme.id, meeting.slug), 0)
            level = 0 if count == 0 else 1 + min(LEVELS - 1, (count - 1) * LEVELS // peak)
            x = LABEL_WIDTH + column * CELL
            parts.append(f'<rect class="heat-{level}" x="{x + 1}" y="{y + 1}" width="{CELL - 2}" height="{CELL - 2}" rx="3"/>')
            if count:
                parts.append(f'<text class="heat-text-{level}" x="{x + CELL / 2:g}" y="{y + CELL / 2 + 4:g}" text-anchor="middle">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)
