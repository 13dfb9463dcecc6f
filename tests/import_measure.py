"""How close `make import` comes to the hand-marked meetings: each meeting of the source notes imported with that
meeting left out of the archive the themes are learnt from, compared with the frozen fixture archive.

The suggester learns only from the other five meetings' hand-marked points and the themes' names: the themes'
descriptions are blanked here, as they were written after reading all six meetings and would leak the left-out
meeting's words (the suggester does not read them anyway; blanking them keeps the measurement honest if it ever
did).

Run it to print the figures per meeting: .venv/bin/python tests/import_measure.py
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

from notes_core import Archive  # noqa: E402
from notes_core.authoring.suggest_themes import ThemeSuggester, example  # noqa: E402
from notes_core.authoring.writeup_draft import Draft, build_draft  # noqa: E402
from notes_core.read.writeup_text import parse_text  # noqa: E402

SOURCE = ROOT / "tests" / "fixtures" / "joining-forces-notes.txt"
MEETING_TITLE = re.compile(r"Joining forces\b[^.]*$", re.I)  # as tests/test_fidelity.py cuts the notes


def source_meetings(text: str) -> list[str]:
    meetings: list[list[str]] = []
    for line in text.splitlines():
        if MEETING_TITLE.match(line):
            meetings.append([])
        meetings[-1].append(line)
    return ["\n".join(lines) + "\n" for lines in meetings]


def words(text: str) -> str:
    text = text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"^[·•-]\s*", "", text).split())


@dataclass
class Figures:
    slug: str
    hand_points: int
    matched: int
    extra: int
    speakers: list[str]  # the hand-marked meeting's speakers
    resolved: list[str]  # those the import gave their registry id
    themes_hit: int
    suggested: int  # themes suggested over all the matched points
    suggested_right: int  # of those, themes the hand-marked point has
    speakers_without_aliases: list[str]  # resolved with the registry's aliases taken away: by spelling alone

    @property
    def matched_share(self) -> float:
        return self.matched / self.hand_points

    @property
    def extra_share(self) -> float:
        return self.extra / self.hand_points

    @property
    def themes_share(self) -> float:
        return self.themes_hit / self.hand_points

    @property
    def mean_suggested(self) -> float:
        return self.suggested / max(self.matched, 1)

    @property
    def precision(self) -> float:
        return self.suggested_right / max(self.suggested, 1)


def import_meeting(text: str, archive: Archive, left_out: str, aliases: bool = True) -> Draft:
    examples = [example(p) for p in archive.points.values() if p.meeting != left_out]
    taken = {p.id for p in archive.points.values() if p.meeting != left_out}
    speakers = archive.speakers if aliases else {k: replace(s, aliases=()) for k, s in archive.speakers.items()}
    themes = {k: replace(t, description="") for k, t in archive.themes.items()}  # written after all six meetings
    writeup = parse_text(text, f"{left_out}.txt")
    return build_draft(writeup, speakers, archive.organisations, ThemeSuggester(examples, themes), taken)


def measure(archive: Archive) -> list[Figures]:
    figures = []
    for text, meeting in zip(source_meetings(SOURCE.read_text(encoding="utf-8")), archive.meetings, strict=True):
        draft = import_meeting(text, archive, meeting.slug)
        hand = {words(p.blocks[0][1] if p.blocks else p.text): p for p in meeting.points}
        found = {words(p.blocks[0].text): p for p in draft.points}
        matched = [start for start in hand if start in found]
        hits = sum(1 for start in matched if set(found[start].suggestion.themes) & set(hand[start].themes))
        suggested = sum(len(found[start].suggestion.themes) for start in matched)
        right = sum(len(set(found[start].suggestion.themes) & set(hand[start].themes)) for start in matched)
        expected = [role.speaker for role in meeting.speakers]
        given = {ident for ident, _role in draft.speakers}
        bare = import_meeting(text, archive, meeting.slug, aliases=False)
        bare_given = {ident for ident, _role in bare.speakers}
        figures.append(
            Figures(
                meeting.slug,
                len(hand),
                len(matched),
                len([start for start in found if start not in hand]),
                expected,
                [s for s in expected if s in given],
                hits,
                suggested,
                right,
                [s for s in expected if s in bare_given],
            )
        )
    return figures


def report(figures: list[Figures]) -> str:
    lines = [
        f"{'meeting':32} {'points':>6} {'starts matched':>15} {'extra':>7} {'speakers':>9} {'no aliases':>10} "
        f"{'themes hit':>11} {'per point':>9} {'precision':>9}"
    ]
    for f in figures:
        lines.append(
            f"{f.slug:32} {f.hand_points:6} {f.matched:6} ({f.matched_share:6.1%}) {f.extra:2} ({f.extra_share:4.1%}) "
            f"{len(f.resolved):4}/{len(f.speakers):<4} {len(f.speakers_without_aliases):5}/{len(f.speakers):<4} "
            f"{f.themes_hit:4} ({f.themes_share:5.1%}) {f.mean_suggested:9.2f} {f.precision:9.1%}"
        )
    total = sum(f.hand_points for f in figures)
    matched, extra, hits = (sum(getattr(f, k) for f in figures) for k in ("matched", "extra", "themes_hit"))
    speakers = sum(len(f.speakers) for f in figures)
    resolved = sum(len(f.resolved) for f in figures)
    bare = sum(len(f.speakers_without_aliases) for f in figures)
    suggested, right = (sum(getattr(f, k) for f in figures) for k in ("suggested", "suggested_right"))
    lines.append(
        f"{'all':32} {total:6} {matched:6} ({matched / total:6.1%}) {extra:2} ({extra / total:4.1%}) "
        f"{resolved:4}/{speakers:<4} {bare:5}/{speakers:<4} {hits:4} ({hits / total:5.1%}) "
        f"{suggested / max(matched, 1):9.2f} {right / max(suggested, 1):9.1%}"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    from archives import NOTES, load

    print(report(measure(load(NOTES))))
