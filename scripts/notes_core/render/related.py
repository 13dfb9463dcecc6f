"""Related key points: for each point, up to three from other meetings that say something close.

Closeness is TF-IDF text similarity, counted only between points that share a theme, with shared
themes as a small bonus. Each point keeps only its most telling words (its signature), and an
inverted index over those words finds the candidates, so the cost grows with the number of points,
not with its square (a theme of the large benchmark holds hundreds of points).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict

from notes_core.model import Archive, Point

RELATED_SHOWN = 3
SIGNATURE_WORDS = 30  # a point's most telling words; the rest add little and cost much
CHAMPIONS = 5  # each word leads to at most the points it tells most about: the cost stays linear
THEME_BONUS = 0.05  # per shared theme: a tie-break between equally close texts
WORD = re.compile(r"[a-z][a-z'’]+")
# Words that say nothing of what a point is about, beside those of fewer than three letters.
STOP_WORDS = frozenset(
    [
        "about",
        "after",
        "all",
        "also",
        "and",
        "any",
        "are",
        "been",
        "before",
        "being",
        "but",
        "can",
        "could",
        "did",
        "does",
        "doing",
        "down",
        "each",
        "else",
        "even",
        "ever",
        "every",
        "for",
        "from",
        "had",
        "has",
        "have",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "into",
        "its",
        "itself",
        "just",
        "more",
        "most",
        "much",
        "must",
        "not",
        "now",
        "off",
        "once",
        "only",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "too",
        "under",
        "until",
        "upon",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "one",
        "ones",
    ]
)


def words_of(point: Point) -> list[str]:
    text = (point.title + " " + point.text).lower()
    return [w.strip("'’") for w in WORD.findall(text) if w.strip("'’") not in STOP_WORDS and len(w.strip("'’")) > 2]


def signatures(points: list[Point]) -> list[dict[str, float]]:
    """Each point's SIGNATURE_WORDS heaviest words by TF-IDF, as a unit vector."""
    counts = [Counter(words_of(point)) for point in points]
    document_frequency: Counter[str] = Counter()
    for count in counts:
        document_frequency.update(count.keys())
    total = len(points)
    result = []
    for count in counts:
        weights = [(n * math.log(total / document_frequency[word]), word) for word, n in count.items()]
        top = [(w, word) for w, word in heapq.nlargest(SIGNATURE_WORDS, weights) if w > 0]
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        result.append({word: w / norm for w, word in top})
    return result


def build_related(archive: Archive) -> dict[str, tuple[str, ...]]:
    """Point id -> ids of up to RELATED_SHOWN points from other meetings, closest first."""
    points = [point for meeting in archive.meetings for point in meeting.points]
    vectors = signatures(points)
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for word, weight in vector.items():
            postings[word].append((weight, index))
    champions = {word: heapq.nlargest(CHAMPIONS, found) for word, found in postings.items()}
    theme_sets = [frozenset(point.themes) for point in points]
    related: dict[str, tuple[str, ...]] = {}
    for index, point in enumerate(points):
        scores: dict[int, float] = defaultdict(float)
        for word, weight in vectors[index].items():
            for other_weight, other in champions[word]:
                scores[other] += weight * other_weight
        themes = theme_sets[index]
        ranked = []
        for other, score in scores.items():
            shared = len(themes & theme_sets[other])
            if shared and points[other].meeting != point.meeting:
                ranked.append((score + THEME_BONUS * shared, -other))
        related[point.id] = tuple(points[-other].id for _, other in heapq.nlargest(RELATED_SHOWN, ranked))
    return related
