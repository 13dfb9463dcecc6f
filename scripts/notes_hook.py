"""MkDocs adapter for the notes core: load once per build, add generated pages, render meeting pages.

All logic lives in notes_core, which knows nothing of MkDocs.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import minify_html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_core import ContentErrors  # noqa: E402
from notes_core.redirects import Redirects, read_redirects  # noqa: E402
from notes_core.render.scale import MINIFY_ABOVE  # noqa: E402
from notes_core.render import insert_theme_map, render_meeting_page, strip_point_headerlinks  # noqa: E402
from notes_core.site import Site, load_site  # noqa: E402

log = get_plugin_logger("notes")

# Set afresh by every build (mkdocs serve keeps this module loaded): the redirects in on_config,
# the site in on_files.
_redirects: Redirects | None = None
_site: Site | None = None


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Reproducible builds: MkDocs dates the sitemap (and its .gz) from SOURCE_DATE_EPOCH
    # when set; take it from the last commit instead of the clock.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        commit_time = subprocess.run(["git", "-C", str(_root(config)), "log", "-1", "--format=%ct"],
                                     capture_output=True, text=True, check=False).stdout.strip()
        if commit_time.isdigit():
            os.environ["SOURCE_DATE_EPOCH"] = commit_time
    # Old page addresses in data/permalinks.yml redirect through mkdocs-redirects.
    global _redirects
    _redirects = read_redirects(_root(config), [])  # a broken file is read again, and reported, by on_files
    redirects = config.plugins.get("redirects")
    if redirects is not None and _redirects is not None:
        redirects.config["redirect_maps"] = {**redirects.config.get("redirect_maps", {}), **_redirects.page_redirects}
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global _site
    _site = None
    try:
        site = load_site(_root(config), config.site_url or "", config.site_name, redirects=_redirects)
    except ContentErrors as errors:
        raise PluginError("The content has problems:\n" + errors.report()) from None
    for note in site.notes:
        log.info(note)
    for uri, content in site.pages.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} is a generated page; delete the file from docs/ (it is made from the meeting files at build time)")
        files.append(File.generated(config, uri, content=content))
    _site = site
    return files


def _meeting(page: Page):
    uri = page.file.src_uri
    meeting = _site.archive.meetings_by_slug.get(Path(uri).stem) if _site and uri.startswith("meetings/") else None
    return meeting if meeting is not None and meeting.src_uri == uri else None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _site and page.file.src_uri in _site.pages:
        page.edit_url = None  # nothing to edit: the page is made from the meeting files
    meeting = _meeting(page)
    if meeting is None:
        return insert_theme_map(markdown, _site.archive, page.file.src_uri) if _site else markdown
    page.meta.setdefault("description", meeting.summary)
    page.meta["series_title"] = _site.archive.series[meeting.series].title
    return render_meeting_page(meeting, _site.archive, config.site_url or "", _site.moved.get(meeting.slug, ()))


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    meeting = _meeting(page)
    return strip_point_headerlinks(html, meeting) if meeting else html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Only heavy pages are minified: with gzip the gain is small, and it keeps the longest
    # meeting pages within their weight budget without slowing every page of a large build.
    if len(output) <= MINIFY_ABOVE:
        return output
    return minify_html.minify(output, keep_html_and_head_opening_tags=True, keep_closing_tags=True)
