"""The pure core of the Joining Forces notes site: load -> validate -> model -> render.

Nothing here imports MkDocs, so the same archive can feed another engine.
"""

from __future__ import annotations

from notes_core.check.archive import load_archive
from notes_core.errors import ContentError, ContentErrors
from notes_core.model import (
    Archive,
    Category,
    Meeting,
    Organisation,
    PlannedMeeting,
    Point,
    Series,
    Speaker,
    SpeakerRole,
    Theme,
)

__all__ = [
    "Archive",
    "Category",
    "ContentError",
    "ContentErrors",
    "Meeting",
    "Organisation",
    "PlannedMeeting",
    "Point",
    "Series",
    "Speaker",
    "SpeakerRole",
    "Theme",
    "load_archive",
]
