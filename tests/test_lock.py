"""The permalink lock: published point ids and page addresses never break."""
from __future__ import annotations

from pathlib import Path

from archives import NOTES, load
from conftest import ROOT
from notes_core.lock import read_lock
from notes_core.render.links import page_address
from notes_core.render.permalinks import render_permalink_pages
from notes_core.site import load_site
from site_build import build_site
from test_check import assert_fails_with, run_check


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_lock_lists_every_point_and_page():
    """The live lock holds every point, with its meeting page, and every page address."""
    lock = read_lock(ROOT, [])
    site = load_site(ROOT, "", "", check_permalinks=False)
    for point in site.archive.points.values():
        assert f"meetings/{point.meeting}/" in lock.points[point.id], point.id
    assert {page_address(uri) for uri in site.page_uris} <= set(lock.pages)


def test_removed_point_fails_the_check(project):
    replace(project / "docs/meetings/levelling-up.md", "{#act-in-small-places}", "{#act-in-small-localities}")
    output = assert_fails_with(project, "data/permalinks.yml:", "point 'act-in-small-places' was published but is in no meeting now")
    assert "act-in-small-localities" in output  # and the new id must be locked


def test_merged_point_redirects_its_permanent_link(project):
    meeting = project / "docs/meetings/levelling-up.md"
    text = meeting.read_text(encoding="utf-8")
    start = text.index("### Act in small places")
    end = text.index("### Set conditions")
    meeting.write_text(text[:start] + text[end:], encoding="utf-8")
    replace(project / "data/permalinks.yml", "point_redirects: {}", "point_redirects:\n  act-in-small-places: asset-based-approach")
    assert run_check(project).returncode == 0
    built = build_site(project / "mkdocs.yml", project / "site")
    refresh = built.html("p/act-in-small-places/").css_first('meta[http-equiv="refresh"]').attributes["content"]
    assert refresh.endswith("meetings/levelling-up/#asset-based-approach")


def test_point_moved_between_meetings_keeps_its_old_anchor(project):
    source = project / "docs/meetings/levelling-up.md"
    text = source.read_text(encoding="utf-8")
    start, end = text.index("### Act in small places"), text.index("### Set conditions")
    block = text[start:end]
    source.write_text(text[:start] + text[end:], encoding="utf-8")
    target = project / "docs/meetings/unequal-alliances.md"
    target.write_text(target.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    assert run_check(project).returncode == 0, run_check(project).stderr
    built = build_site(project / "mkdocs.yml", project / "site")
    old = built.html("meetings/levelling-up/").css_first("#act-in-small-places")
    assert old.tag == "a" and old.attributes["href"] == "../unequal-alliances/#act-in-small-places"
    assert built.html("meetings/unequal-alliances/").css_first("h3#act-in-small-places") is not None
    refresh = built.html("p/act-in-small-places/").css_first('meta[http-equiv="refresh"]').attributes["content"]
    assert refresh.endswith("meetings/unequal-alliances/#act-in-small-places")


def test_renamed_meeting_needs_a_redirect(project):
    (project / "docs/meetings/levelling-up.md").rename(project / "docs/meetings/levelling-up-and-covenants.md")
    assert_fails_with(project, "page '/meetings/levelling-up/' was published and has disappeared; add `<old docs path>.md: <new docs path>.md` under page_redirects")


def test_renamed_meeting_with_redirect_keeps_old_address_and_anchors(project):
    (project / "docs/meetings/levelling-up.md").rename(project / "docs/meetings/levelling-up-and-covenants.md")
    replace(project / "data/permalinks.yml", "page_redirects: {}", "page_redirects:\n  meetings/levelling-up.md: meetings/levelling-up-and-covenants.md")
    lock = project / "data/permalinks.yml"
    lock.write_text(lock.read_text(encoding="utf-8").replace("- meetings/levelling-up/\n", "- meetings/levelling-up/\n- meetings/levelling-up-and-covenants/\n"), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 0, result.stderr
    built = build_site(project / "mkdocs.yml", project / "site")
    redirect = built.file("meetings/levelling-up/").read_text(encoding="utf-8")
    assert "../levelling-up-and-covenants/" in redirect and "location.hash" in redirect
    refresh = built.html("p/act-in-small-places/").css_first('meta[http-equiv="refresh"]').attributes["content"]
    assert refresh.endswith("meetings/levelling-up-and-covenants/#act-in-small-places")


def test_new_point_must_be_locked(project):
    replace(project / "docs/meetings/levelling-up.md", "### Act in small places", "### Keep it local {#keep-it-local}\nthemes: community-led-change\n\nAct locally.\n\n### Act in small places")
    assert_fails_with(project, "1 new point id(s) and 0 new page(s) are not in the permalink lock yet (keep-it-local); run `python scripts/notes.py lock`")


def test_retired_id_is_never_reused(project):
    replace(project / "data/permalinks.yml", "point_redirects: {}", "point_redirects:\n  act-in-small-places: asset-based-approach")
    assert_fails_with(project, "docs/meetings/levelling-up.md:", "point id 'act-in-small-places' was retired (merged into 'asset-based-approach') and is never reused; choose another id")


def test_only_redirects_to_a_current_point_get_a_permanent_link_page():
    archive = load(NOTES)
    redirects = {"old-id": "vest", "to-nowhere": "no-such-point", "vest": "psychological-safety"}
    pages = render_permalink_pages(archive, "https://example.org/", "Notes", redirects)
    assert "p/old-id/index.html" in pages and "p/to-nowhere/index.html" not in pages
    assert "meetings/systems-leadership/#vest" in pages["p/vest/index.html"]  # a live id keeps its own page
