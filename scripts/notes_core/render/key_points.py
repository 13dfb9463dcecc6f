"""Every key point in one place: by theme, and from A to Z (one page, or past LIST_LIMIT a page of letters and
a page per letter, in parts of LETTER_PAGE)."""

from __future__ import annotations

from collections import defaultdict

from notes_core import addresses as A
from notes_core.model import Archive, Point
from notes_core.render import scale
from notes_core.render.groups import meeting_titles
from notes_core.render.page import Page, render_page
from notes_core.render.scale import chunks


def render_key_points_by_theme(archive: Archive) -> Page:
    return render_page(
        "key_points_by_theme.html",
        A.PRINCIPLES_BY_THEME,
        "Key points by theme",
        f"All {len(archive.points)} key points of the meetings, grouped by theme, each linked to its place in its "
        "meeting.",
        searchable=False,
        ids=archive.themes,
        archive=archive,
        listed=len(archive.points) <= scale.LIST_LIMIT,
        titles=meeting_titles(archive),
    )


def render_a_to_z_pages(archive: Archive) -> dict[str, Page]:
    letters: dict[str, list[Point]] = defaultdict(list)
    for point in sorted(archive.points.values(), key=lambda p: (p.title.lower(), p.id)):
        first = point.title.lstrip("‘'\"“(")[:1].upper()
        letters[first if first.isalpha() else "#"].append(point)
    title = "Key points A to Z"
    description = (
        f"All {len(archive.points)} key points of the meetings in alphabetical order of their titles, which are the "
        "site’s own words."
    )
    titles = meeting_titles(archive)
    if len(archive.points) <= scale.LIST_LIMIT:
        sections = [(letter, letter_anchor(letter), points) for letter, points in letters.items()]
        page = render_page(
            "a_to_z.html",
            A.PRINCIPLES_A_TO_Z,
            title,
            description,
            False,
            ids=[s[1] for s in sections],
            sections=sections,
            titles=titles,
        )
        return {A.PRINCIPLES_A_TO_Z: page}
    pages: dict[str, Page] = {}
    parts_index = []
    for letter, points in letters.items():
        parts = chunks(points, scale.LETTER_PAGE)
        for number, part in enumerate(parts, start=1):
            name = (letter.lower() if letter.isalpha() else "other") + (f"-{number}" if len(parts) > 1 else "")
            uri = A.a_to_z_page(name)
            label = letter + (f" ({number} of {len(parts)})" if len(parts) > 1 else "")
            parts_index.append((uri, label, len(part)))
            pages[uri] = render_page(
                "a_to_z.html",
                uri,
                f"Key points: {label}",
                f"Key points whose titles start with {letter}.",
                False,
                sections=[(None, None, part)],
                titles=titles,
            )
    index = render_page("a_to_z_letters.html", A.PRINCIPLES_A_TO_Z, title, description, False, parts=parts_index)
    return {A.PRINCIPLES_A_TO_Z: index, **pages}


def letter_anchor(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"
