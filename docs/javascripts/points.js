// Adds "Copy link" and "Cite" buttons to every key point. Without JavaScript each point
// still has its plain "Permanent link". Copying uses Material's clipboard support
// (any element with data-clipboard-text), which also announces "Copied to clipboard".
(function () {
  "use strict";

  // A value inside a BibTeX field, as TeX will read it: each character TeX treats specially is written as the
  // command that prints it, so no text can close the field and add others, run a command (`\input`, or `^^5c`,
  // TeX's way of writing a backslash), start a comment or switch to mathematics; line breaks become spaces.
  // scripts/notes_core/citations/bibtex.py escapes the same way, and the tests hold the two to each other.
  var TEX = {
    "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "%": "\\%", "#": "\\#", "&": "\\&", "$": "\\$", "_": "\\_",
    "^": "\\textasciicircum{}", "~": "\\textasciitilde{}"
  };
  function bib(value) {
    return value.replace(/\s+/g, " ").replace(/[\\{}%#&$_^~]/g, function (c) { return TEX[c]; });
  }

  // A URL stays a URL (styles print it verbatim): what could end the field or make a TeX escape is
  // percent-encoded, which leaves the address the same.
  function bibUrl(url) {
    return url.replace(/[\\{}^\s]/g, encodeURIComponent);
  }

  function citation(point) {
    // The notes' own words make the citation: the network, the meeting's title, the series and the
    // point's id. The point's title was written for this site, so it is given as the site's label,
    // never in quotation marks as if the notes said it.
    var plain = "Better Way network. \u201c" + point.meeting + ".\u201d " + point.series +
      " series, key point " + point.id + " (labelled on this site: " + point.title + "). " + point.url;
    var bibtex = "@misc{jf-" + bib(point.id) + ",\n" +
      "  author       = {{Better Way network}},\n" +
      "  title        = {" + bib(point.meeting) + "},\n" +
      "  howpublished = {" + bib(point.series) + " series, key point " + bib(point.id) + "},\n" +
      "  note         = {Labelled on this site: " + bib(point.title) + "},\n" +
      "  url          = {" + bibUrl(point.url) + "}\n}";
    // Harvard (Cite Them Right), common in UK reports. The notes give no date: "n.d.". The accessed date is
    // the reader's browser's today, which is the day they copy the reference.
    var harvard = "Better Way network (n.d.) " + point.meeting + ", key point " + point.id + ". " + point.series +
      " series. Available at: " + point.url + " (Accessed: " + today() + ").";
    return { plain: plain, bibtex: bibtex, harvard: harvard };
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  function today() {
    var now = new Date();
    return now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
  }

  // The point's citation files beside its permanent page, for reference managers (they work without JavaScript).
  function files(point) {
    var wrap = document.createElement("p");
    wrap.className = "point-cite__files";
    wrap.append("Import into a reference manager: ");
    [["RIS", "citation.ris"], ["CSL-JSON", "citation.json"]].forEach(function (file, index) {
      var a = document.createElement("a");
      a.href = new URL(file[1], point.url).href;
      a.textContent = file[0];
      a.setAttribute("download", "");
      if (index) wrap.append(" \u00b7 ");
      wrap.append(a);
    });
    return wrap;
  }

  function button(label, extra) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "point-button" + (extra ? " " + extra : "");
    b.textContent = label;
    return b;
  }

  function block(label, text, id) {
    var wrap = document.createElement("div");
    wrap.className = "point-cite__block";
    var heading = document.createElement("p");
    heading.className = "point-cite__label";
    heading.textContent = label;
    var pre = document.createElement("pre");
    pre.id = id;
    pre.tabIndex = 0;
    pre.textContent = text;
    var copy = button(label === "Citation" ? "Copy citation" : "Copy " + label);
    copy.setAttribute("data-clipboard-text", text);
    wrap.append(heading, pre, copy);
    return wrap;
  }

  // Only the site's own markup gets buttons: a key point's heading, and a permanent link to that point
  // on the site's own address (the canonical link names it), never a look-alike written in the content.
  function isPoint(heading, link) {
    var canonical = document.querySelector("link[rel=canonical]");
    var url = new URL(link.getAttribute("href"), location.href);
    var site = canonical ? new URL(canonical.href).origin : location.origin;
    return /^H[34]$/.test(heading.tagName) && heading.classList.contains("point") &&
      url.origin === site && url.pathname.endsWith("/p/" + heading.id + "/");
  }

  function enhance(link) {
    if (link.dataset.enhanced) return;
    link.dataset.enhanced = "1";
    var meta = link.closest(".point-meta");
    var heading = meta && meta.previousElementSibling;
    if (!heading || !isPoint(heading, link)) return;
    var point = {
      id: heading.id,
      title: heading.textContent.trim(),
      url: new URL(link.getAttribute("href"), location.href).href,
      meeting: (document.querySelector("article h1") || document.querySelector("h1")).textContent.trim(),
      series: (document.querySelector("meta[name=jf-series]") || {}).content || "Joining Forces"
    };
    var copy = button("Copy link");
    copy.setAttribute("data-clipboard-text", point.url);
    copy.setAttribute("aria-label", "Copy link to \u201c" + point.title + "\u201d");
    var cite = button("Cite this");
    var panelId = "cite-" + point.id;
    cite.setAttribute("aria-expanded", "false");
    cite.setAttribute("aria-controls", panelId);
    var panel = document.createElement("div");
    panel.id = panelId;
    panel.className = "point-cite";
    panel.hidden = true;
    var text = citation(point);
    panel.append(
      block("Citation", text.plain, panelId + "-plain"),
      block("Harvard", text.harvard, panelId + "-harvard"),
      block("BibTeX", text.bibtex, panelId + "-bibtex"),
      files(point)
    );
    cite.addEventListener("click", function () {
      var open = panel.hidden;
      panel.hidden = !open;
      cite.setAttribute("aria-expanded", String(open));
    });
    link.after(" ", copy, " ", cite);
    meta.after(panel);
  }

  function run() {
    document.querySelectorAll("a.point-permalink").forEach(enhance);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(run);
  } else if (document.readyState !== "loading") {
    run();
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
