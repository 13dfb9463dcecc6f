#!/usr/bin/env python3
"""Command line for contributors: check the content, start a new meeting write-up, lock new links.

    python scripts/notes.py check
    python scripts/notes.py new "Title of the meeting"
    python scripts/notes.py lock
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_core import ContentErrors  # noqa: E402
from notes_core.lock import LOCK, render_lock  # noqa: E402
from notes_core.site import load_site  # noqa: E402
from notes_core.new_meeting import NewMeetingError, create_meeting  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/notes.py",
        description="Tools for the Joining Forces notes. Run from the repository's top folder.",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository folder (default: this one)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.add_parser("check", help="check every meeting file and data file; exit 1 and list every problem if any")
    new = commands.add_parser("new", help="create a meeting file with the next order number and placeholders to fill in")
    new.add_argument("title", help='the meeting\'s title, in quotes: "Joining forces across sectors"')
    new.add_argument("--series", default="joining-forces", help="series id from data/series.yml (default: joining-forces)")
    commands.add_parser("lock", help="add every new point id and page address to data/permalinks.yml (never removes one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root)
    if args.command == "lock":
        return lock(root)
    return new_meeting(root, args.title, args.series)


def check(root: Path) -> int:
    try:
        archive = load_site(root, "", "", render_check=True).archive
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    print(f"All good: {len(archive.meetings)} meetings, {len(archive.points)} key points, "
          f"{len(archive.themes)} themes, {len(archive.speakers)} speakers.")
    return 0


def new_meeting(root: Path, title: str, series: str) -> int:
    try:
        path = create_meeting(root, title, series)
    except NewMeetingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Created {path.relative_to(root).as_posix()}.")
    print("Replace every 'FILL IN' in it, then run `python scripts/notes.py check` until it says All good.")
    return 0


def lock(root: Path) -> int:
    try:
        site = load_site(root, "", "", check_permalinks=False)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    (root / LOCK).write_text(render_lock(site.lock, site.archive, set(site.page_uris)), encoding="utf-8")
    print(f"Updated {LOCK}: {len(site.archive.points)} points, {len(site.page_uris)} pages locked. Commit it with your change.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
