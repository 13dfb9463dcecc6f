"""Everything a pull request can put under docs/ is checked: file types, links, pictures, and every page
rendered as the site renders it, so whatever the sanitiser would strip is reported with its line."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import markdown
import yaml

from notes_core.addresses import (
    MEETINGS,
    NAMED,
    NAV_FILE,
    NAV_OTHER_SITES,
    SLUG,
    docs_file,
    in_meetings_folder,
    in_site_folder,
    is_engine_address,
    is_site_path,
    meeting_slug,
    output_file,
    page_address,
    unknown_named_links,
)
from notes_core.check.fields import check_fields, line_of, slug_suggestion, text_problem
from notes_core.check.page_meta import check_page_meta
from notes_core.errors import ContentError, Problems
from notes_core.read.meeting_file import split_front_matter
from notes_core.read.source_files import (
    CODE_SUFFIXES,
    PAGE_SUFFIXES,
    PICTURE_SUFFIXES,
    check_code_file,
    check_tree,
    read_source,
)
from notes_core.read.yaml_lines import describe, error_line, parse_yaml
from notes_core.safety.sanitise import Removed, clean_contributed_html, clean_svg, removed_parts
from notes_core.settings import Settings


def markdown_renderer(settings: Settings) -> Callable[[str], str]:
    """Markdown to HTML with the extensions and options of mkdocs.yml."""
    md = markdown.Markdown(extensions=list(settings.markdown_extensions), extension_configs=settings.extension_configs)

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render


def check_docs(settings: Settings, errors: list[ContentError], render_pages: bool = True) -> None:
    """`render_pages=False` skips rendering (the MkDocs hook sanitises the pages it renders itself)."""
    docs, root = settings.docs_dir, settings.root
    if not docs.is_dir():
        return
    allowed = PAGE_SUFFIXES | PICTURE_SUFFIXES | CODE_SUFFIXES | {".yml"}
    render = markdown_renderer(settings) if render_pages else None
    code = set(settings.extra_css) | set(settings.extra_javascript)
    pages: list[str] = []  # hand-written pages with a plain name: each must be in the navigation
    for file in check_tree(docs, root, allowed, errors):
        path = file.relative_to(root).as_posix()
        inside = file.relative_to(docs).as_posix()
        suffix = file.suffix.lower()
        if not is_site_path(inside) and meeting_slug(inside) is None:  # a meeting's name is checked as its id
            errors.append(ContentError(path, 1, name_problem(inside)))
        elif suffix == ".yml" and file.name != NAV_FILE:  # awesome-nav's files
            errors.append(
                ContentError(path, 1, f"only navigation files ({NAV_FILE}) are YAML here; registries go in data/")
            )
        elif suffix == ".yml":
            text = read_source(file, path, errors)
            if text is not None:
                check_nav_file(text, Problems(path, errors))
        elif suffix in CODE_SUFFIXES and inside not in code:
            errors.append(
                ContentError(
                    path,
                    1,
                    "stylesheets and scripts are the site's code, not content; remove the file "
                    "(a maintainer adds code, listed in mkdocs.yml)",
                )
            )
        elif suffix in CODE_SUFFIXES:
            text = read_source(file, path, errors)
            if text is not None:
                check_code_file(text, path, errors)
        elif suffix == ".svg":
            text = read_source(file, path, errors)
            if text is not None and check_svg_markup(text, Problems(path, errors)):
                report_removed(removed_parts(text, clean_svg), text, path, 1, errors, "pictures")
        elif suffix in PAGE_SUFFIXES and in_meetings_folder(inside) and meeting_slug(inside) is None:
            errors.append(
                ContentError(
                    path,
                    1,
                    f"meeting files go directly in {docs_file(MEETINGS)}/, not in a folder inside it; move the file up",
                )
            )
        elif suffix in PAGE_SUFFIXES and not in_meetings_folder(inside):
            check_page(file, path, render, errors)
            if not is_engine_address(inside):  # refused with its own message (build/site.py)
                pages.append(inside)
        elif suffix in PAGE_SUFFIXES and render is not None:  # meeting files are read and checked by load.py
            check_page(file, path, render, errors, read_errors=[])
    for page in pages:
        missing = not_in_navigation(docs, page)
        if missing is not None:
            nav, name = missing
            errors.append(
                ContentError(
                    docs_file(page),
                    1,
                    f"this page is in no navigation, so readers would not find it (and the strict build refuses "
                    f"it); add `- {name}` or `- Title: {name}` to the `nav:` list of {docs_file(nav)}, or remove "
                    "the page",
                )
            )


def not_in_navigation(docs: Path, page: str) -> tuple[str, str] | None:
    """None when awesome-nav lists the page: each folder down to it lists the next folder or the page in its
    .nav.yml (`append_unmatched: true` lists everything), and a folder without one lists all it holds. Else the
    navigation file that leaves it out, and the name to add there."""
    folder = ""
    for part in page.split("/"):
        nav_file = f"{folder}/{NAV_FILE}" if folder else NAV_FILE
        if (docs / nav_file).is_file():
            try:
                nav = parse_yaml((docs / nav_file).read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError, OSError):
                return None  # the navigation file's own problem is reported (check_nav_file)
            if not isinstance(nav, dict):
                return None
            listed = {target.rstrip("/") for target in nav_targets(nav.get("nav"))}
            if not nav.get("append_unmatched") and part not in listed:
                return nav_file, part
        folder = f"{folder}/{part}" if folder else part
    return None


def nav_targets(entries: object) -> list[str]:
    """Every page or folder a `nav:` list names, in sections too."""
    found: list[str] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str):
            found.append(entry)
        elif isinstance(entry, dict):
            for target in entry.values():
                found += (
                    nav_targets(target) if isinstance(target, list) else [target] if isinstance(target, str) else []
                )
    return found


def check_site_addresses(contributed: Iterable[str], generated: Iterable[str], errors: list[ContentError]) -> set[str]:
    """Nothing under docs/ may take an address the site makes itself (a generated page, a key point's permanent
    page or citation files, the search index): the file would replace it. Returns the files that would."""
    made = {output_file(uri) for uri in generated}
    taken = set()
    for uri in sorted(contributed):
        built = output_file(uri)
        if is_engine_address(uri) and built not in made and not in_site_folder(built):
            taken.add(uri)
            errors.append(
                ContentError(
                    docs_file(uri),
                    1,
                    f"'{page_address(uri)}' is an address the theme or the engine owns (its page-not-found page "
                    "404.html, the sitemap, the feed, search, or a folder of the site's pictures and code), so this "
                    "page would stand beside it or in its place; rename or move the page",
                )
            )
        elif built in made or in_site_folder(built):
            taken.add(uri)
            address = page_address(uri) if uri.endswith(".md") else uri
            errors.append(
                ContentError(
                    docs_file(uri),
                    1,
                    f"'{address}' is an address the site makes itself (a generated page, a key point's permanent "
                    "page /p/<id>/, or the search index), so this file would replace it; rename or move the file",
                )
            )
    return taken


def name_problem(inside: str) -> str:
    """Which part of a file's path under docs/ is not a plain name, and the name to give it."""
    *folders, name = inside.split("/")
    stem, dot, suffix = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    bad = next((folder for folder in folders if not is_site_path(folder + "/x.md")), None)
    what, value = ("folder", bad) if bad is not None else ("file name", name)
    fix = slug_suggestion(bad if bad is not None else stem).removeprefix("; ")
    if bad is None and fix.startswith("use '"):
        fix = f"use '{fix[5:-1]}{dot}{suffix.lower()}'"
    return (
        f"the {what} '{value}' may hold only lowercase letters, digits and hyphens (it becomes the page's address "
        f"and a link); rename it: {fix}"
    )


def check_page(
    file: Path,
    path: str,
    render: Callable[[str], str] | None,
    errors: list[ContentError],
    read_errors: list[ContentError] | None = None,
) -> None:
    """Read the page (refusing what cannot be parsed quickly) and, with `render`, report what the
    sanitiser would strip."""
    text = read_source(file, path, errors if read_errors is None else read_errors, long_lines=False)
    if text is None:
        return
    body, first_line = text, 1
    if text.startswith("---"):
        parts = split_front_matter(text, path, [])
        if parts is not None:
            front, body, first_line = parts
            if read_errors is None:  # a meeting's front matter is checked with the meeting (validate.py)
                check_front_matter(front, Problems(path, errors))
    if read_errors is None:
        for offset, name in unknown_named_links(body):
            errors.append(
                ContentError(
                    path,
                    first_line + body.count("\n", 0, offset),
                    f"a link to '@{name}' names no page; a link by name is one of: "
                    + ", ".join(f"@{known}" for known in NAMED),
                )
            )
    if render is not None:
        report_removed(removed_parts(render(body), clean_contributed_html), body, path, first_line, errors, "pages")


def check_front_matter(front: str, problems: Problems) -> None:
    """A hand-written page's front matter: safe YAML, and only what page_meta allows."""
    try:
        meta = parse_yaml(front, line_offset=1)
    except yaml.YAMLError as error:
        problems.add(error_line(error, 1), f"front matter: {describe(error, front)}")
        return
    if meta is None:
        return
    if not isinstance(meta, dict):
        problems.add(2, "front matter must be fields written as `name: value`, one per line")
        return
    check_page_meta(meta, problems, line_of(meta, 2))


# A browser opens an SVG file as XML, which an HTML parser does not see: declared entities can hold markup,
# and processing instructions can load a stylesheet from anywhere. A picture needs none of them.
XML_DECLARATION = re.compile(r"\s*<\?xml\s[^<>?]*\?>")
XML_ONLY = re.compile(r"<!DOCTYPE|<!ENTITY|<\?|<!\[CDATA\[|&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)", re.I)


def check_svg_markup(text: str, problems: Problems) -> bool:
    """Refuse what only an XML parser would act on; True when there is none."""
    declaration = XML_DECLARATION.match(text)
    body = text[declaration.end() :] if declaration else text
    found = XML_ONLY.search(body)
    if found is None:
        return True
    line = text[: len(text) - len(body) + found.start()].count("\n") + 1
    problems.add(
        line,
        f"'{found.group(0)}' is not allowed in a picture: no DOCTYPE, entity, processing instruction or "
        "CDATA (an SVG needs only shapes and text); remove it",
    )
    return False


NAV_KEYS = {"nav", "append_unmatched", "ignore", "sort"}
# Every value awesome-nav reads: a page or folder of this site (no pattern: awesome-nav would match it as a glob),
# or a web link; the sort switches from their short lists.
NAV_PAGE = re.compile(rf"(?:{SLUG}/)*{SLUG}(?:\.md|/)?")
# A web link in the navigation leads only to a site of addresses.NAV_OTHER_SITES, or a page of one.
NAV_WEB = re.compile("(?:" + "|".join(re.escape(site) for site in NAV_OTHER_SITES) + r")(?:/[^\s<>\"'`\\]*)?")
NAV_SORT: dict[str, tuple[str | bool, ...]] = {
    "by": ("path", "filename", "title"),
    "direction": ("asc", "desc"),
    "type": ("natural", "alphabetical"),
    "sections": ("first", "last", "mixed"),
    "ignore_case": (True, False),
}


def check_nav_file(text: str, problems: Problems) -> None:
    """awesome-nav's .nav.yml: titles are one line of text, entries are pages of this site or web links, and
    every other value is one awesome-nav knows."""
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        problems.add(error_line(error), describe(error, text))
        return
    if not isinstance(data, dict):
        problems.add(
            1, "a navigation file holds `nav:` and a list of pages, one `- page.md` or `- Title: page.md` per line"
        )
        return
    where = line_of(data, 1)
    check_fields(data, NAV_KEYS, problems, where, "navigation")
    check_nav_entries(data.get("nav") or [], problems, getattr(data, "line", 1))
    if "append_unmatched" in data and not isinstance(data["append_unmatched"], bool):
        problems.add(where("append_unmatched"), "navigation: `append_unmatched:` is true or false")
    if "ignore" in data and not valid_nav_ignore(data["ignore"]):
        problems.add(where("ignore"), "navigation: `ignore:` lists pages of this folder, e.g. `ignore: [draft.md]`")
    if "sort" in data and not valid_nav_sort(data["sort"]):
        choices = "; ".join(f"{key}: {' or '.join(str(value) for value in values)}" for key, values in NAV_SORT.items())
        problems.add(where("sort"), f"navigation: `sort:` takes only these fields and values: {choices}")


def valid_nav_ignore(value: object) -> bool:
    pages = [value] if isinstance(value, str) else value if isinstance(value, list) else [None]
    return all(isinstance(page, str) and NAV_PAGE.fullmatch(page) for page in pages)


def valid_nav_sort(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and key in NAV_SORT and isinstance(choice, (str, bool)) and choice in NAV_SORT[key]
        for key, choice in value.items()
    )


def is_nav_target(value: object, link: bool) -> bool:
    """A page or folder of this site, or (for a titled entry, `link`) a web link."""
    return isinstance(value, str) and (
        NAV_PAGE.fullmatch(value) is not None or (link and NAV_WEB.fullmatch(value) is not None)
    )


def check_nav_entries(entries: object, problems: Problems, line: int) -> None:
    if not isinstance(entries, list):
        problems.add(line, "navigation: `nav:` must be a list, one `- page.md` or `- Title: page.md` per line")
        return
    lines = getattr(entries, "item_lines", [])
    for index, entry in enumerate(entries):
        where = lines[index] if index < len(lines) else line
        if isinstance(entry, dict) and len(entry) == 1:
            title, target = next(iter(entry.items()))
            problem = text_problem(str(title)) if isinstance(title, str) else "must be text"
            if problem:
                problems.add(where, f"navigation: the title '{str(title)[:40]}' {problem}")
            if isinstance(target, list):
                check_nav_entries(target, problems, where)
            elif not is_nav_target(target, link=True):
                problems.add(
                    where,
                    f"navigation: '{str(target)[:60]}' is neither a page of this site nor a link to "
                    f"{' or '.join(NAV_OTHER_SITES)} (the only other sites the navigation may lead to); link to a "
                    "page of this site, e.g. `about.md`",
                )
        elif not is_nav_target(entry, link=False):
            problems.add(where, "navigation: each entry is `- page.md`, `- folder` or `- Title: page.md`")


def report_removed(
    removed: list[Removed], source: str, path: str, first_line: int, errors: list[ContentError], what: str
) -> None:
    """One message per line, naming everything the sanitiser would take out of it."""
    by_line: dict[int, list[str]] = {}
    for part in removed:
        found = by_line.setdefault(find_line(source, part.token, first_line), [])
        if part.what not in found:
            found.append(part.what)
    for line, parts in by_line.items():
        hint = ""
        if any('=""' in part for part in parts):
            hint = (
                " (words inside `{...}` at the end of a line become attributes: an id is written "
                "`{#one-slug-like-this}`)"
            )
        errors.append(
            ContentError(
                path,
                line,
                f"{'; '.join(parts)}; remove {'it' if len(parts) == 1 else 'them'}{hint} "
                f"({what} may use Markdown and the few tags and attributes listed in "
                "CONTRIBUTING.md, and the site strips anything else)",
            )
        )


def find_line(source: str, token: str, first_line: int) -> int:
    """The first line that mentions the token (`onclick=`, `<script`, a URL), also when written with
    entities; else the line that names it without its punctuation; else the first line."""
    lines = source.split("\n")
    word = token.strip("<=").lower()
    # An attribute with no `=` comes from an attribute list: look for the word on a line with a `{`.
    tests: list[Callable[[str], bool]] = [
        lambda line: token.lower() in line,
        lambda line: word in line and ("{" in line or not token.endswith("=")),
    ]
    for test in tests:
        for number, line in enumerate(lines, start=first_line):
            lowered = line.lower()
            if test(lowered) or ("&" in line and test(html.unescape(line).lower())):
                return number
    return first_line
