"""What a build does with each page, for any engine: what the theme may be told of it (meta), the Markdown the
engine converts (a meeting's write-up with the site's parts, a hand-written page with the theme map, nothing
for a generated page), and the HTML readers get (sanitised, problems shown on a draft, its search records).
The engine's adapter (scripts/notes_hook.py) hands MkDocs' objects to these functions and no more."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import minify_html
from markupsafe import escape

from notes_core.addresses import docs_file, meeting_slug, resolve_named_links
from notes_core.build.site import Site
from notes_core.check.docs import find_line
from notes_core.check.page_meta import safe_meta
from notes_core.citations.formats import head_tags
from notes_core.citations.model import meeting_citation
from notes_core.errors import ContentError, ContentErrors
from notes_core.model import Meeting
from notes_core.permalinks.history import EPOCH_FROM_GIT, published_times
from notes_core.read.source_files import read_source
from notes_core.render.connections import insert_theme_map
from notes_core.render.meeting import MeetingMarkdown, render_meeting_markdown, strip_point_headerlinks
from notes_core.render.page import Page
from notes_core.render.problems import render_problems_panel
from notes_core.render.scale import MINIFY_ABOVE
from notes_core.safety.sanitise import clean_html, maybe_removed, removed_parts
from notes_core.search.records import SearchRecord, records_from_page

# The engines read SOURCE_DATE_EPOCH with datetime, which ends in the year 9999: a commit dated later (git holds
# any date) leaves the build to date its sitemap by the clock rather than crash it.
LAST_EPOCH = 253_402_214_400  # 9999-12-31T00:00:00Z: a day short of the end, for any time zone


class BuildEpoch:
    """Reproducible builds: engines date the sitemap (and its .gz) from SOURCE_DATE_EPOCH when set; take it from
    the last commit instead of the clock. Set for this build only: a later build in the same process, of another
    commit, takes its own (EPOCH_FROM_GIT marks the value as ours, not the caller's)."""

    @staticmethod
    def set_from_git(root: Path) -> None:
        if not os.environ.get(EPOCH_FROM_GIT) and "SOURCE_DATE_EPOCH" in os.environ:
            return
        # The last commit's time as the site shows dates (permalinks/history.py): never after now, before the
        # first commit, or before the commits under it, whatever the committer's clock said.
        listed = subprocess.run(
            ["git", "-C", str(root), "log", "--first-parent", "--reverse", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        times = [int(t) for t in listed if t.lstrip("-").isdigit()]
        shown = published_times(times, int(time.time()))
        if shown and 0 <= shown[-1] <= LAST_EPOCH:
            os.environ["SOURCE_DATE_EPOCH"] = str(shown[-1])
            os.environ[EPOCH_FROM_GIT] = "1"
        else:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            os.environ.pop(EPOCH_FROM_GIT, None)


@dataclass(frozen=True)
class PagePlan:
    """One page of the build: what the site made for it, and the problems it shows (as a draft) or stops on."""

    site: Site
    uri: str  # the docs path
    is_homepage: bool
    drafts: bool
    generated: Page | None = None
    meeting: Meeting | None = None
    problems: tuple[ContentError, ...] = field(default=())
    meeting_markdown: MeetingMarkdown | None = None

    def meta(self, front_matter: dict[str, Any], site_url: str, site_name: str) -> dict[str, Any]:
        """What the theme is told of the page: only what the model holds, or what the check allows."""
        if self.generated is not None:
            meta: dict[str, Any] = {"title": self.generated.title, "description": self.generated.description}
            if not self.generated.searchable:
                meta["search"] = {"exclude": True}
            return meta
        if self.meeting is None:
            return safe_meta(front_matter)  # a preview may show a page the check refuses
        citation = meeting_citation(self.site.archive, self.meeting, site_url, site_name)
        return {
            "title": self.meeting.title,
            "description": self.meeting.summary,
            # For reference managers and link previews (overrides/main.html prints them, escaped again there).
            "citation": [
                {"attribute": attribute, "name": name, "content": escape(value)}
                for attribute, name, value in head_tags(citation)
            ],
        }

    def markdown(self, markdown: str) -> str:
        """What the engine converts: nothing for a generated page (its HTML is made), the meeting's write-up."""
        if self.generated is not None:
            return ""
        if self.meeting_markdown is None:
            return insert_theme_map(resolve_named_links(markdown, self.uri), self.site.archive, self.uri)
        return self.meeting_markdown.markdown


def plan_page(site: Site, uri: str, is_homepage: bool, drafts: bool, site_url: str) -> PagePlan:
    generated = site.pages.get(uri)
    slug = meeting_slug(uri)
    meeting = site.archive.meetings_by_slug.get(slug) if slug else None
    if site.problems:
        problems = site.problems if is_homepage else tuple(p for p in site.problems if p.path == docs_file(uri))
    else:
        problems = ()
    return PagePlan(
        site,
        uri,
        is_homepage,
        drafts,
        generated if isinstance(generated, Page) else None,
        meeting,
        problems,
        None
        if meeting is None
        else render_meeting_markdown(meeting, site.archive, site_url, site.moved.get(meeting.slug, ())),
    )


def read_unsafe_draft(plan: PagePlan, path: Path, uri: str) -> str | None:
    """A draft that cannot be read safely (not UTF-8, a NUL, a line too long to parse quickly) is previewed
    as its problems alone; an engine would otherwise stop, or spend minutes, on it. None: read it as usual."""
    if not plan.drafts or not plan.problems:
        return None
    if read_source(path, uri, [], long_lines=False) is None:
        return "The file cannot be shown until the problems above are fixed.\n"
    return None


def finish_page(
    plan: PagePlan, html: str, source: Callable[[], str], meta: dict[str, Any], with_records: bool
) -> tuple[str, list[SearchRecord]]:
    """The page's HTML as readers get it, and its search records (`meta` as plan.meta made it, the title the
    engine gave the page included). Raises ContentErrors when the sanitiser would remove something, or the page
    has problems, unless the build previews drafts (then they are shown on it)."""
    if plan.generated is not None:
        html = plan.generated.html
    elif plan.meeting is not None and plan.meeting_markdown is not None:
        html = strip_point_headerlinks(plan.meeting_markdown.fill(html), plan.meeting)
    clean = clean_html(html)
    searchable = not (meta.get("search") or {}).get("exclude")
    records = records_from_page(plan.uri, str(meta.get("title") or ""), clean) if with_records and searchable else []
    problems = list(plan.problems) + removed(plan, html, clean, source)
    if problems and plan.drafts:
        clean = clean_html(render_problems_panel(problems, whole_site=plan.is_homepage)) + clean
    elif problems:
        raise ContentErrors(problems)
    return clean, records


def removed(plan: PagePlan, html: str, clean: str, source: Callable[[], str]) -> list[ContentError]:
    """What the sanitiser strips from this page, as problems with the file and line that caused them (`source`
    gives the page's file, read only then)."""
    found = removed_parts(html, cleaned=clean) if maybe_removed(html, clean) else []
    if not found:
        return []
    if plan.uri not in plan.site.pages:
        text, path = source(), docs_file(plan.uri)
    else:  # a generated page: what it shows comes from the registries
        text, path = "", f"{plan.uri} (generated; a value in data/ holds markup it may not)"
    return [ContentError(path, find_line(text, part.token, 1), f"{part}; remove it") for part in found]


def finish_output(output: str) -> str:
    """Only heavy pages are minified: with gzip the gain is small, and it keeps the longest meeting pages within
    their weight budget without slowing every page of a large build."""
    if len(output) <= MINIFY_ABOVE:
        return output
    return minify_html.minify(output, keep_html_and_head_opening_tags=True, keep_closing_tags=True)
