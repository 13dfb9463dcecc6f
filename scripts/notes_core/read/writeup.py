"""A circulated write-up (plain text, a pasted email, Markdown, a Word .docx or an email saved as .eml) read into
blocks with line numbers, by the reader for its type (writeup_text.py, writeup_docx.py, writeup_eml.py; what they
make is in writeup_parts.py)."""

from __future__ import annotations

from pathlib import Path

from notes_core.read.writeup_docx import read_docx
from notes_core.read.writeup_eml import read_eml
from notes_core.read.writeup_parts import Writeup, WriteupError
from notes_core.read.writeup_text import read_text

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
WORD_SUFFIXES = {".docx"}
MAIL_SUFFIXES = {".eml"}
MACRO_SUFFIXES = {".docm", ".dotm", ".xlsm", ".pptm"}


def read_writeup(file: Path, shown: str | None = None) -> Writeup:
    """The write-up in `file`, by its type; raises WriteupError with the reason when it cannot be read."""
    path = shown or file.as_posix()
    suffix = file.suffix.lower()
    if not file.is_file():
        raise WriteupError(
            path, 1, "there is no such file; give the path of the write-up (.txt, .md, .docx or an email saved as .eml)"
        )
    if suffix in MACRO_SUFFIXES:
        raise WriteupError(
            path,
            1,
            "macro-enabled Office files are refused; in Word, use File > Save As and choose 'Word Document (.docx)'",
        )
    if suffix in WORD_SUFFIXES:
        return read_docx(file, path)
    if suffix in MAIL_SUFFIXES:
        return read_eml(file, path)
    if suffix in TEXT_SUFFIXES or suffix == "":
        return read_text(file, path, markdown=suffix in {".md", ".markdown"})
    if suffix in {".doc", ".rtf", ".odt", ".pdf", ".pages"}:
        raise WriteupError(
            path, 1, f"'{suffix}' files cannot be read; save the write-up as a Word .docx or as plain text (.txt)"
        )
    raise WriteupError(path, 1, f"unknown type '{suffix}'; give the write-up as .txt, .md, .docx or .eml")
