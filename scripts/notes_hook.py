"""MkDocs adapter for the notes core: each MkDocs event is handed to one object made per build (NotesBuild),
which holds what the events share. All logic lives in notes_core, which knows nothing of MkDocs.

What the adapter does with MkDocs' objects: adds the generated files, gives each page what the core made for
it (a generated page's body and headings, a meeting page's Markdown and facts), hands every page's HTML to the
core's sanitiser and search records, and writes the core's Content-Security-Policy into each page.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_core import addresses
from notes_core.build.page import BuildEpoch, PagePlan, finish_output, finish_page, plan_page, read_unsafe_draft
from notes_core.build.site import Site, load_site
from notes_core.build.writer import FileWriter, OutputError
from notes_core.documents import fresh_templates
from notes_core.errors import ContentErrors
from notes_core.permalinks.sitemap import with_permanent_pages
from notes_core.render.page import Page as GeneratedPage
from notes_core.render.page import toc_tokens
from notes_core.safety.csp import add_policy, content_security_policy, inline_scripts
from notes_core.safety.log_text import make_log_inert
from notes_core.search.index import IndexRun, SearchIndexError, finish_search_index, start_search_index
from notes_core.search.records import SearchRecord
from notes_core.settings import Settings, load_settings

log = get_plugin_logger("notes")
ON_GITHUB = os.environ.get("GITHUB_ACTIONS") == "true"  # how the report says to check again


@dataclass
class NotesBuild:
    """What one build's events share. A new one is made for every build (mkdocs serve keeps this module loaded)."""

    serving: bool
    site: Site | None = None
    theme_scripts: list[str] = field(default_factory=list)
    policies: dict[str, str] = field(default_factory=dict)
    env: object = None
    records: list[SearchRecord] = field(default_factory=list)
    search_run: IndexRun | None = None
    plans: dict[str, PagePlan] = field(default_factory=dict)
    writer: FileWriter | None = None

    @property
    def drafts(self) -> bool:
        return self.serving or os.environ.get("NOTES_DRAFTS") == "1"

    def settings(self, config: MkDocsConfig) -> Settings:
        """The core's settings, with what MkDocs resolved (the site's address, the docs folder)."""
        root = Path(config.config_file_path).resolve().parent
        settings = load_settings(root, site_url=config.site_url or "", site_name=config.site_name)
        return replace(settings, docs_dir=Path(config.docs_dir))

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            site = load_site(self.settings(config), drafts=self.drafts)
        except ContentErrors as errors:
            raise PluginError("The content has problems:\n" + errors.report(ON_GITHUB)) from None
        for note in site.notes:
            log.info(note)
        for problem in site.problems:
            log.warning(str(problem))  # a strict build fails on these; `mkdocs serve` shows them on the pages
        for file in list(files):
            if not site.publishable(file.src_uri, Path(file.abs_src_path or "").is_symlink()):
                files.remove(file)
        aside = site.files_aside()
        for uri, content in site.pages.items():
            if uri in aside:
                continue
            if files.get_file_from_path(uri) is not None:
                raise PluginError(
                    f"docs/{uri} is a generated page; delete the file from docs/ (it is made from the meeting files "
                    "at build time)"
                )
            files.append(File.generated(config, uri, content="" if isinstance(content, GeneratedPage) else content))
        self.site = site
        self.writer = FileWriter(aside, Path(config.site_dir))
        return files

    def plan(self, page: Page, config: MkDocsConfig) -> PagePlan:
        uri = page.file.src_uri
        if uri not in self.plans:
            assert self.site is not None
            self.plans[uri] = plan_page(self.site, uri, page.is_homepage, self.drafts, config.site_url or "")
        return self.plans[uri]

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        plan = self.plan(page, config)
        if plan.generated or plan.meeting:
            page.edit_url = page.edit_url if plan.meeting else None  # a generated page has no file to edit
        page.meta = plan.meta(page.meta, config.site_url or "", config.site_name)
        return plan.markdown(markdown)

    def page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        plan = self.plan(page, config)
        if isinstance(plan.generated, GeneratedPage):
            page.toc = get_toc(toc_tokens(plan.generated.headings))
            page.present_anchor_ids = set(plan.generated.anchors)

        def source() -> str:  # read only when the sanitiser removed something: its line is then looked up
            try:
                return page.file.content_string if page.file.generated_by is None else ""
            except UnicodeDecodeError:  # a draft that is not UTF-8: its problems say so
                return ""

        meta = {**page.meta, "title": page.title or ""}
        try:
            clean, records = finish_page(plan, html, source, meta, self.own_search(config))
        except ContentErrors as problems:
            raise PluginError("The content has problems:\n" + problems.report(ON_GITHUB)) from None
        self.records.extend(records)
        # Material prints page titles and descriptions raw (MkDocs' templates do not autoescape).
        page.meta = {key: escape(value) if isinstance(value, str) else value for key, value in page.meta.items()}
        if "title" not in page.meta and page.title:
            page.meta["title"] = escape(page.title)
        return clean

    @staticmethod
    def own_search(config: MkDocsConfig) -> bool:
        """The site's own search (Pagefind), unless Material's search plugin is configured instead."""
        return "material/search" not in config.plugins

    def start_search_index(self, config: MkDocsConfig) -> None:
        """Every page's content is rendered before the theme writes any page (on_env): Pagefind indexes the
        records while the pages are written, and on_post_build waits for it."""
        self.stop_search_index()
        if self.own_search(config):
            try:
                self.search_run = start_search_index(self.records, Path(config.site_dir))
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    def stop_background_work(self) -> None:
        """Abandon the work this build started beside the engine (it failed, or a new build started)."""
        self.stop_search_index()
        if self.writer is not None:
            self.writer.stop()
            self.writer = None

    def stop_search_index(self) -> None:
        if self.search_run is not None:
            self.search_run.stop()
            self.search_run = None

    def finish_writing(self) -> None:
        writer, self.writer = self.writer, None
        if writer is not None:
            try:
                writer.finish()
            except OutputError as error:
                raise PluginError(str(error)) from None

    def finish_search_index(self) -> None:
        run, self.search_run = self.search_run, None
        if run is not None:
            try:
                finish_search_index(run)
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    def theme_env(self, env, config: MkDocsConfig):
        # The theme's overrides spell no address: they ask the core's addresses module.
        env.globals["addresses"] = addresses
        # The theme's own inline scripts, allowed by hash; one of them carries the page's base URL.
        self.env = env
        self.start_search_index(config)
        for name in ("partials/javascripts/content.html", "partials/javascripts/palette.html"):
            self.theme_scripts.extend(inline_scripts(env.get_template(name).render(config=config, features=[])))
        return env

    def policy(self, config: MkDocsConfig, base_url: str) -> str:
        """The policy for pages at this depth (the theme's first inline script names the way to the root)."""
        if base_url not in self.policies:
            rendered = self.env.get_template("partials/javascripts/base.html").render(config=config, base_url=base_url)
            self.policies[base_url] = content_security_policy(self.theme_scripts + inline_scripts(rendered))
        return self.policies[base_url]


_serving = False  # set once per process: `mkdocs serve` previews drafts, with their problems shown on the pages
_build: NotesBuild | None = None


def _current() -> NotesBuild:
    assert _build is not None, "on_config makes the build's state"
    return _build


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    make_log_inert()  # contributor text in any line the build prints stays text, never a CI command
    if _build is not None:
        _build.stop_background_work()
    _build = NotesBuild(serving=_serving)
    fresh_templates()
    BuildEpoch.set_from_git(Path(config.config_file_path).resolve().parent)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    return _current().files(files, config)


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


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    build = _current()
    if page.file.abs_src_path is None:
        return None
    return read_unsafe_draft(build.plan(page, config), Path(page.file.abs_src_path), page.file.src_uri)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().page_markdown(markdown, page, config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().page_content(html, page, config)


def on_env(env, *, config: MkDocsConfig, files: Files):
    return _current().theme_env(env, config)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Not under `mkdocs serve`: its live reload is an inline script added to every page as it is served,
    # and the preview is the contributor's own machine. Every page is still sanitised.
    build = _current()
    if not build.serving:
        output = add_policy(output, build.policy(config, get_relative_url(".", page.url)))
    return finish_output(output)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Pages made from a template alone (404.html), with the base URL MkDocs gives them; and the sitemap, which
    # also lists the permanent pages.
    build = _current()
    if template_name == "sitemap.xml" and build.site is not None:
        return with_permanent_pages(output, build.site.archive, config.site_url or "")
    if not template_name.endswith(".html") or build.serving:
        return output
    base_url = (
        urlsplit(config.site_url or "/").path if template_name == "404.html" else get_relative_url(".", template_name)
    )
    return add_policy(output, build.policy(config, base_url))


def on_post_build(*, config: MkDocsConfig) -> None:
    _current().finish_writing()
    _current().finish_search_index()


def on_build_error(*, error: Exception) -> None:
    if _build is not None:
        _build.stop_background_work()
