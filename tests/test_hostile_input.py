"""Property-based: whatever a contributor writes, the checker answers with content errors or passes; it never crashes."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archives import NOTES
from notes_core import ContentErrors, load_archive
from notes_core.lock import read_lock
from notes_core.render import render_meeting_page, render_pages

FIELDS = ["title", "question", "series", "order", "date", "speakers", "themes", "summary", "speaker", "theme", "id", "role"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.dates(), st.sampled_from(["joining-forces", "sally-young", "shared-purpose", "2024-02-30", "", "~", "<script>"]))
values = st.recursive(scalars, lambda children: st.one_of(st.lists(children, max_size=4),
                                                          st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), children, max_size=4)),
                      max_leaves=12)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=9)
markdown_lines = st.lists(st.one_of(
    st.text(max_size=60),
    st.sampled_from(["### A point {#a-point}", "#### Another {#Bad_Id}", "### No id", "themes: shared-purpose", "themes:",
                     "speaker: sally-young", "theme: x", "## Section", "# Title", "```", "!!! note", "    indented",
                     "<script>x</script>", "[x](javascript:y)", "- item", "{#}", "### {#only-id}", "### Dup {#a-point}"]),
), max_size=25)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def check(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(NOTES / "data", root / "data")
        (root / "docs" / "meetings").mkdir(parents=True)
        (root / "docs" / "meetings" / "hostile.md").write_text(text, encoding="utf-8")
        try:
            archive = load_archive(root / "docs" / "meetings", root / "data", root)
        except ContentErrors as errors:
            assert errors.errors and all(e.path and e.line >= 1 and e.message for e in errors.errors)
            return
        # What passes the check must also render.
        render_pages(archive, "https://example.org/", "Site")
        for meeting in archive.meetings:
            render_meeting_page(meeting, archive, "https://example.org/")


@SETTINGS
@given(front_matter, markdown_lines)
def test_arbitrary_front_matter_and_markdown(front, lines):
    try:
        dumped = yaml.safe_dump(front, allow_unicode=True)
    except yaml.YAMLError:
        dumped = "title: x\n"
    check("---\n" + dumped + "---\n" + "\n".join(lines) + "\n")


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    check(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("-:{}[]#'\"!&*?|>%@`\n\t ab1")), max_size=200))
def test_yaml_punctuation_in_front_matter(text):
    check("---\n" + text + "\n---\n### P {#p}\nthemes: shared-purpose\n\nText.\n")


lock_data = st.dictionaries(st.sampled_from(["points", "pages", "point_redirects", "page_redirects"]) | st.text(max_size=5), values, max_size=5)


@SETTINGS
@given(st.one_of(st.text(max_size=300), lock_data.map(lambda d: yaml.safe_dump(d, allow_unicode=True))))
@example("points: [a]")
@example("pages: 5")
def test_arbitrary_permalink_lock(text):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "data").mkdir()
        (Path(tmp) / "data" / "permalinks.yml").write_text(text, encoding="utf-8")
        errors = []
        if read_lock(Path(tmp), errors) is None:
            assert errors


@SETTINGS
@given(st.sampled_from(["themes", "speakers", "organisations", "series", "planned"]), values)
def test_arbitrary_registry(name, data):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(NOTES / "data", root / "data")
        (root / "docs" / "meetings").mkdir(parents=True)
        shutil.copy(NOTES / "docs" / "meetings" / "levelling-up.md", root / "docs" / "meetings")
        (root / "data" / f"{name}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            load_archive(root / "docs" / "meetings", root / "data", root)
        except ContentErrors as errors:
            assert errors.errors


words = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40).filter(lambda t: t.strip())


@SETTINGS
@given(words, words, words, words, st.lists(words, min_size=1, max_size=3))
def test_valid_meetings_with_arbitrary_text(title, question, summary, point_title, paragraphs):
    front = {"title": title, "question": question, "series": "joining-forces", "order": 9,
             "speakers": [{"id": "sally-young"}], "themes": ["shared-purpose"], "summary": summary}
    body = f"## Key points\n\n### {point_title.replace(chr(10), ' ')} {{#a-point}}\nthemes: shared-purpose\n\n" + "\n\n".join(paragraphs)
    check("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body + "\n")
