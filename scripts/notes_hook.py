"""MkDocs adapter for the notes core: load once per build, add generated pages, render meeting pages.

All logic lives in notes_core, which knows nothing of MkDocs.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_core import Archive, ContentErrors, load_archive  # noqa: E402
from notes_core.render import render_meeting_page, render_pages, strip_point_headerlinks  # noqa: E402

# Set afresh by every build in on_files (mkdocs serve keeps this module loaded).
_archive: Archive | None = None
_generated: set[str] = set()


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global _archive, _generated
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).resolve().parent
    try:
        _archive = load_archive(docs / "meetings", root / "data", root)
    except ContentErrors as errors:
        raise PluginError("The content has problems:\n" + errors.report()) from None
    pages = render_pages(_archive, config.site_url or "", config.site_name)
    for uri, content in pages.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} is a generated page; delete the file from docs/ (it is made from the meeting files at build time)")
        files.append(File.generated(config, uri, content=content))
    _generated = set(pages)
    return files


def _meeting(page: Page):
    uri = page.file.src_uri
    meeting = _archive.meetings_by_slug.get(Path(uri).stem) if _archive and uri.startswith("meetings/") else None
    return meeting if meeting is not None and meeting.src_uri == uri else None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _generated:
        page.edit_url = None  # nothing to edit: the page is made from the meeting files
    meeting = _meeting(page)
    if meeting is None:
        return markdown
    page.meta.setdefault("description", meeting.summary)
    page.meta["series_title"] = _archive.series[meeting.series].title
    return render_meeting_page(meeting, _archive, config.site_url or "")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    meeting = _meeting(page)
    return strip_point_headerlinks(html, meeting) if meeting else html
