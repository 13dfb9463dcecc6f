"""Citing a key point: what reference managers and link previews read from its /p/ page, its citation files
(RIS, CSL-JSON) read by the libraries that import them, related key points, and the site's CITATION.cff."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import extruct
import pytest
import rispy
from archives import LARGE, NOTES, load
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from notes_core.citations.bibtex import bibtex_text, bibtex_url
from notes_core.citations.formats import csl_item, point_citation, render_csl_json, render_ris, ris_value
from notes_core.render.related import RELATED_SHOWN, build_related

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "http://127.0.0.1:8000/"  # the tests' builds use the default address
HOSTILE_LABEL = 'Label\r\nER  - \nTY  - JOUR {\\}" </script><b>'


@pytest.fixture(params=["notes", "live"])
def built(request):
    """(built site, its archive): the notes fixture archive and the live content."""
    if request.param == "notes":
        return request.getfixturevalue("notes_site"), load(NOTES)
    return request.getfixturevalue("site"), load(ROOT)


def test_most_points_of_the_notes_list_related_points(notes_site):
    """A shape of the notes fixture: a live archive of one meeting has no related points to list."""
    exported = json.loads(notes_site.file("principles.json").read_text())["points"]
    with_related = [row["id"] for row in exported if row["related"]]
    assert len(with_related) >= 0.9 * len(exported), f"{len(with_related)} of {len(exported)} points"


def test_related_points_are_from_other_meetings_and_share_a_theme(built):
    site, archive = built
    exported = {row["id"]: row["related"] for row in json.loads(site.file("principles.json").read_text())["points"]}
    assert set(exported) == set(archive.points)
    for pid, related in exported.items():
        point = archive.points[pid]
        assert len(related) <= RELATED_SHOWN and pid not in related
        for other in related:
            assert archive.points[other].meeting != point.meeting, (pid, other)
            assert set(archive.points[other].themes) & set(point.themes), (pid, other)
        page = site.html(f"p/{pid}/")
        shown = [a.attributes["href"].rsplit("#", 1)[1] for a in page.css("main ul li a")]
        twin = [point.twin] if point.twin else []
        assert shown == twin + related


def test_related_is_near_linear_and_deterministic():
    archive = load(LARGE)
    assert build_related(archive) == build_related(archive)


def test_every_permanent_page_previews_and_cites(built):
    """What link previewers (OpenGraph) and reference managers (JSON-LD, Highwire tags) read, as extruct reads it."""
    site, archive = built
    for pid, point in archive.points.items():
        html = site.file(f"p/{pid}/").read_text(encoding="utf-8")
        data = extruct.extract(html, base_url=SITE_URL + f"p/{pid}/", syntaxes=["json-ld", "opengraph"], uniform=True)
        meeting = archive.meetings_by_slug[point.meeting]
        (graph,) = data["opengraph"]
        assert graph["og:title"] == point.title and graph["og:description"]
        (work,) = data["json-ld"]
        assert work["@type"] == "CreativeWork" and work["url"] == SITE_URL + f"p/{pid}/"
        assert work["author"] == {"@type": "Organization", "name": "Better Way network"}
        assert work["isPartOf"]["name"] == meeting.title
        page = site.html(f"p/{pid}/")
        title = page.css_first('meta[name="citation_title"]').attributes["content"]
        assert title == f"{meeting.title}, key point {pid}"  # the notes' words, never the site's label
        assert page.css_first('meta[name="citation_author"]').attributes["content"] == "Better Way network"
        assert not page.css('meta[name="citation_date"], meta[name="citation_publication_date"]')  # none is known
        links = {a.text(): site.resolve(f"p/{pid}/", a.attributes["href"]) for a in page.css("main p a[download]")}
        assert links == {"RIS": f"p/{pid}/citation.ris", "CSL-JSON": f"p/{pid}/citation.json"}


def test_citation_files_import_into_reference_managers(built):
    site, archive = built
    for pid, point in archive.points.items():
        meeting = archive.meetings_by_slug[point.meeting]
        (entry,) = rispy.loads(site.file(f"p/{pid}/citation.ris").read_text(encoding="utf-8"))
        assert entry["type_of_reference"] == "ELEC" and entry["authors"] == ["Better Way network"]
        assert entry["title"] == f"{meeting.title}, key point {pid}" and entry["urls"] == [SITE_URL + f"p/{pid}/"]
        (item,) = json.loads(site.file(f"p/{pid}/citation.json").read_text(encoding="utf-8"))
        assert item["id"] == f"jf-{pid}" and item["URL"] == SITE_URL + f"p/{pid}/"
        assert harvard([item]).startswith("Better Way network (n"), pid  # citeproc-py makes a reference of each


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
    assert archive.points["celebrate-unequal-alliances"].title not in reference.split("Available at")[0].split(".")[0]


def hostile_citation() -> dict[str, str]:
    archive = load(NOTES)
    citation = point_citation(archive, archive.points["vest"], SITE_URL)
    return {**citation, "label": HOSTILE_LABEL, "title": "Title\u2028with\nbreaks"}


def test_ris_values_stay_on_one_line():
    assert ris_value("a\r\nb\u2028c\td  ") == "a b c d"
    text = render_ris(hostile_citation())
    lines = text.split("\r\n")
    assert [line[:6] for line in lines[:-1]] == ["TY  - ", "AU  - ", "TI  - ", "T2  - ", "UR  - ", "N1  - ", "ER  - "]
    (entry,) = rispy.loads(text)
    assert entry["title"] == "Title with breaks"
    assert entry["notes"] == ['Labelled on this site: Label ER - TY - JOUR {\\}" </script><b>']


def test_csl_json_is_json_whatever_the_text():
    citation = hostile_citation()
    assert json.loads(render_csl_json(citation)) == [csl_item(citation)]


def test_json_ld_cannot_close_its_script_element():
    from notes_core.documents import render_document

    page = render_document("permalink_citation.html", {"citation_tags": [], "json_ld": {"name": "</script><b>"}})
    assert "</script><b>" not in page and page.count("</script>") == 1


def test_meeting_pages_carry_citation_tags(notes_site):
    archive = load(NOTES)
    for meeting in archive.meetings:
        page = notes_site.html(f"meetings/{meeting.slug}/")
        tags = {m.attributes["name"]: m.attributes["content"] for m in page.css('meta[name^="citation_"]')}
        assert tags == {
            "citation_title": meeting.title,
            "citation_author": "Better Way network",
            "citation_series_title": archive.series[meeting.series].title,
            "citation_public_url": f"{SITE_URL}meetings/{meeting.slug}/",
        }


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


def test_citation_cff_names_the_network_and_invents_nothing():
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["authors"] == [{"name": "Better Way network"}]
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


def javascript_bibtex(calls: list[tuple[str, str]]) -> list[str]:
    """points.js's own bib() and bibUrl(), run by Node on the values."""
    script = (
        "const fs=require('fs');const src=fs.readFileSync(process.argv[1],'utf8');"
        "const a=src.indexOf('  var TEX = {'),b=src.indexOf('  function citation(');"
        "if(a<0||b<0)throw new Error('points.js moved its BibTeX functions');"
        "const f=new Function(src.slice(a,b)+';return {bib:bib,bibUrl:bibUrl};')();"
        "const input=JSON.parse(fs.readFileSync(0,'utf8'));"
        "process.stdout.write(JSON.stringify(input.map(([k,v])=>f[k](v))));"
    )
    result = subprocess.run(
        ["node", "-e", script, str(ROOT / "docs" / "javascripts" / "points.js")],
        input=json.dumps(calls),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("value", TEX_HOSTILE)
def test_bibtex_values_are_text_to_tex(value):
    escaped = bibtex_text(value)
    assert tex_is_only_text(escaped), escaped
    assert "^^" not in escaped and "\\input" not in PRINTS.sub("", escaped)


def test_bibtex_escaping_is_the_same_in_the_browser_and_in_python():
    urls = ["http://127.0.0.1:8000/p/x/", "https://example.org/a b/{x}^^5c\\input/"]
    calls = [("bib", value) for value in TEX_HOSTILE] + [("bibUrl", url) for url in urls]
    expected = [bibtex_text(value) for value in TEX_HOSTILE] + [bibtex_url(url) for url in urls]
    assert javascript_bibtex(calls) == expected
    assert bibtex_url(urls[0]) == urls[0]
    assert not re.search(r"[\\{}^\s]", bibtex_url(urls[1]))
