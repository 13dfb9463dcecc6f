"""Text printed where a CI log is read: every line the check and the build print goes through here.

GitHub reads a workflow's output line by line, and obeys a line that starts with `::` (after spaces:
`::error file=...::`, `::stop-commands::`) and any line holding `##[` (the older form, `##[error]...`). It
splits lines at a carriage return too, and shows terminal escapes. Contributor text (a value, a key, a file
name) is quoted in messages, so it is made inert here, once, for every line: no line break, control or
invisible character survives as itself (each is shown as an escape such as `\\n` or `\\u202e`), and `::` and
`##[` never appear, so no wrapping of a long line can start one either.
"""

from __future__ import annotations

import logging
import re
import unicodedata

# Categories a reader cannot see, or that break or reorder a line: controls, format characters (zero-width,
# bidirectional marks and overrides, tag characters), private use, surrogates, unassigned, and the line and
# paragraph separators.
INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
# And the few letters, marks and symbols that show nothing: Hangul fillers, the braille blank, the combining
# grapheme joiner, Khmer's inherent vowels, Mongolian and other variation selectors.
BLANK = frozenset(
    "\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)


def is_invisible(char: str) -> bool:
    """A character that shows nothing, or breaks or reorders a line."""
    return char in BLANK or unicodedata.category(char) in INVISIBLE


COMMAND = re.compile(r":(?=:)|#(?=#\[)")
NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(char: str) -> str:
    """A character a log cannot show as itself, as an escape a reader can see."""
    if char in NAMED:
        return NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _inert(text: str) -> str:
    """`::` becomes `:\\:` and `##[` becomes `#\\#[`: the same words to a reader, no command to GitHub."""
    return COMMAND.sub(lambda found: found.group(0) + "\\", text)


def one_line(text: str) -> str:
    """Text as one inert line: every line break, control and invisible character shown as an escape."""
    return _inert("".join(shown(char) if is_invisible(char) else char for char in text))


def log_text(text: str) -> str:
    """Lines to print: each made inert by one_line, the line breaks between them kept."""
    return "\n".join(one_line(line) for line in text.split("\n"))


# The site's own logger (the hook's): its records are the check's messages, already inert, each followed by the
# check's own lines to paste, so their line breaks are kept.
OWN_LOGGER = "mkdocs.plugins.notes"


class InertLogFilter(logging.Filter):
    """Put on a log handler (the build's), it makes every record it prints inert, whoever logged it. A record of
    any other logger (the engine's, a plugin's) is printed on one line, its line breaks shown as escapes: such a
    record quotes a contributor's text as the engine decoded it (a link's `%0A` is a line break), so text after a
    break could otherwise start a line of the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        safe = log_text(message) if record.name == OWN_LOGGER else one_line(message)
        if safe != message or record.args:
            record.msg, record.args = safe, ()
        return True


def make_log_inert() -> None:
    """Every handler of every logger there is (an engine's among them) prints inert lines; twice does no harm."""
    named = logging.root.manager.loggerDict.values()
    loggers = [logging.getLogger(), *(logger for logger in named if isinstance(logger, logging.Logger))]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(existing, InertLogFilter) for existing in handler.filters):
                handler.addFilter(InertLogFilter())
