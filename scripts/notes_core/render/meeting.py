"""A meeting page: the contributor's Markdown, parsed once by the engine, with the site's own parts made as HTML
from templates/meeting.html and templates/point.html: the facts up top, each point's meta line under its heading,
and the anchors of points that moved away.

The engine is given the Markdown with a placeholder paragraph for each part, and the parts are put in place in
the HTML it returns: Python-Markdown parses raw HTML slowly (a third of a meeting page's conversion), and the
parts are HTML already."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from notes_core.addresses import meeting_page
from notes_core.documents import template_module
from notes_core.model import Archive, Meeting
from notes_core.render.point import render_point_heading


@dataclass(frozen=True)
class MeetingMarkdown:
    """The Markdown of a meeting page, each of the site's parts standing as a placeholder paragraph."""

    markdown: str
    parts: dict[str, str] = field(default_factory=dict)  # placeholder -> HTML

    def fill(self, html: str) -> str:
        """The engine's HTML of the Markdown, with the parts in place of their placeholders."""
        for token, part in self.parts.items():
            html = html.replace(f"<p>{token}</p>", part, 1)
        return html

    def resolved(self) -> str:
        """The Markdown with the parts written in as HTML blocks: the same page, parsed more slowly."""
        markdown = self.markdown
        for token, part in self.parts.items():
            markdown = markdown.replace(token, part, 1)
        return markdown


def render_meeting_page(
    meeting: Meeting, archive: Archive, site_url: str, moved: list[tuple[str, str]] | tuple[()] = ()
) -> str:
    """The Markdown of a meeting file's page (front matter already removed), the site's parts as HTML blocks."""
    return render_meeting_markdown(meeting, archive, site_url, moved).resolved()


def render_meeting_markdown(
    meeting: Meeting, archive: Archive, site_url: str, moved: list[tuple[str, str]] | tuple[()] = ()
) -> MeetingMarkdown:
    """The Markdown an engine converts for a meeting file, and the parts to put in its HTML.

    `moved` pairs (old id, current id) of points that used to be on this page: each keeps an anchor here
    that leads to where the point is now, so old links still land somewhere useful.
    """
    page = meeting_page(meeting.slug)
    templates = template_module("meeting.html")
    nonce = secrets.token_hex(8)  # a contributor cannot write a placeholder: it is new for every page and build
    parts: dict[str, str] = {}

    def placeholder(html: object) -> str:
        token = f"notespart{nonce}n{len(parts)}"
        parts[token] = str(html)
        return token

    out = [placeholder(templates.facts(page, archive, meeting)), ""]
    headings = {point.line: point for point in meeting.points}
    skipped = {line for point in meeting.points for line in point.meta_lines}
    for number, line in enumerate(meeting.body.split("\n"), start=meeting.body_line):
        point = headings.get(number)
        if point is not None:
            heading, meta = render_point_heading(point, archive, page, site_url)
            out += [heading, "", placeholder(meta), ""]
        elif number not in skipped:
            out.append(line)
    markdown = "\n".join(out).strip() + "\n"
    if moved:
        markdown += "\n" + placeholder(templates.moved(page, archive, moved)) + "\n"
    return MeetingMarkdown(markdown, parts)


HEADERLINK = re.compile(r'<a class="headerlink" href="#([^"]+)" title="[^"]*">[^<]*</a>')


def strip_point_headerlinks(html: str, meeting: Meeting) -> str:
    """Key points carry their own permanent link, so the section link (¶) would be a second, weaker one."""
    ids = {point.id for point in meeting.points}
    return HEADERLINK.sub(lambda m: "" if m.group(1) in ids else m.group(0), html)
