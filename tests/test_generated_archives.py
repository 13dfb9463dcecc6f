"""The suite's logic on archives that hypothesis makes (tests/generated_archives.py), so that no test asks the
live content for a shape: whatever valid meetings a contributor adds, the check accepts them, the strict build
makes the same kinds of pages the golden files pin, every invariant of the generated pages holds, every sentence
is on its meeting page, and search finds every key point first by words of its own.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from archives import NOTES, copy_project, load
from conftest import ROOT
from generated_archives import ONE_SENTENCE, THREE_SHORT_POINTS, archives, write_archive
from hypothesis import HealthCheck, example, given, settings
from invariants import INVARIANTS
from searching import search_every_point
from site_build import build_site
from test_golden import golden_name, rendered_archive

GOLDEN = ROOT / "tests" / "golden" / NOTES.name


def shape(name: str, archive) -> str:
    """A generated page's name with the archive's own ids in it replaced by their kind."""
    ids = {
        "meeting": [m.slug for m in archive.meetings],
        "point": list(archive.points),
        "speaker": list(archive.speakers),
        "theme": list(archive.themes),
    }
    for kind, values in ids.items():
        for value in sorted(values, key=len, reverse=True):
            name = re.sub(rf"(?<=__){re.escape(value)}(?=__|\.)", f"<{kind}>", name)
    return name


def golden_shapes() -> set[str]:
    return {shape(path.name, load(NOTES)) for path in GOLDEN.iterdir()}


def page_text(site, slug: str) -> str:
    return " ".join(site.html(f"meetings/{slug}/").css_first("article").text().split())


@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
@example(meetings=ONE_SENTENCE)
@example(meetings=THREE_SHORT_POINTS)
@given(meetings=archives())
def test_any_valid_archive_passes_the_suite(browser, meetings):
    with tempfile.TemporaryDirectory() as folder:
        archive_dir = write_archive(meetings, Path(folder) / "archive")
        project = copy_project(archive_dir, Path(folder) / "project")
        check = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(project), "check"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert check.returncode == 0, check.stderr
        site = build_site(project / "mkdocs.yml", Path(folder) / "site")
        assert site.warnings == []
        archive = load(archive_dir)

        for invariant in INVARIANTS:
            invariant(site, archive)

        pages = rendered_archive(archive)
        assert {shape(golden_name(uri), archive) for uri in pages} <= golden_shapes()

        for meeting, written in zip(archive.meetings, meetings, strict=True):
            text = page_text(site, meeting.slug)
            for point in written.points:
                for sentence in point.sentences + point.items:
                    assert sentence in text, (meeting.slug, sentence)

        count, missed = search_every_point(browser, site.dir)
        assert count == len(archive.points)
        assert missed == []
