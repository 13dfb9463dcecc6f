"""A generated page as the model renders it: its title, description and body HTML, made by an autoescaping
template (templates/), and the headings a table of contents lists. Any engine puts its page chrome around it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import slugify

from notes_core.documents import render_document

# The headings of the body as the templates write them: <h2 id="x">Text<a class="headerlink" ...>¶</a></h2>.
HEADING = re.compile(r'<h([1-6])\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
ANCHOR = re.compile(r'\bid="([^"]+)"')
TAG = re.compile(r"<[^>]+>")
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TOC_DEPTH = 2  # as mkdocs.yml's toc extension: the title and the h2 sections


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # text, HTML-escaped, as a table of contents prints it


@dataclass(frozen=True)
class Page:
    title: str
    description: str
    html: str  # the body, title heading included
    searchable: bool = True  # False for listings that only repeat titles found on the meeting pages

    @property
    def headings(self) -> tuple[Heading, ...]:
        """The headings a table of contents lists, in order."""
        return tuple(
            Heading(int(level), anchor, html.escape(html.unescape(TAG.sub("", HEADERLINK.sub("", inner))).strip()))
            for level, anchor, inner in HEADING.findall(self.html)
            if int(level) <= TOC_DEPTH
        )

    @property
    def anchors(self) -> frozenset[str]:
        """Every id on the page, for engines that check links' anchors."""
        return frozenset(html.unescape(anchor) for anchor in ANCHOR.findall(self.html))


class Slugs:
    """Ids for headings that the page does not name, as Python-Markdown's toc extension makes them: the slug of
    the heading's text, unique on the page (ids the page names are taken first)."""

    def __init__(self, taken: Any = ()) -> None:
        self.taken: set[str] = set(taken)

    def __call__(self, text: str) -> str:
        ident = base = slugify(text, "-")
        number = 0
        while ident in self.taken or not ident:
            number += 1
            ident = f"{base}_{number}"
        self.taken.add(ident)
        return ident


def toc_tokens(headings: tuple[Heading, ...]) -> list[dict[str, Any]]:
    """Headings nested as Python-Markdown's toc extension nests them (`toc_tokens`)."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": heading.title, "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def render_page(
    template: str,
    page: str,
    title: str,
    description: str,
    searchable: bool = True,
    ids: Any = (),
    **context: Any,
) -> Page:
    """A page of the site at docs path `page`, its body rendered from `template`. The template's context: `page`,
    `title`, `slug(text)` (an id for a heading the page does not name; `ids` are the ones it names), and the
    globals of every template: `A`, the addresses module, and `url(page, to, anchor)`."""
    body = render_document(template, {"page": page, "title": title, "slug": Slugs(ids), **context})
    return Page(title, description, body, searchable)
