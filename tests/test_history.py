"""Each key point's publication history on this site, read from git: first published, last changed,
earlier wordings; and a clear "history not available" where a copy has no history."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from git_project import commit_all, git, make_clone
from site_build import build_site

from notes_core.permalinks import published_base
from notes_core.permalinks.history import (
    History,
    PointHistory,
    Wording,
    commit_date,
    point_dates,
    published_times,
    read_history,
)

MEETING = "docs/meetings/levelling-up.md"
OLD_WORDING = "Action should take place wherever possible in small places"


@pytest.fixture
def clone(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project as a git clone whose first commit is dated 2024-01-02 (UTC)."""
    monkeypatch.delenv(published_base.REF_VARIABLE, raising=False)
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-01-02T23:30:00+00:00")
    clone = make_clone(project, "change")
    git(clone, "checkout", "--quiet", "main")  # what is committed here is published
    return clone


def reword(clone: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Commit a new wording of 'act-in-small-places' on 2024-03-04 (UTC); returns the old text's first words."""
    meeting = clone / MEETING
    text = meeting.read_text(encoding="utf-8")
    start = text.index("### Act in small places")
    old = text.index(OLD_WORDING, start)
    meeting.write_text(text[:old] + "Reworded: " + text[old:], encoding="utf-8")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-03-05T00:30:00+01:00")  # 2024-03-04 in UTC
    commit_all(clone, "Reword a point")
    return OLD_WORDING


def test_a_changed_wording_is_listed_with_its_date(clone, monkeypatch, tmp_path):
    old = reword(clone, monkeypatch)
    built = build_site(clone / "mkdocs.yml", tmp_path / "site")
    history = built.html("p/act-in-small-places/").css_first("#history")
    said = history.text(separator=" ")
    assert "first published 2024-01-02; last changed 2024-03-04" in said
    assert "changed since the last commit" not in said
    (earlier,) = history.css("ol > li")
    assert earlier.text(separator=" ").startswith(old) and "Replaced on 2024-03-04." in earlier.text()
    # The current wording is the page's own text, not an earlier one.
    assert "Reworded: " + old in built.html("p/act-in-small-places/").css_first("main > blockquote").text()
    untouched = built.html("p/asset-based-approach/").css_first("#history").text()
    assert "first published 2024-01-02; last changed 2024-01-02" in untouched and "Earlier" not in untouched
    points = {p["id"]: p for p in json.loads(built.file("principles.json").read_text(encoding="utf-8"))["points"]}
    assert (points["act-in-small-places"]["first_published"], points["act-in-small-places"]["last_changed"]) == (
        "2024-01-02",
        "2024-03-04",
    )
    assert all(p["first_published"] == "2024-01-02" for p in points.values())


def test_two_builds_of_one_commit_are_byte_identical(clone, monkeypatch, tmp_path):
    reword(clone, monkeypatch)
    first = build_site(clone / "mkdocs.yml", tmp_path / "one").dir
    second = build_site(clone / "mkdocs.yml", tmp_path / "two").dir

    def digest(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    assert digest(first) == digest(second)


def test_a_copy_without_git_says_history_is_not_available(project, tmp_path):
    built = build_site(project / "mkdocs.yml", tmp_path / "site")
    said = built.html("p/act-in-small-places/").css_first("#history").text()
    assert "On this site: history not available (this copy has no git history" in said
    points = json.loads(built.file("principles.json").read_text(encoding="utf-8"))["points"]
    assert {(p["first_published"], p["last_changed"]) for p in points} == {(None, None)}


def test_a_shallow_clone_has_no_history(clone, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth=1", f"file://{clone}", str(shallow)], check=True, capture_output=True
    )
    history = read_history(shallow)
    assert not history.available and "shallow" in history.reason and history.points == {}


def test_uncommitted_changes_are_not_dated():
    committed = PointHistory("2024-01-02", "2024-03-04", "Title", ("a",), "Now", "m", (Wording("Then", "2024-03-04"),))
    history = History(True, "", {"p": committed})
    same = point_dates(history, "p", "Title", ("a",), "Now")
    assert (same.last_changed, same.changed_since_commit, same.earlier) == ("2024-03-04", False, committed.earlier)
    edited = point_dates(history, "p", "Title", ("a",), "Edited")
    assert edited.changed_since_commit and edited.earlier[-1] == Wording("Now", "")
    retitled = point_dates(history, "p", "New title", ("a",), "Now")
    assert retitled.changed_since_commit and retitled.earlier == committed.earlier
    new = point_dates(history, "q", "Title", ("a",), "Now")
    assert (new.first_published, new.changed_since_commit) == (None, True)
    assert point_dates(History(False, "why"), "p", "Title", ("a",), "Now").first_published is None


def retire(clone: Path, monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    """Take 'act-in-small-places' out of its meeting, with `line` under point_redirects:, and commit it."""
    meeting = clone / MEETING
    text = meeting.read_text(encoding="utf-8")
    start, end = text.index("### Act in small places"), text.index("### Set conditions")
    meeting.write_text(text[:start] + text[end:], encoding="utf-8")
    redirects = clone / "data/permalinks.yml"
    redirects.write_text(
        redirects.read_text(encoding="utf-8").replace("\npoint_redirects:\n", f"\npoint_redirects:\n  {line}\n"),
        encoding="utf-8",
    )
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-06-07T12:00:00+00:00")
    commit_all(clone, "Retire a point")


def test_a_withdrawn_point_keeps_a_page_with_the_reason_and_its_last_wording(clone, monkeypatch, tmp_path):
    retire(clone, monkeypatch, 'act-in-small-places: {withdrawn: "the speaker asked for it to be removed"}')
    built = build_site(clone / "mkdocs.yml", tmp_path / "site")
    page = built.html("p/act-in-small-places/")
    assert page.css_first('meta[http-equiv="refresh"]') is None
    said = page.css_first("main").text(separator=" ")
    assert "The key point once at this address was withdrawn: the speaker asked for it to be removed." in said
    assert OLD_WORDING in page.css_first("blockquote").text()
    assert "first published 2024-01-02" in said
    assert built.links("p/act-in-small-places/", "main > p a") == ["meetings/levelling-up/"]


def test_a_merged_point_says_why_and_links_to_its_successor(clone, monkeypatch, tmp_path):
    retire(clone, monkeypatch, 'act-in-small-places: {to: asset-based-approach, reason: "merged: the same idea"}')
    built = build_site(clone / "mkdocs.yml", tmp_path / "site")
    said = built.html("p/act-in-small-places/").css_first("main").text(separator=" ")
    assert "The key point id ‘act-in-small-places’ was retired: merged: the same idea." in said
    assert built.links("p/act-in-small-places/", "main > p a") == ["meetings/levelling-up/#asset-based-approach"]


def test_the_long_form_of_point_redirects_is_checked(tmp_path):
    from notes_core.permalinks.redirects import read_redirects

    (tmp_path / "data").mkdir()
    (tmp_path / "data/permalinks.yml").write_text(
        "point_redirects:\n"
        "  short-form: new-id\n"
        '  with-reason: {to: new-id, reason: "merged: the same idea"}\n'
        '  gone: {withdrawn: "the speaker asked"}\n'
        '  Bad-Id: {withdrawn: "why"}\n'
        "  no-fields: {reason: why}\n"
        '  two-lines: {withdrawn: "one\\ntwo"}\n'
        '  empty: {withdrawn: ""}\n'
        "  bad-target: {to: ../x}\n"
        "page_redirects:\nmoved_points:\n",
        encoding="utf-8",
    )
    errors: list = []
    redirects = read_redirects(tmp_path, errors)
    assert redirects is not None
    assert redirects.point_redirects == {"short-form": "new-id", "with-reason": "new-id"}
    assert redirects.point_reasons == {"with-reason": "merged: the same idea"}
    assert redirects.withdrawn == {"gone": "the speaker asked"}
    assert [(e.line, e.message) for e in errors] == [
        (5, "point_redirects: 'Bad-Id': the retired id is not an id of this site (lowercase words joined by hyphens)"),
        (
            6,
            "point_redirects: 'no-fields': expected `old-id: new-id`, `old-id: {to: new-id, reason: \"merged: ...\"}` "
            'or, for a point withdrawn with no successor, `old-id: {withdrawn: "why"}`, not the fields reason',
        ),
        (7, "point_redirects: 'two-lines': the reason is more than one line; write it on one line"),
        (8, "point_redirects: 'empty': the reason must be some text, in quotes"),
        (
            9,
            "point_redirects: `bad-target: ../x` is not of the form `act-in-small-places: asset-based-approach` "
            "(ids and docs paths of this site, lowercase, no '..')",
        ),
    ]


def test_a_branch_shows_its_change_as_on_this_branch_and_never_its_intermediate_wordings(clone, monkeypatch, tmp_path):
    git(clone, "checkout", "--quiet", "-b", "reword")
    meeting = clone / MEETING
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace(OLD_WORDING, "Never seen by a reviewer: " + OLD_WORDING, 1), encoding="utf-8")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-03-05T00:30:00+00:00")
    commit_all(clone, "An intermediate wording")
    meeting.write_text(text.replace(OLD_WORDING, "Reworded: " + OLD_WORDING, 1), encoding="utf-8")
    commit_all(clone, "The wording the pull request shows")
    history = read_history(clone)
    assert history.available and history.unpublished == "on this branch"
    built = build_site(clone / "mkdocs.yml", tmp_path / "site")
    page = built.file("p/act-in-small-places/").read_text(encoding="utf-8")
    assert "Never seen by a reviewer" not in page
    said = built.html("p/act-in-small-places/").css_first("#history").text(separator=" ")
    assert "first published 2024-01-02; last changed 2024-01-02; changed on this branch" in said
    (earlier,) = built.html("p/act-in-small-places/").css("#history ol > li")
    assert earlier.text(separator=" ").startswith(OLD_WORDING) and "Replaced on this branch." in earlier.text()


@pytest.mark.parametrize("seconds, shown", [("253402300800", "10000-01-01"), ("99999999999999", "3170843-11-07")])
def test_a_commit_dated_past_the_year_9999_crashes_nothing_and_is_not_published(
    clone, monkeypatch, tmp_path, seconds, shown
):
    meeting = clone / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(OLD_WORDING, "Far: " + OLD_WORDING), "utf-8")
    monkeypatch.setenv("GIT_COMMITTER_DATE", f"@{seconds} +0000")
    commit_all(clone, "A commit from the far future")
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(clone), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0 and "Traceback" not in checked.stderr, checked.stderr
    assert f"is dated {shown}, after this build; the site shows its changes as of 2024-01-02" in checked.stderr
    built = build_site(clone / "mkdocs.yml", tmp_path / "site")
    said = built.html("p/act-in-small-places/").css_first("#history").text(separator=" ")
    assert "last changed 2024-01-02" in said and shown not in built.file("sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "seconds, date",
    [
        ("0", "1970-01-01"),
        ("-1", "1969-12-31"),
        ("951782400", "2000-02-29"),
        ("-62135596801", "0000-12-31"),
        ("x", "an unknown date"),
    ],
)
def test_commit_dates_for_any_number_git_holds(seconds, date):
    assert commit_date(seconds) == date


@pytest.mark.parametrize(
    "times, shown",
    [
        ([100, 200, 300], [100, 200, 300]),
        ([100, 5000, 300, 400], [100, 100, 300, 400]),  # after the build: the commit before it
        ([100, 200, 50, 300], [100, 200, 200, 300]),  # before the first commit
        ([100, 500, 200, 300, 400], [100, 100, 200, 300, 400]),  # out of order: the one commit is set aside
        ([100, 200, 300, 250, 400], [100, 200, 200, 250, 400]),  # a tie: either of 300 and 250 is set aside
        ([100, 200, 9999], [100, 200, 200]),
        ([100, 100, 100], [100, 100, 100]),
        ([5000], [1000]),  # the first commit is the floor, at the build's time at the latest
        ([5000, 600], [1000, 1000]),
        ([], []),
    ],
)
def test_dates_hold_within_the_first_commit_and_the_build_and_in_order(times, shown):
    assert published_times(times, 1000) == shown


def test_a_commit_dated_in_the_future_or_before_the_first_is_never_published(clone, monkeypatch, tmp_path):
    """A commit that reaches main as it was made (a fast-forward) keeps its committer's date: 2099 and 1970 are not
    shown as "last changed", "Replaced on", in principles.json or the sitemap; the check names them in a note."""
    reword(clone, monkeypatch)  # 2024-03-04
    meeting = clone / MEETING
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("Reworded: ", "Reworded in 2099: ", 1), encoding="utf-8")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2099-06-01T12:00:00+00:00")
    commit_all(clone, "A commit from a clock in the future")
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("### Act in small places", "### Act in small places, always", 1), "utf-8")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "1970-01-02T00:00:00+00:00")
    commit_all(clone, "A commit from a clock in the past")
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(clone), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "is dated 2099-06-01, after this build; the site shows its changes as of 2024-03-04" in checked.stderr
    assert "is dated 1970-01-02, before main's first commit; the site shows its changes as of 2024-03-04" in (
        checked.stderr
    )
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    built = build_site(clone / "mkdocs.yml", tmp_path / "site")
    said = built.html("p/act-in-small-places/").css_first("#history").text(separator=" ")
    assert "first published 2024-01-02; last changed 2024-03-04" in said
    assert "2099" not in said and "1970" not in said
    points = {p["id"]: p for p in json.loads(built.file("principles.json").read_text(encoding="utf-8"))["points"]}
    assert points["act-in-small-places"]["last_changed"] == "2024-03-04"
    sitemap = built.file("sitemap.xml").read_text(encoding="utf-8")
    assert "2099" not in sitemap and "1970" not in sitemap and "<lastmod>2024-03-04</lastmod>" in sitemap
