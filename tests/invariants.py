"""What the generated pages hold whatever the content: every point on its themes' and speaker's pages,
listings complete and in order, exports and feed that match the archive.

Each is a function of a built site and its archive, run by test_generated.py on the live site and the
large fixture archive, and by test_generated_archives.py on archives that hypothesis makes.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from itertools import combinations

from notes_core import addresses as A
from notes_core.addresses import page_address
from notes_core.model import SEE_ALSO_MAX
from notes_core.render.feed import LIMIT as FEED_LIMIT
from notes_core.render.related import RELATED_SHOWN

LOCAL = "http://127.0.0.1:8000/"  # site_url of local builds
MEETING_PAGE = re.compile(r"meetings/(?!series/)[^/#]+/")


def location(point) -> str:
    return f"meetings/{point.meeting}/#{point.id}"


def next_element(node):
    node = node.next
    while node is not None and node.tag == "-text":
        node = node.next
    return node


def section_links(site, page: str, anchor: str) -> set[str]:
    """Links between the heading with this id and the next heading of its level."""
    heading = site.html(page).css_first(f"article #{anchor}")
    assert heading is not None, (page, anchor)
    links, node = set(), next_element(heading)
    while node is not None and node.tag != heading.tag:
        links |= {site.resolve(page, a.attributes.get("href") or "") for a in node.css("a")}
        node = next_element(node)
    return links


def every_point_is_on_each_of_its_theme_pages(site, archive):
    for theme in archive.themes:
        links = set(site.links(f"themes/{theme}/"))
        for point in archive.points_by_theme.get(theme, ()):
            assert location(point) in links, (theme, point.id)
    assert sum(len(p.themes) for p in archive.points.values()) == sum(len(v) for v in archive.points_by_theme.values())


def every_attributed_point_is_on_its_speaker_page(site, archive):
    for point in archive.points.values():
        if point.speaker:
            assert location(point) in site.links(f"speakers/{point.speaker}/"), point.id


def speaker_pages_link_every_meeting_they_spoke_at(site, archive):
    for meeting in archive.meetings:
        for role in meeting.speakers:
            assert f"meetings/{meeting.slug}/" in site.links(f"speakers/{role.speaker}/"), (role.speaker, meeting.slug)


def meeting_entries(site, page: str) -> list[tuple[str, str]]:
    """(meeting address, text of its entry) in page order: a heading and its line of facts, or a list line."""
    entries = []
    for link in site.html(page).css("article a"):
        address = site.resolve(page, link.attributes.get("href") or "")
        if MEETING_PAGE.fullmatch(address):
            holder = link.parent
            entries.append((address, holder.text() if holder.tag == "li" else next_element(holder).text()))
    return entries


def every_meeting_is_listed_in_order_with_its_count(site, archive):
    """On the meetings index, or when there are several series, on each series' page."""
    by_series = defaultdict(list)
    for meeting in archive.meetings:
        by_series[meeting.series].append(meeting)
    several = len(by_series) > 1
    for series, meetings in by_series.items():
        page = f"meetings/series/{series}/" if several else "meetings/"
        if several:
            assert page in site.links("meetings/")
        entries = meeting_entries(site, page)
        assert [address for address, _ in entries] == [f"meetings/{m.slug}/" for m in meetings]
        for (_, text), meeting in zip(entries, meetings, strict=True):
            assert f"{len(meeting.points)} key point" in text, meeting.slug


def announced_meetings_are_listed_as_announced(site, archive):
    text = site.html("meetings/").css_first("article").text()
    assert text.count("(announced for ") == len(archive.planned)
    for plan in archive.planned:
        assert f"{plan.title} (announced for {plan.when})" in text


def themes_index_counts(site, archive):
    rows = site.html("themes/").css("article table tbody tr")
    assert len(rows) == len(archive.themes)
    for row, theme_id in zip(rows, archive.themes, strict=True):
        cells = row.css("td")
        assert site.resolve("themes/", cells[0].css_first("a").attributes["href"]) == f"themes/{theme_id}/"
        points = archive.points_by_theme.get(theme_id, ())
        assert int(cells[1].text()) == len(points)
        assert int(cells[2].text()) == len({p.meeting for p in points})


def organisations_index_has_each_organisation_and_its_first_mention(site, archive):
    html = site.html("organisations/")
    links = set(site.links("organisations/"))
    for organisation in archive.organisations:
        assert html.css_first(f"article #{organisation}") is not None
        points = archive.points_by_organisation.get(organisation, ())
        if points:
            assert location(points[0]) in links, organisation


def every_point_is_in_the_a_to_z(site, archive):
    """On the one A-to-Z page, or on the letter pages it links to."""
    a_to_z = page_address(A.PRINCIPLES_A_TO_Z)
    pages = [a_to_z] + [a for a in site.links(a_to_z) if a.startswith(a_to_z) and "#" not in a]
    found = {address for page in pages for address in site.links(page)}
    missing = [point.id for point in archive.points.values() if location(point) not in found]
    assert missing == []


def principles_index_lists_every_point_or_sends_to_its_themes(site, archive):
    html = site.html(page_address(A.PRINCIPLES_BY_THEME))
    links = set(site.links(page_address(A.PRINCIPLES_BY_THEME)))
    for theme in archive.themes:
        assert html.css_first(f"article h2#{theme}") is not None
        assert f"themes/{theme}/" in links
    listed = {location(p) for p in archive.points.values()} & links
    assert listed in (set(), {location(p) for p in archive.points.values()})


def theme_map_has_a_row_per_theme_with_its_total(site, archive):
    html = site.html("connections/")
    rows = html.css("article table tbody tr")
    *theme_rows, sizes = rows
    assert len(theme_rows) == len(archive.themes)
    # The last row says how many key points each column has: the numbers above are parts of these.
    assert sizes.css("td")[0].text(strip=True) == "Key points" and int(sizes.css("td")[-1].text()) == len(
        archive.points
    )
    for row, (theme_id, theme) in zip(theme_rows, archive.themes.items(), strict=True):
        cells = row.css("td")
        assert cells[0].text(strip=True) == theme.title
        total = len(archive.points_by_theme.get(theme_id, ()))
        assert int(cells[-1].text()) == total
        assert sum(int(cell.text()) for cell in cells[1:-1]) == total  # each point in one column
    assert html.css_first("article .heatmap svg[role=img]") or html.css_first('article img[src="theme-map.svg"]')


def pair_target(address: str) -> tuple[str, str, str]:
    """(page, anchor, theme ids a--b) of a link into the theme-pairs pages, one page or split by theme."""
    page, anchor = address.split("#")
    first = page.removeprefix("connections/theme-pairs/").strip("/")
    return page, anchor, f"{first}--{anchor}" if first else anchor


def points_that_connect_themes_are_under_each_pair(site, archive):
    split = any(
        a.startswith("connections/theme-pairs/") and "#" not in a and a != "connections/theme-pairs/"
        for a in site.links("connections/theme-pairs/")
    )
    for point in archive.points.values():
        for a, b in combinations(point.themes, 2):
            if split:  # a page per theme, each pair under both its themes
                places = [(f"connections/theme-pairs/{a}/", b), (f"connections/theme-pairs/{b}/", a)]
            else:
                order = list(archive.themes)
                first, second = sorted((a, b), key=order.index)
                places = [("connections/theme-pairs/", f"{first}--{second}")]
            for page, anchor in places:
                assert location(point) in section_links(site, page, anchor), (point.id, page, anchor)


def co_occurrence_counts_points_with_both_themes(site, archive):
    page = "connections/co-occurrence/"
    counts = []
    for row in site.html(page).css("article table tbody tr"):
        cells = row.css("td")
        target, anchor, pair = pair_target(site.resolve(page, cells[0].css_first("a").attributes["href"]))
        a, b = pair.split("--")
        both = [p for p in archive.points.values() if a in p.themes and b in p.themes]
        assert int(cells[1].text()) == len(both)
        assert int(cells[2].text()) == len({p.meeting for p in both})
        assert site.html(target).css_first(f"article #{anchor}") is not None
        counts.append(len(both))
    assert counts == sorted(counts, reverse=True)
    assert bool(counts) == any(len(p.themes) > 1 for p in archive.points.values())


def resolve_export(site, url: str):
    """The URL, absolute with the local site_url, names a built page and, if it has one, an existing anchor."""
    assert url.startswith(LOCAL), url
    path, _, fragment = url.removeprefix(LOCAL).partition("#")
    html = site.html(path)
    if fragment:
        assert html.css_first(f"#{fragment}") is not None, url
    return html


def exports_resolve_to_pages_and_anchors(site, archive):
    data = json.loads((site.dir / "principles.json").read_text(encoding="utf-8"))
    assert data["count"] == len(archive.points) == len(data["points"])
    with (site.dir / "principles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [p["id"] for p in data["points"]]
    for point in data["points"]:
        assert point["themes"] and point["title"] and point["text"]
        landing = resolve_export(site, point["url"])
        refresh = landing.css_first("blockquote[cite]").attributes["cite"]
        assert refresh.endswith(f"meetings/{point['meeting']}/#{point['id']}")
        resolve_export(site, point["location"])
    for row in rows:
        resolve_export(site, row["location"])


def feed_lists_meetings_newest_first(site, archive):
    """The newest item is the meeting the archive puts last."""
    channel = ElementTree.parse(site.file(A.FEED)).getroot().find("channel")
    items = channel.findall("item")
    newest_first = [f"{LOCAL}meetings/{m.slug}/" for m in reversed(archive.meetings)]
    assert [item.findtext("link") for item in items] == newest_first[:FEED_LIMIT]
    assert all(item.findtext("description") for item in items)
    head = site.html("").css_first('link[rel="alternate"][type="application/rss+xml"]')
    assert head.attributes["href"] == A.FEED


def related_points_are_few_and_never_crowd_the_others_out(site, archive):
    """No point is listed beside more than SEE_ALSO_MAX others, chosen or computed; a computed list holds at most
    RELATED_SHOWN points, never the point itself nor its twin; the list says how it was made."""
    rows = json.loads((site.dir / "principles.json").read_text(encoding="utf-8"))["points"]
    listed = Counter(other for row in rows for other in row["related"])
    assert max(listed.values(), default=0) <= SEE_ALSO_MAX, listed.most_common(3)
    for row in rows:
        point = archive.points[row["id"]]
        assert row["id"] not in row["related"] and point.twin not in row["related"]
        assert len(set(row["related"])) == len(row["related"])
        if row["related_by"] == "editors":
            assert row["related"] == list(archive.see_also[row["id"]]) and len(row["related"]) <= SEE_ALSO_MAX
        else:
            assert len(row["related"]) <= RELATED_SHOWN
            assert row["related_by"] == ("shared words and themes" if row["related"] else None)


INVARIANTS = (
    every_point_is_on_each_of_its_theme_pages,
    every_attributed_point_is_on_its_speaker_page,
    speaker_pages_link_every_meeting_they_spoke_at,
    every_meeting_is_listed_in_order_with_its_count,
    announced_meetings_are_listed_as_announced,
    themes_index_counts,
    organisations_index_has_each_organisation_and_its_first_mention,
    every_point_is_in_the_a_to_z,
    principles_index_lists_every_point_or_sends_to_its_themes,
    theme_map_has_a_row_per_theme_with_its_total,
    points_that_connect_themes_are_under_each_pair,
    co_occurrence_counts_points_with_both_themes,
    exports_resolve_to_pages_and_anchors,
    feed_lists_meetings_newest_first,
    related_points_are_few_and_never_crowd_the_others_out,
)
