from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent  # scripts/ and tests/ are on the path through pyproject.toml
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# As the workflows do, so the tests see the source link and edit buttons (example.org is reserved for examples).
os.environ.setdefault("REPO_URL", "https://example.org/joining-forces-notes")
os.environ.setdefault("EDIT_URI", "edit/main/docs/")

from archives import LARGE, NOTES, build_archive, copy_project  # noqa: E402 - after the environment they read
from site_build import BuiltSite, build_site  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, built once in-process with strict on. Tests of it hold for any content."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def notes_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The `notes` fixture archive (a frozen copy of the real notes), built as the real site is."""
    return build_archive(NOTES, tmp_path_factory.mktemp("notes"))


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The `large` fixture archive, built under its lowered scale limits."""
    return build_archive(LARGE, tmp_path_factory.mktemp("large"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the `notes` fixture archive as its content, to change and build."""
    return copy_project(NOTES, tmp_path)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright, for a module of browser tests."""
    from browser import FLAGS, require_chromium
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=FLAGS)
        yield chromium
        chromium.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


# The content check, run as contributors run it, on small copies of the project.
GOOD = NOTES / "docs" / "meetings" / "levelling-up.md"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small repository: the data files of the `notes` fixture archive and one of its meetings."""
    shutil.copytree(NOTES / "data", tmp_path / "data")
    (tmp_path / "docs" / "meetings").mkdir(parents=True)
    shutil.copy(GOOD, tmp_path / "docs" / "meetings" / GOOD.name)
    planned = tmp_path / "data" / "planned.yml"
    planned.write_text("[]\n", encoding="utf-8")
    return tmp_path


def run_check(root: Path, on_github: bool = False) -> subprocess.CompletedProcess:
    """`make check` as a contributor runs it on their own copy (or, `on_github`, as a workflow runs it), wherever
    the suite itself runs."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(root), "check"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "GITHUB_ACTIONS": "true"} if on_github else env,
    )


def edit(root: Path, old: str, new: str, name: str = GOOD.name) -> Path:
    path = root / "docs" / "meetings" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def assert_fails_with(root: Path, *expected: str) -> str:
    result = run_check(root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    return result.stderr
