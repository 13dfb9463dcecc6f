"""Small pieces of Markdown the renderers share: escaped text, front matter, link lists, plurals, table rows."""

from __future__ import annotations

from collections.abc import Iterable

from notes_core.addresses import link, speaker_page, theme_page
from notes_core.model import Archive

# Text from the registries and front matter is text: nothing in it may become Markdown, an attribute
# list or HTML. Backslash escapes for Markdown's own characters; entities for &, < and >.
MARKDOWN_TEXT = str.maketrans(
    {
        **{char: "\\" + char for char in "\\`*_{}[]|"},
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)

LISTING_START = "<div data-search-exclude markdown>\n"
LISTING_END = "\n</div>\n"


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


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 key point', '2 key points'."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def markdown_link(label: str, from_page: str, to_page: str, anchor: str = "") -> str:
    return f"[{escape(label)}]({link(from_page, to_page, anchor)})"


def theme_links(archive: Archive, page: str, theme_ids: Iterable[str]) -> str:
    return ", ".join(markdown_link(archive.themes[t].title, page, theme_page(t)) for t in theme_ids)


def speaker_links(archive: Archive, page: str, speaker_ids: Iterable[str]) -> str:
    return ", ".join(markdown_link(archive.speakers[s].name, page, speaker_page(s)) for s in speaker_ids)


def table_row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"
