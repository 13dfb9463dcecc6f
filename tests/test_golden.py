"""Golden files pin every generated page of the fixture archives (a page's title, description and HTML, and the
text of every other generated file): a change to a renderer shows up as a diff. They never follow the live
content in docs/ and data/.

After an intended change: `.venv/bin/python -m pytest tests/test_golden.py --update-golden`, then
review `git diff tests/golden`.
"""

from __future__ import annotations

import pytest
from archives import LARGE, LIMITS, NOTES, load, scale_limits
from conftest import ROOT

from notes_core import addresses as A
from notes_core.build.files import render_pages
from notes_core.render.meeting import render_meeting_page
from notes_core.render.page import Page
from notes_core.settings import load_settings

GOLDEN = ROOT / "tests" / "golden"
SITE_URL = "https://example.org/notes/"
SITE_NAME = "Joining Forces notes"


def rendered(archive_dir) -> dict[str, str]:
    with scale_limits(**LIMITS[archive_dir]):
        return rendered_archive(load(archive_dir))


def golden_text(content: Page | str) -> str:
    if isinstance(content, str):
        return content
    searchable = "" if content.searchable else "searchable: no\n"
    return f"title: {content.title}\ndescription: {content.description}\n{searchable}\n{content.html}"


def rendered_archive(archive) -> dict[str, str]:
    """Every generated page and meeting page, with one permanent-link page."""
    generated = render_pages(archive, load_settings(ROOT, site_url=SITE_URL, site_name=SITE_NAME))
    pages = {
        uri.removesuffix(".md") + ".html" if isinstance(content, Page) else uri: golden_text(content)
        for uri, content in generated.items()
        if not uri.startswith("p/") and not isinstance(content, bytes)  # the preview picture: test_citations
    }
    pages.update({meeting.src_uri: render_meeting_page(meeting, archive, SITE_URL) for meeting in archive.meetings})
    # One permanent page and its citation files stand for all of them (they share one template): the longest
    # point's, whose description is shortened.
    longest = max(archive.points.values(), key=lambda point: len(point.text))
    for name in ("index.html", "citation.bib", "citation.ris", "citation.json"):
        uri = f"p/{longest.id}/{name}"
        pages[uri] = str(generated[uri]).replace("\r\n", "\n")  # RIS ends its lines with CRLF; text files do not
    return pages


# Pages named by the addresses module's constant, longest path first: a page that moves keeps its golden file.
NAMED_PAGES = sorted(
    (
        (name.lower(), value)
        for name, value in vars(A).items()
        if name.isupper() and isinstance(value, str) and value.endswith(".md")
    ),
    key=lambda named: -len(named[1]),
)


def golden_name(uri: str) -> str:
    """A golden file's name: the constant of addresses.py a page is (principles_a_to_z.html), or is a part of
    (principles_a_to_z__s-1.html); any other page's path with its slashes doubled."""
    for name, path in NAMED_PAGES:
        stem = path.removesuffix(".md")
        if uri == stem + ".html":
            return name + ".html"
        if not path.endswith("index.md") and uri.startswith(stem + "/"):
            return name + "__" + uri.removeprefix(stem + "/").replace("/", "__")
    return uri.replace("/", "__")


@pytest.mark.parametrize("archive_dir", [NOTES, LARGE], ids=lambda path: path.name)
def test_generated_pages_match_golden_files(request, archive_dir):
    folder = GOLDEN / archive_dir.name
    pages = rendered(archive_dir)
    if request.config.getoption("--update-golden"):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for uri, text in pages.items():
            (folder / golden_name(uri)).write_text(text, encoding="utf-8")
    expected = {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}
    actual = {golden_name(uri): text for uri, text in pages.items()}
    assert sorted(actual) == sorted(expected), "pages added or removed: run with --update-golden and review"
    for name, text in actual.items():
        assert text == expected[name], (
            f"{name} differs from {folder.relative_to(ROOT)}/{name}: run with --update-golden and review the diff"
        )
