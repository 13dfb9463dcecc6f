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
the pages (fewer than the points, so the filter file is small), so a query asks for points and for pages
apart. A meeting's title, shown under each of its points, is a file of its own beside the index
(MEETING_TITLES/<meeting page>.json), fetched for the results shown.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from notes_core.addresses import SEARCH_FOLDER
from notes_core.documents import render_document
from notes_core.search.records import POINT, SearchRecord

FOLDER = SEARCH_FOLDER.rstrip("/")  # in the built site; javascripts/search.js loads pagefind/pagefind.js from it
MEETING_TITLES = "meeting-titles"  # in FOLDER: a meeting's title, as JSON, in <folder>/<meeting page>.json
LANGUAGE = "en"
# What the browser needs; Pagefind also writes its ready-made interfaces and its worker (a second copy of the
# engine), which this site does not use: javascripts/search.js runs the engine in the page.
KEPT = ("pagefind.js", "pagefind-entry.json", f"wasm.{LANGUAGE}.pagefind", MEETING_TITLES)
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


class IndexRun:
    """Pagefind at work on the records, in a thread of its own, while the build goes on writing pages: the
    records' documents are written to a temporary folder, then Pagefind's program indexes them."""

    def __init__(self, records: Sequence[SearchRecord], site_dir: Path) -> None:
        self.program = pagefind_program()
        self.output = site_dir / FOLDER
        shutil.rmtree(self.output, ignore_errors=True)
        self.titles = {r.address.split("#", 1)[0]: r.context for r in records if r.kind == POINT}
        self.process: subprocess.Popen[str] | None = None
        self.said: str = ""
        self.error: Exception | None = None
        self.stopped = False
        self.thread = threading.Thread(target=self._index, args=(list(records),), daemon=True)
        self.thread.start()

    def _index(self, records: list[SearchRecord]) -> None:
        try:
            with tempfile.TemporaryDirectory(prefix="notes-search-", dir=memory_folder()) as folder:
                for record in records:
                    target = Path(folder) / record_path(record)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    document = render_document("search_record.html", {"record": record, "language": LANGUAGE})
                    target.write_text(document, encoding="utf-8")
                if self.stopped:
                    return
                command = [str(self.program), "--site", folder, "--output-path", str(self.output)]
                command += ["--force-language", LANGUAGE, "--silent"]
                self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                self.said = self.process.communicate()[0]
        except Exception as error:  # reported by finish_search_index, in the build's own thread
            self.error = error

    def stop(self) -> None:
        """Abandon the run (the build failed, or a new build started)."""
        self.stopped = True
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        self.thread.join()


def memory_folder() -> str | None:
    """Where the records' documents go for Pagefind to read: a folder in memory where the system has one (Linux's
    /dev/shm), so that thousands of small files do not wait on the disk the site is written to; else the system's
    temporary folder."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def start_search_index(records: Sequence[SearchRecord], site_dir: Path) -> IndexRun:
    """Start indexing the records into site_dir/pagefind/; finish_search_index waits for it. Started as soon as
    every page is rendered, it runs while the theme writes the pages."""
    return IndexRun(records, site_dir)


def finish_search_index(run: IndexRun) -> None:
    """Wait for Pagefind, then keep only what the browser needs, with the meetings' titles beside it."""
    run.thread.join(TIMEOUT_S)
    if run.thread.is_alive():
        run.stop()
        raise SearchIndexError(f"Pagefind did not finish indexing the site within {TIMEOUT_S} seconds")
    if run.error is not None:
        raise SearchIndexError(f"Pagefind could not index the site: {run.error}")
    output, status = run.output, run.process.returncode if run.process else None
    if status != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind could not index the site (exit status {status}): " + run.said.strip()[-2000:])
    for page, title in run.titles.items():
        target = output / meeting_title_path(page)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(title, ensure_ascii=False), encoding="utf-8")
    for path in output.iterdir():
        if path.name not in KEPT and not path.name.endswith(".pf_meta") and path.name not in KEPT_FOLDERS:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def record_path(record: SearchRecord) -> str:
    """Where a record's document goes: its path is the result's URL, which javascripts/search.js reads back.
    A file per record, a folder only per meeting and per page folder (a folder per record is slow to make)."""
    if record.kind == POINT:
        page, anchor = record.address.split("#", 1)
        return f"point/{page}{anchor}.html"
    return f"page/{record.context}/{record.address.rstrip('/') or 'index'}.html"


def meeting_title_path(page: str) -> str:
    """The file of a meeting's title, in the index's folder: meetings/levelling-up/ -> meeting-titles/meetings/
    levelling-up.json (javascripts/search.js asks for it by the point's page)."""
    return f"{MEETING_TITLES}/{page.rstrip('/')}.json"
