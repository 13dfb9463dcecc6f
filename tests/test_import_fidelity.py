"""The import against the hand-marked archive: each of the six meetings of the source notes imported with that
meeting left out of the archive the themes are learnt from, compared with the frozen fixture archive (never the
live files). `.venv/bin/python tests/import_measure.py` prints the same figures per meeting."""

from __future__ import annotations

import pytest
from archives import NOTES, load
from import_measure import measure, report


@pytest.fixture(scope="module")
def figures():
    results = measure(load(NOTES))
    print("\n" + report(results))
    return results


def test_the_import_starts_key_points_where_the_hand_marked_meetings_do(figures):
    points = sum(f.hand_points for f in figures)
    assert points == 111
    assert sum(f.matched for f in figures) >= 0.97 * points, report(figures)
    assert sum(f.extra for f in figures) <= 0.05 * points, report(figures)


def test_every_speaker_gets_their_registry_id_whatever_the_spelling(figures):
    for f in figures:
        assert f.resolved == f.speakers, report(figures)
        assert f.speakers_without_aliases == f.speakers, report(figures)  # by spelling alone, aliases taken away


def test_the_suggested_themes_include_a_hand_chosen_one_for_most_points(figures):
    """Learnt from the other five meetings and the themes' names only (their descriptions, written after reading
    all six, are blanked), and not bought by suggesting many themes: at most 3 a point, about 2 on average."""
    points = sum(f.hand_points for f in figures)
    assert sum(f.themes_hit for f in figures) >= 0.70 * points, report(figures)
    suggested = sum(f.suggested for f in figures)
    assert suggested <= 2.2 * sum(f.matched for f in figures), report(figures)
    assert sum(f.suggested_right for f in figures) >= 0.40 * suggested, report(figures)
