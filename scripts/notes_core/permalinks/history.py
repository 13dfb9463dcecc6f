"""Each key point's history on this site, read from git: when it was first published, when its text,
title or themes last changed, and its earlier wordings, each with the date it was replaced.

Dates are commit dates (committer date, UTC): they tell when the site published a change, never when
a meeting took place. The history is read with two git processes whatever its length: one
`git log --first-parent --raw` over the meeting files, which names the file versions (blobs) each
commit of the main line brought, and one `git cat-file --batch` that reads them all. Each file
version is parsed once with the core's own reader; the result is kept by the commit it was read at
(a commit never changes, so this may outlive a build under `mkdocs serve`).

Only what main published is history: on main, its first-parent line up to HEAD; on a branch (a pull
request), main's line up to where the branch left it (the base the published-link check compares with). The
branch's own commits are never read, so a wording that only an intermediate commit held, which no reviewer
saw in the diff, is never shown; the branch's change shows as "changed on this branch".

A commit's date is what its committer's clock said, and a commit pushed or fast-forwarded to main as it was made
keeps whatever date it was given (the year 2099, or 1970). The site shows a date only when it can hold (see
`published_times`): within [the date of main's first commit, the build's time] (SOURCE_DATE_EPOCH when set, else
the clock), and in order along main's first-parent line. Any other commit is shown with the date of the last
trusted commit before it, and the check names it in a note. Dates are worked out from the seconds with
whole-number arithmetic, so any date a commit can carry is read without crashing the build.

A clone without its history (shallow, or a download with no .git) has no history: the site says so
rather than date points by the part it has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from notes_core.errors import ContentError
from notes_core.permalinks.published_base import MAIN_REFS, Unknown, find_base
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


ON_MAIN = "since the last commit"
ON_BRANCH = "on this branch"


@dataclass(frozen=True)
class History:
    available: bool
    reason: str = ""  # why it is not available
    points: dict[str, PointHistory] = field(default_factory=dict)
    unpublished: str = ON_MAIN  # where a change not yet published was made: ON_MAIN or ON_BRANCH
    notes: tuple[str, ...] = ()  # commits whose dates cannot hold, and the date shown for them instead


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
_READ: dict[tuple[str, str, str], MainLine | History] = {}


def read_history(root: Path, meetings: str = "docs/meetings") -> History:
    """The history of every point main published: its first-parent line up to HEAD when HEAD is on main, else up
    to where the branch left main.

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
    end = published_end(root, head)
    if isinstance(end, Unknown):
        return History(False, end.reason)
    commit, unpublished = end
    key = (top, commit, meetings)
    if key not in _READ:
        _READ[key] = read_main_line(root, meetings, commit)
    found = _READ[key]
    if not isinstance(found, MainLine):
        return found
    dates, notes = published_dates(found.times, build_time())
    return History(True, "", walk(found.commits, found.parsed, dates), unpublished, notes)


# Set beside SOURCE_DATE_EPOCH when a build took it from git itself (build/page.py): then it is no caller's time.
EPOCH_FROM_GIT = "NOTES_EPOCH_FROM_GIT"


def build_time() -> int:
    """The build's time: SOURCE_DATE_EPOCH when a caller set it (a reproducible build), else the clock."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "")
    if given.isdigit() and len(given) < 19 and not os.environ.get(EPOCH_FROM_GIT):
        return int(given)
    return int(time.time())


def published_times(times: list[int], ceiling: int) -> list[int]:
    """The time the site shows for each commit of main's first-parent line, oldest first (git's committer times).

    A time is trusted when it lies within [the first commit's time, `ceiling`] (the build's time; never before
    the first commit) and belongs to the longest run of the line's times that is in order (so one commit dated
    wrongly, forwards or backwards, is the one set aside, never the commits around it). Any other commit is shown
    at the last trusted time before it; the first commit is always trusted (at the build's time, if later)."""
    if not times:
        return []
    floor = min(times[0], ceiling)
    candidates = [i for i, t in enumerate(times) if i and floor <= t <= ceiling]
    # The longest non-decreasing run among the candidates (patience sorting, O(n log n)), after the first commit.
    tails: list[int] = []  # tails[k]: the smallest last time of a run of length k + 1
    tail_index: list[int] = []
    previous: dict[int, int] = {}
    for i in candidates:
        k = bisect_right(tails, times[i])
        previous[i] = tail_index[k - 1] if k else 0
        if k == len(tails):
            tails.append(times[i])
            tail_index.append(i)
        else:
            tails[k], tail_index[k] = times[i], i
    trusted = {0}
    at = tail_index[-1] if tail_index else 0
    while at:
        trusted.add(at)
        at = previous[at]
    shown = [floor]
    for i, t in enumerate(times[1:], start=1):
        shown.append(t if i in trusted else shown[-1])
    return shown


def published_dates(times: list[tuple[str, int]], ceiling: int) -> tuple[dict[str, str], tuple[str, ...]]:
    """Each commit's date as the site shows it (by commit name), and a note for each commit set aside."""
    shown = published_times([t for _name, t in times], ceiling)
    dates = {name: commit_date(str(t)) for (name, _t), t in zip(times, shown, strict=True)}
    notes = tuple(
        f"commit {name[:12]} on main is dated {commit_date(str(t))}, "
        + (
            "after this build"
            if t > ceiling
            else "before main's first commit"
            if t < shown[0]
            else "out of order with the commits around it"
        )
        + f"; the site shows its changes as of {commit_date(str(s))} (check the clock of the machine that made it)"
        for (name, t), s in zip(times, shown, strict=True)
        if t != s
    )
    return dates, notes[:5] + ((f"and {len(notes) - 5} more commits dated like these",) if len(notes) > 5 else ())


def published_end(root: Path, head: str) -> tuple[str, str] | Unknown:
    """The last commit main published that this copy holds, and where a newer change was made: HEAD when it is
    on main (main's tip contains it), else the base the published-link check compares with."""
    listed = git(root, "for-each-ref", "--format=%(objectname)", *MAIN_REFS)
    for tip in listed.stdout.split():
        if git(root, "merge-base", "--is-ancestor", head, tip).returncode == 0:
            return head, ON_MAIN
    base = find_base(root)
    if isinstance(base, Unknown):
        return Unknown(f"what main published is not known here: {base.reason}")
    return base.commit, ON_BRANCH


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


@dataclass(frozen=True)
class MainLine:
    """What git holds of main's first-parent line up to a commit: every commit's time, oldest first, and the
    commits that changed meeting files with the file versions they brought, each parsed."""

    times: list[tuple[str, int]]  # (commit, committer time in seconds)
    commits: list[tuple[str, list[tuple[str, str]]]]  # (commit, [(path, blob or "" when deleted)])
    parsed: dict[str, dict[str, State]]


def read_main_line(root: Path, meetings: str, end: str) -> MainLine | History:
    main_line = git(root, "log", end, "--first-parent", "--reverse", "--format=%H %ct")
    if main_line.returncode != 0:
        return History(False, f"git log failed ({main_line.stderr.strip()[:200]})")
    times = []
    for entry in main_line.stdout.splitlines():
        name, _, seconds = entry.partition(" ")
        times.append((name, int(seconds) if seconds.lstrip("-").isdigit() else 0))
    log = git(
        root,
        "log",
        end,
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
    commits: list[tuple[str, list[tuple[str, str]]]] = []  # (commit, [(path, blob or "" when deleted)])
    for chunk in log.stdout.split(COMMIT_MARK)[1:]:
        lines = chunk.splitlines()
        name = lines[0].split()[0] if lines and lines[0].split() else ""
        changes = []
        for line in lines[1:]:
            if not line.startswith(":"):
                continue
            info, _, path = line.partition("\t")
            fields = info.split()
            if len(fields) >= 4 and is_meeting_file(path, meetings):
                # Only a regular file is a meeting file: a submodule or a link in its place counts as none.
                blob = fields[3] if fields[1] in REGULAR_FILES else ""
                changes.append((path, "" if set(blob) <= {"0"} else blob))
        commits.append((name, changes))
    blobs = sorted({blob for _name, changes in commits for _path, blob in changes if blob})
    contents = read_blobs(root, blobs)
    return MainLine(times, commits, {blob: parse_points(text) for blob, text in contents.items()})


REGULAR_FILES = {"100644", "100755"}  # git's modes of a file (not a link, 120000, nor a submodule, 160000)
SECONDS_A_DAY = 86_400


def commit_date(seconds: str) -> str:
    """YYYY-MM-DD (UTC) of a commit's time in seconds, for any whole number git holds: a year past 9999 has more
    digits, one before year 1 a sign. datetime stops at year 9999, so the calendar is worked out here."""
    try:
        days = int(seconds) // SECONDS_A_DAY
    except ValueError:
        return "an unknown date"
    # Days since 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's civil_from_days).
    days += 719_468
    era = days // 146_097
    day_of_era = days - era * 146_097
    year_of_era = (day_of_era - day_of_era // 1_460 + day_of_era // 36_524 - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    year = year_of_era + era * 400 + (month <= 2)
    return f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{day:02d}"


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
        end = data.find(b"\n", at)
        if end < 0:
            break
        header = data[at:end].split()
        if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():  # "<name> missing", or not a file
            at = end + 1
            continue
        size = int(header[2])
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
    commits: list[tuple[str, list[tuple[str, str]]]], parsed: dict[str, dict[str, State]], dates: dict[str, str]
) -> dict[str, PointHistory]:
    files: dict[str, str] = {}  # path -> blob, as of the commit walked
    first: dict[str, str] = {}
    changed: dict[str, str] = {}
    state: dict[str, State] = {}
    meeting: dict[str, str] = {}
    earlier: dict[str, list[Wording]] = {}
    for name, changes in commits:
        date = dates.get(name, "an unknown date")
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
