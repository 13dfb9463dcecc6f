"""Behaviour shown on known meetings: the `notes` fixture archive (a frozen copy of the real
notes) built as the real site is, so these never change when the live content does."""

from __future__ import annotations


def article_text(site, page: str) -> str:
    return site.html(page).css_first("article").text()


def test_build_prints_no_warning(notes_site):
    assert notes_site.warnings == []


def test_missing_figures_and_links_are_marked(notes_site):
    assert (
        article_text(notes_site, "meetings/imbalances-and-inequalities/").count("Figure not in the notes") == 2
    )  # the beachball and the elephant
    assert "Figure not in the notes" in article_text(notes_site, "meetings/systems-leadership/")
    assert "Link not in the notes" in article_text(notes_site, "meetings/learning-from-campaigns/")


def test_announced_meetings_are_listed_as_announced(notes_site):
    text = article_text(notes_site, "meetings/")
    assert (
        "Joining forces across sectors, including with the private sector (announced for 21st September, 3.00pm-4.30)"
        in text
    )
    assert "Joining forces to inspire, rather than to control (announced for 19th October, 3.00pm-4.30)" in text
    announced = notes_site.links("meetings/")
    assert announced.count("meetings/imbalances-and-inequalities/#future-meetings") == 2


def test_name_variants_resolve_to_one_speaker(notes_site):
    cate = article_text(notes_site, "speakers/cate-newnes-smith/")
    assert "Cate Newness Smith" in cate and "Cate Newnes Smith" in cate
    # The notes' own spellings stay on the meeting pages.
    assert "Cate Newness Smith" in article_text(notes_site, "meetings/unequal-alliances/")


def test_speaker_pages_list_meetings_with_roles(notes_site):
    text = article_text(notes_site, "speakers/cate-newnes-smith/")
    assert "Organisation:" in text and "Surrey Youth Focus" in text
    links = notes_site.links("speakers/cate-newnes-smith/")
    for slug in ("unequal-alliances", "levelling-up", "imbalances-and-inequalities", "systems-leadership"):
        assert f"meetings/{slug}/" in links
    assert "thought-leader for this cell" in text


def test_speaker_without_attributed_points_says_so(notes_site):
    assert "The notes attribute no individual key point to this speaker" in article_text(
        notes_site, "speakers/john-mortimer/"
    )


def test_organisation_mentions(notes_site):
    links = notes_site.links("organisations/")
    assert notes_site.html("organisations/").css_first("article h2#shelter") is not None
    assert {
        "meetings/systems-leadership/#shelter-local-services",
        "meetings/systems-leadership/#community-development-workers",
    } <= set(links)


def test_theme_map_cell_links_to_the_meetings_points(notes_site):
    html = notes_site.html("connections/")
    assert html.css_first(".heatmap svg[role=img] title") is not None
    power = next(r for r in html.css("article table tbody tr") if "Power and inequality" in r.text())
    cell = power.css("td")[5]  # meeting 5
    assert cell.css_first("a").attributes["href"] == "../themes/power-and-inequality/#imbalances-and-inequalities"
    assert cell.text(strip=True) == "16"


def test_theme_pairs_and_co_occurrence(notes_site):
    pairs = notes_site.html("connections/theme-pairs/").css_first("article")
    assert pairs.css_first("h2#power-and-inequality--funding-and-competition") is not None
    first = notes_site.html("connections/co-occurrence/").css_first("article table tbody tr")
    assert int(first.css("td")[1].text()) >= 2


def test_about_page_explains_permanent_links(notes_site):
    about = article_text(notes_site, "about/")
    assert "Putting relationships first" in about and "never removed" in about
