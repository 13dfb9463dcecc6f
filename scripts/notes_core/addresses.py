"""Every address of the site, and every link between two of them: the one place that spells a path.

Three kinds of address appear here:
- docs paths, as MkDocs names source files: `themes/shared-purpose.md`;
- page addresses, as readers see them (directory URLs): `themes/shared-purpose/`;
- file paths of generated files in the built site: `p/vest/index.html`.
"""

from __future__ import annotations

import re
from functools import cache

MEETINGS = "meetings"  # the folder of meeting files in docs/
DATA = "data"  # the registries' folder beside docs/
NAV_FILE = ".nav.yml"  # awesome-nav's navigation file of a folder

MEETINGS_INDEX = "meetings/index.md"
THEMES_INDEX = "themes/index.md"
SPEAKERS_INDEX = "speakers/index.md"
ORGANISATIONS_INDEX = "organisations/index.md"
PRINCIPLES_BY_THEME = "principles/index.md"
PRINCIPLES_A_TO_Z = "principles/a-z.md"
CONNECTIONS_MATRIX = "connections/index.md"
CONNECTIONS_MAP_PICTURE = "connections/theme-map.svg"
CONNECTIONS_PAIRS = "connections/theme-pairs.md"
CONNECTIONS_CO_OCCURRENCE = "connections/co-occurrence.md"
EXPORT_JSON = "principles.json"
EXPORT_CSV = "principles.csv"
FEED = "feed.xml"
# Every feed, as the pages' <head> announces them (overrides/main.html) and render/feed.py makes them:
# (path, media type).
FEEDS = ((FEED, "application/rss+xml"),)

# Pages and files the hand-written pages link to by name, `[from A to Z](@a-to-z)`, not by path: the build writes
# each such link to wherever this module puts the page (resolve_named_links), so moving a page here moves every
# link to it. The check names a link to an unknown name.
NAMED = {
    "meetings": MEETINGS_INDEX,
    "key-points": PRINCIPLES_BY_THEME,
    "a-to-z": PRINCIPLES_A_TO_Z,
    "themes": THEMES_INDEX,
    "speakers": SPEAKERS_INDEX,
    "organisations": ORGANISATIONS_INDEX,
    "theme-map": CONNECTIONS_MATRIX,
    "export-json": EXPORT_JSON,
    "export-csv": EXPORT_CSV,
}
NAMED_LINK = re.compile(r"\]\(@([a-z0-9-]{1,40})(#[A-Za-z0-9_-]{1,80})?\)")


def resolve_named_links(markdown: str, from_page: str) -> str:
    """Every `](@name)` or `](@name#anchor)` of a hand-written page as the relative link to that page or file;
    an unknown name is left as written (the check names it)."""
    if "](@" not in markdown:
        return markdown

    def target(match: re.Match[str]) -> str:
        name, anchor = match.group(1), match.group(2) or ""
        path = NAMED.get(name)
        return match.group(0) if path is None else f"]({link(from_page, path)}{anchor})"

    return NAMED_LINK.sub(target, markdown)


def unknown_named_links(markdown: str) -> list[tuple[int, str]]:
    """(offset, name) of every link by a name NAMED does not hold."""
    return [(m.start(), m.group(1)) for m in NAMED_LINK.finditer(markdown) if m.group(1) not in NAMED]


# A file under docs/ becomes an address, a search result's link and a file of the built site: its folders and
# name are lowercase letters, digits and hyphens, its suffix lowercase letters and digits, so nothing in it can
# read as a scheme, a host, an escape, a look-alike letter or a bidirectional mark.
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SITE_PATH = re.compile(rf"(?:{SLUG}/)*(?:{SLUG}\.[a-z0-9]+|{re.escape(NAV_FILE)})")
SITE_ADDRESS = re.compile(rf"(?:{SLUG}/)*")  # a page address made of such names: "", "themes/shared-purpose/"


def is_site_path(docs_path: str) -> bool:
    return SITE_PATH.fullmatch(docs_path) is not None


def is_site_address(address: str) -> bool:
    return SITE_ADDRESS.fullmatch(address) is not None


def theme_page(theme_id: str) -> str:
    return f"themes/{theme_id}.md"


def series_page(series_id: str) -> str:
    return f"{MEETINGS}/series/{series_id}.md"


def pairs_page(theme_id: str) -> str:
    return f"connections/theme-pairs/{theme_id}.md"


def a_to_z_page(part: str) -> str:
    """A part of the A-to-Z listing, once it is split (`a`, `b-2`, `other`), under the listing's own address."""
    return page_address(PRINCIPLES_A_TO_Z) + f"{part}.md"


def speaker_page(speaker_id: str) -> str:
    return f"speakers/{speaker_id}.md"


def meeting_page(slug: str) -> str:
    """The docs path of a meeting's file, which is also its page."""
    return f"{MEETINGS}/{slug}.md"


def meeting_slug(docs_path: str) -> str | None:
    """The slug of a meeting file's docs path, or None for any other path (a folder inside meetings/ included)."""
    folder, _, name = docs_path.partition("/")
    return name[: -len(".md")] if folder == MEETINGS and name.endswith(".md") and "/" not in name else None


def in_meetings_folder(docs_path: str) -> bool:
    return docs_path.startswith(MEETINGS + "/")


def in_folder(docs_path: str, folder_page: str) -> str:
    """A docs path relative to the folder of another page, as a navigation file names it:
    (meetings/series/x.md, meetings/index.md) -> series/x.md."""
    folder = folder_page.rsplit("/", 1)[0] + "/" if "/" in folder_page else ""
    return docs_path.removeprefix(folder)


def docs_path_of(address: str) -> str:
    """The docs file of a page address: themes/x/ -> themes/x.md, "" -> index.md (the inverse of page_address
    for pages that are not a folder's index)."""
    return address.strip("/") + ".md" if address.strip("/") else "index.md"


def nav_file(index_page: str) -> str:
    """The navigation file beside a section's index page: themes/index.md -> themes/.nav.yml."""
    return index_page.rsplit("/", 1)[0] + "/" + NAV_FILE


def docs_file(docs_path: str) -> str:
    """A docs path as contributors see it in the repository (messages name files this way)."""
    return f"docs/{docs_path}"


def permanent_address(point_id: str) -> str:
    """The permanent address of a key point, /p/<id>/, relative to the site root."""
    return f"{PERMANENT_FOLDER}{point_id}/"


PERMANENT_FOLDER = "p/"  # every permanent address, and nothing else, is under it
SEARCH_FOLDER = "pagefind/"  # the search index, in the built site (javascripts/search.js loads it)
# Folders of the built site that only the site writes: nothing a contributor writes may have an address in them.
SITE_FOLDERS = (PERMANENT_FOLDER, SEARCH_FOLDER)


# The only other sites a navigation entry may lead to (docs/.nav.yml puts them in every page's top navigation,
# where a link titled "Search the notes" could lead anywhere): the network's own website, as the facts give it.
NAV_OTHER_SITES = ("https://betterway.network",)


# Names the theme and the engine give files and folders at the top of the built site, besides the site's own
# folders: Material's page-not-found page (404.html) and its assets/, the sitemap (sitemap.xml and .gz), a search
# index (search/), the feed, and the folders of the site's code. A page named like one (404.md, sitemap.md,
# search/index.md) would stand beside it or in its folder: a second, contributor-written "page not found" at
# /404/, or a file the engine stops on.
ENGINE_NAMES = frozenset(
    {"404", "sitemap", "search", FEED.partition(".")[0], "assets", "javascripts", "stylesheets"}
    | {folder.strip("/") for folder in SITE_FOLDERS}
)


def is_engine_address(docs_path: str) -> bool:
    """Whether a page (a .md file under docs/) would take a name the theme or the engine gives a file or folder."""
    first = docs_path.split("/", 1)[0]
    return docs_path.endswith(".md") and first.removesuffix(".md") in ENGINE_NAMES


def output_file(docs_path: str) -> str:
    """The file of the built site that a docs file becomes: a page's index.html, or the file itself."""
    return page_file(docs_path) if docs_path.endswith(".md") else docs_path


def in_site_folder(path: str) -> bool:
    """Whether a file of the built site is in a folder only the site writes (/p/, the search index)."""
    return path.startswith(SITE_FOLDERS)


def is_permanent_file(path: str) -> bool:
    """A file of a permanent address: a point's page or its citation files, or a retired id's page."""
    return path.startswith(PERMANENT_FOLDER)


def permanent_page_file(point_id: str) -> str:
    return permanent_address(point_id) + "index.html"


CITATION_BIBTEX = "citation.bib"
CITATION_RIS = "citation.ris"
CITATION_CSL_JSON = "citation.json"
# A point's citation files, as its permanent page offers them: (label, file name, media type).
CITATION_FILES = (
    ("BibTeX", CITATION_BIBTEX, "application/x-bibtex"),
    ("RIS", CITATION_RIS, "application/x-research-info-systems"),
    ("CSL-JSON", CITATION_CSL_JSON, "application/vnd.citationstyles.csl+json"),
)
# The picture link previews show for every page (made at build time, render/preview_image.py).
PREVIEW_IMAGE = "assets/preview.png"


def citation_file(point_id: str, name: str) -> str:
    """A point's citation as a file beside its permanent page: p/<id>/citation.bib, .ris, .json."""
    return permanent_address(point_id) + name


def point_address(meeting: str, point_id: str) -> str:
    """Where a key point lives now: its meeting's page and its anchor, relative to the site root."""
    return page_address(meeting_page(meeting)) + f"#{point_id}"


@cache  # pure, and asked for the same few thousand pages again and again by every listing
def page_address(docs_path: str) -> str:
    """The address of a docs page with directory URLs: about.md -> about/, themes/index.md -> themes/."""
    stem = docs_path[:-3] if docs_path.endswith(".md") else docs_path
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_file(docs_path: str) -> str:
    """The built file of a page's address: meetings/old.md -> meetings/old/index.html."""
    return page_address(docs_path) + "index.html"


def absolute(site_url: str, address: str) -> str:
    """An address relative to the site root, made absolute: what people paste into reports."""
    return site_url.rstrip("/") + "/" + address


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one docs file to another, as MkDocs expects it in Markdown.

    Both are plain docs paths ("themes/x.md"), so this is string work, not posixpath.relpath
    (which resolves against the working folder and showed up in the benchmark's profile).
    """
    if from_page == to_page and anchor:
        return f"#{anchor}"
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{target}#{anchor}" if anchor else target


def page_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """The relative URL MkDocs would make of a Markdown link, for what is written as HTML."""
    if anchor:
        same = from_page == to_page or page_address(from_page) == page_address(to_page)
        return ("" if same else _page_url(from_page, to_page)) + f"#{anchor}"
    return _page_url(from_page, to_page)


@cache
def _page_url(from_page: str, to_page: str) -> str:
    if page_address(from_page) == page_address(to_page):
        return "./"
    return link(page_file(from_page), page_file(to_page))[: -len("index.html")] or "./"


def file_url(from_page: str, path: str) -> str:
    """The relative URL of a file of the built site (principles.json, connections/theme-map.svg) from a page."""
    return link(page_file(from_page), path)


def to_permanent_page(from_page: str, point_id: str, anchor: str) -> str:
    """A relative link from a docs page to a part of a point's permanent page (/p/<id>/#related)."""
    return link(page_file(from_page), permanent_page_file(point_id))[: -len("index.html")] + f"#{anchor}"


def from_permanent_page(address: str) -> str:
    """A link from a /p/<id>/ page to an address relative to the site root."""
    return "../../" + address
