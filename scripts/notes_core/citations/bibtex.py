"""BibTeX: a value escaped for a field, as TeX will read it; formats.py makes every BibTeX entry with it.

In a braced field BibTeX keeps the text as it is, and TeX then reads it: `\\` starts a command (`\\input`), `{`
and `}` end the field and let another begin, `%` comments out the rest of the line, `# & $ _ ^ ~` are
parameters, alignment, mathematics and spaces, and `^^5c` is TeX's own way of writing a backslash. Each is
written as the command that prints it, so a value is only ever text.
"""

from __future__ import annotations

import re

TEX = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "%": "\\%",
    "#": "\\#",
    "&": "\\&",
    "$": "\\$",
    "_": "\\_",
    "^": "\\textasciicircum{}",
    "~": "\\textasciitilde{}",
}
SPECIAL = re.compile(r"[\\{}%#&$_^~]")
# What JavaScript's \s matches, so that both make one space of the same runs.
SPACES = re.compile(r"[\t\n\v\f\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")
URL_UNSAFE = re.compile(r"[\\{}^\t\n\v\f\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")


def bibtex_text(value: str) -> str:
    """A value for a braced BibTeX field: every TeX special as the command that prints it, runs of spaces as one."""
    return SPECIAL.sub(lambda found: TEX[found.group(0)], SPACES.sub(" ", value))


def bibtex_url(url: str) -> str:
    """A URL for the `url` field, which styles print verbatim: what could end the field or make a TeX escape is
    percent-encoded (the same address)."""
    return URL_UNSAFE.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group(0).encode("utf-8")), url)
