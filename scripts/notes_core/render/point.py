"""A key point, everywhere it appears: its heading and meta line on the meeting page, its entry on
theme pages, its item in listings, its permanent page, the anchor it keeps where it used to be,
and its row in the exports. One home, so every rendering says the same thing the same way."""

from __future__ import annotations

import html
from typing import Any

from notes_core.addresses import (
    absolute,
    meeting_page,
    page_url,
    permanent_address,
)
from notes_core.documents import template_module
from notes_core.model import Archive, Point

# docs/javascripts/points.js finds each point by these classes: a link of class POINT_PERMALINK inside a
# paragraph of class POINT_META that comes right after the point's heading (whose id and text it reads).
POINT_CLASS = "point"
POINT_META = "point-meta"
POINT_PERMALINK = "point-permalink"


# The classes as the templates receive them.
CLASSES = {"point": POINT_CLASS, "meta": POINT_META, "permalink": POINT_PERMALINK}


def render_point_heading(point: Point, archive: Archive, page: str, site_url: str) -> tuple[str, str]:
    """The point on its meeting page: the heading with its permanent id (the contributor's Markdown), and its
    meta line (HTML, from templates/point.html)."""
    permanent = absolute(site_url, permanent_address(point.id))
    meta = template_module("point.html").point_meta(page, archive, point, permanent, CLASSES)
    return f"{'#' * point.level} {point.title} {{#{point.id} .{POINT_CLASS}}}", str(meta)


def grouped_blocks(point: Point) -> list[tuple[str, list[str]]]:
    """The point's paragraphs ("p", [text]) and lists ("ul", [items]), in order."""
    return point.grouped_blocks


def point_list(page: str, points: Any, meeting_titles: dict[str, str] | None = None) -> list[str]:
    """Links to points as one HTML list. Long listings are written as HTML rather than Markdown
    because Python-Markdown spends about 0.1 ms on each link (see BENCHMARKS.md)."""
    items = []
    for point in points:
        suffix = f" ({html.escape(meeting_titles[point.meeting])})" if meeting_titles else ""
        href = html.escape(page_url(page, meeting_page(point.meeting), point.id))
        items.append(f'<li><a href="{href}">{html.escape(point.title)}</a>{suffix}</li>')
    return ["<ul>", *items, "</ul>", ""] if items else []
