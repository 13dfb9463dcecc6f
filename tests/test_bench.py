"""Small runs of the benchmark, so it cannot rot. No timing is asserted: figures live in BENCHMARKS.md."""

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
    "search_engine",
    "search_index_kb",
    "plain_material_s",
    "over_plain_material",
    "own_code_share",
}
# Per search variant (the project's own search, and Material's for comparison), with --search.
SEARCH_KEYS = {
    "build_s",
    "engine",
    "search_index_kb",
    "search_load_kb",
    "search_first_query_kb",
    "search_total_kb",
    "first_results_ms_cold",
    "first_results_ms_warm",
}
POSITIVE = ["build_s", "search_index_kb", "search_total_kb", "first_results_ms_cold", "first_results_ms_warm"]


def run_bench(*arguments: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--meetings", "10", "--no-real", *arguments],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[0])


def test_benchmark_runs_at_ten_meetings(tmp_path):
    row = run_bench("--keep", str(tmp_path))
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


def test_benchmark_measures_both_searches_in_a_browser():
    """The project's search and Material's, each built and searched in Chromium in the same run."""
    row = run_bench("--search", "--search-runs", "1", "--typing-ms", "30", "--builds", "1")
    assert set(row) >= KEYS
    assert set(row["search"]) == {"project", "material"}
    assert row["search"]["material"]["engine"] == "material"
    assert row["search"]["project"]["engine"] == "pagefind"
    for variant, figures in row["search"].items():
        assert set(figures) >= SEARCH_KEYS, variant
        for key in POSITIVE:
            assert figures[key] > 0, (variant, key, figures[key])
        assert figures["search_load_kb"] >= 0 and figures["search_first_query_kb"] >= 0
    assert row["search"]["project"]["engine"] == row["search_engine"]
    assert row["search"]["project"]["build_s"] == row["build_s"]
