"""The hostile-input corpus: what a pull request might try, each with what the check must say.

Every case is applied to a small project of its own for the check, and all of them together to one
preview build that a browser then opens (tests/test_hostile_corpus.py). Every future bypass becomes a case.

A case is (name, kind, payload, expected):
- kind "body": Markdown added to a key point's text; "heading": the key point's heading line;
  "front": a front-matter line `field: value`; "theme"/"speaker"/"series"/"organisation": YAML fields of a
  registry entry the meeting uses; "file": a file written under the project; "bytes": raw bytes written;
  "symlink": a link to a file outside the project; "folder": a folder made at that path; "fifo": a named pipe
  there; "git": the project
  made a git clone whose commits are the payload's (tests/test_hostile_corpus.py, commit_case).
- expected: the path (and, after a colon, a phrase) the check's message must name, or "passes".
"""

from __future__ import annotations

ALERT = "alert(1)"
EVIL = "http://evil.test"
# The site's top navigation, as docs/.nav.yml has it (a case adds an entry to it).
NAV = (
    "nav:\n  - Home: index.md\n  - Meetings: meetings\n  - Key points: principles\n  - Themes: themes\n"
    "  - Speakers: speakers\n  - Organisations: organisations/index.md\n  - Theme map: connections\n  - about.md\n"
)

CASES: list[tuple[str, str, object, str]] = [
    # Text fields that flow into templates (Material prints titles and descriptions raw).
    ("title-script", "front", 'title: "Case <script>alert(1)</script>"', "passes"),
    ("title-yaml-escape", "front", 'title: "Case \\x3cscript>alert(1)\\x3c/script>"', "passes"),
    ("title-svg-onload", "front", 'title: "<svg/onload=alert(1)>"', "passes"),
    ("title-breaks-out", "front", 'title: "</title><script>alert(1)</script>"', "passes"),
    ("summary-attribute", "front", 'summary: "x\\" onmouseover=\\"alert(1)"', "passes"),
    ("summary-img", "front", 'summary: "<img src=x onerror=alert(1)>"', "passes"),
    ("question-markdown-link", "front", 'question: "[click](javascript:alert(1))"', "passes"),
    ("role-script", "front", 'speakers: [{id: sally-young, role: "<script>alert(1)</script>"}]', "passes"),
    (
        "title-newline",
        "front",
        'title: "Case\\nsecond line"',
        "docs/meetings/case-title-newline.md:2: front matter: 'title' is more than one line",
    ),
    (
        "title-bidi",
        "front",
        'title: "Case \\u202Eevil"',
        "docs/meetings/case-title-bidi.md:2: front matter: 'title' contains the invisible character U+202E",
    ),
    ("title-control", "front", 'title: "Case \\x07"', "docs/meetings/case-title-control.md:2:"),
    (
        "title-too-long",
        "front",
        "title: " + "x" * 400,
        "docs/meetings/case-title-too-long.md:2: front matter: 'title' is 400 characters long",
    ),
    ("theme-title-script", "theme", 'title: "<script>alert(1)</script>"\n  description: Hostile.', "passes"),
    (
        "theme-title-yaml-escape",
        "theme",
        'title: "\\x3cimg src=x onerror=alert(1)>"\n  description: Hostile.',
        "passes",
    ),
    ("theme-description-attr-list", "theme", 'title: Braces\n  description: "Text {: onclick=alert(1) }"', "passes"),
    (
        "theme-description-newline",
        "theme",
        'title: Lines\n  description: "Text\\n{: onclick=alert(1) }"',
        "data/themes.yml:",
    ),
    ("speaker-name-img", "speaker", 'name: "<img src=x onerror=alert(1)>"', "passes"),
    ("speaker-alias-script", "speaker", 'name: Alias Case\n  aliases: ["<script>alert(1)</script>"]', "passes"),
    ("series-title-script", "series", 'title: "<svg onload=alert(1)>"\n  description: Hostile.', "passes"),
    (
        "organisation-description",
        "organisation",
        'name: Org Case\n  description: "<iframe src=//evil.test></iframe>"',
        "passes",
    ),
    # Markdown attribute lists.
    (
        "attr-list-paragraph",
        "body",
        "A paragraph.\n{: onclick=alert(1) }",
        "docs/meetings/case-attr-list-paragraph.md:24: the attribute onclick",
    ),
    (
        "attr-list-style-url",
        "body",
        'Styled.\n{: style="background:url(//evil.test/x)" }',
        "docs/meetings/case-attr-list-style-url.md:24: the attribute style",
    ),
    (
        "attr-list-image-src",
        "body",
        "![x](pic.png){: src=http://evil.test/x.png }",
        "docs/meetings/case-attr-list-image-src.md:23: the attribute src",
    ),
    (
        "attr-list-heading",
        "heading",
        "### A point {#case-attr-list-heading-point onclick=alert(1)}",
        "docs/meetings/case-attr-list-heading.md:",
    ),
    (
        "attr-list-in-title",
        "heading",
        "### Title {: onmouseover=alert(1) } here {#case-attr-list-in-title-point}",
        "docs/meetings/case-attr-list-in-title.md:17: point 'case-attr-list-in-title-point': the title holds a brace",
    ),
    ("attr-list-class", "body", "Classy.\n{: .md-search }", "the class 'md-search'"),
    ("attr-list-id-clobber", "body", "Clobber.\n{: #__config }", 'the attribute id="__config"'),
    # Raw HTML the old patterns missed.
    ("script-tag", "body", "<script>alert(1)</script>", "the <script> element"),
    ("script-split-lines", "body", "<scr\nipt>alert(1)</script>", "the <scr> element"),
    ("tag-split-lines", "body", "<img\nsrc=x\nonerror=alert(1)>", "the attribute onerror"),
    ("gt-in-quoted-attribute", "body", '<a title=">" onclick="alert(1)">x</a>', "the attribute onclick"),
    ("slash-before-handler", "body", "<img/src/onerror=alert(1)>", "the attribute onerror"),
    ("javascript-tab-entity", "body", '<a href="java&#09;script:alert(1)">x</a>', "the attribute href"),
    ("javascript-newline", "body", '<a href="java\nscript:alert(1)">x</a>', "the attribute href"),
    ("javascript-markdown-link", "body", "[x](javascript:alert(1))", "the attribute href"),
    ("javascript-entity-link", "body", "[x](&#106;avascript:alert(1))", "the attribute href"),
    ("srcset", "body", '<img src="a.png" srcset="http://evil.test/x.png 1x">', "the attribute srcset"),
    ("video-poster", "body", '<video poster="http://evil.test/x.png"></video>', "the <video> element"),
    ("svg-image-href", "body", '<svg><image href="http://evil.test/x.png"></image></svg>', "the <image> element"),
    ("backslash-host", "body", '<img src="/\\evil.test/x.png">', "the attribute src"),
    ("protocol-relative-image", "body", "![x](//evil.test/x.png)", "the attribute src"),
    ("remote-image", "body", "![tracker](http://evil.test/pixel.png)", "the attribute src"),
    ("style-attribute-url", "body", '<p style="background:url(http://evil.test/x)">x</p>', "the attribute style"),
    ("style-element", "body", "<style>body{background:url(http://evil.test/x)}</style>", "the <style> element"),
    ("iframe", "body", '<iframe src="http://evil.test"></iframe>', "the <iframe> element"),
    ("object-embed", "body", '<object data="http://evil.test/x.swf"></object>', "the <object> element"),
    ("form-action", "body", '<form action="http://evil.test"><button>Go</button></form>', "the <form> element"),
    ("meta-refresh", "body", f'<meta http-equiv="refresh" content="0;url={EVIL}">', "the <meta> element"),
    ("base-tag", "body", f'<base href="{EVIL}/">', "the <base> element"),
    ("link-stylesheet", "body", f'<link rel="stylesheet" href="{EVIL}/x.css">', "the <link> element"),
    ("math-xss", "body", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "element"),
    ("noscript-mxss", "body", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "element"),
    ("comment-breakout", "body", "<!--><img src=x onerror=alert(1)>-->", "the attribute onerror"),
    ("data-uri-link", "body", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "the attribute href"),
    ("md-in-html", "body", '<div markdown="1" onclick="alert(1)">*x*</div>', "the attribute onclick"),
    ("escaped-prose", "body", "The notes wrote &lt;script&gt; as text, and `<b>` in code.", "passes"),
    # Files the check must read too.
    (
        "about-page-script",
        "file",
        ("docs/about.md", "# About\n\n<script>alert(1)</script>\n"),
        "docs/about.md:3: the <script> element",
    ),
    ("html-file", "file", ("docs/evil.html", "<script>alert(1)</script>"), "docs/evil.html:1: files of type '.html'"),
    (
        "svg-file-script",
        "file",
        ("docs/assets/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "docs/assets/evil.svg:1: the <script> element",
    ),
    (
        "svg-file-handler",
        "file",
        ("docs/assets/evil2.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
        "docs/assets/evil2.svg:1: the attribute onload",
    ),
    (
        "markdown-suffix",
        "file",
        ("docs/meetings/evil.markdown", "<script>alert(1)</script>\n"),
        "docs/meetings/evil.markdown:1: files of type '.markdown'",
    ),
    (
        "meeting-subfolder",
        "file",
        ("docs/meetings/sub/evil.md", "<img src=x onerror=alert(1)>\n"),
        "docs/meetings/sub/evil.md:1: meeting files go directly in docs/meetings/",
    ),
    (
        "new-script-file",
        "file",
        ("docs/javascripts/evil.js", "alert(1)\n"),
        "docs/javascripts/evil.js:1: stylesheets and scripts are the site's code",
    ),
    (
        "page-long-line",
        "file",
        ("docs/about.md", "# About\n\n" + "<" * 100_000 + "\n"),
        "docs/about.md:3: this line is 100,000 characters long",
    ),
    (
        "stylesheet-import",
        "file",
        ("docs/stylesheets/extra.css", "@import url(http://evil.test/x.css);\n"),
        "docs/stylesheets/extra.css:1:",
    ),
    ("symlink-outside", "symlink", ("docs/secret.md", "/etc/hostname"), "docs/secret.md:1: this is a symbolic link"),
    # data/permalinks.yml, which contributors edit when a link moves.
    (
        "redirect-target-script",
        "file",
        (
            "data/permalinks.yml",
            'point_redirects:\npage_redirects:\n  about.md: "index.md#x\\"><script>alert(1)</script>"\nmoved_points:\n',
        ),
        "data/permalinks.yml:3: page_redirects:",
    ),
    (
        "redirect-key-escapes-site",
        "file",
        ("data/permalinks.yml", "point_redirects:\npage_redirects:\n  ../../outside.md: index.md\nmoved_points:\n"),
        "data/permalinks.yml:3: page_redirects:",
    ),
    (
        "point-redirect-key-path",
        "file",
        (
            "data/permalinks.yml",
            "point_redirects:\n  ../../../tmp/evil: "
            "case-point-redirect-key-path-point\npage_redirects:\nmoved_points:\n",
        ),
        "data/permalinks.yml:2: point_redirects:",
    ),
    ("lock-not-utf8", "bytes", ("data/permalinks.yml", b"\n# \xff\n"), "data/permalinks.yml:"),
    (
        "lock-alias-bomb",
        "file",
        ("data/permalinks.yml", "a: &a [x, x]\nb: &b [*a, *a]\npoint_redirects:\npage_redirects:\nmoved_points:\n"),
        "anchors and aliases",
    ),
    # Found by a hostile review: XML in SVG files, non-text front matter, hidden front matter, navigation titles,
    # alias bombs and theme switches in hand-written pages.
    (
        "svg-file-dtd-entity",
        "file",
        (
            "docs/assets/entity.svg",
            '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x "&#60;script '
            "xmlns='http://www.w3.org/2000/svg'&#62;alert(1)&#60;/script&#62;\">]>\n"
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">&x;<rect width="10" height="10"/></svg>\n',
        ),
        "docs/assets/entity.svg:2: '<!DOCTYPE' is not allowed in a picture",
    ),
    (
        "svg-file-xml-stylesheet",
        "file",
        (
            "docs/assets/pi.svg",
            '<?xml version="1.0"?>\n<?xml-stylesheet href="http://evil.test/x.css" type="text/css"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n',
        ),
        "docs/assets/pi.svg:2: '<?' is not allowed in a picture",
    ),
    (
        "about-front-non-string",
        "file",
        (
            "docs/about.md",
            "---\ntitle: ['\"><meta http-equiv=refresh content=0;url=http://evil.test/>']\n---\n\nText.\n",
        ),
        "docs/about.md:2: front matter: 'title' must be text",
    ),
    (
        "front-matter-desync",
        "file",
        (
            "docs/meetings/case-front-matter-desync.md",
            '---\ntitle: "Case d"\nquestion: "What is case d?"\nseries: joining-forces\norder: 1\nspeakers:\n  - id: '
            "sally-young\n"
            "themes:\n  - shared-purpose\nsummary: Case d of the hostile corpus.\n ---\n"
            'author: ["\\x22\\x3e\\x3cmeta http-equiv=refresh content=0;url=http://evil.test/desync\\x3e"]\n---\n\n'
            "Introduction.\n\n## Key points\n\n### A point {#case-front-matter-desync-point}\nthemes: shared-purpose\n"
            "speaker: sally-young\n\nText.\n",
        ),
        "docs/meetings/case-front-matter-desync.md:",
    ),
    (
        "front-unknown-list",
        "front",
        "author: ['\"><meta http-equiv=refresh content=0;url=http://evil.test/>']",
        "docs/meetings/case-front-unknown-list.md:2: front matter: unknown field 'author'",
    ),
    (
        "nav-page-title",
        "file",
        (
            "docs/.nav.yml",
            "nav:\n  - Home: index.md\n  - Meetings: meetings\n  - Principles: principles\n"
            "  - Themes: themes\n  - Speakers: speakers\n  - Organisations: organisations/index.md\n  - Theme map: "
            "connections\n"
            "  - '<meta http-equiv=refresh content=\"0;url=http://evil.test/nav\">About': about.md\n",
        ),
        "passes",
    ),
    (
        "nav-javascript-link",
        "file",
        ("docs/.nav.yml", "nav:\n  - Home: index.md\n  - Evil: 'javascript:alert(1)'\n"),
        "docs/.nav.yml:3: navigation: 'javascript:alert(1)' is neither a page of this site",
    ),
    (
        "nav-alias-bomb",
        "file",
        (
            "docs/.nav.yml",
            "nav:\n  - {S: &l0 [about.md]}\n"
            + "".join(f"  - {{S: &l{i} [{{S: *l{i - 1}}}, {{S: *l{i - 1}}}]}}\n" for i in range(1, 24)),
        ),
        "anchors and aliases",
    ),
    (
        "about-front-alias-bomb",
        "file",
        (
            "docs/about.md",
            "---\na0: &a0 [xxxxxxxx, xxxxxxxx]\n"
            + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 22))
            + "author: *a21\n---\n\nText.\n",
        ),
        "anchors and aliases",
    ),
    (
        "about-front-search-int",
        "file",
        ("docs/about.md", "---\ntitle: About\nsearch: 1\n---\n\nText.\n"),
        "docs/about.md:3: front matter: 'search'",
    ),
    (
        "about-front-template",
        "file",
        ("docs/about.md", "---\ntitle: About\ntemplate: redirect.html\nlocation: http://evil.test/\n---\n\nText.\n"),
        "docs/about.md:3: front matter: unknown field 'template'",
    ),
    (
        "forged-permalink",
        "body",
        'Forged citation title\n{: #forged }\n\n<p class="point-meta"><a class="point-permalink" '
        'href="https://evil.test/p/">Permanent link</a></p>',
        "the class 'point-meta'",
    ),
    # Crashes that must be messages.
    ("impossible-date", "front", "date: 2023-02-30", "docs/meetings/case-impossible-date.md:"),
    (
        "huge-number",
        "front",
        "order: " + "9" * 5000,
        "docs/meetings/case-huge-number.md:5: front matter: 'order' must be a whole number",
    ),
    ("alias-bomb", "front", "themes: &a [shared-purpose, *a]", "anchors and aliases"),
    ("deep-nesting", "front", "themes: " + "[" * 60 + "]" * 60, "nested more than"),
    ("long-id", "heading", "### Long {#" + "a" * 300 + "}", "the id is 300 characters long"),
    (
        "registry-not-utf8",
        "bytes",
        ("data/organisations.yml", b"\n- id: bad\n  name: Bad \xff\xfe\n"),
        "data/organisations.yml:",
    ),
    (
        "meeting-not-utf8",
        "bytes",
        ("docs/meetings/case-meeting-not-utf8.md", b"---\ntitle: \xc3\x28\n---\n"),
        "docs/meetings/case-meeting-not-utf8.md:2: the file is not UTF-8",
    ),
    ("yaml-python-tag", "front", "title: !!python/object/apply:os.system [echo pwned]", "is not allowed"),
    ("nul-byte", "bytes", ("docs/meetings/case-nul-byte.md", b"---\ntitle: x\x00\n---\n"), "NUL character"),
    # Slow patterns: each must be answered quickly (the test times the whole corpus loosely).
    ("long-line-of-lt", "body", "<" * 100_000, "this line is 100,000 characters long"),
    ("long-line-of-spaces", "body", "x" + " " * 100_000 + "x", "this line is 100,002 characters long"),
    ("long-line-of-braces", "body", "{#" * 50_000, "this line is 100,000 characters long"),
    ("many-brackets", "body", "[" * 19_000, "so many '[' and '<' characters"),
    ("many-tags", "body", "<a " * 6_000, "so many '[' and '<' characters"),
    (
        "long-heading",
        "heading",
        "### " + "{#a" * 3_000 + " {#case-long-heading-point}",
        "the title is 9,000 characters long",
    ),
    # Exports.
    (
        "csv-formula-title",
        "heading",
        '### =HYPERLINK("http://evil.test","x") and more {#case-csv-formula-title-point}',
        "passes",
    ),
    ("bibtex-injection", "heading", "### Title}, note={injected {#case-bibtex-injection-point}", "holds a brace"),
    ("feed-control-char", "front", 'summary: "Bell \\x0b here"', "docs/meetings/case-feed-control-char.md:"),
    # Second round. What the check prints: contributor text never starts a line of its output (GitHub would obey
    # `::error`, `::stop-commands::`, `##[error]`); it is quoted on one line, its breaks and controls shown.
    (
        "log-key-newline-command",
        "front",
        '"x\\n::error file=README.md,line=1::forged": 1',
        "docs/meetings/case-log-key-newline-command.md:2: front matter: unknown field 'x\\n:\\:error file=README.md",
    ),
    (
        "log-stop-commands-value",
        "front",
        'series: "x\\n::stop-commands::token"',
        "docs/meetings/case-log-stop-commands-value.md:4: unknown series 'x\\n:\\:stop-commands:\\:token'",
    ),
    (
        "log-old-command-form",
        "front",
        'themes: ["##[error file=README.md;line=1]forged"]',
        "docs/meetings/case-log-old-command-form.md:8: front matter: unknown theme "
        "'#\\#[error file=README.md;line=1]forged'",
    ),
    (
        "log-carriage-return-id",
        "front",
        'speakers: [{id: "x\\r::error::y"}]',
        "docs/meetings/case-log-carriage-return-id.md:6: speakers: unknown id 'x\\r:\\:error:\\:y'",
    ),
    (
        "log-terminal-escape",
        "heading",
        "### Title \x1b[2K here {#case-log-terminal-escape-point}",
        "docs/meetings/case-log-terminal-escape.md:17: point 'case-log-terminal-escape-point': the title contains the "
        "invisible character U+001B",
    ),
    (
        "log-nav-title-newline",
        "file",
        ("docs/.nav.yml", 'nav:\n  - "About\\n::error::x": about.md\n'),
        "docs/.nav.yml:2: navigation: the title 'About\\n:\\:error:\\:x' is more than one line",
    ),
    (
        "log-nav-unknown-key",
        "file",
        ("docs/.nav.yml", 'nav:\n  - index.md\n"x\\n::warning::y": 1\n'),
        "docs/.nav.yml:3: navigation: unknown field 'x\\n:\\:warning:\\:y'",
    ),
    (
        "log-redirect-key-newline",
        "file",
        ("data/permalinks.yml", 'point_redirects:\npage_redirects:\n  "a.md\\n::error::x": index.md\nmoved_points:\n'),
        "data/permalinks.yml:3: page_redirects: `a.md\\n:\\:error:\\:x: index.md` is not of the form",
    ),
    (
        "log-alias-newline",
        "speaker",
        'name: Alias Two\n  aliases: ["x\\n::error::y"]',
        "data/speakers.yml:38: speaker 'case-log-alias-newline': 'aliases': 'x\\n:\\:error:\\:y' is more than one line",
    ),
    (
        "log-summary-breakout",
        "front",
        'series: "x ``` ### Content check: all good [Approve](https://evil.test/a)"',
        "unknown series 'x ``` ### Content check: all good [Approve](https://evil.test/a)'",
    ),
    (
        "log-file-name-newline",
        "file",
        ("docs/a\n::error::b.md", "Text.\n"),
        "docs/a\\n:\\:error:\\:b.md:1: the file name",
    ),
    # File names: they become addresses and search results' links.
    ("name-scheme", "file", ("docs/javascript:alert(1).md", "Text.\n"), "docs/javascript:alert(1).md:1: the file name"),
    ("name-url-folder", "file", ("docs/https:/evil.test/x.md", "Text.\n"), "the folder 'https:'"),
    ("name-backslash", "file", ("docs/a\\evil.test.md", "Text.\n"), "the file name 'a\\evil.test.md'"),
    ("name-percent", "file", ("docs/100%.md", "Text.\n"), "docs/100%.md:1: the file name"),
    ("name-lookalike", "file", ("docs/\u0430bout.md", "Text.\n"), "docs/\u0430bout.md:1: the file name"),
    ("name-bidi", "file", ("docs/evil\u202egpj.md", "Text.\n"), "docs/evil\\u202egpj.md:1: the file name"),
    ("name-upper-case", "file", ("docs/Notes.md", "Text.\n"), "use 'notes.md'"),
    ("name-folder-dot", "file", ("docs/meetings/sub.md/x.md", "Text.\n"), "the folder 'sub.md'"),
    # Addresses the site makes itself: a key point's permanent page, generated pages, the search index.
    (
        "reserved-permanent-page",
        "file",
        ("docs/p/case-reserved-permanent-page-point.md", "Forged text.\n"),
        "docs/p/case-reserved-permanent-page-point.md:1: 'p/case-reserved-permanent-page-point/' is an address the "
        "site makes itself",
    ),
    ("reserved-permanent-index", "file", ("docs/p/any/index.md", "Forged.\n"), "docs/p/any/index.md:1: 'p/any/'"),
    ("reserved-search-index", "file", ("docs/pagefind/index.md", "Forged.\n"), "docs/pagefind/index.md:1:"),
    (
        "reserved-generated-theme",
        "file",
        ("docs/themes/shared-purpose/index.md", "Forged.\n"),
        "docs/themes/shared-purpose/index.md:1: 'themes/shared-purpose/' is an address the site makes itself",
    ),
    (
        "reserved-generated-listing",
        "file",
        ("docs/principles/index.md", "Forged.\n"),
        "docs/principles/index.md:1: 'principles/' is an address the site makes itself",
    ),
    (
        "reserved-redirect-permanent",
        "file",
        (
            "data/permalinks.yml",
            "point_redirects:\npage_redirects:\n  p/case-reserved-redirect-permanent-point.md: index.md\n"
            "moved_points:\n",
        ),
        "data/permalinks.yml:3: page_redirects: 'p/case-reserved-redirect-permanent-point.md' is in a folder only the "
        "site writes",
    ),
    (
        "reserved-redirect-search",
        "file",
        ("data/permalinks.yml", "point_redirects:\npage_redirects:\n  pagefind/index.md: index.md\nmoved_points:\n"),
        "data/permalinks.yml:3: page_redirects: 'pagefind/index.md' is in a folder only the site writes",
    ),
    # BibTeX: every TeX special, and ^^, arrive as text (the browser test reads the Cite panel).
    ("bibtex-caret-escape", "heading", "### Title ^^5cinput and more {#case-bibtex-caret-escape-point}", "passes"),
    (
        "bibtex-specials",
        "heading",
        "### Half of 100% # & $ _ ~ and a \\input here {#case-bibtex-specials-point}",
        "passes",
    ),
    ("bibtex-meeting-title", "front", 'title: "Case ^^5c\\\\input{/etc/passwd} % comment"', "passes"),
    # Git history: what main published only, and any date git can hold.
    ("git-year-10000", "git", {"dates": ["@253402300800 +0000"]}, "passes"),
    ("git-far-future", "git", {"dates": ["2024-01-02T00:00:00+00:00", "@99999999999999 +0000"]}, "passes"),
    (
        "git-branch-intermediate-wording",
        "git",
        {"dates": ["2024-01-02T00:00:00+00:00"], "branch": ["Only in an intermediate commit.", "The wording shown."]},
        "passes",
    ),
    (
        "git-submodule-meeting",
        "git",
        {"dates": ["2024-01-02T00:00:00+00:00"], "submodule": "docs/meetings/sub.md"},
        "passes",
    ),
    # Shapes that crashed the check and the build.
    ("shape-folder-named-md", "folder", "docs/meetings/folder.md", "passes"),
    (
        "shape-deep-list",
        "body",
        "\n".join("    " * level + "- x" for level in range(300)),
        "docs/meetings/case-shape-deep-list.md:43: this line nests lists, quotes or indented boxes 21 levels deep",
    ),
    ("shape-list-one-line", "body", "- " * 400 + "x", "nests lists, quotes or indented boxes 400 levels deep"),
    ("shape-deep-quote", "body", ">" * 1000 + " x", "nests lists, quotes or indented boxes 1000 levels deep"),
    (
        "shape-deep-div-markdown",
        "body",
        "<div markdown>\n" * 300 + "x\n" + "</div>\n" * 300,
        "docs/meetings/case-shape-deep-div-markdown.md:43: HTML elements here are nested 21 deep",
    ),
    (
        "shape-deep-admonition",
        "body",
        "\n".join("    " * level + "!!! note" for level in range(300)),
        "levels deep",
    ),
    (
        "shape-deep-html-page",
        "file",
        ("docs/about.md", "# About\n\n" + "<div>\n\n" * 300 + "x\n\n" + "</div>\n\n" * 300),
        "docs/about.md:43: HTML elements here are nested 21 deep",
    ),
    (
        "shape-deep-list-page",
        "file",
        ("docs/about.md", "# About\n\n" + "\n".join("  " * level + "- x" for level in range(400)) + "\n"),
        "docs/about.md:",
    ),
    # Passed by the check, refused later or not at all.
    ("title-brace-anchor", "heading", "### Title {x} here {#case-title-brace-anchor-point}", "the title holds a brace"),
    ("title-open-brace", "heading", "### Title { {#case-title-open-brace-point}", "the title holds a brace"),
    (
        "title-zero-width",
        "front",
        'title: "Case\\u200bzero width"',
        "docs/meetings/case-title-zero-width.md:2: front matter: 'title' contains the invisible character U+200B",
    ),
    ("title-rlm", "front", 'summary: "Case \\u200f mark"', "'summary' contains the invisible character U+200F"),
    (
        "title-tag-characters",
        "heading",
        "### Title with \U000e0041\U000e0042 tags {#case-title-tag-characters-point}",
        "the title contains the invisible character U+E0041",
    ),
    ("speaker-name-joiner", "speaker", 'name: "Name\\u2060Joiner"', "contains the invisible character U+2060"),
    (
        "nav-glob-pattern",
        "file",
        ("docs/.nav.yml", "nav:\n  - '{a,b}{a,b}{a,b}*.md'\n"),
        "docs/.nav.yml:2: navigation:",
    ),
    ("nav-sort-value", "file", ("docs/.nav.yml", "nav:\n  - index.md\nsort:\n  by: evil\n"), "docs/.nav.yml:3:"),
    ("nav-ignore-value", "file", ("docs/.nav.yml", "nav:\n  - index.md\nignore: {x: 1}\n"), "`ignore:` lists pages"),
    ("nav-append-text", "file", ("docs/.nav.yml", "nav:\n  - index.md\nappend_unmatched: 'yes'\n"), "true or false"),
    (
        "nav-protocol-relative",
        "file",
        ("docs/.nav.yml", "nav:\n  - Home: index.md\n  - Evil: //evil.test/x\n"),
        "docs/.nav.yml:3: navigation: '//evil.test/x' is neither a page of this site",
    ),
    (
        "css-hex-escapes",
        "file",
        ("docs/stylesheets/extra.css", "a {\n  background: u\\72l(\\2f\\2f evil.test/x);\n}\n"),
        "docs/stylesheets/extra.css:2: '//'",
    ),
    (
        "css-comment-and-escape",
        "file",
        ("docs/stylesheets/extra.css", 'a { background: url(/**/"h\\74tps:evil.test/x"); }\n'),
        "docs/stylesheets/extra.css:1: 'https:'",
    ),
    (
        "css-ip-host",
        "file",
        ("docs/stylesheets/extra.css", 'a { background: image-set("//192.0.2.1/x.png" 1x); }\n'),
        "docs/stylesheets/extra.css:1:",
    ),
    ("css-escaped-import", "file", ("docs/stylesheets/extra.css", '@\\69mport "x.css";\n'), "'@import'"),
    (
        "css-escaped-backslash-host",
        "file",
        ("docs/stylesheets/extra.css", 'a { background: url("/\\5c evil.test/x"); }\n'),
        "docs/stylesheets/extra.css:1:",
    ),
    (
        "id-trailing-newline",
        "file",
        (
            "data/permalinks.yml",
            'point_redirects:\n  "old-id\\n": case-id-trailing-newline-point\npage_redirects:\nmoved_points:\n',
        ),
        "data/permalinks.yml:2: point_redirects: `old-id\\n: case-id-trailing-newline-point` is not of the form",
    ),
    # Found by the hostile review of the second round: letters that show nothing, a pipe where a file would be
    # (the build hung reading it), and a commit at the last second git holds (extracting main's files for the
    # published-link check raised OverflowError).
    (
        "review-hangul-filler",
        "front",
        'title: "Case \\u3164 filler"',
        "docs/meetings/case-review-hangul-filler.md:2: front matter: 'title' contains the invisible character U+3164",
    ),
    ("review-braille-blank", "front", 'summary: "Blank \\u2800 here"', "invisible character U+2800"),
    ("review-halfwidth-filler", "heading", "### Half \uffa0 width {#case-review-halfwidth-filler-point}", "U+FFA0"),
    ("review-grapheme-joiner", "theme", 'title: "Joiner \\u034f here"\n  description: Hostile.', "U+034F"),
    ("review-khmer-vowel", "speaker", 'name: "Khmer \\u17b4 vowel"', "data/speakers.yml:"),
    ("review-pipe-meeting", "fifo", "docs/meetings/pipe.md", "docs/meetings/pipe.md:1: this is not a file"),
    ("review-last-second", "git", {"dates": ["2024-01-02T00:00:00+00:00", "@9223372036854775807 +0000"]}, "passes"),
    # Found by the independent hostile review of the second round. Links to no page or anchor passed the check and
    # stopped only the strict build, whose log then began a line with the text after a decoded %0A.
    (
        "review-link-missing-page",
        "body",
        "See [the other](%0A::error::gone.md).",
        "docs/meetings/case-review-link-missing-page.md:23: the link '%0A:\\:error:\\:gone.md' leads to "
        "docs/meetings/\\n:\\:error:\\:gone.md, which does not exist",
    ),
    (
        "review-link-angle-brackets",
        "body",
        "See [x](<::error::gone2.md>).",
        "docs/meetings/case-review-link-angle-brackets.md:23: the link ':\\:error:\\:gone2.md' leads to",
    ),
    (
        "review-link-missing-anchor",
        "body",
        "See [y](../about.md#::error::nowhere).",
        "docs/meetings/case-review-link-missing-anchor.md:23: the link '../about.md#:\\:error:\\:nowhere' asks "
        "for '#:\\:error:\\:nowhere', which docs/about.md does not have",
    ),
    ("review-link-same-page-anchor", "body", "See [y](#no-such-point).", "asks for '#no-such-point'"),
    ("review-link-folder", "body", "See [t](../themes/).", "the link '../themes/' names a folder"),
    ("review-link-absolute", "body", "See [a](/about.md).", "the link '/about.md' starts with '/'"),
    (
        "review-link-fine",
        "body",
        "See [a](../about.md), [t](../themes/shared-purpose.md), [p](#case-review-link-fine-point), "
        "[k](case-review-link-fine.md#key-points) and [m](../meetings/index.md).",
        "passes",
    ),
    ("review-link-in-page", "file", ("docs/about.md", "# About\n\nSee [x](meetings/gone.md).\n"), "docs/about.md:3:"),
    # Addresses the theme or the engine owns: a page there passed the check, then failed the build or stood beside
    # the theme's own 404 page.
    (
        "review-engine-404",
        "file",
        ("docs/404.md", "# Page not found\n\nThe notes moved to [our new site](https://evil.test/).\n"),
        "docs/404.md:1: '404/' is an address the theme or the engine owns",
    ),
    ("review-engine-sitemap", "file", ("docs/sitemap.md", "# Map\n"), "docs/sitemap.md:1: 'sitemap/' is an address"),
    ("review-engine-feed", "file", ("docs/feed.md", "# Feed\n"), "docs/feed.md:1: 'feed/' is an address"),
    (
        "review-engine-assets",
        "file",
        ("docs/assets/javascripts/bundle.md", "# Bundle\n"),
        "docs/assets/javascripts/bundle.md:1: 'assets/javascripts/bundle/' is an address the theme or the engine",
    ),
    (
        "review-page-not-in-nav",
        "file",
        ("docs/extra-page.md", "# Extra\n\nText.\n"),
        "docs/extra-page.md:1: this page is in no navigation, so readers would not find it",
    ),
    (
        "review-folder-not-in-nav",
        "file",
        ("docs/guide/start.md", "# Start\n\nText.\n"),
        "docs/guide/start.md:1: this page is in no navigation, so readers would not find it (and the strict build "
        "refuses it); add `- guide`",
    ),
    # Off-site entries in the top navigation: only the network's own site.
    (
        "review-nav-other-host",
        "file",
        ("docs/.nav.yml", "nav:\n  - Home: index.md\n  - Search the notes: 'https://evil.test/'\n  - about.md\n"),
        "docs/.nav.yml:3: navigation: 'https://evil.test/' is neither a page of this site nor a link to "
        "https://betterway.network",
    ),
    (
        "review-nav-lookalike-host",
        "file",
        ("docs/.nav.yml", "nav:\n  - Home: index.md\n  - Network: https://betterway.network.evil.test/\n"),
        "docs/.nav.yml:3: navigation:",
    ),
    (
        "review-nav-network-site",
        "file",
        ("docs/.nav.yml", NAV + "  - Better Way: https://betterway.network\n"),
        "passes",
    ),
    # A linked meeting file: once, by its path in the project (never this machine's full path).
    (
        "review-symlink-meeting",
        "symlink",
        ("docs/meetings/host.md", "/etc/hostname"),
        "docs/meetings/host.md:1: this is a symbolic link",
    ),
    # A registry refused: its problem alone, not a page "gone" or a link "to nowhere" for each of its entries.
    (
        "review-registry-anchors",
        "bytes",
        ("data/themes.yml", b"- &a\n  id: anchored\n  title: Anchored\n  description: Anchored.\n"),
        "data/themes.yml:",
    ),
    # Commit dates: one after the build or before main's first commit is never published.
    (
        "review-git-future-fast-forward",
        "git",
        {"dates": ["2024-01-02T00:00:00+00:00", "2099-06-01T12:00:00+00:00"], "never_shown": ["2099-06-01"]},
        "passes",
    ),
    (
        "review-git-before-first",
        "git",
        {"dates": ["2024-01-02T00:00:00+00:00", "1970-01-02T00:00:00+00:00"], "never_shown": ["1970-01-02"]},
        "passes",
    ),
]
