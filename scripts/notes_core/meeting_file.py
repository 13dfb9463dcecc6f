"""Read one meeting file: YAML front matter, then Markdown with key points as headings.

A key point is a level-3 or level-4 heading with an explicit id, followed directly by
`themes:` and (optionally) `speaker:` lines:

    ### Unequal alliances should be celebrated {#celebrate-unequal-alliances}
    themes: power-and-inequality, shared-purpose
    speaker: cate-newnes-smith

    The text of the point, as in the notes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError, suggest
from .yaml_lines import describe, error_line, parse_yaml

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
HEADING_ID = re.compile(r"\s*\{:?\s*#([^\s}]*)[^}]*\}\s*$")
META = re.compile(r"^([A-Za-z][A-Za-z_-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
META_KEYS = ("themes", "speaker")
FENCE = re.compile(r"^\s*(```|~~~)")
ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)\s")


@dataclass
class RawPoint:
    id: str | None
    title: str
    level: int
    line: int
    section: str
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)
    text_lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return point_text(self.text_lines)


@dataclass
class RawMeeting:
    path: str
    slug: str
    front: dict
    front_line: int
    body: str
    body_line: int
    points: list[RawPoint]
    text: str  # the whole file, for checks that cover front matter and body alike


def split_front_matter(text: str, path: str, errors: list[ContentError]) -> tuple[str, str, int] | None:
    """(front matter text, body, line of the body's first line), or None when there is none."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        errors.append(ContentError(path, 1, "the file must start with front matter: a line `---`, the meeting's fields (title, question, ...), and another `---`"))
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    errors.append(ContentError(path, 1, "front matter is not closed; add a line `---` after the meeting's fields"))
    return None


def read_meeting_file(file: Path, path: str, errors: list[ContentError]) -> RawMeeting | None:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        errors.append(ContentError(path, 1, f"the file is not UTF-8 text ({error.reason}); save it as UTF-8"))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    parts = split_front_matter(text, path, errors)
    if parts is None:
        return None
    front_text, body, body_line = parts
    try:
        front = parse_yaml(front_text, line_offset=1)
    except yaml.YAMLError as error:
        errors.append(ContentError(path, error_line(error, 1), f"front matter: {describe(error)}"))
        return None
    if front is None:
        front = {}
    if not isinstance(front, dict):
        errors.append(ContentError(path, 2, "front matter must be fields written as `name: value`, one per line"))
        return None
    points = read_points(body, body_line, path, errors)
    return RawMeeting(path, file.stem, front, 2, body, body_line, points, text)


def read_points(body: str, first_line: int, path: str, errors: list[ContentError]) -> list[RawPoint]:
    points: list[RawPoint] = []
    current: RawPoint | None = None
    in_meta = False
    in_fence = False
    section = ""
    lines = body.split("\n")
    for offset, line in enumerate(lines):
        number = first_line + offset
        if FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else HEADING.match(line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2)
            found = HEADING_ID.search(title)
            ident = found.group(1) if found else None
            title = HEADING_ID.sub("", title).rstrip("# \t") if found else title.rstrip("# \t")
            if level == 1:
                errors.append(ContentError(path, number, "a level-1 heading (`# ...`) is not allowed: the page title comes from `title:` in the front matter; use `##` for sections"))
            if level == 2:
                section = title
            current = None
            if ident is not None or (offset + 1 < len(lines) and starts_meta(lines[offset + 1])):
                if level not in (3, 4):
                    errors.append(ContentError(path, number, f"a key point must be a level-3 (`###`) or level-4 (`####`) heading, not level {level}"))
                if ident is None:
                    errors.append(ContentError(path, number, f"key point '{title}' has no id; add one at the end of the heading, e.g. `{heading.group(1)} {title} {{#a-short-id}}`"))
                current = RawPoint(ident, title.strip(), level, number, section)
                points.append(current)
                in_meta = True
            continue
        if current is None:
            continue
        meta = META.match(line) if in_meta else None
        if meta:
            key = meta.group(1)
            if key not in META_KEYS:
                errors.append(ContentError(path, number, f"point '{current.id}': unknown field '{key}'{suggest(key, META_KEYS) or '; a point takes `themes:` and `speaker:` lines'}"))
            elif key in current.meta:
                errors.append(ContentError(path, number, f"point '{current.id}': '{key}' is given twice; keep one line"))
            else:
                current.meta[key] = (meta.group(2), number)
            continue
        in_meta = False
        current.text_lines.append(line)
    return points


def starts_meta(line: str) -> bool:
    match = META.match(line)
    return bool(match) and match.group(1).lower() in META_KEYS + ("theme", "speakers")


def point_text(lines: list[str]) -> str:
    """The words of a point: its paragraphs and list items, without notes such as admonitions."""
    words: list[str] = []
    skipping = False
    for line in lines:
        if ADMONITION.match(line):
            skipping = True
            continue
        if skipping and (line.startswith("    ") or line.startswith("\t") or not line.strip()):
            continue
        skipping = False
        stripped = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line).strip()
        if stripped and not stripped.startswith("{:") and not stripped.startswith("<!--"):
            words.append(stripped)
    return " ".join(words)
