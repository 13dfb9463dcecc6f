"""Links between the site's pages, checked with the site as they need its generated pages: every relative link
and picture in a page under docs/ leads to a file of the site and, with an `#anchor`, to an id on that page. The
engine's strict build refuses a link that leads nowhere; the check says so first, with the file and line and what
to write instead.

Links are resolved as MkDocs resolves them: relative to the page's file, `%`-escapes decoded, a page written as
its `.md` file; anchors are compared with the ids of the page as the site makes it (its headings, its key points,
the parts the site adds, or a generated page's ids).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import unquote, urlsplit

from notes_core.addresses import docs_file, meeting_slug, resolve_named_links
from notes_core.errors import ContentError
from notes_core.model import Archive
from notes_core.read.meeting_file import split_front_matter
from notes_core.read.source_files import read_source
from notes_core.render.connections import insert_theme_map
from notes_core.render.meeting import render_meeting_markdown
from notes_core.render.page import ANCHOR, Page
from notes_core.settings import Settings

LINK = re.compile(r"<(?:a|img)\b[^>]*?\s(?:href|src)=\"([^\"]*)\"", re.I)


def check_links(
    settings: Settings,
    archive: Archive,
    generated: Mapping[str, object],
    contributed: Iterable[str],
    moved: Mapping[str, list[tuple[str, str]]],
    render: Callable[[str], str],
    errors: list[ContentError],
) -> None:
    """Refuse each relative link of a contributed page (a meeting or a hand-written page) that leads to no file of
    the site, or to an anchor its page does not have."""
    files = set(contributed) | set(generated)
    anchors: dict[str, frozenset[str] | None] = {}

    def ids(target: str) -> frozenset[str] | None:
        if target not in anchors:
            anchors[target] = page_ids(settings, archive, generated, moved, render, target)
        return anchors[target]

    for uri in sorted(u for u in contributed if u.endswith(".md")):
        read = page_body(settings, uri)
        if read is None:
            continue
        body, first_line = read
        # As the build makes the page: links by name (`](@a-to-z)`) become paths first; an unknown name is the
        # check's own problem (check/docs.py), not a missing page.
        page = body if meeting_slug(uri) else insert_theme_map(resolve_named_links(body, uri), archive, uri)
        for href in dict.fromkeys(html.unescape(found) for found in LINK.findall(render(page))):
            if href.startswith("@"):
                continue
            problem = link_problem(uri, href, files, ids)
            if problem:
                errors.append(ContentError(docs_file(uri), line_of(body, href, first_line), problem))


def page_body(settings: Settings, uri: str) -> tuple[str, int] | None:
    """A page's Markdown after its front matter, and the line it starts on (None: unreadable, reported elsewhere)."""
    text = read_source(settings.docs_dir / uri, docs_file(uri), [], long_lines=False)
    if text is None:
        return None
    if text.startswith("---"):
        parts = split_front_matter(text, docs_file(uri), [])
        if parts is None:
            return None
        _front, body, first_line = parts
        return body, first_line
    return text, 1


def link_problem(uri: str, href: str, files: set[str], ids: Callable[[str], frozenset[str] | None]) -> str:
    """What is wrong with one link of page `uri` (a docs path), or ""."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return ""  # not an address a browser follows within the site; the sanitiser's rules apply to it
    if parts.scheme or parts.netloc:
        return ""  # another site, or a scheme: checked by the sanitiser's rules
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    shown = f"'{href}'"
    if path.startswith("/"):
        return (
            f"the link {shown} starts with '/', which leads outside this site when it is published in a folder; "
            "write it relative to this page, e.g. '../about.md'"
        )
    target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path)) if path else uri
    if target == ".." or target.startswith("../"):
        return f"the link {shown} leads outside the site's pages; link to a page under docs/, relative to this page"
    if target not in files:
        if "." not in target.rpartition("/")[2] and (f"{target}/index.md" in files or f"{target}.md" in files):
            page = f"{target}/index.md" if f"{target}/index.md" in files else f"{target}.md"
            return (
                f"the link {shown} names a folder or an address, not a file; link to the page's file: "
                f"'{posixpath.relpath(page, posixpath.dirname(uri) or '.')}'"
            )
        return (
            f"the link {shown} leads to {docs_file(target)}, which does not exist; link to an existing page by its "
            "file, relative to this page (e.g. '../about.md' or 'levelling-up.md#a-point-id'), or remove the link"
        )
    if not anchor or not target.endswith(".md"):
        return ""
    found = ids(target)
    if found is None or anchor in found:
        return ""
    return (
        f"the link {shown} asks for '#{anchor}', which {docs_file(target)} does not have; link to one of its "
        "headings or key points by its id (a key point's id is the `{#...}` at the end of its heading), or remove "
        "the '#...'"
    )


def page_ids(
    settings: Settings,
    archive: Archive,
    generated: Mapping[str, object],
    moved: Mapping[str, list[tuple[str, str]]],
    render: Callable[[str], str],
    target: str,
) -> frozenset[str] | None:
    """Every id of the page as the site makes it; None when it is not known (a meeting with problems: those are
    reported, and its links are checked again once it can be read)."""
    made = generated.get(target)
    if isinstance(made, Page):
        return made.anchors
    if made is not None:
        return None
    slug = meeting_slug(target)
    if slug is not None:
        meeting = archive.meetings_by_slug.get(slug)
        if meeting is None:
            return None
        parts = render_meeting_markdown(meeting, archive, settings.site_url, moved.get(slug, []))
        page_html = parts.fill(render(parts.markdown))
    else:
        read = page_body(settings, target)
        if read is None:
            return None
        page_html = render(insert_theme_map(resolve_named_links(read[0], target), archive, target))
    return frozenset(html.unescape(found) for found in ANCHOR.findall(page_html))


def line_of(body: str, href: str, first_line: int) -> int:
    """The first line that holds the link as written (or its decoded form); else the page's first line."""
    for token in dict.fromkeys((href, unquote(href), href.partition("#")[0] or href)):
        for number, line in enumerate(body.split("\n"), start=first_line):
            if token and (token in line or token in unquote(line)):
                return number
    return first_line
