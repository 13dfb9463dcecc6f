"""What the main branch publishes, read from git: the base revision's own code says what it publishes.

The base revision is NOTES_PUBLISHED_REF when set (the workflows set it), else where this branch
left main (`git merge-base HEAD origin/main`, or `main` when there is no origin/main), else the tip
of main when that cannot be told (a shallow clone). On main itself that is HEAD, so uncommitted
changes are compared with the last commit. Its tree is extracted to a temporary folder and asked
`python scripts/notes.py published --json`; a revision from before that command existed listed
what it published in data/permalinks.yml, which is read instead.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from notes_core.permalinks.published import Published, published_from_json, published_from_old_lock
from notes_core.permalinks.redirects import REDIRECTS

REF_VARIABLE = "NOTES_PUBLISHED_REF"
TREE = ("scripts", "docs", "data", "overrides", "mkdocs.yml")
MAIN_REFS = {"refs/remotes/origin/main": "origin/main", "refs/heads/main": "main"}


@dataclass(frozen=True)
class Base:
    commit: str
    name: str  # how messages call it: origin/main, main, or the value of NOTES_PUBLISHED_REF
    top: Path  # the repository's top folder
    folder: str  # the project's folder inside the repository, "" at its top
    shallow: bool  # merge-base failed, so this is the tip of main


@dataclass(frozen=True)
class Unknown:
    reason: str

    @property
    def note(self) -> str:
        return f"cannot tell what is published: {self.reason}; the permanent-link check was skipped"


@dataclass(frozen=True)
class BasePublished:
    published: Published
    name: str
    notes: tuple[str, ...]


# By commit and folder: the answer never changes for them, so it may outlive a build (mkdocs serve).
_READ: dict[tuple[str, str], Published | Unknown] = {}


def read_base_published(root: Path) -> BasePublished | Unknown:
    base = find_base(root)
    if isinstance(base, Unknown):
        return base
    key = (base.commit, base.folder)
    if key not in _READ:
        _READ[key] = published_at(base)
    published = _READ[key]
    if isinstance(published, Unknown):
        return published
    notes = (
        (
            f"this clone has no history to tell where the branch left {base.name}, so it is compared with the tip of "
            f"{base.name}; if {base.name} has moved on since, merge it into the branch first",
        )
        if base.shallow
        else ()
    )
    return BasePublished(published, base.name, notes)


def git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    english = {**os.environ, "LC_ALL": "C"}  # its messages are read
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, env=english, timeout=120, check=False
    )


def find_base(root: Path) -> Base | Unknown:
    if shutil.which("git") is None:
        return Unknown("git is not installed")
    where = git(root, "rev-parse", "--show-toplevel", "--show-prefix")
    if where.returncode != 0 and "not a git repository" in where.stderr:
        return Unknown("this folder is not a git clone (a download or a copy has no history)")
    if where.returncode != 0:
        return Unknown(f"git cannot read this clone ({first_line(where.stderr)})")
    top_line, prefix_line = (where.stdout.splitlines() + ["", ""])[:2]
    top, prefix = Path(top_line), prefix_line.strip().rstrip("/")
    wanted = os.environ.get(REF_VARIABLE, "").strip()
    if wanted:
        commit = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{wanted}^{{commit}}")
        if commit.returncode != 0:
            return Unknown(f"{REF_VARIABLE} is '{wanted}', which is not a commit in this clone (fetch it first)")
        return Base(commit.stdout.strip(), wanted, top, prefix, shallow=False)
    listed = git(root, "for-each-ref", "--format=%(refname) %(objectname)", *MAIN_REFS)
    tips = dict(line.split(" ", 1) for line in listed.stdout.splitlines() if " " in line)
    name, tip = next(((MAIN_REFS[ref], tips[ref]) for ref in MAIN_REFS if ref in tips), ("", ""))
    if not tip:
        return Unknown("this clone has no main branch (neither origin/main nor main); `git fetch origin main` gets it")
    merge_base = git(root, "merge-base", "HEAD", tip)
    if merge_base.returncode == 0:
        return Base(merge_base.stdout.strip(), name, top, prefix, shallow=False)
    return Base(tip, name, top, prefix, shallow=True)


# The site's code and its checks: a pull request that changes these can change what the check itself does,
# so green checks cannot vouch for it and a maintainer reviews it (README: Maintainers).
CODE_PATHS = (
    "scripts",
    "overrides",
    "mkdocs.yml",
    "docs/javascripts",
    "docs/stylesheets",
    "tests",
    ".github",
    ".ci",
    "Makefile",
    "pyproject.toml",
    "requirements.txt",
    "requirements-test.txt",
    "package.json",
    "package-lock.json",
)


def code_changes(root: Path) -> list[str]:
    """The files of the site's code that differ from the base (working tree included); [] when there is no base."""
    base = find_base(root)
    if isinstance(base, Unknown):
        return []
    changed = git(root, "diff", "--name-only", "--relative", base.commit, "--", *CODE_PATHS)
    untracked = git(root, "ls-files", "--others", "--exclude-standard", "--", *CODE_PATHS)
    return sorted(set(changed.stdout.split()) | set(untracked.stdout.split())) if changed.returncode == 0 else []


def published_at(base: Base) -> Published | Unknown:
    # From the top folder: run in a subfolder, git archive and ls-tree would look only below it.
    tree = f"{base.commit}:{base.folder}" if base.folder else base.commit
    listed = git(base.top, "ls-tree", "--name-only", tree)
    names = [name for name in TREE if name in listed.stdout.splitlines()]
    if listed.returncode != 0 or "scripts" not in names or "data" not in names:
        return Unknown(f"{base.name} has no scripts/ and data/ folders here")
    archive = subprocess.run(
        ["git", "-C", str(base.top), "archive", "--format=tar", tree, "--", *names],
        capture_output=True,
        timeout=300,
        check=False,
    )
    if archive.returncode != 0:
        return Unknown(f"git archive of {base.name} failed ({first_line(archive.stderr.decode(errors='replace'))})")
    with tempfile.TemporaryDirectory(prefix="notes-published-") as folder:
        copy = Path(folder)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout), mode="r:") as tar:
            # The files get no time: git archive gives them the commit's, which may be any date git can hold
            # (one past the year 2262 does not fit a file's time, and extracting raised OverflowError).
            if hasattr(tarfile, "data_filter"):
                tar.extractall(copy, filter=lambda member, path: tarfile.data_filter(member, path).replace(mtime=0))
            else:  # Python before 3.11.4; the archive is this repository's own history
                for member in tar.getmembers():
                    member.mtime = 0
                tar.extractall(copy)
        return ask_published(copy, base.name)


def ask_published(copy: Path, name: str) -> Published | Unknown:
    env = {key: value for key, value in os.environ.items() if key != REF_VARIABLE}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        answer = subprocess.run(
            [sys.executable, str(copy / "scripts" / "notes.py"), "published", "--json"],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Unknown(f"reading what {name} publishes took too long")
    try:
        if answer.returncode == 0:
            return published_from_json(answer.stdout)
        if "invalid choice: 'published'" in answer.stderr:  # written before `published` existed
            return published_from_old_lock(yaml.safe_load((copy / REDIRECTS).read_text(encoding="utf-8")))
    except (ValueError, OSError, yaml.YAMLError) as error:
        return Unknown(f"what {name} publishes could not be read ({error})")
    return Unknown(f"`notes.py published` fails on {name} ({first_line(answer.stderr)})")


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "no message")
