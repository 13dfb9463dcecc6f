from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# As the workflows do, so the tests see the source link and edit buttons (example.org is reserved for examples).
os.environ.setdefault("REPO_URL", "https://example.org/joining-forces-notes")
os.environ.setdefault("EDIT_URI", "edit/main/docs/")

from archives import LARGE, NOTES, build_archive, copy_project  # noqa: E402
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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")
