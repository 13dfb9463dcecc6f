"""`make import` of an email saved from a mail program (.eml), and of a write-up whose point is already on the
site (the same words in another meeting): it says so and proposes a `twin:` line rather than duplicating it."""

from __future__ import annotations

import html
from email.message import EmailMessage
from pathlib import Path

import pytest
from conftest import ROOT
from test_import import check_only_placeholders, run_import

from notes_core.read.writeup import read_writeup
from notes_core.read.writeup_parts import WriteupError

EMAIL = ROOT / "tests" / "fixtures" / "writeups" / "across-sectors-email.txt"
HEADERS = 4  # the fixture email's header lines; the rest is the message's text


def body_lines() -> list[str]:
    return EMAIL.read_text(encoding="utf-8").split("\n")[HEADERS + 1 :]


def as_html(lines: list[str]) -> str:
    """The message's text as a mail program writes HTML: a paragraph per paragraph, a list, a quoted reply."""
    parts, paragraph, items, quote = [], [], [], []
    for line in [*lines, ""]:
        if line.startswith("> "):
            quote.append(html.escape(line[2:]))
        elif line.startswith("- "):
            items.append(f"<li>{html.escape(line[2:])}</li>")
        elif line.strip():  # a wrapped line joins the next; a short one ends its line (a signature's)
            if paragraph:
                paragraph.append(" " if len(paragraph[-1]) >= 60 else "<br>")
            paragraph.append(html.escape(line))
        else:
            if paragraph:
                parts.append(f"<p>{''.join(paragraph)}</p>")
            if items:
                parts.append(f"<ul>{''.join(items)}</ul>")
            paragraph, items = [], []
    parts.append(f"<blockquote><p>{'<br>'.join(quote)}</p></blockquote>")
    return f"<html><head><style>p {{ margin: 0 }}</style></head><body>{''.join(parts)}</body></html>"


def message(plain: bool, html_part: bool) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = "Jo Marsh <jo.marsh@example.org>"
    mail["To"] = "Joining Forces cell <joiningforces@example.org>"
    mail["Subject"] = "Notes: Joining forces across sectors"
    mail["Date"] = "Thu, 28 Sep 2023 10:14:00 +0100"
    lines = body_lines()
    if plain:
        mail.set_content("\n".join(lines))
    if html_part:
        if plain:
            mail.add_alternative(as_html(lines), subtype="html")
        else:
            mail.set_content(as_html(lines), subtype="html")
    mail.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="slides.pdf")
    return mail


def test_an_eml_is_read_as_the_pasted_email_is_its_headers_left_out_and_listed(tmp_path):
    pasted = read_writeup(EMAIL)
    for plain, html_part in [(True, True), (True, False), (False, True)]:
        file = tmp_path / "notes.eml"
        file.write_bytes(bytes(message(plain, html_part)))
        writeup = read_writeup(file)
        assert [b.text for b in writeup.blocks] == [b.text for b in pasted.blocks], (plain, html_part)
        assert [(b.kind, b.numbered) for b in writeup.blocks] == [(b.kind, b.numbered) for b in pasted.blocks]
        headers = [item.text for item in writeup.left_out if item.why == "email header"]
        assert headers[0] == "From: Jo Marsh <jo.marsh@example.org>" and len(headers) == 4
        assert writeup.subject == "Notes: Joining forces across sectors"
        assert any("Steve" in item.text for item in writeup.left_out if item.why == "quoted reply")
        assert any("slides.pdf" in note for note in writeup.notes)


def test_a_hostile_eml_is_refused_with_a_reason(tmp_path):
    mail = EmailMessage()
    mail["Subject"] = "Notes"
    mail.set_content("<div>" * 5000 + "words" + "</div>" * 5000, subtype="html")
    file = tmp_path / "deep.eml"
    file.write_bytes(bytes(mail))
    with pytest.raises(WriteupError, match="nested too deeply"):
        read_writeup(file)
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"Subject: nothing\r\nContent-Type: image/png\r\n\r\nxx")
    with pytest.raises(WriteupError, match="has no text"):
        read_writeup(empty)


def test_an_eml_becomes_a_draft_whose_only_problems_are_fill_ins(project, tmp_path):
    file = tmp_path / "notes.eml"
    file.write_bytes(bytes(message(True, True)))
    result = run_import(project, file)
    assert result.returncode == 0, result.stdout + result.stderr
    check_only_placeholders(project)
    draft = (project / "docs/meetings/across-sectors-including-with-the-private-sector.md").read_text("utf-8")
    assert "Businesses are often keen to help" in draft and "jo.marsh@example.org" not in draft


def test_a_point_already_on_the_site_is_named_and_a_twin_proposed(project: Path, tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text(
        "Joining forces: streets that care\n\n"
        "The question was ‘How can a street look after its own?’\n\n"
        "Here are some of the key points made by speakers and in discussion:\n\n"
        "A sustained effort will be needed over many years. Short term initiatives by themselves will not bring "
        "about Levelling-Up.\n\n"
        "Neighbours who know one another by name can share the care of a street, it was suggested.\n",
        encoding="utf-8",
    )
    result = run_import(project, source)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "has the words of point 'sustained-effort-over-years' (docs/meetings/levelling-up.md)" in result.stdout
    assert "already on the site: was it imported before" not in result.stdout  # one of two points only
    draft = (project / "docs/meetings/streets-that-care.md").read_text(encoding="utf-8")
    assert draft.count("these words are already on the site") == 1
    assert "add the line `twin: sustained-effort-over-years` under this point's" in draft
    check_only_placeholders(project)
