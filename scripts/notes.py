#!/usr/bin/env python3
"""Command line for contributors: check the content, start a new meeting write-up, list what is published.

python scripts/notes.py check
python scripts/notes.py new "Title of the meeting"
python scripts/notes.py published [--json]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_core import ContentErrors
from notes_core.authoring.new_meeting import NewMeetingError, create_meeting
from notes_core.build.site import load_site
from notes_core.check.github_report import error_annotations, job_summary
from notes_core.permalinks.published import published_now, published_to_json
from notes_core.permalinks.published_base import code_changes
from notes_core.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/notes.py",
        description="Tools for the Joining Forces notes. Run from the repository's top folder.",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository folder (default: this one)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.add_parser("check", help="check every meeting file and data file; exit 1 and list every problem if any")
    new = commands.add_parser(
        "new", help="create a meeting file with the next order number and placeholders to fill in"
    )
    new.add_argument("title", help='the meeting\'s title, in quotes: "Joining forces across sectors"')
    new.add_argument(
        "--series", default="joining-forces", help="series id from data/series.yml (default: joining-forces)"
    )
    published = commands.add_parser(
        "published",
        help="list the point ids and page addresses this copy publishes (the check reads main's list this way)",
    )
    published.add_argument("--json", action="store_true", help="print them as JSON, as the check reads them")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root)
    if args.command == "published":
        return list_published(root, args.json)
    return new_meeting(root, args.title, args.series)


def check(root: Path) -> int:
    try:
        site = load_site(load_settings(root, site_url=""), render_check=True)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        report_to_github(errors.errors, errors.notes)
        return 1
    notes = site.notes + code_note(root)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    report_to_github([], notes)
    archive = site.archive
    print(
        f"All good: {len(archive.meetings)} meetings, {len(archive.points)} key points, "
        f"{len(archive.themes)} themes, {len(archive.speakers)} speakers."
    )
    return 0


def code_note(root: Path) -> tuple[str, ...]:
    """A change to the site's code is not content: the check runs that very code, so it cannot vouch for it."""
    changed = code_changes(root)
    if not changed:
        return ()
    shown = ", ".join(changed[:8]) + (f" and {len(changed) - 8} more" if len(changed) > 8 else "")
    return (
        f"this change edits the site's code ({shown}); the content check cannot vouch for code, "
        "so a maintainer must review it before merging (see README: Maintainers)",
    )


def report_to_github(errors: list, notes: tuple[str, ...]) -> None:
    """In a GitHub workflow: annotations on the changed lines, and a summary of the run."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    sys.stdout.write(error_annotations(errors))
    sys.stdout.write("".join(f"::warning title=Content check::{note}\n" for note in notes if "site's code" in note))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(job_summary(errors, notes))


def new_meeting(root: Path, title: str, series: str) -> int:
    try:
        path = create_meeting(load_settings(root), title, series)
    except NewMeetingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Created {path.relative_to(root).as_posix()}.")
    print(
        "Replace every 'FILL IN' in it, then run `make check` until it says All good (`make serve` shows the page as "
        "you write)."
    )
    return 0


def list_published(root: Path, as_json: bool) -> int:
    """What this copy publishes. Never compares with main, so that main can be asked it."""
    try:
        site = load_site(load_settings(root, site_url=""), check_published_links=False)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    published = published_now(site.archive, site.page_uris, site.redirects)
    if as_json:
        print(published_to_json(published))
        return 0
    print(f"{len(published.points)} point ids (/p/<id>/), {len(published.point_redirects)} of them retired:")
    print("".join(f"  {ident}\n" for ident in sorted(published.points)), end="")
    print(f"{len(published.pages)} pages:")
    print("".join(f"  {address or '(the home page)'}\n" for address in sorted(published.pages)), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
