"""Cross-theme pages: the theme-by-meeting matrix (table and picture), theme pairs, co-occurrence."""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from ..model import Archive, Point
from . import links as L
from .heatmap import heatmap_size, render_heatmap_svg
from .links import escape, front_matter, link, point_link


def render_connection_pages(archive: Archive) -> dict[str, str]:
    pairs = theme_pairs(archive)
    counts = theme_meeting_counts(archive)
    return {
        L.CONNECTIONS_MAP_PICTURE: render_heatmap_svg(archive, counts, standalone=True) + "\n",
        L.CONNECTIONS_MATRIX: render_matrix_page(archive, counts),
        L.CONNECTIONS_PAIRS: render_pairs_page(archive, pairs),
        L.CONNECTIONS_CO_OCCURRENCE: render_co_occurrence_page(archive, pairs),
    }


def theme_meeting_counts(archive: Archive) -> dict[tuple[str, str], int]:
    counts: Counter[tuple[str, str]] = Counter()
    for point in archive.points.values():
        for theme in point.themes:
            counts[(theme, point.meeting)] += 1
    return counts


def render_matrix_page(archive: Archive, counts: dict[tuple[str, str], int]) -> str:
    page = L.CONNECTIONS_MATRIX
    meetings = archive.meetings
    out = [front_matter("Theme map", "Which themes each meeting discussed: a theme-by-meeting table of key points, also drawn as a heat map."),
           "# Theme map", "",
           "How many key points of each meeting touch each theme. Each number links to those points; darker squares in the picture mean more points.", "",
           f"See also [points that connect themes]({link(page, L.CONNECTIONS_PAIRS)}) and [which themes go together]({link(page, L.CONNECTIONS_CO_OCCURRENCE)}).", "",
           '<div class="heatmap">', render_heatmap_svg(archive, counts), "</div>", "",
           "## Table", "",
           "| Theme | " + " | ".join(f"[{m.order}]({link(page, L.meeting_page(m))} \"{escape(m.title)}\")" for m in meetings) + " | All |",
           "| --- | " + " | ".join("---:" for _ in meetings) + " | ---: |"]
    for theme_id, theme in archive.themes.items():
        cells = []
        for meeting in meetings:
            count = counts.get((theme_id, meeting.slug), 0)
            cells.append(f"[{count}]({link(page, L.theme_page(theme_id), meeting.slug)})" if count else "0")
        total = len(archive.points_by_theme.get(theme_id, ()))
        out.append(f"| [{escape(theme.title)}]({link(page, L.theme_page(theme_id))}) | " + " | ".join(cells) + f" | {total} |")
    out += ["", "Meetings by number:", ""]
    out += [f"{m.order}. [{escape(m.title)}]({link(page, L.meeting_page(m))})" for m in meetings]
    return "\n".join(out) + "\n"


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


def render_pairs_page(archive: Archive, pairs: dict[tuple[str, str], list[Point]]) -> str:
    page = L.CONNECTIONS_PAIRS
    connecting = sum(1 for p in archive.points.values() if len(p.themes) > 1)
    out = [front_matter("Points that connect themes", "Key points filed under two or more themes, grouped by each pair of themes they connect."),
           "# Points that connect themes", "",
           f"{connecting} of the {len(archive.points)} key points connect two or more themes. Each is listed under every pair of its themes.", ""]
    for pair, points in pairs.items():
        a, b = (archive.themes[t] for t in pair)
        out += [f"## {escape(a.title)} and {escape(b.title)} {{#{pair_anchor(pair)}}}", ""]
        for point in points:
            meeting = archive.meetings_by_slug[point.meeting]
            out.append(f"- [{escape(point.title)}]({point_link(page, point)}) ({escape(meeting.title)})")
        out.append("")
    return "\n".join(out)


def render_co_occurrence_page(archive: Archive, pairs: dict[tuple[str, str], list[Point]]) -> str:
    page = L.CONNECTIONS_CO_OCCURRENCE
    ranked = sorted(pairs.items(), key=lambda item: (-len(item[1]), item[0]))
    out = [front_matter("Themes that go together", "Which pairs of themes are most often raised in the same key point, and in how many meetings."),
           "# Themes that go together", "",
           "Pairs of themes ranked by how many key points are filed under both.", "",
           "| Themes | Key points | Meetings |", "| --- | ---: | ---: |"]
    for pair, points in ranked:
        a, b = (archive.themes[t] for t in pair)
        meetings = len({p.meeting for p in points})
        out.append(f"| [{escape(a.title)} and {escape(b.title)}]({link(page, L.CONNECTIONS_PAIRS, pair_anchor(pair))}) | {len(points)} | {meetings} |")
    return "\n".join(out) + "\n"


THEME_MAP_MARKER = "<!-- theme-map"


def insert_theme_map(markdown: str, archive: Archive, page: str) -> str:
    """Replace the theme-map marker line of a hand-written page with the picture, linked to the table."""
    if THEME_MAP_MARKER not in markdown:
        return markdown
    width, height = heatmap_size(archive)
    picture = (f"[![Heat map of key points by theme and meeting; the theme map page gives the same numbers as a table.]"
               f"({link(page, L.CONNECTIONS_MAP_PICTURE)}){{ width=\"{width}\" height=\"{height}\" loading=\"lazy\" }}]"
               f"({link(page, L.CONNECTIONS_MATRIX)})")
    return "\n".join(picture if line.startswith(THEME_MAP_MARKER) else line for line in markdown.split("\n"))
