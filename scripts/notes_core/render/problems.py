"""The panel a draft's page shows while it has problems (`mkdocs serve`, and the pull request's preview),
and the home page's list of them."""

from __future__ import annotations

from html import escape

from notes_core.errors import ContentError


def render_problem(problem: ContentError) -> str:
    """One problem as an HTML list item; lines after the first (an entry to paste) keep their spaces."""
    first, _, rest = problem.message.partition("\n")
    block = f"<pre><code>{escape(rest)}</code></pre>" if rest else ""
    return f"<li><code>{escape(problem.path)}:{problem.line}</code>: {escape(first)}{block}</li>"


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
