"""A meeting page: its facts up top, then the write-up with each point's themes and speaker as links."""

from __future__ import annotations

import re

from notes_core.addresses import meeting_page, speaker_page
from notes_core.model import Archive, Meeting
from notes_core.render.point import render_moved_anchor, render_point_heading
from notes_core.render.text import escape, markdown_link, theme_links


def render_meeting_page(
    meeting: Meeting, archive: Archive, site_url: str, moved: list[tuple[str, str]] | tuple[()] = ()
) -> str:
    """The Markdown MkDocs renders for a meeting file (front matter already removed).

    `moved` pairs (old id, current id) of points that used to be on this page: each keeps an anchor here
    that leads to where the point is now, so old links still land somewhere useful.
    """
    page = meeting_page(meeting.slug)
    markdown = render_facts(meeting, archive, page) + "\n\n" + render_body(meeting, archive, page, site_url)
    return markdown + render_moved(moved, archive, page)


def render_moved(moved: list[tuple[str, str]] | tuple[()], archive: Archive, page: str) -> str:
    if not moved:
        return ""
    out = [
        "",
        "## Points that moved {#points-that-moved}",
        "",
        "These key points used to be on this page and are now on another.",
        "",
    ]
    out += [render_moved_anchor(old_id, archive.points[current], archive, page) for old_id, current in moved]
    return "\n".join(out) + "\n"


def render_facts(meeting: Meeting, archive: Archive, page: str) -> str:
    speakers = "; ".join(
        markdown_link(archive.speakers[role.speaker].name, page, speaker_page(role.speaker))
        + (f", {escape(role.role)}" if role.role else "")
        for role in meeting.speakers
    )
    series = archive.series[meeting.series].title
    lines = [
        f"**Question:** {escape(meeting.question)}",
        f"**Speakers:** {speakers}",
        f"**Themes:** {theme_links(archive, page, meeting.themes)}",
        f"**Series:** {escape(series)}, meeting {meeting.order} in the notes' order"
        + (f", {meeting.date}" if meeting.date else "")
        + f" · **Key points:** {len(meeting.points)}",
    ]
    return "\n".join(f"{line}  " for line in lines).rstrip() + "\n{: .meeting-facts }"


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
