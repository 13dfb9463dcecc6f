"""The search index, written by Pagefind (https://pagefind.app) from the site's search records.

Each record becomes a small HTML document in a temporary folder (from an autoescaping template), and
Pagefind's program, installed with the site's requirements, indexes that folder into `pagefind/` in the
built site: an index split into chunks, so a reader's browser fetches only the parts a query needs. The
records say what is found; this file is the one that knows the engine.

A record's address and kind travel in its document's path, which Pagefind returns as the result's URL:
`point/meetings/levelling-up/act-in-small-places/` is the point at meetings/levelling-up/#act-in-small-places,
`page/Theme/themes/shared-purpose/` a theme's page. Not as Pagefind metadata, which it searches as words
(a meeting's title would match every point of the meeting), nor as filters, whose values it writes in a
different order on every run (two builds of one commit must be identical). One filter with one value marks
the key points, so a query asks for points and for pages apart. The meetings' titles, shown under each
point, are one small file beside the index (MEETING_TITLES), fetched with the first query.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .render.documents import render_document
from .search_records import POINT, SearchRecord

FOLDER = "pagefind"  # in the built site; javascripts/search.js loads pagefind/pagefind.js from it
MEETING_TITLES = "meeting-titles.json"  # in FOLDER: each meeting page's address and title
LANGUAGE = "en"
# What the browser needs; Pagefind also writes its own ready-made interfaces, which this site does not use.
KEPT = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", f"wasm.{LANGUAGE}.pagefind", MEETING_TITLES)
KEPT_FOLDERS = ("index", "fragment", "filter")
TIMEOUT_S = 600


class SearchIndexError(Exception):
    """The index could not be written; the message says why and what to do."""


def pagefind_program() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise SearchIndexError(
            "Pagefind, which writes the search index, is not installed: run `make serve` or `make build`, which "
            "install the site's requirements (requirements.txt)"
        ) from None
    return Path(str(get_executable()))


def write_search_index(records: Sequence[SearchRecord], site_dir: Path) -> None:
    """Index the records into site_dir/pagefind/, replacing what an earlier build left there."""
    program = pagefind_program()
    output = site_dir / FOLDER
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="notes-search-") as folder:
        source = Path(folder) / "records"
        source.mkdir()
        for record in records:
            target = source / record_path(record)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_document("search_record.html", {"record": record, "language": LANGUAGE}), "utf-8")
        command = [str(program), "--site", str(source), "--output-path", str(output)]
        command += ["--force-language", LANGUAGE, "--silent"]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SearchIndexError(f"Pagefind could not index the site: {error}") from None
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexError(
            f"Pagefind could not index the site (exit status {result.returncode}): "
            + (result.stderr or result.stdout).strip()[-2000:]
        )
    titles = {record.address.split("#", 1)[0]: record.context for record in records if record.kind == POINT}
    (output / MEETING_TITLES).write_text(json.dumps(titles, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    for path in output.iterdir():
        if path.name not in KEPT and not path.name.endswith(".pf_meta") and path.name not in KEPT_FOLDERS:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def record_path(record: SearchRecord) -> str:
    """Where a record's document goes: its path is the result's URL, which javascripts/search.js reads back."""
    if record.kind == POINT:
        page, anchor = record.address.split("#", 1)
        return f"point/{page}{anchor}/index.html"
    return f"page/{record.context}/{record.address}index.html"
