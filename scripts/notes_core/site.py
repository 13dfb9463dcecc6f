"""Everything one build needs, checked together: the archive, the permalink lock, the generated pages."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .docs_check import check_docs
from .errors import ContentError, ContentErrors
from .load import load_drafts
from .lock import EMPTY, PermalinkLock, check_lock, moved_points, read_lock
from .model import Archive
from .render import render_pages
from .settings import load_settings


@dataclass(frozen=True)
class Site:
    archive: Archive
    lock: PermalinkLock
    pages: dict[str, str]          # generated files by docs path
    page_uris: frozenset[str]      # every Markdown page, hand-written or generated
    moved: dict[str, list[tuple[str, str]]]  # meeting slug -> (old id, current id) of points that moved away
    problems: tuple[ContentError, ...] = ()  # only when loaded as drafts; otherwise problems raise


def load_site(root: Path, site_url: str, site_name: str, check_permalinks: bool = True,
              lock: PermalinkLock | None = None, render_check: bool = False, drafts: bool = False) -> Site:
    """Raises ContentErrors with every problem of the content and of the permalink lock.

    `lock`: the permalink lock if the caller has read it already (the MkDocs hook reads it
    once per build, for the page redirects). `drafts`: return the site made of everything without
    problems, and the problems, instead of raising (for previews while a write-up is unfinished).
    """
    errors: list[ContentError] = []
    docs = root / "docs"
    # Every file under docs/; with render_check, every page rendered and compared with what the sanitiser keeps
    # (the MkDocs hook sanitises the pages as it renders them, so it does not render them twice).
    check_docs(load_settings(root, site_url), errors, render_pages=render_check)
    archive, problems = load_drafts(docs / "meetings", root / "data", root)
    errors += problems
    if lock is None:
        lock = read_lock(root, errors) if check_permalinks else (read_lock(root, []) or EMPTY)
    if errors and not drafts:
        raise ContentErrors(errors)
    pages = render_pages(archive, site_url, site_name, (lock or EMPTY).point_redirects)
    page_uris = frozenset({p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} | {u for u in pages if u.endswith(".md")})
    if lock is not None and check_permalinks and not problems:
        check_lock(lock, archive, set(page_uris), errors)
    if errors and not drafts:
        raise ContentErrors(errors)
    return Site(archive, lock or EMPTY, pages, page_uris, moved_points(lock or EMPTY, archive), tuple(ContentErrors(errors).errors))

