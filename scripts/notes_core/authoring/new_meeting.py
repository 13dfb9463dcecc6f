"""Start a new meeting file, with placeholders that `check` rejects until they are replaced."""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify

from notes_core.addresses import meeting_page
from notes_core.check.fields import ID_PATTERN
from notes_core.check.placeholders import PLACEHOLDER
from notes_core.settings import Settings

ORDER = re.compile(r"^order:\s*(\d+)\s*$", re.M)
SERIES = re.compile(r"^series:\s*['\"]?([a-z0-9-]+)", re.M)

TEMPLATE = """---
title: "{title}"
question: "{fill}: the question the meeting discussed, copied from the notes"
series: {series}
order: {order}
# date: 2025-01-31   (optional; only if the write-up gives the date)
speakers:
  - id: {fill}-speaker-id
    role: "{fill}: the speaker's role as the notes give it, or delete this line"
themes:
  - {fill}-theme-id
summary: "{fill}: one sentence saying what the meeting was about"
---

{fill}: the introduction from the write-up (the question, who spoke).

## Key points

### {fill}: a short title for the first point {{#{fill}-point-id}}
themes: {fill}-theme-id

{fill}: the text of the point, copied exactly from the write-up.
"""


class NewMeetingError(Exception):
    pass


def create_meeting(settings: Settings, title: str, series: str) -> Path:
    title = title.strip()
    if not title:
        raise NewMeetingError('give the meeting a title, e.g. make new TITLE="Joining forces across sectors"')
    slug = slugify(title, "-")
    if not ID_PATTERN.match(slug or ""):
        raise NewMeetingError(f"cannot make a file name from the title '{title}'; use letters and numbers")
    meetings = settings.meetings_dir
    path = settings.docs_dir / meeting_page(slug)
    if path.exists():
        raise NewMeetingError(
            f"{path.relative_to(settings.root).as_posix()} already exists; choose another title or edit that file"
        )
    order = next_order(meetings, series)
    fill = PLACEHOLDER.replace(" ", "-").lower()
    text = TEMPLATE.format(title=title.replace('"', "'"), series=series, order=order, fill=PLACEHOLDER)
    text = text.replace(f"{PLACEHOLDER}-", f"{fill}-")
    meetings.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def next_order(meetings: Path, series: str) -> int:
    """One more than the highest order in the series (read loosely: the file may be unfinished)."""
    highest = 0
    for file in meetings.glob("*.md"):
        if not file.is_file():
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        found_series = SERIES.search(text)
        found_order = ORDER.search(text)
        if found_order and (not found_series or found_series.group(1) == series):
            highest = max(highest, int(found_order.group(1)))
    return highest + 1
