"""The "Submit a write-up" issue form, as GitHub sends it in an `issues` event: its fields read as data.

GitHub writes a form's answers into the issue's body as `### <label>` sections. Nothing of the body is ever
run, interpolated or used as a name: the branch, the file and the pull request's title are made from the
meeting's slug (lowercase letters, digits and hyphens, checked) and the issue's number (an integer).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

MAX_EVENT_BYTES = 2_000_000  # GitHub caps an issue's body at 65,536 characters
FIELDS = {
    "Meeting title": "title",
    "The question the meeting discussed": "question",
    "Date of the meeting, if the notes give it": "date",
    "The notes": "notes",
    "Permission": "permission",
}
SECTION = re.compile(r"^### (.+?)\s*$", re.M)
NO_RESPONSE = "_No response_"


class IssueFormError(Exception):
    pass


@dataclass(frozen=True)
class SubmittedWriteup:
    number: int
    title: str
    question: str
    date: str
    notes: str


def read_event(file: Path) -> SubmittedWriteup:
    if file.stat().st_size > MAX_EVENT_BYTES:
        raise IssueFormError("the event is larger than any issue can be; refused")
    try:
        event = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise IssueFormError(f"the event is not JSON: {error}") from error
    issue = event.get("issue") if isinstance(event, dict) else None
    if not isinstance(issue, dict) or not isinstance(issue.get("number"), int) or isinstance(issue.get("number"), bool):
        raise IssueFormError("the event has no issue with a number; run this on an `issues` event")
    body = issue.get("body")
    if not isinstance(body, str) or not body.strip():
        raise IssueFormError(f"issue #{issue['number']} has no text; was it made with the 'Submit a write-up' form?")
    return parse_form(int(issue["number"]), body)


def parse_form(number: int, body: str) -> SubmittedWriteup:
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    fields: dict[str, str] = {}
    sections = list(SECTION.finditer(body))
    for index, section in enumerate(sections):
        name = FIELDS.get(section.group(1).strip())
        if name is None or name in fields:
            continue
        end = sections[index + 1].start() if index + 1 < len(sections) else len(body)
        # The notes may hold lines starting `### ` of their own: a later section that is not a field continues them.
        if name == "notes":
            later = [s for s in sections[index + 1 :] if FIELDS.get(s.group(1).strip()) == "permission"]
            end = later[0].start() if later else len(body)
        value = body[section.end() : end].strip("\n")
        fields[name] = "" if value.strip() == NO_RESPONSE else value.strip()
    if not fields.get("notes"):
        raise IssueFormError(
            f"issue #{number} has no '### The notes' section; was it made with the 'Submit a write-up' form?"
        )
    if not re.search(r"- \[[xX]\]", fields.get("permission", "")):
        raise IssueFormError(f"issue #{number}: the permission to publish is not ticked; ask the submitter first")
    date = fields.get("date", "")
    date = date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
    return SubmittedWriteup(
        number, one_line(fields.get("title", "")), one_line(fields.get("question", "")), date, fields["notes"]
    )


def one_line(value: str) -> str:
    return " ".join(value.split())[:300]
