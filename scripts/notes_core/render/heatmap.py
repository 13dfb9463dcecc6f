"""The theme map drawn as an SVG heat map at build time (templates/heatmap.svg): no JavaScript, colours from CSS
classes."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from notes_core.documents import render_document
from notes_core.model import Archive
from notes_core.render.theme_columns import Column

CELL = 28
LABEL_WIDTH = 190
HEADER = 30
LEVELS = 5


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
) -> Markup:
    """One line of SVG (templates/heatmap.svg); `standalone` for the picture file, where the site's CSS does not
    reach (the home page shows it as an image)."""
    width, height = heatmap_size(archive, columns)
    svg = render_document(
        "heatmap.svg",
        {
            "standalone": standalone,
            "kind": "meeting" if columns and columns[0].key in archive.meetings_by_slug else "series",
            "width": width,
            "height": height,
            "columns": columns,
            "themes": list(archive.themes.values()),
            "counts": counts,
            "share_level": share_level,
            "cell": CELL,
            "label_width": LABEL_WIDTH,
            "header": HEADER,
        },
    )
    return Markup(svg.rstrip("\n"))
