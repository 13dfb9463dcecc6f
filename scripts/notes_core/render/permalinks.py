"""The permanent address of every key point, /p/<id>/: a light page that previews as the point
when the link is pasted into a chat or document, then sends the reader to the point in its meeting."""
from __future__ import annotations

from html import escape

from ..model import Archive, Point
from .links import point_location, point_url

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title} · {site_name}</title>
<meta name="description" content="{description}">
<link rel="canonical" href="{location}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site_name}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:url" content="{permanent}">
<meta name="twitter:card" content="summary">
<meta http-equiv="refresh" content="0; url={relative}">
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}}a{{color:#303fa1}}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{text}</p>
<p>A key point from <a href="{relative}">{meeting}</a>, {series}, Better Way network.</p>
</main>
</body>
</html>
"""


def render_permalink_pages(archive: Archive, site_url: str, site_name: str, point_redirects: dict[str, str]) -> dict[str, str]:
    """One page per point id, including retired ids that now lead to the point that holds them."""
    base = site_url.rstrip("/") + "/"
    pages = {f"{point_url(point)}index.html": render_permalink_page(archive, point, base, site_name) for point in archive.points.values()}
    for old, new in point_redirects.items():
        if new in archive.points and old not in archive.points:
            pages[f"p/{old}/index.html"] = render_permalink_page(archive, archive.points[new], base, site_name)
    return pages


def render_permalink_page(archive: Archive, point: Point, base: str, site_name: str) -> str:
    meeting = archive.meetings_by_slug[point.meeting]
    return PAGE.format(
        title=escape(point.title),
        site_name=escape(site_name),
        description=escape(shorten(point.text, 300)),
        text=escape(point.text),
        location=escape(base + point_location(point)),
        permanent=escape(base + point_url(point)),
        relative=escape("../../" + point_location(point)),
        meeting=escape(meeting.title),
        series=escape(archive.series[meeting.series].title),
    )


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
