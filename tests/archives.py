"""The fixture archives in tests/fixtures/archives/, and how to build one as a site.

An archive is a site's content: its pages (docs/*.md, docs/meetings/*.md) and registries
(data/*.yml). Everything else (mkdocs.yml, scripts, templates, styles) is the repository's,
so a fixture archive is built exactly as the real site is. Fixture archives never follow the
live content: adding a meeting to docs/ changes no test that uses them.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

from site_build import BuiltSite, build_site

from notes_core import Archive, load_archive
from notes_core.render import scale
from notes_core.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
ARCHIVES = ROOT / "tests" / "fixtures" / "archives"
NOTES = ARCHIVES / "notes"  # a frozen copy of the real notes
LARGE = ARCHIVES / "large"  # synthetic, small: takes every large-archive shape under LARGE_LIMITS

# The limits of notes_core/render/scale.py lowered so that 13 meetings and 39 points are "large".
LARGE_LIMITS = {
    "NAV_BLOCK": 4,
    "NAV_FLAT_LIMIT": 6,
    "THEME_TEXT_LIMIT": 6,
    "LIST_LIMIT": 30,
    "LETTER_PAGE": 3,
    "MATRIX_MEETING_COLUMNS": 8,
    "INLINE_PICTURE_CELLS": 12,
    "CO_OCCURRENCE_ROWS": 5,
    "SPEAKER_TABLE_LIMIT": 8,
    "MENTIONS_SHOWN": 3,
}
LIMITS = {NOTES: {}, LARGE: LARGE_LIMITS}


@contextmanager
def scale_limits(**limits: int):
    """Lower (or raise) scale.py's limits for the duration; a misspelt name fails."""
    saved = {name: getattr(scale, name) for name in limits}
    try:
        for name, value in limits.items():
            setattr(scale, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(scale, name, value)


def load(archive: Path) -> Archive:
    return load_archive(load_settings(archive))


def copy_project(archive: Path, target: Path) -> Path:
    """The repository's site with the archive's pages and registries in place of the live ones."""

    def not_content(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n.endswith(".md") or n in ("meetings", "__pycache__")]

    for name in ("scripts", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=not_content)  # styles, scripts, pictures, top navigation
    shutil.copytree(archive / "docs", target / "docs", dirs_exist_ok=True)
    shutil.copytree(archive / "data", target / "data")
    return target


def build_archive(archive: Path, folder: Path, **overrides) -> BuiltSite:
    """Copy the archive into a project in `folder` and build it in-process, strict, under its limits."""
    project = copy_project(archive, folder / "project")
    with scale_limits(**LIMITS[archive]):
        return build_site(project / "mkdocs.yml", folder / "site", **overrides)
