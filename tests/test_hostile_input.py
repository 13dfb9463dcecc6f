"""Property-based: whatever a contributor writes, the checker answers with content errors or passes;
it never crashes."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml
from archives import NOTES
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from notes_core import ContentErrors, Theme, load_archive
from notes_core.build.files import render_pages
from notes_core.permalinks.redirects import read_redirects
from notes_core.render.meeting import render_meeting_page
from notes_core.settings import load_settings

FIELDS = [
    "title",
    "question",
    "series",
    "order",
    "date",
    "speakers",
    "themes",
    "summary",
    "speaker",
    "theme",
    "id",
    "role",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(["joining-forces", "sally-young", "shared-purpose", "2024-02-30", "", "~", "<script>"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=9)
markdown_lines = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "### A point {#a-point}",
                "#### Another {#Bad_Id}",
                "### No id",
                "themes: shared-purpose",
                "themes:",
                "speaker: sally-young",
                "theme: x",
                "## Section",
                "# Title",
                "```",
                "!!! note",
                "    indented",
                "<script>x</script>",
                "[x](javascript:y)",
                "- item",
                "{#}",
                "### {#only-id}",
                "### Dup {#a-point}",
            ]
        ),
    ),
    max_size=25,
)

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


def check(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(NOTES / "data", root / "data")
        (root / "docs" / "meetings").mkdir(parents=True)
        (root / "docs" / "meetings" / "hostile.md").write_text(text, encoding="utf-8")
        try:
            archive = load_archive(load_settings(root))
        except ContentErrors as errors:
            assert errors.errors and all(e.path and e.line >= 1 and e.message for e in errors.errors)
            return
        # What passes the check must also render.
        render_pages(archive, load_settings(root, site_url="https://example.org/", site_name="Site"))
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


lock_data = st.dictionaries(
    st.sampled_from(["points", "pages", "point_redirects", "page_redirects", "moved_points"]) | st.text(max_size=5),
    values,
    max_size=5,
)


@SETTINGS
@given(st.one_of(st.text(max_size=300), lock_data.map(lambda d: yaml.safe_dump(d, allow_unicode=True))))
@example("points: [a]")
@example("pages: 5")
def test_arbitrary_permalink_lock(text):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "data").mkdir()
        (Path(tmp) / "data" / "permalinks.yml").write_text(text, encoding="utf-8")
        errors = []
        if read_redirects(Path(tmp), errors) is None:
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
            load_archive(load_settings(root))
        except ContentErrors as errors:
            assert errors.errors


words = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40).filter(
    lambda t: t.strip()
)


@SETTINGS
@given(words, words, words, words, st.lists(words, min_size=1, max_size=3))
@example("0", "0", "08", "0", ["0"])  # hypothesis found it: `summary: 08` was read as an octal number, and failed
def test_valid_meetings_with_arbitrary_text(title, question, summary, point_title, paragraphs):
    front = {
        "title": title,
        "question": question,
        "series": "joining-forces",
        "order": 9,
        "speakers": [{"id": "sally-young"}],
        "themes": ["shared-purpose"],
        "summary": summary,
    }
    body = (
        f"## Key points\n\n### {point_title.replace(chr(10), ' ')} {{#a-point}}\nthemes: shared-purpose\n\n"
        + "\n\n".join(paragraphs)
    )
    check("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body + "\n")


def test_numbers_with_a_leading_zero_or_a_sign_stay_as_written(tmp_path):
    """YAML would read `010` as 8 and fail on `08`: text keeps the contributor's characters, and `order` asks for
    a plain whole number."""
    shutil.copytree(NOTES / "data", tmp_path / "data")
    (tmp_path / "data" / "planned.yml").write_text("[]\n", encoding="utf-8")  # it names the notes' meetings
    meetings = tmp_path / "docs" / "meetings"
    meetings.mkdir(parents=True)
    front = "title: 007\nquestion: +5\nseries: joining-forces\norder: {order}\nspeakers:\n  - id: sally-young\n"
    front += "themes:\n  - shared-purpose\nsummary: 010\n"
    body = "## Key points\n\n### A point in plain words {#a-point}\nthemes: shared-purpose\n\nWords.\n"
    (meetings / "numbers.md").write_text("---\n" + front.format(order=9) + "---\n" + body, encoding="utf-8")
    meeting = load_archive(load_settings(tmp_path)).meetings[0]
    assert (meeting.title, meeting.question, meeting.summary) == ("007", "+5", "010")
    (meetings / "numbers.md").write_text("---\n" + front.format(order="08") + "---\n" + body, encoding="utf-8")
    try:
        load_archive(load_settings(tmp_path))
    except ContentErrors as errors:
        assert [e.message for e in errors.errors] == [
            "front matter: 'order' must be a whole number from 1 up (the meeting's place in its series), not '08'"
        ]
    else:
        raise AssertionError("order: 08 was accepted")


# Hostile HTML, attribute lists and YAML escapes, generated: whatever the check lets through is safe as rendered,
# and whatever is unsafe, the check names.
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from notes_core.check.docs import markdown_renderer  # noqa: E402
from notes_core.documents import render_document  # noqa: E402
from notes_core.safety.sanitise import clean_html, removed_parts  # noqa: E402

RENDER = markdown_renderer(load_settings(ROOT))
DANGEROUS_TAGS = {
    "script",
    "iframe",
    "style",
    "object",
    "embed",
    "base",
    "meta",
    "link",
    "form",
    "frame",
    "image",
    "video",
    "audio",
}
tags = st.sampled_from(
    ["script", "img", "svg", "a", "iframe", "style", "p", "div", "image", "video", "base", "meta", "math", "noscript"]
)
names = st.sampled_from(
    [
        "onerror",
        "onclick",
        "onload",
        "src",
        "href",
        "style",
        "srcset",
        "poster",
        "id",
        "class",
        "xlink:href",
        "formaction",
    ]
)
values = st.sampled_from(
    [
        "alert(1)",
        "javascript:alert(1)",
        "java&#09;script:alert(1)",
        "//evil.test/x",
        "http://evil.test/x",
        "/\\evil.test",
        "url(//evil.test)",
        "__config",
        "x.png",
        "data:text/html,x",
        "#ok",
    ]
)
gaps = st.sampled_from([" ", "/", "\n", "\t", " \n "])
quotes = st.sampled_from(['"', "'", ""])


@st.composite
def html_payloads(draw):
    tag = draw(tags)
    attributes = "".join(
        f"{draw(gaps)}{draw(names)}={(q := draw(quotes))}{draw(values)}{q}" for _ in range(draw(st.integers(0, 3)))
    )
    inner = draw(st.sampled_from(["", "x", "alert(1)", "<b>y</b>"]))
    return f"<{tag}{attributes}>{inner}</{tag}>"


@st.composite
def attribute_lists(draw):
    key, value = draw(names), draw(values)
    opening = draw(st.sampled_from(["{: ", "{", "{:"]))
    block = draw(st.sampled_from(["Para", "## Heading", "![x](x.png)", "[link](x.md)"]))
    return block + opening + key + '="' + value + '" }'


def unsafe(html: str) -> list[str]:
    found = []
    body = LexborHTMLParser(f"<body>{html}</body>").body
    for node in body.traverse(include_text=False) if body else []:
        if node.tag in DANGEROUS_TAGS:
            found.append(node.tag)
        for name, value in node.attributes.items():
            value = (value or "").lower().replace("\t", "").replace("\n", "")
            if (
                name.startswith("on")
                or name in ("style", "srcset", "poster")
                or "javascript:" in value
                or "data:" in value
            ):
                found.append(f"{name}={value}")
            if name in ("src",) and (value.startswith(("//", "/\\")) or "://" in value):
                found.append(f"{name}={value}")
            if name == "id" and re.match(r"__[a-z0-9]", value):
                found.append(f"{name}={value}")
    return found


def assert_safe_or_named(markdown_text: str) -> None:
    rendered = RENDER(markdown_text)
    assert unsafe(clean_html(rendered)) == []  # what reaches a reader is safe
    if not removed_parts(rendered):  # and the check names anything it takes out
        assert unsafe(rendered) == [], rendered


@SETTINGS
@given(html_payloads())
def test_generated_html_is_cleaned_or_named(payload):
    assert_safe_or_named(payload)


@SETTINGS
@given(attribute_lists())
def test_generated_attribute_lists_are_cleaned_or_named(payload):
    assert_safe_or_named(payload)


yaml_escapes = st.lists(
    st.sampled_from(
        [
            "\\x3c",
            "\\x3e",
            "\\u003c",
            "\\x22",
            "script",
            "img src=x onerror=alert(1)",
            " ",
            "svg/onload=alert(1)",
            "{: onclick=x }",
            "[x](javascript:y)",
            "&lt;",
            "\\\\",
            "*",
            "_",
            "|",
        ]
    ),
    min_size=1,
    max_size=8,
).map("".join)


@SETTINGS
@given(yaml_escapes)
def test_yaml_escaped_text_fields_render_as_text(raw):
    """A registry value placed by the templates (a heading, a paragraph) stays text."""
    value = yaml.safe_load(f'v: "{raw}"')["v"] if '"' not in raw else raw
    context = {"page": "meetings/series/x.md", "title": value, "slug": lambda text: "x", "meetings": []}
    rendered = render_document("series.html", {**context, "series": Theme("x", value, value)})
    assert removed_parts(rendered) == [] and unsafe(rendered) == [], (value, rendered)
    text = LexborHTMLParser(rendered).text()
    assert text.count(value.strip()) >= 2 or not value.strip(), (value, rendered)
