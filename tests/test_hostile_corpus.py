"""Hostile input never reaches a reader: every case of tests/hostile_cases.py, end to end.

1. The check answers each case alone with its message (file and line), exit 1, never a traceback.
2. A strict build of a refused case stops with the same kind of message and writes no site.
3. All cases at once are built as a preview (drafts shown with their problems, as `make serve` does),
   and Chromium opens every page: no dialog, no request to another host.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import notes
import pytest
from archives import NOTES
from browser import FLAGS, require_chromium, serve
from conftest import ROOT
from git_project import IDENTITY, git
from hostile_cases import CASES
from playwright.sync_api import sync_playwright
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from site_build import BuiltSite, build_site

from notes_core.permalinks.history import commit_date

MEETING = """---
title: "Case {name}"
question: "What is case {name}?"
series: joining-forces
order: {order}
speakers:
  - id: sally-young
themes:
  - shared-purpose{extra_theme}
summary: "Case {name} of the hostile corpus."
---

Introduction of case {name}.

## Key points

### A point for case {name} {{#case-{name}-point}}
themes: shared-purpose{extra_theme_inline}
speaker: sally-young

Text of case {name}.

{body}
"""
REGISTRY = {"theme": "themes", "speaker": "speakers", "series": "series", "organisation": "organisations"}


def base_project(root: Path) -> Path:
    """The site's code with the registries and hand-written pages of the `notes` fixture archive, and no meeting."""
    for name in ("scripts", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(NOTES / "data", root / "data")
    (root / "docs").mkdir()
    for name in ("index.md", "about.md"):
        shutil.copy(NOTES / "docs" / name, root / "docs" / name)
    for name in ("assets", "javascripts", "stylesheets", ".nav.yml"):
        source = ROOT / "docs" / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / "docs" / name)
    (root / "docs" / "meetings").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "data" / "planned.yml").write_text("[]\n", encoding="utf-8")
    return root


def apply_case(root: Path, order: int, name: str, kind: str, payload: object) -> list[str]:
    """Write the case into the project; returns the pages that show it."""
    extra = ""
    if kind in REGISTRY:
        registry = root / "data" / f"{REGISTRY[kind]}.yml"
        entry = f"\n- id: case-{name}\n  {payload}\n"
        with registry.open("a", encoding="utf-8") as handle:
            handle.write(entry)
        extra = f"case-{name}"
    text = MEETING.format(
        name=name,
        order=order,
        body=payload if kind == "body" else "",
        extra_theme=f"\n  - {extra}" if kind == "theme" else "",
        extra_theme_inline=f", {extra}" if kind == "theme" else "",
    )
    if kind == "speaker":
        text = text.replace("  - id: sally-young\n", f"  - id: sally-young\n  - id: case-{name}\n")
    if kind == "series":
        text = text.replace("series: joining-forces", f"series: case-{name}")
    if kind == "heading":
        text = text.replace(f"### A point for case {name} {{#case-{name}-point}}", str(payload))
    if kind == "front":
        field = str(payload).split(":", 1)[0]
        lines = text.split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith(field + ":")), 2)
        end = at + 1
        while end < len(lines) and lines[end].startswith("  "):
            end += 1
        text = (
            "\n".join(lines[:at] + [str(payload)] + lines[end:])
            if field in text
            else text.replace("---\n", f"---\n{payload}\n", 1)
        )
    meeting = root / "docs" / "meetings" / f"case-{name}.md"
    pages = [f"meetings/case-{name}/"]
    if kind == "file":
        path, content = payload
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(content, encoding="utf-8")
        if path.startswith("docs/"):
            pages.append(Path(path).relative_to("docs").as_posix().replace(".md", "/"))
    elif kind == "bytes":
        path, content = payload
        target = root / path
        if target.exists():
            target.write_bytes(target.read_bytes() + content)
        else:
            target.write_bytes(content)
    elif kind == "symlink":
        path, target = payload
        (root / path).symlink_to(target)
    elif kind == "folder":
        (root / str(payload)).mkdir(parents=True)
    elif kind == "fifo":
        os.mkfifo(root / str(payload))
    if not meeting.exists():
        meeting.write_text(text, encoding="utf-8")
    if kind == "git":
        commit_case(root, name, payload)
    pages += {
        "theme": [f"themes/case-{name}/"],
        "speaker": [f"speakers/case-{name}/"],
        "organisation": ["organisations/"],
    }.get(kind, [])
    return pages


def commit_case(root: Path, name: str, payload: object) -> None:
    """The project as a git clone: a commit on main per date (each rewording the point), then a submodule in the
    meetings folder, or a branch with a commit per wording, as the payload says."""
    assert isinstance(payload, dict)
    meeting = root / "docs" / "meetings" / f"case-{name}.md"
    text = f"Text of case {name}."

    def commit(date: str, message: str) -> None:
        environment = {**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date}
        for args in (["add", "--all"], ["commit", "--quiet", "--allow-empty", "-m", message]):
            subprocess.run(["git", "-C", str(root), *IDENTITY, *args], check=True, env=environment, capture_output=True)

    git(root, "init", "--quiet", "--initial-branch=main")
    for number, date in enumerate(payload["dates"]):
        if number:
            meeting.write_text(meeting.read_text(encoding="utf-8").replace(text, f"{text} Again {number}."), "utf-8")
        commit(date, f"Commit {number}")
    if "submodule" in payload:
        head = git(root, "rev-parse", "HEAD").strip()
        git(root, "update-index", "--add", "--cacheinfo", f"160000,{head},{payload['submodule']}")
        commit(payload["dates"][-1], "A submodule where a meeting file would be")
        (root / payload["submodule"]).mkdir()
    if "branch" in payload:
        git(root, "checkout", "--quiet", "-b", "change")
        current = meeting.read_text(encoding="utf-8")
        for number, wording in enumerate(payload["branch"]):
            meeting.write_text(current.replace(f"Text of case {name}.", wording), encoding="utf-8")
            commit(payload["dates"][-1], f"Branch commit {number}")


def run_check(root: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = notes.main(["--root", str(root), "check"])
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("name, kind, payload, expected", CASES, ids=[case[0] for case in CASES])
def test_the_check_answers_each_case(tmp_path, name, kind, payload, expected):
    root = base_project(tmp_path)
    apply_case(root, 1, name, kind, payload)
    started = time.perf_counter()
    code, output = run_check(root)
    elapsed = time.perf_counter() - started
    assert "Traceback" not in output
    if expected == "passes":
        assert code == 0, output
    else:
        assert code == 1, output
        path, _, phrase = expected.partition(": ")
        assert path in output and phrase in output, output
    assert elapsed < 30, f"the check took {elapsed:.1f} s"  # a guard against hangs, not a timing target


def test_corpus_covers_every_class():
    assert len(CASES) >= 60
    kinds = {kind for _, kind, _, _ in CASES}
    assert kinds >= {
        "body",
        "heading",
        "front",
        "theme",
        "speaker",
        "series",
        "organisation",
        "file",
        "bytes",
        "symlink",
        "folder",
        "git",
    }


REFUSED_EXAMPLES = [
    "script-tag",
    "attr-list-paragraph",
    "svg-file-script",
    "html-file",
    "symlink-outside",
    "alias-bomb",
]


@pytest.mark.parametrize("name", REFUSED_EXAMPLES)
def test_a_strict_build_of_a_refused_case_writes_no_site(tmp_path, caplog, name):
    case = next(c for c in CASES if c[0] == name)
    root = base_project(tmp_path / "project")
    apply_case(root, 1, *case[:3])
    with pytest.raises(Exception, match="Aborted"):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    path, _, phrase = case[3].partition(": ")
    assert path in caplog.text and phrase in caplog.text and "Traceback" not in caplog.text
    assert not (tmp_path / "site" / "index.html").exists()


def preview_batches() -> list[list[tuple[int, tuple[str, str, object, str]]]]:
    """The cases in as few previews as possible: cases that write the same shared file (about.md, .nav.yml,
    a stylesheet) go into different ones, and broken registries into none (they would make every meeting a draft)."""
    batches: list[tuple[set[str], list[tuple[int, tuple[str, str, object, str]]]]] = []
    for order, case in enumerate(CASES, start=1):
        _name, kind, payload, _expected = case
        touched = {str(payload[0])} if kind in ("file", "bytes", "symlink") else set()
        if any(path.startswith("data/") for path in touched) or kind == "git":  # a git case is a clone of its own
            continue
        for files, cases in batches:
            if not files & touched:
                files |= touched
                cases.append((order, case))
                break
        else:
            batches.append((set(touched), [(order, case)]))
    return [cases for _files, cases in batches]


@pytest.fixture(scope="module")
def previews(tmp_path_factory) -> list[tuple[BuiltSite, list[str]]]:
    """Every case, built as `make serve` previews drafts: problems shown, nothing refused published."""
    built = []
    for number, cases in enumerate(preview_batches()):
        root = base_project(tmp_path_factory.mktemp(f"hostile-{number}"))
        pages: list[str] = ["", "about/"]
        for order, (name, kind, payload, _expected) in cases:
            pages += apply_case(root, order, name, kind, payload)
        os.environ["NOTES_DRAFTS"] = "1"
        try:
            site = build_site(root / "mkdocs.yml", root / "site", strict=False)
        finally:
            del os.environ["NOTES_DRAFTS"]
        pictures = [p.relative_to(site.dir).as_posix() for p in site.dir.rglob("*.svg")]  # opened directly, as XML
        built.append((site, sorted(set(pages)) + pictures))
    return built


def test_no_case_runs_script_or_calls_another_host_in_a_browser(previews):
    dialogs, foreign, opened, searched = [], [], 0, 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=FLAGS)
        for built, pages in previews:
            with serve(built.dir) as url:
                page = browser.new_page(base_url=url)
                page.on(
                    "dialog", lambda dialog, page=page: (dialogs.append((page.url, dialog.message)), dialog.dismiss())
                )
                own = urlsplit(url).netloc
                page.on(
                    "request",
                    lambda request, own=own: (
                        foreign.append(request.url)
                        if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != own
                        else None
                    ),
                )
                page.on(
                    "framenavigated",
                    lambda frame, own=own: (
                        foreign.append(frame.url) if urlsplit(frame.url).netloc not in (own, "") else None
                    ),
                )
                for path in pages:
                    target = built.dir / path
                    if not (target / "index.html").exists() and not target.is_file():
                        continue
                    page.goto(path, wait_until="load")
                    page.wait_for_timeout(50)  # a meta refresh of 0 s fires after load
                    if not path.endswith(".svg"):
                        page.mouse.move(200, 300)
                        page.evaluate(
                            "document.querySelectorAll('a, p, img, div')"
                            ".forEach(e => e.dispatchEvent(new MouseEvent('mouseover')))"
                        )
                    opened += 1
                # Material's search shows titles and text from its index as HTML: search for the cases.
                page.goto("", wait_until="networkidle")
                page.keyboard.press("/")
                page.keyboard.type("case", delay=10)
                page.locator(".md-search-result__item").first.wait_for(timeout=10000)
                page.mouse.move(200, 200)
                searched += page.locator(".md-search-result__item").count()
                page.close()
        browser.close()
    assert dialogs == []
    assert foreign == []
    assert opened >= 80 and searched > 0


def test_refused_files_are_not_published_even_in_a_preview(previews):
    for built, _ in previews:
        for path in (
            "evil.html",
            "assets/evil.svg",
            "assets/evil2.svg",
            "assets/entity.svg",
            "assets/pi.svg",
            "javascripts/evil.js",
            "secret.md",
            "secret/index.html",
        ):
            assert not (built.dir / path).exists(), path


def test_drafts_show_their_problems(previews):
    built, _ = previews[0]
    panel = built.html("meetings/case-script-tag/").css_first(".point-problems")
    assert panel is not None and "the <script> element is not allowed" in panel.text()
    assert "problems in the content" in built.html("").css_first(".point-problems").text()


@pytest.mark.parametrize("name", ["redirect-target-script", "redirect-key-escapes-site", "point-redirect-key-path"])
def test_hostile_redirects_write_nothing_outside_the_site_even_in_a_preview(tmp_path, name, monkeypatch):
    case = next(c for c in CASES if c[0] == name)
    root = base_project(tmp_path / "a" / "b" / "project")
    apply_case(root, 1, *case[:3])
    monkeypatch.setenv("NOTES_DRAFTS", "1")
    built = build_site(root / "mkdocs.yml", root / "site", strict=False)
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and root not in p.parents]
    assert outside == []
    for page in built.dir.rglob("*.html"):
        assert "<script>alert(1)" not in page.read_text(encoding="utf-8"), page  # as escaped text in a problem, at most


GIT_CASES = [case for case in CASES if case[1] == "git"]


@pytest.mark.parametrize("name, kind, payload, expected", GIT_CASES, ids=[case[0] for case in GIT_CASES])
def test_history_shows_only_what_main_published_and_any_date(tmp_path, name, kind, payload, expected):
    root = base_project(tmp_path / "project")
    apply_case(root, 1, name, kind, payload)
    built = build_site(root / "mkdocs.yml", tmp_path / "site")
    history = built.html(f"p/case-{name}-point/").css_first("#history").text(separator=" ")
    every_file = "".join(p.read_text(encoding="utf-8", errors="replace") for p in built.dir.rglob("*") if p.is_file())
    if "branch" in payload:
        assert payload["branch"][0] not in every_file  # never read, so never published as an earlier wording
        assert "changed on this branch" in history
    # Any date git holds is read; one after the build is never published (the commit before it is shown, or for
    # the first commit the build's time), nor one before main's first commit.
    for date in payload["dates"]:
        if date.startswith("@"):
            assert commit_date(date[1:].split()[0]) not in every_file
    if len(payload["dates"]) > 1 and payload["dates"][-1].startswith("@"):
        assert f"last changed {payload['dates'][0][:10]}" in history
    for date in payload.get("never_shown", []):
        assert date not in every_file and f"last changed {payload['dates'][0][:10]}" in history


def test_a_linked_meeting_file_is_named_once_by_its_path_in_the_project(tmp_path):
    case = next(c for c in CASES if c[0] == "review-symlink-meeting")
    root = base_project(tmp_path)
    apply_case(root, 1, *case[:3])
    code, output = run_check(root)
    assert code == 1 and output.count("docs/meetings/host.md:1:") == 1 and str(root) not in output, output


def test_a_refused_registry_is_reported_alone(tmp_path):
    case = next(c for c in CASES if c[0] == "review-registry-anchors")
    root = base_project(tmp_path)
    apply_case(root, 1, *case[:3])
    code, output = run_check(root)
    assert code == 1 and "1 problem found" in output and "anchors and aliases" in output, output


BIBTEX_CASES = [case for case in CASES if case[0].startswith("bibtex-") and case[3] == "passes"]


def bibtex_fields(text: str) -> dict[str, str]:
    """The fields of the one entry of a citation.bib: `  name = {value},` lines, one pair of braces taken off."""
    return {
        line.split("=", 1)[0].strip(): line.split("=", 1)[1].strip().rstrip(",")[1:-1]
        for line in text.strip().split("\n")[1:-1]
    }


def test_cite_this_gives_bibtex_that_is_only_text_to_tex(previews):
    """The BibTeX a hostile title becomes, in the point's citation.bib and as its permanent page shows it."""
    from test_citations import tex_is_only_text

    from notes_core.citations.bibtex import bibtex_text

    checked = 0
    for built, _pages in previews:
        for name, _kind, _payload, _expected in BIBTEX_CASES:
            folder = built.dir / f"p/case-{name}-point"
            if not folder.exists():
                continue
            text = (folder / "citation.bib").read_text(encoding="utf-8")
            fields = bibtex_fields(text)
            page = HTMLParser((folder / "index.html").read_text(encoding="utf-8"))
            shown = page.css_first('pre[data-copy="BibTeX"]').text()
            heading = page.css_first("h1").text()
            meeting = (built.dir / f"meetings/case-{name}/index.html").read_text(encoding="utf-8")
            title = HTMLParser(meeting).css_first("article h1").text()
            assert shown == text
            assert fields["title"] == "{" + bibtex_text(f"{title.strip()}, key point case-{name}-point") + "}"
            assert fields["note"] == "Key point labelled by Joining Forces notes: " + bibtex_text(heading.strip())
            braced = {"title", "type", "institution"}  # these keep their capitals in a second pair of braces
            inner = {key: value[1:-1] if key in braced else value for key, value in fields.items()}
            assert all(tex_is_only_text(value) for key, value in inner.items() if key != "author"), fields
            checked += 1
    assert checked == len(BIBTEX_CASES)


def test_search_results_and_landing_stay_on_the_site_whatever_the_address(previews):
    """Results link only to the site's own addresses; a long or malformed ?h= or fragment throws nothing."""
    built, _pages = previews[0]
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=FLAGS)
        with serve(built.dir) as url:
            page = browser.new_page(base_url=url)
            page.on("pageerror", lambda error: errors.append(str(error)))
            for address in (
                "about/?h=" + "word%20" * 20000,
                "about/?h=%E0%A4%A#%E0%A4%A",
                "meetings/?h=(((((((((a" + "+" * 5000 + "#%",
                "?h=" + "a" * 100000 + "#" + "%ZZ" * 1000,
            ):
                page.goto(address, wait_until="load")
            page.goto("", wait_until="networkidle")
            page.keyboard.press("/")
            page.keyboard.type("case", delay=10)
            page.locator(".md-search-result__item").first.wait_for(timeout=10000)
            hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
            page.close()
        browser.close()
    assert errors == []
    assert hrefs and all(urlsplit(href).netloc == urlsplit(url).netloc for href in hrefs), hrefs
