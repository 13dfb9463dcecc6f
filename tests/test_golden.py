"""Golden files pin the Markdown of every generated page: a change to a renderer shows up as a diff.

After an intended change: `.venv/bin/python -m pytest tests/test_golden.py --update-golden`, then review `git diff tests/golden`.
"""
from __future__ import annotations


from conftest import ROOT
from notes_core import load_archive
from notes_core.render import render_meeting_page, render_pages

GOLDEN = ROOT / "tests" / "golden"
SITE_URL = "https://example.org/notes/"


def rendered() -> dict[str, str]:
    archive = load_archive(ROOT / "docs" / "meetings", ROOT / "data", ROOT)
    pages = {uri: text for uri, text in render_pages(archive, SITE_URL, "Joining Forces notes").items() if not uri.startswith("p/")}
    pages.update({meeting.src_uri: render_meeting_page(meeting, archive, SITE_URL) for meeting in archive.meetings})
    # One permanent-link page stands for all of them: they share one template.
    pages["p/vest/index.html"] = render_pages(archive, SITE_URL, "Joining Forces notes")["p/vest/index.html"]
    return pages


def golden_name(uri: str) -> str:
    return uri.replace("/", "__")


def test_generated_pages_match_golden_files(request):
    pages = rendered()
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.iterdir():
            old.unlink()
        for uri, text in pages.items():
            (GOLDEN / golden_name(uri)).write_text(text, encoding="utf-8")
    expected = {path.name: path.read_text(encoding="utf-8") for path in GOLDEN.iterdir()}
    actual = {golden_name(uri): text for uri, text in pages.items()}
    assert sorted(actual) == sorted(expected), "pages added or removed: run with --update-golden and review"
    for name, text in actual.items():
        assert text == expected[name], f"{name} differs from tests/golden/{name}: run with --update-golden and review the diff"
