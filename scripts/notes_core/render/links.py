"""Paths of pages and relative Markdown links between them."""
from __future__ import annotations

import posixpath

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
    """A relative link from one docs file to another, as MkDocs expects it."""
    if from_page == to_page and anchor:
        return f"#{anchor}"
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


def point_link(from_page: str, point: Point) -> str:
    return link(from_page, meeting_page(point.meeting), point.id)


def escape(text: str) -> str:
    """Text placed inside Markdown link labels and table cells."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("|", "\\|").replace("<", "&lt;")


def front_matter(title: str, description: str) -> str:
    def quote(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"---\ntitle: {quote(title)}\ndescription: {quote(description)}\n---\n\n"
