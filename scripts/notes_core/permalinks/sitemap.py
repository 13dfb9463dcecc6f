"""The permanent pages in the sitemap: the engine lists the pages it rendered, and the /p/ pages are written beside
them (build/writer.py), so their addresses are added to what it made. Retired ids are not listed: their pages say
where the point is now."""

from __future__ import annotations

from xml.sax.saxutils import escape

from notes_core.addresses import absolute, permanent_address
from notes_core.model import Archive

END = "</urlset>"


def with_permanent_pages(sitemap: str, archive: Archive, site_url: str) -> str:
    """The engine's sitemap.xml with a <url> for every key point's permanent page, in the notes' order."""
    if END not in sitemap or not site_url:
        return sitemap
    entries = "".join(
        f"    <url>\n         <loc>{escape(absolute(site_url, permanent_address(point_id)))}</loc>\n    </url>\n"
        for point_id in archive.points
    )
    head, _, tail = sitemap.rpartition(END)
    return head + entries + END + tail
