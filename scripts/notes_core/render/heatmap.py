"""The theme map drawn as an SVG heat map at build time (templates/heatmap.svg): no JavaScript, colours from CSS
classes."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from notes_core.documents import render_document
from notes_core.model import Archive
from notes_core.render.theme_columns import Column

CELL = 28
LABEL_WIDTH = 190  # at least: wide enough for the longest theme title (label_width), so no row label is cut
CHARACTER = 7  # the width of a 12px label character, generously
HEADER = 30
LEVELS = 5
LEGEND = 52  # the legend under the squares: its caption, then a swatch per shade with its range of shares
LEGEND_STEP = 84  # a swatch and its label
LEGEND_WIDTH = 5 * LEGEND_STEP + 4


def label_width(archive: Archive) -> int:
    return max([LABEL_WIDTH] + [CHARACTER * len(theme.title) + 16 for theme in archive.themes.values()])


def heatmap_size(archive: Archive, columns: Sequence[Column]) -> tuple[int, int]:
    return (
        max(label_width(archive) + CELL * len(columns) + 4, LEGEND_WIDTH),
        HEADER + CELL * len(archive.themes) + 4 + LEGEND,
    )


# Shares of a column's key points at which a square turns one shade darker.
SHARE_STEPS = (0.1, 0.2, 0.3, 0.45)


def legend() -> list[tuple[int, str]]:
    """Each shade (1 to LEVELS) and the shares of a column's key points it stands for."""
    bounds = [0, *(round(step * 100) for step in SHARE_STEPS)]
    return [
        (
            level,
            f"under {bounds[1]}%"
            if level == 1
            else f"{bounds[level - 1]}%+"
            if level == LEVELS
            else f"{bounds[level - 1]}–{bounds[level] - 1}%",
        )
        for level in range(1, LEVELS + 1)
    ]


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
            "label_width": label_width(archive),
            "legend": legend(),
            "legend_step": LEGEND_STEP,
            "legend_top": HEADER + CELL * len(archive.themes) + 4,
            "header": HEADER,
        },
    )
    return Markup(svg.rstrip("\n"))
