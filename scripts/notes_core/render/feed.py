"""The feeds of meetings: every feed addresses.FEEDS names (the pages' <head> announces the same list), each
made by its renderer in FEED_RENDERERS. An RSS 2.0 feed needs no dates, so none are invented (the notes give
none). A new feed is its address and media type in addresses.FEEDS and its renderer here."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable

from notes_core.addresses import FEED, FEEDS, absolute, meeting_page, page_address
from notes_core.model import Archive

LIMIT = 50
# Characters XML 1.0 cannot carry at all, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def render_rss(archive: Archive, site_url: str, site_name: str) -> str:
    rss = ElementTree.Element("rss", version="2.0")
    channel = ElementTree.SubElement(rss, "channel")
    for tag, text in (
        ("title", f"{site_name}: meetings"),
        ("link", absolute(site_url, "")),
        (
            "description",
            "Meeting write-ups of the Better Way network's "
            + " and ".join(series.title for series in archive.series.values())
            + ", numbered in the order the notes give them; the notes give no dates.",
        ),
        ("language", "en-gb"),
    ):
        ElementTree.SubElement(channel, tag).text = xml_text(text)
    for meeting in list(reversed(archive.meetings))[:LIMIT]:
        url = absolute(site_url, page_address(meeting_page(meeting.slug)))
        item = ElementTree.SubElement(channel, "item")
        # The number, and the no-dates note, on every item: a feed is read newest first, and the order is the notes'.
        ElementTree.SubElement(item, "title").text = xml_text(f"{meeting.order}. {meeting.title}")
        ElementTree.SubElement(item, "link").text = xml_text(url)
        ElementTree.SubElement(item, "guid", isPermaLink="true").text = xml_text(url)
        ElementTree.SubElement(item, "category").text = xml_text(archive.series[meeting.series].title)
        ElementTree.SubElement(item, "description").text = xml_text(
            f"Meeting {meeting.order} in the order the notes give them (the notes give no dates). {meeting.summary} "
            f"({len(meeting.points)} key points.)"
        )
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(rss, encoding="unicode") + "\n"


FEED_RENDERERS: dict[str, Callable[[Archive, str, str], str]] = {FEED: render_rss}


def render_feeds(archive: Archive, site_url: str, site_name: str) -> dict[str, str]:
    """Every feed of addresses.FEEDS, keyed by its path in the built site."""
    return {path: FEED_RENDERERS[path](archive, site_url, site_name) for path, _media_type in FEEDS}
