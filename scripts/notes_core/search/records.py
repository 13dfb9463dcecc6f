"""What the site's search finds: a record per key point, and one per page for what the page says itself.

Records are made from each page's rendered, sanitised HTML, so search holds exactly the words a reader sees.
A key point is its own record (its heading and its paragraphs, addressed by its anchor), so a phrase from the
notes leads to the point that holds it, not to a long page. What only repeats words found elsewhere is left
out: an element marked `data-search-exclude`, and the whole section under a heading so marked (a point's copy
on a theme or speaker page), as are pages marked `search: {exclude: true}`. Nothing here knows which engine
indexes the records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from notes_core.addresses import MEETINGS, SLUG, is_site_address, page_address
from notes_core.render.point import POINT_CLASS, POINT_META

POINT = "point"
PAGE = "page"
EXCLUDE = "data-search-exclude"
BLOCKS = {"p", "li", "blockquote", "td", "th", "dt", "dd", "figcaption", "pre"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# What kind of page a record comes from, for the reader scanning results: by the page's first folder.
PAGE_KINDS = {MEETINGS: "Meeting", "themes": "Theme", "speakers": "Speaker", "organisations": "Organisation"}


@dataclass(frozen=True)
class SearchRecord:
    address: str  # relative to the site root, with the point's anchor: meetings/levelling-up/#act-in-small-places
    kind: str  # POINT or PAGE
    title: str
    context: str  # a point's meeting; a page's kind ("Theme", "Meeting", "Page")
    blocks: tuple[str, ...]  # the text, a paragraph or list item each


def page_kind(docs_path: str) -> str:
    folder = docs_path.split("/", 1)[0] if "/" in docs_path else ""
    return PAGE_KINDS.get(folder, "Page")


def records_from_page(docs_path: str, title: str, html: str) -> list[SearchRecord]:
    """The records of one page, from its content HTML: a record per key point on it, and one for the rest."""
    address = page_address(docs_path)
    root = LexborHTMLParser(f"<body>{html}</body>").body
    if root is None or not is_site_address(address):  # a result's link is made of the site's own names only
        return []
    for excluded in root.css(f"[{EXCLUDE}]:not(h1, h2, h3, h4, h5, h6), .headerlink, .{POINT_META}"):
        excluded.decompose()
    records: list[SearchRecord] = []
    page_blocks: list[str] = []
    point: tuple[str, str, int] | None = None  # id, title, heading level
    point_blocks: list[str] = []
    skipping = 0  # the level of an excluded heading whose section is being left out

    def close_point() -> None:
        if point is not None:
            records.append(SearchRecord(f"{address}#{point[0]}", POINT, point[1], title, tuple(point_blocks)))

    for node in _top_level(root):
        level = int(node.tag[1]) if node.tag in HEADINGS else 0
        if skipping and not (level and level <= skipping):
            continue
        skipping = 0
        if level and EXCLUDE in node.attributes:
            close_point()
            point, skipping = None, level
            continue
        if level and _is_point(node):
            close_point()
            point, point_blocks = (node.attributes.get("id") or "", _text(node), level), []
            continue
        if point is not None and level and level <= point[2]:
            close_point()
            point = None
        target = point_blocks if point is not None else page_blocks
        target.extend(_blocks(node))
    close_point()
    if page_blocks:
        records.append(SearchRecord(address, PAGE, title, page_kind(docs_path), tuple(page_blocks)))
    return records


def _is_point(node: LexborNode) -> bool:
    ident = node.attributes.get("id") or ""
    return POINT_CLASS in (node.attributes.get("class") or "").split() and re.fullmatch(SLUG, ident) is not None


def _top_level(root: LexborNode) -> list[LexborNode]:
    """The root's children, text between elements included (blank text left out)."""
    return [child for child in root.iter(include_text=True) if child.tag != "-text" or _text(child)]


def _blocks(node: LexborNode) -> list[str]:
    """A node's text as blocks: each paragraph, list item or cell on its own, so no words run together."""
    if node.tag == "-text" or node.tag in BLOCKS or node.tag in HEADINGS:
        text = _text(node)
        return [text] if text else []
    inner = [part for child in _top_level(node) for part in _blocks(child)]
    return inner or ([_text(node)] if _text(node) else [])


def _text(node: LexborNode) -> str:
    return " ".join((node.text(deep=True) or "").split())
