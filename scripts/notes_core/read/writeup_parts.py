"""What a circulated write-up is read into, whatever its file: blocks with line numbers, and what was set aside.

The readers (writeup_text.py, writeup_docx.py) turn a file into headings, paragraphs and list items; what is
plainly not the write-up (an email's headers, quoted replies, a greeting, a signature, a disclaimer, lines of
contact details; in Word, headers, footers, comments and deleted text) is set aside as `LeftOut`, so that the
contributor can confirm it. Judging which paragraph is a key point is the import's (authoring/), not this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """A heading (level 1 the document's title, 2 a part, 3 a sub-heading), a paragraph, or a list item."""

    kind: str  # "heading", "paragraph" or "item"
    text: str
    line: int  # the line of a text file, or the paragraph of a Word document, where the block starts
    level: int = 0  # a heading's level
    numbered: bool = False  # an item of a numbered list
    bold_start: str = ""  # the words at the paragraph's start that the write-up sets in bold (a label, often)


@dataclass(frozen=True)
class LeftOut:
    line: int
    text: str
    why: str  # "email header", "quoted reply", "signature", ...


@dataclass(frozen=True)
class Writeup:
    path: str  # as given, for messages
    blocks: tuple[Block, ...]
    left_out: tuple[LeftOut, ...] = ()
    subject: str = ""  # an email's Subject line, a hint for the title
    unit: str = "line"  # what Block.line counts: "line" or "paragraph"
    markdown: bool = False  # the text is Markdown (kept as written), not plain text
    notes: tuple[str, ...] = field(default=())  # said to the contributor, e.g. a picture that was not imported


class WriteupError(Exception):
    """A write-up that cannot be imported: the file, the line (or paragraph) and what to do."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


# What a circulated write-up carries that is not the write-up. Every pattern is anchored and linear.
GREETING = re.compile(
    r"(?i)(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?\n]{0,60}[,!:]?\s*"
)
SIGN_OFF = re.compile(
    r"(?i)(?:(?:with )?(?:best|kind|warm|warmest|many|all the best|with best)?\s*(?:wishes|regards|thanks|thank you)"
    r"|best|cheers|yours(?: sincerely| faithfully| truly)?|sincerely|thanks(?: again| all)?|all the best|take care)"
    r"[,.!]?\s*"
)
SENT_FROM = re.compile(r"(?i)(?:sent from my|get outlook for)\b.{0,60}")
DISCLAIMER = re.compile(
    r"(?i).{0,400}?\b(?:this (?:e-?mail|message)(?: and any (?:files|attachments)[^.]{0,40})? (?:is|are|may be) "
    r"(?:confidential|intended|private)|intended (?:solely |only )?for the (?:use of the )?(?:individual|addressee|"
    r"recipient|person)|if you (?:have )?received this (?:e-?mail|message) in error|registered charity (?:number|no\b)|"
    r"registered in england(?: and wales)? (?:no\b|number|under)|company (?:number|no\b)|charity (?:number|no\b)|"
    r"scanned for viruses|consider the environment before printing)"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?i)(?:https?://|www\.)\S+")
PHONE = re.compile(r"\+?\(?\d[\d ()-]{6,}\d")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
CONTACT_LABEL = re.compile(
    r"(?i)\b(?:tel|telephone|phone|mobile|mob|fax|email|e-mail|web|website|twitter|linkedin|address|[tmefw])\b\s*[:.]?"
)
STREET = re.compile(r"(?i)\d+[a-z]?,? [\w' ]{2,40}\b(?:street|road|lane|avenue|way|place|square|close|drive|house)\b")


def is_contact_line(text: str) -> bool:
    """A line of contact details only: a phone number, an email or postal address, or a web address alone."""
    if len(text) > 160:
        return False
    details = [p for p in (EMAIL, PHONE, POSTCODE, STREET) if p.search(text)]
    if not details and not URL.search(text):
        return False
    rest = text
    for pattern in (EMAIL, URL, PHONE, POSTCODE, STREET, CONTACT_LABEL):
        rest = pattern.sub(" ", rest)
    words = len(re.findall(r"[A-Za-z]{2,}", rest))
    if not details:  # a web address alone on its line, not one a sentence gives
        return words == 0
    return words <= 4 and not rest.rstrip().endswith((".", "?", "!"))


def leave_out_mail_parts(blocks: list[Block], left_out: list[LeftOut]) -> list[Block]:
    """A greeting at the start, a sign-off and all after it (a name, a role, contact details), disclaimers, and
    lines of contact details: kept aside in `left_out`, in the order they come."""
    kept: list[Block] = []
    signed_off = False
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if signed_off:
            left_out.append(LeftOut(block.line, text, "signature"))
        elif not kept and GREETING.fullmatch(text):
            left_out.append(LeftOut(block.line, text, "greeting"))
        elif SIGN_OFF.fullmatch(text) and len(blocks) - index <= 15:
            left_out.append(LeftOut(block.line, text, "sign-off"))
            signed_off = True
        elif SENT_FROM.fullmatch(text):
            left_out.append(LeftOut(block.line, text, "signature"))
        elif DISCLAIMER.match(text):
            left_out.append(LeftOut(block.line, text, "disclaimer"))
        elif block.kind != "heading" and is_contact_line(text):
            left_out.append(LeftOut(block.line, text, "contact details"))
        else:
            kept.append(block)
    return kept
