"""A write-up as plain text or Markdown, an email pasted as it arrived included.

One paragraph a line (as the notes are), or paragraphs wrapped at a fixed width with blank lines between
(as emails are): both are read. An email's header lines at the top, quoted replies (`>` lines, the "On ... wrote:"
line before them, an earlier message below "-----Original Message-----"), the greeting, the signature, the
disclaimer and lines of contact details are set aside, each with its line.
"""

from __future__ import annotations

import re
from pathlib import Path

from notes_core.errors import ContentError
from notes_core.read.source_files import read_source
from notes_core.read.writeup_parts import Block, LeftOut, Writeup, WriteupError, leave_out_mail_parts

HEADER = re.compile(
    r"(?i)(?:from|to|cc|bcc|sent|date|subject|reply-to|importance|attachments?|message-id|received|mime-version|"
    r"content-type|content-transfer-encoding|x-[\w-]{1,40})\s*:(?:\s.*)?"
)
SUBJECT = re.compile(r"(?i)subject\s*:\s*(.*)")
FORWARDED = re.compile(r"(?i)-{2,}\s*(?:forwarded message|begin forwarded message)\s*-{0,}\s*|begin forwarded message:")
ORIGINAL = re.compile(r"(?i)-{2,}\s*original message\s*-{2,}|_{10,}")
ATTRIBUTION = re.compile(r"(?i)on .{3,200}\bwrote:|.{1,120} <[^>\s]{1,100}@[^>\s]{1,100}> wrote:")
SIGNATURE_MARK = re.compile(r"--\s?|—|__")
QUOTED = re.compile(r">")
HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*")
BULLET = re.compile(r"\s{0,8}(?:[·•▪‣◦●○∙*+–-]|o(?=\s))\s+")
NUMBER = re.compile(r"\s{0,8}(\d{1,3}|[a-z])[.)]\s+")
BOLD_LABEL = re.compile(r"(?:\*\*|__)([^*_\n]{1,80}?)(?:\*\*|__)")
WRAP_MIN = 50  # a text whose longest lines are this short or shorter is not wrapped


def read_text(file: Path, path: str, markdown: bool = False) -> Writeup:
    errors: list[ContentError] = []
    text = read_source(file, path, errors)
    if text is None:
        error = errors[0]
        raise WriteupError(path, error.line, error.message)
    return parse_text(text, path, markdown)


def parse_text(text: str, path: str, markdown: bool = False) -> Writeup:
    lines = [line.rstrip() for line in text.replace("\t", " ").split("\n")]
    left_out: list[LeftOut] = []
    subject = ""
    keep = [True] * len(lines)
    # The header block at the top (after a "Forwarded message" line), and any other header block that follows a
    # forwarding line: the forwarded message is the write-up.
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if FORWARDED.fullmatch(line):
            left_out.append(LeftOut(index + 1, line, "forwarding line"))
            keep[index] = False
            index += 1
            continue
        end = header_block_end(lines, index)
        if end == index:
            break
        for number in range(index, end):
            if lines[number].strip():
                left_out.append(LeftOut(number + 1, lines[number].strip(), "email header"))
                found = SUBJECT.fullmatch(lines[number].strip())
                if found:
                    subject = found.group(1).strip()
            keep[number] = False
        index = end
    # Quoted replies, and an earlier message below its separator: never the write-up.
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not keep[number]:
            continue
        if ORIGINAL.fullmatch(stripped) or (
            HEADER.fullmatch(stripped) and header_block_end(lines, number) - number >= 3 and number > 0
        ):
            for rest in range(number, len(lines)):
                if keep[rest] and lines[rest].strip():
                    left_out.append(LeftOut(rest + 1, lines[rest].strip(), "earlier message in the thread"))
                keep[rest] = False
            break
        if QUOTED.match(stripped) or (ATTRIBUTION.fullmatch(stripped) and next_is_quote(lines, number)):
            left_out.append(LeftOut(number + 1, stripped, "quoted reply"))
            keep[number] = False
        elif SIGNATURE_MARK.fullmatch(line):
            for rest in range(number, len(lines)):
                if keep[rest] and lines[rest].strip():
                    left_out.append(LeftOut(rest + 1, lines[rest].strip(), "signature"))
                keep[rest] = False
            break
    blocks = text_blocks([(n + 1, lines[n]) for n in range(len(lines)) if keep[n]], markdown)
    blocks = leave_out_mail_parts(blocks, left_out)
    left_out.sort(key=lambda item: item.line)
    if not blocks:
        raise WriteupError(path, 1, "no write-up found: the file is empty, or holds only email headers and quotes")
    return Writeup(path, tuple(blocks), tuple(left_out), subject, "line", markdown)


def header_block_end(lines: list[str], start: int) -> int:
    """The index after a block of email header lines starting at `start` (continuations indented), or `start`."""
    index = start
    while index < len(lines):
        line = lines[index]
        named = HEADER.fullmatch(line.strip()) is not None and not line.startswith(" ")
        continued = index > start and line.startswith((" ", "\t")) and bool(line.strip())
        if named or continued:
            index += 1
        else:
            break
    count = sum(1 for n in range(start, index) if HEADER.fullmatch(lines[n].strip()))
    return index if count >= 2 or (count == 1 and SUBJECT.fullmatch(lines[start].strip())) else start


def next_is_quote(lines: list[str], number: int) -> bool:
    for line in lines[number + 1 : number + 4]:
        if line.strip():
            return line.lstrip().startswith(">")
    return True


def text_blocks(numbered: list[tuple[int, str]], markdown: bool) -> list[Block]:
    """Headings, paragraphs and list items. Wrapped text (a width under the longest line, blank lines between
    paragraphs) is joined back into paragraphs; a line much shorter than the width ends its paragraph."""
    width = max((len(line) for _n, line in numbered), default=0)
    has_blank_lines = any(not line.strip() for _n, line in numbered[1:-1])
    wrapped = has_blank_lines and WRAP_MIN <= width <= 100
    blocks: list[Block] = []
    joining = False
    for number, line in numbered:
        stripped = line.strip()
        if not stripped:
            joining = False
            continue
        heading = HEADING.fullmatch(stripped)
        if heading:
            level = min(len(heading.group(1)), 3)
            blocks.append(Block("heading", heading.group(2), number, level))
            joining = False
            continue
        bullet = BULLET.match(line)
        numbered_item = NUMBER.match(line) if not bullet else None
        item = bullet or numbered_item
        if item and not is_dash_sentence(line, bullet is not None):
            words = line[item.end() :].strip()
            blocks.append(Block("item", words, number, numbered=numbered_item is not None))
            joining = wrapped
            continue
        if joining and blocks and ((line.startswith("  ") and blocks[-1].kind == "item") or blocks[-1].kind != "item"):
            last = blocks[-1]
            blocks[-1] = Block(last.kind, last.text + " " + stripped, last.line, last.level, last.numbered)
        else:
            blocks.append(Block("paragraph", stripped, number))
        joining = wrapped and len(line) >= 0.75 * width
    return [with_bold_label(block, markdown) for block in blocks]


def is_dash_sentence(line: str, bullet: bool) -> bool:
    """'- ' at the start of a line is a list; '–' between words in running text is a dash."""
    return bullet and line.lstrip().startswith("–") and not line.startswith(("– ", " "))


def with_bold_label(block: Block, markdown: bool) -> Block:
    if not markdown or block.kind != "paragraph":
        return block
    found = BOLD_LABEL.match(block.text)
    if not found:
        return block
    return Block(block.kind, block.text, block.line, block.level, block.numbered, found.group(1).strip())
