"""Nothing lost: every sentence of the source notes is on the meeting pages."""
from __future__ import annotations

import re

from conftest import ROOT

SOURCE = ROOT / "tests" / "fixtures" / "joining-forces-notes.txt"
SHARED = ROOT.parent / "shared" / "seed" / "joining-forces-notes.txt"
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


def test_fixture_is_the_shared_source():
    if SHARED.is_file():  # beside a checkout; the fixture keeps the test self-contained elsewhere
        assert SOURCE.read_bytes() == SHARED.read_bytes()
    assert len(SOURCE.read_text(encoding="utf-8").splitlines()) == 175


def test_every_source_sentence_is_on_a_meeting_page(site):
    pages = sorted((site.dir / "meetings").glob("*/index.html"))
    assert len(pages) == 6
    text = normalise(" ".join(site.html(f"meetings/{p.parent.name}/").css_first("article").text() for p in pages))
    sentences = source_sentences(SOURCE.read_text(encoding="utf-8"))
    assert len(sentences) == 295
    missing = [s for s in sentences if normalise(s) not in text]
    assert missing == []


def test_sentence_splitting_finds_sentences():
    assert source_sentences("One thing. Two ‘things’.\n· Three") == ["One thing.", "Two ‘things’.", "Three"]
