"""A small run of the benchmark, so it cannot rot. No timing is asserted: figures live in BENCHMARKS.md."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

KEYS = {
    "meetings",
    "pages",
    "build_s",
    "markdown_floor_s",
    "ratio",
    "script_s",
    "peak_mib",
    "largest_page_kb",
    "search_index_kb",
}


def test_benchmark_runs_at_ten_meetings(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--meetings", "10", "--no-empty", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout.splitlines()[0])
    assert set(row) >= KEYS
    assert row["meetings"] == 10
    kept = tmp_path / "meetings-10"
    assert len(list((kept / "docs" / "meetings").glob("*.md"))) == 10
    # The synthetic archive has the real content model: 60 themes, 400 speakers, about 8 points a meeting.
    assert (kept / "site" / "themes" / "theme-59" / "index.html").is_file()
    assert (kept / "site" / "speakers" / "speaker-399" / "index.html").is_file()
    points = json.loads((kept / "site" / "principles.json").read_text(encoding="utf-8"))["count"]
    assert 60 <= points <= 100
    assert row["pages"] > 10 + points
