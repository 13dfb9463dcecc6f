"""Everything one build needs, checked together: the archive, its published links, the generated pages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from notes_core.addresses import docs_file, is_permanent_file, is_site_path
from notes_core.build.files import Generated, render_pages
from notes_core.build.links import check_links
from notes_core.check.archive import load_drafts
from notes_core.check.docs import check_docs, check_site_addresses, markdown_renderer
from notes_core.errors import ContentError, ContentErrors
from notes_core.model import Archive
from notes_core.permalinks.history import History, read_history
from notes_core.permalinks.published import check_published, published_now
from notes_core.permalinks.published_base import Unknown, read_base_published
from notes_core.permalinks.redirects import REDIRECTS, Redirects, check_redirects, moved_points, read_redirects
from notes_core.settings import Settings


@dataclass(frozen=True)
class Site:
    archive: Archive
    redirects: Redirects
    pages: Generated  # generated files by docs path: a page, or the text of any other file
    page_uris: frozenset[str]  # every Markdown page, hand-written or generated
    moved: dict[str, list[tuple[str, str]]]  # meeting slug -> (old id, current id) of points that moved away
    history: History = field(
        default_factory=lambda: History(False)
    )  # each point's publication history on this site, from git
    notes: tuple[str, ...] = ()  # said to the contributor, but not problems: e.g. why the published check was skipped
    problems: tuple[ContentError, ...] = ()  # only when loaded as drafts; otherwise problems raise
    unpublishable: frozenset[str] = frozenset()  # files under docs/ with a name or an address no preview publishes

    def files_aside(self) -> dict[str, str]:
        """Generated files no page's Markdown links to, so an engine need not know them: each point's permanent
        page and citation files (build/writer.py has them written by a process of their own while the engine renders
        the pages)."""
        return {uri: c for uri, c in self.pages.items() if isinstance(c, str) and is_permanent_file(uri)}

    def publishable(self, docs_path: str, is_link: bool) -> bool:
        """A preview shows draft pages with their problems, but never publishes a refused file that is not a page
        (a script, an SVG with a handler, raw HTML, a link to a file outside the repository), nor a file whose name
        is not a plain name (it would become an address)."""
        if docs_path in self.unpublishable:
            return False
        refused = docs_file(docs_path) in {problem.path for problem in self.problems}
        return not refused or (docs_path.endswith(".md") and not is_link)


def load_site(
    settings: Settings, check_published_links: bool = True, render_check: bool = False, drafts: bool = False
) -> Site:
    """Raises ContentErrors with every problem of the content and of its published links.

    `check_published_links`: compare with what the main branch publishes (read from git).
    `render_check`: render every page and report what the sanitiser would strip (the MkDocs hook
    sanitises the pages as it renders them, so it does not render them twice). `drafts`: return the
    site made of everything without problems, and the problems, instead of raising (for previews
    while a write-up is unfinished).
    """
    errors: list[ContentError] = []
    root, docs = settings.root, settings.docs_dir
    check_docs(settings, errors, render_pages=render_check)
    base = read_base_published(root) if check_published_links else None
    owners = base.published.point_meetings if base is not None and not isinstance(base, Unknown) else {}
    unloaded: set[str] = set()  # the point ids of meeting files with problems: reported there, not as missing
    archive, problems = load_drafts(settings, owners, unloaded)
    errors += problems
    # A registry refused (read as what could be read of it) would make every page made from it look gone: the
    # checks across files that would only repeat its problem wait until it is fixed.
    registries = os.path.relpath(settings.data_dir.resolve(), root.resolve()).replace(os.sep, "/") + "/"
    registry_refused = any(p.path.startswith(registries) and p.path != REDIRECTS for p in problems)
    redirects_read = read_redirects(root, errors)
    # No stop here: the site is made of what could be read, so that links are checked on it too and every
    # problem is reported in one round.
    redirects = redirects_read or Redirects()
    history = read_history(root, os.path.relpath(settings.meetings_dir.resolve(), root.resolve()).replace(os.sep, "/"))
    pages = render_pages(
        archive,
        settings,
        redirects.point_redirects,
        redirects.page_redirects,
        history,
        redirects.point_reasons,
        redirects.withdrawn,
    )
    everything = [p for p in docs.rglob("*") if not p.is_dir()]
    contributed = frozenset(p.relative_to(docs).as_posix() for p in everything if p.is_file())
    not_files = {p.relative_to(docs).as_posix() for p in everything if not p.is_file()}  # a pipe would hang a read
    taken = check_site_addresses(contributed, pages, errors)
    moved = moved_points(redirects, archive)
    if render_check and not registry_refused:  # every link leads to a page, as the engine's strict build requires
        shown = {uri for uri in contributed if is_site_path(uri) and uri not in taken}
        check_links(settings, archive, pages, shown, moved, markdown_renderer(settings), errors)
    page_uris = frozenset({uri for uri in contributed if uri.endswith(".md")} | {u for u in pages if u.endswith(".md")})
    notes: tuple[str, ...] = ()
    # Links are compared on the meetings that could be read: every problem is reported in one round.
    check_redirects(redirects, archive, set(page_uris), errors, unloaded)
    if base is not None and redirects_read is not None:
        if registry_refused:
            notes = (base.note,) if isinstance(base, Unknown) else base.notes
            notes += (
                "the published links and the links between pages are checked once the problems of data/ are fixed "
                "(until then, pages made from a refused registry would only look gone)",
            )
        elif isinstance(base, Unknown):
            notes = (base.note,)
        else:
            notes = base.notes
            now = published_now(archive, page_uris, redirects)
            check_published(base.published, base.name, now, archive, redirects, errors, unloaded)
    notes += history.notes  # commits whose dates cannot hold: said, never published
    if errors and not drafts:
        raise ContentErrors(errors, notes)
    return Site(
        archive,
        redirects,
        pages,
        page_uris,
        moved,
        history,
        notes,
        tuple(ContentErrors(errors).errors),
        frozenset(taken | not_files | {uri for uri in contributed if not is_site_path(uri)}),
    )
