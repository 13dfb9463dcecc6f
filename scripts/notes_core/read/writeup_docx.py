"""A write-up as a Word .docx, read with python-docx after the file is checked as the zip it is.

A .docx is a zip of XML files, so before python-docx opens it: a size limit, a limit on what each part and all
parts may expand to and on how much they may expand (a zip bomb), no XML document type declarations (entities,
and so no entity expansion or external fetch; python-docx's parser resolves none either), and macro-enabled
documents refused. Nothing the document links to is ever fetched.

What is read: the body's paragraphs in order (tables cell by cell), Word's headings (Title, Heading 1-9),
bullet and numbered lists (list styles, or numbering whose format says bullet), the text as typed (smart quotes
and dashes as they are), insertions of tracked changes as text. What is not content and is left out, listed:
headers, footers, comments, text deleted in tracked changes; pictures and text boxes are named in a note.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from notes_core.read.writeup_parts import Block, LeftOut, Writeup, WriteupError, leave_out_mail_parts

MAX_DOCX_BYTES = 10_000_000  # a write-up with a few pictures is well under this
MAX_PART_BYTES = 20_000_000  # what one part may expand to
MAX_TOTAL_BYTES = 60_000_000  # what all parts together may expand to
MAX_RATIO = 100  # expansion of one compressed part; text XML compresses about 10 times
MAX_PARTS = 2_000
MACRO_PARTS = re.compile(r"(?i)(?:^|/)(?:vbaProject\.bin|vbaData\.xml|activeX/)")
MACRO_TYPE = re.compile(rb"(?i)macroEnabled")
DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
HEADING_STYLE = re.compile(r"(?i)heading\s*([1-9])")
BULLET_FORMATS = {"bullet", "none"}


def read_docx(file: Path, path: str) -> Writeup:
    size = file.stat().st_size
    if size > MAX_DOCX_BYTES:
        raise WriteupError(
            path, 1, f"the document is {size:,} bytes, more than the {MAX_DOCX_BYTES:,} allowed; remove its pictures"
        )
    data = file.read_bytes()
    check_package(data, path)
    import docx  # python-docx: imported here, so that the rest of the site never needs it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a damaged package: each means the same here
        raise WriteupError(
            path, 1, f"this is not a Word document that can be read ({type(error).__name__}); save it again as .docx"
        ) from error
    reader = DocxReader(document)
    blocks = reader.read_body()
    left_out = reader.left_out + reader.read_margins() + reader.read_comments()
    blocks = leave_out_mail_parts(blocks, left_out)
    left_out.sort(key=lambda item: item.line)
    if not blocks:
        raise WriteupError(path, 1, "the document has no text in its body")
    return Writeup(path, tuple(blocks), tuple(left_out), "", "paragraph", False, tuple(reader.notes))


def check_package(data: bytes, path: str) -> None:
    """Refuse what is not a plain Word document, or what would cost too much to open."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise WriteupError(path, 1, f"this is not a .docx file (not a zip: {error}); save it again as .docx") from error
    if len(members) > MAX_PARTS:
        raise WriteupError(path, 1, f"the document has {len(members):,} parts, more than {MAX_PARTS:,}; refused")
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise WriteupError(path, 1, "this zip is not a Word document (no word/document.xml); save it again as .docx")
    total = 0
    for member in members:
        if MACRO_PARTS.search(member.filename):
            raise WriteupError(
                path, 1, "the document holds macros or ActiveX controls; refused. Save it as 'Word Document (.docx)'"
            )
        if member.flag_bits & 0x1:
            raise WriteupError(path, 1, "the document is encrypted; save it without a password")
        if member.file_size > MAX_PART_BYTES or member.file_size > MAX_RATIO * max(member.compress_size, 1000):
            raise WriteupError(
                path, 1, f"the part '{member.filename}' would expand to {member.file_size:,} bytes; refused"
            )
        total += member.file_size
        if total > MAX_TOTAL_BYTES:
            raise WriteupError(path, 1, "the document would expand to too much; refused")
    for member in members:
        if not member.filename.endswith((".xml", ".rels")):
            continue
        with archive.open(member) as handle:
            content = handle.read(MAX_PART_BYTES + 1)
        if len(content) > MAX_PART_BYTES:
            raise WriteupError(path, 1, f"the part '{member.filename}' expands beyond what its size says; refused")
        if DOCTYPE.search(content):
            raise WriteupError(
                path, 1, f"the part '{member.filename}' declares a document type or entities, which Word never writes"
            )
        if member.filename == "[Content_Types].xml" and MACRO_TYPE.search(content):
            raise WriteupError(path, 1, "the document is macro-enabled; save it as 'Word Document (.docx)'")


class DocxReader:
    """Walks the body's XML, so that insertions are read and deletions, comments and field codes are not."""

    def __init__(self, document: Any):
        self.document = document
        self.left_out: list[LeftOut] = []
        self.notes: list[str] = []
        self.number = 0  # paragraphs counted as Word shows them, for messages
        self.styles = {style.style_id: style for style in document.styles}
        self.numbering = numbering_formats(document)

    def read_body(self) -> list[Block]:
        blocks: list[Block] = []
        for element in self.document.element.body.iterchildren():
            if element.tag == W + "p":
                self.add_paragraph(element, blocks)
            elif element.tag == W + "tbl" or element.tag == W + "sdt":
                for paragraph in element.iter(W + "p"):
                    self.add_paragraph(paragraph, blocks)
        return blocks

    def add_paragraph(self, paragraph: Any, blocks: list[Block]) -> None:
        self.number += 1
        text, bold = self.paragraph_text(paragraph)
        deleted = "".join(t.text or "" for t in paragraph.iter(W + "delText")).strip()
        if deleted:
            self.left_out.append(LeftOut(self.number, deleted, "deleted in tracked changes"))
        for line in text.split("\n"):
            words = re.sub(r"[ \u00a0]{2,}", " ", line).strip()
            if not words:
                continue
            style = self.style_name(paragraph)
            heading = self.heading_level(paragraph, style)
            if heading:
                blocks.append(Block("heading", words, self.number, heading))
            elif self.list_kind(paragraph, style):
                blocks.append(Block("item", words, self.number, numbered=self.list_kind(paragraph, style) == "number"))
            else:
                label = bold.strip() if bold.strip() and len(bold.split()) <= 10 and words.startswith(bold) else ""
                blocks.append(Block("paragraph", words, self.number, bold_start=label))
            bold = ""

    def paragraph_text(self, paragraph: Any) -> tuple[str, str]:
        """The paragraph's text (a line break as a new line), and the bold words it starts with."""
        parts: list[str] = []
        bold: list[str] = []
        bold_open = True
        for run in self.runs(paragraph):
            text = self.run_text(run)
            if not text:
                continue
            if bold_open and is_bold(run) and text.strip():
                bold.append(text)
            elif text.strip():
                bold_open = False
            parts.append(text)
        return "".join(parts), "".join(bold)

    def runs(self, element: Any) -> Any:
        """Runs in order, inside insertions, hyperlinks, smart tags and content controls; never inside deletions,
        moved-from text, or the fallback copy of alternate content."""
        for child in element.iterchildren():
            tag = child.tag
            if tag == W + "r":
                yield child
            elif tag in (W + "del", W + "moveFrom", W + "pPr", MC + "Fallback"):
                continue
            elif tag == MC + "AlternateContent":
                self.notes.append(f"paragraph {self.number}: a drawing or text box was not imported; copy its text")
            elif isinstance(tag, str):
                yield from self.runs(child)

    def run_text(self, run: Any) -> str:
        parts: list[str] = []
        for child in run.iterchildren():
            tag = child.tag
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                parts.append(" ")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag in (W + "drawing", W + "pict", W + "object"):
                self.notes.append(f"paragraph {self.number}: a picture or object was not imported")
            elif tag == W + "footnoteReference":
                self.notes.append(f"paragraph {self.number}: a footnote's text was not imported; copy it if it is part")
        return "".join(parts)

    def style_name(self, paragraph: Any) -> str:
        style_id = paragraph.find(f"{W}pPr/{W}pStyle")
        if style_id is None:
            return ""
        style = self.styles.get(style_id.get(W + "val"))
        return str(style.name) if style is not None and style.name else str(style_id.get(W + "val") or "")

    def heading_level(self, paragraph: Any, style: str) -> int:
        if style.lower() == "title":
            return 1
        if style.lower() == "subtitle":
            return 2
        found = HEADING_STYLE.fullmatch(style.strip())
        if found:
            return min(int(found.group(1)), 3)
        outline = paragraph.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and str(outline.get(W + "val", "9")).isdigit() and int(outline.get(W + "val")) < 3:
            return int(outline.get(W + "val")) + 1
        return 0

    def list_kind(self, paragraph: Any, style: str) -> str:
        lowered = style.lower()
        if "list bullet" in lowered:
            return "bullet"
        if "list number" in lowered:
            return "number"
        numbering = paragraph.find(f"{W}pPr/{W}numPr")
        if numbering is None:
            numbering = self.style_numbering(paragraph)
        if numbering is None:
            return ""
        num = numbering.find(W + "numId")
        level = numbering.find(W + "ilvl")
        num_id = num.get(W + "val") if num is not None else None
        if num_id in (None, "0"):
            return ""
        fmt = self.numbering.get((str(num_id), str(level.get(W + "val") if level is not None else "0")), "bullet")
        return "bullet" if fmt in BULLET_FORMATS else "number"

    def style_numbering(self, paragraph: Any) -> Any:
        """A list style's numbering, through the styles it is based on."""
        style_id = paragraph.find(f"{W}pPr/{W}pStyle")
        style = self.styles.get(style_id.get(W + "val")) if style_id is not None else None
        for _depth in range(10):
            if style is None:
                return None
            found = style.element.find(f"{W}pPr/{W}numPr")
            if found is not None:
                return found
            style = style.base_style
        return None

    def read_margins(self) -> list[LeftOut]:
        """Headers and footers: never the write-up, but listed so that nothing goes unseen."""
        found: list[LeftOut] = []
        seen: set[tuple[str, str]] = set()
        for section in self.document.sections:
            for kind, parts in (
                ("header", (section.header, section.first_page_header, section.even_page_header)),
                ("footer", (section.footer, section.first_page_footer, section.even_page_footer)),
            ):
                for part in parts:
                    if part.is_linked_to_previous:
                        continue
                    text = " ".join(p.text.strip() for p in part.paragraphs if p.text.strip())
                    if text and (kind, text) not in seen:
                        seen.add((kind, text))
                        found.append(LeftOut(0, text, kind))
        return found

    def read_comments(self) -> list[LeftOut]:
        comments = getattr(self.document, "comments", None)
        if comments is None:
            return []
        found = []
        for comment in comments:
            text = " ".join(p.text.strip() for p in comment.paragraphs if p.text.strip())
            if text:
                found.append(LeftOut(0, f"{comment.author or 'someone'}: {text}", "comment"))
        return found


def is_bold(run: Any) -> bool:
    bold = run.find(f"{W}rPr/{W}b")
    return bold is not None and bold.get(W + "val", "true") not in ("0", "false", "off")


def numbering_formats(document: Any) -> dict[tuple[str, str], str]:
    """(numId, level) -> the number format Word shows there ("bullet", "decimal", ...)."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[str, str]] = {}
    for element in numbering.findall(W + "abstractNum"):
        levels = {}
        for level in element.findall(W + "lvl"):
            fmt = level.find(W + "numFmt")
            levels[str(level.get(W + "ilvl"))] = str(fmt.get(W + "val")) if fmt is not None else "decimal"
        abstract[str(element.get(W + "abstractNumId"))] = levels
    formats = {}
    for num in numbering.findall(W + "num"):
        ref = num.find(W + "abstractNumId")
        levels = abstract.get(str(ref.get(W + "val")) if ref is not None else "", {})
        for level, fmt in levels.items():
            formats[(str(num.get(W + "numId")), level)] = fmt
    return formats
