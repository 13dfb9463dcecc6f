"""Valid archives made by hypothesis, to hold the suite's logic to any content a contributor may add:
one-point meetings, meetings without quotes, a meeting of a single sentence, names beyond ASCII, new
speakers, organisations and themes. An archive is written as the fixture archives are (docs/, data/).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from archives import NOTES
from hypothesis import strategies as st

# Words as the notes use them, so that a run of words reads like a sentence and search stems them as words.
WORD_LIST = (
    "partners trust funding councils charities volunteers commissioners leaders neighbourhoods alliances "
    "listening power money budgets contracts outcomes families youth carers housing hospitals surgeries "
    "libraries parishes markets villages harbours allotments ferries bakeries orchards lanterns quarries "
    "meadows kettles ladders compasses bridges rivers valleys gardens workshops kitchens canals "
    "windmills patience courage honesty kindness curiosity humility stamina candour generosity respect "
    "fairness shared local small large slow steady quiet open brave careful rural coastal northern equal "
    "build share listen wait ask invite welcome learn mend gather plant borrow lend carry "
)
WORDS = tuple(WORD_LIST.split())
# Registry entries that exist in every generated archive (copied from the notes fixture).
KNOWN_SPEAKERS = ("steve-wyler", "sally-young", "ollie-hilbery")
KNOWN_THEMES = ("trust-and-relationships", "power-and-inequality", "shared-purpose", "funding-and-competition")
NEW_NAMES = ("Zoë Ó Briain", "Łukasz Wróbel", "Siân Müller-Øvergaard", "Ngọc Anh Trần", "José Ñúñez")
NEW_ORGANISATIONS = ("Cwmni Cydweithio Ŵyn", "Société des Quais", "Ålesund Harbour Trust")
NEW_THEMES = ("Café conversations", "Rural résilience", "Łódź lessons")


@dataclass(frozen=True)
class GeneratedPoint:
    title: str
    sentences: tuple[str, ...]
    items: tuple[str, ...]
    themes: tuple[str, ...]
    attributed: bool


@dataclass(frozen=True)
class GeneratedMeeting:
    title: str
    speakers: tuple[str, ...]  # registry ids; "new-speaker-N" are added to the registry
    organisation: int | None  # a new organisation a new speaker is connected with, and the text names
    points: tuple[GeneratedPoint, ...]


def _phrase(draw: st.DrawFn, low: int, high: int) -> str:
    return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=low, max_size=high)))


@st.composite
def sentences(draw: st.DrawFn) -> str:
    text = _phrase(draw, 4, 14)
    if draw(st.booleans()) and len(text.split()) > 5:  # a quoted phrase, in the notes' typographic quotes
        words = text.split()
        start = draw(st.integers(0, len(words) - 3))
        words[start] = "‘" + words[start]
        words[start + 2] += "’"
        text = " ".join(words)
    return text[0].upper() + text[1:] + draw(st.sampled_from([".", ".", "?"]))


@st.composite
def points(draw: st.DrawFn, themes: st.SearchStrategy[str]) -> GeneratedPoint:
    return GeneratedPoint(
        title=_phrase(draw, 2, 5).capitalize(),  # at most 5 * 14 + 4 characters: within the 80 a title may have
        sentences=tuple(draw(st.lists(sentences(), min_size=1, max_size=3))),
        items=tuple(draw(st.lists(st.builds(lambda s: s.rstrip(".?"), sentences()), max_size=3))),
        themes=tuple(draw(st.lists(themes, min_size=1, max_size=2, unique=True))),
        attributed=draw(st.booleans()),
    )


@st.composite
def meetings(draw: st.DrawFn) -> GeneratedMeeting:
    themes = st.sampled_from(KNOWN_THEMES + tuple(f"new-theme-{n}" for n in range(len(NEW_THEMES))))
    speakers = st.sampled_from(KNOWN_SPEAKERS + tuple(f"new-speaker-{n}" for n in range(len(NEW_NAMES))))
    return GeneratedMeeting(
        title="Joining forces for " + _phrase(draw, 1, 5),
        speakers=tuple(draw(st.lists(speakers, min_size=1, max_size=2, unique=True))),
        organisation=draw(st.none() | st.integers(0, len(NEW_ORGANISATIONS) - 1)),
        points=tuple(draw(st.lists(points(themes), min_size=1, max_size=3))),
    )


def archives() -> st.SearchStrategy[tuple[GeneratedMeeting, ...]]:
    return st.lists(meetings(), min_size=1, max_size=3).map(tuple)


ONE_SENTENCE = (
    GeneratedMeeting(
        title="Joining forces in one sentence",
        speakers=("new-speaker-0",),
        organisation=None,
        points=(
            GeneratedPoint(
                "Begin with what the town shares", ("People met at the market first.",), (), ("new-theme-0",), True
            ),
        ),
    ),
)
THREE_SHORT_POINTS = (
    GeneratedMeeting(
        title="Joining forces without quotes",
        speakers=("steve-wyler", "new-speaker-1"),
        organisation=0,
        points=(
            GeneratedPoint(
                "Small partners need time",
                ("Small partners need time to build trust.",),
                (),
                ("trust-and-relationships",),
                False,
            ),
            GeneratedPoint(
                "Money shapes the table",
                ("Who holds the budget shapes who speaks.",),
                (),
                ("funding-and-competition", "power-and-inequality"),
                True,
            ),
            GeneratedPoint(
                "Ask before planning",
                ("Ask people what matters before the plan is made.",),
                ("Listen first", "Plan second"),
                ("new-theme-1",),
                False,
            ),
        ),
    ),
)


def slug(index: int) -> str:
    return f"generated-meeting-{index + 1}"


def point_id(meeting: int, point: int) -> str:
    return f"generated-point-{meeting + 1}-{point + 1}"


def _meeting_file(index: int, meeting: GeneratedMeeting) -> str:
    names = [_speaker_name(s) for s in meeting.speakers]
    themes = list(dict.fromkeys(t for p in meeting.points for t in p.themes))
    lines = [
        "---",
        f'title: "{meeting.title}"',
        f'question: "What did {meeting.title.lower()} teach us?"',
        "series: joining-forces",
        f"order: {index + 1}",
        "speakers:",
        *[f"  - id: {s}" for s in meeting.speakers],
        "themes:",
        *[f"  - {t}" for t in themes],
        f'summary: "What the meeting said about {meeting.title.lower()}."',
        "---",
        "",
        "The speakers were " + " and ".join(names) + ".",
    ]
    if meeting.organisation is not None:
        lines += ["", f"{names[-1]} spoke for {NEW_ORGANISATIONS[meeting.organisation]}."]
    lines += ["", "## Key points", ""]
    for number, point in enumerate(meeting.points):
        lines.append(f"### {point.title} {{#{point_id(index, number)}}}")
        lines.append("themes: " + ", ".join(point.themes))
        if point.attributed:
            lines.append(f"speaker: {meeting.speakers[0]}")
        lines += ["", " ".join(point.sentences), ""]
        if point.items:
            lines += [f"- {item}" for item in point.items] + [""]
    return "\n".join(lines)


def _speaker_name(ident: str) -> str:
    if ident.startswith("new-speaker-"):
        return NEW_NAMES[int(ident.rsplit("-", 1)[1])]
    return {"steve-wyler": "Steve Wyler", "sally-young": "Sally Young", "ollie-hilbery": "Ollie Hilbery"}[ident]


def write_archive(meetings: tuple[GeneratedMeeting, ...], folder: Path) -> Path:
    """The archive's docs/ and data/ in `folder`: the notes fixture's registries, with the new entries."""
    shutil.copytree(NOTES / "data", folder / "data")
    (folder / "data" / "planned.yml").write_text("[]\n", encoding="utf-8")
    (folder / "data" / "permalinks.yml").write_text("point_redirects:\npage_redirects:\nmoved_points:\n", "utf-8")
    used = {s for m in meetings for s in m.speakers} | {t for m in meetings for p in m.points for t in p.themes}
    with (folder / "data" / "speakers.yml").open("a", encoding="utf-8") as registry:
        for number, name in enumerate(NEW_NAMES):
            if f"new-speaker-{number}" in used:
                registry.write(f"\n- id: new-speaker-{number}\n  name: {name}\n")
    with (folder / "data" / "themes.yml").open("a", encoding="utf-8") as registry:
        for number, title in enumerate(NEW_THEMES):
            if f"new-theme-{number}" in used:
                registry.write(f"\n- id: new-theme-{number}\n  title: {title}\n  description: Said of {title}.\n")
    with (folder / "data" / "organisations.yml").open("a", encoding="utf-8") as registry:
        for number in sorted({m.organisation for m in meetings if m.organisation is not None}):
            name = NEW_ORGANISATIONS[number]
            registry.write(f"\n- id: new-organisation-{number}\n  name: {name}\n  names: [{name}]\n")
    pages = folder / "docs" / "meetings"
    pages.mkdir(parents=True)
    for index, meeting in enumerate(meetings):
        (pages / f"{slug(index)}.md").write_text(_meeting_file(index, meeting), encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# Generated notes\n\nNotes made for a test.\n", encoding="utf-8")
    (folder / "docs" / "about.md").write_text("# About\n\nA generated archive.\n", encoding="utf-8")
    return folder
