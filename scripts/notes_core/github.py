"""The check's messages where a contributor in GitHub's web editor sees them: as annotations on the lines
of the changed files, and as a job summary with every problem and its fix. Workflow commands are lines
printed to the log, so they need no write permission."""
from __future__ import annotations

from .errors import ContentError


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(errors: list[ContentError]) -> str:
    """`::error file=...,line=...::message` lines, one per problem."""
    return "".join(f"::error file={_property(e.path)},line={e.line},title={_property('Content check')}::{_data(e.message)}\n"
                   for e in errors)


def _cell(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "&#124;")
            .replace("`", "&#96;").replace("\n", "<br>"))


def job_summary(errors: list[ContentError], notes: tuple[str, ...] = ()) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: what to fix, where, in a table."""
    if not errors:
        lines = ["### Content check: all good", ""]
    else:
        count = len(errors)
        lines = [f"### Content check: {count} problem{'s' if count != 1 else ''} to fix", "",
                 "Each problem is also shown on its line in the pull request's *Files changed* tab. "
                 "Fix them in the files (the pencil icon edits a file in the browser), and the check runs again.", "",
                 "| File | Line | Problem and how to fix it |", "| --- | ---: | --- |"]
        lines += [f"| {_cell(e.path)} | {e.line} | {_cell(e.message)} |" for e in errors]
    lines += [f"> Note: {_cell(note)}" for note in notes]
    return "\n".join(lines) + "\n"
