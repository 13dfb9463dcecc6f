"""An RSS 2.0 feed of meetings. RSS needs no dates, so none are invented (the notes give none)."""
from __future__ import annotations

from xml.sax.saxutils import escape

from ..model import Archive

LIMIT = 50


def render_feed(archive: Archive, site_url: str, site_name: str) -> dict[str, str]:
    base = site_url.rstrip("/") + "/"
    items = []
    for meeting in list(reversed(archive.meetings))[:LIMIT]:
        url = f"{base}meetings/{meeting.slug}/"
        series = archive.series[meeting.series].title
        items.append(
            "<item>"
            f"<title>{escape(meeting.title)}</title>"
            f"<link>{escape(url)}</link>"
            f'<guid isPermaLink="true">{escape(url)}</guid>'
            f"<category>{escape(series)}</category>"
            f"<description>{escape(meeting.summary)} ({len(meeting.points)} key points.)</description>"
            "</item>"
        )
    return {"feed.xml": (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0"><channel>'
        f"<title>{escape(site_name)}: meetings</title>"
        f"<link>{escape(base)}</link>"
        "<description>New meeting write-ups of the Better Way network's Joining Forces series.</description>"
        "<language>en-gb</language>"
        + "".join(items) +
        "</channel></rss>\n"
    )}
