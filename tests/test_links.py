"""Relative links between docs pages, written as string work for speed, agree with posixpath."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from notes_core import addresses as A
from notes_core.addresses import link, page_url, resolve_named_links, unknown_named_links
from notes_core.render.nav import split_nav
from notes_core.render.page import Page

segment = st.sampled_from(["meetings", "themes", "a-z", "p", "series", "x"])
page = st.lists(segment, max_size=3).map(lambda parts: "/".join(parts + ["page.md"]))
other = st.lists(segment, max_size=3).map(lambda parts: "/".join(parts + ["other.md"]))


@given(page, other)
def test_link_matches_relpath(source, target):
    assert link(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")


def test_link_within_a_page_is_an_anchor():
    assert link("themes/a.md", "themes/a.md", "x") == "#x"
    assert link("themes/a.md", "meetings/b.md", "p") == "../meetings/b.md#p"


def test_page_url_is_the_address_mkdocs_makes():
    assert page_url("themes/index.md", "meetings/levelling-up.md", "p") == "../meetings/levelling-up/#p"
    assert page_url("principles/a-z/s-1.md", "principles/a-z.md") == "../"
    assert page_url("themes/a.md", "themes/a.md", "x") == "#x"
    assert page_url("themes/a.md", "themes/a.md") == "./"


def test_hand_written_pages_link_by_name_to_where_the_addresses_module_puts_a_page():
    text = "[from A to Z](@a-to-z) and [JSON](@export-json) and [x](@a-to-z#top) and [y](@nowhere)"
    resolved = resolve_named_links(text, "about.md")
    assert resolved == (
        f"[from A to Z]({A.PRINCIPLES_A_TO_Z}) and [JSON]({A.EXPORT_JSON}) and [x]({A.PRINCIPLES_A_TO_Z}#top) "
        "and [y](@nowhere)"
    )
    assert resolve_named_links("no names", "index.md") == "no names"
    assert unknown_named_links(text) == [(text.index("](@nowhere)"), "nowhere")]


def test_a_listing_outside_its_sections_folder_is_named_from_the_docs_root():
    pages = {"elsewhere.md": Page("Listing", "", "", True), "elsewhere/b.md": Page("B", "", "", True)}
    assert split_nav(pages, "elsewhere.md", "All", "section/index.md") == {
        "All": [{"Listing": "elsewhere.md"}, {"B": "elsewhere/b.md"}]
    }
    assert split_nav({}, "section/list.md", "All", "section/index.md") == "list.md"
