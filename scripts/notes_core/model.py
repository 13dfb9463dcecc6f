"""The in-memory model of the archive: built once per build, read by every renderer."""

from __future__ import annotations

from dataclasses import dataclass, field

from notes_core.addresses import meeting_page


@dataclass(frozen=True)
class Category:
    """A theme or a series: what key points or meetings are grouped under, with a title and a description."""

    id: str
    title: str
    description: str


Theme = Category
Series = Category


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    names: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    organisation: str | None = None
    role: str | None = None
    former: bool = False  # the organisation is one the notes say the speaker was at before ("Former", "Previously")


@dataclass(frozen=True)
class SpeakerRole:
    """A speaker at one meeting, with the role the notes give them there (if any)."""

    speaker: str
    role: str | None


# The most key points a point may be listed beside as related, chosen or computed: no point crowds the others out.
SEE_ALSO_MAX = 5


@dataclass(frozen=True)
class Point:
    id: str
    title: str
    themes: tuple[str, ...]
    speaker: str | None
    text: str
    meeting: str
    section: str
    line: int  # of the heading, in the meeting file
    level: int = 3  # 3 for ###, 4 for ####
    twin: str | None = None  # the point that states the same idea elsewhere in the notes (a summary and its detail)
    # Related points an editor chose (`see-also:`), as this point's file names them; shown both ways.
    see_also: tuple[str, ...] = ()
    see_also_line: int = 0  # of the `see-also:` line, for the check's messages
    meta_lines: tuple[int, ...] = ()
    # The text as ("p", paragraph) and ("li", list item) blocks; `text` is the same words, a block per line.
    blocks: tuple[tuple[str, str], ...] = ()  # the `themes:` and `speaker:` lines under the heading

    @property
    def grouped_blocks(self) -> list[tuple[str, list[str]]]:
        """The point's paragraphs ("p", [text]) and lists ("ul", [items]), in order."""
        groups: list[tuple[str, list[str]]] = []
        for kind, words in self.blocks or (("p", self.text),):
            if kind == "li" and groups and groups[-1][0] == "ul":
                groups[-1][1].append(words)
            else:
                groups.append(("ul" if kind == "li" else "p", [words]))
        return groups


@dataclass(frozen=True)
class Meeting:
    slug: str
    path: str
    title: str
    question: str
    series: str
    order: int
    date: str | None
    speakers: tuple[SpeakerRole, ...]
    themes: tuple[str, ...]
    summary: str
    points: tuple[Point, ...]
    body: str
    body_line: int = 1  # the line of the file where the body starts

    @property
    def src_uri(self) -> str:
        return meeting_page(self.slug)


@dataclass(frozen=True)
class PlannedMeeting:
    id: str
    series: str
    title: str
    question: str
    when: str
    announced_in: str


@dataclass(frozen=True)
class Archive:
    meetings: tuple[Meeting, ...]
    planned: tuple[PlannedMeeting, ...]
    themes: dict[str, Theme]
    speakers: dict[str, Speaker]
    organisations: dict[str, Organisation]
    series: dict[str, Series]
    # Derived indexes, built once so that renderers never loop over all points per page.
    points: dict[str, Point] = field(default_factory=dict)
    points_by_theme: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    points_by_speaker: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    points_by_organisation: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    meetings_by_slug: dict[str, Meeting] = field(default_factory=dict)
    meetings_by_organisation: dict[str, tuple[Meeting, ...]] = field(default_factory=dict)
    # Point id -> the points an editor chose as related to it, either way round (`see-also:` on either point).
    see_also: dict[str, tuple[str, ...]] = field(default_factory=dict)
