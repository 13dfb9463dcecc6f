"""The organisations index: each organisation, its speakers, and the meetings and key points that mention it."""

from __future__ import annotations

from collections import defaultdict

from notes_core import addresses as A
from notes_core.model import Archive, Speaker
from notes_core.render import scale
from notes_core.render.page import Page, render_page


def render_organisations_index(archive: Archive) -> Page:
    speakers_of: dict[str, list[Speaker]] = defaultdict(list)
    for speaker in archive.speakers.values():
        if speaker.organisation:
            speakers_of[speaker.organisation].append(speaker)
    return render_page(
        "organisations.html",
        A.ORGANISATIONS_INDEX,
        "Organisations",
        "The organisations mentioned in the notes, with the meetings and key points that mention each.",
        ids=archive.organisations,
        archive=archive,
        organisations=sorted(archive.organisations.values(), key=lambda o: o.name.lower()),
        speakers_of=speakers_of,
        # Many organisations: no heading each, so the table of contents stays short.
        compact=len(archive.organisations) > scale.NAV_FLAT_LIMIT,
        shown=scale.MENTIONS_SHOWN,
    )
