"""Turn what was read into the model, recording every broken rule as a ContentError."""
from __future__ import annotations

import datetime as dt
import re

from .errors import ContentError, new_entry, suggest
from .fields import ID_PATTERN, check_fields, check_id, check_text, line_of, text_problem
from .meeting_file import RawMeeting, RawPoint
from .model import Meeting, Point, Series, Speaker, SpeakerRole, Theme

MEETING_FIELDS = {"title", "question", "series", "order", "date", "speakers", "themes", "summary"}
PLACEHOLDER = "FILL IN"
PLACEHOLDER_LINE = re.compile(r"fill[ -]in", re.I)


def check_placeholders(text: str, path: str, errors: list[ContentError]) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if PLACEHOLDER_LINE.search(line):
            errors.append(ContentError(path, number, f"placeholder '{PLACEHOLDER}' left in; replace it (and any 'fill-in-...' id) with the real text or id from the write-up"))


def build_meeting(raw: RawMeeting, themes: dict[str, Theme], speakers: dict[str, Speaker], series: dict[str, Series], errors: list[ContentError]) -> Meeting | None:
    path, front = raw.path, raw.front
    where = line_of(front, raw.front_line)
    count = len(errors)
    check_id(raw.slug, path, 1, "file name", errors)
    check_fields(front, MEETING_FIELDS, path, where, "front matter", errors)
    title = check_text(front, "title", path, where("title"), "front matter", errors)
    question = check_text(front, "question", path, where("question"), "front matter", errors)
    summary = check_text(front, "summary", path, where("summary"), "front matter", errors)
    series_id = check_ref(front.get("series"), series, path, where("series"), "series", "data/series.yml", errors)
    order = check_order(front, path, where("order"), errors)
    date = check_date(front, path, where("date"), errors)
    meeting_speakers = check_speakers(front, speakers, path, where("speakers"), errors)
    meeting_themes = check_ref_list(front.get("themes"), themes, path, where("themes"), "themes", "theme", "data/themes.yml", errors)
    listed = listed_speakers(front)
    points = tuple(p for p in (build_point(raw, rp, themes, meeting_themes, meeting_speakers, listed, errors) for rp in raw.points) if p)
    if not raw.points:
        errors.append(ContentError(path, raw.body_line, "the meeting has no key points; add at least one `### Title {#id}` heading followed by a `themes:` line"))
    used = {theme for point in points for theme in point.themes}
    for theme in meeting_themes:
        if theme not in used and points:
            errors.append(ContentError(path, where("themes"), f"themes: '{theme}' is listed but no key point of this meeting uses it; remove it from `themes:` or add it to a point"))
    if len(errors) > count:
        return None
    return Meeting(raw.slug, path, title, question, series_id, order, date, meeting_speakers, meeting_themes, summary, points, raw.body, raw.body_line)


def listed_speakers(front: dict) -> set[str]:
    """Every id under `speakers:`, known to the registry or not (an unknown one is reported once, there)."""
    value = front.get("speakers")
    items = value if isinstance(value, list) else []
    return {str(item.get("id") if isinstance(item, dict) else item) for item in items}


def build_point(raw: RawMeeting, rp: RawPoint, themes: dict[str, Theme], meeting_themes: tuple[str, ...],
                meeting_speakers: tuple[SpeakerRole, ...], listed: set[str], errors: list[ContentError]) -> Point | None:
    path, count = raw.path, len(errors)
    ident = check_id(rp.id, path, rp.line, f"point '{rp.title}'", errors) if rp.id is not None else None
    label = f"point '{rp.id or rp.title}'"
    if not rp.title:
        errors.append(ContentError(path, rp.line, f"{label}: the heading has no title; write a short title before the {{#id}}"))
    elif text_problem(rp.title):
        errors.append(ContentError(path, rp.line, f"{label}: the title {text_problem(rp.title)}"))
    if "themes" not in rp.meta or not rp.meta["themes"][0].strip():
        errors.append(ContentError(path, rp.line + 1, f"{label}: no theme; add a line `themes: some-theme` directly under the heading (themes live in data/themes.yml)"))
        point_themes: tuple[str, ...] = ()
    else:
        value, line = rp.meta["themes"]
        point_themes = check_ref_list([t.strip() for t in value.split(",")], themes, path, line, "themes", "theme", "data/themes.yml", errors, label)
        for theme in point_themes:
            if meeting_themes and theme not in meeting_themes:
                errors.append(ContentError(path, line, f"{label}: theme '{theme}' is not in the meeting's `themes:` list; add it there"))
    speaker = None
    if "speaker" in rp.meta:
        value, line = rp.meta["speaker"]
        known = {role.speaker for role in meeting_speakers}
        if value not in known and value not in listed:
            errors.append(ContentError(path, line, f"{label}: speaker '{value}' is not among this meeting's speakers{suggest(value, known)}; add them to `speakers:` in the front matter (speakers live in data/speakers.yml)"))
        speaker = value if value in known else None  # a listed id missing from the registry is reported once, at `speakers:`
    text = rp.text
    if not text:
        errors.append(ContentError(path, rp.line, f"{label}: the point has no text; write it below the heading and its `themes:` line"))
    if len(errors) > count or ident is None:
        return None
    return Point(ident, rp.title, point_themes, speaker, text, raw.slug, rp.section, rp.line, rp.level,
                 tuple(line for _value, line in rp.meta.values()))


def check_ref(value: object, known: dict, path: str, line: int, field: str, registry: str, errors: list[ContentError]) -> str:
    if not isinstance(value, str) or not value.strip():
        errors.append(ContentError(path, line, f"front matter: '{field}' is missing or empty; add `{field}: <id>` with an id from {registry}"))
        return ""
    if known and value not in known:
        errors.append(ContentError(path, line, f"unknown {field} '{value}'{suggest(value, known.keys())} ({field} ids live in {registry})"
                                               f"{new_entry(field, value)}"))
    return value


def check_ref_list(value: object, known: dict, path: str, line: int, field: str, kind: str, registry: str, errors: list[ContentError], label: str = "front matter") -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        errors.append(ContentError(path, line, f"{label}: '{field}' is missing or empty; list at least one {kind} id from {registry}"))
        return ()
    result = []
    lines = getattr(value, "item_lines", [])
    for index, item in enumerate(value):
        item_line = lines[index] if index < len(lines) else line
        if not isinstance(item, str) or not item:
            errors.append(ContentError(path, item_line, f"{label}: {field} must be {kind} ids, not {item!r}"))
        elif known and item not in known:
            errors.append(ContentError(path, item_line, f"{label}: unknown {kind} '{item}'{suggest(item, known.keys())} ({kind} ids live in {registry})"
                                                        f"{new_entry(kind, item) if label == 'front matter' else ''}"))
        elif item in result:
            errors.append(ContentError(path, item_line, f"{label}: {kind} '{item}' is listed twice; keep one"))
        else:
            result.append(item)
    return tuple(result)


def check_speakers(front: dict, speakers: dict[str, Speaker], path: str, line: int, errors: list[ContentError]) -> tuple[SpeakerRole, ...]:
    value = front.get("speakers")
    if not isinstance(value, list) or not value:
        errors.append(ContentError(path, line, "front matter: 'speakers' is missing or empty; list each speaker as `- id: <speaker-id>` with an optional `role:` (speakers live in data/speakers.yml)"))
        return ()
    roles: list[SpeakerRole] = []
    lines = getattr(value, "item_lines", [])
    for index, item in enumerate(value):
        item_line = lines[index] if index < len(lines) else line
        if isinstance(item, str):
            item = {"id": item}
        if not isinstance(item, dict):
            errors.append(ContentError(path, item_line, f"speakers: each speaker must be `- id: <speaker-id>`, not {item!r}"))
            continue
        check_fields(item, {"id", "role"}, path, line_of(item, item_line), "speakers", errors)
        ident = item.get("id")
        if not isinstance(ident, str) or (speakers and ident not in speakers):
            errors.append(ContentError(path, item_line, f"speakers: unknown id '{ident}'{suggest(str(ident), speakers.keys())} (speakers live in data/speakers.yml)"
                                                        f"{new_entry('speaker', ident) if isinstance(ident, str) and ID_PATTERN.match(ident) else ''}"))
            continue
        if any(role.speaker == ident for role in roles):
            errors.append(ContentError(path, item_line, f"speakers: '{ident}' is listed twice; keep one"))
            continue
        role = check_text(item, "role", path, item_line, f"speaker '{ident}'", errors, required=False)
        roles.append(SpeakerRole(ident, role))
    return tuple(roles)


def check_order(front: dict, path: str, line: int, errors: list[ContentError]) -> int:
    value = front.get("order")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        errors.append(ContentError(path, line, f"front matter: 'order' must be a whole number from 1 up (the meeting's place in its series), not {value!r}"))
        return 0
    return value


def check_date(front: dict, path: str, line: int, errors: list[ContentError]) -> str | None:
    value = front.get("date")
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    errors.append(ContentError(path, line, f"front matter: 'date' must be a date written YYYY-MM-DD, e.g. 2023-09-21, not {value!r}; leave it out if the date is not known"))
    return None
