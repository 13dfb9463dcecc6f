"""MkDocs adapter for the notes core: load once per build, add generated pages, render meeting pages,
sanitise every page's content, escape what the theme prints raw, and set the Content-Security-Policy.

All logic lives in notes_core, which knows nothing of MkDocs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import minify_html
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_core import ContentError, ContentErrors
from notes_core.addresses import docs_file, meeting_slug
from notes_core.check.docs import find_line
from notes_core.check.page_meta import safe_meta
from notes_core.citations.formats import meeting_highwire_tags
from notes_core.model import Meeting
from notes_core.read.source_files import read_source
from notes_core.render import insert_theme_map, render_meeting_page, strip_point_headerlinks
from notes_core.render.problems import render_problems_panel
from notes_core.render.scale import MINIFY_ABOVE
from notes_core.safety.csp import add_policy, content_security_policy, inline_scripts
from notes_core.safety.sanitise import clean_html, maybe_removed, removed_parts
from notes_core.search.index import IndexRun, SearchIndexError, finish_search_index, start_search_index
from notes_core.search.records import SearchRecord, records_from_page
from notes_core.settings import Settings, load_settings
from notes_core.site import Site, load_site

log = get_plugin_logger("notes")

# Set afresh by every build (mkdocs serve keeps this module loaded): the site in on_files,
# the theme's inline scripts in on_env.
_site: Site | None = None
_theme_scripts: dict[str, list[str]] = {}
_policies: dict[str, str] = {}
_env = None
_search_records: list[SearchRecord] = []
_search_run: IndexRun | None = None
EPOCH_FROM_GIT = "NOTES_EPOCH_FROM_GIT"
# Set once per process: `mkdocs serve` previews drafts, with their problems shown on the page.
_serving = False


def _drafts() -> bool:
    return _serving or os.environ.get("NOTES_DRAFTS") == "1"


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _settings(config: MkDocsConfig) -> Settings:
    """The core's settings, with what MkDocs resolved (the site's address, the docs folder)."""
    settings = load_settings(_root(config), site_url=config.site_url or "", site_name=config.site_name)
    return replace(settings, docs_dir=Path(config.docs_dir))


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Reproducible builds: MkDocs dates the sitemap (and its .gz) from SOURCE_DATE_EPOCH
    # when set; take it from the last commit instead of the clock.
    # Set for this build only: a later build in the same process, of another commit, takes its own
    # (EPOCH_FROM_GIT marks the value as ours, not the caller's).
    if os.environ.get(EPOCH_FROM_GIT) or "SOURCE_DATE_EPOCH" not in os.environ:
        commit_time = subprocess.run(
            ["git", "-C", str(_root(config)), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if commit_time.isdigit():
            os.environ["SOURCE_DATE_EPOCH"] = commit_time
            os.environ[EPOCH_FROM_GIT] = "1"
        else:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            os.environ.pop(EPOCH_FROM_GIT, None)
    _theme_scripts.clear()
    _policies.clear()
    _search_records.clear()
    _stop_search_run()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global _site
    _site = None
    try:
        site = load_site(_settings(config), drafts=_drafts())
    except ContentErrors as errors:
        raise PluginError("The content has problems:\n" + errors.report()) from None
    for note in site.notes:
        log.info(note)
    for problem in site.problems:
        log.warning(str(problem))  # a strict build fails on these; `mkdocs serve` shows them on the pages
    # A preview shows draft pages with their problems, but never publishes a refused file that is not a page
    # (a script, an SVG with a handler, raw HTML, a link to a file outside the repository).
    refused = {p.path for p in site.problems}
    for file in list(files):
        if docs_file(file.src_uri) in refused and (
            not file.src_uri.endswith(".md") or Path(file.abs_src_path or "").is_symlink()
        ):
            files.remove(file)
    for uri, content in site.pages.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(
                f"docs/{uri} is a generated page; delete the file from docs/ (it is made from the meeting files at "
                "build time)"
            )
        files.append(File.generated(config, uri, content=content))
    _site = site
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Section titles come from files a pull request can change, and the theme prints them raw."""

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, Section):
                item.title = escape(item.title)
                walk(item.children)
            elif isinstance(item, Page):
                if item.__dict__.get("title") is not None:  # a title given in .nav.yml overrides the page's own
                    item.title = escape(item.__dict__["title"])
            elif getattr(item, "title", None):
                item.title = escape(item.title)

    walk(nav.items)
    return nav


def _meeting(page: Page) -> Meeting | None:
    slug = meeting_slug(page.file.src_uri)
    return _site.archive.meetings_by_slug.get(slug) if _site and slug else None


def _problems_of(page: Page) -> list[ContentError]:
    if _site is None or not _site.problems:
        return []
    if page.is_homepage:
        return list(_site.problems)
    path = docs_file(page.file.src_uri)
    return [problem for problem in _site.problems if problem.path == path]


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    """A draft that cannot be read safely (not UTF-8, a NUL, a line too long to parse quickly) is previewed
    as its problems alone; MkDocs would otherwise stop, or spend minutes, on it."""
    if not _drafts() or not _problems_of(page) or page.file.abs_src_path is None:
        return None
    if read_source(Path(page.file.abs_src_path), page.file.src_uri, [], long_lines=False) is None:
        return "The file cannot be shown until the problems above are fixed.\n"
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _site and page.file.src_uri in _site.pages:
        page.edit_url = None  # nothing to edit: the page is made from the meeting files
    meeting = _meeting(page)
    if meeting is None:
        # Only what the check allows reaches the theme (a preview may show a page the check refuses).
        page.meta = safe_meta(page.meta)
        return insert_theme_map(markdown, _site.archive, page.file.src_uri) if _site else markdown
    # A meeting page tells the theme only what the model holds, checked.
    series = _site.archive.series[meeting.series].title
    page.meta = {"title": meeting.title, "description": meeting.summary, "series_title": series}
    # For reference managers (overrides/main.html prints them, escaped by _escape_for_the_theme and again there).
    page.meta["citation"] = [
        {"name": name, "content": escape(value)}
        for name, value in meeting_highwire_tags(_site.archive, meeting, config.site_url or "")
    ]
    return render_meeting_page(meeting, _site.archive, config.site_url or "", _site.moved.get(meeting.slug, ()))


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    meeting = _meeting(page)
    html = strip_point_headerlinks(html, meeting) if meeting else html
    clean = clean_html(html)
    if _own_search(config) and not (page.meta.get("search") or {}).get("exclude"):
        _search_records.extend(records_from_page(page.file.src_uri, str(page.title or ""), clean))
    problems = _problems_of(page) + _removed(html, clean, page)
    if problems and _drafts():
        clean = clean_html(render_problems_panel(problems, whole_site=page.is_homepage)) + clean
    elif problems:
        raise PluginError("The content has problems:\n" + ContentErrors(problems).report())
    _escape_for_the_theme(page)
    return clean


def _own_search(config: MkDocsConfig) -> bool:
    """The site's own search (Pagefind), unless Material's search plugin is configured instead."""
    return "material/search" not in config.plugins


def _start_search_index(config: MkDocsConfig) -> None:
    """Every page's content is rendered before the theme writes any page (on_env): Pagefind indexes the
    records while the pages are written, and on_post_build waits for it."""
    global _search_run
    _stop_search_run()
    if _own_search(config):
        try:
            _search_run = start_search_index(_search_records, Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None


def _stop_search_run() -> None:
    global _search_run
    if _search_run is not None:
        _search_run.stop()
        _search_run = None


def on_post_build(*, config: MkDocsConfig) -> None:
    global _search_run
    run, _search_run = _search_run, None
    if run is None:
        return
    try:
        finish_search_index(run)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_build_error(*, error: Exception) -> None:
    _stop_search_run()


def _removed(html: str, clean: str, page: Page) -> list[ContentError]:
    """What the sanitiser strips from this page, as problems with the file and line that caused them."""
    removed = removed_parts(html, cleaned=clean) if maybe_removed(html, clean) else []
    if not removed:
        return []
    if page.file.generated_by is None:
        source, path = page.file.content_string, docs_file(page.file.src_uri)
    else:  # a generated page: what it shows comes from the registries
        source, path = "", f"{page.file.src_uri} (generated; a value in data/ holds markup it may not)"
    return [ContentError(path, find_line(source, part.token, 1), f"{part}; remove it") for part in removed]


def _escape_for_the_theme(page: Page) -> None:
    """Material prints page titles and descriptions raw (MkDocs' templates do not autoescape)."""
    for key, value in list(page.meta.items()):
        if isinstance(value, str):
            page.meta[key] = escape(value)
    if "title" not in page.meta and page.title:
        page.meta["title"] = escape(page.title)


def on_env(env, *, config: MkDocsConfig, files: Files):
    # The theme's own inline scripts, allowed by hash; one of them carries the page's base URL.
    global _env
    _env = env
    _start_search_index(config)
    for name in ("partials/javascripts/content.html", "partials/javascripts/palette.html"):
        _theme_scripts.setdefault("any", []).extend(
            inline_scripts(env.get_template(name).render(config=config, features=[]))
        )
    return env


def _policy(config: MkDocsConfig, base_url: str) -> str:
    """The policy for pages at this depth (the theme's first inline script names the way to the root)."""
    if base_url not in _policies:
        rendered = _env.get_template("partials/javascripts/base.html").render(config=config, base_url=base_url)
        _policies[base_url] = content_security_policy(_theme_scripts["any"] + inline_scripts(rendered))
    return _policies[base_url]


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Not under `mkdocs serve`: its live reload is an inline script added to every page as it is served,
    # and the preview is the contributor's own machine. Every page is still sanitised.
    if not _serving:
        output = add_policy(output, _policy(config, get_relative_url(".", page.url)))
    # Only heavy pages are minified: with gzip the gain is small, and it keeps the longest
    # meeting pages within their weight budget without slowing every page of a large build.
    if len(output) <= MINIFY_ABOVE:
        return output
    return minify_html.minify(output, keep_html_and_head_opening_tags=True, keep_closing_tags=True)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Pages made from a template alone (404.html), with the base URL MkDocs gives them.
    if not template_name.endswith(".html") or _serving:
        return output
    base_url = (
        urlsplit(config.site_url or "/").path if template_name == "404.html" else get_relative_url(".", template_name)
    )
    return add_policy(output, _policy(config, base_url))
