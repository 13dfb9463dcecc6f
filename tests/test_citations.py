"""Citing a key point: what reference managers and link previews read from its /p/ page, its citation files
(RIS, CSL-JSON) read by the libraries that import them, related key points, and the site's CITATION.cff."""

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
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from notes_core.citations.bibtex import bibtex_text, bibtex_url
from notes_core.citations.formats import csl_item, point_citation, render_csl_json, render_ris, ris_value
from notes_core.model import SEE_ALSO_MAX, Point
from notes_core.render.related import RELATED_SHOWN, Related, build_related

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "http://127.0.0.1:8000/"  # the tests' builds use the default address
HOSTILE_LABEL = 'Label\r\nER  - \nTY  - JOUR {\\}" </script><b>'


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
        shown = [a.attributes["href"].rsplit("#", 1)[1] for a in section.css("li a")]
        assert shown == related
        twin = [a.attributes["href"].rsplit("#", 1)[1] for a in section.css("p a")]
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
