"""Everything one build needs, checked together: the archive, the permalink lock, the generated pages."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, ContentErrors
from .load import load_archive
from .lock import EMPTY, PermalinkLock, check_lock, moved_points, read_lock
from .model import Archive
from .render import render_pages


@dataclass(frozen=True)
class Site:
    archive: Archive
    lock: PermalinkLock
    pages: dict[str, str]          # generated files by docs path
    page_uris: frozenset[str]      # every Markdown page, hand-written or generated
    moved: dict[str, list[tuple[str, str]]]  # meeting slug -> (old id, current id) of points that moved away


def load_site(root: Path, site_url: str, site_name: str, check_permalinks: bool = True,
              lock: PermalinkLock | None = None) -> Site:
    """Raises ContentErrors with every problem of the content and of the permalink lock.

    `lock`: the permalink lock if the caller has read it already (the MkDocs hook reads it
    once per build, for the page redirects).
    """
    errors: list[ContentError] = []
    docs = root / "docs"
    try:
        archive = load_archive(docs / "meetings", root / "data", root)
    except ContentErrors as problems:
        errors += problems.errors
        archive = None
    if lock is None:
        lock = read_lock(root, errors) if check_permalinks else (read_lock(root, []) or EMPTY)
    if archive is None:
        raise ContentErrors(errors)
    pages = render_pages(archive, site_url, site_name, (lock or EMPTY).point_redirects)
    page_uris = frozenset({p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} | {u for u in pages if u.endswith(".md")})
    if lock is not None and check_permalinks:
        check_lock(lock, archive, set(page_uris), errors)
    if errors:
        raise ContentErrors(errors)
    return Site(archive, lock, pages, page_uris, moved_points(lock, archive))  # lock is set when there are no errors
