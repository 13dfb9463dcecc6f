"""Content that could run script in readers' browsers, or call another host, is refused."""
from __future__ import annotations

import html
import re

from .errors import ContentError

UNSAFE = [
    (re.compile(r"<\s*(script|iframe|object|embed|style|link|meta|base|form|frame|frameset)\b", re.I),
     "raw <{0}> is not allowed in content; remove it (write plain Markdown instead)"),
    (re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I),
     "the event handler attribute '{0}=' is not allowed; remove it"),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.I),
     "'{0}:' links are not allowed; link to a normal https:// page or a page of this site"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?((?:https?:)?//[^)\s>]+)", re.I),
     "images must be files in this repository, not '{0}' (loading them would tell another site who is reading)"),
    (re.compile(r"<\s*img\b[^>]*\bsrc\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", re.I),
     "images must be files in this repository, not '{0}' (loading them would tell another site who is reading)"),
]


# Every unsafe pattern needs one of these in the raw line (an entity can spell any letter, hence "&").
MAY_BE_UNSAFE = re.compile(r"[<&]|script|!\[", re.I)


def check_unsafe(text: str, path: str, first_line: int, errors: list[ContentError]) -> None:
    """Record one error per unsafe construct, with its line."""
    for offset, raw in enumerate(text.splitlines()):
        if not MAY_BE_UNSAFE.search(raw):
            continue  # most lines: no tag, entity, image or script scheme at all
        # Entities such as &#106;avascript: would slip past a check on the raw text.
        line = html.unescape(raw)
        for pattern, message in UNSAFE:
            for match in pattern.finditer(line):
                errors.append(ContentError(path, first_line + offset, message.format(match.group(1))))
