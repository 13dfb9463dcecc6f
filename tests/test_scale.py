"""Every large-archive shape of notes_core/render/scale.py, reached by the `large` fixture archive
under LARGE_LIMITS (and the notes archive for a single long series). If a shape stops being
reached, these fail, so the golden files of the large archive keep covering it."""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from archives import LARGE, LARGE_LIMITS, NOTES, load, scale_limits

from notes_core import addresses as A
from notes_core.addresses import page_address
from notes_core.build.files import render_pages
from notes_core.render import scale
from notes_core.settings import load_settings

ARCHIVE = load(LARGE)
LIMIT = LARGE_LIMITS


def nav_labels(site, page: str) -> list[str]:
    return [node.text(strip=True) for node in site.html(page).css("nav.md-nav--primary .md-nav__link")]


def test_limits_are_lowered_only_while_asked():
    default = scale.LIST_LIMIT
    with scale_limits(LIST_LIMIT=1):
        assert scale.LIST_LIMIT == 1
    assert default == scale.LIST_LIMIT
    with pytest.raises(AttributeError), scale_limits(LIST_LIMT=1):
        pass


def test_build_prints_no_warning(large_site):
    """Every split page, grouped navigation entry and anchor resolves (MkDocs validates them)."""
    assert large_site.warnings == []


def test_series_have_pages_and_grouped_navigation(large_site):
    series = {m.series for m in ARCHIVE.meetings}
    assert 1 < len(series) < len(ARCHIVE.series)  # and one series has no meeting yet
    index = large_site.links("meetings/")
    for series_id in ARCHIVE.series:
        assert (f"meetings/series/{series_id}/" in index) == (series_id in series)
    labels = nav_labels(large_site, "meetings/river-05-hard-conversations/")
    assert "Overview" in labels and "Hill meetings" in labels
    river = [m for m in ARCHIVE.meetings if m.series == "river"]
    assert len(river) > LIMIT["NAV_FLAT_LIMIT"] >= len([m for m in ARCHIVE.meetings if m.series == "hill"])
    blocks = [river[i : i + LIMIT["NAV_BLOCK"]] for i in range(0, len(river), LIMIT["NAV_BLOCK"])]
    assert len(blocks) > 2
    for block in blocks:
        assert f"Meetings {block[0].order}–{block[-1].order}" in labels


def test_a_to_z_is_split_by_letter_and_long_letters_in_parts(large_site):
    assert len(ARCHIVE.points) > LIMIT["LIST_LIMIT"]
    a_to_z = page_address(A.PRINCIPLES_A_TO_Z)
    letters = [a for a in large_site.links(a_to_z) if a.startswith(a_to_z) and "#" not in a]
    assert {page_address(A.a_to_z_page(part)) for part in ("s-1", "s-3", "a", "other")} <= set(letters)
    assert "S (2 of 3): 3 key points" in large_site.html(a_to_z).css_first("article").text()
    assert page_address(A.a_to_z_page("s")) not in letters
    by_theme = large_site.html(page_address(A.PRINCIPLES_BY_THEME)).css_first("article")
    assert by_theme.css("ul") == [] and "key points: see" in by_theme.text()


def test_theme_pairs_are_split_by_theme(large_site):
    pages = [
        a
        for a in large_site.links("connections/theme-pairs/")
        if a.startswith("connections/theme-pairs/") and "#" not in a
    ]
    paired = {t for p in ARCHIVE.points.values() if len(p.themes) > 1 for t in p.themes}
    assert pages == [f"connections/theme-pairs/{t}/" for t in ARCHIVE.themes if t in paired]
    assert set(ARCHIVE.themes) - paired == {"learning"}  # a theme that connects with none gets no page


def test_theme_map_has_a_column_per_series_and_the_picture_as_a_file(large_site):
    assert len(ARCHIVE.meetings) > LIMIT["MATRIX_MEETING_COLUMNS"]
    html = large_site.html("connections/")
    columns = [large_site.resolve("connections/", a.attributes["href"]) for a in html.css("article table thead a")]
    assert columns == ["meetings/series/river/", "meetings/series/hill/"]
    assert len(columns) * len(ARCHIVE.themes) > LIMIT["INLINE_PICTURE_CELLS"]
    assert html.css_first("article svg") is None
    assert html.css_first('article img[src="theme-map.svg"]') is not None
    assert "each series’s key points" in large_site.file("connections/theme-map.svg").read_text(encoding="utf-8")


def test_long_theme_pages_are_compact_and_short_ones_keep_the_text(large_site):
    counts = {t: len(ARCHIVE.points_by_theme.get(t, ())) for t in ARCHIVE.themes}
    long = [t for t, n in counts.items() if n > LIMIT["THEME_TEXT_LIMIT"]]
    short = [t for t, n in counts.items() if n <= LIMIT["THEME_TEXT_LIMIT"]]
    assert long and short
    for theme in long:
        article = large_site.html(f"themes/{theme}/").css_first("article")
        assert article.css("h2, h3") == [] and "Each title links to the point" in article.text()
    for theme in short:
        article = large_site.html(f"themes/{theme}/").css_first("article")
        point = ARCHIVE.points_by_theme[theme][0]
        assert article.css_first("h3") is not None and point.text in article.text()


def test_speakers_are_grouped_by_initial(large_site):
    assert len(ARCHIVE.speakers) > LIMIT["SPEAKER_TABLE_LIMIT"] and len(ARCHIVE.speakers) > LIMIT["NAV_FLAT_LIMIT"]
    article = large_site.html("speakers/").css_first("article")
    assert article.css_first("table") is None
    assert [h.text(strip=True).rstrip("¶") for h in article.css("h2")] == ["B", "C", "D", "E", "F", "G", "H"]
    labels = nav_labels(large_site, "speakers/ada-brook/")
    assert {"B", "H"} <= set(labels) and "Ada Brook" in labels


def test_organisations_are_compact_and_mentions_cut(large_site):
    assert len(ARCHIVE.organisations) > LIMIT["NAV_FLAT_LIMIT"]
    article = large_site.html("organisations/").css_first("article")
    assert article.css("h2") == [] and article.css_first("p#riverside-trust") is not None
    meetings = len(ARCHIVE.meetings_by_organisation["riverside-trust"])
    points = len(ARCHIVE.points_by_organisation["riverside-trust"])
    shown = LIMIT["MENTIONS_SHOWN"]
    assert meetings > shown and points > shown
    assert f", and {meetings - shown} more meetings" in article.text()
    assert f"And {points - shown} more key points." in article.text()
    assert len(ARCHIVE.meetings_by_organisation["town-council"]) == shown  # at the limit: nothing cut
    assert article.text().count("more meetings") == 1


def test_co_occurrence_shows_the_most_frequent_pairs(large_site):
    rows = large_site.html("connections/co-occurrence/").css("article table tbody tr")
    assert len(rows) == LIMIT["CO_OCCURRENCE_ROWS"]
    pairs = {tuple(sorted(pair)) for p in ARCHIVE.points.values() for pair in combinations(p.themes, 2)}
    assert (
        f"(the {len(rows)} most frequent of {len(pairs)} pairs)"
        in large_site.html("connections/co-occurrence/").css_first("article").text()
    )


def test_one_long_series_is_listed_line_by_line_and_mapped_as_one_column():
    """One series longer than NAV_FLAT_LIMIT, past MATRIX_MEETING_COLUMNS: the notes archive under low limits."""
    archive = load(NOTES)
    with scale_limits(NAV_FLAT_LIMIT=4, NAV_BLOCK=4, MATRIX_MEETING_COLUMNS=4):
        pages = render_pages(archive, load_settings(NOTES, site_url="https://example.org/", site_name="Notes"))
    index = pages["meetings/index.md"].html
    (series,) = (s.title for s in archive.series.values())
    assert "<h3" not in index.split(f">{series}<")[1].split('<h3 id="announced-meetings"')[0]
    for meeting in archive.meetings:
        assert f'<li>{meeting.order}. <a href="{meeting.slug}/">{meeting.title}</a>' in index  # one line each
    assert not any(uri.startswith("meetings/series/") for uri in pages)
    nav = [json.loads(line.removeprefix("  - ")) for line in pages["meetings/.nav.yml"].splitlines()[1:]]
    assert [next(iter(entry)) for entry in nav[1:]] == ["Meetings 1–4", "Meetings 5–6"]
    matrix = pages["connections/index.md"].html
    assert (
        '<th>Theme</th>\n<th style="text-align:right"><a href="../meetings/" title="' + series + '">1</a></th>\n'
        '<th style="text-align:right">All</th>' in matrix
    )
    assert "of each series’s key points" in matrix
