"""`FILL IN` marks what `make new` and the check's suggested entries leave for a contributor to write."""

from __future__ import annotations

import re

from notes_core.errors import Problems

PLACEHOLDER = "FILL IN"
PLACEHOLDER_LINE = re.compile(r"fill[ -]in", re.I)


def is_placeholder(value: object) -> bool:
    """An id left as `fill-in-...`: reported once, as a placeholder, not again as an unknown id."""
    return isinstance(value, str) and value.startswith("fill-in")


def check_placeholders(text: str, problems: Problems) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if PLACEHOLDER_LINE.search(line):
            problems.add(
                number,
                f"placeholder '{PLACEHOLDER}' left in; replace it (and any 'fill-in-...' id) with the real text or id "
                "from the write-up",
            )
