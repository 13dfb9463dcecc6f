"""A contributor's path from CONTRIBUTING.md, end to end, in a git clone: branch -> new -> fill in -> check -> build.

Adding a meeting touches only the meeting file and the registries: nothing needs locking."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT
from git_project import git, make_clone
from site_build import build_site

from notes_core.permalinks.published_base import REF_VARIABLE

NOTES = [sys.executable, str(ROOT / "scripts" / "notes.py")]


def notes(project, *args):
    return subprocess.run([*NOTES, "--root", str(project), *args], capture_output=True, text=True, timeout=60)


def test_help_lists_the_commands():
    out = subprocess.run([*NOTES, "--help"], capture_output=True, text=True, timeout=60).stdout
    for command in ("check", "new", "published"):
        assert re.search(rf"^\s+{command}\s", out, re.M)


def test_a_new_write_up_from_start_to_site(project, monkeypatch):
    monkeypatch.delenv(REF_VARIABLE, raising=False)
    make_clone(project, "add-meeting")
    created = notes(project, "new", "Joining forces across sectors")
    assert created.returncode == 0, created.stderr
    meeting = project / "docs/meetings/joining-forces-across-sectors.md"
    text = meeting.read_text(encoding="utf-8")
    assert "order: 7" in text
    first = notes(project, "check")
    assert first.returncode == 1 and "placeholder 'FILL IN' left in" in first.stderr

    # A new speaker and a new theme: one entry each in the registries.
    with (project / "data/speakers.yml").open("a", encoding="utf-8") as speakers:
        speakers.write("- id: jo-business\n  name: Jo Business\n")
    with (project / "data/themes.yml").open("a", encoding="utf-8") as themes:
        themes.write(
            "- id: business-partners\n  title: Business partners\n  description: What businesses bring to alliances.\n"
        )
    filled = (
        text.replace(
            '"FILL IN: the question the meeting discussed, copied from the notes"',
            '"How can we build alliances with the business sector?"',
        )
        .replace("fill-in-speaker-id", "jo-business")
        .replace("""    role: "FILL IN: the speaker's role as the notes give it, or delete this line"\n""", "")
        .replace("fill-in-theme-id", "business-partners")
        .replace('"FILL IN: one sentence saying what the meeting was about"', '"Alliances between sectors."')
        .replace(
            "FILL IN: the introduction from the write-up (the question, who spoke).", "The speaker was Jo Business."
        )
        .replace(
            "FILL IN: a short title for the first point {#fill-in-point-id}",
            "Business as a partner {#business-as-a-partner}",
        )
        .replace("FILL IN: the text of the point, copied exactly from the write-up.", "Businesses can be partners too.")
    )
    meeting.write_text(filled, encoding="utf-8")
    second = notes(project, "check")
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("All good: 7 meetings, 112 key points, 13 themes, 10 speakers.")
    assert second.stderr == ""  # compared with main, and nothing published is missing
    changed = git(project, "status", "--porcelain").split()
    assert sorted(changed[1::2]) == [
        "data/speakers.yml",
        "data/themes.yml",
        "docs/meetings/joining-forces-across-sectors.md",
    ]

    built = build_site(project / "mkdocs.yml", project / "site")
    assert built.warnings == []
    assert built.html("meetings/joining-forces-across-sectors/").css_first("h3#business-as-a-partner") is not None
    assert "../../meetings/joining-forces-across-sectors/#business-as-a-partner" in built.file(
        "themes/business-partners/"
    ).read_text(encoding="utf-8")
    assert "Joining forces across sectors" in built.html("speakers/jo-business/").css_first("article").text()
    assert "Joining forces across sectors" in built.html("meetings/").css_first("article").text()
    permanent = built.html("p/business-as-a-partner/")
    assert (
        permanent.css_first("blockquote[cite]")
        .attributes["cite"]
        .endswith("meetings/joining-forces-across-sectors/#business-as-a-partner")
    )


# The suite's tests that read the live content (the real site's build or its archive): a content change reaches
# only these, so a branch that adds a meeting runs them all. Found by what they call, so a new one is not missed.
READS_LIVE = re.compile(r"load\(ROOT\)|build_site\(ROOT / \"mkdocs.yml\"|^def test_\w+\((?:[^)]*, )?site[,)]", re.M)
CONTENT_TESTS = sorted(
    path.relative_to(ROOT).as_posix()
    for path in (ROOT / "tests").glob("test_*.py")
    if READS_LIVE.search(path.read_text(encoding="utf-8")) and path.name != "test_contributing.py"
)


def test_the_content_tests_are_found():
    assert {"tests/test_site.py", "tests/test_generated.py", "tests/test_fidelity.py"} <= set(CONTENT_TESTS)


def test_a_valid_meeting_added_by_a_branch_leaves_the_suite_green(tmp_path, monkeypatch):
    """In a clone of the whole repository, a branch adds a one-point meeting with a new speaker, organisation and
    theme (the meeting file and three registry entries, nothing else): the check and every test that reads the
    live content pass. (tests/test_generated_archives.py runs the same tests' logic on many such archives.)"""
    monkeypatch.delenv(REF_VARIABLE, raising=False)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True, timeout=120)
    for changed in subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--modified", "--others", "--exclude-standard"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split():
        if (
            ROOT / changed
        ).is_file():  # uncommitted work of the developer running the suite, as a clone of it would have
            (clone / changed).parent.mkdir(parents=True, exist_ok=True)
            (clone / changed).write_bytes((ROOT / changed).read_bytes())
    git(clone, "checkout", "--quiet", "-b", "add-meeting")
    tests_before = git(clone, "status", "--porcelain", "tests")
    if not (clone / "node_modules").exists():  # linkinator and vnu, for the tests that read the live site
        (clone / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    order = 1 + max(
        int(m)
        for m in re.findall(
            r"^order: (\d+)$",
            "\n".join(p.read_text(encoding="utf-8") for p in (clone / "docs/meetings").glob("*.md")),
            re.M,
        )
    )
    # Ids no content uses yet (the live content may one day have a speaker or theme of any name).
    registries = (clone / "data/speakers.yml").read_text(encoding="utf-8") + (clone / "data/themes.yml").read_text(
        encoding="utf-8"
    )
    suffix = next(str(n) for n in range(1000) if f"-test-{n}" not in registries)
    speaker, theme, slug = (
        f"rowan-ellery-test-{suffix}",
        f"market-towns-test-{suffix}",
        f"joining-forces-in-market-towns-test-{suffix}",
    )
    (clone / f"docs/meetings/{slug}.md").write_text(
        f"""---
title: "Joining forces in market towns"
question: "What does joining forces look like far from the big city partnerships?"
series: joining-forces
order: {order}
speakers:
  - id: {speaker}
themes:
  - shared-purpose
  - {theme}
summary: "How small organisations in market towns join forces when distances are long."
---

The speaker was Rowan Ellery, of the Market Towns Forum.

## Key points

### Begin with what the town already shares {{#begin-with-what-the-town-shares-test-{suffix}}}
themes: {theme}, shared-purpose
speaker: {speaker}

People came together around the market and the surgery before they came together around any plan.
""",
        encoding="utf-8",
    )
    with (clone / "data/themes.yml").open("a", encoding="utf-8") as themes:
        themes.write(f"\n- id: {theme}\n  title: Market towns\n  description: Joining forces in small towns.\n")
    with (clone / "data/speakers.yml").open("a", encoding="utf-8") as speakers:
        speakers.write(f"\n- id: {speaker}\n  name: Rowan Ellery\n  organisation: market-towns-forum-test-{suffix}\n")
    with (clone / "data/organisations.yml").open("a", encoding="utf-8") as organisations:
        organisations.write(
            f"\n- id: market-towns-forum-test-{suffix}\n  name: Market Towns Forum\n  names: [Market Towns Forum]\n"
        )
    check = notes(clone, "check")
    assert check.returncode == 0, check.stderr
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CONTENT_TESTS],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert suite.returncode == 0, suite.stdout[-3000:]
    assert git(clone, "status", "--porcelain", "tests") == tests_before  # the contributor changed nothing under tests/
