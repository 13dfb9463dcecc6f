"""The real site, built in-process with strict on: pages, anchors, navigation, privacy."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from conftest import ROOT
from notes_core import load_archive

ARCHIVE = load_archive(ROOT / "docs" / "meetings", ROOT / "data", ROOT)


def test_build_prints_no_warning(site):
    assert site.warnings == []


def test_every_meeting_has_a_page_with_its_title_and_speakers(site):
    assert len(ARCHIVE.meetings) == 6
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


def test_missing_figures_and_links_are_marked(site):
    text = site.html("meetings/imbalances-and-inequalities/").css_first("article").text()
    assert text.count("Figure not in the notes") == 2  # the beachball and the elephant
    assert "Figure not in the notes" in site.html("meetings/systems-leadership/").css_first("article").text()
    assert "Link not in the notes" in site.html("meetings/learning-from-campaigns/").css_first("article").text()


def test_planned_meetings_are_listed_as_planned(site):
    text = site.html("meetings/").css_first("article").text()
    assert "Joining forces across sectors, including with the private sector" in text
    assert "Joining forces to inspire, rather than to control" in text
    assert text.count("planned)") == 2


def test_name_variants_resolve_to_one_speaker(site):
    cate = site.html("speakers/cate-newnes-smith/").css_first("article").text()
    assert "Cate Newness Smith" in cate and "Cate Newnes Smith" in cate
    # The notes' own spellings stay on the meeting pages.
    assert "Cate Newness Smith" in site.html("meetings/unequal-alliances/").css_first("article").text()


def test_home_about_and_404_pages_exist(site):
    assert "Joining Forces" in site.html("").css_first("article").text()
    about = site.html("about/").css_first("article").text()
    assert "Putting relationships first" in about and "never removed" in about
    missing = site.html("404.html")
    assert missing.css_first("article h1").text() == "Page not found"
    assert {a.attributes["href"] for a in missing.css("article a")} >= {"/principles/", "/principles/a-z/", "/meetings/"}


def test_search_palette_and_edit_buttons(site):
    html = site.html("meetings/levelling-up/")
    assert html.css_first("form.md-search__form") is not None
    assert len(html.css("form[data-md-component=palette] input")) == 2
    edit = html.css_first('a.md-content__button[href$="docs/meetings/levelling-up.md"]')
    assert edit is not None
    # Generated pages have no file to edit.
    assert site.html("themes/").css_first("a.md-content__button") is None


RESOURCE = re.compile(r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=["']([^"']+)|<link\b[^>]*\bhref=["']([^"']+)""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""", re.I)


def test_no_resource_from_another_host(site):
    """Everything a page loads (scripts, styles, fonts, images) comes from the site itself."""
    offenders = []
    for page in site.pages():
        for match in RESOURCE.finditer(page.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if urlsplit(url).netloc and not url.startswith(("http://127.0.0.1:8000/",)):
                if "rel=\"canonical\"" not in match.group(0) and "rel=\"alternate\"" not in match.group(0):
                    offenders.append((page.name, url))
    for css in site.dir.rglob("*.css"):
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if urlsplit(url).netloc:
                offenders.append((css.name, url))
    assert offenders == []
    assert not (site.dir / "assets" / "external").exists()


def test_meeting_pages_are_light(site):
    sizes = {p.parent.name: p.stat().st_size for p in (site.dir / "meetings").glob("*/index.html")}
    assert len(sizes) == 6
    assert max(sizes.values()) < 60 * 1024, sizes


def test_sitemap_lists_every_page(site):
    sitemap = site.file("sitemap.xml").read_text(encoding="utf-8")
    for path in ("meetings/levelling-up/", "themes/shared-purpose/", "speakers/polly-neate/", "principles/a-z/", "about/"):
        assert f"<loc>http://127.0.0.1:8000/{path}</loc>" in sitemap


def test_feed_lists_meetings_newest_first(site):
    import xml.etree.ElementTree as ElementTree

    channel = ElementTree.parse(site.file("feed.xml")).getroot().find("channel")
    items = channel.findall("item")
    assert [i.findtext("link") for i in items][0] == "http://127.0.0.1:8000/meetings/systems-leadership/"
    assert len(items) == 6 and all(i.findtext("description") for i in items)
    head = site.html("").css_first('link[rel="alternate"][type="application/rss+xml"]')
    assert head.attributes["href"] == "feed.xml"
