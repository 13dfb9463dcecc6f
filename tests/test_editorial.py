"""What can be guarded mechanically of the words the site writes (issue 12): no literal markup; lists stay
lists in every export; twins link to each other; things are called what the notes call them.

The site's own labels are held on the fixture archives (a contributor's page may say what it likes; the
check refuses a one-word title). The invariants hold on the live content, whatever it is."""

from __future__ import annotations

import csv
import json
import re

import pytest
from archives import NOTES, load
from conftest import ROOT

ARCHIVE = load(ROOT)


@pytest.fixture(params=["notes_site", "large_site"])
def fixture_site(request):
    return request.getfixturevalue(request.param)


def test_no_literal_key_markup_on_any_page(fixture_site):
    site = fixture_site
    planted = [
        p.relative_to(site.dir).as_posix()
        for p in site.pages()
        if re.search(r"\+\+[a-z0-9+-]+\+\+", p.read_text("utf-8"))
    ]
    assert planted == []


def test_no_page_label_says_principles(fixture_site):
    site = fixture_site
    labels = []
    for path in site.pages():
        html = site.html(path.relative_to(site.dir).as_posix())
        for node in html.css("title, h1, h2, nav a, .md-nav__link, .md-header__topic"):
            if re.search(r"\bPrinciples?\b", node.text()):
                labels.append((path.relative_to(site.dir).as_posix(), node.text(strip=True)))
    assert labels == []


def test_list_items_stay_separate_in_every_export(site):
    listed = [p for p in ARCHIVE.points.values() if any(kind == "li" for kind, _ in p.blocks)]
    exported = {row["id"]: row for row in json.loads((site.dir / "principles.json").read_text("utf-8"))["points"]}
    with (site.dir / "principles.csv").open(encoding="utf-8", newline="") as handle:
        cells = {row["id"]: row for row in csv.DictReader(handle)}
    for point in listed:
        items = [words for kind, words in point.blocks if kind == "li"]
        for text in (exported[point.id]["text"], cells[point.id]["text"]):
            assert all(item in text.split("\n") for item in items), point.id
        page = site.html(f"p/{point.id}/")
        assert [li.text() for li in page.css("main blockquote li")] == items  # the notes' words, quoted
        description = page.css_first('meta[name="description"]').attributes["content"]
        assert "; ".join(items[:2]) in description or len(description) >= 290, point.id


def test_every_twin_links_to_its_twin(site):
    for point in ARCHIVE.points.values():
        if point.twin is None:
            continue
        twin = ARCHIVE.points[point.twin]
        assert twin.twin == point.id
        heading = site.html(f"meetings/{point.meeting}/").css_first(f"#{point.id}")
        meta = heading.next
        while meta is not None and meta.tag != "p":
            meta = meta.next
        links = [a.attributes.get("href", "") for a in meta.css("a")]
        expected = f"#{twin.id}" if twin.meeting == point.meeting else f"../{twin.meeting}/#{twin.id}"
        assert expected in links, (point.id, links)


def test_a_former_organisation_is_never_shown_as_current(notes_site):
    """`former: true` (the notes say "Former CEO", "Previously at"): the speaker's page and the organisations page
    say so."""
    archive = load(NOTES)
    former = [s for s in archive.speakers.values() if s.former and s.organisation]
    assert former  # the fixture has one
    index = " ".join(notes_site.html("organisations/").css_first("article").text().split())
    for speaker in former:
        assert f"{speaker.name} (formerly, as the notes say)" in index
        page = " ".join(notes_site.html(f"speakers/{speaker.id}/").css_first("article").text().split())
        assert "Former organisation: " + archive.organisations[speaker.organisation].name in page
