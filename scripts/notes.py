#!/usr/bin/env python3
"""Command line for contributors: check the content, start a new meeting write-up, list what is published.

python scripts/notes.py check
python scripts/notes.py new "Title of the meeting"
python scripts/notes.py import PATH [--output FILE]
python scripts/notes.py published [--json]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_core import ContentErrors
from notes_core.authoring.import_writeup import ImportResult, import_read_writeup, import_writeup
from notes_core.authoring.issue_form import IssueFormError, read_event
from notes_core.authoring.new_meeting import NewMeetingError, create_meeting
from notes_core.build.site import load_site
from notes_core.check.github_report import annotation, error_annotations, job_summary
from notes_core.errors import ON_GITHUB
from notes_core.permalinks.published import published_now, published_to_json
from notes_core.permalinks.published_base import code_changes
from notes_core.read.writeup_parts import WriteupError
from notes_core.read.writeup_text import parse_text
from notes_core.safety.log_text import log_text, one_line
from notes_core.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def on_github() -> bool:
    """In a GitHub workflow: a contributor there checks again by committing, not with `make check`."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


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
    imported = commands.add_parser(
        "import",
        help="turn a circulated write-up (.txt, a pasted email, .md, .docx or .eml) into a draft meeting file",
    )
    imported.add_argument("path", type=Path, help="the write-up's file")
    imported.add_argument("--output", type=Path, help="where to write the draft (default: docs/meetings/<title>.md)")
    imported.add_argument(
        "--series", default="joining-forces", help="series id from data/series.yml (default: joining-forces)"
    )
    imported.add_argument("--title", default="", help="the meeting's title, if the write-up does not give it")
    imported.add_argument("--question", default="", help="the question discussed, if the write-up does not give it")
    from_issue = commands.add_parser(
        "import-issue",
        help="import the write-up of a 'Submit a write-up' issue from a GitHub `issues` event (the import workflow)",
    )
    from_issue.add_argument("event", type=Path, help="the event's JSON file ($GITHUB_EVENT_PATH)")
    from_issue.add_argument("--outputs", type=Path, help="append slug, path, branch and title here ($GITHUB_OUTPUT)")
    from_issue.add_argument("--body", type=Path, help="write the pull request's description here")
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
    if args.command == "import":
        return import_file(root, args.path, args.output, args.series, args.title, args.question)
    if args.command == "import-issue":
        return import_issue(root, args.event, args.outputs, args.body)
    return new_meeting(root, args.title, args.series)


def check(root: Path) -> int:
    try:
        site = load_site(load_settings(root, site_url=""), render_check=True)
    except ContentErrors as errors:
        print(errors.report(on_github()), file=sys.stderr)
        report_to_github(errors.errors, errors.notes)
        return 1
    notes = site.notes + code_note(root)
    for note in notes:
        print(f"note: {one_line(note)}", file=sys.stderr)
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
    if not on_github():
        return
    sys.stdout.write(error_annotations(errors))
    sys.stdout.write("".join(annotation("warning", one_line(note)) for note in notes if "site's code" in note))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(job_summary(errors, notes))


def new_meeting(root: Path, title: str, series: str) -> int:
    try:
        path = create_meeting(load_settings(root), title, series)
    except NewMeetingError as error:
        print(f"error: {one_line(str(error))}", file=sys.stderr)
        return 1
    print(f"Created {path.relative_to(root).as_posix()}.")
    print(
        "Replace every 'FILL IN' in it, then run `make check` until it says All good (`make serve` shows the page as "
        "you write)."
    )
    return 0


def import_file(root: Path, path: Path, output: Path | None, series: str, title: str, question: str) -> int:
    settings = load_settings(root)
    try:
        result = import_writeup(settings, path, output, series, title, question, shown=path.as_posix())
    except WriteupError as error:
        print(f"error: {one_line(str(error))}", file=sys.stderr)
        return 1
    print(log_text(import_report(root, result)))  # the issue's text, in a CI log
    return report_check(root, result)


def import_report(root: Path, result: ImportResult) -> str:
    """What the import did, what it left out and what it proposes: said to the contributor."""
    draft = result.draft
    shown = result.path.relative_to(root).as_posix() if result.path.is_relative_to(root) else result.path.as_posix()
    points = draft.points
    lines = [
        f"Created {shown}: '{draft.title}', {len(points)} key points, {len(draft.speakers)} speakers.",
        "Every key point's themes are suggestions (from the archive's most similar points), marked FILL IN to confirm.",
    ]
    if draft.left_out:
        lines.append(
            f"Left out as not part of the write-up ({len(draft.left_out)} lines; listed at the top of the file):"
        )
        lines += [f"  line {item.line or '-'} ({item.why}): {item.text[:100]}" for item in draft.left_out[:40]]
    already = [point for point in points if point.already]
    for point in already:
        twin, file = point.already or ("", "")
        lines.append(
            f"Point '{point.ident}' has the words of point '{twin}' ({file}), already on the site: a `twin:` line is "
            "proposed under it (see its FILL IN), or delete it if the write-up repeats it by mistake."
        )
    if points and len(already) == len(points):
        lines.append("Every key point of this write-up is already on the site: was it imported before?")
    for spelling, ident in draft.fuzzy_names:
        lines.append(f"'{spelling}' was taken to be {ident}; add the spelling under its aliases in data/speakers.yml")
    lines += [f"  {change}" for change in result.registry_changes]
    for proposal in result.proposals:
        lines.append(f"Add these entries if the draft joins the site:\n{proposal}")
    lines += [f"note: {note}" for note in draft.notes]
    return "\n".join(lines)


def report_check(root: Path, result: ImportResult) -> int:
    """The draft is checked as a hand-written file is: what is left is only its FILL INs, or the check says what."""
    try:
        load_site(load_settings(root, site_url=""), render_check=True)
    except ContentErrors as errors:
        placeholders = [e for e in errors.errors if e.message.startswith("placeholder")]
        others = [e for e in errors.errors if not e.message.startswith("placeholder")]
        print(f"\n`make check` now reports {len(placeholders)} FILL IN(s) to replace:")
        print("\n".join(f"  {one_line(e.path)}:{e.line}" for e in placeholders))
        if others:
            print(f"\nand {len(others)} other problem(s):", file=sys.stderr)
            print("\n".join(str(e) for e in others), file=sys.stderr)
            return 1
        if on_github():
            print(f"Replace them on GitHub: {ON_GITHUB}, until it says All good.")
        else:
            print(
                "Replace them (`make serve` shows the page as you write), then run `make check` until it says All good."
            )
        return 0
    print("`make check` finds nothing to do.")
    return 0


def import_issue(root: Path, event: Path, outputs: Path | None, body: Path | None) -> int:
    """The import workflow's step: the issue's text is only ever data, and every name is made from the slug."""
    settings = load_settings(root)
    try:
        submitted = read_event(event)
        writeup = parse_text(submitted.notes, f"issue #{submitted.number}")
        result = import_read_writeup(
            settings, writeup, title_hint=submitted.title, question_hint=submitted.question, date=submitted.date
        )
    except (IssueFormError, WriteupError) as error:
        print(f"error: {one_line(str(error))}", file=sys.stderr)
        return 1
    print(log_text(import_report(root, result)))  # the issue's text, in a CI log
    slug = result.slug
    values = {
        "slug": slug,
        "path": result.path.relative_to(root).as_posix(),
        "branch": f"write-up/{slug}-{submitted.number}",
        "title": f"Draft write-up: {slug} (from issue #{submitted.number})",
        "issue": str(submitted.number),
    }
    if outputs is not None:
        with outputs.open("a", encoding="utf-8") as handle:
            handle.write("".join(f"{key}={value}\n" for key, value in values.items()))
    if body is not None:
        body.write_text(pull_request_body(submitted.number, import_report(root, result)), encoding="utf-8")
    return 0


def pull_request_body(number: int, report: str) -> str:
    """The report indented as code: nothing from the issue becomes a link, a mention or a picture."""
    shown = "\n".join("    " + line for line in report.splitlines())
    return (
        f"Imported from #{number} by the import workflow, as a draft to finish.\n\n"
        "To do: replace every `FILL IN` (the check's report below and on this pull request says where), confirm the "
        "suggested themes and what was left out, then mark the pull request ready for review. Pushing a commit to "
        "this branch runs the usual checks.\n\n"
        f"What the import did:\n\n{shown}\n"
    )


def list_published(root: Path, as_json: bool) -> int:
    """What this copy publishes. Never compares with main, so that main can be asked it."""
    try:
        site = load_site(load_settings(root, site_url=""), check_published_links=False)
    except ContentErrors as errors:
        print(errors.report(on_github()), file=sys.stderr)
        return 1
    published = published_now(site.archive, site.page_uris, site.redirects)
    if as_json:
        print(published_to_json(published))
        return 0
    print(f"{len(published.points)} point ids (/p/<id>/), {len(published.point_redirects)} of them retired:")
    print(log_text("".join(f"  {ident}\n" for ident in sorted(published.points))), end="")
    print(f"{len(published.pages)} pages:")
    print(log_text("".join(f"  {address or '(the home page)'}\n" for address in sorted(published.pages))), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
