"""In a pull request, the check speaks in GitHub's web UI: annotations on the lines, a job summary with the fixes."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, edit

from notes_core.check.github_report import error_annotations, job_summary
from notes_core.errors import ContentError


def test_annotations_are_workflow_commands_with_escaped_values():
    text = error_annotations([ContentError("docs/meetings/a,b.md", 7, "50% wrong:\nsee `x`")])
    assert text == "::error file=docs/meetings/a%2Cb.md,line=7,title=Content check::50%25 wrong:%0Asee `x`\n"


def test_summary_lists_each_problem_and_keeps_an_entry_to_paste_as_it_is():
    summary = job_summary(
        [ContentError("data/themes.yml", 3, "a | b <script> `c`; add:\n- id: x\n  name: X")], ("skipped",)
    )
    assert "- `data/themes.yml:3`: a | b &lt;script&gt; `c`; add:" in summary
    assert "  ```yaml\n  - id: x\n    name: X\n  ```" in summary
    assert summary.startswith("### Content check: 1 problem to fix") and "> Note: skipped" in summary


def test_the_check_annotates_the_lines_in_a_workflow(repo, tmp_path):
    edit(repo, "  - id: sally-young", "  - id: sally-yong")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(repo), "check"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    assert (
        "::error file=docs/meetings/levelling-up.md,line=9,title=Content check::speakers: unknown id 'sally-yong'"
        in result.stdout
    )
    assert "- `docs/meetings/levelling-up.md:9`: speakers: unknown id 'sally-yong'" in summary.read_text(
        encoding="utf-8"
    )
