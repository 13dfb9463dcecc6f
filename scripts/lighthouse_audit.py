#!/usr/bin/env python3
"""Lighthouse (mobile) on the built site, served on loopback like a static host.

    python scripts/lighthouse_audit.py site/            # after `make build`
Prints one JSON line per page with the four category scores; exits 1 when a page is
below the targets (performance 0.95, accessibility, best practices and SEO 1.0).
Lighthouse 12.2.3 comes from npm (package.json); Chromium is Debian's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chromium import CHROMIUM, FLAGS
from local_server import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# The home, a meeting, a theme, a speaker and a key point's permanent page (where readers arrive from reports).
PAGES = ["", "meetings/systems-leadership/", "themes/power-and-inequality/", "speakers/cate-newnes-smith/", "p/vest/"]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
CHROME_FLAGS = " ".join(FLAGS)


def audit(url: str, chromium: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--only-categories=" + ",".join(TARGETS),
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": chromium},
            timeout=180,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: data["categories"][name]["score"] for name in TARGETS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--pages", nargs="*", default=PAGES, help="page addresses to audit")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` (make test does).", file=sys.stderr)
        return 1
    failed = False
    with serve(args.site) as base:
        for page in args.pages:
            scores = audit(base + page, args.chromium)
            below = {k: v for k, v in scores.items() if v is None or v < TARGETS[k]}
            failed |= bool(below)
            print(json.dumps({"page": "/" + page, **scores, "below_target": sorted(below)}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
