"""Drive Debian's Chromium with Playwright (never a downloaded browser)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from local_server import serve  # noqa: E402,F401 - re-exported for the tests

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_chromium() -> str:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        raise RuntimeError("Debian's Chromium is missing: run `apt-get install -y chromium` (make test and .ci/run do this as root)")
    return CHROMIUM
