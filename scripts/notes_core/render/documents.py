"""Whole HTML and XML documents the core writes, from autoescaping Jinja2 templates: no hand escaping."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

CORE = Path(__file__).resolve().parent.parent
# Each idea keeps its templates beside its code; names are unique across the folders.
TEMPLATES = [CORE / "render" / "templates", CORE / "permalinks" / "templates", CORE / "search" / "templates"]


@cache
def _environment() -> jinja2.Environment:
    # The templates are code, not content: caching them across builds is safe.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render_document(name: str, context: dict[str, Any]) -> str:
    return _environment().get_template(name).render(context)
