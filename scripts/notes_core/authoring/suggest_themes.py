"""Themes suggested for a new key point, learnt from the key points of the archive.

How: each archive point's words (its title, written for the site, counted twice, and its text; without the
commonest words, lightly stemmed) are weighted by TF-IDF. A new point is compared (cosine similarity) with
every archive point; each of its `NEIGHBOURS` nearest points votes for its own themes with its similarity, and
each theme's own title and description vote too (`DESCRIPTION_WEIGHT` times their similarity). The themes
with the most votes are suggested, at most `SUGGESTED`, and only those within reach of the best. The contributor
confirms or changes them: a suggestion is marked as one in the draft.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from notes_core.model import Category, Point

WORD = re.compile(r"[a-z][a-z’'-]+")
SUGGESTED = 3
NEIGHBOURS = 8
DESCRIPTION_WEIGHT = 3.0
WITHIN = 0.5  # a theme is suggested when its votes reach this share of the best theme's
STOP = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can cannot could did do does doing down during each even ever every few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just let may
    me might more most much must my myself no nor not now of off on once only or other ought our ours ourselves
    out over own per rather really same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up upon us very was we were what when where which
    while who whom why will with within without would you your yours yourself yourselves it’s don’t its one two
    three many often always sometimes said was suggested says also way ways things thing need needs needed make
    makes made well get got like within
    """.split()  # noqa: SIM905 - a word list reads better as words
)


def stem(word: str) -> str:
    word = word.replace("’", "'").strip("'-")
    for suffix in ("'s", "ies", "ing", "edly", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def words_of(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(text.casefold()) if w not in STOP and len(w) > 2]


def example(point: Point) -> tuple[str, str, tuple[str, ...]]:
    """What the suggestions learn from one point of the archive."""
    return point.id, f"{point.title} {point.title} {point.text}", point.themes


@dataclass(frozen=True)
class Suggestion:
    themes: tuple[str, ...]
    like: tuple[str, ...]  # the ids of the archive points that voted most for them


class ThemeSuggester:
    def __init__(self, examples: Iterable[tuple[str, str, tuple[str, ...]]], themes: dict[str, Category]):
        """`examples`: (point id, point text, its themes) from the archive."""
        self.themes = themes
        self.examples = [
            (ident, Counter(words_of(text)), tuple(t for t in ts if t in themes)) for ident, text, ts in examples
        ]
        documents = [counts for _i, counts, _t in self.examples] + [
            Counter(words_of(f"{t.title} {t.description}")) for t in themes.values()
        ]
        frequency: Counter[str] = Counter()
        for counts in documents:
            frequency.update(set(counts))
        self.idf = {w: math.log((1 + len(documents)) / (1 + n)) + 1 for w, n in frequency.items()}
        self.vectors = [self.vector(counts) for _i, counts, _t in self.examples]
        self.theme_vectors = {
            t.id: self.vector(Counter(words_of(f"{t.title} {t.title} {t.description}"))) for t in themes.values()
        }

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        weights = {
            w: (1 + math.log(n)) * self.idf.get(w, math.log(1 + len(self.examples)) + 1) for w, n in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in weights.items()}

    def suggest(self, text: str) -> Suggestion:
        query = self.vector(Counter(words_of(text)))
        scored = sorted(((cosine(query, vector), index) for index, vector in enumerate(self.vectors)), reverse=True)[
            :NEIGHBOURS
        ]
        votes: dict[str, float] = {}
        voters: dict[str, list[tuple[float, str]]] = {}
        for similarity, index in scored:
            ident, _counts, point_themes = self.examples[index]
            for theme in point_themes:
                votes[theme] = votes.get(theme, 0.0) + similarity
                voters.setdefault(theme, []).append((similarity, ident))
        for theme, vector in self.theme_vectors.items():
            votes[theme] = votes.get(theme, 0.0) + DESCRIPTION_WEIGHT * cosine(query, vector)
        ranked = [t for t, v in sorted(votes.items(), key=lambda item: -item[1]) if v > 0]
        if not ranked:
            return Suggestion((), ())
        best = votes[ranked[0]]
        chosen = tuple(t for t in ranked[:SUGGESTED] if votes[t] >= WITHIN * best)
        like = []
        for theme in chosen:
            for _s, ident in sorted(voters.get(theme, []), reverse=True)[:1]:
                if ident not in like:
                    like.append(ident)
        return Suggestion(chosen, tuple(like))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
