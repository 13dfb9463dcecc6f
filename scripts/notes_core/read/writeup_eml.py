"""A write-up saved from a mail program as an `.eml` file, read with Python's own `email` package.

The message's text/plain part is the write-up (or, when it has none, its text/html part, turned into lines:
headings, list items and paragraphs, a quoted reply kept as quoted so that it is left out); its header lines
are left out and listed, as a pasted email's are, and its attachments are named, never read. What the text
holds that is not the write-up (quoted replies, signature, disclaimer) is set aside by the plain-text reader.
Line numbers count the lines of the message's text, after its headers.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from notes_core.read.writeup_parts import LeftOut, Writeup, WriteupError
from notes_core.read.writeup_text import parse_text

MAX_EML_BYTES = 10_000_000
SHOWN_HEADERS = ("From", "To", "Cc", "Date", "Subject")  # listed as left out; the rest are the mail program's
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre", "table", "ul", "ol", "blockquote"}
SKIPPED = {"head", "style", "script", "title", "template", "noscript"}


def read_eml(file: Path, path: str) -> Writeup:
    size = file.stat().st_size
    if size > MAX_EML_BYTES:
        raise WriteupError(path, 1, f"the message is {size:,} bytes, more than the {MAX_EML_BYTES:,} allowed")
    message = email.message_from_bytes(file.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise WriteupError(path, 1, "the message has no text; save the write-up itself as .txt or .docx")
    try:
        content = body.get_content()
    except (LookupError, ValueError) as error:  # an unknown charset or a broken transfer encoding
        raise WriteupError(path, 1, f"the message's text cannot be read ({error}); save it as .txt instead") from None
    if not isinstance(content, str):
        raise WriteupError(path, 1, "the message's text cannot be read; save it as .txt instead")
    try:
        text = html_text(content) if body.get_content_type() == "text/html" else content
    except RecursionError:  # HTML nested hundreds deep: no mail program writes that
        raise WriteupError(path, 1, "the message's HTML is nested too deeply to read; save it as .txt") from None
    writeup = parse_text(text.replace("\r\n", "\n").replace("\r", "\n"), path)
    headers = [
        LeftOut(0, f"{name}: {' '.join(str(message[name]).split())}", "email header")
        for name in SHOWN_HEADERS
        if message[name] is not None
    ]
    attachments = [part.get_filename() or part.get_content_type() for part in message.iter_attachments()]
    notes = [
        f"the message's attachment '{name}' was not imported; import it on its own if it is the write-up"
        for name in attachments
    ]
    subject = " ".join(str(message["Subject"] or "").split())
    return Writeup(
        path,
        writeup.blocks,
        tuple(headers) + writeup.left_out,
        subject or writeup.subject,
        "line",
        False,
        writeup.notes + tuple(notes),
    )


def html_text(html: str) -> str:
    """An HTML message as the lines the plain-text reader reads: `#` headings, `- `/`1. ` list items, paragraphs
    between blank lines, and a quoted reply (a blockquote) as `>` lines."""
    root = LexborHTMLParser(html).body
    lines: list[str] = []
    if root is not None:
        walk(root, lines, [], "")
    return "\n".join(lines) + "\n"


def walk(node: LexborNode, lines: list[str], words: list[str], quote: str) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            words.append(child.text_content or "")
        elif tag == "br":
            flush(words, lines, quote, "")
        elif tag in SKIPPED:
            continue
        elif tag in BLOCKS:
            flush(words, lines, quote, "")
            inner: list[str] = []
            if tag == "blockquote":
                walk(child, lines, inner, quote + "> ")
                flush(inner, lines, quote + "> ", "")
            elif tag == "li":
                parent = child.parent
                walk(child, lines, inner, quote)
                flush(inner, lines, quote, "1. " if parent is not None and parent.tag == "ol" else "- ")
            elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                walk(child, lines, inner, quote)
                flush(inner, lines, quote, "#" * min(int(tag[1]), 3) + " ")
            else:
                walk(child, lines, inner, quote)
                flush(inner, lines, quote, "")
        else:
            walk(child, lines, words, quote)


def flush(words: list[str], lines: list[str], quote: str, prefix: str) -> None:
    text = " ".join("".join(words).split())
    words.clear()
    if text:
        lines += [f"{quote}{prefix}{text}", ""]
