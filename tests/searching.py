"""Searching a built site as a reader does, in Chromium: the helpers the search tests share."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect
from selectolax.lexbor import LexborHTMLParser

from notes_core.render.point import POINT_CLASS

RESULT = ".md-search-result__item"
PHRASES_PER_MEETING = 8
QUOTED = re.compile(r"[‘“][^’”]{3,80}[’”]")
HYPHENATED = re.compile(r"\S*\w-\w\S*")
QUESTION = re.compile(r"(?:\S+\s+){0,5}\S+\?")


def words(text: str) -> str:
    """Text as search compares it: letters and digits, lower case, single spaces."""
    return " ".join(re.split(r"[^\w]+", text.lower().replace("_", " "))).strip()


def points_of(html: LexborHTMLParser) -> dict[str, str]:
    """Each key point on a meeting page: its id and its text (heading and paragraphs), as the reader sees it."""
    points: dict[str, str] = {}
    article = html.css_first("article")
    current: tuple[str, int] | None = None
    for node in article.iter():
        if node.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            level = int(node.tag[1])
            if POINT_CLASS in (node.attributes.get("class") or "").split():
                current = (node.attributes["id"], level)
                points[current[0]] = node.text()
                continue
            if current and level <= current[1]:
                current = None
        if current and "point-meta" not in (node.attributes.get("class") or ""):
            points[current[0]] += "\n" + " ".join(node.text(separator=" ").split())
    return points


def phrases(points: dict[str, str]) -> list[str]:
    """Phrases a reader might remember from a meeting: every quoted one, some with hyphens or question marks,
    and a few ordinary runs of words from its first, middle and last points."""
    found: list[str] = []
    texts = list(points.values())
    for text in texts:
        found += QUOTED.findall(text)
    for pattern in (HYPHENATED, QUESTION):
        for text in texts:
            match = pattern.search(text.split("\n", 1)[-1])
            if match:
                start = max(0, match.start() - 30)
                found.append(" ".join(text.split("\n", 1)[-1][start : match.end()].split()[1:]) or match.group())
                break
    for text in (texts[0], texts[len(texts) // 2], texts[-1]):
        body = text.split("\n", 1)[-1].split()
        middle = len(body) // 2
        found.append(" ".join(body[middle : middle + 5]))
    unique = list(dict.fromkeys(p.strip() for p in found if len(words(p).split()) >= 1))
    return unique[: PHRASES_PER_MEETING - 5] + unique[-5:] if len(unique) > PHRASES_PER_MEETING else unique


def open_search(page: Page) -> None:
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()


def typed(page: Page, query: str) -> None:
    """Type the query afresh and wait for the list to answer it (the search runs as each key is pressed)."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query)
    cleaned = " ".join(query.replace('"', " ").replace("“", " ").replace("”", " ").split())
    answered = page.locator("#jf-search-results")
    expect(answered).to_have_attribute("data-query", cleaned, timeout=10000)


def first_point(page: Page, query: str) -> str:
    """The address of the first key point listed for the query."""
    typed(page, query)
    points = page.locator(RESULT).filter(has_text="Key point ·")
    if not points.count():
        return "(no key point listed)"
    return points.first.locator("a").get_attribute("href") or ""


def search_every_point(browser, site_dir: Path) -> tuple[int, list[tuple]]:
    """The built site served, and every key point searched by words of its own (missed_by_their_own_words)."""
    from browser import serve

    with serve(site_dir) as url:
        page = browser.new_page(base_url=url)
        page.goto("")
        open_search(page)
        found = missed_by_their_own_words(page, site_dir)
        page.close()
    return found


def missed_by_their_own_words(page: Page, site_dir: Path) -> tuple[int, list[tuple]]:
    """For every key point of a built site: six words from the middle of its longest sentence, as a reader pasting
    them would give them, typed into the open search. The number of points, and those not listed first."""
    every_point = {
        (m.parent.name, pid): text
        for m in sorted(site_dir.glob("meetings/*/index.html"))
        for pid, text in points_of(LexborHTMLParser(m.read_text(encoding="utf-8"))).items()
    }
    missed = []
    for key, text in every_point.items():
        body = text.split("\n", 1)[-1] or text
        sentence = max(re.split(r"(?<=[.?!])\s+", body), key=len).split()
        middle = max(0, len(sentence) // 2 - 3)
        phrase = " ".join(sentence[middle : middle + 6])
        holding = {k for k, t in every_point.items() if words(phrase) in words(t)}
        page.locator("input.md-search__input").fill(phrase)
        expect(page.locator("#jf-search-results")).to_have_attribute(
            "data-query", " ".join(phrase.replace('"', " ").replace("“", " ").replace("”", " ").split()), timeout=10000
        )
        points = page.locator(RESULT).filter(has_text="Key point ·")
        href = points.first.locator("a").get_attribute("href") if points.count() else ""
        address = urlsplit(href or "")
        if (address.path.rstrip("/").rsplit("/", 1)[-1], address.fragment) not in holding:
            missed.append((key, phrase, href))
    return len(every_point), missed
