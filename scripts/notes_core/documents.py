"""Whole HTML and XML documents the core writes, from autoescaping Jinja2 templates: no hand escaping."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from notes_core import addresses

CORE = Path(__file__).resolve().parent
# Each idea keeps its templates beside its code; names are unique across the folders.
TEMPLATES = [CORE / "render" / "templates", CORE / "permalinks" / "templates", CORE / "search" / "templates"]


@cache
def _environment() -> jinja2.Environment:
    # A template is read once per build, not looked for on the disk again each time a page asks for it (Jinja's
    # auto_reload: tens of thousands of stat calls in a large build). Each build starts with fresh_templates().
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        auto_reload=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    # Every address comes from the addresses module: `A.theme_page(id)`, and `url(page, to, anchor)` for a link
    # from the page being rendered (`file_url(page, path)` for a file that is not a page).
    environment.globals.update(A=addresses, url=addresses.page_url, file_url=addresses.file_url, plural=plural)
    return environment


def fresh_templates() -> None:
    """Read the templates again at the next render: a new build (`mkdocs serve` rebuilds when a template
    changes) never renders with the last build's."""
    _environment.cache_clear()


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 key point', '2 key points'."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def render_document(name: str, context: dict[str, Any]) -> str:
    return _environment().get_template(name).render(context)


def template_module(name: str) -> Any:
    """A template's macros, to call from Python: `template_module("point.html").point_meta(...)`."""
    return _environment().get_template(name).module
