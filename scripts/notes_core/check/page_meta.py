"""What the front matter of a page may say to the theme. MkDocs hands every key to Material's templates,
which print some raw and act on others (`template:`, `icon:`, `search:`), so only these are kept."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from notes_core.check.fields import check_fields, check_text, text_problem
from notes_core.errors import Problems

PAGE_FIELDS = {"title", "description", "search", "hide"}
HIDE = {"navigation", "toc", "footer", "path", "feedback"}


def check_page_meta(meta: Mapping[str, Any], problems: Problems, line_of: Callable[[Any], int]) -> None:
    """The front matter of a hand-written page: a title and description as one line of text, and the
    theme's `search: {exclude: true}` and `hide: [...]` switches; nothing else."""
    check_fields(meta, PAGE_FIELDS, problems, line_of, "front matter")
    for key in ("title", "description"):
        check_text(meta, key, problems, line_of(key), "front matter", required=False)
    if "search" in meta and not valid_search(meta["search"]):
        problems.add(line_of("search"), "front matter: 'search' may only be `search: {exclude: true}` (or false)")
    if "hide" in meta and not valid_hide(meta["hide"]):
        problems.add(line_of("hide"), f"front matter: 'hide' must be a list of {', '.join(sorted(HIDE))}")


def valid_search(value: object) -> bool:
    return isinstance(value, dict) and set(value) <= {"exclude"} and isinstance(value.get("exclude", False), bool)


def valid_hide(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item in HIDE for item in value)


def safe_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """What of a page's front matter the theme may see: the check refuses the rest, and a preview drops it."""
    safe: dict[str, Any] = {}
    for key in ("title", "description"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip() and text_problem(value.strip(), 1000) is None:
            safe[key] = value.strip()
    if valid_search(meta.get("search")):
        safe["search"] = dict(meta["search"])
    if valid_hide(meta.get("hide")):
        safe["hide"] = list(meta["hide"])
    return safe
