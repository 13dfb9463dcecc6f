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
from typing import Any

import yaml

from notes_core.errors import ContentError, suggest
from notes_core.read.source_files import read_source
from notes_core.read.yaml_lines import describe, error_line, parse_yaml

# Every pattern here is matched at one place and is linear in the line's length (no pattern with
# two unbounded parts that can trade characters), so a 100 KB line costs microseconds, not minutes.
HEADING_START = re.compile(r"(#{1,6})[ \t]+")
ID_BLOCK = re.compile(r"\{:?[ \t]*#([^}]*)\}")
# The delimiters exactly as MkDocs reads them (mkdocs.utils.meta.YAML_RE): the check must see the same front
# matter as the build, or a line ` ---` would end it here and hide the rest from the check.
OPENING = re.compile(r"---[ \t]*")
CLOSING = re.compile(r"(?:---|\.\.\.)[ \t]*")
META_START = re.compile(r"([A-Za-z][A-Za-z_-]{0,30})[ \t]*:")
META_KEYS = ("themes", "speaker", "twin", "see-also")
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
    def blocks(self) -> tuple[tuple[str, str], ...]:
        return point_blocks(self.text_lines)


@dataclass
class RawMeeting:
    path: str
    slug: str
    front: dict[str, Any]
    front_line: int
    body: str
    body_line: int
    points: list[RawPoint]
    text: str  # the whole file, for checks that cover front matter and body alike


def split_front_matter(text: str, path: str, errors: list[ContentError]) -> tuple[str, str, int] | None:
    """(front matter text, body, line of the body's first line), or None when there is none."""
    lines = text.split("\n")
    if not lines or not OPENING.fullmatch(lines[0]):
        errors.append(
            ContentError(
                path,
                1,
                "the file must start with front matter: a line `---`, the meeting's fields (title, question, ...), "
                "and another `---`",
            )
        )
        return None
    for index in range(1, len(lines)):
        if CLOSING.fullmatch(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    errors.append(ContentError(path, 1, "front matter is not closed; add a line `---` after the meeting's fields"))
    return None


def parse_heading(line: str) -> tuple[str, str, str | None] | None:
    """(hashes, title, id or None) of a Markdown heading line; the id is what `{#...}` at its end holds."""
    start = HEADING_START.match(line)
    if start is None:
        return None
    title = line[start.end() :].rstrip(" \t")
    ident = None
    if title.endswith("}"):
        brace = title.rfind("{")
        block = ID_BLOCK.fullmatch(title, brace) if brace >= 0 else None
        if block is not None:
            words = block.group(1).split()
            # `{#id .class key=value}` is an attribute list;
            # `{#Distance is the hidden cost}` meant the phrase as the id.
            attributes = all(word.startswith((".", "#")) or "=" in word for word in words[1:])
            ident = (words[0] if attributes else " ".join(words)) if words else ""
            title = title[:brace]
    return start.group(1), title.rstrip("# \t"), ident


def parse_meta(line: str) -> tuple[str, str] | None:
    """(key, value) of a `key: value` line under a point heading."""
    start = META_START.match(line)
    return (start.group(1), line[start.end() :].strip(" \t")) if start else None


def read_meeting_file(file: Path, path: str, errors: list[ContentError]) -> RawMeeting | None:
    text = read_source(file, path, errors, long_lines=False)
    if text is None:
        return None
    parts = split_front_matter(text, path, errors)
    if parts is None:
        return None
    front_text, body, body_line = parts
    try:
        front = parse_yaml(front_text, line_offset=1)
    except yaml.YAMLError as error:
        errors.append(ContentError(path, error_line(error, 1), f"front matter: {describe(error, front_text)}"))
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
        heading = None if in_fence else parse_heading(line)
        if heading:
            hashes, title, ident = heading
            level = len(hashes)
            if level == 1:
                errors.append(
                    ContentError(
                        path,
                        number,
                        "a level-1 heading (`# ...`) is not allowed: the page title comes from `title:` in the front "
                        "matter; use `##` for sections",
                    )
                )
            if level == 2:
                section = title
            current = None
            if ident is not None or (offset + 1 < len(lines) and starts_meta(lines[offset + 1])):
                if level not in (3, 4):
                    errors.append(
                        ContentError(
                            path,
                            number,
                            f"a key point must be a level-3 (`###`) or level-4 (`####`) heading, not level {level}",
                        )
                    )
                if ident is None:
                    errors.append(
                        ContentError(
                            path,
                            number,
                            f"key point '{title}' has no id; add one at the end of the heading, e.g. `{hashes} "
                            f"{title} {{#a-short-id}}`",
                        )
                    )
                current = RawPoint(ident, title.strip(), level, number, section)
                points.append(current)
                in_meta = True
            continue
        if current is None:
            continue
        meta = parse_meta(line) if in_meta else None
        if meta:
            key = meta[0]
            if key not in META_KEYS:
                errors.append(
                    ContentError(
                        path,
                        number,
                        f"point '{current.id}': unknown field '{key}'"
                        + (
                            suggest(key, META_KEYS)
                            or "; a point takes `themes:`, `speaker:`, `twin:` and `see-also:` lines"
                        ),
                    )
                )
            elif key in current.meta:
                errors.append(
                    ContentError(path, number, f"point '{current.id}': '{key}' is given twice; keep one line")
                )
            else:
                current.meta[key] = (meta[1], number)
            continue
        in_meta = False
        current.text_lines.append(line)
    return points


def starts_meta(line: str) -> bool:
    meta = parse_meta(line)
    return meta is not None and meta[0].lower() in META_KEYS + ("theme", "speakers", "see_also", "seealso")


LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+\.)\s+")


def point_blocks(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """The words of a point as ("p", paragraph) and ("li", list item) blocks, without notes such as
    admonitions: a list in the notes stays a list wherever the point is shown or exported."""
    blocks: list[tuple[str, str]] = []
    skipping = False
    joining = False  # the last block is a paragraph that the next line continues
    for line in lines:
        if ADMONITION.match(line):
            skipping, joining = True, False
            continue
        if skipping and (line.startswith("    ") or line.startswith("\t") or not line.strip()):
            continue
        skipping = False
        item = LIST_ITEM.match(line)
        words = line[item.end() :].strip() if item else line.strip()
        if not words or words.startswith("{:") or words.startswith("<!--"):
            joining = False
            continue
        if item:
            blocks.append(("li", words))
            joining = False
        elif joining:
            blocks[-1] = ("p", blocks[-1][1] + " " + words)
        else:
            blocks.append(("p", words))
            joining = True
    return tuple(blocks)
