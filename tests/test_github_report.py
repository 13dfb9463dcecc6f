"""In a pull request, the check speaks in GitHub's web UI: annotations on the lines, a job summary with the fixes.
Whatever a contributor wrote stays text there: it never starts a line of the log (where GitHub would obey it as a
workflow command) and never leaves its code span or block in the summary (where it would render as Markdown)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, edit
from selectolax.lexbor import LexborHTMLParser

from notes_core.check.github_report import code_span, error_annotations, job_summary
from notes_core.errors import ContentError
from notes_core.safety.log_text import log_text, one_line


def test_annotations_are_workflow_commands_with_escaped_values():
    text = error_annotations([ContentError("docs/meetings/a,b.md", 7, "50% wrong: see `x`", ("- id: x",))])
    assert text == (
        "::error file=docs/meetings/a%2Cb.md,line=7,title=Content check%3A edit the file with the pencil icon and "
        "commit; the check runs again::50%25 wrong: see `x`%0A- id: x\n"
    )


def test_a_line_break_in_a_message_stays_in_its_annotation_and_is_shown():
    text = error_annotations(
        [ContentError("docs/a\n::error::b.md", 1, "x\n::error file=README.md::forged\r##[error]y")]
    )
    assert text.count("\n") == 1 and "\r" not in text
    assert "::error" not in text[2:] and "##[" not in text
    assert "x\\n:\\:error file=README.md:\\:forged\\r#\\#[error]y" in text


def test_summary_lists_each_problem_and_keeps_an_entry_to_paste_as_it_is():
    summary = job_summary(
        [ContentError("data/themes.yml", 3, "a | b <script> `c`; add:", ("- id: x", "  name: X"))], ("skipped",)
    )
    assert "- `data/themes.yml:3`: ``a | b <script> `c`; add:``" in summary
    assert "  ```yaml\n  - id: x\n    name: X\n  ```" in summary
    assert summary.startswith("### Content check: 1 problem to fix") and "> Note: `skipped`" in summary


def test_a_code_span_is_longer_than_any_run_of_backticks_it_holds():
    assert code_span("a ``` b") == "````a ``` b````"
    assert code_span("line\nbreak") == "`line\\nbreak`"
    assert code_span("`x` ") == "`` `x`  ``"


@pytest.mark.parametrize(
    "text",
    [
        "::error file=README.md,line=1::forged",
        "  ::stop-commands::token",
        "x ##[warning]forged",
        "::::",
        "a\u2028::error::b",
        "a\u202e::error::b",
        "\x1b[2K::error::b",
        "tag\U000e0041s",
    ],
)
def test_no_printed_line_is_a_workflow_command(text):
    for printed in (one_line(text), *log_text(text).split("\n")):
        assert not printed.lstrip().startswith("::") and "##[" not in printed and "::" not in printed
        assert all(char.isprintable() for char in printed), printed


def test_the_check_annotates_the_lines_in_a_workflow(repo, tmp_path):
    edit(repo, "  - id: sally-young", "  - id: sally-yong")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(repo), "check"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    assert (
        "::error file=docs/meetings/levelling-up.md,line=9,title=Content check%3A edit the file with the pencil icon "
        "and commit; the check runs again::speakers: unknown id 'sally-yong'" in result.stdout
    )
    assert "- `docs/meetings/levelling-up.md:9`: `speakers: unknown id 'sally-yong'" in summary.read_text(
        encoding="utf-8"
    )


# Every hostile value carries EVIL, so the test can find where contributor text landed.
EVIL = "EVIL"
FORGED = [
    "EVIL\n::error file=README.md,line=1::Forged EVIL",
    "EVIL\r\n::stop-commands::EVIL",
    "EVIL ##[error file=README.md;line=1]Forged EVIL",
    "EVIL ``` ### Content check: all good [Approve](https://evil.test/approve) <img src=x> www.evil.test EVIL",
    "EVIL\n```\n### Content check: all good\nEVIL",
    "EVIL %0A::error::EVIL\u2028::warning::EVIL\x1b[2KEVIL",
]


def write_hostile_contribution(repo: Path) -> None:
    """The hostile values, quoted back by as many different messages as possible."""
    meeting = repo / "docs" / "meetings" / "levelling-up.md"
    text = meeting.read_text(encoding="utf-8")
    front = "".join(f"{json.dumps(value)}: x\n" for value in FORGED)  # unknown fields
    text = text.replace("---\n", "---\n" + front, 1)
    text = text.replace("series: joining-forces", f"series: {json.dumps(FORGED[0])}")  # an unknown series
    text = text.replace("  - id: sally-young", f"  - id: {json.dumps(FORGED[3])}")  # an unknown speaker
    meeting.write_text(text, encoding="utf-8")
    (repo / "docs" / f"{FORGED[0]}.md").write_text("A page with a hostile name.\n", encoding="utf-8")
    (repo / "docs" / "EVIL ``` [Approve](evil.test).md").write_text("Another.\n", encoding="utf-8")
    (repo / "docs" / ".nav.yml").write_text(
        "nav:\n" + "".join(f"  - {json.dumps(value)}: index.md\n" for value in FORGED), encoding="utf-8"
    )
    redirects = repo / "data" / "permalinks.yml"
    entries = "".join(f"  {json.dumps(value)}: index.md\n" for value in FORGED)
    redirects.write_text(
        redirects.read_text(encoding="utf-8").replace("page_redirects:\n", "page_redirects:\n" + entries),
        encoding="utf-8",
    )


OUR_LINE = re.compile(r"(?:docs|data)/[^\n]*?:\d+: |note: ")
ANNOTATION = re.compile(r"::(?:error|warning) (?:file=[^:,]*,line=\d+,)?title=Content check[^:,]*::[^\n\r]*")


def render_gfm(markdown_text: str) -> str:
    """GitHub-flavoured Markdown as a real renderer makes it (marked, with autolinks), for the summary."""
    marked = ROOT / "node_modules" / "marked" / "lib" / "marked.esm.js"
    if not marked.is_file():
        pytest.skip("marked is installed by `npm ci`")
    script = (
        f"import {{marked}} from {json.dumps(marked.as_uri())};"
        "let s='';process.stdin.on('data',d=>s+=d);"
        "process.stdin.on('end',()=>process.stdout.write(marked.parse(s,{gfm:true})));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script], input=markdown_text, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_no_contributor_text_starts_a_line_or_leaves_its_construct_in_a_workflow(repo, tmp_path):
    write_hostile_contribution(repo)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(repo), "check"],
        capture_output=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    output = (result.stdout + result.stderr).decode("utf-8")
    assert "Traceback" not in output and output.count(EVIL) >= 40
    # GitHub splits the log at \r as well as \n, and shows terminal escapes.
    assert "\r" not in output and "\x1b" not in output and "##[" not in output
    for line in output.split("\n"):
        if line.lstrip().startswith("::"):
            assert ANNOTATION.fullmatch(line), line  # ours, whole: the contributor's text is inside its value
            assert "::" not in line.split("title=Content check", 1)[1].split("::", 1)[1]
        elif EVIL in line:
            assert OUR_LINE.match(line), line  # a problem's own line: the file and line come first
            assert "::" not in line
    annotations = [line for line in result.stdout.decode().split("\n") if line.startswith("::error")]
    assert len(annotations) >= 10

    written = summary.read_text(encoding="utf-8")
    html = LexborHTMLParser(render_gfm(written))
    headings = [heading.text() for heading in html.css("h1, h2, h3, h4, h5, h6")]
    assert len(headings) == 1 and re.fullmatch(r"Content check: \d+ problems to fix", headings[0]), headings
    assert html.css("a, img, script, table, blockquote blockquote") == []
    assert [b.text() for b in html.css("strong, em, del")] == ["Files changed"]
    for node in html.body.traverse(include_text=True):
        if node.tag == "-text" and EVIL in (node.text_content or ""):
            assert node.parent is not None and node.parent.tag == "code", node.parent.html
    blocks = html.css("pre > code")
    assert all(EVIL not in block.text() for block in blocks)  # the entries to paste are the check's own words


def test_the_strict_build_log_is_inert_too(project, tmp_path):
    """MkDocs prints the content's problems (and its own warnings) to the log as well: every line made inert."""
    write_hostile_contribution(project)
    (project / "docs" / "about.md").write_text("[x](EVIL\n::error::x.md)\n\nSee [EVIL](EVIL::error::x.md).\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        timeout=300,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    output = (result.stdout + result.stderr).decode("utf-8")
    assert result.returncode != 0 and "Traceback" not in output and EVIL in output
    assert "\r" not in output and "\x1b" not in output and "##[" not in output
    for line in output.split("\n"):
        assert not line.lstrip().startswith("::") and "::" not in line, line


def test_any_logger_s_lines_are_made_inert_once_the_build_starts():
    import io
    import logging

    from notes_core.safety.log_text import make_log_inert

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("mkdocs.plugins.some-plugin-quoting-content")
    logger.addHandler(handler)
    try:
        make_log_inert()
        make_log_inert()  # once per build: twice adds nothing
        logger.warning("link %s not found", "x.md\n::error file=README.md::forged ##[warning]y")
    finally:
        logger.removeHandler(handler)
    printed = stream.getvalue()
    # The engine's record is one line: a line break it decoded from the contributor's text (a link's %0A) is shown
    # as an escape, so no contributor text starts a line of the log.
    assert printed.count("\n") == 1 and "::" not in printed and "##[" not in printed, printed
    assert printed.startswith("link x.md\\n:\\:error"), printed
    assert sum(1 for f in handler.filters if type(f).__name__ == "InertLogFilter") == 1


def test_the_site_s_own_log_lines_keep_their_lines_to_paste():
    import io
    import logging

    from mkdocs.plugins import get_plugin_logger

    from notes_core.safety.log_text import OWN_LOGGER, InertLogFilter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(InertLogFilter())
    logger = get_plugin_logger("notes")  # as scripts/notes_hook.py makes it
    assert logger.name == OWN_LOGGER
    logger.logger.addHandler(handler)
    try:
        logger.warning("data/permalinks.yml:2: add this\npoint_redirects:\n  old: new")
    finally:
        logger.logger.removeHandler(handler)
    assert stream.getvalue().split("\n")[1:3] == ["point_redirects:", "  old: new"]


def test_the_import_of_a_write_up_prints_its_text_inert(project, tmp_path):
    """The import workflow prints what it made of an issue's text to its log: that text starts no command either."""
    source = tmp_path / "notes.txt"
    source.write_text(
        "From: EVIL ::error file=README.md,line=1::forged\n"
        "Subject: ##[warning]EVIL\n"
        "Joining forces against commands\n"
        "The topic was ‘What if notes hold commands?’\n"
        "Here are some of the key points made by speakers and in discussion:\n"
        "::stop-commands::EVIL\n"
        "A point with ##[error]EVIL in it, and ::error::EVIL too.\n"
        "\x1b[2K::warning::EVIL\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(project), "import", str(source)],
        capture_output=True,
        timeout=120,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    output = (result.stdout + result.stderr).decode("utf-8")
    assert "Traceback" not in output and EVIL in output
    assert "\r" not in output and "\x1b" not in output and "##[" not in output
    for line in output.split("\n"):
        assert not line.lstrip().startswith("::") and "::" not in line, line
