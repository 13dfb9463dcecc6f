"""Errors a contributor can act on: file, line, what is wrong, how to fix it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from notes_core.safety.log_text import log_text, one_line


@dataclass(frozen=True)
class ContentError:
    """`message` is one line, quoting whatever the contributor wrote; `paste` holds the lines to paste that the
    check made itself (a registry entry, a redirect line), each printed on its own line after the message."""

    path: str
    line: int
    message: str
    paste: tuple[str, ...] = ()

    def __str__(self) -> str:
        """As printed: the message on one inert line (safety/log_text.py), then the lines to paste."""
        return log_text("\n".join([f"{one_line(self.path)}:{self.line}: {one_line(self.message)}", *self.paste]))


@dataclass
class Problems:
    """The problems of one file, added to the run's list as they are found."""

    path: str
    errors: list[ContentError]

    def add(self, line: int, message: str, paste: tuple[str, ...] = ()) -> None:
        self.errors.append(ContentError(self.path, line, message, paste))

    def mark(self) -> int:
        return len(self.errors)

    def since(self, mark: int) -> bool:
        """Whether any problem was added after `mark`."""
        return len(self.errors) > mark


class ContentErrors(Exception):
    """Every problem found in one run, reported together."""

    def __init__(self, errors: list[ContentError], notes: tuple[str, ...] = ()):
        # A problem found twice (a linked meeting file is refused by the walk of docs/ and by the meeting reader)
        # is reported once.
        self.errors = sorted(dict.fromkeys(errors), key=lambda e: (e.path, e.line, e.message))
        self.notes = notes  # not problems, but worth knowing: e.g. why a check was skipped
        super().__init__(self.report())

    def report(self, on_github: bool = False) -> str:
        """Every problem, then how to check again: on GitHub (`GITHUB_ACTIONS=true`) by editing and committing."""
        count = len(self.errors)
        lines = [str(e) for e in self.errors] + [f"note: {one_line(note)}" for note in self.notes]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found. {how_to_check_again(on_github, count)}")
        return "\n".join(lines)


# How a contributor checks again: in GitHub's web editor there is no `make check`, but a commit runs the check.
ON_GITHUB = "edit the file with the pencil icon and commit; the check runs again"
LOCALLY = "run `make check` again"


def how_to_check_again(on_github: bool, count: int = 1) -> str:
    it = "them" if count != 1 else "it"
    if on_github:
        return f"Fix {it} on GitHub: {ON_GITHUB} (on your own copy: {LOCALLY.removesuffix(' again')})."
    return f"Fix {it} and {LOCALLY}."


def suggest(value: str, known: Iterable[str]) -> str:
    """'; did you mean 'x'?' when a close match exists, else ''."""
    match = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


# The entry a new id needs, filled in with what the id says: shown when an id is not in its registry.
NEW_ENTRY = {
    "speaker": ("data/speakers.yml", ("name: {words_title}",)),
    "theme": (
        "data/themes.yml",
        (
            "title: {words}",
            'description: "FILL IN: what the key points under this theme are about, in the notes\' words"',
        ),
    ),
    "organisation": ("data/organisations.yml", ("name: {words_title}",)),
    "series": (
        "data/series.yml",
        ("title: {words}", 'description: "FILL IN: what the series is about, in the notes\' words"'),
    ),
}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def new_entry(kind: str, ident: object) -> tuple[str, tuple[str, ...]]:
    """('; if it is new, add these lines at the end of <file>:', the entry's lines, indented as the file has
    them), or ('', ()) when the id is not one to add (not in slug form, or a placeholder)."""
    if kind not in NEW_ENTRY or not isinstance(ident, str) or not SLUG.fullmatch(ident) or ident.startswith("fill-in"):
        return "", ()
    file, fields = NEW_ENTRY[kind]
    words = ident.replace("-", " ")
    body = [field.format(words=words[:1].upper() + words[1:], words_title=words.title()) for field in fields]
    return f"; if it is new, add these lines at the end of {file}:", (f"- id: {ident}", *(f"  {b}" for b in body))
