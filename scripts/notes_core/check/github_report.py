"""The check's messages where a contributor in GitHub's web editor sees them: as annotations on the lines
of the changed files, and as a job summary with every problem and its fix. Workflow commands are lines
printed to the log, so they need no write permission."""

from __future__ import annotations

from notes_core.errors import ContentError


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def error_annotations(errors: list[ContentError]) -> str:
    """`::error file=...,line=...::message` lines, one per problem."""
    return "".join(
        f"::error file={_property(e.path)},line={e.line},title={_property('Content check')}::{_data(e.message)}\n"
        for e in errors
    )


def job_summary(errors: list[ContentError], notes: tuple[str, ...] = ()) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: every problem, where it is, and how to fix it."""
    if not errors:
        lines = ["### Content check: all good", ""]
    else:
        count = len(errors)
        lines = [
            f"### Content check: {count} problem{'s' if count != 1 else ''} to fix",
            "",
            "Problems on lines of the files you changed are also marked on those lines in the pull request's "
            "*Files changed* tab (GitHub shows the first ten there). Fix them in the files (the pencil icon edits a "
            "file "
            "in the browser), and the checks run again.",
            "",
        ]
        for error in errors:
            first, _, rest = error.message.partition("\n")
            lines.append(f"- `{_code(error.path)}:{error.line}`: {_text(first)}")
            if rest:  # an entry to paste: kept as it is, in a code block
                lines += ["", "  ```yaml", *("  " + line for line in rest.split("\n")), "  ```", ""]
    lines += ["", *(f"> Note: {_text(note)}" for note in notes)]
    return "\n".join(lines) + "\n"


def _text(text: str) -> str:
    """Text in Markdown that GitHub renders: no HTML, no stray formatting."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str) -> str:
    return text.replace("`", "'")
