"""Relative links between docs pages, written as string work for speed, agree with posixpath."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from notes_core.addresses import link, page_url

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
