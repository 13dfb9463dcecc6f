"""The markup docs/javascripts/points.js relies on, made by one function (render/point.py) and pinned here
on every key point of a built site: heading with the point's id and class, then right after it the meta
paragraph holding the permanent link; no second section link (¶) on a point's heading."""

from __future__ import annotations

import re

from conftest import ROOT

from notes_core.render.point import POINT_CLASS, POINT_META, POINT_PERMALINK

SCRIPT = (ROOT / "docs" / "javascripts" / "points.js").read_text(encoding="utf-8")


def test_points_js_looks_for_the_classes_the_renderer_writes():
    assert f'"a.{POINT_PERMALINK}"' in SCRIPT and f'".{POINT_META}"' in SCRIPT
    assert "previousElementSibling" in SCRIPT  # the heading is the element right before the meta paragraph


def test_every_point_has_the_markup_points_js_reads(notes_site):
    checked = 0
    for page in (notes_site.dir / "meetings").glob("*/index.html"):
        html = notes_site.html(f"meetings/{page.parent.name}/")
        for heading in html.css(f"article .{POINT_CLASS}"):
            assert heading.tag in ("h3", "h4") and re.fullmatch(r"[a-z0-9-]+", heading.attributes["id"])
            meta = heading.next
            while meta is not None and meta.tag == "-text":
                meta = meta.next
            assert meta is not None and meta.tag == "p" and POINT_META in meta.attributes.get("class", ""), (
                heading.attributes["id"]
            )
            link = meta.css_first(f"a.{POINT_PERMALINK}")
            assert link is not None and link.attributes["href"].endswith(f"/p/{heading.attributes['id']}/")
            assert heading.css_first("a.headerlink") is None  # the permanent link is the point's only link
            checked += 1
    assert checked == len(list((notes_site.dir / "p").iterdir()))
