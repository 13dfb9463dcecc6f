"""Lighthouse (mobile) scores of the home, a meeting, a theme, a speaker and a permanent page, via the repo's audit
script."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_lighthouse_meets_targets(notes_site):
    """On the notes fixture archive: the audit script names pages of the real notes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lighthouse_audit.py"), str(notes_site.dir)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    print(result.stdout)
    assert len(rows) == 5, result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    for row in rows:
        assert row["accessibility"] == row["best-practices"] == row["seo"] == 1.0
        assert row["performance"] >= 0.95
