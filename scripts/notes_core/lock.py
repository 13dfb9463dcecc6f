"""The permalink lock: every point id and page address ever published stays reachable.

data/permalinks.yml lists them. Entries are only ever added (`python scripts/notes.py lock`);
a point or page that disappears fails the check unless a redirect says where it went.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError
from .model import Archive
from .render.links import page_address
from .yaml_lines import describe, error_line, parse_yaml

LOCK = "data/permalinks.yml"
HEADER = """\
# The permalink lock: every key point id and page address ever published.
# Entries are only ever added (run `python scripts/notes.py lock` after adding a meeting).
# Never delete one: ids are never removed or reused. If a point or page goes away,
# say where it went instead:
#   point_redirects:  old-point-id: id-of-the-point-that-now-holds-it
#   page_redirects:   old/page.md: new/page.md   (docs paths; the old address then redirects)
"""


@dataclass(frozen=True)
class PermalinkLock:
    points: dict[str, tuple[str, ...]]   # id -> every page address it has been on
    pages: tuple[str, ...]
    point_redirects: dict[str, str]
    page_redirects: dict[str, str]
    lines: dict[str, int]


EMPTY = PermalinkLock({}, (), {}, {}, {})


def read_lock(root: Path, errors: list[ContentError]) -> PermalinkLock | None:
    """The lock, or None (with the reason in errors) when it cannot be read."""
    file = root / LOCK
    empty = None
    if not file.is_file():
        errors.append(ContentError(LOCK, 1, "the permalink lock is missing; create it with `python scripts/notes.py lock`"))
        return empty
    try:
        data = parse_yaml(file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        errors.append(ContentError(LOCK, error_line(error), describe(error)))
        return empty
    if not isinstance(data, dict):
        errors.append(ContentError(LOCK, 1, "expected the fields points:, pages:, point_redirects: and page_redirects:"))
        return empty
    raw_points = data.get("points") or {}
    if not isinstance(raw_points, dict):
        errors.append(ContentError(LOCK, 1, "points: expected `point-id: [page address, ...]` lines"))
        raw_points = {}
    lines = dict(getattr(raw_points, "key_lines", {}))
    points = {}
    for ident, places in raw_points.items():
        places = [places] if isinstance(places, str) else places
        if not isinstance(places, list) or not all(isinstance(p, str) for p in places):
            errors.append(ContentError(LOCK, lines.get(str(ident), 1), f"point '{ident}': expected a list of page addresses, e.g. [meetings/levelling-up/]"))
            continue
        points[str(ident)] = tuple(places)
    pages = data.get("pages") or []
    if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
        errors.append(ContentError(LOCK, 1, "pages: expected a list of page addresses, one `- about/` per line"))
        pages = []
    item_lines = getattr(pages, "item_lines", [1] * len(pages))
    for index, page in enumerate(pages):
        lines.setdefault(f"page:{page}", item_lines[index])
    redirects = {}
    for key in ("point_redirects", "page_redirects"):
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            errors.append(ContentError(LOCK, 1, f"{key}: expected `old: new` pairs"))
            value = {}
        redirects[key] = {str(k): str(v) for k, v in value.items()}
    return PermalinkLock(points, tuple(str(p) for p in pages), redirects["point_redirects"], redirects["page_redirects"], lines)


def check_lock(lock: PermalinkLock, archive: Archive, page_uris: set[str], errors: list[ContentError]) -> None:
    """Record a contributor-facing error for every published link that would break or is not yet locked."""
    for ident in lock.points:
        if ident in archive.points:
            if ident in lock.point_redirects:
                point = archive.points[ident]
                errors.append(ContentError(point_path(archive, ident), point.line, f"point id '{ident}' was retired (merged into '{lock.point_redirects[ident]}') and is never reused; choose another id"))
            continue
        target = lock.point_redirects.get(ident)
        line = lock.lines.get(ident, 1)
        if target is None:
            errors.append(ContentError(LOCK, line, f"point '{ident}' was published but is in no meeting now; put it back (ids never change), or if it was merged into another point add `{ident}: <that-point-id>` under point_redirects"))
        elif target not in archive.points:
            errors.append(ContentError(LOCK, line, f"point_redirects: '{ident}' points to '{target}', which is not a key point"))
    addresses = {page_address(uri) for uri in page_uris}
    redirected = {page_address(old) for old, new in lock.page_redirects.items() if new.split("#")[0] in page_uris}
    for old, new in lock.page_redirects.items():
        if new.split("#")[0] not in page_uris:
            errors.append(ContentError(LOCK, 1, f"page_redirects: '{old}' points to '{new}', which is not a page; give the docs path of an existing page"))
    for page in lock.pages:
        if page not in addresses and page not in redirected:
            errors.append(ContentError(LOCK, lock.lines.get(f"page:{page}", 1), f"page '/{page}' was published and has disappeared; add `<old docs path>.md: <new docs path>.md` under page_redirects so its address keeps working"))
    new_points = [p for p in archive.points if p not in lock.points]
    new_pages = sorted(addresses - set(lock.pages))
    if new_points or new_pages:
        listed = ", ".join((new_points + [f"/{p}" for p in new_pages])[:5])
        more = len(new_points) + len(new_pages) - 5
        errors.append(ContentError(LOCK, 1, f"{len(new_points)} new point id(s) and {len(new_pages)} new page(s) are not in the permalink lock yet ({listed}{f', and {more} more' if more > 0 else ''}); run `python scripts/notes.py lock` and commit data/permalinks.yml"))


def point_path(archive: Archive, ident: str) -> str:
    return archive.meetings_by_slug[archive.points[ident].meeting].path


def moved_points(lock: PermalinkLock, archive: Archive) -> dict[str, list[tuple[str, str]]]:
    """For each meeting, (old id, current id) of points that used to be on its page and now live elsewhere."""
    moved: dict[str, list[tuple[str, str]]] = {}
    for ident, places in lock.points.items():
        point = archive.points.get(ident) or archive.points.get(lock.point_redirects.get(ident, ""))
        if point is None:
            continue
        for place in places:
            slug = place.removeprefix("meetings/").strip("/")
            if place.startswith("meetings/") and slug != point.meeting and slug in archive.meetings_by_slug:
                moved.setdefault(slug, []).append((ident, point.id))
    return moved


def render_lock(lock: PermalinkLock, archive: Archive, page_uris: set[str]) -> str:
    """The lock with every current point and page added; nothing is ever taken out."""
    points = {ident: list(places) for ident, places in lock.points.items()}
    for point in archive.points.values():
        place = f"meetings/{point.meeting}/"
        points.setdefault(point.id, [])
        if place not in points[point.id]:
            points[point.id].append(place)
    pages = list(lock.pages) + sorted({page_address(u) for u in page_uris} - set(lock.pages))
    def dump(value: object, flow: bool) -> str:
        return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, default_flow_style=flow, width=1000)

    # One entry per line, so a change to the lock reads clearly in a diff.
    text = HEADER + "points:\n"
    text += "".join(f"  {dump({ident: places}, True).strip()[1:-1]}\n" for ident, places in points.items()) or "  {}\n"
    text += dump({"pages": pages}, False)
    text += dump({"point_redirects": lock.point_redirects}, False) if lock.point_redirects else "point_redirects: {}\n"
    text += dump({"page_redirects": lock.page_redirects}, False) if lock.page_redirects else "page_redirects: {}\n"
    return text
