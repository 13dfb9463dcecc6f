"""Checks on single values, shared by the registry and meeting-file readers."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from markdown.extensions.toc import slugify

from notes_core.errors import Problems, suggest
from notes_core.safety.log_text import is_invisible

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_ID = 80
MAX_TEXT = 300  # titles, names, roles
MAX_LONG_TEXT = 1000  # questions, summaries, descriptions
LONG_FIELDS = {"question", "summary", "description", "when"}
NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


def text_problem(value: str, limit: int = MAX_TEXT) -> str | None:
    """Why a one-line text value is not acceptable, or None. Refused by Unicode category, not by a list: every
    control (tabs and line breaks included: every field is one line), every format character (zero-width
    spaces and joiners, bidirectional marks and overrides, tag characters), private-use and unassigned ones, and
    the few letters that show nothing (safety/log_text.py): each makes text read differently from what it is."""
    # Printable ASCII is never invisible: only the other characters are looked up, in order.
    char = next((char for char in NOT_PRINTABLE_ASCII.findall(value) if is_invisible(char)), None)
    if char is not None:
        if char in "\n\r\u2028\u2029\x85\x0b\x0c":
            return "is more than one line; write it on one line"
        return f"contains the invisible character U+{ord(char):04X}; delete it (retype the text around it if unsure)"
    if len(value) > limit:
        return f"is {len(value):,} characters long, more than the {limit:,} allowed; shorten it"
    return None


def slug_suggestion(value: str) -> str:
    slug = slugify(str(value).replace("_", "-"), "-")
    return (
        f"; use '{slug}'"
        if slug and ID_PATTERN.match(slug)
        else "; use lowercase letters, digits and hyphens, e.g. 'shared-purpose'"
    )


def check_id(value: Any, problems: Problems, line: int, what: str) -> str | None:
    """Return the id if it is in slug form, else record why not."""
    if not isinstance(value, str) or not value.strip():
        problems.add(line, f"{what}: missing id; give it a short lowercase id such as 'shared-purpose'")
        return None
    if len(value) > MAX_ID:
        problems.add(
            line,
            f"{what}: the id is {len(value):,} characters long; keep it under {MAX_ID} (a few words of the title, "
            "e.g. 'shared-purpose')",
        )
        return None
    if not ID_PATTERN.match(value):
        problems.add(
            line,
            f"{what}: id '{value}' is not in slug form{slug_suggestion(value)} (lowercase letters, digits and single "
            "hyphens)",
        )
        return None
    return value


def text_value(record: Mapping[Any, Any], key: str) -> str | None:
    """The field as text (numbers count as text), or None when it is missing, empty or not text."""
    value = record.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def check_text(
    record: Mapping[Any, Any], key: str, problems: Problems, line: int, what: str, required: bool = True
) -> str | None:
    """A non-empty single-line string field."""
    value = text_value(record, key)
    if value is not None:
        problem = text_problem(value, MAX_LONG_TEXT if key in LONG_FIELDS else MAX_TEXT)
        if problem:
            problems.add(line, f"{what}: '{key}' {problem}".lstrip(": "))
            return None
        return value
    present = record.get(key)
    if present is None or (isinstance(present, str) and not present.strip()):
        if required:
            problems.add(line, f"{what}: '{key}' is missing or empty; add `{key}: ...` with some text")
    else:
        problems.add(line, f"{what}: '{key}' must be text, not {type(present).__name__}; put the text in quotes")
    return None


def check_text_list(record: Mapping[Any, Any], key: str, problems: Problems, line: int, what: str) -> tuple[str, ...]:
    value = record.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(line, f"{what}: '{key}' must be a list of text, e.g. `{key}: [First, Second]`")
        return ()
    for item in value:
        problem = text_problem(item.strip())
        if problem:
            problems.add(line, f"{what}: '{key}': '{item.strip()[:40]}' {problem}")
            return ()
    return tuple(v.strip() for v in value)


def check_fields(
    record: Mapping[Any, Any], allowed: set[str], problems: Problems, line_of: Callable[[Any], int], what: str
) -> None:
    """Unknown keys are usually typos: name them and suggest the close one."""
    for key in record:
        if str(key) not in allowed:
            hint = suggest(str(key), allowed) or f"; allowed fields are {', '.join(sorted(allowed))}"
            problems.add(line_of(key), f"{what}: unknown field '{key}'{hint}")


def line_of(record: Any, default: int) -> Callable[[Any], int]:
    lines: dict[str, int] = getattr(record, "key_lines", {})
    return lambda key: lines.get(str(key), default)
