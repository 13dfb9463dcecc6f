"""What a citation of a key point, or of a meeting, says: one model, from which formats.py makes every format.

Who wrote what, as the notes and the facts support it: the notes are the Better Way network's, from its
Joining Forces cell (the series' title in data/series.yml names it); this website ("Joining Forces notes", the
site's name) published them and wrote the key points' titles, their ids and their themes. So the network is the
author, as an organisation; the website is where the item is; the point's title is given only as the site's
label, never as the title of the work; and the notes give no dates, so no citation carries one.

The item is a report: meeting notes written up and published, with the website as its publisher (formats.py
says why not a web page), never a journal article or a chapter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notes_core.addresses import absolute, meeting_page, page_address, permanent_address
from notes_core.model import Archive, Meeting, Point

AUTHOR = "Better Way network"
# Where a description may end: after a sentence's closing mark (and any closing quotation marks or brackets).
SENTENCE_END = re.compile(r"(?<=[.!?…])[’”'\")\]]*(?=\s|$)")
DESCRIPTION_LIMIT = 300


@dataclass(frozen=True)
class Citation:
    """A key point or a meeting as every citation format names it."""

    key: str  # the citation key: jf-<point id>, or jf-meeting-<meeting slug>
    title: str  # the notes' own: the meeting's title, and for a point its id
    author: str  # an organisation, one name
    genre: str  # what kind of report: "Meeting notes of the Joining Forces cell"
    website: str  # the site's name
    url: str  # the permanent address
    description: str  # the notes' words (a point) or the meeting's summary, in whole sentences
    label: str = ""  # a point's title: the site's words, said to be the site's
    keywords: tuple[str, ...] = ()
    # Who the notes say made the point, as the point's page names them (no format names a speaker today: the
    # network is the author). What is said of a speaker wherever a point is cited is decided here, once.
    speaker: str = ""

    @property
    def note(self) -> str:
        """What the citation adds about the site's own words: the point's label, said to be the site's."""
        return f"Key point labelled by {self.website}: {self.label}" if self.label else ""


def genre(archive: Archive, meeting: Meeting) -> str:
    return f"Meeting notes of the {archive.series[meeting.series].title}"


def meeting_url(site_url: str, meeting: Meeting) -> str:
    return absolute(site_url, page_address(meeting_page(meeting.slug)))


def point_citation(archive: Archive, point: Point, site_url: str, site_name: str) -> Citation:
    meeting = archive.meetings_by_slug[point.meeting]
    return Citation(
        key=f"jf-{point.id}",
        title=f"{meeting.title}, key point {point.id}",
        author=AUTHOR,
        genre=genre(archive, meeting),
        website=site_name,
        url=absolute(site_url, permanent_address(point.id)),
        description=sentences(point_words(point), DESCRIPTION_LIMIT),
        label=point.title,
        keywords=tuple(archive.themes[theme].title for theme in point.themes),
        speaker=speaker_credit(archive, point),
    )


def speaker_credit(archive: Archive, point: Point) -> str:
    """The speaker the notes give for the point, by name; empty when they give none."""
    speaker = archive.speakers.get(point.speaker or "")
    return speaker.name if speaker is not None else ""


def meeting_citation(archive: Archive, meeting: Meeting, site_url: str, site_name: str) -> Citation:
    return Citation(
        key=f"jf-meeting-{meeting.slug}",
        title=meeting.title,
        author=AUTHOR,
        genre=genre(archive, meeting),
        website=site_name,
        url=meeting_url(site_url, meeting),
        description=sentences(meeting.summary, DESCRIPTION_LIMIT),
    )


def point_words(point: Point) -> str:
    """The point's words on one line, a list's items separated by semicolons."""
    return " ".join("; ".join(words) for _kind, words in point.grouped_blocks)


def sentences(text: str, limit: int) -> str:
    """As many whole sentences of `text` as fit in `limit` characters, and at least the first: a description that
    a link preview shows ends where a sentence of the notes ends, never in the middle of a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [found.end() for found in SENTENCE_END.finditer(text)]
    fitting = [end for end in ends if end <= limit]
    if fitting:
        return text[: fitting[-1]]
    return text[: ends[0]] if ends else text
