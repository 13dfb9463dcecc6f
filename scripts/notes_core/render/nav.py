"""Navigation order for the generated sections, as awesome-nav `.nav.yml` files."""
from __future__ import annotations

import json

from ..model import Archive
from . import links as L


def render_nav_files(archive: Archive) -> dict[str, str]:
    def nav(entries: list) -> str:
        return "nav:\n" + "".join(f"  - {json.dumps(e) if isinstance(e, str) else json.dumps(e, ensure_ascii=False)}\n" for e in entries)

    meetings = [{"All meetings": "index.md"}] + [f"{m.slug}.md" for m in archive.meetings]
    speakers = sorted(archive.speakers.values(), key=lambda s: (s.name.split()[-1].lower(), s.name.lower()))
    return {
        "meetings/.nav.yml": nav(meetings),
        "themes/.nav.yml": nav([{"All themes": "index.md"}] + [f"{t}.md" for t in archive.themes]),
        "speakers/.nav.yml": nav([{"All speakers": "index.md"}] + [f"{s.id}.md" for s in speakers]),
        "principles/.nav.yml": nav(["index.md", "a-z.md"]),
        "connections/.nav.yml": nav(["index.md", "theme-pairs.md", "co-occurrence.md"]),
    }
