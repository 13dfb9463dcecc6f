"""Citing a key point: what reference managers and link previews read from its /p/ page and its citation files,
as the clients themselves read them where they can run here (citation.js, citeproc-py, metascraper, Chromium),
and the rules of Zotero's translators the tags are held to (how its "Embedded Metadata" translator picks an item
type and splits an author); related key points; the site's CITATION.cff."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import extruct
import pytest
import rispy
from archives import LARGE, NOTES, copy_project, load
from browser import FLAGS, require_chromium, serve
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from playwright.sync_api import sync_playwright

from notes_core.citations.bibtex import bibtex_text
from notes_core.citations.formats import bibtex, csl_item, csl_json, ris, ris_value
from notes_core.citations.model import point_citation
from notes_core.documents import _environment
from notes_core.model import SEE_ALSO_MAX, Point
from notes_core.render.related import RELATED_SHOWN, Related, build_related

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "http://127.0.0.1:8000/"  # the tests' builds use the default address
SITE_NAME = "Joining Forces notes"
HOSTILE_LABEL = 'Label\r\nER  - \nTY  - JOUR {\\}" </script><b>'
# Zotero's "Embedded Metadata" translator: these tags fix an item type other than a report (its detectWeb).
OTHER_TYPES = {
    "citation_journal_title",
    "citation_conference_title",
    "citation_conference",
    "citation_book_title",
    "citation_inbook_title",
    "citation_dissertation_institution",
    "citation_isbn",
}
# ... and any of these would give the item a date.
DATE_TAGS = {
    "citation_date",
    "citation_publication_date",
    "citation_cover_date",
    "citation_online_date",
    "citation_year",
    "DC.date",
    "dcterms.date",
    "dcterms.issued",
    "article:published_time",
    "og:published_time",
}
# Zotero's RDF translator takes a DC.type that names an item type, or one of these words, as the item's type.
ZOTERO_DC_TYPES = {"book", "patent", "report", "thesis", "webpage", "homepage", "article", "dataset", "map"}
SENTENCE_END = re.compile(r"[.!?…][’”'\")\]]*$")


@pytest.fixture(params=["notes", "live"])
def built(request):
    """(built site, its archive): the notes fixture archive and the live content."""
    if request.param == "notes":
        return request.getfixturevalue("notes_site"), load(NOTES)
    return request.getfixturevalue("site"), load(ROOT)


def test_most_points_of_the_notes_get_a_computed_suggestion(notes_site):
    """A shape of the notes fixture (no `see-also:` lines): the threshold leaves some points without a suggestion
    rather than suggest a weak one, but most have one."""
    exported = json.loads(notes_site.file("principles.json").read_text())["points"]
    with_related = [row["id"] for row in exported if row["related"]]
    assert 0.6 * len(exported) <= len(with_related) < len(exported), f"{len(with_related)} of {len(exported)} points"
    assert {row["related_by"] for row in exported} == {"shared words and themes", None}


def test_related_points_are_shown_with_how_they_were_chosen(built):
    site, archive = built
    exported = {row["id"]: row for row in json.loads(site.file("principles.json").read_text())["points"]}
    assert set(exported) == set(archive.points)
    for pid, row in exported.items():
        point, related = archive.points[pid], row["related"]
        chosen = archive.see_also.get(pid, ())
        assert pid not in related and point.twin not in related
        if chosen:
            assert related == list(chosen) and row["related_by"] == "editors"
        else:
            assert len(related) <= RELATED_SHOWN
            assert row["related_by"] == ("shared words and themes" if related else None)
        section = site.html(f"p/{pid}/").css_first("#related")
        shown = [site.resolve(f"p/{pid}/", a.attributes["href"]) for a in section.css("li a")]
        assert shown == [f"p/{other}/" for other in related]
        twin = [site.resolve(f"p/{pid}/", a.attributes["href"]).split("/")[1] for a in section.css("p a")]
        assert twin == ([point.twin] if point.twin else [])
        text = " ".join(section.text().split())
        if chosen:
            assert "Chosen by this site’s editors" in text
        elif related:
            assert "Suggested by a computation of shared words and themes, not chosen by a person" in text
        elif not point.twin:
            assert "none shares enough words and themes with it to be suggested" in text


def test_a_see_also_line_is_shown_both_ways_and_replaces_the_computed_list(tmp_path):
    project = copy_project(NOTES, tmp_path / "project")
    meeting = project / "docs" / "meetings" / "levelling-up.md"
    text = meeting.read_text(encoding="utf-8")
    at = "{#many-brave-leaders}\nthemes: systems-leadership, community-led-change\n"
    meeting.write_text(text.replace(at, at + "see-also: leadership-at-every-level\n"), encoding="utf-8")
    related = build_related(load(project))
    assert related["many-brave-leaders"] == Related(("leadership-at-every-level",), True)
    assert related["leadership-at-every-level"] == Related(("many-brave-leaders",), True)
    assert {pid for pid, entry in related.items() if entry.chosen} == {
        "many-brave-leaders",
        "leadership-at-every-level",
    }


def test_related_is_near_linear_and_deterministic():
    archive = load(LARGE)
    assert build_related(archive) == build_related(archive)


def head(page) -> dict[str, list[str]]:
    """The page's <meta> tags by name or property, as a translator reads them."""
    tags: dict[str, list[str]] = {}
    for meta in page.css("head meta"):
        name = meta.attributes.get("name") or meta.attributes.get("property")
        if name and meta.attributes.get("content") is not None:
            tags.setdefault(name, []).append(meta.attributes["content"])
    return tags


def zotero_item(page) -> dict[str, object]:
    """What Zotero's "Embedded Metadata" translator saves from these tags, by its rules (see
    notes_core/citations/formats.py): checked against the translation server itself for the points in the
    closing note of the citation issue."""
    tags = head(page)
    assert not OTHER_TYPES & set(tags) and not DATE_TAGS & set(tags), set(tags)
    assert not page.css("time[datetime]") and not page.css('meta[http-equiv="refresh"]')
    item_type = "report" if "citation_technical_report_institution" in tags else "journalArticle"
    (author,) = tags["citation_author"]
    # One citation_author, split on ";" and, with a comma, taken as "last, first": a trailing comma keeps one name.
    assert ";" not in author and author.endswith(",") and "," not in author[:-1], author
    (dc_type,) = tags["DC.type"]
    assert dc_type.lower().replace(" ", "") not in ZOTERO_DC_TYPES
    return {
        "itemType": item_type,
        "creators": [{"name": author.rstrip(","), "creatorType": "author"}],
        "title": tags["citation_title"][0],
        "institution": tags["citation_technical_report_institution"][0],
        "reportType": dc_type,
        "url": tags["citation_public_url"][0],
    }


def test_every_permanent_page_is_saved_as_its_key_point(built):
    """Zotero's rules, on every point: one report, by the network as one name, published by the site, at the
    permanent address, with no date; link previews (Open Graph) and JSON-LD say the same."""
    site, archive = built
    for pid, point in archive.points.items():
        meeting = archive.meetings_by_slug[point.meeting]
        page = site.html(f"p/{pid}/")
        permanent = SITE_URL + f"p/{pid}/"
        assert zotero_item(page) == {
            "itemType": "report",
            "creators": [{"name": "Better Way network", "creatorType": "author"}],
            "title": f"{meeting.title}, key point {pid}",  # the notes' title and the id, never the site's label
            "institution": SITE_NAME,
            "reportType": f"Meeting notes of the {archive.series[meeting.series].title}",
            "url": permanent,
        }
        assert page.css_first('link[rel="canonical"]').attributes["href"] == permanent
        html = site.file(f"p/{pid}/").read_text(encoding="utf-8")
        data = extruct.extract(html, base_url=permanent, syntaxes=["json-ld", "opengraph"], uniform=True)
        (graph,) = data["opengraph"]
        assert graph["og:title"] == point.title and graph["og:url"] == permanent
        assert graph["og:site_name"] == SITE_NAME and graph["og:image"] == SITE_URL + "assets/preview.png"
        (work,) = data["json-ld"]
        assert work["@type"] == "Report" and work["url"] == permanent and work["alternativeHeadline"] == point.title
        assert work["author"] == {"@type": "Organization", "name": "Better Way network"}
        assert work["publisher"]["name"] == SITE_NAME
        links = {a.text(): site.resolve(f"p/{pid}/", a.attributes["href"]) for a in page.css("#cite a[download]")}
        assert links == {name: f"p/{pid}/citation.{suffix}" for name, suffix in FILES.items()}


FILES = {"BibTeX": "bib", "RIS": "ris", "CSL-JSON": "json"}


def test_meeting_pages_are_saved_as_their_meeting(notes_site):
    archive = load(NOTES)
    for meeting in archive.meetings:
        page = notes_site.html(f"meetings/{meeting.slug}/")
        assert zotero_item(page) == {
            "itemType": "report",
            "creators": [{"name": "Better Way network", "creatorType": "author"}],
            "title": meeting.title,
            "institution": SITE_NAME,
            "reportType": f"Meeting notes of the {archive.series[meeting.series].title}",
            "url": f"{SITE_URL}meetings/{meeting.slug}/",
        }
        assert page.css_first('link[rel="canonical"]').attributes["href"] == f"{SITE_URL}meetings/{meeting.slug}/"


def test_citation_files_import_into_reference_managers(built):
    site, archive = built
    for pid, point in archive.points.items():
        meeting = archive.meetings_by_slug[point.meeting]
        (entry,) = rispy.loads(site.file(f"p/{pid}/citation.ris").read_text(encoding="utf-8"))
        assert entry["type_of_reference"] == "RPRT" and entry["authors"] == ["Better Way network"]
        assert entry["title"] == f"{meeting.title}, key point {pid}" and entry["urls"] == [SITE_URL + f"p/{pid}/"]
        assert entry["publisher"] == SITE_NAME
        (item,) = json.loads(site.file(f"p/{pid}/citation.json").read_text(encoding="utf-8"))
        assert item["id"] == f"jf-{pid}" and item["URL"] == SITE_URL + f"p/{pid}/" and "issued" not in item
        assert item["type"] == "report" and item["author"] == [{"literal": "Better Way network"}]
        reference = harvard([item])  # citeproc-py makes a reference of each
        assert reference.startswith("Better Way network (n"), pid
        assert SITE_NAME in reference and "series" not in reference.lower()


def harvard(items: list[dict]) -> str:
    """The reference citeproc-py makes of CSL-JSON with the Harvard (Cite Them Right) style it ships."""
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    return str(bibliography.bibliography()[0])


def test_csl_json_renders_as_a_harvard_reference(notes_site):
    archive = load(NOTES)
    items = json.loads(notes_site.file("p/celebrate-unequal-alliances/citation.json").read_text(encoding="utf-8"))
    reference = harvard(items)
    assert reference.startswith("Better Way network (no date)") or reference.startswith("Better Way network (n.d.)")
    meeting = archive.meetings_by_slug["unequal-alliances"]
    assert f"{meeting.title}, key point celebrate-unequal-alliances" in reference
    assert "Available at: http://127.0.0.1:8000/p/celebrate-unequal-alliances/" in reference
    assert archive.points["celebrate-unequal-alliances"].title not in reference


def node_json(script: str, *args: str) -> dict:
    """What one of the tests' Node tools (tests/*.mjs: the npm clients, as their users run them) prints, as JSON."""
    result = subprocess.run(
        ["node", str(ROOT / "tests" / script), *args], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_citation_js_reads_the_same_reference_from_every_file(built):
    """citation.js (the library many reference tools use) parses each point's BibTeX, RIS and CSL-JSON and makes
    the same APA and Harvard reference of each: one item, a report, by the network, published by the site."""
    site, archive = built
    parsed = node_json("citation_js.mjs", str(site.dir))
    assert set(parsed) >= set(archive.points)
    for pid in archive.points:
        formats = parsed[pid]
        assert set(formats) == {"bibtex", "ris", "csl"}
        for name, item in formats.items():
            assert "error" not in item, (pid, name, item)
            assert item["count"] == 1 and item["type"] == "report" and item["issued"] is None, (pid, name)
            assert item["url"] == SITE_URL + f"p/{pid}/", (pid, name)
        references = {(item["apa"], item["harvard"]) for item in formats.values()}
        assert len(references) == 1, (pid, references)
        ((apa, harvard_reference),) = references
        assert apa.startswith("Better Way network. (n.d.).") and SITE_NAME in apa, apa
        assert harvard_reference.startswith("Better Way network (no date)") and SITE_NAME in harvard_reference


def test_link_previews_read_the_permanent_page(built):
    """metascraper, as link-preview services run it: the permanent address, the site as publisher, a PNG picture
    of the site's own, and a description that ends where a sentence ends."""
    site, archive = built
    previews = node_json("link_preview.mjs", str(site.dir), SITE_URL, *(f"p/{pid}/" for pid in archive.points))
    for pid, point in archive.points.items():
        preview = previews[f"p/{pid}/"]
        assert preview["url"] == SITE_URL + f"p/{pid}/" and preview["publisher"] == SITE_NAME, preview
        assert preview["title"] == point.title
        assert preview["image"] == SITE_URL + "assets/preview.png"
        words = " ".join(" ".join("; ".join(w) for _k, w in point.grouped_blocks).split())
        assert words.startswith(preview["description"]), (pid, preview["description"])
        assert preview["description"] == words or SENTENCE_END.search(preview["description"]), preview
    picture = site.file("assets/preview.png").read_bytes()
    assert picture.startswith(b"\x89PNG\r\n\x1a\n") and len(picture) < 100_000


def test_permanent_pages_stay_put_with_and_without_javascript(site):
    """The permanent address is the point's own page: no script and no refresh sends the reader anywhere."""
    archive = load(ROOT)
    ids = list(archive.points)[:: max(1, len(archive.points) // 8)]
    with sync_playwright() as playwright, serve(site.dir) as url:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=FLAGS)
        for javascript in (True, False):
            context = browser.new_context(java_script_enabled=javascript, base_url=url)
            page = context.new_page()
            for pid in ids:
                page.goto(f"p/{pid}/")
                page.wait_for_timeout(300)
                assert page.url == f"{url}p/{pid}/", (javascript, page.url)
                assert page.locator("h1").text_content() == archive.points[pid].title
                assert page.locator("#cite pre").count() == 3 and page.locator("#history").count() == 1
                accessed = page.locator("[data-accessed]").text_content()
                assert (accessed != "the date you read it") == javascript
                for anchor in ("related", "history", "cite"):
                    page.goto(f"p/{pid}/#{anchor}")
                    page.wait_for_timeout(100)
                    assert page.url == f"{url}p/{pid}/#{anchor}"
            context.close()
        browser.close()


def test_no_page_file_or_feed_calls_the_cell_a_series(built):
    """The notes call Joining Forces a cell; what the site itself writes never says "series": every page's head,
    the facts line of each meeting, the permanent pages (the notes' quoted words aside), the citation files, the
    feed and CITATION.cff. (A write-up may say "series" in its own words.)"""
    from selectolax.lexbor import LexborHTMLParser

    site, _archive = built
    said = re.compile(r"\bseries\b", re.I)
    for path in sorted(site.dir.rglob("*.html")):
        if "pagefind" in path.parts:
            continue
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        for quoted in tree.css("blockquote, #related, #history"):
            quoted.decompose()
        written = [m.attributes.get("content") or "" for m in tree.css("head meta")] + [
            node.text() for node in tree.css(".meeting-facts")
        ]
        if path.relative_to(site.dir).parts[0] == "p":
            written.append(tree.body.text() if tree.body else "")
        assert not said.search(" ".join(written)), path.relative_to(site.dir)
    for path in [*site.dir.glob("p/*/citation.*"), site.dir / "feed.xml", ROOT / "CITATION.cff"]:
        assert not said.search(path.read_text(encoding="utf-8")), path


def hostile_citation():
    from dataclasses import replace

    archive = load(NOTES)
    citation = point_citation(archive, archive.points["vest"], SITE_URL, SITE_NAME)
    return replace(citation, label=HOSTILE_LABEL, title="Title\u2028with\nbreaks")


def test_ris_values_stay_on_one_line():
    assert ris_value("a\r\nb\u2028c\td  ") == "a b c d"
    text = ris(hostile_citation())
    lines = text.split("\r\n")
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1]), lines
    (entry,) = rispy.loads(text)
    assert entry["title"] == "Title with breaks"
    assert entry["notes"] == [f'Key point labelled by {SITE_NAME}: Label ER - TY - JOUR {{\\}}" </script><b>']


def test_csl_json_is_json_whatever_the_text():
    citation = hostile_citation()
    assert json.loads(csl_json(citation)) == [csl_item(citation)]


def test_bibtex_of_a_hostile_label_is_only_text():
    text = bibtex(hostile_citation())
    note = next(line for line in text.split("\n") if line.strip().startswith("note"))
    assert tex_is_only_text(note.split("=", 1)[1].strip().rstrip(",")[1:-1]), note


def test_json_ld_cannot_close_its_script_element():
    page = _environment().from_string("<script>{{ data | tojson }}</script>").render(data={"name": "</script><b>"})
    assert "</script><b>" not in page and page.count("</script>") == 1


def test_a_hostile_meeting_title_is_escaped_in_its_citation_tags(project):
    from site_build import build_site

    path = project / "docs" / "meetings" / "levelling-up.md"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    path.write_text(text.replace(title, 'title: "Levelling \\"up\\" <b>&</b>"', 1), encoding="utf-8")
    site = build_site(project / "mkdocs.yml", project.parent / "out")
    html = site.file("meetings/levelling-up/").read_text(encoding="utf-8")
    assert '<meta name="citation_title" content="Levelling &#34;up&#34; &lt;b&gt;&amp;&lt;/b&gt;">' in html


def test_citation_cff_is_valid():
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "check-jsonschema"),
            "--builtin-schema",
            "vendor.citation-file-format",
            str(ROOT / "CITATION.cff"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_citation_cff_credits_the_network_with_the_notes_only():
    """The network wrote the notes, not the site: the site's file names no author it cannot support, and
    credits the network in a reference to the notes."""
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert {"name": "Better Way network"} not in cff["authors"]
    (notes,) = cff["references"]
    assert notes["authors"] == [{"name": "Better Way network"}]
    assert not {"date-released", "version", "license", "doi"} & set(cff)


# BibTeX: TeX reads every field, so each of its special characters must arrive as the command that prints it.
TEX_HOSTILE = [
    "a^^5cinput{/etc/passwd}",
    "^^5c^^5cinput",
    "\\input{/etc/passwd}",
    "Title}, note={injected",
    "50% of % a comment",
    "#1 & $x_1^2$ ~ nbsp",
    "\\\\ {} {{ }} \\{",
    "tab\tand\nline\u2028break\xa0here",
    "^^M^^J^^00",
    "\\csname input\\endcsname",
]
PRINTS = re.compile(r"\\textbackslash\{\}|\\textasciicircum\{\}|\\textasciitilde\{\}|\\[{}%#&$_]")


def tex_is_only_text(escaped: str) -> bool:
    """Nothing in the value is a command, a group, a comment, a parameter or mathematics to TeX."""
    rest = PRINTS.sub("", escaped)
    return not re.search(r"[\\{}%#&$_^~]", rest) and "\n" not in escaped


@pytest.mark.parametrize("value", TEX_HOSTILE)
def test_bibtex_values_are_text_to_tex(value):
    escaped = bibtex_text(value)
    assert tex_is_only_text(escaped), escaped
    assert "^^" not in escaped and "\\input" not in PRINTS.sub("", escaped)


def test_no_point_is_suggested_beside_more_than_five_others():
    """Twelve points saying nearly the same: each would list the same best matches, but none is listed on more
    than SEE_ALSO_MAX pages; weak matches (one shared word) are never suggested."""
    words = "commissioners pooled budgets joint accountability shared outcomes frontline"
    points = [
        Point(
            f"p{n}",
            f"Pooled budgets and joint accountability {n}",
            ("money",),
            None,
            f"{words} {n}.",
            f"m{n % 3}",
            "",
            1,
        )
        for n in range(12)
    ]
    points.append(Point("lonely", "Commissioners alone", ("money",), None, "Commissioners elsewhere.", "m0", "", 1))
    archive = SimpleNamespace(
        meetings=[SimpleNamespace(points=[p for p in points if p.meeting == f"m{m}"]) for m in range(3)],
        see_also={},
        speakers={},
    )
    related = build_related(archive)
    listed = Counter(other for entry in related.values() for other in entry.ids)
    assert max(listed.values()) == SEE_ALSO_MAX  # the cap binds here
    assert all(len(entry.ids) == RELATED_SHOWN for pid, entry in related.items() if pid != "lonely")
    assert related["lonely"].ids == () and "lonely" not in listed


def test_the_preview_picture_fits_any_site_name():
    """A name too long for the picture's width is drawn smaller, down to a floor, never cut or overflowing."""
    from notes_core.render.preview_image import PREVIEW_SIZE, preview_png

    for name in ("Joining Forces notes", "A much longer name for a site of meeting notes " * 3):
        picture = preview_png(name, "Meeting notes of the Better Way network’s Joining Forces cell")
        assert picture.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = int.from_bytes(picture[16:20], "big"), int.from_bytes(picture[20:24], "big")
        assert (width, height) == PREVIEW_SIZE
