"""The allowlist of what a page's content may contain, enforced by ammonia (nh3) on the rendered HTML.

Text from a pull request is hostile until rendered safe, so the rendered HTML of every page is
cleaned here, whatever Markdown, attribute list, entity or YAML escape produced it. The check
reports whatever cleaning would remove, so contributors learn of it instead of having it stripped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

import nh3
from selectolax.lexbor import LexborHTMLParser

# The tags, attributes and classes the site's Markdown, admonitions, tables and theme map produce.
TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "figure",
    "figcaption",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    # The theme map, drawn as inline SVG by the site itself.
    "svg",
    "title",
    "rect",
    "text",
}
ATTRIBUTES = {
    "*": {"id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"style"},
    "td": {"style"},
    "div": {"data-search-exclude"},
    "h2": {"data-search-exclude"},
    "h3": {"data-search-exclude"},
    "ol": {"start"},
    "svg": {"viewBox", "width", "height", "role", "aria-labelledby"},
    "rect": {"x", "y", "width", "height", "rx"},
    "text": {"x", "y", "text-anchor"},
}
ADMONITION_TYPES = {
    "note",
    "abstract",
    "info",
    "tip",
    "success",
    "question",
    "warning",
    "failure",
    "danger",
    "bug",
    "example",
    "quote",
}
CLASSES = {
    "a": {"headerlink", "point-permalink"},
    "div": {"admonition", "heatmap", "point-problems", "missing", *ADMONITION_TYPES},
    "p": {"admonition-title", "meeting-facts", "point-meta"},
    "h3": {"point"},
    "h4": {"point"},
    "svg": {"heatmap-svg"},
    "rect": {f"heat-{level}" for level in range(6)},
    "text": {"heatmap-label"} | {f"heat-text-{level}" for level in range(6)},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Python-Markdown writes a table column's alignment as a style attribute; nothing else may be styled.
TABLE_ALIGN = re.compile(r"^text-align:\s*(left|right|center);?\Z")
ALIGN_STYLES = tuple(f"text-align:{side}" for side in ("left", "right", "center"))  # as ammonia writes them
ID = re.compile(
    r"^(?!__[A-Za-z0-9])[A-Za-z0-9_][A-Za-z0-9_.:-]{0,199}$"
)  # never the theme's own ids (__config, __search, ...)
NO_SCHEME = re.compile(r"^(?![a-z][a-z0-9+.-]*:)[^\\\s]*\Z", re.I)


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if ID.match(value) else None
    if attribute == "style":
        found = TABLE_ALIGN.match(value.strip())
        return f"text-align:{found.group(1)}" if found else None
    if element == "img" and attribute == "src":
        # Pictures come from this site: a relative address, no scheme, no host (`//`, `/\`).
        return value if NO_SCHEME.match(value) and not value.startswith(("//", "/\\")) else None
    if attribute == "href" and ("\\" in value or value.startswith("//")):
        return None
    return value


def clean_html(html: str, classes: dict[str, set[str]] = CLASSES) -> str:
    """The content as it may reach a reader: anything outside the allowlist removed."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=URL_SCHEMES,
        allowed_classes=classes,
    )


# The classes the site's own renderers add (a key point's heading and meta line, which points.js trusts,
# the theme map, the problems box) are not for contributors to write: the check refuses them in what is written.
SITE_ONLY_CLASSES = {
    "point",
    "point-meta",
    "point-permalink",
    "meeting-facts",
    "heatmap",
    "heatmap-svg",
    "point-problems",
}
CONTRIBUTOR_CLASSES = {
    tag: names - SITE_ONLY_CLASSES for tag, names in CLASSES.items() if tag not in ("svg", "rect", "text")
}


def clean_contributed_html(html: str) -> str:
    """What the check holds a contributor's own Markdown to: the allowlist without the site's own classes."""
    return clean_html(html, CONTRIBUTOR_CLASSES)


# Pictures drawn as SVG files: shapes, text and presentation attributes;
# no script, link, style or picture from elsewhere.
SVG_TAGS = {
    "svg",
    "title",
    "desc",
    "g",
    "rect",
    "path",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
}
SVG_PRESENTATION = {
    "fill",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "transform",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "id",
}
SVG_ATTRIBUTES = {
    "svg": {"xmlns", "viewBox", "width", "height", "role", "aria-labelledby", "aria-label"} | SVG_PRESENTATION,
    "rect": {"x", "y", "width", "height", "rx", "ry"} | SVG_PRESENTATION,
    "path": {"d"} | SVG_PRESENTATION,
    "circle": {"cx", "cy", "r"} | SVG_PRESENTATION,
    "ellipse": {"cx", "cy", "rx", "ry"} | SVG_PRESENTATION,
    "line": {"x1", "y1", "x2", "y2"} | SVG_PRESENTATION,
    "polyline": {"points"} | SVG_PRESENTATION,
    "polygon": {"points"} | SVG_PRESENTATION,
    "text": {"x", "y", "dx", "dy"} | SVG_PRESENTATION,
    "tspan": {"x", "y", "dx", "dy"} | SVG_PRESENTATION,
    "g": SVG_PRESENTATION,
    "title": {"id"},
    "desc": {"id"},
}


def clean_svg(svg: str) -> str:
    return nh3.clean(
        svg,
        tags=SVG_TAGS,
        clean_content_tags={"script", "style"},
        attributes=SVG_ATTRIBUTES,
        attribute_filter=_svg_filter,
        strip_comments=True,
        link_rel=None,
    )


def _svg_filter(element: str, attribute: str, value: str) -> str | None:
    return None if "url(" in value.lower() or "javascript" in value.lower() else value


@dataclass(frozen=True)
class Removed:
    """Something the sanitiser takes out, described for a contributor."""

    what: str
    token: str  # a word to look for in the source, to find the line

    def __str__(self) -> str:
        return self.what


def _elements(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is None:
        return []
    return [
        (node.tag or "", tuple(sorted((k.lower(), v or "") for k, v in node.attributes.items())))
        for node in body.traverse(include_text=False)
        if node is not body and node.tag not in ("-comment", "_comment")
    ]


def maybe_removed(html: str, cleaned: str) -> bool:
    """A quick look, for builds: False when cleaning dropped no tag and no attribute value (nor changed one).

    Exact reports come from removed_parts, which `make check` runs on every page; a build runs it only
    where this says something may have gone (cleaning happens either way)."""
    return (
        html.count("<") != cleaned.count("<")
        or html.count("=") != cleaned.count("=")
        or html.count('"') != cleaned.count('"')
    )


def removed_parts(html: str, clean: Callable[[str], str] = clean_html, cleaned: str | None = None) -> list[Removed]:
    """What `clean` would remove from this HTML (already `cleaned`, if given): elements, attributes,
    classes, addresses."""
    before, after = _elements(html), _elements(cleaned if cleaned is not None else clean(html))
    if before == after:
        return []
    found: list[Removed] = []
    # Align by tag names first (a removed wrapper keeps its children), then compare attributes.
    matcher = difflib.SequenceMatcher(None, [tag for tag, _ in before], [tag for tag, _ in after], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for (tag, attributes), (_, kept) in zip(before[i1:i2], after[j1:j2], strict=True):
                if attributes != kept:
                    found += _attribute_changes(tag, dict(attributes), dict(kept))
        else:
            found += [Removed(f"the <{tag}> element is not allowed in content", f"<{tag}") for tag, _ in before[i1:i2]]
    return found


def _attribute_changes(tag: str, before: dict[str, str], after: dict[str, str]) -> list[Removed]:
    found = []
    for name, value in before.items():
        if name == "class":
            dropped = sorted(set(value.split()) - set(after.get("class", "").split()))
            if dropped:
                found.append(
                    Removed(f"the class '{' '.join(dropped)}' is not used by this site (on <{tag}>)", dropped[0])
                )
        elif name == "style" and after.get(name) in ALIGN_STYLES:
            continue
        elif name not in after:
            shown = value if len(value) <= 60 else value[:57] + "..."
            token = f"{name}=" if name not in ("src", "href", "id") else value[:40] or name
            found.append(Removed(f'the attribute {name}="{shown}" on <{tag}> is not allowed', token))
    return found
