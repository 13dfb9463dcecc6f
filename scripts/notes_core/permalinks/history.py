"""Each key point's history on this site, read from git: when it was first published, when its text,
title or themes last changed, and its earlier wordings, each with the date it was replaced.

Dates are commit dates (committer date, UTC): they tell when the site published a change, never when
a meeting took place. The history is read with two git processes whatever its length: one
`git log --first-parent --raw` over the meeting files, which names the file versions (blobs) each
commit of the main line brought, and one `git cat-file --batch` that reads them all. Each file
version is parsed once with the core's own reader; the result is kept by the commit it was read at
(a commit never changes, so this may outlive a build under `mkdocs serve`).

A clone without its history (shallow, or a download with no .git) has no history: the site says so
rather than date points by the part it has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from notes_core.errors import ContentError
from notes_core.read.meeting_file import point_blocks, read_points, split_front_matter

# The state of a point at one commit: title, themes, text.
State = tuple[str, tuple[str, ...], str]


@dataclass(frozen=True)
class Wording:
    text: str
    replaced: str  # YYYY-MM-DD of the commit that replaced it; "" when it was replaced since the last commit


@dataclass(frozen=True)
class PointHistory:
    first_published: str  # YYYY-MM-DD
    last_changed: str  # YYYY-MM-DD: text, title or themes
    title: str  # as last committed
    themes: tuple[str, ...]
    text: str
    meeting: str  # the slug of the meeting file it was last committed in
    earlier: tuple[Wording, ...] = ()  # earlier wordings of its text, oldest first


@dataclass(frozen=True)
class History:
    available: bool
    reason: str = ""  # why it is not available
    points: dict[str, PointHistory] = field(default_factory=dict)


@dataclass(frozen=True)
class PointDates:
    """A point as the site shows it: its committed history, and whether the working tree changed it since."""

    first_published: str | None  # None: history not available, or the point is not yet committed
    last_changed: str | None
    changed_since_commit: bool
    earlier: tuple[Wording, ...]


def point_dates(history: History, ident: str, title: str, themes: tuple[str, ...], text: str) -> PointDates:
    if not history.available:
        return PointDates(None, None, False, ())
    known = history.points.get(ident)
    if known is None:
        return PointDates(None, None, True, ())
    changed = (known.title, known.themes, known.text) != (title, themes, text)
    earlier = known.earlier + ((Wording(known.text, ""),) if known.text != text else ())
    return PointDates(known.first_published, known.last_changed, changed, earlier)


# By (repository top, HEAD commit, meetings folder): the answer never changes for them.
_READ: dict[tuple[str, str, str], History] = {}


def read_history(root: Path, meetings: str = "docs/meetings") -> History:
    """The history of every point committed on the main line (first parents) up to HEAD.

    `meetings`: the meeting files' folder, relative to `root`."""
    if shutil.which("git") is None:
        return History(False, "git is not installed")
    where = git(root, "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD")
    if where.returncode != 0:
        if "not a git repository" in where.stderr:
            return History(False, "this copy has no git history (a download or a copy)")
        return History(False, "this clone has no commit yet")
    top, shallow, head = (where.stdout.splitlines() + ["", "", ""])[:3]
    if shallow.strip() == "true":
        return History(False, "this clone is shallow: its history is cut (fetch it all with `git fetch --unshallow`)")
    key = (top, head, meetings)
    if key not in _READ:
        _READ[key] = read_main_line(root, meetings)
    return _READ[key]


def git(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    english = {**os.environ, "LC_ALL": "C"}
    return subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=english,
        input=stdin,
        timeout=300,
        check=False,
    )


COMMIT_MARK = "\x1ecommit "


def read_main_line(root: Path, meetings: str) -> History:
    log = git(
        root,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--relative",
        f"--format={COMMIT_MARK}%H %ct",
        "--",
        meetings,
    )
    if log.returncode != 0:
        return History(False, f"git log failed ({log.stderr.strip()[:200]})")
    commits: list[tuple[str, list[tuple[str, str]]]] = []  # (date, [(path, blob or "" when deleted)])
    for chunk in log.stdout.split(COMMIT_MARK)[1:]:
        lines = chunk.splitlines()
        _commit, seconds = lines[0].split()
        date = datetime.fromtimestamp(int(seconds), UTC).strftime("%Y-%m-%d")
        changes = []
        for line in lines[1:]:
            if not line.startswith(":"):
                continue
            info, _, path = line.partition("\t")
            fields = info.split()
            if is_meeting_file(path, meetings):
                blob = fields[3]
                changes.append((path, "" if set(blob) == {"0"} else blob))
        commits.append((date, changes))
    blobs = sorted({blob for _date, changes in commits for _path, blob in changes if blob})
    contents = read_blobs(root, blobs)
    parsed = {blob: parse_points(text) for blob, text in contents.items()}
    return History(True, "", walk(commits, parsed))


def is_meeting_file(path: str, meetings: str) -> bool:
    folder, _, name = path.rpartition("/")
    return folder == meetings.strip("/") and name.endswith(".md") and name != "index.md"


def read_blobs(root: Path, blobs: list[str]) -> dict[str, str]:
    if not blobs:
        return {}
    answer = subprocess.run(
        ["git", "-C", str(root), "cat-file", "--batch"],
        input="".join(f"{blob}\n" for blob in blobs).encode(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    data, at = answer.stdout, 0
    contents: dict[str, str] = {}
    for blob in blobs:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        size = int(header[2]) if len(header) == 3 else 0
        contents[blob] = data[end + 1 : end + 1 + size].decode("utf-8", errors="replace")
        at = end + 1 + size + 1  # the content, then a newline
    return contents


def parse_points(text: str) -> dict[str, State]:
    """Point id -> its state, as the core reads a meeting file (problems of old versions are not reported)."""
    ignored: list[ContentError] = []
    parts = split_front_matter(text.replace("\r\n", "\n"), "", ignored)
    if parts is None:
        return {}
    _front, body, body_line = parts
    points: dict[str, State] = {}
    for raw in read_points(body, body_line, "", ignored):
        if not raw.id:
            continue
        themes = tuple(t.strip() for t in raw.meta.get("themes", ("", 0))[0].split(",") if t.strip())
        text_now = "\n".join(words for _kind, words in point_blocks(raw.text_lines))
        points[raw.id] = (raw.title, themes, text_now)
    return points


def walk(
    commits: list[tuple[str, list[tuple[str, str]]]], parsed: dict[str, dict[str, State]]
) -> dict[str, PointHistory]:
    files: dict[str, str] = {}  # path -> blob, as of the commit walked
    first: dict[str, str] = {}
    changed: dict[str, str] = {}
    state: dict[str, State] = {}
    meeting: dict[str, str] = {}
    earlier: dict[str, list[Wording]] = {}
    for date, changes in commits:
        for path, blob in changes:
            if blob:
                files[path] = blob
            else:
                files.pop(path, None)
        for path, blob in sorted(files.items()):
            slug = path.rpartition("/")[2][: -len(".md")]
            for ident, now in parsed.get(blob, {}).items():
                before = state.get(ident)
                if before is None:
                    first[ident] = changed[ident] = date
                elif before != now:
                    changed[ident] = date
                    if before[2] != now[2]:
                        earlier.setdefault(ident, []).append(Wording(before[2], date))
                state[ident] = now
                meeting[ident] = slug
    return {
        ident: PointHistory(
            first[ident],
            changed[ident],
            *state[ident],
            meeting[ident],
            tuple(earlier.get(ident, ())),
        )
        for ident in sorted(state)
    }
