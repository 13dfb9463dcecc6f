"""A copy of the project as a contributor's git clone: `main` holds what is published, a branch holds the change."""

from __future__ import annotations

import subprocess
from pathlib import Path

IDENTITY = (
    "-c",
    "user.name=Test Contributor",
    "-c",
    "user.email=contributor@example.org",
    "-c",
    "commit.gpgsign=false",
)


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *IDENTITY, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", message)


def make_clone(project: Path, branch: str) -> Path:
    """Turn the project copy into a repository whose `main` is the project as published, on a new branch."""
    git(project, "init", "--quiet", "--initial-branch=main")
    (project / ".gitignore").write_text("site/\n__pycache__/\n", encoding="utf-8")
    commit_all(project, "The published site")
    git(project, "checkout", "--quiet", "-b", branch)
    return project
