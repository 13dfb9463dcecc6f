"""axe-core in a real browser, with the rules this site holds to: WCAG 2.2 AA and axe's best practices.

axe-core is the version package.json pins (node_modules/axe-core), not the one bundled with the Python wrapper,
so that its rules (target-size among them) change only when the pin does."""

from __future__ import annotations

import json
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
AXE_CORE = ROOT / "node_modules" / "axe-core"
AXE_VERSION = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def pinned_axe() -> Axe:
    installed = json.loads((AXE_CORE / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == AXE_VERSION, f"node_modules has axe-core {installed}, package.json pins {AXE_VERSION}: npm ci"
    return Axe(axe_script=(AXE_CORE / "axe.min.js").read_text(encoding="utf-8"))


def axe_violations(page: Page) -> list[tuple[str, list]]:
    """Each rule the page breaks, with up to three of the elements that break it."""
    axe = pinned_axe()
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert results.response["testEngine"]["version"] == AXE_VERSION
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
