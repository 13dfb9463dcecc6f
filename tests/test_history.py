"""Each key point's publication history on this site, read from git: first published, last changed,
earlier wordings; and a clear "history not available" where a copy has no history."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from git_project import commit_all, make_clone
from site_build import build_site

from notes_core import published_base
from notes_core.history import History, PointHistory, Wording, point_dates, read_history

MEETING = "docs/meetings/levelling-up.md"
OLD_WORDING = "Action should take place wherever possible in small places"


@pytest.fixture
def clone(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project as a git clone whose first commit is dated 2024-01-02 (UTC)."""
    monkeypatch.delenv(published_base.REF_VARIABLE, raising=False)
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-01-02T23:30:00+00:00")
    return make_clone(project, "change")


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
    assert "Reworded: " + old in built.html("p/act-in-small-places/").css_first("main > p").text()
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
