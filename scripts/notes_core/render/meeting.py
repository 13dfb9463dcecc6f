"""A meeting page: the contributor's Markdown, parsed once by the engine, with the site's own parts written
into it as HTML blocks from templates/meeting.html: the facts up top, each point's meta line under its heading,
and the anchors of points that moved away."""

from __future__ import annotations

import re

from notes_core.addresses import meeting_page
from notes_core.documents import template_module
from notes_core.model import Archive, Meeting
from notes_core.render.point import render_point_heading


def render_meeting_page(
    meeting: Meeting, archive: Archive, site_url: str, moved: list[tuple[str, str]] | tuple[()] = ()
) -> str:
    """The Markdown an engine converts for a meeting file (front matter already removed).

    `moved` pairs (old id, current id) of points that used to be on this page: each keeps an anchor here
    that leads to where the point is now, so old links still land somewhere useful.
    """
    page = meeting_page(meeting.slug)
    parts = template_module("meeting.html")
    markdown = str(parts.facts(page, archive, meeting)) + "\n\n" + render_body(meeting, archive, page, site_url)
    return markdown + ("\n" + str(parts.moved(page, archive, moved)) + "\n" if moved else "")


def render_body(meeting: Meeting, archive: Archive, page: str, site_url: str) -> str:
    """The body as written, with each point's heading and meta lines (where the reader found them) rendered."""
    headings = {point.line: point for point in meeting.points}
    skipped = {line for point in meeting.points for line in point.meta_lines}
    out: list[str] = []
    for number, line in enumerate(meeting.body.split("\n"), start=meeting.body_line):
        point = headings.get(number)
        if point is not None:
            out += render_point_heading(point, archive, page, site_url)
        elif number not in skipped:
            out.append(line)
    return "\n".join(out).strip() + "\n"


HEADERLINK = re.compile(r'<a class="headerlink" href="#([^"]+)" title="[^"]*">[^<]*</a>')


def strip_point_headerlinks(html: str, meeting: Meeting) -> str:
    """Key points carry their own permanent link, so the section link (¶) would be a second, weaker one."""
    ids = {point.id for point in meeting.points}
    return HEADERLINK.sub(lambda m: "" if m.group(1) in ids else m.group(0), html)
