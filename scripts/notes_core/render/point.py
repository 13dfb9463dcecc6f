"""A key point on its meeting page: its heading and the meta line whose markup docs/javascripts/points.js relies
on. Everywhere else a point is listed, templates/point.html and templates/macros.html render it; its permanent
page is permalinks/'s, its row in the exports render/exports.py's."""

from __future__ import annotations

from notes_core.addresses import absolute, permanent_address
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
