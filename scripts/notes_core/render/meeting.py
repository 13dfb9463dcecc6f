"""A meeting page: its facts up top, then the write-up with each point's themes and speaker as links."""
from __future__ import annotations

import re

from ..model import Archive, Meeting, Point
from .links import escape, link, meeting_page, point_url, speaker_page, theme_page


def render_meeting_page(meeting: Meeting, archive: Archive, site_url: str, moved: list[tuple[str, str]] | tuple = ()) -> str:
    """The Markdown MkDocs renders for a meeting file (front matter already removed).

    `moved` pairs (old id, current id) of points that used to be on this page: each keeps an anchor here
    that leads to where the point is now, so old links still land somewhere useful.
    """
    page = meeting_page(meeting)
    markdown = render_facts(meeting, archive, page) + "\n\n" + render_body(meeting, archive, page, site_url)
    return markdown + render_moved(moved, archive, page)


def render_moved(moved: list[tuple[str, str]] | tuple, archive: Archive, page: str) -> str:
    if not moved:
        return ""
    out = ["", "## Points that moved {#points-that-moved}", "", "These key points used to be on this page and are now on another.", ""]
    for ident, current in moved:
        point = archive.points[current]
        meeting = archive.meetings_by_slug[point.meeting]
        out.append(f"- [{escape(point.title)}]({link(page, meeting_page(meeting), point.id)}){{#{ident}}}, now in {escape(meeting.title)}")
    return "\n".join(out) + "\n"


def render_facts(meeting: Meeting, archive: Archive, page: str) -> str:
    speakers = "; ".join(
        f"[{escape(archive.speakers[role.speaker].name)}]({link(page, speaker_page(role.speaker))})"
        + (f", {escape(role.role)}" if role.role else "")
        for role in meeting.speakers
    )
    themes = ", ".join(f"[{escape(archive.themes[t].title)}]({link(page, theme_page(t))})" for t in meeting.themes)
    series = archive.series[meeting.series].title
    lines = [
        f"**Question:** {escape(meeting.question)}",
        f"**Speakers:** {speakers}",
        f"**Themes:** {themes}",
        f"**Series:** {escape(series)}, meeting {meeting.order}" + (f", {meeting.date}" if meeting.date else "") + f" · **Key points:** {len(meeting.points)}",
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
            out += [f"{'#' * point.level} {point.title} {{#{point.id} .point}}", "", render_point_meta(point, archive, page, site_url)]
        elif number not in skipped:
            out.append(line)
    return "\n".join(out).strip() + "\n"


def render_point_meta(point: Point, archive: Archive, page: str, site_url: str) -> str:
    parts = ["Themes: " + ", ".join(f"[{escape(archive.themes[t].title)}]({link(page, theme_page(t))})" for t in point.themes)]
    if point.speaker:
        parts.append(f"Speaker: [{escape(archive.speakers[point.speaker].name)}]({link(page, speaker_page(point.speaker))})")
    # Absolute, because this is the address people paste into reports (and print shows it).
    permanent = site_url.rstrip("/") + "/" + point_url(point)
    parts.append(f'<a class="point-permalink" href="{permanent}">Permanent link</a>')
    return " · ".join(parts) + "\n{: .point-meta }"


HEADERLINK = re.compile(r'<a class="headerlink" href="#([^"]+)" title="[^"]*">[^<]*</a>')


def strip_point_headerlinks(html: str, meeting: Meeting) -> str:
    """Key points carry their own permanent link, so the section link (¶) would be a second, weaker one."""
    ids = {point.id for point in meeting.points}
    return HEADERLINK.sub(lambda m: "" if m.group(1) in ids else m.group(0), html)
