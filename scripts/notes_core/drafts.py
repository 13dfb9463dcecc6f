"""The panel a draft's page shows while it has problems (`mkdocs serve`), and the home page's list of them."""
from __future__ import annotations

from html import escape

from .errors import ContentError


def render_problems_panel(problems: list[ContentError], whole_site: bool = False) -> str:
    """HTML for the top of a page: every problem with its line, as the check prints it."""
    count = len(problems)
    title = (f"{count} problem{'s' if count != 1 else ''} in the content: this is a preview"
             if whole_site else f"This draft has {count} problem{'s' if count != 1 else ''}")
    intro = ("These files have problems. Their pages show them at the top; the site is not published until "
             "`make check` says All good." if whole_site else
             "Shown only in the preview (`make serve`). Fix them in the file; the page updates when you save.")
    items = "".join(f"<li><code>{escape(p.path)}:{p.line}</code>: {escape(p.message)}</li>" for p in problems)
    return (f'<div class="admonition failure point-problems"><p class="admonition-title">{escape(title)}</p>'
            f"<p>{escape(intro)}</p><ul>{items}</ul></div>")
