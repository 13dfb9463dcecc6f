"""Everything one build needs, checked together: the archive, the redirects, the generated pages,
and the promise that nothing published on main disappears."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, ContentErrors
from .load import load_archive
from .model import Archive
from .published import check_published, published_now
from .published_base import Unknown, read_base_published
from .redirects import Redirects, check_redirects, moved_points, read_redirects
from .render import render_pages


@dataclass(frozen=True)
class Site:
    archive: Archive
    redirects: Redirects
    pages: dict[str, str]          # generated files by docs path
    page_uris: frozenset[str]      # every Markdown page, hand-written or generated
    moved: dict[str, list[tuple[str, str]]]  # meeting slug -> (old id, current id) of points that moved away
    notes: tuple[str, ...] = ()    # said to the contributor, but not problems: e.g. why the published check was skipped


def load_site(root: Path, site_url: str, site_name: str, check_published_links: bool = True,
              redirects: Redirects | None = None) -> Site:
    """Raises ContentErrors with every problem of the content and of its published links.

    `check_published_links`: compare with what the main branch publishes (read from git).
    `redirects`: data/permalinks.yml if the caller has read it already (the MkDocs hook reads it
    in on_config, for the page redirects).
    """
    errors: list[ContentError] = []
    docs = root / "docs"
    try:
        archive = load_archive(docs / "meetings", root / "data", root)
    except ContentErrors as problems:
        errors += problems.errors
        archive = None
    redirects_read = redirects or read_redirects(root, errors)
    if archive is None:
        raise ContentErrors(errors)
    redirects = redirects_read or Redirects()
    pages = render_pages(archive, site_url, site_name, redirects.point_redirects)
    page_uris = frozenset({p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} | {u for u in pages if u.endswith(".md")})
    check_redirects(redirects, archive, set(page_uris), errors)
    notes: tuple[str, ...] = ()
    if check_published_links and redirects_read is not None:
        base = read_base_published(root)
        if isinstance(base, Unknown):
            notes = (base.note,)
        else:
            notes = base.notes
            check_published(base.published, base.name, published_now(archive, page_uris, redirects), archive, redirects, errors)
    if errors:
        raise ContentErrors(errors, notes)
    return Site(archive, redirects, pages, page_uris, moved_points(redirects, archive), notes)
