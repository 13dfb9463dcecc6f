"""The site's search, used as readers use it: in a real browser, typing into the header's search box.

The phrase tests read the notes fixture archive (a frozen copy of the real notes): phrases are taken from every
meeting's key points, with their typographic quotes, apostrophes, dashes, hyphens and question marks as the notes
write them, and the first key point listed must be one that holds the phrase. Archives that hypothesis makes are
searched the same way in test_generated_archives.py, so the suite asks no shape of the live content.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from accessibility import axe_violations
from archives import LARGE, NOTES, load
from browser import serve
from playwright.sync_api import Page, expect
from searching import (
    QUOTED,
    RESULT,
    first_point,
    open_search,
    phrases,
    points_of,
    search_every_point,
    typed,
    words,
)
from selectolax.lexbor import LexborHTMLParser


@pytest.fixture(scope="module")
def notes_url(notes_site):
    with serve(notes_site.dir) as url:
        yield url


def test_every_meeting_phrases_find_their_key_point_first(notes_site, browser, notes_url):
    site = notes_site
    page = browser.new_page(base_url=notes_url)
    page.goto("")
    open_search(page)
    checked, missed = 0, []
    meetings = sorted(p for p in site.dir.glob("meetings/*/index.html"))
    assert meetings
    by_meeting = {m.parent.name: points_of(LexborHTMLParser(m.read_text(encoding="utf-8"))) for m in meetings}
    every_point = {(slug, pid): text for slug, points in by_meeting.items() for pid, text in points.items()}
    for slug, points in by_meeting.items():
        assert points, slug
        asked = phrases(points)
        assert len(asked) >= 4, (slug, asked)
        assert any(QUOTED.fullmatch(p) for p in asked) or not any(QUOTED.search(t) for t in points.values())
        for phrase in asked:
            # A phrase the notes use more than once may lead to any point that holds it.
            holding = {key for key, text in every_point.items() if words(phrase) in words(text)}
            assert (slug, next(iter(points))) in holding or holding, phrase
            href = first_point(page, phrase)
            address = urlsplit(href)
            checked += 1
            if (address.path.rstrip("/").rsplit("/", 1)[-1], address.fragment) not in holding:
                missed.append((phrase, href, sorted(holding)))
    page.close()
    assert missed == [], f"{len(missed)} of {checked} phrases:\n" + "\n".join(map(str, missed))
    assert checked >= 4 * len(meetings)


@pytest.mark.parametrize("archive", ["notes_site", "large_site"])
def test_every_key_point_is_found_first_by_words_of_its_own(request, browser, archive):
    """Not only the phrases typed above: for every key point of the archive, six words of its own."""
    count, missed = search_every_point(browser, request.getfixturevalue(archive).dir)
    assert count == len(load(NOTES if archive == "notes_site" else LARGE).points)
    assert missed == []


def test_a_result_lands_on_the_point_with_the_words_highlighted(browser, notes_url):
    page = browser.new_page(base_url=notes_url, viewport={"width": 390, "height": 844})
    page.goto("meetings/")
    open_search(page)
    href = first_point(page, "‘place of performance’")
    assert re.search(r"meetings/integrated-health-and-care/\?h=.*#unlearn-committee-culture$", href)
    page.locator(RESULT).first.locator("a").click()
    page.wait_for_url(re.compile(r"#unlearn-committee-culture$"))
    # The address is the point's own again, ready to copy; the phrase is marked where it stands.
    assert "?h=" not in page.url
    expect(page.locator("#unlearn-committee-culture")).to_be_in_viewport()
    marks = page.locator("mark.jf-highlight")
    expect(marks.first).to_have_text(re.compile("place of performance", re.I))
    page.close()


def test_search_is_operable_by_keyboard_alone(browser, notes_url):
    page = browser.new_page(base_url=notes_url, viewport={"width": 390, "height": 844})
    page.goto("about/")
    # On a phone the header's search button is reached with Tab and opened with Enter, like any button.
    opener = page.locator("[data-jf-search-open]")
    opener.focus()
    page.keyboard.press("Enter")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    typed(page, "fleet of foot")
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"{RESULT} a").first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(opener).to_be_focused()
    # On a wide screen the box is in the header: Tab reaches it and opens the results; Enter follows the first.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("about/")
    expect(opener).to_be_hidden()  # as Material's own: the box itself stands in the header
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    expect(box).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    typed(page, "fleet of foot")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#small-organisations-find-their-voice$"))
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_results_open(browser, notes_url, scheme, tmp_path):
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = browser.new_context(base_url=notes_url, color_scheme=scheme, viewport=viewport)
        page = context.new_page()
        page.goto("")
        open_search(page)
        page.locator("input.md-search__input").press_sequentially("trust")
        expect(page.locator(RESULT).first).to_be_visible(timeout=10000)
        assert axe_violations(page) == [], viewport
        if viewport["width"] < 500:
            # On a phone the results fill the screen below the box, as Material's do.
            page.screenshot(path=str(tmp_path / f"search-{scheme}.png"))
            box = page.locator(".md-search__inner").bounding_box()
            first = page.locator(RESULT).first.bounding_box()
            assert box and first and box["width"] >= viewport["width"] - 1
            assert 0 < first["y"] < viewport["height"] / 2 and first["width"] >= viewport["width"] - 20
        context.close()


def watched(browser, url: str) -> tuple[Page, list[str]]:
    """A page, and the list of every address it requests."""
    page = browser.new_page(base_url=url)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return page, requests


def test_search_sends_no_request_to_another_host_and_breaks_no_policy(browser, notes_url):
    page, requests = watched(browser, notes_url)
    page.goto("")
    page.evaluate(
        "window.violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective))"
    )
    open_search(page)
    page.locator("input.md-search__input").press_sequentially("joining forces")
    expect(page.locator(RESULT).first).to_be_visible(timeout=10000)
    assert page.evaluate("window.violations") == []
    own = urlsplit(notes_url).netloc
    assert [u for u in requests if urlsplit(u).netloc != own] == []
    # Nothing of the index is fetched until the reader opens search.
    assert any("/pagefind/" in u for u in requests)
    page.close()


def test_nothing_of_search_loads_until_search_opens(browser, notes_url):
    page, requests = watched(browser, notes_url)
    page.goto("meetings/")
    page.wait_for_load_state("networkidle")
    assert [u for u in requests if "/pagefind/" in u] == []
    page.close()


def test_markup_in_the_notes_is_shown_as_text_in_results(project, browser, tmp_path):
    """Text that looks like markup (allowed in prose, escaped) stays text: in the index, the excerpt and the
    highlight, with no element made of it, no dialog and no request."""
    from conftest import edit
    from site_build import build_site

    edit(
        project,
        "The concept of 20-minute neighbourhoods",
        "Write &lt;img src=x onerror=alert(1)&gt; and &lt;mark&gt;zebrafish&lt;/mark&gt; &amp;amp; so on. "
        "The concept of 20-minute neighbourhoods",
    )
    built = build_site(project / "mkdocs.yml", tmp_path / "site")
    with serve(built.dir) as url:
        page, requests = watched(browser, url)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto("")
        open_search(page)
        typed(page, "zebrafish")
        first = page.locator(RESULT).first
        expect(first).to_contain_text("<img src=x onerror=alert(1)>")
        expect(first).to_contain_text("<mark>zebrafish</mark>")
        assert first.locator("img").count() == 0
        expect(first.locator("mark")).to_have_count(1)
        first.locator("a").click()
        page.wait_for_url(re.compile(r"#act-in-small-places$"))
        expect(page.locator("mark.jf-highlight")).to_have_text(["zebrafish"])
        assert dialogs == []
        assert [u for u in requests if urlsplit(u).netloc != urlsplit(url).netloc] == []
        page.close()


def test_search_works_from_a_sub_folder(notes_site, browser, tmp_path):
    """A project site on GitHub Pages lives at /<repository>/: results lead there, not to the host's root."""
    (tmp_path / "joining-forces-notes").symlink_to(notes_site.dir, target_is_directory=True)
    with serve(tmp_path) as url:
        page = browser.new_page(base_url=url)
        page.goto("joining-forces-notes/about/")
        open_search(page)
        href = first_point(page, "fleet of foot")
        assert urlsplit(href).path == "/joining-forces-notes/meetings/unequal-alliances/"
        page.locator(RESULT).first.locator("a").click()
        page.wait_for_url(re.compile(r"/joining-forces-notes/meetings/unequal-alliances/#small-organisations"))
        expect(page.locator("mark.jf-highlight").first).to_have_text("fleet of foot")
        page.close()
