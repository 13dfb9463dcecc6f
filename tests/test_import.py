"""`make import`: circulated write-ups (a pasted email, a Word document) become drafts whose only problems are
their FILL INs; filled in, they pass the check and build, every sentence of the write-up on the meeting page."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from archives import load
from conftest import ROOT, run_check
from site_build import build_site
from test_fidelity import normalise, source_sentences

from notes_core.authoring.recognise import SpeakerFinder
from notes_core.read.writeup import read_writeup
from notes_core.read.writeup_parts import WriteupError
from notes_core.read.writeup_text import parse_text

WRITEUPS = ROOT / "tests" / "fixtures" / "writeups"
EMAIL = WRITEUPS / "across-sectors-email.txt"
WORD = WRITEUPS / "market-towns.docx"
# The email's lines that are not the write-up: headers, greeting, sign-off and signature, disclaimer, quoted reply.
EMAIL_LEFT_OUT = [1, 2, 3, 4, 6, 45, 46, 48, 49, 50, 51, 52, 54, 57, 58, 59]
EMAIL_NOT_WRITEUP = set(EMAIL_LEFT_OUT) | {55}  # 55 continues the disclaimer of line 54


def run_import(project: Path, source: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notes.py"), "--root", str(project), "import", str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def fill_in(project: Path) -> None:
    """What a contributor does: a title for each point, a summary, and the confirmations deleted."""
    for file in [*project.glob("docs/meetings/*.md"), *project.glob("data/*.yml")]:
        lines, kept, skipping, number = file.read_text(encoding="utf-8").split("\n"), [], False, 0
        for line in lines:
            if skipping:
                skipping = line.strip() != "-->"
                continue
            if line.startswith("<!-- FILL IN"):
                skipping = not line.endswith("-->")
                continue
            if line.startswith("# FILL IN"):
                continue
            if "FILL IN: a short title saying what the point claims" in line:
                number += 1
                line = line.replace("FILL IN: a short title saying what the point claims", f"Point {number} as titled")
            line = line.replace("FILL IN the gist of the point", "its gist as the test writes it")
            line = line.replace(
                "FILL IN: one sentence of your own saying what the meeting was about", "A test meeting."
            )
            kept.append(line)
        file.write_text("\n".join(kept), encoding="utf-8")


def check_only_placeholders(project: Path) -> list[str]:
    result = run_check(project)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if re.match(r"\S+:\d+: ", line)]
    assert problems and all("placeholder 'FILL IN' left in" in line for line in problems), result.stderr
    return problems


def sentences_of(paragraphs: list[str]) -> list[str]:
    return [s for paragraph in paragraphs for s in source_sentences(paragraph)]


def email_paragraphs() -> list[str]:
    blocks: list[list[str]] = [[]]
    for number, line in enumerate(EMAIL.read_text(encoding="utf-8").split("\n"), start=1):
        if number in EMAIL_NOT_WRITEUP or not line.strip():
            blocks.append([])
        elif line.startswith("- "):
            blocks += [[line[2:]], []]
        else:
            blocks[-1].append(line.strip())
    return [" ".join(block) for block in blocks if block]


def word_paragraphs() -> list[str]:
    return [p.text for p in docx.Document(str(WORD)).paragraphs if p.text.strip()]


@pytest.mark.parametrize(
    ("source", "slug", "paragraphs", "points", "closing"),
    [
        (EMAIL, "across-sectors-including-with-the-private-sector", email_paragraphs, 5, "Further reading"),
        (WORD, "market-towns", word_paragraphs, 6, "16th November"),
    ],
)
def test_a_real_write_up_becomes_a_draft_then_a_page(project, tmp_path, source, slug, paragraphs, points, closing):
    result = run_import(project, source)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    problems = check_only_placeholders(project)
    assert f"docs/meetings/{slug}.md" in "\n".join(problems)
    fill_in(project)
    checked = run_check(project)
    assert checked.returncode == 0, checked.stderr
    archive = load(project)
    meeting = archive.meetings_by_slug[slug]
    assert len(meeting.points) == points
    assert not any(closing in point.text for point in meeting.points)
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    page = normalise(site.html(f"meetings/{slug}/").css_first("article").text())
    missing = [s for s in sentences_of(paragraphs()) if normalise(s) not in page]
    assert missing == []


def test_the_email_s_headers_greeting_signature_disclaimer_and_quotes_are_left_out():
    writeup = read_writeup(EMAIL)
    assert [item.line for item in writeup.left_out] == EMAIL_LEFT_OUT
    assert writeup.subject == "Notes: Joining forces across sectors"
    assert all("Jo Marsh" not in block.text and "020 7946" not in block.text for block in writeup.blocks)


def test_wrapped_paragraphs_are_joined_and_one_line_paragraphs_kept():
    wrapped = parse_text(
        "Title line\n\n" + "A sentence that wraps at the width of an email line, as\nmail does. " * 1, "x"
    )
    assert [b.text for b in wrapped.blocks][-1].endswith("as mail does.")
    lines = parse_text("Title\nFirst paragraph.\nSecond paragraph.\n", "x")
    assert [b.text for b in lines.blocks] == ["Title", "First paragraph.", "Second paragraph."]


def test_word_s_headings_lists_and_quotes_survive_and_margins_comments_and_deletions_do_not():
    writeup = read_writeup(WORD)
    kinds = [(b.kind, b.text) for b in writeup.blocks]
    assert ("heading", "Joining forces in market towns") in kinds
    assert ("item", "no partner bids for work the others already do") in kinds
    assert any(b.kind == "item" and b.numbered and b.text == "pool a small budget" for b in writeup.blocks)
    assert any("‘What does it take" in b.text for b in writeup.blocks)
    assert {item.why for item in writeup.left_out} == {"header", "footer", "comment", "deleted in tracked changes"}
    assert not any("Everyone agreed" in b.text or "page 1" in b.text for b in writeup.blocks)


@pytest.mark.parametrize(
    "spelling", ["Cate Newness Smith", "Cate Newnes Smith", "Cate Newnes-Smith", "Cate Newnes-Smyth"]
)
def test_a_speaker_is_found_however_the_notes_spell_them(spelling):
    archive = load(ROOT / "tests" / "fixtures" / "archives" / "notes")
    found = SpeakerFinder(archive.speakers).full_mentions(f"As {spelling}, thought-leader for this cell, said")
    assert [m.speaker for m in found] == ["cate-newnes-smith"]


def docx_with(tmp_path: Path, name: str, extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(WORD) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, (replace or {}).get(item.filename, source.read(item.filename)))
        for filename, data in extra.items():
            target.writestr(filename, data)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


def test_hostile_documents_are_refused_with_a_reason(tmp_path):
    document = zipfile.ZipFile(WORD).read("word/document.xml")
    cases = {
        "macros": docx_with(tmp_path, "macros.docx", {"word/vbaProject.bin": b"\0" * 100}),
        "document type": docx_with(
            tmp_path,
            "entities.docx",
            {},
            {"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + document[38:]},
        ),
        "expand": docx_with(tmp_path, "bomb.docx", {"word/bomb.xml": b" " * 30_000_000}),
        "not a .docx": tmp_path / "text.docx",
        "macro-enabled": tmp_path / "notes.docm",
    }
    cases["not a .docx"].write_text("plain text", encoding="utf-8")
    cases["macro-enabled"].write_bytes(WORD.read_bytes())
    for reason, path in cases.items():
        with pytest.raises(WriteupError) as raised:
            read_writeup(path)
        assert reason in str(raised.value), (reason, str(raised.value))
        assert re.match(r".+:\d+: ", str(raised.value))


def test_a_bad_write_up_is_an_error_with_its_line_never_a_traceback(project, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"Title\nA line \xff here.\n")
    result = run_import(project, bad)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"notes\.txt:2: the file is not UTF-8", result.stderr), result.stderr


def test_text_that_looks_like_markup_stays_text(project, tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text(
        "Joining forces against markup\n"
        "The topic was ‘What if notes hold markup?’\n"
        "Here are some of the key points made by speakers and in discussion:\n"
        "<script>alert(1)</script> is text, and so is <b>this</b>.\n"
        "#this line is not a heading {#nor-an-id} and [this](javascript:alert(1)) is no link.\n"
        "!!! note is not a box, and *these* are asterisks.\n",
        encoding="utf-8",
    )
    assert run_import(project, source).returncode == 0
    check_only_placeholders(project)
    text = (project / "docs" / "meetings" / "against-markup.md").read_text(encoding="utf-8")
    assert "&lt;script>" in text and "\\#this line" in text and "\\!!! note" in text


def test_a_quoted_question_that_quotes_in_turn_is_found_whole():
    from notes_core.authoring.writeup_draft import find_question

    writeup = parse_text(
        "Joining forces to inspire\n"
        "The question for this meeting was ‘So, can we ‘let go’ when we collaborate, without losing our way?’\n"
        "The speaker was Marcus Olembe, Director of the Riverside Tenants Federation.\n",
        "x",
    )
    assert find_question(list(writeup.blocks)[1:]) == "So, can we ‘let go’ when we collaborate, without losing our way?"


def test_organisations_named_like_a_federation_or_a_hub_are_proposed():
    from notes_core.authoring.recognise import OrganisationFinder

    finder = OrganisationFinder({})
    text = (
        "Marcus Olembe, Director of the Riverside Tenants Federation, and Priya Anand, of the Eastside Community Hub."
    )
    assert finder.new(text) == ["Riverside Tenants Federation", "Eastside Community Hub"]
