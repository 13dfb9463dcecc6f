"""principles.json and principles.csv: every key point, for report writers and researchers."""
from __future__ import annotations

import csv
import io
import json

from ..model import Archive
from .links import point_location, point_url

COLUMNS = ["id", "title", "text", "themes", "meeting", "meeting_title", "speakers", "url", "location"]


def export_rows(archive: Archive, site_url: str) -> list[dict]:
    base = site_url.rstrip("/") + "/"
    rows = []
    for meeting in archive.meetings:
        for point in meeting.points:
            rows.append({
                "id": point.id,
                "title": point.title,
                "text": point.text,
                "themes": list(point.themes),
                "meeting": meeting.slug,
                "meeting_title": meeting.title,
                "speakers": [archive.speakers[point.speaker].name] if point.speaker else [],
                "url": base + point_url(point),
                "location": base + point_location(point),
            })
    return rows


def render_exports(archive: Archive, site_url: str) -> dict[str, str]:
    rows = export_rows(archive, site_url)
    data = {
        "description": "Key points of the Better Way network's Joining Forces meetings. `url` is the permanent link; `location` is where the point is now.",
        "count": len(rows),
        "points": rows,
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "themes": "; ".join(row["themes"]), "speakers": "; ".join(row["speakers"])})
    return {
        "principles.json": json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
        "principles.csv": out.getvalue(),
    }
