"""Every generated file of the site, from each folder's renderers: the pages (render/), the permanent and
redirect pages (permalinks/), the exports, the feeds and the link-preview picture. Keyed by docs path; a page is
a render.page.Page, any other file its text (or bytes: the picture)."""

from __future__ import annotations

from notes_core import addresses as A
from notes_core.model import Archive
from notes_core.permalinks.history import History
from notes_core.permalinks.pages import render_permalink_pages
from notes_core.permalinks.redirect_pages import render_redirect_pages
from notes_core.render.connections import render_connection_pages
from notes_core.render.exports import render_exports
from notes_core.render.feed import render_feeds
from notes_core.render.groups import meetings_by_series, speaker_meetings
from notes_core.render.key_points import render_a_to_z_pages, render_key_points_by_theme
from notes_core.render.meetings_index import render_meetings_index, render_series_page
from notes_core.render.nav import render_nav_files
from notes_core.render.organisations import render_organisations_index
from notes_core.render.page import Page
from notes_core.render.preview_image import preview_png, strapline
from notes_core.render.related import build_related
from notes_core.render.speakers import render_speaker_page, render_speakers_index
from notes_core.render.themes import render_theme_page, render_themes_index
from notes_core.settings import Settings

Generated = dict[str, "Page | str | bytes"]


def render_pages(
    archive: Archive,
    settings: Settings,
    point_redirects: dict[str, str] | None = None,
    page_redirects: dict[str, str] | None = None,
    history: History | None = None,
    point_reasons: dict[str, str] | None = None,
    withdrawn: dict[str, str] | None = None,
) -> Generated:
    """Every generated file, keyed by its path in the site's docs folder."""
    site_url, site_name = settings.site_url, settings.site_name
    pages: Generated = {}
    pages.update(render_index_pages(archive))
    pages.update(render_connection_pages(archive))
    pages.update(render_nav_files(archive, pages))
    related = build_related(archive)
    pages.update(render_exports(archive, site_url, history, related))
    pages.update(
        render_permalink_pages(
            archive,
            site_url,
            site_name,
            point_redirects or {},
            history,
            point_reasons,
            withdrawn,
            {pid: entry.ids for pid, entry in related.items()},
        )
    )
    pages.update(render_feeds(archive, site_url, site_name))
    pages.update(render_redirect_pages(page_redirects or {}, site_url, site_name))
    pages[A.PREVIEW_IMAGE] = preview_png(site_name, strapline(archive))
    return pages


def render_index_pages(archive: Archive) -> dict[str, Page]:
    grouped = meetings_by_series(archive)
    pages = {
        A.MEETINGS_INDEX: render_meetings_index(archive, grouped),
        A.THEMES_INDEX: render_themes_index(archive),
        A.SPEAKERS_INDEX: render_speakers_index(archive),
        A.ORGANISATIONS_INDEX: render_organisations_index(archive),
        A.PRINCIPLES_BY_THEME: render_key_points_by_theme(archive),
    }
    pages.update(render_a_to_z_pages(archive))
    if len(grouped) > 1:
        for series_id, meetings in grouped.items():
            pages[A.series_page(series_id)] = render_series_page(archive, series_id, meetings)
    for theme_id in archive.themes:
        pages[A.theme_page(theme_id)] = render_theme_page(archive, theme_id)
    meetings_of = speaker_meetings(archive)
    for speaker_id in archive.speakers:
        pages[A.speaker_page(speaker_id)] = render_speaker_page(archive, speaker_id, meetings_of.get(speaker_id, []))
    return pages
