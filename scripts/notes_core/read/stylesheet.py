"""A stylesheet as the browser reads it, for the check to look for addresses in: comments taken out, CSS
escapes decoded (`\\2f\\2f evil.test` is `//evil.test`, `u\\72l(` is `url(`) and an escaped line break joined,
with the line each character came from."""

from __future__ import annotations

import re

HEX_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r\f])?")


def decode_stylesheet(text: str) -> tuple[str, list[int]]:
    """(the text with comments out and escapes decoded, the 1-based source line of each of its characters)."""
    out: list[str] = []
    lines: list[int] = []
    line, at, size = 1, 0, len(text)
    while at < size:
        char = text[at]
        if char == "/" and text.startswith("/*", at):
            end = text.find("*/", at + 2)
            end = size if end < 0 else end + 2
            out.append(" ")  # a comment separates what is on either side of it
            lines.append(line)
            line += text.count("\n", at, end)
            at = end
            continue
        if char == "\\" and at + 1 < size:
            escape = HEX_ESCAPE.match(text, at)
            if escape is not None:
                code = int(escape.group(1), 16)
                out.append(chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd")
                lines.append(line)
                line += escape.group(0).count("\n")
                at = escape.end()
                continue
            following = text[at + 1]
            if following == "\n":  # a line break escaped inside a string: the string goes on
                line += 1
            else:
                out.append(following)
                lines.append(line)
            at += 2
            continue
        out.append(char)
        lines.append(line)
        line += char == "\n"
        at += 1
    return "".join(out), lines
