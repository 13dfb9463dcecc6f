"""The themes index (each theme with its counts) and a page per theme (its key points, meeting by meeting)."""

from __future__ import annotations

from notes_core import addresses as A
from notes_core.model import Archive
from notes_core.render import scale
from notes_core.render.groups import group_by_meeting
from notes_core.render.page import Page, render_page


def render_themes_index(archive: Archive) -> Page:
    rows = []
    for theme_id, theme in archive.themes.items():
        points = archive.points_by_theme.get(theme_id, ())
        rows.append((theme_id, theme, len(points), len({p.meeting for p in points})))
    return render_page(
        "themes_index.html",
        A.THEMES_INDEX,
        "Themes",
        "The themes that run through the meetings, with how many key points and meetings touch each.",
        rows=rows,
    )


def render_theme_page(archive: Archive, theme_id: str) -> Page:
    theme = archive.themes[theme_id]
    points = archive.points_by_theme.get(theme_id, ())
    grouped = group_by_meeting(points)
    return render_page(
        "theme.html",
        A.theme_page(theme_id),
        theme.title,
        theme.description,
        ids=grouped,
        archive=archive,
        theme=theme,
        theme_id=theme_id,
        count=len(points),
        grouped=[(archive.meetings_by_slug[slug], meeting_points) for slug, meeting_points in grouped.items()],
        with_text=len(points) <= scale.THEME_TEXT_LIMIT,
    )
