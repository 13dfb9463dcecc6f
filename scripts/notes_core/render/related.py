"""Related key points: for each point, the points an editor chose for it (`see-also:` lines, shown both ways), or,
where none was chosen, up to three computed ones that share telling words and themes with it.

The computed suggestions are TF-IDF cosine similarity of the points' words (title and text, lightly stemmed, stop
words and speakers' names left out), plus a bonus for the share of themes two points have in common. A suggestion
is made only when the points share at least two telling words and the score reaches a threshold: fewer
suggestions, but good ones. Points of the same meeting may be suggested (the closest match is often a
neighbour); a point's twin is already linked and is not. No point is listed beside more than SEE_ALSO_MAX others,
counting the chosen ones: the strongest pairs are placed first, across the archive. Each point keeps only its
most telling words (its signature), and an inverted index over those words finds the candidates, so the cost
grows with the number of points, not with its square.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain

from notes_core.model import SEE_ALSO_MAX, Archive, Point

RELATED_SHOWN = 3  # computed suggestions per point, at most
SIGNATURE_WORDS = 30  # a point's most telling words; the rest add little and cost much
CHAMPIONS = 20  # each word leads to at most the points it tells most about: the cost stays linear
CANDIDATES = 10  # the best-scoring candidates a point keeps before the archive-wide placement
THEME_WEIGHT = 0.25  # times the share of themes in common (shared / either's): themes confirm what words say
THRESHOLD = 0.28  # the least score shown: below it, a match rests on a stray word
MIN_SIMILARITY = 0.10  # the least word similarity: themes alone never make two points related
MIN_SHARED_WORDS = 2  # one shared word (a name, "national") is not a reason to read on
WORD = re.compile(r"[a-z][a-z'’-]*")
# Suffixes a light stemmer takes off, longest first, so that "measuring", "measure" and "measures" meet.
SUFFIXES = (
    ("sses", "ss"),
    ("ies", "y"),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)
# Words that say nothing of what a point is about, beside those of fewer than three letters.
STOP_WORDS = frozenset(
    (
        "able",
        "about",
        "across",
        "after",
        "all",
        "also",
        "always",
        "and",
        "any",
        "are",
        "been",
        "before",
        "being",
        "best",
        "better",
        "big",
        "but",
        "can",
        "could",
        "did",
        "does",
        "doing",
        "down",
        "each",
        "else",
        "especially",
        "even",
        "ever",
        "every",
        "example",
        "examples",
        "far",
        "first",
        "for",
        "from",
        "further",
        "get",
        "given",
        "good",
        "got",
        "had",
        "hard",
        "has",
        "have",
        "her",
        "here",
        "hers",
        "high",
        "him",
        "his",
        "how",
        "however",
        "important",
        "instead",
        "into",
        "its",
        "itself",
        "just",
        "large",
        "level",
        "levels",
        "long",
        "lot",
        "made",
        "make",
        "makes",
        "many",
        "may",
        "might",
        "more",
        "most",
        "much",
        "must",
        "need",
        "needed",
        "needs",
        "new",
        "not",
        "now",
        "off",
        "often",
        "once",
        "one",
        "ones",
        "only",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "part",
        "particularly",
        "rather",
        "really",
        "said",
        "same",
        "say",
        "says",
        "she",
        "should",
        "small",
        "some",
        "sometimes",
        "such",
        "suggested",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "therefore",
        "these",
        "they",
        "thing",
        "things",
        "this",
        "those",
        "through",
        "time",
        "too",
        "under",
        "until",
        "upon",
        "use",
        "used",
        "using",
        "very",
        "was",
        "way",
        "ways",
        "well",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whole",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "without",
        "work",
        "working",
        "would",
        "yet",
        "you",
        "your",
        "yours",
    )
)


def stem(word: str) -> str:
    """The word without its commonest English suffix, keeping at least three letters ("ss" stays)."""
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)] + replacement
    return word


def words_of(
    text: str, names: frozenset[str] = frozenset(), known: dict[str, tuple[str, ...]] | None = None
) -> list[str]:
    """The text's telling words, stemmed: no stop words, no speakers' names, none under three letters. `known`
    keeps what each raw word gave, across the texts of one run with the same `names`: words repeat."""
    known = {} if known is None else known

    def learn(raw: str) -> tuple[str, ...]:
        parts = (part.strip("'") for part in raw.strip("'-").replace("'s", "").split("-"))
        known[raw] = words = tuple(
            stem(part) for part in parts if len(part) > 2 and part not in STOP_WORDS and part not in names
        )
        return words

    raws = WORD.findall(text.lower().replace("’", "'"))
    return [word for raw in raws for word in (known[raw] if raw in known else learn(raw))]


def signatures(points: list[Point], names: frozenset[str] = frozenset()) -> list[dict[str, float]]:
    """Each point's SIGNATURE_WORDS heaviest words by TF-IDF (sublinear counts), as a unit vector. A word no
    other point uses cannot relate two points and is left out."""
    known: dict[str, tuple[str, ...]] = {}
    counts = [Counter(words_of(point.title + " " + point.text, names, known)) for point in points]
    document_frequency: Counter[str] = Counter()
    for count in counts:
        document_frequency.update(count.keys())
    total = len(points)
    # Each word's weight across the archive, worked out once (a word no other point uses has none).
    rarity = {
        word: math.log((total + 1) / (frequency + 0.5))
        for word, frequency in document_frequency.items()
        if frequency > 1
    }
    result = []
    for count in counts:
        weights = [((1 + math.log(n)) * rarity[word], word) for word, n in count.items() if word in rarity]
        top = heapq.nlargest(SIGNATURE_WORDS, weights)
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        result.append({word: w / norm for w, word in top})
    return result


@dataclass(frozen=True)
class Related:
    """What a point's page lists as related, and how the list was made."""

    ids: tuple[str, ...]
    chosen: bool  # by an editor (`see-also:`), else computed


def speaker_names(archive: Archive) -> frozenset[str]:
    return frozenset(
        word
        for speaker in archive.speakers.values()
        for name in (speaker.name, *speaker.aliases)
        for word in re.findall(r"[a-z]+", name.lower())
    )


def computed_candidates(points: list[Point], names: frozenset[str]) -> list[tuple[float, str, str]]:
    """(score, point id, other id) for every pair that passes the thresholds, a point's best CANDIDATES only."""
    vectors = signatures(points, names)
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for word, weight in vector.items():
            postings[word].append((weight, index))
    # Each word's champions, and the weight each champion has for it. The loop below is the whole cost: for each
    # point it first counts (in C: a Counter over a chain) how many of its words lead to each other point, then
    # weighs only the points that at least MIN_SHARED_WORDS of them lead to.
    champions: dict[str, dict[int, float]] = {}
    for word, found in postings.items():
        champions[word] = {other: weight for weight, other in heapq.nlargest(CHAMPIONS, found)}
    theme_sets = [frozenset(point.themes) for point in points]
    pairs = []
    for index, point in enumerate(points):
        vector = vectors[index]
        led = [(weight, champions[word]) for word, weight in vector.items()]
        shared_words = Counter(chain.from_iterable(leading for _weight, leading in led))
        candidates: set[int] = set()
        for other, shared in shared_words.most_common():  # sorted in C: the loop stops at the first too few
            if shared < MIN_SHARED_WORDS:
                break
            candidates.add(other)
        candidates.discard(index)
        # Summed in the order of the point's words, so that the scores are the same to the last bit.
        closeness: dict[int, float] = dict.fromkeys(candidates, 0.0)
        for weight, leading in led:
            for other in leading.keys() & candidates:
                closeness[other] += weight * leading[other]
        ranked = []
        for other, close in closeness.items():
            if close < MIN_SIMILARITY or points[other].id == point.twin:
                continue
            themes = theme_sets[index] | theme_sets[other]
            score = close + THEME_WEIGHT * len(theme_sets[index] & theme_sets[other]) / (len(themes) or 1)
            if score >= THRESHOLD:
                ranked.append((round(score, 9), -other))
        for score, other in heapq.nlargest(CANDIDATES, ranked):
            pairs.append((score, point.id, points[-other].id))
    return pairs


def build_related(archive: Archive) -> dict[str, Related]:
    """Point id -> its related points: the chosen ones where an editor chose any, else up to RELATED_SHOWN
    computed ones, best first, placed so that no point is listed beside more than SEE_ALSO_MAX others."""
    points = [point for meeting in archive.meetings for point in meeting.points]
    related = {pid: Related(ids, True) for pid, ids in archive.see_also.items() if ids}
    listed: Counter[str] = Counter(other for entry in related.values() for other in entry.ids)
    order = {point.id: index for index, point in enumerate(points)}
    computed: dict[str, list[str]] = defaultdict(list)
    # Strongest pairs first, across the archive; ties in the notes' order, so the result never depends on luck.
    for _score, pid, other in sorted(
        computed_candidates(points, speaker_names(archive)),
        key=lambda pair: (-pair[0], order[pair[1]], order[pair[2]]),
    ):
        if pid in related or len(computed[pid]) >= RELATED_SHOWN or listed[other] >= SEE_ALSO_MAX:
            continue
        computed[pid].append(other)
        listed[other] += 1
    for point in points:
        if point.id not in related:
            related[point.id] = Related(tuple(computed.get(point.id, ())), False)
    return related
