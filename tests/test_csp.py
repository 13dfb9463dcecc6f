"""The Content-Security-Policy is a second wall: if a sanitiser rule were ever wrong, markup that slipped
into a page still could not run script or load anything from another host. Shown by planting such markup
in built pages (as a bypass would) and opening them in Chromium."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
from browser import FLAGS, require_chromium, serve
from playwright.sync_api import sync_playwright
from selectolax.lexbor import LexborHTMLParser

PLANTED = (
    '<img src="x" onerror="window.pwned = 1">'
    "<script>window.pwned = 2</script>"
    '<img src="http://evil.test/pixel.png">'
    '<link rel="stylesheet" href="http://evil.test/x.css">'
    '<a id="planted" href="#" onclick="window.pwned = 3">x</a>'
)


@pytest.fixture(scope="module")
def planted_site(notes_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted")
    shutil.copytree(notes_site.dir, folder, dirs_exist_ok=True)
    for page in ("index.html", "meetings/levelling-up/index.html", "themes/index.html"):
        path = folder / page
        path.write_text(
            path.read_text(encoding="utf-8").replace("</article>", PLANTED + "</article>", 1), encoding="utf-8"
        )
    return folder


def test_markup_that_slipped_through_is_blocked(planted_site):
    with serve(planted_site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=FLAGS)
        page = browser.new_page(base_url=url)
        sent: list[str] = []  # requests the browser did not refuse itself
        violations: list[str] = []
        page.on("requestfinished", lambda request: sent.append(request.url))
        page.on(
            "requestfailed",
            lambda request: (
                None
                if (request.failure or "").lower() in ("csp", "net::err_blocked_by_csp")
                else sent.append(request.url)
            ),
        )
        page.on(
            "console",
            lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
        )
        for path in ("", "meetings/levelling-up/", "themes/"):
            page.goto(path, wait_until="load")
            page.click("#planted")
            assert page.evaluate("window.pwned") is None, path
        browser.close()
    own = urlsplit(url).netloc
    assert [u for u in sent if urlsplit(u).scheme.startswith("http") and urlsplit(u).netloc != own] == []
    assert len(violations) >= 3  # the browser refused them, and said so


def test_every_page_carries_the_policy(notes_site):
    pages = list(notes_site.dir.rglob("*.html"))
    missing = []
    for path in pages:
        meta = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first(
            'meta[http-equiv="Content-Security-Policy"]'
        )
        if meta is None or "default-src" not in meta.attributes.get("content", ""):
            missing.append(path)
    assert pages and missing == []
