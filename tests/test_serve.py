"""`make serve` always serves: a half-written draft is shown with its problems, and the server
answers while the draft is edited (it never waits on a failed build)."""

from __future__ import annotations

import html
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

NOTES = [sys.executable, str(ROOT / "scripts" / "notes.py")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[float, str]:
    """Seconds to answer, and the page; every request must be answered within 5 s."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=5) as response:
        return time.perf_counter() - started, html.unescape(response.read().decode("utf-8"))


@pytest.fixture
def served_draft(project: Path):
    created = subprocess.run(
        [*NOTES, "--root", str(project), "new", "Joining forces in market towns"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert created.returncode == 0, created.stderr
    port = free_port()
    log = (project / "serve.log").open("w", encoding="utf-8")  # a file, not a pipe: a full pipe would stall the server
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=log,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(120):
            try:
                get(url)
                break
            except OSError:
                time.sleep(0.5)
        yield project / "docs" / "meetings" / "joining-forces-in-market-towns.md", url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while True:
        elapsed, page = get(url)
        assert elapsed < 5, f"the server took {elapsed:.1f} s to answer"
        if text in page or time.monotonic() > deadline:
            assert text in page, text
            return page
        time.sleep(0.3)


def test_a_draft_is_served_with_its_problems_while_it_is_edited(served_draft):
    draft, url = served_draft
    page_url = url + "meetings/joining-forces-in-market-towns/"
    page = wait_for(page_url, "This draft has")
    assert "placeholder 'FILL IN' left in" in page
    assert "problems in the content" in get(url)[1]  # the home page lists the files with problems
    assert "Content-Security-Policy" not in page  # it would block the live reload `mkdocs serve` adds
    text = draft.read_text(encoding="utf-8")
    # Half-written: a new point with an unknown theme, then broken YAML, then fixed; the server answers throughout.
    draft.write_text(
        text + "\n### Distance is the hidden cost {#distance}\nthemes: market-towns\n\nRoads are long.\n",
        encoding="utf-8",
    )
    wait_for(page_url, "unknown theme 'market-towns'")
    draft.write_text(text.replace("series: joining-forces", "series: [joining-forces"), encoding="utf-8")
    wait_for(page_url, "this is not valid YAML")
    draft.write_text(text, encoding="utf-8")
    wait_for(page_url, "placeholder")
    for _ in range(10):
        assert get(page_url)[0] < 5


def test_a_registry_that_cannot_be_read_still_previews(project, monkeypatch):
    """A YAML mistake in data/ shows on the preview's home page; the build does not stop."""
    from site_build import build_site

    with (project / "data" / "themes.yml").open("a", encoding="utf-8") as themes:
        themes.write("- id: broken\n  title: [unclosed\n")
    monkeypatch.setenv("NOTES_DRAFTS", "1")
    built = build_site(project / "mkdocs.yml", project / "site", strict=False)
    panel = built.html("").css_first(".point-problems").text()
    assert "data/themes.yml" in panel and "a list opened with [ is not closed" in panel
