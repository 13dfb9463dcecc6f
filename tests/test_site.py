"""The real site, built in-process with strict on: pages, anchors, navigation, privacy.

These hold for any content; behaviour shown on particular meetings is tested on the notes
fixture archive (test_notes_site.py).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from archives import LARGE, NOTES, load
from conftest import ROOT

from notes_core.addresses import (
    CONNECTIONS_MATRIX,
    MEETINGS_INDEX,
    PRINCIPLES_A_TO_Z,
    PRINCIPLES_BY_THEME,
    page_address,
)

ARCHIVE = load(ROOT)


def test_build_prints_no_warning(site):
    assert site.warnings == []


def test_every_meeting_has_a_page_with_its_title_and_speakers(site):
    for meeting in ARCHIVE.meetings:
        html = site.html(f"meetings/{meeting.slug}/")
        assert html.css_first("article h1").text(strip=True) == meeting.title
        facts = html.css_first(".meeting-facts")
        for role in meeting.speakers:
            assert facts.css_first(f'a[href="../../speakers/{role.speaker}/"]') is not None


def test_every_key_point_has_a_permanent_anchor_and_theme_links(site):
    for meeting in ARCHIVE.meetings:
        html = site.html(f"meetings/{meeting.slug}/")
        for point in meeting.points:
            heading = html.css_first(f"#{point.id}")
            assert heading is not None, point.id
            assert heading.tag in ("h3", "h4") and "point" in heading.attributes.get("class", "")
            meta = heading.next
            while meta is not None and meta.tag != "p":
                meta = meta.next
            links = [a.attributes["href"] for a in meta.css("a")]
            for theme in point.themes:
                assert f"../../themes/{theme}/" in links
            assert f"http://127.0.0.1:8000/p/{point.id}/" in links  # site_url of local builds


def test_meeting_descriptions_come_from_summaries(site):
    for meeting in ARCHIVE.meetings:
        html = site.html(f"meetings/{meeting.slug}/")
        assert html.css_first('meta[name="description"]').attributes["content"] == meeting.summary


def test_speaker_pages_give_every_name_variant(site):
    for speaker in ARCHIVE.speakers.values():
        text = site.html(f"speakers/{speaker.id}/").css_first("article").text()
        assert all(alias in text for alias in speaker.aliases), speaker.id


def test_home_about_and_404_pages_exist(site):
    assert site.html("").css_first("article h1") is not None
    assert site.html("about/").css_first("article h1") is not None
    missing = site.html("404.html")
    assert missing.css_first("article h1").text() == "Page not found"
    assert {a.attributes["href"] for a in missing.css("article a")} >= {
        "/" + page_address(page) for page in (PRINCIPLES_BY_THEME, PRINCIPLES_A_TO_Z, MEETINGS_INDEX)
    }


def test_search_palette_and_edit_buttons(site):
    for meeting in ARCHIVE.meetings:
        html = site.html(f"meetings/{meeting.slug}/")
        assert html.css_first("form.md-search__form") is not None
        assert len(html.css("form[data-md-component=palette] input")) == 2
        assert html.css_first(f'a.md-content__button[href$="{meeting.path}"]') is not None
    # Generated pages have no file to edit.
    assert site.html("themes/").css_first("a.md-content__button") is None


RESOURCE = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=["']([^"']+)|<link\b[^>]*\bhref=["']([^"']+)""",
    re.I,
)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""", re.I)


def test_no_resource_from_another_host(site):
    """Everything a page loads (scripts, styles, fonts, images) comes from the site itself."""
    offenders = []
    for page in site.pages():
        for match in RESOURCE.finditer(page.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            foreign = urlsplit(url).netloc and not url.startswith(("http://127.0.0.1:8000/",))
            if foreign and 'rel="canonical"' not in match.group(0) and 'rel="alternate"' not in match.group(0):
                offenders.append((page.name, url))
    for css in site.dir.rglob("*.css"):
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if urlsplit(url).netloc:
                offenders.append((css.name, url))
    assert offenders == []
    assert not (site.dir / "assets" / "external").exists()


@pytest.mark.parametrize("archive", [NOTES, LARGE], ids=["notes", "large"])
def test_meeting_pages_are_light(request, archive):
    """The renderer's weight, on the fixture archives: a contributor's long write-up is theirs to keep."""
    site = request.getfixturevalue("notes_site" if archive == NOTES else "large_site")
    sizes = {m.slug: site.file(f"meetings/{m.slug}/").stat().st_size for m in load(archive).meetings}
    assert max(sizes.values()) < 60 * 1024, sizes


def test_sitemap_lists_every_page(site):
    sitemap = site.file("sitemap.xml").read_text(encoding="utf-8")
    pages = (
        [f"meetings/{m.slug}/" for m in ARCHIVE.meetings]
        + [f"themes/{t}/" for t in ARCHIVE.themes]
        + [f"speakers/{s}/" for s in ARCHIVE.speakers]
        + ["", "about/"]
        + [page_address(p) for p in (PRINCIPLES_BY_THEME, PRINCIPLES_A_TO_Z, CONNECTIONS_MATRIX)]
    )
    for path in pages:
        assert f"<loc>http://127.0.0.1:8000/{path}</loc>" in sitemap
