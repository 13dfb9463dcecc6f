"""What needs a real browser: search, copying, landing on points, the palette, keyboard use, axe-core, privacy."""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import urljoin, urlsplit

import pytest
from accessibility import axe_violations
from browser import serve
from playwright.sync_api import Page, expect

from notes_core import addresses as A
from notes_core.addresses import page_address

PERMANENT_PAGE = "p/celebrate-unequal-alliances/#related"
AXE_PAGES = [
    "",
    "meetings/imbalances-and-inequalities/",
    "themes/power-and-inequality/",
    "speakers/cate-newnes-smith/",
    page_address(A.PRINCIPLES_BY_THEME),
    "connections/",
    "about/",
]


@pytest.fixture(scope="module")
def base_url(notes_site):
    """The notes fixture archive: these tests name its meetings and points."""
    with serve(notes_site.dir) as url:
        yield url


@pytest.fixture
def page(browser, base_url) -> Page:
    context = browser.new_context(base_url=base_url, viewport={"width": 412, "height": 860})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    yield page
    context.close()


def search(page: Page, query: str) -> None:
    """Search as a reader does: the / shortcut, then typing (the search runs as keys are pressed)."""
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(query, delay=20)


def test_search_finds_a_point_and_lands_on_its_anchor(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("meetings/")
    search(page, "fleet of foot")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    first = page.locator(".md-search-result__item").first.locator("a[href*='#']").first
    expect(first).to_be_visible(timeout=10000)
    assert re.search(
        r"meetings/unequal-alliances/(\?[^#]*)?#small-organisations-find-their-voice$", first.get_attribute("href")
    )
    first.click()
    page.wait_for_url(re.compile(r"#small-organisations-find-their-voice$"))
    expect(page.locator("#small-organisations-find-their-voice")).to_be_in_viewport()
    expect(page.locator("mark").first).to_have_text(re.compile("fleet", re.I))  # search highlighting


def test_copy_link_copies_the_permanent_url(page):
    page.goto("meetings/systems-leadership/")
    button = page.get_by_role("button", name="Copy link to “VEST: a guide for systems leaders”")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Copied to clipboard")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == "http://127.0.0.1:8000/p/vest/"


def test_cite_leads_to_the_points_citation_and_copies_bibtex(page):
    """A point's "Cite" link leads to its permanent page's citations, which copy by keyboard."""
    page.goto("meetings/unequal-alliances/")
    page.locator("#celebrate-unequal-alliances + p.point-meta").get_by_role("link", name="Cite", exact=True).click()
    page.wait_for_url(re.compile(r"p/celebrate-unequal-alliances/#cite$"))
    button = page.locator('pre[data-copy="BibTeX"] + button')
    expect(button).to_have_text("Copy BibTeX")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@report{jf-celebrate-unequal-alliances,"), copied
    assert "url          = {http://127.0.0.1:8000/p/celebrate-unequal-alliances/}" in copied
    assert copied == (page.request.get("p/celebrate-unequal-alliances/citation.bib").text())


def test_the_permanent_page_offers_a_harvard_reference_and_the_citation_files(page):
    page.goto("p/celebrate-unequal-alliances/")
    harvard = page.locator('pre[data-copy="Harvard reference"]').text_content()
    # The accessed date is the browser's today, written as UK reports write it.
    assert re.fullmatch(
        r"Better Way network \(n\.d\.\) Joining forces: unequal alliances, key point celebrate-unequal-alliances "
        r"\[Meeting notes of the Joining Forces cell\]\. Joining Forces notes\. Available at: "
        r"http://127\.0\.0\.1:8000/p/celebrate-unequal-alliances/ "
        r"\(Accessed: [1-9]\d? (January|February|March|April|May|June|July|August|September|October|November|"
        r"December) \d{4}\)\.",
        harvard,
    ), harvard
    page.get_by_role("button", name="Copy Harvard reference").click()
    assert page.evaluate("navigator.clipboard.readText()") == harvard
    links = page.locator("#cite a[download]")
    assert links.all_text_contents() == ["BibTeX", "RIS", "CSL-JSON"]
    for link, start in zip(links.all(), ["@report{", "TY  - RPRT", "["], strict=True):
        response = page.request.get(urljoin(page.url, link.get_attribute("href")))
        assert response.ok and response.text().startswith(start)


def test_permanent_page_metadata_breaks_no_policy(page):
    """The /p/ page's JSON-LD is data in a script element of its own type; its one script is allowed by hash."""
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)
    page.goto("p/celebrate-unequal-alliances/")
    page.wait_for_timeout(500)
    assert page.url.endswith("p/celebrate-unequal-alliances/")
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert page.locator("main a[download]").all_text_contents() == ["BibTeX", "RIS", "CSL-JSON"]
    assert page.locator("main h2").all_text_contents()[:2] == ["Cite this key point", "Related key points"]
    assert page.get_by_role("button", name="Copy citation").count() == 1  # the script ran
    assert violations == []


def test_permanent_link_is_the_points_own_page_and_leads_to_it_in_context(page):
    page.goto("p/we-own-you/")
    page.wait_for_timeout(300)
    assert page.url.endswith("p/we-own-you/")
    expect(page.locator("h1")).to_have_text("A merger where the dominant partner said ‘we own you’")
    page.get_by_role("link", name="Read this point in its meeting").click()
    page.wait_for_url(re.compile(r"meetings/imbalances-and-inequalities/#we-own-you$"))
    heading = page.locator("#we-own-you")
    expect(heading).to_be_in_viewport()
    outline = heading.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"  # highlighted as the target


def test_permanent_link_page_previews_as_the_point(page):
    response = page.request.get("p/we-own-you/")
    html = response.text()
    assert "<title>A merger where the dominant partner said ‘we own you’ · Joining Forces notes</title>" in html
    assert 'property="og:title" content="A merger where the dominant partner said ‘we own you’"' in html
    assert 'rel="canonical" href="http://127.0.0.1:8000/p/we-own-you/"' in html


def test_palette_toggle_switches_and_remembers(page):
    page.emulate_media(color_scheme="light")
    page.goto("")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto("about/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_skip_link_moves_keyboard_focus_to_the_content(page):
    page.goto("meetings/levelling-up/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#question") or "#" in page.url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(browser, base_url, scheme):
    """The pinned axe-core (tests/accessibility.py), WCAG 2.2 AA and best practices, at a phone's width and a
    desktop's, on the home, meeting, theme and speaker pages, the lists, and a permanent page (/p/)."""
    found = {}
    for width, height in ((390, 844), (1280, 900)):
        context = browser.new_context(
            base_url=base_url, color_scheme=scheme, viewport={"width": width, "height": height}
        )
        page = context.new_page()
        for path in AXE_PAGES:
            page.goto(path)
            expected = "slate" if scheme == "dark" else "default"
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
            violations = axe_violations(page)
            if violations:
                found[f"{path or 'home'} at {width}px"] = violations
        # A permanent page is its own small page with one palette; opened for its related points, it stays.
        page.goto(PERMANENT_PAGE)
        violations = axe_violations(page)
        if violations:
            found[f"{PERMANENT_PAGE} at {width}px"] = violations
        context.close()
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_no_request_leaves_the_site(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ["p/vest/", *AXE_PAGES]:  # the permanent page has no search box: the theme's pages search
        page.goto(path)
        page.wait_for_load_state("networkidle")
    search(page, "trust")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    context.close()
    own = urlsplit(base_url).netloc
    foreign = sorted({u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own})
    assert foreign == []
    assert len(requests) > 10


def test_headings_do_not_skip_levels(page):
    for path in AXE_PAGES + [
        "meetings/systems-leadership/",
        page_address(A.PRINCIPLES_A_TO_Z),
        "connections/theme-pairs/",
    ]:
        page.goto(path)
        levels = page.locator("article").evaluate(
            "a => [...a.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
        )
        assert levels[0] == 1, path
        for before, after in pairwise(levels):
            assert after <= before + 1, (path, levels)


def test_meeting_prints_with_point_ids_and_addresses(page):
    page.goto("meetings/levelling-up/")
    page.emulate_media(media="print")
    heading_after = page.locator("#act-in-small-places").evaluate("el => getComputedStyle(el, '::after').content")
    assert heading_after == '" [act-in-small-places]"'
    link_after = page.locator("a.point-permalink").first.evaluate("el => getComputedStyle(el, '::after').content")
    assert link_after.startswith('" " attr(href)') or "http://127.0.0.1:8000/p/" in link_after
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_a_point_links_to_its_related_points_and_history_without_being_sent_away(page):
    page.goto("meetings/unequal-alliances/")
    page.locator("#celebrate-unequal-alliances + p.point-meta").get_by_role("link", name="Related and history").click()
    page.wait_for_url(re.compile(r"p/celebrate-unequal-alliances/#related$"))
    page.wait_for_timeout(300)  # the permanent page sends no one on
    assert re.search(r"p/celebrate-unequal-alliances/#related$", page.url)
    expect(page.get_by_role("heading", name="Related key points")).to_be_visible()
    expect(page.get_by_role("heading", name="History on this site")).to_be_visible()
