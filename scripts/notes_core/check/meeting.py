"""Turn what was read into the model, recording every broken rule as a problem of its file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from notes_core.check.fields import check_fields, check_id, check_text, line_of, text_problem
from notes_core.check.placeholders import is_placeholder
from notes_core.errors import ContentError, Problems, new_entry, suggest
from notes_core.model import SEE_ALSO_MAX, Category, Meeting, Point, Speaker, SpeakerRole
from notes_core.read.meeting_file import RawMeeting, RawPoint

MEETING_FIELDS = {"title", "question", "series", "order", "date", "speakers", "themes", "summary"}
# Where the ids a meeting names are defined: kind -> (field in the front matter, registry file).
# A title is a list entry, a headline, a link preview's headline (cut at about 60-70 characters) and a citation's label.
MAX_TITLE = 80
REGISTRY = {"theme": ("themes", "data/themes.yml"), "series": ("series", "data/series.yml")}


def build_meeting(
    raw: RawMeeting,
    themes: dict[str, Category],
    speakers: dict[str, Speaker],
    series: dict[str, Category],
    errors: list[ContentError],
) -> Meeting | None:
    problems, front = Problems(raw.path, errors), raw.front
    where = line_of(front, raw.front_line)
    mark = problems.mark()
    check_id(raw.slug, problems, 1, "file name")
    check_fields(front, MEETING_FIELDS, problems, where, "front matter")
    title = check_text(front, "title", problems, where("title"), "front matter")
    question = check_text(front, "question", problems, where("question"), "front matter")
    summary = check_text(front, "summary", problems, where("summary"), "front matter")
    series_id = check_ref(front.get("series"), series, "series", problems, where("series"))
    order = check_order(front, problems, where("order"))
    date = check_date(front, problems, where("date"))
    meeting_speakers = check_speakers(front, speakers, problems, where("speakers"))
    meeting_themes = check_ref_list(front.get("themes"), themes, "theme", problems, where("themes"))
    listed = listed_speakers(front)
    points = tuple(
        p
        for p in (build_point(raw, rp, themes, meeting_themes, meeting_speakers, listed, problems) for rp in raw.points)
        if p
    )
    if not raw.points:
        problems.add(
            raw.body_line,
            "the meeting has no key points; add at least one `### Title {#id}` heading followed by a `themes:` line",
        )
    # What every point's `themes:` line names, a point with problems of its own included: its problems are
    # reported on its lines, not again as a theme the meeting lists in vain.
    used = {t.strip() for rp in raw.points if "themes" in rp.meta for t in rp.meta["themes"][0].split(",")}
    for theme in meeting_themes:
        if theme not in used and raw.points:
            problems.add(
                where("themes"),
                f"themes: '{theme}' is listed but no key point of this meeting uses it; remove it from `themes:` or "
                "add it to a point",
            )
    if problems.since(mark) or title is None or question is None or summary is None:
        return None
    return Meeting(
        raw.slug,
        raw.path,
        title,
        question,
        series_id,
        order,
        date,
        meeting_speakers,
        meeting_themes,
        summary,
        points,
        raw.body,
        raw.body_line,
    )


def listed_speakers(front: Mapping[str, Any]) -> set[str]:
    """Every id under `speakers:`, known to the registry or not (an unknown one is reported once, there)."""
    value = front.get("speakers")
    items = value if isinstance(value, list) else []
    return {str(item.get("id") if isinstance(item, dict) else item) for item in items}


def build_point(
    raw: RawMeeting,
    rp: RawPoint,
    themes: dict[str, Category],
    meeting_themes: tuple[str, ...],
    meeting_speakers: tuple[SpeakerRole, ...],
    listed: set[str],
    problems: Problems,
) -> Point | None:
    mark = problems.mark()
    ident = check_id(rp.id, problems, rp.line, f"point '{rp.title}'") if rp.id is not None else None
    label = f"point '{rp.id or rp.title}'"
    if not rp.title:
        problems.add(rp.line, f"{label}: the heading has no title; write a short title before the {{#id}}")
    elif text_problem(rp.title):
        problems.add(rp.line, f"{label}: the title {text_problem(rp.title)}")
    elif "{" in rp.title or "}" in rp.title:
        problems.add(
            rp.line,
            f"{label}: the title holds a brace; braces at the end of a heading set its id and attributes, so a "
            "title cannot hold them (the point's link would break): write the words without them",
        )
    elif len(rp.title.split()) < 2:
        problems.add(
            rp.line,
            f"{label}: the title '{rp.title}' is one word; a title is a short phrase saying what the point claims",
        )
    elif len(rp.title) > MAX_TITLE:
        problems.add(
            rp.line,
            f"{label}: the title is {len(rp.title)} characters long, more than the {MAX_TITLE} a title may have; "
            f"shorten it to the claim the paragraph makes, with its hedges ('can', 'may', 'it was suggested'), its "
            "claim in the first 60 characters and an example marked at the end ('… (an example)'); the id stays "
            "(see CONTRIBUTING.md, Titles)",
        )
    point_themes: tuple[str, ...] = ()
    if "themes" not in rp.meta or not rp.meta["themes"][0].strip():
        problems.add(
            rp.line + 1,
            f"{label}: no theme; add a line `themes: some-theme` directly under the heading (themes live in "
            "data/themes.yml)",
        )
    else:
        value, line = rp.meta["themes"]
        point_themes = check_ref_list([t.strip() for t in value.split(",")], themes, "theme", problems, line, label)
        for theme in point_themes:
            if meeting_themes and theme not in meeting_themes:
                problems.add(line, f"{label}: theme '{theme}' is not in the meeting's `themes:` list; add it there")
    speaker = None
    if "speaker" in rp.meta:
        value, line = rp.meta["speaker"]
        known = {role.speaker for role in meeting_speakers}
        if value not in known and value not in listed:
            problems.add(
                line,
                f"{label}: speaker '{value}' is not among this meeting's speakers{suggest(value, known)}; add them to "
                "`speakers:` in the front matter (speakers live in data/speakers.yml)",
            )
        speaker = (
            value if value in known else None
        )  # a listed id missing from the registry is reported once, at `speakers:`
    twin = None
    if "twin" in rp.meta:
        value, line = rp.meta["twin"]
        twin = check_id(value, problems, line, f"{label}: twin")
    see_also, see_also_line = check_see_also_line(rp, label, problems)
    check_point_ends(rp, label, problems)
    blocks = rp.blocks
    text = "\n".join(words for _kind, words in blocks)
    if not text:
        problems.add(rp.line, f"{label}: the point has no text; write it below the heading and its `themes:` line")
    if problems.since(mark) or ident is None:
        return None
    return Point(
        ident,
        rp.title,
        point_themes,
        speaker,
        text,
        raw.slug,
        rp.section,
        rp.line,
        level=rp.level,
        twin=twin,
        see_also=see_also,
        see_also_line=see_also_line,
        meta_lines=tuple(line for _value, line in rp.meta.values()),
        blocks=blocks,
    )


def check_see_also_line(rp: RawPoint, label: str, problems: Problems) -> tuple[tuple[str, ...], int]:
    """The ids of a `see-also:` line, each in slug form and named once, at most SEE_ALSO_MAX of them.
    Whether they are key points is checked with the whole archive (check/archive.py)."""
    if "see-also" not in rp.meta:
        return (), 0
    value, line = rp.meta["see-also"]
    ids: list[str] = []
    for part in value.split(","):
        ident = check_id(part.strip(), problems, line, f"{label}: see-also")
        if ident is None:
            continue
        if ident == rp.id:
            problems.add(line, f"{label}: see-also names the point itself")
            continue
        if ident in ids:
            problems.add(line, f"{label}: see-also names '{ident}' twice; name it once")
            continue
        ids.append(ident)
    if len(ids) > SEE_ALSO_MAX:
        problems.add(
            line,
            f"{label}: see-also names {len(ids)} key points; name at most {SEE_ALSO_MAX}, the ones a reader of this "
            "point should read next",
        )
    return tuple(ids), line


def check_ref(value: object, known: Mapping[str, object], kind: str, problems: Problems, line: int) -> str:
    field, registry = REGISTRY[kind]
    if not isinstance(value, str) or not value.strip():
        problems.add(
            line, f"front matter: '{field}' is missing or empty; add `{field}: <id>` with an id from {registry}"
        )
        return ""
    if known and value not in known:
        entry, paste = new_entry(kind, value)
        problems.add(
            line,
            f"unknown {field} '{value}'{suggest(value, known.keys())} ({field} ids live in {registry}){entry}",
            paste,
        )
    return value


def check_ref_list(
    value: object, known: Mapping[str, object], kind: str, problems: Problems, line: int, label: str = "front matter"
) -> tuple[str, ...]:
    """Ids of one kind, each known and listed once; a new id gets its registry entry shown once, at the front matter."""
    field, registry = REGISTRY[kind]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        problems.add(line, f"{label}: '{field}' is missing or empty; list at least one {kind} id from {registry}")
        return ()
    result: list[str] = []
    lines = getattr(value, "item_lines", [])
    for index, item in enumerate(value):
        item_line = lines[index] if index < len(lines) else line
        if not isinstance(item, str) or not item:
            problems.add(item_line, f"{label}: {field} must be {kind} ids, not {item!r}")
        elif is_placeholder(item):
            continue
        elif known and item not in known:
            entry, paste = new_entry(kind, item) if label == "front matter" else ("", ())
            problems.add(
                item_line,
                f"{label}: unknown {kind} '{item}'{suggest(item, known.keys())} ({kind} ids live in {registry}){entry}",
                paste,
            )
        elif item in result:
            problems.add(item_line, f"{label}: {kind} '{item}' is listed twice; keep one")
        else:
            result.append(item)
    return tuple(result)


def check_speakers(
    front: Mapping[str, Any], speakers: dict[str, Speaker], problems: Problems, line: int
) -> tuple[SpeakerRole, ...]:
    value = front.get("speakers")
    if not isinstance(value, list) or not value:
        problems.add(
            line,
            "front matter: 'speakers' is missing or empty; list each speaker as `- id: <speaker-id>` with an optional "
            "`role:` (speakers live in data/speakers.yml)",
        )
        return ()
    roles: list[SpeakerRole] = []
    lines = getattr(value, "item_lines", [])
    for index, item in enumerate(value):
        item_line = lines[index] if index < len(lines) else line
        if isinstance(item, str):
            item = {"id": item}
        if not isinstance(item, dict):
            problems.add(item_line, f"speakers: each speaker must be `- id: <speaker-id>`, not {item!r}")
            continue
        check_fields(item, {"id", "role"}, problems, line_of(item, item_line), "speakers")
        ident = item.get("id")
        if is_placeholder(ident):
            continue
        if not isinstance(ident, str) or (speakers and ident not in speakers):
            entry, paste = new_entry("speaker", ident)
            problems.add(
                item_line,
                f"speakers: unknown id '{ident}'{suggest(str(ident), speakers.keys())} (speakers live in "
                f"data/speakers.yml){entry}",
                paste,
            )
            continue
        if any(role.speaker == ident for role in roles):
            problems.add(item_line, f"speakers: '{ident}' is listed twice; keep one")
            continue
        role = check_text(item, "role", problems, item_line, f"speaker '{ident}'", required=False)
        roles.append(SpeakerRole(ident, role))
    return tuple(roles)


def check_order(front: Mapping[str, Any], problems: Problems, line: int) -> int:
    value = front.get("order")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        problems.add(
            line,
            "front matter: 'order' must be a whole number from 1 up (the meeting's place in its series), not "
            f"{value!r}",
        )
        return 0
    return value


def check_date(front: Mapping[str, Any], problems: Problems, line: int) -> str | None:
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
    problems.add(
        line,
        f"front matter: 'date' must be a date written YYYY-MM-DD, e.g. 2023-09-21, not {value!r}; leave it out if the "
        "date is not known",
    )
    return None


# Lines that close a write-up rather than make a point: a point runs to the next heading, so without a heading
# before them they would be published as the last point's words.
CLOSING_LINE = re.compile(r"(further reading|future meetings?|next meetings?|date of (?:the )?next meeting)\b", re.I)
SITE_HEADING = """## Further reading

!!! note "Heading added by this site"
    The notes give no heading here: this one ends the key points before the notes' closing lines."""


def check_point_ends(rp: RawPoint, label: str, problems: Problems) -> None:
    """A point that runs on into a closing line ("Further reading: ...", "Future meetings") is named, with the
    heading to put before that line."""
    first_text_line = rp.line + 1 + len(rp.meta)
    for offset, line in enumerate(rp.text_lines):
        words = line.strip().lstrip("#*_ ").strip()
        if CLOSING_LINE.match(words):
            problems.add(
                first_text_line + offset,
                f"{label} runs on into the closing line '{shorten(words, 60)}', which would be published as the "
                "point's words; end the key points before this line with a heading of the site's own (change its "
                "words to fit):",
                tuple(SITE_HEADING.split("\n")),
            )
            return


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
