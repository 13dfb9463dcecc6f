"""The theme map drawn as an SVG heat map at build time: no JavaScript, colours from CSS classes."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from notes_core.model import Archive
from notes_core.render.theme_columns import Column

CELL = 28
LABEL_WIDTH = 190
HEADER = 30
LEVELS = 5

# For the picture used as an image file (the home page), where the site's CSS does not reach.
STANDALONE_STYLE = (
    "<style>.heatmap-label{fill:#1f1f1f;font:12px system-ui,sans-serif}.heat-0{fill:#eeeeee}"
    ".heat-1{fill:#dfe3f6}.heat-2{fill:#b3bcea}.heat-3{fill:#7d8bd8}.heat-4{fill:#3f51b5}.heat-5{fill:#1a237e}"
    ".heat-text-1,.heat-text-2,.heat-text-3{fill:#0d1028;font:12px system-ui,sans-serif}"
    ".heat-text-4,.heat-text-5{fill:#ffffff;font:12px system-ui,sans-serif}</style>"
)


def heatmap_size(archive: Archive, columns: Sequence[Column]) -> tuple[int, int]:
    return LABEL_WIDTH + CELL * len(columns) + 4, HEADER + CELL * len(archive.themes) + 4


# Shares of a column's key points at which a square turns one shade darker.
SHARE_STEPS = (0.1, 0.2, 0.3, 0.45)


def share_level(count: int, size: int) -> int:
    """0 for no point; 1 to LEVELS by the share of the column's key points (meetings differ tenfold in size)."""
    if count == 0 or size == 0:
        return 0
    return 1 + sum(count / size >= step for step in SHARE_STEPS)


def render_heatmap_svg(
    archive: Archive, columns: Sequence[Column], counts: dict[tuple[str, str], int], standalone: bool = False
) -> str:
    """One line of SVG; the table beside it carries the same numbers and the links."""
    themes = list(archive.themes.values())
    kind = "meeting" if columns and columns[0].key in archive.meetings_by_slug else "series"
    width, height = heatmap_size(archive, columns)
    namespace = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    parts = [
        f'<svg{namespace} class="heatmap-svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="heatmap-title">',
        f'<title id="heatmap-title">Heat map of the share of each {kind}\'s key points (columns 1 to {len(columns)}) '
        f"filed under each theme (rows); "
        "the table below gives the numbers.</title>",
    ]
    if standalone:
        parts += [STANDALONE_STYLE, f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    for index, column in enumerate(columns):
        x = LABEL_WIDTH + index * CELL + CELL / 2
        parts.append(
            f'<text class="heatmap-label" x="{x:g}" y="{HEADER - 10}" '
            f'text-anchor="middle">{escape(column.label)}</text>'
        )
    for row, theme in enumerate(themes):
        y = HEADER + row * CELL
        parts.append(
            f'<text class="heatmap-label" x="{LABEL_WIDTH - 8}" y="{y + CELL / 2 + 4:g}" '
            f'text-anchor="end">{escape(theme.title)}</text>'
        )
        for index, column in enumerate(columns):
            count = counts.get((theme.id, column.key), 0)
            level = share_level(count, column.points)
            x = LABEL_WIDTH + index * CELL
            parts.append(
                f'<rect class="heat-{level}" x="{x + 1}" y="{y + 1}" width="{CELL - 2}" height="{CELL - 2}" rx="3"/>'
            )
            if count:
                parts.append(
                    f'<text class="heat-text-{level}" x="{x + CELL / 2:g}" y="{y + CELL / 2 + 4:g}" '
                    f'text-anchor="middle">{count}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)
