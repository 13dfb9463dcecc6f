"""Render the archive as Markdown pages (and data files) that any static site engine can build."""

from __future__ import annotations

from notes_core.model import Archive
from notes_core.permalinks.history import History
from notes_core.permalinks.pages import render_permalink_pages
from notes_core.permalinks.redirect_pages import render_redirect_pages
from notes_core.render.connections import insert_theme_map, render_connection_pages
from notes_core.render.exports import render_exports
from notes_core.render.feed import render_feed
from notes_core.render.indexes import render_index_pages
from notes_core.render.meeting import render_meeting_page, strip_point_headerlinks
from notes_core.render.nav import render_nav_files
from notes_core.render.related import build_related
from notes_core.settings import Settings

__all__ = ["insert_theme_map", "render_meeting_page", "render_pages", "strip_point_headerlinks"]


def render_pages(
    archive: Archive,
    settings: Settings,
    point_redirects: dict[str, str] | None = None,
    page_redirects: dict[str, str] | None = None,
    history: History | None = None,
    point_reasons: dict[str, str] | None = None,
    withdrawn: dict[str, str] | None = None,
) -> dict[str, str]:
    """Every generated file, keyed by its path in the site's docs folder."""
    site_url, site_name = settings.site_url, settings.site_name
    pages: dict[str, str] = {}
    pages.update(render_index_pages(archive))
    pages.update(render_connection_pages(archive))
    pages.update(render_nav_files(archive, pages))
    related = build_related(archive)
    pages.update(render_exports(archive, site_url, history, related))
    pages.update(
        render_permalink_pages(
            archive, site_url, site_name, point_redirects or {}, history, point_reasons, withdrawn, related
        )
    )
    pages.update(render_feed(archive, site_url, site_name))
    pages.update(render_redirect_pages(page_redirects or {}, site_url, site_name))
    return pages
