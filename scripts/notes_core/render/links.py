"""Paths of pages and relative Markdown links between them."""
from __future__ import annotations

import html

from ..model import Meeting, Point

MEETINGS_INDEX = "meetings/index.md"
THEMES_INDEX = "themes/index.md"
SPEAKERS_INDEX = "speakers/index.md"
ORGANISATIONS_INDEX = "organisations/index.md"
PRINCIPLES_BY_THEME = "principles/index.md"
PRINCIPLES_A_TO_Z = "principles/a-z.md"
CONNECTIONS_MATRIX = "connections/index.md"
CONNECTIONS_MAP_PICTURE = "connections/theme-map.svg"
CONNECTIONS_PAIRS = "connections/theme-pairs.md"
CONNECTIONS_CO_OCCURRENCE = "connections/co-occurrence.md"


def theme_page(theme_id: str) -> str:
    return f"themes/{theme_id}.md"


def series_page(series_id: str) -> str:
    return f"meetings/series/{series_id}.md"


def pairs_page(theme_id: str) -> str:
    return f"connections/theme-pairs/{theme_id}.md"


def speaker_page(speaker_id: str) -> str:
    return f"speakers/{speaker_id}.md"


def meeting_page(meeting: Meeting | str) -> str:
    slug = meeting if isinstance(meeting, str) else meeting.slug
    return f"meetings/{slug}.md"


def point_url(point: Point) -> str:
    """The permanent address of a point, relative to the site root."""
    return f"p/{point.id}/"


def point_location(point: Point) -> str:
    """Where the point lives now, relative to the site root."""
    return f"meetings/{point.meeting}/#{point.id}"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one docs file to another, as MkDocs expects it.

    Both are plain docs paths ("themes/x.md"), so this is string work, not posixpath.relpath
    (which resolves against the working folder and showed up in the benchmark's profile).
    """
    if from_page == to_page and anchor:
        return f"#{anchor}"
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{target}#{anchor}" if anchor else target


def point_link(from_page: str, point: Point) -> str:
    return link(from_page, meeting_page(point.meeting), point.id)


def page_address(src_uri: str) -> str:
    """The address of a docs page with directory URLs: about.md -> about/, themes/index.md -> themes/."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """The relative URL MkDocs would make of a Markdown link, for listings written as HTML."""
    if page_address(from_page) == page_address(to_page):
        return f"#{anchor}" if anchor else "./"
    relative = link(page_address(from_page) + "index.html", page_address(to_page) + "index.html")[: -len("index.html")]
    return (relative or "./") + (f"#{anchor}" if anchor else "")


def point_list(page: str, points, meeting_titles: dict[str, str] | None = None) -> list[str]:
    """Links to points as one HTML list. Long listings are written as HTML rather than Markdown
    because Python-Markdown spends about 0.1 ms on each link (see BENCHMARKS.md)."""
    items = []
    for point in points:
        suffix = f" ({html.escape(meeting_titles[point.meeting])})" if meeting_titles else ""
        items.append(f'<li><a href="{html.escape(page_url(page, meeting_page(point.meeting), point.id))}">{html.escape(point.title)}</a>{suffix}</li>')
    return ["<ul>", *items, "</ul>", ""] if items else []


# Text from the registries and front matter is text: nothing in it may become Markdown, an attribute
# list or HTML. Backslash escapes for Markdown's own characters; entities for &, < and >.
MARKDOWN_TEXT = str.maketrans({
    **{char: "\\" + char for char in "\\`*_{}[]|"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;",
})


def escape(text: str) -> str:
    """Text placed in Markdown: link labels, table cells, headings, paragraphs."""
    return text.translate(MARKDOWN_TEXT)


def front_matter(title: str, description: str, searchable: bool = True) -> str:
    """`searchable=False` for listings that only repeat titles found on the meeting pages:
    search then leads to the points themselves, and the index stays small."""
    def quote(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {quote(title)}\ndescription: {quote(description)}\n{search}---\n\n"


LISTING_START = '<div data-search-exclude markdown>\n'
LISTING_END = "\n</div>\n"
