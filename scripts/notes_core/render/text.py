"""Text placed in Markdown, escaped so that nothing in it becomes Markdown, an attribute list or HTML."""

from __future__ import annotations

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


def escape(text: str) -> str:
    """Text placed in Markdown: link labels, table cells, headings, paragraphs."""
    return text.translate(MARKDOWN_TEXT)
