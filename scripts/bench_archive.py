"""A synthetic archive with the project's real content model, for the benchmark.

Sizes follow the issue: about 8 key points per meeting, 60 themes, 400 speakers, text of the
length the real notes have, words taken from the real notes: the frozen copy the tests keep
(tests/fixtures/archives/notes), never the live meeting files, so that adding a meeting changes neither the
benchmark's archive nor its figures. Deterministic for a given N.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

from notes_core.check.meeting import MAX_TITLE  # the check's limit: longer titles are refused

ROOT = Path(__file__).resolve().parent.parent
THEMES, SPEAKERS, ORGANISATIONS, MEETINGS_PER_SERIES = 60, 400, 80, 100
NOTES = ROOT / "tests" / "fixtures" / "archives" / "notes" / "docs" / "meetings"  # the notes as they were written


def vocabulary() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(NOTES.glob("*.md")))
    return [w for w in re.findall(r"[A-Za-z][a-z]+", text) if len(w) > 2]


def sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    chosen = rng.choices(words, k=rng.randint(low, high))
    return " ".join(chosen).capitalize() + "."


def paragraph(rng: random.Random, words: list[str], sentences: tuple[int, int] = (2, 5)) -> str:
    return " ".join(sentence(rng, words, 8, 24) for _ in range(rng.randint(*sentences)))


def write_archive(folder: Path, meetings: int, seed: int = 7) -> None:
    rng = random.Random(seed + meetings)
    words = vocabulary()
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    series_count = max(1, -(-meetings // MEETINGS_PER_SERIES))
    themes = [
        {
            "id": f"theme-{i:02d}",
            "title": f"{sentence(rng, words, 2, 3)[:-1]} {i}",
            "description": sentence(rng, words, 12, 20),
        }
        for i in range(THEMES)
    ]
    organisations = [
        {"id": f"org-{i:03d}", "name": f"Organisation {i:03d}", "names": [f"Organisation {i:03d}"]}
        for i in range(ORGANISATIONS)
    ]
    speakers = [
        {
            "id": f"speaker-{i:03d}",
            "name": f"{rng.choice(words).capitalize()} {rng.choice(words).capitalize()}-{i:03d}",
            "organisation": f"org-{rng.randrange(ORGANISATIONS):03d}",
        }
        for i in range(SPEAKERS)
    ]
    series = [
        {"id": f"series-{i:02d}", "title": f"Series {i:02d}", "description": sentence(rng, words, 10, 18)}
        for i in range(series_count)
    ]
    for name, rows in (
        ("themes", themes),
        ("organisations", organisations),
        ("speakers", speakers),
        ("series", series),
        ("planned", []),
    ):
        (data / f"{name}.yml").write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")

    folder_meetings = folder / "docs" / "meetings"
    folder_meetings.mkdir(parents=True, exist_ok=True)
    point_number = 0
    for index in range(meetings):
        present = rng.sample(speakers, rng.randint(2, 4))
        lines, used_themes = [], []
        intro = [paragraph(rng, words, (1, 3)) for _ in range(rng.randint(2, 3))]
        if rng.random() < 0.5:
            intro[0] += f" It was hosted by Organisation {rng.randrange(ORGANISATIONS):03d}."
        sections = ["Key points"] if rng.random() < 0.7 else ["Summary of key points", "Discussion"]
        for section in sections:
            lines += [f"## {section}", "", paragraph(rng, words, (1, 1)), ""]
            for _ in range(rng.randint(6, 10) // len(sections)):
                point_number += 1
                point_themes = rng.sample(themes, rng.choice([1, 2, 2, 2, 3]))
                used_themes += [t["id"] for t in point_themes if t["id"] not in used_themes]
                title = sentence(rng, words, 4, 8)[:-1]
                while len(title) > MAX_TITLE:  # the check refuses longer titles
                    title = title.rsplit(" ", 1)[0]
                lines.append(f"### {title} {{#point-{point_number:05d}}}")
                lines.append("themes: " + ", ".join(t["id"] for t in point_themes))
                if rng.random() < 0.3:
                    lines.append(f"speaker: {rng.choice(present)['id']}")
                lines += ["", paragraph(rng, words), ""]
        front = {
            "title": f"Meeting {index + 1}: {sentence(rng, words, 3, 6)[:-1]}",
            "question": sentence(rng, words, 12, 25)[:-1] + "?",
            "series": series[index // MEETINGS_PER_SERIES]["id"],
            "order": index % MEETINGS_PER_SERIES + 1,
            "date": f"{2020 + index // 120}-{index % 12 + 1:02d}-{index % 27 + 1:02d}",
            "speakers": [{"id": s["id"], "role": sentence(rng, words, 3, 6)[:-1]} for s in present],
            "themes": used_themes,
            "summary": sentence(rng, words, 12, 22),
        }
        text = (
            "---\n"
            + yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
            + "---\n\n"
            + "\n\n".join(intro)
            + "\n\n"
            + "\n".join(lines)
        )
        (folder_meetings / f"meeting-{index + 1:04d}.md").write_text(text, encoding="utf-8")
    write_redirects(folder)


def write_redirects(folder: Path) -> None:
    """No redirects: none of the real site's would lead anywhere in a made-up archive."""
    import sys

    sys.path.insert(0, str(folder / "scripts"))
    from notes_core.permalinks.redirects import REDIRECTS, TEMPLATE

    (folder / REDIRECTS).write_text(TEMPLATE, encoding="utf-8")
