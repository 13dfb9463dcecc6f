"""Drive Debian's Chromium with Playwright (never a downloaded browser)."""

from __future__ import annotations

# Re-exported for the tests (scripts/ is on the path: pyproject.toml).
from chromium import CHROMIUM, FLAGS, require_chromium  # noqa: F401
from local_server import serve  # noqa: F401
