"""The generated pages in the built site: every point on its themes' and speaker's pages, exports that resolve."""
from __future__ import annotations

import csv
import json
from urllib.parse import urlsplit

from conftest import ROOT
from notes_core import load_archive

ARCHIVE = load_archive(ROOT / "docs" / "meetings", ROOT / "data", ROOT)


def hrefs(site, page: str) -> set[str]:
    return {a.attributes.get("href", "") for a in site.html(page).css("article a")}


def test_every_point_is_on_each_of_its_theme_pages(site):
    for theme in ARCHIVE.themes:
        links = hrefs(site, f"themes/{theme}/")
        for point in ARCHIVE.points_by_theme.get(theme, ()):
            assert f"../../meetings/{point.meeting}/#{point.id}" in links, (theme, point.id)
    assert sum(len(p.themes) for p in ARCHIVE.points.values()) == sum(len(v) for v in ARCHIVE.points_by_theme.values())


def test_every_attributed_point_is_on_its_speaker_page(site):
    attributed = [p for p in ARCHIVE.points.values() if p.speaker]
    assert len(attributed) == 24
    for point in attributed:
        assert f"../../meetings/{point.meeting}/#{point.id}" in hrefs(site, f"speakers/{point.speaker}/")


def test_speaker_pages_list_meetings_with_roles(site):
    text = site.html("speakers/cate-newnes-smith/").css_first("article").text()
    assert "Organisation:" in text and "Surrey Youth Focus" in text
    for slug in ("unequal-alliances", "levelling-up", "imbalances-and-inequalities", "systems-leadership"):
        assert f"../../meetings/{slug}/" in hrefs(site, "speakers/cate-newnes-smith/")
    assert "thought-leader for this cell" in text


def test_meetings_index_lists_every_meeting_in_order_with_counts(site):
    article = site.html("meetings/").css_first("article")
    titles = [h.css_first("a").text() for h in article.css("h3") if h.css_first("a:not(.headerlink)")]
    assert titles == [m.title for m in ARCHIVE.meetings]
    text = article.text()
    for meeting in ARCHIVE.meetings:
        assert f"{len(meeting.points)} key points" in text


def test_themes_index_counts(site):
    rows = site.html("themes/").css("article table tbody tr")
    assert len(rows) == len(ARCHIVE.themes)
    for row in rows:
        cells = row.css("td")
        theme_id = cells[0].css_first("a").attributes["href"].strip("./").split("/")[-1]
        assert int(cells[1].text()) == len(ARCHIVE.points_by_theme[theme_id])


def test_organisations_index_has_each_organisation_with_mentions(site):
    article = site.html("organisations/").css_first("article")
    for organisation in ARCHIVE.organisations:
        assert article.css_first(f"h2#{organisation}") is not None
    shelter = {p.id for p in ARCHIVE.points_by_organisation["shelter"]}
    assert {"shelter-local-services", "community-development-workers"} <= shelter


def test_principles_index_by_theme_and_a_to_z(site):
    by_theme = hrefs(site, "principles/")
    a_to_z = hrefs(site, "principles/a-z/")
    for point in ARCHIVE.points.values():
        assert f"../meetings/{point.meeting}/#{point.id}" in by_theme
        assert f"../../meetings/{point.meeting}/#{point.id}" in a_to_z


def test_theme_map_table_and_picture(site):
    html = site.html("connections/")
    assert html.css_first(".heatmap svg[role=img] title") is not None
    rows = html.css("article table tbody tr")
    assert len(rows) == len(ARCHIVE.themes)
    power = next(r for r in rows if "Power and inequality" in r.text())
    cell = power.css("td")[5]  # meeting 5
    assert cell.css_first("a").attributes["href"] == "../themes/power-and-inequality/#imbalances-and-inequalities"
    assert cell.text(strip=True) == "16"


def test_theme_pairs_and_co_occurrence(site):
    pairs = site.html("connections/theme-pairs/").css_first("article")
    assert pairs.css_first("h2#power-and-inequality--funding-and-competition") is not None
    rows = site.html("connections/co-occurrence/").css("article table tbody tr")
    counts = [int(r.css("td")[1].text()) for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2


def resolve(site, url: str) -> None:
    """The URL, relative to site_url, names a built page and, if it has one, an existing anchor."""
    parts = urlsplit(url)
    path = parts.path.removeprefix(urlsplit("http://127.0.0.1:8000/").path)
    html = site.html(path)
    if parts.fragment:
        assert html.css_first(f"#{parts.fragment}") is not None, url
    return html


def test_exports_resolve_to_pages_and_anchors(site):
    data = json.loads((site.dir / "principles.json").read_text(encoding="utf-8"))
    assert data["count"] == len(ARCHIVE.points) == len(data["points"])
    with (site.dir / "principles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [p["id"] for p in data["points"]]
    for point in data["points"]:
        assert point["themes"] and point["title"] and point["text"]
        landing = resolve(site, point["url"])
        refresh = landing.css_first('meta[http-equiv="refresh"]').attributes["content"]
        assert refresh.endswith(f"meetings/{point['meeting']}/#{point['id']}")
        resolve(site, point["location"])
    for row in rows:
        resolve(site, row["location"])
