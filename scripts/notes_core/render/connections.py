"""Cross-theme pages: the theme map (table and picture), points filed under several themes, themes filed together."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from notes_core import addresses as A
from notes_core.addresses import link
from notes_core.model import Archive, Point, Theme
from notes_core.render import scale
from notes_core.render.groups import meeting_titles
from notes_core.render.heatmap import heatmap_size, render_heatmap_svg
from notes_core.render.page import Page, render_page
from notes_core.render.theme_columns import Column, theme_map


def render_connection_pages(archive: Archive) -> dict[str, Page | str]:
    pairs = theme_pairs(archive)
    columns, counts = theme_map(archive)
    return {
        A.CONNECTIONS_MAP_PICTURE: str(render_heatmap_svg(archive, columns, counts, standalone=True)) + "\n",
        A.CONNECTIONS_MATRIX: render_matrix_page(archive, columns, counts),
        **render_pairs_pages(archive, pairs),
        A.CONNECTIONS_CO_OCCURRENCE: render_co_occurrence_page(archive, pairs),
    }


def render_matrix_page(archive: Archive, columns: list[Column], counts: dict[tuple[str, str], int]) -> Page:
    kind = "meeting" if len(archive.meetings) <= scale.MATRIX_MEETING_COLUMNS else "series"
    # Inline SVG (coloured by the palette) for small maps; the picture file for large ones, to keep the page light.
    inline = len(columns) * len(archive.themes) <= scale.INLINE_PICTURE_CELLS
    width, height = heatmap_size(archive, columns)
    return render_page(
        "theme_map.html",
        A.CONNECTIONS_MATRIX,
        "Theme map",
        f"How many of each {kind}’s key points are filed under each theme: a table, and a heat map shaded by each "
        f"{kind}’s share.",
        searchable=False,
        archive=archive,
        kind=kind,
        columns=columns,
        counts=counts,
        fewest=min((c.points for c in columns), default=0),
        most=max((c.points for c in columns), default=0),
        svg=render_heatmap_svg(archive, columns, counts) if inline else None,
        width=width,
        height=height,
    )


def theme_pairs(archive: Archive) -> dict[tuple[str, str], list[Point]]:
    """Points filed under both themes of each pair, pairs in the themes' registry order."""
    rank = {theme_id: index for index, theme_id in enumerate(archive.themes)}
    pairs: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for point in archive.points.values():
        for a, b in combinations(sorted(point.themes, key=rank.__getitem__), 2):
            pairs[(a, b)].append(point)
    return dict(sorted(pairs.items(), key=lambda item: (rank[item[0][0]], rank[item[0][1]])))


def pair_anchor(pair: tuple[str, str]) -> str:
    return f"{pair[0]}--{pair[1]}"


def pairs_split(pairs: dict[tuple[str, str], list[Point]]) -> bool:
    return sum(len(points) for points in pairs.values()) > scale.LIST_LIMIT


# A pair of themes on a page: its anchor, its two themes, its key points, and their meetings' titles (or None).
Section = tuple[str, Theme, Theme, list[Point], dict[str, str] | None]


def render_pairs_pages(archive: Archive, pairs: dict[tuple[str, str], list[Point]]) -> dict[str, Page]:
    """One page of pairs; past LIST_LIMIT entries, an index and a page per theme (each pair under both its themes)."""
    page = A.CONNECTIONS_PAIRS
    title = "Points filed under several themes"
    description = "Key points filed under two or more themes, grouped by each pair of those themes."
    connecting = sum(1 for p in archive.points.values() if len(p.themes) > 1), len(archive.points)
    if not pairs_split(pairs):
        titles = meeting_titles(archive)
        sections = [pair_section(archive, pair, points, pair_anchor(pair), titles) for pair, points in pairs.items()]
        return {page: render_pairs_page(page, title, description, sections, connecting)}
    by_theme: dict[str, list[tuple[tuple[str, str], list[Point]]]] = defaultdict(list)
    for pair, points in pairs.items():
        by_theme[pair[0]].append((pair, points))
        by_theme[pair[1]].append((pair, points))
    pages: dict[str, Page] = {}
    index = []
    for theme_id, theme in archive.themes.items():
        if theme_id not in by_theme:
            continue
        uri = A.pairs_page(theme_id)
        index.append((uri, theme, sum(len(points) for _, points in by_theme[theme_id])))
        sections = []
        for pair, points in by_theme[theme_id]:
            other = pair[1] if pair[0] == theme_id else pair[0]
            sections.append(pair_section(archive, (theme_id, other), points, other, None))
        pages[uri] = render_pairs_page(
            uri,
            f"{theme.title}: filed with other themes",
            f"Key points filed under {theme.title} and other themes.",
            sections,
        )
    return {page: render_pairs_page(page, title, description, [], connecting, index), **pages}


def pair_section(
    archive: Archive, pair: tuple[str, str], points: list[Point], anchor: str, titles: dict[str, str] | None
) -> Section:
    """A pair's heading (its anchor and themes) and its points, with their meetings' titles when `titles` are given."""
    return (anchor, archive.themes[pair[0]], archive.themes[pair[1]], points, titles)


def render_pairs_page(
    page: str,
    title: str,
    description: str,
    sections: list[Section],
    connecting: tuple[int, int] | None = None,
    index: list[tuple[str, Theme, int]] | None = None,
) -> Page:
    return render_page(
        "theme_pairs.html",
        page,
        title,
        description,
        searchable=False,
        ids=[section[0] for section in sections],
        sections=sections,
        connecting=connecting,
        index=index,
    )


def render_co_occurrence_page(archive: Archive, pairs: dict[tuple[str, str], list[Point]]) -> Page:
    page = A.CONNECTIONS_CO_OCCURRENCE
    ranked = sorted(pairs.items(), key=lambda item: (-len(item[1]), item[0]))
    split = pairs_split(pairs)
    rows = [
        (
            archive.themes[pair[0]],
            archive.themes[pair[1]],
            A.page_url(page, A.pairs_page(pair[0]), pair[1])
            if split
            else A.page_url(page, A.CONNECTIONS_PAIRS, pair_anchor(pair)),
            len(points),
            len({p.meeting for p in points}),
        )
        for pair, points in ranked[: scale.CO_OCCURRENCE_ROWS]
    ]
    return render_page(
        "co_occurrence.html",
        page,
        "Themes filed together",
        "Which pairs of themes this site most often files the same key point under, and in how many meetings.",
        searchable=False,
        rows=rows,
        pairs=len(ranked),
    )


THEME_MAP_MARKER = "<!-- theme-map"


def insert_theme_map(markdown: str, archive: Archive, page: str) -> str:
    """Replace the theme-map marker line of a hand-written page with the picture, linked to the table."""
    if THEME_MAP_MARKER not in markdown:
        return markdown
    width, height = heatmap_size(archive, theme_map(archive)[0])
    picture = (
        "[![Heat map of the share of each meeting’s key points filed under each theme; the theme map page gives the "
        "numbers as a table.]"
        f'({link(page, A.CONNECTIONS_MAP_PICTURE)}){{ width="{width}" height="{height}" loading="lazy" }}]'
        f"({link(page, A.CONNECTIONS_MATRIX)})"
    )
    return "\n".join(picture if line.startswith(THEME_MAP_MARKER) else line for line in markdown.split("\n"))
