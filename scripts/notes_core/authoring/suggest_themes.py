"""Themes suggested for a new key point, learnt from the key points of the archive and the themes' names.

How: each archive point's words (its title, written for the site, counted twice, and its text; without the
commonest words, lightly stemmed) are weighted by TF-IDF. A theme's score for a new point adds three votes:
- its nearest archive points (cosine similarity, the `NEIGHBOURS` most similar) vote for their own themes with
  their similarity, as a share of all their votes;
- the centroid of the theme's archive points (the sum of their vectors) votes with its cosine similarity,
  `CENTROID_WEIGHT` times;
- the theme's own name votes with the share of its words that the point uses, `NAME_WEIGHT` times (a word
  matches a longer one it begins, from 5 letters: "leader" matches "leadership").
The themes with the highest scores are suggested, at most `SUGGESTED`, and only those within `WITHIN` of the
best. The contributor confirms or changes them: a suggestion is marked as one in the draft.

The themes' descriptions are not used: they were written after reading every meeting of the archive, so they
hold words that only the points they describe use, and a suggester that read them would be measured on what it
had been told rather than what it learnt (tests/import_measure.py measures each meeting with that meeting left
out of what the suggester learns from).
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
CENTROID_WEIGHT = 2.0
NAME_WEIGHT = 1.0
NAME_PREFIX = 5  # a point's word and a theme name's word match when one begins the other, from this many letters
WITHIN = 0.6  # a theme is suggested when its score reaches this share of the best theme's
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
        """`examples`: (point id, point text, its themes) from the archive; of `themes`, only ids and titles."""
        self.themes = list(themes)
        self.examples = [
            (ident, Counter(words_of(text)), tuple(t for t in ts if t in themes)) for ident, text, ts in examples
        ]
        frequency: Counter[str] = Counter()
        for _i, counts, _t in self.examples:
            frequency.update(set(counts))
        self.idf = {w: math.log((1 + len(self.examples)) / (1 + n)) + 1 for w, n in frequency.items()}
        self.vectors = [self.vector(counts) for _i, counts, _t in self.examples]
        self.centroids = {theme: self.centroid(theme) for theme in self.themes}
        self.names = {theme.id: set(words_of(theme.title)) for theme in themes.values()}

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        weights = {
            w: (1 + math.log(n)) * self.idf.get(w, math.log(1 + len(self.examples)) + 1) for w, n in counts.items()
        }
        return normalised(weights)

    def centroid(self, theme: str) -> dict[str, float]:
        total: dict[str, float] = {}
        for (_i, _counts, point_themes), vector in zip(self.examples, self.vectors, strict=True):
            if theme in point_themes:
                for w, v in vector.items():
                    total[w] = total.get(w, 0.0) + v
        return normalised(total)

    def name_share(self, theme: str, words: set[str]) -> float:
        name = self.names.get(theme) or set()
        found = [n for n in name if any(w == n or prefix_match(w, n) for w in words)]
        return len(found) / len(name) if name else 0.0

    def suggest(self, text: str) -> Suggestion:
        words = words_of(text)
        query = self.vector(Counter(words))
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
        all_votes = sum(votes.values()) or 1.0
        present = set(words)
        scores = {
            theme: votes.get(theme, 0.0) / all_votes
            + CENTROID_WEIGHT * cosine(query, self.centroids[theme])
            + NAME_WEIGHT * self.name_share(theme, present)
            for theme in self.themes
        }
        ranked = [t for t, v in sorted(scores.items(), key=lambda item: -item[1]) if v > 0]
        if not ranked:
            return Suggestion((), ())
        best = scores[ranked[0]]
        chosen = tuple(t for t in ranked[:SUGGESTED] if scores[t] >= WITHIN * best)
        like = []
        for theme in chosen:
            for _s, ident in sorted(voters.get(theme, []), reverse=True)[:1]:
                if ident not in like:
                    like.append(ident)
        return Suggestion(chosen, tuple(like))


def prefix_match(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= NAME_PREFIX and long.startswith(short)


def normalised(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
