"""Navigation order for the generated sections, as awesome-nav `.nav.yml` files.

Long sections are grouped (meetings by series and in blocks, speakers by initial) so that,
with navigation.prune, each page carries a short sidebar however large the archive grows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from notes_core import addresses as A
from notes_core.model import Archive, Meeting
from notes_core.render import scale
from notes_core.render.groups import meetings_by_series, sort_name, speaker_initial
from notes_core.render.scale import chunks

# An awesome-nav entry: a file, or a titled file or section.
NavEntry = str | dict[str, Any]
INDEX = "index.md"  # a folder's own page, as its navigation file names it


def render_nav_files(archive: Archive, pages: Mapping[str, object]) -> dict[str, str]:
    """`pages` are the generated pages, so split listings appear in the navigation as they were made."""
    return {
        A.nav_file(A.MEETINGS_INDEX): nav_yaml([{"All meetings": INDEX}, *meetings_nav(archive)]),
        A.nav_file(A.THEMES_INDEX): nav_yaml(
            [{"All themes": INDEX}, *(A.in_folder(A.theme_page(t), A.THEMES_INDEX) for t in archive.themes)]
        ),
        A.nav_file(A.SPEAKERS_INDEX): nav_yaml([{"All speakers": INDEX}, *speakers_nav(archive)]),
        A.nav_file(A.PRINCIPLES_BY_THEME): nav_yaml(
            [INDEX, split_nav(pages, A.PRINCIPLES_A_TO_Z, "Key points A to Z", A.PRINCIPLES_BY_THEME)]
        ),
        A.nav_file(A.CONNECTIONS_MATRIX): nav_yaml(
            [
                INDEX,
                split_nav(pages, A.CONNECTIONS_PAIRS, "Points filed under several themes", A.CONNECTIONS_MATRIX),
                A.in_folder(A.CONNECTIONS_CO_OCCURRENCE, A.CONNECTIONS_MATRIX),
            ]
        ),
    }


def nav_yaml(entries: list[NavEntry]) -> str:
    return "nav:\n" + "".join(f"  - {json.dumps(entry, ensure_ascii=False)}\n" for entry in entries)


def block_title(meetings: list[Meeting]) -> str:
    return f"Meetings {meetings[0].order}–{meetings[-1].order}"


def series_meetings_nav(meetings: list[Meeting]) -> list[NavEntry]:
    files: list[NavEntry] = [meeting_entry(m) for m in meetings]
    if len(meetings) <= scale.NAV_FLAT_LIMIT:
        return files
    return [{block_title(block): [meeting_entry(m) for m in block]} for block in chunks(meetings, scale.NAV_BLOCK)]


def meeting_entry(meeting: Meeting) -> str:
    return A.in_folder(A.meeting_page(meeting.slug), A.MEETINGS_INDEX)


def meetings_nav(archive: Archive) -> list[NavEntry]:
    grouped = meetings_by_series(archive)
    if len(grouped) <= 1:
        return [entry for meetings in grouped.values() for entry in series_meetings_nav(meetings)]
    return [
        {
            archive.series[series].title: [{"Overview": A.in_folder(A.series_page(series), A.MEETINGS_INDEX)}]
            + series_meetings_nav(meetings)
        }
        for series, meetings in grouped.items()
    ]


def speakers_nav(archive: Archive) -> list[NavEntry]:
    speakers = sorted(archive.speakers.values(), key=lambda s: sort_name(s.name))
    if len(speakers) <= scale.NAV_FLAT_LIMIT:
        return [A.in_folder(A.speaker_page(s.id), A.SPEAKERS_INDEX) for s in speakers]
    letters: dict[str, list[str]] = defaultdict(list)
    for speaker in speakers:
        letters[speaker_initial(speaker.name)].append(A.in_folder(A.speaker_page(speaker.id), A.SPEAKERS_INDEX))
    return [{letter: files} for letter, files in letters.items()]


def split_nav(pages: Mapping[str, object], first: str, title: str, section_index: str) -> NavEntry:
    """A listing page, followed by the pages it was split into (named first-page/...), if any, as the navigation
    file of the section of `section_index` names them, wherever addresses.py puts them."""
    parts = [uri for uri in pages if uri != first and uri.startswith(A.page_address(first))]  # in the order made
    entries = [section_entry(pages, uri, section_index) for uri in [first, *parts]]
    return entries[0] if not parts else {title: entries}


def section_entry(pages: Mapping[str, object], uri: str, section_index: str) -> NavEntry:
    """A page as a section's navigation file names it: by its path in the section's folder; a page outside that
    folder by its title and its docs path from the docs root (awesome-nav, not finding it in the folder, hands the
    path on, and MkDocs finds the page from the root)."""
    inside = A.in_folder(uri, section_index)
    if inside != uri:
        return inside
    return {str(getattr(pages.get(uri), "title", uri)): uri}
