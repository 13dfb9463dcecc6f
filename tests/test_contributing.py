"""A contributor's path from CONTRIBUTING.md, end to end: new -> fill in -> check -> lock -> build."""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT
from site_build import build_site

NOTES = [sys.executable, str(ROOT / "scripts" / "notes.py")]


def notes(project, *args):
    return subprocess.run([*NOTES, "--root", str(project), *args], capture_output=True, text=True, timeout=60)


def test_help_lists_the_commands():
    out = subprocess.run([*NOTES, "--help"], capture_output=True, text=True, timeout=60).stdout
    for command in ("check", "new", "lock"):
        assert re.search(rf"^\s+{command}\s", out, re.M)


def test_a_new_write_up_from_start_to_site(project):
    created = notes(project, "new", "Joining forces across sectors")
    assert created.returncode == 0, created.stderr
    meeting = project / "docs/meetings/joining-forces-across-sectors.md"
    text = meeting.read_text(encoding="utf-8")
    assert "order: 7" in text
    first = notes(project, "check")
    assert first.returncode == 1 and "placeholder 'FILL IN' left in" in first.stderr

    filled = (text.replace('"FILL IN: the question the meeting discussed, copied from the notes"', '"How can we build alliances with the business sector?"')
              .replace("fill-in-speaker-id", "cate-newnes-smith")
              .replace("""    role: "FILL IN: the speaker's role as the notes give it, or delete this line"\n""", "")
              .replace("fill-in-theme-id", "shared-purpose")
              .replace('"FILL IN: one sentence saying what the meeting was about"', '"Alliances between sectors."')
              .replace("FILL IN: the introduction from the write-up (the question, who spoke).", "The speaker was Cate Newnes-Smith.")
              .replace("FILL IN: a short title for the first point {#fill-in-point-id}", "Business as a partner {#business-as-a-partner}")
              .replace("FILL IN: the text of the point, copied exactly from the write-up.", "Businesses can be partners too."))
    meeting.write_text(filled, encoding="utf-8")
    second = notes(project, "check")
    assert second.returncode == 1
    assert "1 new point id(s) and 1 new page(s) are not in the permalink lock yet (business-as-a-partner, /meetings/joining-forces-across-sectors/)" in second.stderr

    assert notes(project, "lock").returncode == 0
    assert notes(project, "check").returncode == 0
    lock = (project / "data/permalinks.yml").read_text(encoding="utf-8")
    assert "business-as-a-partner: [meetings/joining-forces-across-sectors/]" in lock
    assert "- meetings/joining-forces-across-sectors/" in lock

    built = build_site(project / "mkdocs.yml", project / "site")
    assert built.warnings == []
    assert built.html("meetings/joining-forces-across-sectors/").css_first("h3#business-as-a-partner") is not None
    assert "../../meetings/joining-forces-across-sectors/#business-as-a-partner" in built.file("themes/shared-purpose/").read_text(encoding="utf-8")
    assert "Joining forces across sectors" in built.html("meetings/").css_first("article").text()
