"""The panel a draft's page shows while it has problems (`mkdocs serve`, and the pull request's preview),
and the home page's list of them."""

from __future__ import annotations

from html import escape

from notes_core.errors import ContentError
from notes_core.safety.log_text import one_line


def render_problem(problem: ContentError) -> str:
    """One problem as an HTML list item, as the check prints it; the lines to paste keep their spaces."""
    block = f"<pre><code>{escape(chr(10).join(map(one_line, problem.paste)))}</code></pre>" if problem.paste else ""
    return (
        f"<li><code>{escape(one_line(problem.path))}:{problem.line}</code>: {escape(one_line(problem.message))}"
        f"{block}</li>"
    )


def render_problems_panel(problems: list[ContentError], whole_site: bool = False) -> str:
    """HTML for the top of a page: every problem with its line, as the check prints it."""
    count = len(problems)
    title = (
        f"{count} problem{'s' if count != 1 else ''} in the content: this is a preview"
        if whole_site
        else f"This draft has {count} problem{'s' if count != 1 else ''}"
    )
    intro = (
        "These files have problems. Each page with a problem shows it at the top like this. Nothing is published "
        "until the checks pass."
        if whole_site
        else "This box is shown only in previews. Fix the problems in the file; the page shows the file as it is now."
    )
    items = "".join(render_problem(p) for p in problems)
    return (
        f'<div class="admonition failure point-problems"><p class="admonition-title">{escape(title)}</p>'
        f"<p>{escape(intro)}</p><ul>{items}</ul></div>"
    )
