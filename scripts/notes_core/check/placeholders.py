"""`FILL IN` marks what `make new`, `make import` and the check's suggested entries leave for a contributor to write.

Only the markers as they write them count: `FILL IN` in capitals, and an id `fill-in-<what>-id` (the speaker,
theme or point id to choose). The words "fill in" in a write-up's honest prose ("we were asked to fill in the
form") are not a placeholder.
"""

from __future__ import annotations

import re

from notes_core.errors import Problems

PLACEHOLDER = "FILL IN"
PLACEHOLDER_ID = re.compile(r"fill-in-[a-z0-9-]*id")
PLACEHOLDER_LINE = re.compile(rf"\b{PLACEHOLDER}\b|(?<![\w-]){PLACEHOLDER_ID.pattern}(?![\w-])")


def is_placeholder(value: object) -> bool:
    """An id left as `fill-in-...-id`: reported once, as a placeholder, not again as an unknown id."""
    return isinstance(value, str) and PLACEHOLDER_ID.fullmatch(value) is not None


def check_placeholders(text: str, problems: Problems) -> None:
    if PLACEHOLDER_LINE.search(text) is None:  # the usual case, found at once: no line to number
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if PLACEHOLDER_LINE.search(line):
            problems.add(
                number,
                f"placeholder '{PLACEHOLDER}' left in; replace it (and any 'fill-in-...-id' id) with the real text "
                "or id from the write-up",
            )
