"""`python scripts/notes.py check`: one test per kind of content mistake, each with the message a contributor needs."""

from __future__ import annotations

import shutil
import subprocess
import sys

from archives import NOTES, copy_project, load
from conftest import ROOT, assert_fails_with, edit, run_check

from notes_core.check.meeting import MAX_TITLE


def test_repository_passes():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stderr
    archive = load(ROOT)
    assert result.stdout.startswith(f"All good: {len(archive.meetings)} meetings, {len(archive.points)} key points")


def test_malformed_front_matter(repo):
    edit(repo, "series: joining-forces", "series: [joining-forces")
    assert_fails_with(repo, "docs/meetings/levelling-up.md:", "front matter: this is not valid YAML")


def test_front_matter_not_closed(repo):
    (repo / "docs/meetings/levelling-up.md").write_text("---\ntitle: x\n\nNo end.\n", encoding="utf-8")
    assert_fails_with(repo, "levelling-up.md:1: front matter is not closed")


def test_missing_required_field(repo):
    edit(repo, 'summary: "', 'sumary: "')
    assert_fails_with(
        repo,
        "levelling-up.md:19: front matter: unknown field 'sumary'; did you mean 'summary'?",
        "'summary' is missing or empty",
    )


def test_empty_required_field(repo):
    edit(repo, 'title: "Joining Forces for Levelling Up"', 'title: ""')
    assert_fails_with(repo, "levelling-up.md:2: front matter: 'title' is missing or empty")


def test_unknown_speaker(repo):
    edit(repo, "  - id: sally-young", "  - id: sally-yong")
    assert_fails_with(
        repo,
        "levelling-up.md:9: speakers: unknown id 'sally-yong'; did you mean 'sally-young'? (speakers live in "
        "data/speakers.yml)",
    )


def test_unknown_theme(repo):
    edit(repo, "themes: community-led-change\n\nFrom on high", "themes: comunity-led-change\n\nFrom on high")
    assert_fails_with(repo, "unknown theme 'comunity-led-change'; did you mean 'community-led-change'?")


def test_unknown_organisation(repo):
    path = repo / "data" / "speakers.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("organisation: shelter", "organisation: shelterr"), encoding="utf-8"
    )
    assert_fails_with(repo, "data/speakers.yml:", "unknown organisation id 'shelterr'; did you mean 'shelter'?")


def test_duplicate_point_id_across_meetings(repo):
    shutil.copy(NOTES / "docs/meetings/unequal-alliances.md", repo / "docs/meetings/unequal-alliances.md")
    edit(repo, "{#go-where-the-energy-is}", "{#act-in-small-places}", name="unequal-alliances.md")
    assert_fails_with(
        repo,
        "unequal-alliances.md:",
        "point id 'act-in-small-places' is already used at docs/meetings/levelling-up.md:",
    )


def test_point_without_theme(repo):
    edit(repo, "themes: community-led-change\n\nFrom on high", "\nFrom on high")
    assert_fails_with(
        repo, "point 'community-development-before-infrastructure'", "no theme; add a line `themes: some-theme`"
    )


def test_one_word_title(repo):
    edit(repo, "### Government should ask what matters to people {#", "### Government {#")
    assert_fails_with(
        repo, "levelling-up.md:37: point 'appreciative-inquiry-by-government': the title 'Government' is one word"
    )


def test_title_over_the_limit(repo):
    start = "Government should ask what matters to people"
    long = (start + ", and listen to what they want to see happen, and then do it" * 3)[: MAX_TITLE + 1]
    edit(repo, f"### {start} {{#", f"### {long} {{#")
    assert_fails_with(
        repo,
        f"levelling-up.md:37: point 'appreciative-inquiry-by-government': the title is {len(long)} characters long, "
        f"more than the {MAX_TITLE} a title may have; shorten it",
        "the id stays",
    )
    edit(repo, f"### {long} {{#", f"### {long[:MAX_TITLE]} {{#")  # the limit exactly is allowed
    assert run_check(repo).returncode == 0


SEE_ALSO_AT = "themes: systems-leadership, community-led-change\n"  # under many-brave-leaders, line 53


def see_also(repo, ids: str) -> None:
    edit(repo, SEE_ALSO_AT, SEE_ALSO_AT + f"see-also: {ids}\n")


def test_see_also_names_an_unknown_point(repo):
    see_also(repo, "act-in-small-place")
    assert_fails_with(
        repo,
        "levelling-up.md:54: point 'many-brave-leaders': see-also 'act-in-small-place' is not a key point; did you "
        "mean 'act-in-small-places'?",
    )


def test_see_also_names_the_point_itself_or_one_point_twice(repo):
    see_also(repo, "many-brave-leaders, act-in-small-places, act-in-small-places")
    assert_fails_with(
        repo,
        "levelling-up.md:54: point 'many-brave-leaders': see-also names the point itself",
        "levelling-up.md:54: point 'many-brave-leaders': see-also names 'act-in-small-places' twice; name it once",
    )


def test_see_also_names_at_most_five(repo):
    see_also(
        repo,
        "act-in-small-places, asset-based-approach, invest-in-community-anchors, common-cause-across-levels, "
        "learn-from-past-programmes, sustained-effort-over-years",
    )
    assert_fails_with(
        repo, "levelling-up.md:54: point 'many-brave-leaders': see-also names 6 key points; name at most 5"
    )


def test_see_also_counts_the_lines_that_name_a_point(repo):
    """Shown both ways: a point named by others lists them too, and may not end up beside more than five."""
    see_also(repo, "act-in-small-places, asset-based-approach, invest-in-community-anchors")
    edit(
        repo,
        "themes: shared-purpose, partnership-practice\n",
        "themes: shared-purpose, partnership-practice\nsee-also: act-in-small-places, learn-from-past-programmes\n",
    )
    assert run_check(repo).returncode == 0
    archive = load(repo)
    assert archive.see_also["act-in-small-places"] == ("many-brave-leaders", "common-cause-across-levels")
    assert archive.see_also["many-brave-leaders"] == (
        "act-in-small-places",
        "asset-based-approach",
        "invest-in-community-anchors",
    )
    edit(
        repo,
        "{#act-in-small-places}\nthemes: community-led-change\n",
        "{#act-in-small-places}\nthemes: community-led-change\nsee-also: asset-based-approach, "
        "learn-from-past-programmes, sustained-effort-over-years, appreciative-inquiry-by-government\n",
    )
    assert_fails_with(repo, "point 'act-in-small-places' would list 6 related key points", "keep at most 5")


def test_a_point_that_runs_into_a_closing_line(repo):
    path = edit(repo, "on the ground.\n", "on the ground.\n\nFurther reading: a blog by the speaker.\n")
    line = path.read_text(encoding="utf-8").splitlines().index("Further reading: a blog by the speaker.") + 1
    stderr = assert_fails_with(
        repo,
        f"levelling-up.md:{line}: point 'invest-in-community-anchors' runs on into the closing line 'Further reading:",
        '## Further reading\n\n!!! note "Heading added by this site"',
    )
    assert "listed but no key point" not in stderr  # no follow-on message about the meeting's themes


def test_id_not_in_slug_form(repo):
    edit(repo, "{#act-in-small-places}", "{#Act_In_Small_Places}")
    assert_fails_with(repo, "id 'Act_In_Small_Places' is not in slug form; use 'act-in-small-places'")


def test_point_heading_without_id(repo):
    edit(repo, " {#act-in-small-places}", "")
    assert_fails_with(repo, "key point 'Act in small places' has no id; add one at the end of the heading")


def test_meeting_with_no_key_points(repo):
    path = repo / "docs/meetings/levelling-up.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("## Key points")], encoding="utf-8")
    assert_fails_with(repo, "the meeting has no key points")


def test_every_error_of_a_run_is_reported(repo):
    edit(repo, "  - id: sally-young", "  - id: sally-yong")
    edit(repo, "{#act-in-small-places}", "{#Act-In}")
    edit(repo, "A sustained effort", "<script></script>\n\nA sustained effort")
    output = assert_fails_with(repo, "sally-yong", "Act-In", "<script>")
    assert output.strip().endswith("3 problems found. Fix them and run `make check` again.")


def test_on_github_the_report_says_how_to_check_again_from_the_web_editor(repo):
    """No `make check` in GitHub's web editor: there a commit runs the check again."""
    edit(repo, "  - id: sally-young", "  - id: sally-yong")
    result = run_check(repo, on_github=True)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "1 problem found. Fix it on GitHub: edit the file with the pencil icon and commit; the check runs again "
        "(on your own copy: run `make check`)."
    )
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert annotations and all("title=Content check%3A edit the file with the pencil icon" in a for a in annotations)


def test_placeholders_from_new_are_rejected(repo):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "notes.py"),
            "--root",
            str(repo),
            "new",
            "Joining forces across sectors",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    created = repo / "docs/meetings/joining-forces-across-sectors.md"
    assert "order: 3" in created.read_text(encoding="utf-8")
    assert_fails_with(repo, "joining-forces-across-sectors.md:3: placeholder 'FILL IN' left in")


def test_only_the_placeholders_as_written_count_not_the_words_fill_in(repo):
    """`FILL IN` and a `fill-in-...-id` are the markers `make new` and `make import` write; "fill in" in honest
    prose (a write-up that says people were asked to fill in a form) is the notes' words."""
    edit(
        repo,
        "A sustained effort will be needed",
        "Residents were asked to fill in a form, and Fill-in sessions helped.\n\nA sustained effort will be needed",
    )
    assert run_check(repo).returncode == 0, run_check(repo).stderr
    edit(repo, "asked to fill in a form", "asked to FILL IN a form")
    assert_fails_with(repo, "placeholder 'FILL IN' left in")
    edit(repo, "asked to FILL IN a form", "asked to fill in a form")
    edit(repo, "themes: community-led-change, inclusion-and-voice", "themes: fill-in-theme-id, inclusion-and-voice")
    output = assert_fails_with(repo, "placeholder 'FILL IN' left in")
    assert "unknown theme" not in output


def test_broken_registry_is_one_clear_error(repo):
    (repo / "data" / "themes.yml").write_text("- id: x\n  title: [unclosed\n", encoding="utf-8")
    output = assert_fails_with(repo, "data/themes.yml:")
    assert "unknown theme" not in output  # no cascade of errors from the one broken file


def test_build_fails_with_the_same_messages(tmp_path):
    """`mkdocs build` stops on content mistakes with the check's messages, never a traceback or half a site."""
    copy_project(NOTES, tmp_path)
    edit(tmp_path, "  - id: sally-young", "  - id: sally-yong")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert (
        "docs/meetings/levelling-up.md:9: speakers: unknown id 'sally-yong'; did you mean 'sally-young'?"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
