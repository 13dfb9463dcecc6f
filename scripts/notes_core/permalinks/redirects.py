"""data/permalinks.yml: where published links lead once the thing they named has moved or gone.

What is published is read from the main branch (published.py); this file only holds the
redirects, and its lines are never removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from notes_core.addresses import MEETINGS, in_site_folder, meeting_slug, page_address, page_file
from notes_core.check.fields import text_problem
from notes_core.errors import ContentError, suggest
from notes_core.model import Archive
from notes_core.read.source_files import read_source
from notes_core.read.yaml_lines import describe, error_line, parse_yaml

REDIRECTS = "data/permalinks.yml"
SECTIONS = ("point_redirects", "page_redirects", "moved_points")
TEMPLATE = """\
# Redirects that keep published links working. Lines here are never removed.
#
# What is published is what is on the main branch: `make check` compares your branch with it.
# New meetings, points, themes and speakers need nothing here. When something published
# moves or goes away, the check prints the one line to add, ready to paste:
#   point_redirects:  retired-point-id: id-of-the-point-that-now-holds-it   (/p/retired-point-id/ leads there)
#   page_redirects:   old/docs/path.md: new/docs/path.md                     (the old address redirects)
#   moved_points:     point-id: meetings/the-meeting-it-was-on.md            (that page keeps a pointer)
point_redirects:
page_redirects:
moved_points:
"""


@dataclass(frozen=True)
class Redirects:
    point_redirects: dict[str, str] = field(default_factory=dict)
    page_redirects: dict[str, str] = field(default_factory=dict)
    moved_points: dict[str, tuple[str, ...]] = field(default_factory=dict)  # point id -> meeting files it was on
    lines: dict[str, int] = field(default_factory=dict)  # "section" and "section:key" -> line in the file
    point_reasons: dict[str, str] = field(default_factory=dict)  # retired id -> why, as its /p/ page says
    withdrawn: dict[str, str] = field(default_factory=dict)  # retired id with no successor -> why

    def line(self, section: str, key: str = "") -> int:
        return self.lines.get(f"{section}:{key}") or self.lines.get(section, 1)


def read_redirects(root: Path, errors: list[ContentError]) -> Redirects | None:
    """The redirects, or None (with the reason in errors) when the file cannot be read."""
    file = root / REDIRECTS
    if not file.is_file():
        errors.append(
            ContentError(
                REDIRECTS,
                1,
                "the file is missing; create it with these three lines:",
                ("point_redirects:", "page_redirects:", "moved_points:"),
            )
        )
        return None
    text = read_source(file, REDIRECTS, errors)
    if text is None:
        return None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        errors.append(ContentError(REDIRECTS, error_line(error), describe(error, text)))
        return None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        errors.append(
            ContentError(REDIRECTS, 1, "expected the sections point_redirects:, page_redirects: and moved_points:")
        )
        return None
    key_lines = getattr(data, "key_lines", {})
    lines = {key: key_lines.get(key, 1) for key in SECTIONS}
    broken = False
    for key in data:
        if key in ("points", "pages"):
            errors.append(
                ContentError(
                    REDIRECTS,
                    key_lines.get(str(key), 1),
                    f"'{key}:' is no longer used (what is published is read from the main branch); delete the "
                    f"'{key}:' section",
                )
            )
        elif key not in SECTIONS:
            errors.append(
                ContentError(
                    REDIRECTS,
                    key_lines.get(str(key), 1),
                    f"unknown section '{key}'{suggest(str(key), list(SECTIONS))}; the file has only point_redirects:, "
                    "page_redirects: and moved_points:",
                )
            )
    sections: dict[str, dict[str, object]] = {}
    for key in SECTIONS:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            errors.append(
                ContentError(
                    REDIRECTS,
                    lines[key],
                    f"{key}: expected lines `old: new`, each indented by two spaces under '{key}:'",
                )
            )
            broken = True
            value = {}
        for entry, entry_line in getattr(value, "key_lines", {}).items():
            lines[f"{key}:{entry}"] = entry_line
        sections[key] = value
    short, reasons, withdrawn = point_entries(sections["point_redirects"], lines, errors)
    point_redirects = text_pairs(short, "point_redirects", lines, errors, POINT_ID, POINT_ID)
    page_redirects = text_pairs(sections["page_redirects"], "page_redirects", lines, errors, DOCS_PATH, DOCS_TARGET)
    for old in [old for old in page_redirects if in_site_folder(page_file(old))]:  # never even in a preview
        del page_redirects[old]
        errors.append(
            ContentError(
                REDIRECTS,
                lines.get(f"page_redirects:{old}", lines["page_redirects"]),
                f"page_redirects: '{old}' is in a folder only the site writes (a key point's permanent page "
                "/p/<id>/, or the search index), so its redirect would replace what is there; a point's old id "
                "goes under point_redirects",
            )
        )
    moved: dict[str, tuple[str, ...]] = {}
    for ident, places in sections["moved_points"].items():
        places = [places] if isinstance(places, str) else places
        if (
            not POINT_ID.match(str(ident))
            or not isinstance(places, list)
            or not places
            or not all(isinstance(p, str) and MEETING_PATH.match(p) for p in places)
        ):
            errors.append(
                ContentError(
                    REDIRECTS,
                    lines.get(f"moved_points:{ident}", lines["moved_points"]),
                    f"moved_points: '{ident}': expected the meeting file it was on, e.g. `{ident}: "
                    "meetings/levelling-up.md`",
                )
            )
            continue
        moved[str(ident)] = tuple(places)
    if broken:
        return None
    return Redirects(
        point_redirects,
        page_redirects,
        moved,
        lines,
        point_reasons={old: why for old, why in reasons.items() if old in point_redirects},
        withdrawn=withdrawn,
    )


# Keys and targets become file paths and addresses in the built site: only ids and docs paths of this
# site, so no entry can write outside the site folder or carry markup into a redirect page.
POINT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
DOCS_PATH = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*\.md\Z")
DOCS_TARGET = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*\.md(?:#[A-Za-z0-9_-]+)?\Z")
MEETING_PATH = re.compile(r"^" + re.escape(MEETINGS) + r"/[a-z0-9]+(?:-[a-z0-9]+)*\.md\Z")
EXAMPLES = {
    "point_redirects": "act-in-small-places: asset-based-approach",
    "page_redirects": "meetings/old-name.md: meetings/new-name.md",
}


LONG_FORM = (
    '`old-id: new-id`, `old-id: {to: new-id, reason: "merged: ..."}` or, for a point withdrawn with no successor, '
    '`old-id: {withdrawn: "why"}`'
)


def point_entries(
    section: dict[str, object], lines: dict[str, int], errors: list[ContentError]
) -> tuple[dict[str, object], dict[str, str], dict[str, str]]:
    """point_redirects: split into `old: new` pairs (the long form's `to:` included, for text_pairs to check),
    the reasons given with them, and the withdrawn ids with theirs."""
    short: dict[str, object] = {}
    reasons: dict[str, str] = {}
    withdrawn: dict[str, str] = {}
    for old, entry in section.items():
        if not isinstance(entry, dict):
            short[old] = entry
            continue
        line = lines.get(f"point_redirects:{old}", lines["point_redirects"])
        keys = set(entry)
        why = entry.get("withdrawn", entry.get("reason"))
        problem = None
        if not isinstance(old, str) or len(old) > 200 or not POINT_ID.match(old):
            problem = "the retired id is not an id of this site (lowercase words joined by hyphens)"
        elif keys not in ({"to"}, {"to", "reason"}, {"withdrawn"}):
            problem = f"expected {LONG_FORM}, not the fields {', '.join(sorted(map(str, keys)))}"
        elif why is not None and (not isinstance(why, str) or not why.strip()):
            problem = "the reason must be some text, in quotes"
        elif why is not None and text_problem(why):
            problem = f"the reason {text_problem(why)}"
        if problem:
            errors.append(ContentError(REDIRECTS, line, f"point_redirects: '{str(old)[:60]}': {problem}"))
        elif "withdrawn" in keys:
            withdrawn[old] = str(why).strip()
        else:
            short[old] = entry["to"]
            if why is not None:
                reasons[old] = str(why).strip()
    return short, reasons, withdrawn


def text_pairs(
    section: dict[str, object],
    name: str,
    lines: dict[str, int],
    errors: list[ContentError],
    old_form: re.Pattern[str],
    new_form: re.Pattern[str],
) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for old, new in section.items():
        line = lines.get(f"{name}:{old}", lines[name])
        if not isinstance(old, str) or not isinstance(new, str) or not new:
            errors.append(
                ContentError(
                    REDIRECTS, line, f"{name}: expected `old: new` with text on both sides, not `{old}: {new}`"
                )
            )
        elif len(old) > 200 or not old_form.match(old) or len(new) > 200 or not new_form.match(new):
            errors.append(
                ContentError(
                    REDIRECTS,
                    line,
                    f"{name}: `{old[:60]}: {new[:60]}` is not of the form `{EXAMPLES[name]}` "
                    "(ids and docs paths of this site, lowercase, no '..')",
                )
            )
        else:
            pairs[old] = new
    return pairs


def retired_id_reused(archive: Archive, ident: str, how: str) -> ContentError:
    """A point that uses an id that was retired: the message goes to the point's own line."""
    point = archive.points[ident]
    path = archive.meetings_by_slug[point.meeting].path
    return ContentError(path, point.line, f"point id '{ident}' was {how} and is never reused; choose another id")


def check_redirects(
    redirects: Redirects,
    archive: Archive,
    page_uris: set[str],
    errors: list[ContentError],
    unloaded: set[str] | frozenset[str] = frozenset(),
) -> None:
    """What the file says must make sense on its own: targets exist, retired ids and addresses stay retired.
    `unloaded`: ids in meeting files with problems of their own, taken to exist (they are reported there)."""
    for old, new in redirects.point_redirects.items():
        line = redirects.line("point_redirects", old)
        if old in archive.points:
            errors.append(retired_id_reused(archive, old, f"retired (merged into '{new}', see {REDIRECTS}:{line})"))
        elif new not in archive.points and new not in unloaded:
            current = resolve_point(redirects.point_redirects, new)
            fix = (
                f"; change the line to `{old}: {current}`"
                if current in archive.points
                else f"; give the id of the point that holds it now{suggest(new, set(archive.points))}"
            )
            errors.append(
                ContentError(
                    REDIRECTS, line, f"point_redirects: '{old}' leads to '{new}', which is not a key point{fix}"
                )
            )
    for old, why in redirects.withdrawn.items():
        if old in archive.points:
            where = f"{REDIRECTS}:{redirects.line('point_redirects', old)}"
            errors.append(retired_id_reused(archive, old, f"withdrawn ({why}; see {where})"))
    for old, new in redirects.page_redirects.items():
        line = redirects.line("page_redirects", old)
        if not old.endswith(".md"):
            errors.append(
                ContentError(
                    REDIRECTS,
                    line,
                    f"page_redirects: '{old}' is not a docs path; write the old page's file, e.g. meetings/old-name.md",
                )
            )
        elif old in page_uris or page_address(old) in {page_address(u) for u in page_uris}:
            errors.append(
                ContentError(
                    REDIRECTS,
                    line,
                    f"page_redirects: '{old}' is a page again, but its address redirects to '{new}' and is never "
                    "reused; give the page another file name",
                )
            )
        if new.split("#")[0] not in page_uris:
            errors.append(
                ContentError(
                    REDIRECTS,
                    line,
                    f"page_redirects: '{old}' leads to '{new}', which is not a page; give the docs path of an "
                    f"existing page{suggest(new, page_uris)}",
                )
            )
    for ident in redirects.moved_points:
        present = set(archive.points) | set(unloaded)
        if ident not in present and resolve_point(redirects.point_redirects, ident) not in present:
            errors.append(
                ContentError(
                    REDIRECTS,
                    redirects.line("moved_points", ident),
                    f"moved_points: '{ident}' is not a key point{suggest(ident, set(archive.points))}",
                )
            )


def resolve_point(point_redirects: dict[str, str], ident: str) -> str:
    """The id a retired id leads to in the end (a merged point may be merged again)."""
    seen = {ident}
    while ident in point_redirects and point_redirects[ident] not in seen:
        ident = point_redirects[ident]
        seen.add(ident)
    return ident


def resolve_page(page_redirects: dict[str, str], path: str) -> str:
    """The docs path an old page's address leads to in the end."""
    seen = {path}
    while path in page_redirects and page_redirects[path].split("#")[0] not in seen:
        path = page_redirects[path].split("#")[0]
        seen.add(path)
    return path


def moved_points(redirects: Redirects, archive: Archive) -> dict[str, list[tuple[str, str]]]:
    """For each meeting, (old id, current id) of points that used to be on its page and now live elsewhere."""
    moved: dict[str, list[tuple[str, str]]] = {}
    for ident, places in redirects.moved_points.items():
        point = archive.points.get(resolve_point(redirects.point_redirects, ident))
        if point is None:
            continue
        for place in places:
            path = resolve_page(redirects.page_redirects, place)
            slug = meeting_slug(path)
            meeting = archive.meetings_by_slug.get(slug) if slug else None
            if (
                meeting is not None
                and slug is not None
                and slug != point.meeting
                and (ident, point.id) not in moved.get(slug, [])
            ):
                moved.setdefault(slug, []).append((ident, point.id))
    return moved
