"""Published links never break. What is published is what main publishes, read from git; a point
or page that goes away needs one redirect line in data/permalinks.yml, and the check prints it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, assert_fails_with, run_check
from git_project import commit_all, git, make_clone
from mkdocs.exceptions import Abort
from site_build import build_site

from notes_core.build.site import load_site
from notes_core.permalinks import published_base
from notes_core.permalinks.published import published_now
from notes_core.permalinks.redirects import read_redirects
from notes_core.settings import load_settings

POINT_REDIRECTS_LINE = 9  # the line of `point_redirects:` in data/permalinks.yml


@pytest.fixture
def clone(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project as a git clone: `main` is published, the change is made on the branch `change`."""
    monkeypatch.delenv(published_base.REF_VARIABLE, raising=False)
    return make_clone(project, "change")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_line(project: Path, section: str, line: str) -> None:
    replace(project / "data/permalinks.yml", f"\n{section}:\n", f"\n{section}:\n{line}\n")


def cut_point(project: Path) -> str:
    """Take 'Act in small places' out of its meeting; returns its Markdown."""
    meeting = project / "docs/meetings/levelling-up.md"
    text = meeting.read_text(encoding="utf-8")
    start, end = text.index("### Act in small places"), text.index("### Set conditions")
    meeting.write_text(text[:start] + text[end:], encoding="utf-8")
    return text[start:end]


def passes(project: Path) -> subprocess.CompletedProcess:
    result = run_check(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("All good")
    return result


def refresh_target(project: Path, address: str) -> str:
    built = build_site(project / "mkdocs.yml", project / "site")
    return built.html(address).css_first('meta[http-equiv="refresh"]').attributes["content"]


def test_the_file_holds_only_redirects():
    errors: list = []
    redirects = read_redirects(ROOT, errors)
    assert errors == [] and redirects is not None
    data = yaml.safe_load((ROOT / "data/permalinks.yml").read_text(encoding="utf-8"))
    assert set(data) == {"point_redirects", "page_redirects", "moved_points"}
    assert (ROOT / "data/permalinks.yml").read_text(encoding="utf-8").splitlines()[
        POINT_REDIRECTS_LINE - 1
    ] == "point_redirects:"


def test_published_lists_what_this_copy_publishes(project):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/notes.py"), "--root", str(project), "published", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    published = json.loads(result.stdout)
    assert len(published["points"]) == 111 and "act-in-small-places" in published["points"]
    assert {"", "about/", "meetings/levelling-up/", "themes/shared-purpose/", "speakers/sally-young/"} <= set(
        published["pages"]
    )
    assert published["point_meetings"]["act-in-small-places"] == "meetings/levelling-up.md"
    assert published["point_redirects"] == {} and published["page_redirects"] == {}


def test_a_new_point_needs_nothing(clone):
    replace(
        clone / "docs/meetings/levelling-up.md",
        "### Act in small places",
        "### Keep it local {#keep-it-local}\nthemes: community-led-change\n\nAct locally.\n\n### Act in small places",
    )
    passes(clone)


def test_ids_never_merged_are_never_locked(clone):
    replace(
        clone / "docs/meetings/levelling-up.md",
        "### Act in small places",
        "### Keep it local {#keep-it-local}\nthemes: community-led-change\n\nAct locally.\n\n### Act in small places",
    )
    commit_all(clone, "A draft point")
    replace(clone / "docs/meetings/levelling-up.md", "{#keep-it-local}", "{#stay-local}")
    passes(clone)


def test_a_removed_point_fails_and_one_line_mends_it(clone):
    cut_point(clone)
    output = assert_fails_with(
        clone,
        (
            f"data/permalinks.yml:{POINT_REDIRECTS_LINE}: point 'act-in-small-places' is published on main but is in "
            "no meeting now; "
            "put it back (ids never change), or if it was merged into another point add this line under "
            "point_redirects:\n"
            "  act-in-small-places: <id-of-the-point-that-now-holds-it>\n"
        ),
    )
    assert "1 problem found" in output and "more" not in output
    add_line(clone, "point_redirects", "  act-in-small-places: asset-based-approach")
    passes(clone)
    # The retired id's page says what happened and leads to the point that holds it.
    built = build_site(clone / "mkdocs.yml", clone / "site")
    assert built.links("p/act-in-small-places/", "main > p a") == ["meetings/levelling-up/#asset-based-approach"]


def test_every_problem_is_reported_in_one_round(clone):
    """A removed point and a broken point in another meeting: both at once, and nothing said of the broken
    meeting's own published points, which are still in its file."""
    cut_point(clone)
    replace(
        clone / "docs/meetings/learning-from-campaigns.md",
        "themes: conflict-and-disagreement, trust-and-relationships",
        "themes: conflict-and-disagreement, nonsense",
    )
    output = assert_fails_with(
        clone,
        "point 'act-in-small-places' is published on main but is in no meeting now",
        "learning-from-campaigns.md:",
        "unknown theme 'nonsense'",
    )
    assert "2 problems found" in output, output
    assert "'disagreements' is published" not in output and "listed but no key point" not in output


def test_every_removed_point_is_listed(clone):
    removed = (
        "act-in-small-places",
        "many-brave-leaders",
        "sustained-effort-over-years",
        "invest-in-community-anchors",
        "common-cause-across-levels",
        "learn-from-past-programmes",
    )
    for number, ident in enumerate(removed):
        replace(clone / "docs/meetings/levelling-up.md", f"{{#{ident}}}", f"{{#point-{number}}}")
    output = assert_fails_with(
        clone,
        *(f"add this line under point_redirects:\n  {ident}: <id-of-the-point-that-now-holds-it>" for ident in removed),
    )
    assert "6 problems found" in output and "more" not in output


def test_a_renamed_id_is_named(clone):
    replace(clone / "docs/meetings/levelling-up.md", "{#act-in-small-places}", "{#act-in-small-localities}")
    assert_fails_with(
        clone, "put it back (ids never change: if you renamed it to 'act-in-small-localities', change the id back)"
    )


def test_a_renamed_meeting_gets_the_exact_page_redirect_line(clone):
    (clone / "docs/meetings/levelling-up.md").rename(clone / "docs/meetings/levelling-up-and-covenants.md")
    output = assert_fails_with(
        clone,
        (
            "page 'meetings/levelling-up/' is published on main and is gone now; put it back, or if it was renamed or "
            "moved "
            "add this line under page_redirects, so that its address leads to the new page:\n"
            "  meetings/levelling-up.md: meetings/levelling-up-and-covenants.md\n"
        ),
    )
    assert "1 problem found" in output and "/meetings/" not in output
    add_line(clone, "page_redirects", "  meetings/levelling-up.md: meetings/levelling-up-and-covenants.md")
    passes(clone)
    built = build_site(clone / "mkdocs.yml", clone / "site")
    redirect = built.file("meetings/levelling-up/").read_text(encoding="utf-8")
    assert "../levelling-up-and-covenants/" in redirect and "location.hash" in redirect
    refresh = built.html("p/act-in-small-places/").css_first("blockquote[cite]").attributes["cite"]  # in context
    assert refresh.endswith("meetings/levelling-up-and-covenants/#act-in-small-places")


def test_a_redirect_on_main_is_never_removed(project, monkeypatch):
    monkeypatch.delenv(published_base.REF_VARIABLE, raising=False)
    cut_point(project)
    add_line(project, "point_redirects", "  act-in-small-places: asset-based-approach")
    make_clone(project, "change")
    replace(project / "data/permalinks.yml", "  act-in-small-places: asset-based-approach\n", "")
    assert_fails_with(
        project,
        (
            "point_redirects: the line for 'act-in-small-places' is on main and redirects are never removed; "
            "put it back under point_redirects:\n  act-in-small-places: asset-based-approach\n"
        ),
    )
    # Nor may the retired id come back as a new point.
    replace(project / "docs/meetings/levelling-up.md", "{#many-brave-leaders}", "{#act-in-small-places}")
    assert_fails_with(
        project,
        "docs/meetings/levelling-up.md:",
        "point id 'act-in-small-places' was retired on main (merged into 'asset-based-approach') and is never reused; "
        "choose another id",
    )


def test_a_retired_id_is_never_reused(project):
    """Checked from the file alone, with or without git."""
    add_line(project, "point_redirects", "  act-in-small-places: asset-based-approach")
    assert_fails_with(
        project,
        "docs/meetings/levelling-up.md:",
        "point id 'act-in-small-places' was retired (merged into 'asset-based-approach', see "
        f"data/permalinks.yml:{POINT_REDIRECTS_LINE + 1}) and is never reused; choose another id",
    )


def test_a_moved_point_keeps_an_anchor_on_its_old_page(clone):
    block = cut_point(clone)
    target = clone / "docs/meetings/unequal-alliances.md"
    target.write_text(target.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    line = "  act-in-small-places: meetings/levelling-up.md"
    assert_fails_with(
        clone,
        "point 'act-in-small-places' is on meetings/levelling-up.md on main and is on meetings/unequal-alliances.md "
        "now; "
        f"so that links to its old place still find it, add this line under moved_points:\n{line}\n",
    )
    add_line(clone, "moved_points", line)
    passes(clone)
    built = build_site(clone / "mkdocs.yml", clone / "site")
    old = built.html("meetings/levelling-up/").css_first("#act-in-small-places")
    assert old.tag == "a" and old.attributes["href"] == "../unequal-alliances/#act-in-small-places"
    assert built.html("meetings/unequal-alliances/").css_first("h3#act-in-small-places") is not None
    refresh = built.html("p/act-in-small-places/").css_first("blockquote[cite]").attributes["cite"]  # in context
    assert refresh.endswith("meetings/unequal-alliances/#act-in-small-places")

    # Once the move is published, the line stays: taking it out fails.
    commit_all(clone, "Move a point")
    git(clone, "checkout", "--quiet", "main")
    git(clone, "merge", "--quiet", "--ff-only", "change")
    git(clone, "checkout", "--quiet", "-b", "tidy")
    replace(clone / "data/permalinks.yml", line + "\n", "")
    assert_fails_with(
        clone,
        "moved_points: 'act-in-small-places' was on meetings/levelling-up.md on main, and these lines are never "
        "removed; "
        f"write its line as:\n{line}\n",
    )


def test_a_strict_build_fails_on_a_removed_point(clone, caplog):
    cut_point(clone)
    with pytest.raises(Abort):
        build_site(clone / "mkdocs.yml", clone / "site")
    assert "point 'act-in-small-places' is published on main but is in no meeting now" in caplog.text


def test_without_git_the_check_says_so_once_and_checks_the_rest(project, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(project.parent))  # no repository above the copy either
    cut_point(project)
    result = passes(project)
    note = (
        "cannot tell what is published: this folder is not a git clone (a download or a copy has no history); "
        "the permanent-link check was skipped"
    )
    assert result.stderr == f"note: {note}\n"
    add_line(project, "page_redirects", "  meetings/old-name.md: meetings/no-such-meeting.md")
    output = assert_fails_with(
        project,
        "page_redirects: 'meetings/old-name.md' leads to 'meetings/no-such-meeting.md', which is not a page",
        note,
    )
    assert output.count("cannot tell") == 1


def test_a_shallow_clone_compares_with_the_tip_of_main(clone, tmp_path_factory):
    cut_point(clone)
    commit_all(clone, "Remove a point")
    shallow = tmp_path_factory.mktemp("shallow")
    git(shallow, "clone", "--quiet", "--depth=1", "--branch=change", f"file://{clone}", str(shallow))
    git(shallow, "fetch", "--quiet", "--depth=1", "origin", "+refs/heads/main:refs/remotes/origin/main")
    output = assert_fails_with(
        shallow, "point 'act-in-small-places' is published on origin/main but is in no meeting now"
    )
    assert "note: this clone has no history to tell where the branch left origin/main" in output


def test_NOTES_PUBLISHED_REF_names_the_base(clone, monkeypatch):
    cut_point(clone)
    commit_all(clone, "Remove a point")
    monkeypatch.setenv(published_base.REF_VARIABLE, "HEAD")
    passes(clone)  # compared with itself
    monkeypatch.setenv(published_base.REF_VARIABLE, "HEAD^")
    assert_fails_with(clone, "point 'act-in-small-places' is published on HEAD^ but is in no meeting now")
    monkeypatch.setenv(published_base.REF_VARIABLE, "origin/nowhere")
    assert (
        "note: cannot tell what is published: NOTES_PUBLISHED_REF is 'origin/nowhere', which is not a commit in this "
        "clone" in passes(clone).stderr
    )


def test_the_base_is_read_once_per_commit(clone, monkeypatch):
    calls = []
    read = published_base.published_at
    monkeypatch.setattr(published_base, "published_at", lambda base: calls.append(base.commit) or read(base))
    first = load_site(load_settings(clone, site_url=""))
    cut_point(clone)
    add_line(clone, "point_redirects", "  act-in-small-places: asset-based-approach")
    second = load_site(load_settings(clone, site_url=""))
    assert len(calls) == 1 and first.notes == second.notes == ()


def test_a_main_from_before_published_existed_is_read_from_its_list(project, monkeypatch):
    """Bootstrap: main's notes.py has no `published` command, and its data/permalinks.yml lists every point and page."""
    monkeypatch.delenv(published_base.REF_VARIABLE, raising=False)
    site = load_site(load_settings(project, site_url=""), check_published_links=False)
    published = published_now(site.archive, site.page_uris, site.redirects)
    new_file = (project / "data/permalinks.yml").read_text(encoding="utf-8")
    new_cli = (project / "scripts/notes.py").read_text(encoding="utf-8")
    old_list = {
        "points": {ident: [places[0].removesuffix(".md") + "/"] for ident, places in published.point_meetings.items()},
        "pages": sorted(published.pages),
        "point_redirects": {},
        "page_redirects": {},
    }
    (project / "data/permalinks.yml").write_text(yaml.safe_dump(old_list), encoding="utf-8")
    # The old command line: no `published` command (argparse then refuses "invalid choice: 'published'").
    replace(
        project / "scripts/notes.py",
        'commands.add_parser(\n        "published",',
        'commands.add_parser(\n        "lock",',
    )
    make_clone(project, "change")
    (project / "data/permalinks.yml").write_text(new_file, encoding="utf-8")
    (project / "scripts/notes.py").write_text(new_cli, encoding="utf-8")
    passes(project)
    cut_point(project)
    assert_fails_with(project, "point 'act-in-small-places' is published on main but is in no meeting now")


def test_a_project_in_a_folder_of_a_larger_repository(project, tmp_path_factory, monkeypatch):
    monkeypatch.delenv(published_base.REF_VARIABLE, raising=False)
    repository = tmp_path_factory.mktemp("repository")
    shutil.copytree(project, repository / "notes")
    make_clone(repository, "change")
    cut_point(repository / "notes")
    assert_fails_with(repository / "notes", "point 'act-in-small-places' is published on main but is in no meeting now")


def test_without_the_git_program_the_check_says_so(clone, monkeypatch, tmp_path_factory):
    monkeypatch.setenv("PATH", str(tmp_path_factory.mktemp("no-programs")))
    cut_point(clone)
    assert (
        passes(clone).stderr
        == "note: cannot tell what is published: git is not installed; the permanent-link check was skipped\n"
    )


def test_a_clone_without_main_says_so(clone):
    git(clone, "branch", "--quiet", "-D", "main")
    cut_point(clone)
    assert (
        "note: cannot tell what is published: this clone has no main branch (neither origin/main nor main)"
        in passes(clone).stderr
    )


def test_a_retired_id_leads_only_to_a_point_that_exists():
    """In a preview with problems, a redirect to a point that is gone makes no page (the check reports it)."""
    from archives import NOTES, load

    from notes_core.permalinks.pages import render_permalink_pages

    archive = load(NOTES)
    pages = render_permalink_pages(
        archive, "https://example.org/", "Site", {"old-id": "vest", "gone-id": "no-such-point"}
    )
    assert "p/old-id/index.html" in pages and "p/gone-id/index.html" not in pages
