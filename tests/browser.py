"""Drive Debian's Chromium with Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
from pathlib import Path

from local_server import serve  # noqa: F401 - re-exported for the tests (scripts/ is on the path: pyproject.toml)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_chromium() -> str:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: install Debian's Chromium with `apt-get install -y chromium` (make test and "
            ".ci/run do this as root)"
        )
    return CHROMIUM
