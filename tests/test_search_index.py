"""What the search index holds, read back from the files Pagefind writes (no browser needed)."""

from __future__ import annotations

import gzip
import json

import pytest
from archives import NOTES, ROOT, load
from site_build import BuiltSite

from notes_core import addresses as A
from notes_core.addresses import page_address, point_address
from notes_core.search.index import meeting_title_path, record_path
from notes_core.search.records import PAGE, POINT, SearchRecord, records_from_page

SIGNATURE = b"pagefind_dcd"


def indexed(site: BuiltSite) -> list[dict]:
    """Every record in the built index: its text, and the address, kind and context it is shown with."""
    records = []
    for fragment in sorted((site.dir / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(SIGNATURE)
        record = json.loads(data[len(SIGNATURE) :])
        kind, rest = record["url"].strip("/").removesuffix(".html").split("/", 1)
        if kind == POINT:
            page, anchor = rest.rsplit("/", 1)
            title_file = site.dir / "pagefind" / meeting_title_path(page + "/")
            address, context = f"{page}/#{anchor}", json.loads(title_file.read_text(encoding="utf-8"))
        else:
            context, _, address = rest.partition("/")
            address = "" if address in ("", "index") else address + "/"
        records.append(
            {
                "address": address,
                "kind": kind,
                "context": context,
                "title": record["meta"]["title"],
                "content": record["content"],
            }
        )
    return records


@pytest.fixture(scope="module")
def notes_index(notes_site) -> list[dict]:
    return indexed(notes_site)


def test_every_key_point_is_one_record_at_its_address(site):
    archive = load(ROOT)
    records = indexed(site)
    points = [r for r in records if r["kind"] == POINT]
    assert sorted(r["address"] for r in points) == sorted(
        point_address(p.meeting, p.id) for p in archive.points.values()
    )
    by_address = {r["address"]: r for r in points}
    for point in archive.points.values():
        record = by_address[point_address(point.meeting, point.id)]
        assert record["context"] == archive.meetings_by_slug[point.meeting].title
        # The point's own words are what is searched (the first sentence stands for the rest).
        first_words = " ".join(point.text.split()[:6]).strip("*_")
        assert first_words.split()[0] in record["content"], point.id


def test_listings_and_permanent_pages_stay_out(notes_index):
    addresses = {r["address"] for r in notes_index}
    assert not [a for a in addresses if a.startswith("p/")]
    for listing in (
        page_address(p) for p in (A.PRINCIPLES_BY_THEME, A.PRINCIPLES_A_TO_Z, A.CONNECTIONS_MATRIX, A.MEETINGS_INDEX)
    ):
        assert listing not in addresses
    # What a point's meta line and buttons say is not the point's text.
    points = [r for r in notes_index if r["kind"] == POINT]
    assert points and not [r for r in points if "Permanent link" in r["content"] or "Themes:" in r["content"]]


def test_pages_are_found_for_what_they_say_themselves(notes_index):
    pages = {r["address"]: r for r in notes_index if r["kind"] == PAGE}
    assert pages["about/"]["context"] == "Page"
    assert pages["meetings/levelling-up/"]["context"] == "Meeting"
    theme = next(r for a, r in pages.items() if a.startswith("themes/"))
    assert theme["context"] == "Theme"


def test_records_from_a_meeting_page_follow_its_headings():
    html = """
    <h1>A meeting</h1><p>Said before the points.</p>
    <h2 id="key-points">Key points</h2>
    <h3 class="point" id="one">First</h3><p class="point-meta">Themes: x · Permanent link</p><p>Alpha ‘beta’.</p>
    <ul><li>item one</li><li>item two</li></ul>
    <h4 class="point" id="two">Second</h4><p>Gamma.</p>
    <h2 id="after">After</h2><p>Said after.</p>
    <div data-search-exclude><p>A listing of titles.</p></div>
    <h3 data-search-exclude><a href="x">A point's copy</a></h3><p>Its text, found on its own page.</p>
    <h2 id="end">End</h2><p>Said at the end.</p>
    """
    records = records_from_page("meetings/m.md", "A meeting", html)
    assert [(r.address, r.kind, r.title, r.blocks) for r in records] == [
        ("meetings/m/#one", POINT, "First", ("Alpha ‘beta’.", "item one", "item two")),
        ("meetings/m/#two", POINT, "Second", ("Gamma.",)),
        (
            "meetings/m/",
            PAGE,
            "A meeting",
            ("A meeting", "Said before the points.", "Key points", "After", "Said after.", "End", "Said at the end."),
        ),
    ]
    assert records[0].context == "A meeting" and records[-1].context == "Meeting"


def test_a_hostile_title_is_text_in_the_record(tmp_path):
    from notes_core.documents import render_document

    record = SearchRecord("a/#b", POINT, '<img src=x onerror=alert(1)>"', 'x" onload="y', ("<script>z</script>",))
    document = render_document("search_record.html", {"record": record, "language": "en"})
    assert "<img" not in document and "<script>" not in document and 'x" onload' not in document
    assert "&lt;img" in document and "&lt;script&gt;" in document


def test_the_fixture_index_is_complete(notes_index):
    archive = load(NOTES)
    assert len([r for r in notes_index if r["kind"] == POINT]) == len(archive.points)


def test_a_record_path_is_its_address_and_kind():
    assert record_path(SearchRecord("meetings/m/#one", POINT, "t", "c", ())) == "point/meetings/m/one.html"
    assert record_path(SearchRecord("themes/x/", PAGE, "t", "Theme", ())) == "page/Theme/themes/x.html"
    assert record_path(SearchRecord("about/", PAGE, "t", "Page", ())) == "page/Page/about.html"
    assert record_path(SearchRecord("", PAGE, "t", "Page", ())) == "page/Page/index.html"


def test_text_outside_paragraphs_is_kept_once():
    records = records_from_page("about.md", "About", "<p>One</p>bare words<div>inside a div<p>a paragraph</p></div>")
    assert records[0].blocks == ("One", "bare words", "inside a div", "a paragraph")
