"""The check's messages where a contributor in GitHub's web editor sees them: as annotations on the lines
of the changed files, and as a job summary with every problem and its fix. Workflow commands are lines
printed to the log, so they need no write permission.

Whatever a contributor wrote stays inside the construct it is printed in: in an annotation, its value (no
line break, `%`, `:` or `,` left as itself, safety/log_text.py making the rest inert); in the summary, a code
span or a fenced block longer than any run of backticks it holds, so no Markdown, link, heading or HTML in it
is rendered, and no line of it stands on its own.
"""

from __future__ import annotations

import re

from notes_core.errors import ON_GITHUB, ContentError
from notes_core.safety.log_text import one_line

TITLE = "Content check"
# An annotation's title says how to check again, apart from its message and the lines to paste.
FIX_TITLE = f"{TITLE}: {ON_GITHUB}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(one_line(text)).replace(":", "%3A").replace(",", "%2C")


def annotation(kind: str, message: str, path: str = "", line: int = 0, title: str = TITLE) -> str:
    """One workflow command, `::error file=...,line=...,title=...::message`, on one line."""
    where = f"file={_property(path)},line={line}," if path else ""
    return f"::{kind} {where}title={_property(title)}::{_data(message)}\n"


def error_annotations(errors: list[ContentError]) -> str:
    """`::error file=...,line=...::message` lines, one per problem (the lines to paste after %0A line breaks),
    titled with how to check again from GitHub's web editor."""
    return "".join(
        annotation("error", "\n".join([one_line(e.message), *map(one_line, e.paste)]), e.path, e.line, FIX_TITLE)
        for e in errors
    )


def job_summary(errors: list[ContentError], notes: tuple[str, ...] = ()) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: every problem, where it is, and how to fix it."""
    if not errors:
        lines = [f"### {TITLE}: all good", ""]
    else:
        count = len(errors)
        lines = [
            f"### {TITLE}: {count} problem{'s' if count != 1 else ''} to fix",
            "",
            "Problems on lines of the files you changed are also marked on those lines in the pull request's "
            "*Files changed* tab (GitHub shows the first ten there). Fix them in the files: on GitHub, "
            f"{ON_GITHUB.replace('the file', 'a file')} (on your own copy, run `make check`).",
            "",
        ]
        for error in errors:
            lines.append(f"- {code_span(f'{error.path}:{error.line}')}: {code_span(error.message)}")
            if error.paste:  # an entry to paste: kept as it is, in a code block
                paste = [one_line(line) for line in error.paste]
                fence = "`" * max(3, longest_backticks("\n".join(paste)) + 1)
                lines += ["", f"  {fence}yaml", *("  " + line for line in paste), f"  {fence}", ""]
    lines += ["", *(f"> Note: {code_span(note)}" for note in notes)]
    return "\n".join(lines) + "\n"


BACKTICKS = re.compile(r"`+")


def longest_backticks(text: str) -> int:
    return max((len(run) for run in BACKTICKS.findall(text)), default=0)


def code_span(text: str) -> str:
    """Text as a Markdown code span: one inert line between fences longer than any run of backticks in it (and
    a space inside each when it starts or ends with a backtick or a space, which CommonMark takes off again), so it
    renders exactly as written, and as nothing else."""
    line = one_line(text)
    fence = "`" * (longest_backticks(line) + 1)
    pad = " " if not line or line[0] in " `" or line[-1] in " `" else ""
    return f"{fence}{pad}{line}{pad}{fence}"
