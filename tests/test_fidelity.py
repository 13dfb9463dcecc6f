"""Nothing lost: every sentence of the source notes is on its meeting's page (meetings added since are not in it)."""

from __future__ import annotations

import re

from archives import load
from conftest import ROOT

SOURCE = ROOT / "tests" / "fixtures" / "joining-forces-notes.txt"
SHARED = ROOT.parent / "shared" / "seed" / "joining-forces-notes.txt"
MEETING_TITLE = re.compile(r"Joining forces\b[^.]*$", re.I)
ARCHIVE = load(ROOT)
SENTENCE_END = re.compile(r"(?<=[.?!…:’”)])\s+(?=[A-Z‘“(£0-9])")


def normalise(text: str) -> str:
    """Typographic quotes and dashes may differ; nothing else may."""
    text = text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def source_sentences(text: str) -> list[str]:
    sentences = []
    for line in text.splitlines():
        line = re.sub(r"^·\s*", "", line).strip()
        sentences += [s for s in SENTENCE_END.split(line) if s.strip()]
    return sentences


def source_meetings(text: str) -> list[list[str]]:
    """The source's sentences, meeting by meeting: each meeting starts at its title line ("Joining forces...")."""
    meetings: list[list[str]] = []
    for line in text.splitlines():
        if MEETING_TITLE.match(line):
            meetings.append([])
        meetings[-1] += source_sentences(line)
    return meetings


def test_fixture_is_the_shared_source():
    if SHARED.is_file():  # beside a checkout; the fixture keeps the test self-contained elsewhere
        assert SOURCE.read_bytes() == SHARED.read_bytes()
    assert len(SOURCE.read_text(encoding="utf-8").splitlines()) == 175


def test_every_source_sentence_is_on_its_meeting_page(site):
    """Each meeting of the source is whole on one meeting page; meetings added since are not in the source."""
    pages = [normalise(site.html(f"meetings/{m.slug}/").css_first("article").text()) for m in ARCHIVE.meetings]
    meetings = source_meetings(SOURCE.read_text(encoding="utf-8"))
    assert len(meetings) == 6 and sum(len(sentences) for sentences in meetings) == 295
    missing = []
    for sentences in meetings:
        home = max(pages, key=lambda text: sum(normalise(s) in text for s in sentences))
        missing += [s for s in sentences if normalise(s) not in home]
    assert missing == []


def test_sentence_splitting_finds_sentences():
    assert source_sentences("One thing. Two ‘things’.\n· Three") == ["One thing.", "Two ‘things’.", "Three"]


def test_source_meetings_start_at_title_lines():
    text = "Joining forces: one\nA point. Another.\nJoining Forces for two\nMore."
    assert source_meetings(text) == [
        ["Joining forces: one", "A point.", "Another."],
        ["Joining Forces for two", "More."],
    ]
