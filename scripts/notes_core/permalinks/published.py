"""What a revision publishes, and the promise that nothing published disappears.

The published set of the main branch is read from git (published_base.py); this module compares
it with the working tree and says, for each broken link, the one line that mends it.
"""

from __future__ import annotations

import difflib
import json
import posixpath
from dataclasses import dataclass

from notes_core.addresses import docs_path_of, meeting_page, page_address
from notes_core.errors import ContentError
from notes_core.model import Archive
from notes_core.permalinks.redirects import REDIRECTS, Redirects, resolve_page, retired_id_reused


@dataclass(frozen=True)
class Published:
    points: frozenset[str]  # every point id with a /p/<id>/ page, retired ids included
    pages: frozenset[str]  # page addresses: "", "about/", "themes/shared-purpose/"
    point_meetings: dict[str, tuple[str, ...]]  # live point id -> the meeting file(s) carrying its anchor
    point_redirects: dict[str, str]
    page_redirects: dict[str, str]
    moved_points: dict[str, tuple[str, ...]]
    withdrawn: frozenset[str] = frozenset()  # retired ids with no successor: their /p/ page says why


def published_now(archive: Archive, page_uris: set[str] | frozenset[str], redirects: Redirects) -> Published:
    return Published(
        points=frozenset(archive.points) | frozenset(redirects.point_redirects) | frozenset(redirects.withdrawn),
        pages=frozenset(page_address(uri) for uri in page_uris),
        point_meetings={ident: (meeting_page(point.meeting),) for ident, point in archive.points.items()},
        point_redirects=dict(redirects.point_redirects),
        page_redirects=dict(redirects.page_redirects),
        moved_points=dict(redirects.moved_points),
        withdrawn=frozenset(redirects.withdrawn),
    )


def published_to_json(published: Published) -> str:
    """The output of `notes.py published --json`, read back by later revisions' checks."""
    return json.dumps(
        {
            "points": sorted(published.points),
            "pages": sorted(published.pages),
            "point_meetings": {
                ident: places[0] if len(places) == 1 else list(places)
                for ident, places in sorted(published.point_meetings.items())
            },
            "point_redirects": published.point_redirects,
            "page_redirects": published.page_redirects,
            "moved_points": {ident: list(places) for ident, places in published.moved_points.items()},
            "withdrawn": sorted(published.withdrawn),
        },
        indent=1,
        ensure_ascii=False,
    )


def published_from_json(text: str) -> Published:
    """Raises ValueError when the text is not what `published --json` prints."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("expected an object")
    return Published(
        points=frozenset(text_list(data.get("points"), "points")),
        pages=frozenset(text_list(data.get("pages"), "pages")),
        point_meetings=places_map(data.get("point_meetings", {}), "point_meetings"),
        point_redirects=text_map(data.get("point_redirects", {}), "point_redirects"),
        page_redirects=text_map(data.get("page_redirects", {}), "page_redirects"),
        moved_points=places_map(data.get("moved_points", {}), "moved_points"),
        withdrawn=frozenset(text_list(data.get("withdrawn", []), "withdrawn")),
    )


def published_from_old_lock(data: object) -> Published:
    """The published set of a revision from before `published` existed: its data/permalinks.yml
    listed every point id (with the page addresses it had been on) and every page address."""
    if not isinstance(data, dict):
        raise ValueError("expected the sections points: and pages:")
    points = data.get("points") or {}
    if not isinstance(points, dict):
        raise ValueError("points: expected a mapping")
    meetings = {
        str(ident): tuple(
            docs_path_of(address) for address in text_list([places] if isinstance(places, str) else places, ident)
        )
        for ident, places in points.items()
    }
    point_redirects = text_map(data.get("point_redirects") or {}, "point_redirects")
    return Published(
        points=frozenset(meetings) | frozenset(point_redirects),
        pages=frozenset(text_list(data.get("pages") or [], "pages")),
        point_meetings={ident: places for ident, places in meetings.items() if ident not in point_redirects},
        point_redirects=point_redirects,
        page_redirects=text_map(data.get("page_redirects") or {}, "page_redirects"),
        moved_points={},
    )


def text_list(value: object, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name}: expected a list of text")
    return value


def text_map(value: object, name: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError(f"{name}: expected a mapping of text to text")
    return dict(value)


def places_map(value: object, name: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ValueError(f"{name}: expected a mapping")
    return {str(k): tuple(text_list([v] if isinstance(v, str) else v, name)) for k, v in value.items()}


def check_published(
    base: Published,
    where: str,
    now: Published,
    archive: Archive,
    redirects: Redirects,
    errors: list[ContentError],
    unloaded: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Every point id, page address, point anchor and redirect published on `where` still leads somewhere.
    `unloaded`: ids in meeting files with problems of their own, taken to be where they were."""
    check_points(base, where, now, archive, redirects, errors, unloaded)
    check_pages(base, where, now, redirects, errors)
    check_moves(base, where, now, archive, redirects, errors)
    check_kept_redirects(base, where, archive, redirects, errors)


def check_points(
    base: Published,
    where: str,
    now: Published,
    archive: Archive,
    redirects: Redirects,
    errors: list[ContentError],
    unloaded: set[str] | frozenset[str] = frozenset(),
) -> None:
    new_ids = sorted(now.points - base.points)
    for ident in sorted(base.points - set(base.point_redirects) - base.withdrawn - set(unloaded)):
        if ident in archive.points or ident in redirects.point_redirects or ident in redirects.withdrawn:
            continue
        renamed = difflib.get_close_matches(ident, new_ids, n=1, cutoff=0.6)
        hint = f": if you renamed it to '{renamed[0]}', change the id back" if renamed else ""
        errors.append(
            ContentError(
                REDIRECTS,
                redirects.line("point_redirects"),
                f"point '{ident}' is published on {where} but is in no meeting now; put it back (ids never "
                f"change{hint}), or if it was merged into another point add this line under point_redirects:",
                (
                    f"  {ident}: <id-of-the-point-that-now-holds-it>",
                    f'(with the reason its /p/ page shows: `{ident}: {{to: <id>, reason: "merged: ..."}}`; if it was '
                    f'withdrawn with no successor: `{ident}: {{withdrawn: "<why, on one line>"}}`)',
                ),
            )
        )


def check_pages(base: Published, where: str, now: Published, redirects: Redirects, errors: list[ContentError]) -> None:
    redirected = {page_address(old) for old in redirects.page_redirects}
    new_pages = sorted(now.pages - base.pages)
    for address in sorted(base.pages - now.pages - redirected):
        old = docs_path(address)
        new = guess_new_page(address, new_pages)
        errors.append(
            ContentError(
                REDIRECTS,
                redirects.line("page_redirects"),
                f"page '{address}' is published on {where} and is gone now; put it back, or if it was renamed or "
                "moved add this line under page_redirects, so that its address leads to the new page:",
                (f"  {old}: {docs_path(new) if new else '<docs path of the page that replaces it>'}",),
            )
        )


def check_moves(
    base: Published, where: str, now: Published, archive: Archive, redirects: Redirects, errors: list[ContentError]
) -> None:
    """A point that moved to another meeting keeps an anchor on the old page: that needs a record,
    or the anchor would be gone once the move is itself published."""
    for ident, places in sorted(base.point_meetings.items()):
        point = archive.points.get(ident)
        if point is None:
            continue  # removed or merged: check_points speaks about it
        here = meeting_page(point.meeting)
        recorded = redirects.moved_points.get(ident, ())
        missing = []
        for place in places:
            leads_to = resolve_page(redirects.page_redirects, place)
            # A page that is gone without a redirect is check_pages' business.
            if place not in recorded and leads_to != here and page_address(leads_to) in now.pages:
                missing.append(place)
        if not missing:
            continue
        how = "change its line under moved_points to:" if recorded else "add this line under moved_points:"
        errors.append(
            ContentError(
                REDIRECTS,
                redirects.line("moved_points", ident),
                f"point '{ident}' is on {', '.join(missing)} on {where} and is on {here} now; so that links to "
                f"its old place still find it, {how}",
                (f"  {ident}: {places_text((*recorded, *missing))}",),
            )
        )


def check_kept_redirects(
    base: Published, where: str, archive: Archive, redirects: Redirects, errors: list[ContentError]
) -> None:
    for old, new in sorted(base.point_redirects.items()):
        if old in redirects.point_redirects:
            continue
        if old in archive.points:
            errors.append(retired_id_reused(archive, old, f"retired on {where} (merged into '{new}')"))
        else:
            errors.append(
                ContentError(
                    REDIRECTS,
                    redirects.line("point_redirects"),
                    f"point_redirects: the line for '{old}' is on {where} and redirects are never removed; put it "
                    "back under point_redirects:",
                    (f"  {old}: {new}",),
                )
            )
    for old in sorted(base.withdrawn):
        if old not in redirects.withdrawn and old not in redirects.point_redirects:
            errors.append(
                ContentError(
                    REDIRECTS,
                    redirects.line("point_redirects"),
                    f"point_redirects: the line withdrawing '{old}' is on {where} and redirects are never removed; put "
                    "it back under point_redirects:",
                    (f'  {old}: {{withdrawn: "<why>"}}',),
                )
            )
    for old, new in sorted(base.page_redirects.items()):
        if old not in redirects.page_redirects:
            errors.append(
                ContentError(
                    REDIRECTS,
                    redirects.line("page_redirects"),
                    f"page_redirects: the line for '{old}' is on {where} and redirects are never removed; put it back "
                    "under page_redirects:",
                    (f"  {old}: {new}",),
                )
            )
    for ident, places in sorted(base.moved_points.items()):
        recorded = redirects.moved_points.get(ident, ())
        if not set(places) <= set(recorded):
            kept = (*recorded, *(p for p in places if p not in recorded))
            errors.append(
                ContentError(
                    REDIRECTS,
                    redirects.line("moved_points", ident),
                    f"moved_points: '{ident}' was on {', '.join(p for p in places if p not in recorded)} on {where}, "
                    "and these lines are never removed; write its line as:",
                    (f"  {ident}: {places_text(kept)}",),
                )
            )


def places_text(places: tuple[str, ...]) -> str:
    return places[0] if len(places) == 1 else "[" + ", ".join(places) + "]"


def docs_path(address: str) -> str:
    """The docs file of a page address, as page_redirects write it."""
    return docs_path_of(address)


def guess_new_page(address: str, new_pages: list[str]) -> str | None:
    """A page that appeared in the same folder, most likely the same page renamed."""
    folder = posixpath.dirname(address.rstrip("/"))
    siblings = [p for p in new_pages if p and posixpath.dirname(p.rstrip("/")) == folder]
    if len(siblings) == 1:
        return siblings[0]
    close = difflib.get_close_matches(address, siblings, n=1, cutoff=0.0)
    return close[0] if close else None
