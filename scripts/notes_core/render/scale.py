"""Where generated pages change shape as the archive grows, so no page gets too long to read or load.

At the size of the real notes every list is shown whole; past these limits lists are split
into pages or summarised. The benchmark (scripts/bench.py) builds archives of 1,000 meetings
to keep the largest page under 100 KB.

Renderers read each limit as `scale.NAME` when they run, so the tests can lower them
(tests/archives.py) to reach every shape with a small fixture archive.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")

NAV_BLOCK = 25  # meetings per navigation group within a series
NAV_FLAT_LIMIT = 30  # sections longer than this are grouped in the navigation
THEME_TEXT_LIMIT = 40  # a theme page shows each point's text up to this many points
LIST_LIMIT = 300  # principles and theme-pair listings on one page up to this many entries
LETTER_PAGE = 250  # entries per A-to-Z page past LIST_LIMIT
MATRIX_MEETING_COLUMNS = 30  # the theme map has a column per meeting up to this many meetings
INLINE_PICTURE_CELLS = 200  # past this many cells the theme map's picture is an image file, not inline SVG
CO_OCCURRENCE_ROWS = 100  # pairs of themes shown, most frequent first
SPEAKER_TABLE_LIMIT = 100  # the speakers index is a table up to this many speakers
MENTIONS_SHOWN = 50  # meetings and points listed per organisation
MINIFY_ABOVE = (
    56 * 1024
)  # pages larger than this many bytes are minified, to stay within 60 KB (notes_hook.on_post_page)


def chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]
