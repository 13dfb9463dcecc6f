"""Writing generated files that no page's Markdown links to (each key point's permanent page and citation files:
three files a point) straight into the built site, in a thread of their own while the engine renders the pages.
Handed to the engine one by one, they took a sixth of a large build; written here, the writing overlaps it."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path


class OutputError(Exception):
    pass


class FileWriter:
    def __init__(self, files: Mapping[str, str], site_dir: Path) -> None:
        self.error: Exception | None = None
        self.stopped = False
        self.thread = threading.Thread(target=self._write, args=(dict(files), site_dir), daemon=True)
        self.thread.start()

    def _write(self, files: dict[str, str], site_dir: Path) -> None:
        made: set[Path] = set()
        try:
            for uri, content in files.items():
                if self.stopped:
                    return
                target = site_dir / uri
                if target.parent not in made:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made.add(target.parent)
                target.write_bytes(content.encode("utf-8"))
        except OSError as error:  # reported by finish(), in the build's own thread
            self.error = error

    def finish(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise OutputError(f"could not write the permanent pages into the site: {self.error}")

    def stop(self) -> None:
        self.stopped = True
        self.thread.join()
