"""Every format a citation is made in, from the one model (model.py): the texts a reader copies (plain, Harvard),
the files reference managers import (BibTeX, RIS, CSL-JSON), and what they and link previews read from the page
(tags in its head, schema.org JSON-LD, Open Graph).

The item is a report (Zotero's "report", CSL's "report", RIS RPRT, biblatex @report): meeting notes, written up
and published, with the website as its publisher ("institution"). A web page was tried first: Zotero then reads
the website from RIS T2, but citation.js reads T2 of a web page as a collection title, so the three files gave
different references; as a report every reader takes the same fields from each file.

What Zotero makes of the tags (its translators "Embedded Metadata", "RDF", "RIS", "BibTeX", "CSL JSON"; the
tests hold the tags to these rules on every point):
- The item type: `citation_technical_report_institution` makes a report, whatever else the page says (a
  `citation_title` alone would only guess "journal article"); no tag of another type is written
  (citation_journal_title, citation_inbook_title, citation_conference_title, ...). `og:type` stays "website",
  for link previews.
- The author: a `citation_author` (or `DC.creator`) is split into first and last name unless it holds a comma;
  a trailing comma, which the name then loses, keeps "Better Way network" as one name (single field).
- The institution: `citation_technical_report_institution`, the website's name. The kind of report: `DC.type`
  (Zotero's "report type"), which names no item type. The URL: `citation_public_url`. No `<time>` and no date
  tag: no date.
"""

from __future__ import annotations

import json
from typing import Any

from notes_core.citations.bibtex import bibtex_text, bibtex_url
from notes_core.citations.model import Citation

# The reader's own date goes here: the page says so without JavaScript, and its script writes today's date in.
ACCESSED = "the date you read it"


def plain(citation: Citation) -> str:
    return f"{citation.author} (n.d.) {citation.title} [{citation.genre}]. {citation.website}. {citation.url}"


def harvard(citation: Citation, accessed: str = ACCESSED) -> str:
    """Harvard (Cite Them Right), common in UK reports. The notes give no date: "n.d."."""
    return (
        f"{citation.author} (n.d.) {citation.title} [{citation.genre}]. {citation.website}. "
        f"Available at: {citation.url} (Accessed: {accessed})."
    )


def bibtex(citation: Citation) -> str:
    """biblatex's @report, with the website as its institution. Double braces keep the capitals of the title and
    the name as they are (styles would lower-case a title, and split a name into first and last)."""
    fields = [
        ("author", "{" + bibtex_text(citation.author) + "}"),
        ("title", "{" + bibtex_text(citation.title) + "}"),
        ("type", "{" + bibtex_text(citation.genre) + "}"),
        ("institution", "{" + bibtex_text(citation.website) + "}"),
        ("abstract", bibtex_text(citation.description)),
        ("note", bibtex_text(citation.note)),
        ("url", bibtex_url(citation.url)),
    ]
    body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields if value)
    return f"@report{{{bibtex_text(citation.key)},\n{body}\n}}\n"


def ris_value(value: str) -> str:
    """RIS holds one field per line: a line break in a value would end it and could start another field."""
    return " ".join(value.split())


def ris(citation: Citation) -> str:
    fields = [
        ("TY", "RPRT"),
        ("AU", citation.author),
        ("TI", citation.title),
        ("PB", citation.website),
        ("M3", citation.genre),
        ("UR", citation.url),
        ("AB", citation.description),
        *(("KW", keyword) for keyword in citation.keywords),
        ("N1", citation.note),
    ]
    return "".join(f"{tag}  - {ris_value(value)}\r\n" for tag, value in fields if value) + "ER  - \r\n"


def csl_item(citation: Citation) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": citation.key,
        "type": "report",
        "title": citation.title,
        "author": [{"literal": citation.author}],
        "publisher": citation.website,
        "genre": citation.genre,
        "URL": citation.url,
        "abstract": citation.description,
    }
    if citation.keywords:
        item["keyword"] = ", ".join(citation.keywords)
    if citation.note:
        item["note"] = citation.note
    return item


def csl_json(citation: Citation) -> str:
    return json.dumps([csl_item(citation)], ensure_ascii=False, indent=2) + "\n"


def head_tags(citation: Citation) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta> for reference managers and link previews; see the module's
    docstring for what Zotero makes of them. The title is the citation's; `og:title` is the page's headline."""
    return [
        ("name", "citation_title", citation.title),
        ("name", "citation_author", citation.author + ","),
        ("name", "citation_public_url", citation.url),
        ("name", "citation_technical_report_institution", citation.website),
        ("name", "DC.type", citation.genre),
        ("property", "og:type", "website"),
        ("property", "og:site_name", citation.website),
        ("property", "og:url", citation.url),
        ("property", "og:description", citation.description),
    ]


def json_ld(citation: Citation, home: str) -> dict[str, Any]:
    """schema.org: a report by the network, on a page of the website, which publishes it."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": citation.title,
        "description": citation.description,
        "url": citation.url,
        "genre": citation.genre,
        "author": {"@type": "Organization", "name": citation.author},
        "isPartOf": {"@type": "WebSite", "name": citation.website, "url": home},
        "publisher": {"@type": "Organization", "name": citation.website, "url": home},
    }
    if citation.label:
        data["alternativeHeadline"] = citation.label
    if citation.keywords:
        data["keywords"] = list(citation.keywords)
    return data
