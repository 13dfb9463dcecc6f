"""The speakers index (a table, or past SPEAKER_TABLE_LIMIT a list by initial) and a page per speaker."""

from __future__ import annotations

from itertools import groupby

from notes_core import addresses as A
from notes_core.model import Archive, Meeting
from notes_core.render import scale
from notes_core.render.groups import group_by_meeting, sort_name, speaker_initial, speaker_meetings
from notes_core.render.page import Page, render_page


def render_speakers_index(archive: Archive) -> Page:
    meetings_of = speaker_meetings(archive)
    speakers = sorted(archive.speakers.values(), key=lambda s: sort_name(s.name))
    return render_page(
        "speakers_index.html",
        A.SPEAKERS_INDEX,
        "Speakers",
        "The speakers the notes name at each meeting, with their role (from the notes or the few checked "
        "background facts) and the meetings they spoke at.",
        archive=archive,
        speakers=speakers,
        meetings_of=meetings_of,
        by_initial=(
            [(letter, list(group)) for letter, group in groupby(speakers, key=lambda s: speaker_initial(s.name))]
            if len(speakers) > scale.SPEAKER_TABLE_LIMIT
            else None
        ),
    )


def render_speaker_page(archive: Archive, speaker_id: str, meetings: list[tuple[Meeting, str | None]]) -> Page:
    speaker = archive.speakers[speaker_id]
    grouped = group_by_meeting(archive.points_by_speaker.get(speaker_id, ()))
    return render_page(
        "speaker.html",
        A.speaker_page(speaker_id),
        speaker.name,
        f"{speaker.name}: the Joining Forces meetings they spoke at and the key points attributed to them.",
        archive=archive,
        speaker=speaker,
        organisation=archive.organisations[speaker.organisation] if speaker.organisation else None,
        meetings=meetings,
        grouped=[(archive.meetings_by_slug[slug], points) for slug, points in grouped.items()],
    )
