"""Reading contributors' files safely, and what may be in the docs and data folders at all."""

from __future__ import annotations

import re
from pathlib import Path

from notes_core.errors import ContentError
from notes_core.read.stylesheet import decode_stylesheet

MAX_FILE_BYTES = 1_000_000  # the longest write-up is about 40 KB
MAX_LINE_CHARS = 20_000  # the longest paragraph of the notes is under 2,000 characters
# Python-Markdown looks for the end of every `[` and `<` through the rest of its paragraph, so a
# paragraph costs about (its length) x (its `[` and `<`): 20,000 `[` in one line take it 45 s.
# The notes' paragraphs cost under 10,000 each; a file may cost 10 million (about a second).
MAX_MARKUP_COST = 10_000_000

# What a pull request may put under docs/: pages, pictures, and the site's own stylesheets and scripts.
PAGE_SUFFIXES = {".md"}
PICTURE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"}
CODE_SUFFIXES = {".css", ".js"}
DATA_SUFFIXES = {".yml"}

# A URL with a host in a stylesheet or script would make readers' browsers call another site.
HOST_URL = re.compile(
    r"(?i)(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}|url\(\s*['\"]?\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)|@import"
)


def read_source(file: Path, path: str, errors: list[ContentError], long_lines: bool = True) -> str | None:
    """The file as text with \\n line ends, or None with the reason in errors.

    `long_lines=False` refuses lines longer than MAX_LINE_CHARS (Markdown files: a paragraph
    that long is a mistake, and would make the Markdown parser slow)."""
    if file.is_symlink():
        errors.append(
            ContentError(
                path,
                1,
                "this is a symbolic link; put the file itself here (links can publish files from outside the "
                "repository)",
            )
        )
        return None
    if not file.is_file():  # a folder named like a file, a submodule, a device: never opened
        errors.append(ContentError(path, 1, "this is a folder (or a submodule), not a file; put the file itself here"))
        return None
    data = file.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        errors.append(
            ContentError(
                path, 1, f"the file is {len(data):,} bytes, more than the {MAX_FILE_BYTES:,} allowed; split it"
            )
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = data[: error.start].count(b"\n") + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        errors.append(
            ContentError(
                path,
                bad_line,
                f"the file is not UTF-8 text (byte {data[error.start]:#04x} at column {column}); save it as UTF-8",
            )
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    if "\x00" in text:
        errors.append(
            ContentError(
                path,
                text[: text.index("\x00")].count("\n") + 1,
                "the file contains a NUL character; save it as plain UTF-8 text",
            )
        )
        return None
    if not long_lines:
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > MAX_LINE_CHARS:
                errors.append(
                    ContentError(
                        path,
                        number,
                        f"this line is {len(line):,} characters long, more than the {MAX_LINE_CHARS:,} allowed; "
                        "break it into paragraphs",
                    )
                )
                return None
        if not markup_cost_ok(text, path, errors) or not nesting_ok(text, path, errors):
            return None
    return text


def markup_cost_ok(text: str, path: str, errors: list[ContentError]) -> bool:
    """Refuse what would make the Markdown parser slow: many `[` or `<` in long paragraphs."""
    total, worst, worst_line, line = 0, 0, 1, 1
    for block in text.split("\n\n"):
        cost = len(block) * (block.count("[") + block.count("<"))
        total += cost
        if cost > worst:
            worst, worst_line = cost, line + len(block) - len(block.lstrip("\n"))
        line += block.count("\n") + 2
    if total <= MAX_MARKUP_COST:
        return True
    errors.append(
        ContentError(
            path,
            worst_line,
            "this paragraph holds so many '[' and '<' characters that the page would take "
            "minutes to build; break it up, or write them as &#91; and &lt;",
        )
    )
    return False


# Python-Markdown parses nested lists, quotes, indented boxes and `<div markdown>` by recursion, and the
# sanitiser and search walk the HTML the same way: a few hundred levels raise RecursionError. The notes nest
# three levels at most.
MAX_NESTING = 20
LINE_START = re.compile(r"[ \t]*((?:>[ \t]?|(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)*)")
LINE_START_CHARS = " \t>-*+0123456789.)"  # all LINE_START can match
LIST_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])[ \t]")
HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def nesting_ok(text: str, path: str, errors: list[ContentError]) -> bool:
    """Refuse what nests deeper than MAX_NESTING, before any parser recurses into it: lists, quotes and boxes
    (a line's indentation, its `>` and its list markers), and HTML elements (open tags not yet closed)."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        problem = None
        # Each level takes at least one character of the line's start: most lines are passed over at once.
        if len(line) - len(line.lstrip(LINE_START_CHARS)) > MAX_NESTING:
            expanded = line.expandtabs(4)
            start = LINE_START.match(line)
            markers = start.group(1) if start else ""
            levels = (
                (len(expanded) - len(expanded.lstrip(" "))) // 4
                + markers.count(">")
                + len(LIST_MARKER.findall(markers))
            )
            if levels > MAX_NESTING:
                problem = f"this line nests lists, quotes or indented boxes {levels} levels deep"
        for tag in HTML_TAG.finditer(line) if "<" in line else ():
            if problem is None and tag.group(2).lower() not in VOID_TAGS:
                depth = max(depth + (-1 if tag.group(1) else 1), 0)
                if depth > MAX_NESTING:
                    problem = f"HTML elements here are nested {depth} deep"
        if problem:
            errors.append(ContentError(path, number, f"{problem}, more than the {MAX_NESTING} allowed; flatten them"))
            return False
    return True


def check_tree(folder: Path, root: Path, allowed: set[str], errors: list[ContentError]) -> list[Path]:
    """Every file under `folder` (never following links), refusing links and file types not in `allowed`."""
    files: list[Path] = []
    real = folder.resolve()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink() or path.resolve() != real / path.relative_to(folder):  # a link, or inside a linked folder
            errors.append(
                ContentError(
                    rel,
                    1,
                    "this is a symbolic link; put the file itself here (links can publish files from outside the "
                    "repository)",
                )
            )
        elif not path.is_file() and not path.is_dir():  # a pipe, a socket, a device: reading one can hang
            errors.append(
                ContentError(rel, 1, "this is not a file (a pipe or a device); remove it and put the file itself here")
            )
        elif path.is_file():
            suffix = "".join(path.suffixes[-1:]).lower()
            if suffix not in allowed:
                kinds = ", ".join(sorted(allowed))
                errors.append(
                    ContentError(
                        rel,
                        1,
                        f"files of type '{suffix or path.name}' are not published from here; "
                        f"allowed are {kinds} (a page is a .md file)",
                    )
                )
            else:
                files.append(path)
    return files


# In a stylesheet (read as the browser reads it): an import, two slashes (a host, `//evil.test`, or `/\\evil.test`,
# which browsers read the same), or a scheme that fetches. Outside comments CSS has no other use for them.
STYLESHEET_HOST = re.compile(r"@import|[/\\]{2}|\b(?:https?|ftp|wss?|file|data|blob|javascript):", re.I)


def check_code_file(text: str, path: str, errors: list[ContentError]) -> None:
    """The site's own stylesheets and scripts load nothing from another host."""
    if path.endswith(".css"):
        decoded, lines = decode_stylesheet(text)
        for found in STYLESHEET_HOST.finditer(decoded):
            errors.append(
                ContentError(
                    path,
                    lines[found.start()],
                    f"'{found.group(0)}' (as the browser reads this line) refers to another site or imports a file; "
                    "stylesheets may use only files of this site",
                )
            )
            return
        return
    for number, line in enumerate(text.split("\n"), start=1):
        host = HOST_URL.search(line)
        if host:
            errors.append(
                ContentError(
                    path,
                    number,
                    f"'{host.group(0)}' refers to another site or imports a file; "
                    "stylesheets and scripts may use only files of this site",
                )
            )
