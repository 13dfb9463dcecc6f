"""Independent checks of the built site: linkinator for links and anchors, the Nu Html Checker for the HTML."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from archives import load
from browser import serve
from conftest import ROOT
from site_build import build_site

ARCHIVE = load(ROOT)

LINKINATOR = ROOT / "node_modules" / ".bin" / "linkinator"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """The site built for the address it is served at, so even absolute links are checked."""
    folder = tmp_path_factory.mktemp("served")
    with serve(folder) as url:
        build_site(ROOT / "mkdocs.yml", folder, site_url=url)
        yield url, folder


def test_no_broken_link_or_anchor(served_site):
    url, _ = served_site
    result = subprocess.run(
        [
            str(LINKINATOR),
            url,
            "--recurse",
            "--check-fragments",
            "--check-css",
            "--format",
            "json",
            "--concurrency",
            "20",
            "--skip",
            r"^(?!http://127\.0\.0\.1)",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stdout)
    broken = [
        (link["url"], link["status"], link.get("parent")) for link in report["links"] if link["state"] == "BROKEN"
    ]
    assert broken == []
    checked = {link["url"] for link in report["links"] if link["state"] == "OK"}
    # Every meeting page and permanent link was reached (anchors are checked, and listed only when broken).
    expected = {f"{url}meetings/{m.slug}/" for m in ARCHIVE.meetings} | {f"{url}p/{p}/" for p in ARCHIVE.points}
    assert expected - checked == set()


# Errors that come from Material's own base.html, which this project does not override
# (it is Material's main template; copying it would freeze the theme's layout here).
MATERIAL_ERRORS = {
    # The drawer and search toggles are checkboxes with autocomplete="off", which Material
    # sets so that browsers do not restore an open drawer or search on back navigation.
    ("Attribute “autocomplete” is only allowed when the input type is", "__drawer"),
    ("Attribute “autocomplete” is only allowed when the input type is", "__search"),
}


def from_material(message: dict) -> bool:
    return any(
        message["message"].startswith(text) and where in message.get("extract", "") for text, where in MATERIAL_ERRORS
    )


def test_html_is_valid_apart_from_listed_theme_errors(served_site):
    _, folder = served_site
    java = shutil.which("java")
    assert java, "the Nu Html Checker needs Java: apt-get install -y default-jre-headless"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    ours = [
        (m["url"].split(str(folder))[-1], m["message"], m.get("extract", "")) for m in messages if not from_material(m)
    ]
    assert ours == []
    pages = len(list(folder.rglob("*.html")))
    assert pages > len(ARCHIVE.meetings) + len(
        ARCHIVE.points
    )  # the folder checked holds every meeting and permanent-link page
