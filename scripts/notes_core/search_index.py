"""The search index, written by Pagefind (https://pagefind.app) from the site's search records.

Each record becomes a small HTML document in a temporary folder (from an autoescaping template), and
Pagefind's program, installed with the site's requirements, indexes that folder into `pagefind/` in the
built site: an index split into chunks, so a reader's browser fetches only the parts a query needs. The
records say what is found; this file is the one that knows the engine.

A record's address and kind travel in its document's path, which Pagefind returns as the result's URL:
`point/meetings/levelling-up/act-in-small-places.html` is the point at meetings/levelling-up/#act-in-small-places,
`page/Theme/themes/shared-purpose.html` a theme's page. Not as Pagefind metadata, which it searches as words
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
from dataclasses import dataclass
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


@dataclass
class IndexRun:
    """Pagefind at work on the records, while the build goes on writing pages."""

    process: subprocess.Popen[str]
    folder: tempfile.TemporaryDirectory[str]
    output: Path
    titles: dict[str, str]

    def stop(self) -> None:
        """Abandon the run (the build failed, or a new build started)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.folder.cleanup()


def start_search_index(records: Sequence[SearchRecord], site_dir: Path) -> IndexRun:
    """Write the records' documents and start Pagefind on them, into site_dir/pagefind/; finish_search_index
    waits for it. Started as soon as every page is rendered, it runs while the pages are written."""
    program = pagefind_program()
    output = site_dir / FOLDER
    shutil.rmtree(output, ignore_errors=True)
    folder = tempfile.TemporaryDirectory(prefix="notes-search-")
    source = Path(folder.name)
    for record in records:
        target = source / record_path(record)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_document("search_record.html", {"record": record, "language": LANGUAGE}), "utf-8")
    command = [str(program), "--site", str(source), "--output-path", str(output)]
    command += ["--force-language", LANGUAGE, "--silent"]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    except OSError as error:
        folder.cleanup()
        raise SearchIndexError(f"Pagefind could not index the site: {error}") from None
    titles = {record.address.split("#", 1)[0]: record.context for record in records if record.kind == POINT}
    return IndexRun(process, folder, output, titles)


def finish_search_index(run: IndexRun) -> None:
    """Wait for Pagefind, then keep only what the browser needs, with the meetings' titles beside it."""
    try:
        said, _ = run.process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        run.stop()
        raise SearchIndexError(f"Pagefind did not finish indexing the site within {TIMEOUT_S} seconds") from None
    finally:
        run.folder.cleanup()
    output = run.output
    if run.process.returncode != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexError(
            f"Pagefind could not index the site (exit status {run.process.returncode}): " + said.strip()[-2000:]
        )
    (output / MEETING_TITLES).write_text(json.dumps(run.titles, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    for path in output.iterdir():
        if path.name not in KEPT and not path.name.endswith(".pf_meta") and path.name not in KEPT_FOLDERS:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def write_search_index(records: Sequence[SearchRecord], site_dir: Path) -> None:
    """Index the records into site_dir/pagefind/, replacing what an earlier build left there."""
    finish_search_index(start_search_index(records, site_dir))


def record_path(record: SearchRecord) -> str:
    """Where a record's document goes: its path is the result's URL, which javascripts/search.js reads back.
    A file per record, a folder only per meeting and per page folder (a folder per record is slow to make)."""
    if record.kind == POINT:
        page, anchor = record.address.split("#", 1)
        return f"point/{page}{anchor}.html"
    return f"page/{record.context}/{record.address.rstrip('/') or 'index'}.html"
