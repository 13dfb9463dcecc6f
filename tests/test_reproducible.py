"""Two builds of the same commit are byte-identical."""

from __future__ import annotations

import hashlib
import os

from conftest import ROOT
from site_build import build_site


def digest(folder) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(site, tmp_path):
    again = build_site(ROOT / "mkdocs.yml", tmp_path / "again")
    first, second = digest(site.dir), digest(again.dir)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert os.environ.get("SOURCE_DATE_EPOCH", "").isdigit()  # taken from git by the hook


def test_dates_come_from_the_last_commit_not_the_clock(site):
    import datetime as dt
    import subprocess

    commit = int(
        subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True).stdout
    )
    header = (site.dir / "sitemap.xml.gz").read_bytes()[:8]
    assert int.from_bytes(header[4:8], "little") == commit - commit % 86400  # MkDocs keeps the day
    day = dt.datetime.fromtimestamp(commit, dt.UTC).date().isoformat()
    assert f"<lastmod>{day}</lastmod>" in (site.dir / "sitemap.xml").read_text(encoding="utf-8")
