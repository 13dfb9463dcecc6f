"""How a key point, or a meeting, is cited: what reference managers read from its pages (Highwire Press
`citation_*` tags, schema.org JSON-LD) and the files they import (RIS, CSL-JSON).

The notes' own words make a citation: the network as author, the meeting's title, the series and the
point's id. A point's title was written for this site: it is given only as the site's label, never
as the title of the work. The notes give no dates, so no citation carries one.
"""

from __future__ import annotations

import json
import re
from typing import Any

from notes_core.addresses import absolute, meeting_page, page_address, permanent_address
from notes_core.model import Archive, Meeting, Point

AUTHOR = "Better Way network"
LINE_BREAKS = re.compile(r"\s+")


def citation_title(meeting: Meeting, point: Point) -> str:
    """The meeting's title and the point's id: both the notes' own, so the citation quotes nothing of the site's."""
    return f"{meeting.title}, key point {point.id}"


def meeting_url(site_url: str, meeting: Meeting) -> str:
    return absolute(site_url, page_address(meeting_page(meeting.slug)))


def point_citation(archive: Archive, point: Point, site_url: str) -> dict[str, str]:
    """The facts every form of the point's citation is made from."""
    meeting = archive.meetings_by_slug[point.meeting]
    return {
        "id": point.id,
        "title": citation_title(meeting, point),
        "meeting": meeting.title,
        "meeting_url": meeting_url(site_url, meeting),
        "series": archive.series[meeting.series].title,
        "label": point.title,
        "url": absolute(site_url, permanent_address(point.id)),
    }


def highwire_tags(citation: dict[str, str]) -> list[tuple[str, str]]:
    """Highwire Press tags, as Zotero and Google Scholar read them. The series goes in citation_series_title
    (Zotero's `series`): citation_inbook_title would make each point a chapter of a book, which it is not."""
    return [
        ("citation_title", citation["title"]),
        ("citation_author", AUTHOR),
        ("citation_series_title", citation["series"]),
        ("citation_public_url", citation["url"]),
    ]


def meeting_highwire_tags(archive: Archive, meeting: Meeting, site_url: str) -> list[tuple[str, str]]:
    return [
        ("citation_title", meeting.title),
        ("citation_author", AUTHOR),
        ("citation_series_title", archive.series[meeting.series].title),
        ("citation_public_url", meeting_url(site_url, meeting)),
    ]


def json_ld(citation: dict[str, str], description: str, keywords: list[str]) -> dict[str, Any]:
    """schema.org: the point as a work that is part of its meeting's notes, by the network."""
    return {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": citation["title"],
        "description": description,
        "identifier": citation["id"],
        "url": citation["url"],
        "keywords": keywords,
        "author": {"@type": "Organization", "name": AUTHOR},
        "isPartOf": {
            "@type": "CreativeWork",
            "name": citation["meeting"],
            "url": citation["meeting_url"],
            "isPartOf": {"@type": "CreativeWorkSeries", "name": citation["series"]},
        },
    }


def ris_value(value: str) -> str:
    """RIS holds one field per line: a line break in a value would end it and could start another field."""
    return LINE_BREAKS.sub(" ", value).strip()


def render_ris(citation: dict[str, str]) -> str:
    fields = [
        ("TY", "ELEC"),
        ("AU", AUTHOR),
        ("TI", citation["title"]),
        ("T2", citation["series"] + " series"),
        ("UR", citation["url"]),
        ("N1", "Labelled on this site: " + citation["label"]),
    ]
    return "".join(f"{tag}  - {ris_value(value)}\r\n" for tag, value in fields) + "ER  - \r\n"


def csl_item(citation: dict[str, str]) -> dict[str, Any]:
    return {
        "id": "jf-" + citation["id"],
        "type": "webpage",
        "title": citation["title"],
        "author": [{"literal": AUTHOR}],
        "container-title": citation["series"] + " series",
        "URL": citation["url"],
        "note": "Labelled on this site: " + citation["label"],
    }


def render_csl_json(citation: dict[str, str]) -> str:
    return json.dumps([csl_item(citation)], ensure_ascii=False, indent=2) + "\n"
