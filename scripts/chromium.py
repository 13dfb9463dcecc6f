"""Debian's Chromium, driven by Playwright (never a downloaded browser): its path and flags, one home for the
browser tests, the Lighthouse audit and the search benchmark."""

from __future__ import annotations

import os
from pathlib import Path

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
