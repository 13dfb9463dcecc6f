"""Writing generated files that no page's Markdown links to (each key point's permanent page and its three citation
files: four files a point, tens of thousands in a large archive) straight into the built site, while the engine
renders the pages.

They are written by a process of their own, not a thread: a thread of this process must take Python's lock back
after every file it opens, and the engine's thread, busy rendering, gives it up only every few milliseconds, so a
thread wrote a large archive's files mostly after the engine was done. The files go to the process in one batch
file (an index of addresses and sizes, then the contents), in a private temporary folder that the process deletes.

Run as a program (`python writer.py BATCH SITE_DIR`) it is that process: only the standard library, no state."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

INDEX_END = b"\n"  # the batch file: one line of JSON ([[address, size], ...]), then the contents one after another


class OutputError(Exception):
    pass


class FileWriter:
    """Starts writing `files` (site address -> text) under `site_dir`; finish() waits and reports a failure."""

    def __init__(self, files: Mapping[str, str], site_dir: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="notes-files-"))  # readable by this user only
        batch = self.folder / "batch"
        contents = [content.encode("utf-8") for content in files.values()]
        index = json.dumps([[uri, len(data)] for uri, data in zip(files, contents, strict=True)]).encode("utf-8")
        with open(batch, "wb") as out:
            out.write(index + INDEX_END)
            out.write(b"".join(contents))
        self.process = subprocess.Popen(
            [sys.executable, "-I", __file__, str(batch), str(site_dir)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def finish(self) -> None:
        try:
            _, error = self.process.communicate()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
        if self.process.returncode != 0:
            reason = (
                error.decode("utf-8", "replace").strip() or f"the writer stopped with status {self.process.returncode}"
            )
            raise OutputError(f"could not write the permanent pages into the site: {reason}")

    def stop(self) -> None:
        self.process.kill()
        self.process.communicate()
        shutil.rmtree(self.folder, ignore_errors=True)


def write_batch(batch: Path, site_dir: Path) -> None:
    """Every file of the batch under site_dir, then the batch deleted."""
    with open(batch, "rb") as source:
        index = json.loads(source.readline())
        made: set[str] = set()
        root = str(site_dir)
        for uri, size in index:
            folder = os.path.dirname(uri)
            if folder not in made:
                os.makedirs(os.path.join(root, folder), exist_ok=True)
                made.add(folder)
            with open(os.path.join(root, uri), "wb") as target:
                target.write(source.read(size))
    os.remove(batch)


if __name__ == "__main__":
    try:
        write_batch(Path(sys.argv[1]), Path(sys.argv[2]))
    except OSError as problem:
        print(problem, file=sys.stderr)
        sys.exit(1)
