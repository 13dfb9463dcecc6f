"""A second engine: ProperDocs (`properdocs` on PyPI, the continuation of MkDocs 1.x with the same plugin API)
builds the site, hook and Material included, to the same files as MkDocs, apart from the generator tag in which
each engine names itself.

Each engine builds from the command line, in a process of its own, the `notes` fixture archive made a git clone
(so the hook's history and published-links check run too), with the same SOURCE_DATE_EPOCH (the sitemap's date).
ProperDocs reads mkdocs.yml when given it with -f; run as `python -m properdocs`, it answers the `mkdocs.*`
imports of Material and the hook with its own modules, and finds plugins and themes under both entry-point groups.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from archives import NOTES, copy_project
from git_project import make_clone

ENGINES = ("mkdocs", "properdocs")  # each run as `python -m <engine> build`
EPOCH = "1700000000"  # 2023-11-14, the sitemap's <lastmod>: any fixed date will do, the same for both
# Material's <meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-…">, minified or not.
GENERATOR = re.compile(rb'<meta (?=[^>]*\bname="?generator"?[\s>])[^>]*>')
ANY_GENERATOR = re.compile(rb"<meta\b[^>]*generator[^>]*>", re.IGNORECASE)
CONTENT = re.compile(rb'\bcontent="([^"]*)"')


def engine_environment() -> dict[str, str]:
    """The tests' environment without the project's own NOTES_* variables (no preview, no published ref, no
    epoch that an in-process build took from git), with one fixed SOURCE_DATE_EPOCH."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("NOTES_")}
    env.update(SOURCE_DATE_EPOCH=EPOCH, PYTHONDONTWRITEBYTECODE="1", NO_MKDOCS_2_WARNING="1")
    return env


def build(engine: str, project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", engine, "build", "--strict", "-f", str(project / "mkdocs.yml")]
    return subprocess.run(
        [*command, "-d", str(site_dir)],
        cwd=project,
        env=engine_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def without_generator(name: str, data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator">', data) if name.endswith(".html") else data


def generators(built: dict[str, bytes]) -> set[str]:
    """Every generator tag's content, across the site's pages."""
    return {
        content.group(1).decode() if (content := CONTENT.search(tag)) else "(no content)"
        for name, data in built.items()
        if name.endswith(".html")
        for tag in GENERATOR.findall(data)
    }


def first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(at - 60, 0)
    return f"at byte {at}: MkDocs {a[start : at + 100]!r}, ProperDocs {b[start : at + 100]!r}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The `notes` archive built by each engine, from one clone: {engine: {path: bytes}}."""
    folder = tmp_path_factory.mktemp("engines")
    project = make_clone(copy_project(NOTES, folder / "project"), "change")
    built = {}
    for engine in ENGINES:
        result = build(engine, project, folder / engine)
        assert result.returncode == 0, f"{engine}:\n{result.stderr}"
        assert "WARNING" not in result.stderr and "cannot tell what is published" not in result.stderr, result.stderr
        built[engine] = files(folder / engine)
    return built


def test_both_engines_write_the_same_files(sites):
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert sorted(set(mkdocs) - set(properdocs)) == []
    assert sorted(set(properdocs) - set(mkdocs)) == []
    # The hook's pages and search index, and the history it reads from git, are among them.
    assert "pagefind/pagefind.js" in mkdocs
    assert b"On this site: first published " in mkdocs["p/act-in-small-places/index.html"]


def test_every_file_is_identical_but_the_generator_tag(sites):
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    differ = {
        name: first_difference(without_generator(name, mkdocs[name]), without_generator(name, properdocs[name]))
        for name in sorted(mkdocs.keys() & properdocs.keys())
        if without_generator(name, mkdocs[name]) != without_generator(name, properdocs[name])
    }
    assert differ == {}


def test_the_generator_tag_names_the_engine_that_built_the_page(sites):
    material = f"mkdocs-material-{version('mkdocs-material')}"
    assert generators(sites["mkdocs"]) == {f"mkdocs-{version('mkdocs')}, {material}"}
    assert generators(sites["properdocs"]) == {f"mkdocs-ProperDocs {version('properdocs')}, {material}"}
    # The tag is in every page the theme renders, minified or not, and no other form of it escapes the pattern.
    pages = [data for name, data in sites["properdocs"].items() if name.endswith(".html")]
    assert sum(1 for data in pages if GENERATOR.search(data)) >= 10
    assert [len(ANY_GENERATOR.findall(data)) for data in pages] == [len(GENERATOR.findall(data)) for data in pages]


def test_the_sitemap_is_dated_from_source_date_epoch(sites):
    for engine in ENGINES:
        assert b"<lastmod>2023-11-14</lastmod>" in sites[engine]["sitemap.xml"], engine


def log_of(result: subprocess.CompletedProcess, site_dir: Path) -> str:
    """What the build printed, with its output folder (the one difference that is ours) named alike."""
    return (result.stderr + result.stdout).replace(str(site_dir), "<site>")


@pytest.mark.parametrize("problem", ["a point removed from main", "a link to no page"])
def test_a_strict_build_fails_alike_in_both_engines(tmp_path, problem):
    project = make_clone(copy_project(NOTES, tmp_path / "project"), "change")
    if problem == "a point removed from main":  # the hook stops the build: a content error
        meeting = project / "docs/meetings/levelling-up.md"
        text = meeting.read_text(encoding="utf-8")
        cut = text[: text.index("### Act in small places")] + text[text.index("### Set conditions") :]
        meeting.write_text(cut, encoding="utf-8")
        expected = "point 'act-in-small-places' is published on main but is in no meeting now"
        ending = "Aborted with a BuildError!"
    else:  # the engine's own link validation warns, and strict mode stops the build
        about = project / "docs/about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nSee [nothing](nowhere.md).\n", encoding="utf-8")
        expected = "WARNING -  Doc file 'about.md' contains a link 'nowhere.md', but the target is not found"
        ending = "Aborted with 1 warnings in strict mode!"
    logs = {}
    for engine in ENGINES:
        result = build(engine, project, tmp_path / engine)
        assert result.returncode == 1, f"{engine}:\n{result.stderr}"
        logs[engine] = log_of(result, tmp_path / engine)
    assert expected in logs["mkdocs"] and ending in logs["mkdocs"], logs["mkdocs"]
    assert "Traceback" not in logs["mkdocs"]
    assert logs["properdocs"] == logs["mkdocs"]
