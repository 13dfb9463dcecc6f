// The site's search, in the dialog Material's header opens (overrides/partials/site-search.html).
// The index is Pagefind's (pagefind/, written by the build): it is fetched in small parts, only when the
// reader opens search, and only the parts a query needs. Key points are listed first: a phrase found word
// for word comes before words found apart, so a phrase from the notes leads to the point that holds it.
// Every text shown is set as text (textContent), never as HTML.
(function () {
  "use strict";

  var script = document.currentScript;
  var dialog = document.querySelector("[data-jf-search]");
  var toggle = document.getElementById("__search");
  if (!script || !dialog || !toggle) return;
  var root = new URL("../", script.src);  // this file is javascripts/search.js
  var input = dialog.querySelector("input");
  var form = dialog.querySelector("form");
  var status = document.getElementById("jf-search-status");
  var list = document.getElementById("jf-search-results");
  var opener = document.querySelector("[data-jf-search-open]");
  var POINTS = 10, PAGES = 3, PAUSE_MS = 150;
  var engine = null, current = 0, meetingTitles = {};

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        // baseUrl "/": results' URLs are the records' paths, whatever folder the site is served from.
        // noWorker: Pagefind's worker is a second copy of its engine to download; a search takes milliseconds.
        return pagefind.options({
          basePath: new URL("pagefind/", root).href, baseUrl: "/", excerptLength: 24, noWorker: true
        }).then(function () { return pagefind.init(); }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // A meeting's title, shown under its points: a small file per meeting, fetched once, when first shown.
  function meetingTitle(page) {
    if (!meetingTitles[page]) {
      meetingTitles[page] = fetch(new URL("pagefind/meeting-titles/" + page.replace(/\/$/, "") + ".json", root).href)
        .then(function (response) { return response.ok ? response.json() : ""; })
        .catch(function () { return ""; });
    }
    return meetingTitles[page];
  }

  // What a result is, from its URL (the index's documents are laid out so: notes_core/search/index.py, record_path):
  // point/<meeting page><id>.html is a key point, page/<Kind>/<address>.html a page. Only addresses made of the
  // site's own names (lowercase letters, digits, hyphens) are links: anything else in an index is left out, so
  // no result can lead off the site, whatever a file was called.
  var NAME = "[a-z0-9]+(?:-[a-z0-9]+)*";
  var POINT_URL = new RegExp("^/?point/((?:" + NAME + "/)*)(" + NAME + ")\\.html$");
  var PAGE_URL = new RegExp("^/?page/([A-Za-z]+)/((?:" + NAME + "/)*)(?:(" + NAME + ")\\.html|index\\.html)?$");
  function located(url) {
    var point = POINT_URL.exec(url);
    if (point) return { point: true, address: point[1] + "#" + point[2], page: point[1] };
    var page = PAGE_URL.exec(url);
    if (!page) return null;
    return { point: false, address: page[2] + (page[3] ? page[3] + "/" : ""), context: page[1] };
  }

  function say(text) { status.textContent = text; }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  // The words typed, without the straight quotes a reader may add (every query is tried as a phrase).
  function cleaned(query) { return query.replace(/["\u201c\u201d]/g, " ").replace(/\s+/g, " ").trim(); }

  // Text as a phrase is compared: letters and digits in lower case, one space between words.
  function comparable(text) {
    return " " + text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ") + " ";
  }

  function search(query) {
    var asked = ++current;
    var words = cleaned(query);
    if (!words) {
      list.replaceChildren();
      say("Type to start searching");
      return Promise.resolve();
    }
    // The phrase is matched on its words: "&" or a dash typed alone is no word to Pagefind.
    var phrase = words.split(" ").filter(function (word) { return /[\p{L}\p{N}]/u.test(word); }).join(" ");
    var points = { filters: { not: { kind: "page" } } }, pages = { filters: { kind: "page" } };
    return load().then(function (pagefind) {
      return Promise.all([
        pagefind.search("\"" + phrase + "\"", points), pagefind.search(words, points), pagefind.search(words, pages)
      ]);
    }).then(function (found) {
      if (asked !== current) return null;
      // Key points with the phrase first, then those with its words apart; then pages.
      var ordered = [], seen = {};
      found[0].results.concat(found[1].results).forEach(function (result) {
        if (!seen[result.id]) { seen[result.id] = true; ordered.push(result); }
      });
      var others = found[2].results;
      // Only what is shown is fetched: the first key points and pages, and the titles of their meetings.
      return Promise.all([
        Promise.all(ordered.slice(0, POINTS).map(function (result) { return result.data(); })),
        Promise.all(others.slice(0, PAGES).map(function (result) { return result.data(); }))
      ]).then(function (data) {
        var shown = data[0].concat(data[1]).map(function (one) { return { data: one, place: located(one.url) }; })
          .filter(function (found) { return found.place !== null; });
        return Promise.all(shown.map(function (found) {
          return found.place.point ? meetingTitle(found.place.page) : found.place.context;
        })).then(function (contexts) {
          shown.forEach(function (found, index) { found.place.context = contexts[index]; });
          return shown;
        });
      }).then(function (shown) {
        if (asked !== current) return;
        // Pagefind matches a phrase on the words' stems ("join forces" for "joining forces"), and not across
        // a "&": the points that have the words as typed, in that order, come first.
        var key = comparable(phrase);
        var literal = shown.filter(function (found) {
          return found.place.point && comparable(found.data.content).indexOf(key) >= 0;
        });
        var rest = shown.filter(function (found) { return literal.indexOf(found) < 0; });
        show(literal.concat(rest), words);
        var total = ordered.length + others.length;
        say(total ? plural(ordered.length, "key point", "key points") + " and " + plural(others.length, "page", "pages") +
          " found" + (ordered.length > POINTS ? "; the first " + POINTS + " key points are shown" : "")
          : "Nothing found for \u201c" + words + "\u201d");
      });
    }).catch(function () {
      if (asked === current) say("Search could not be loaded. Check the connection and try again.");
    });
  }

  // Pagefind's excerpt marks the words found with <mark>; everything else in it is the record's text.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.className = "jf-result__excerpt";
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      // Pagefind escapes only < and > in excerpts: undone here, and the result is set as text, never parsed.
      var text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      if (marked) {
        var mark = document.createElement("mark");
        mark.textContent = text;
        paragraph.append(mark);
      } else {
        paragraph.append(text);
      }
      return marked;
    }, false);
    return paragraph;
  }

  // The address of a result, with the words to highlight when the reader lands (removed from the address then).
  function href(address, words) {
    var url = new URL(address, root);
    url.searchParams.set("h", words);
    return url.href;
  }

  function item(found, words) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = href(found.place.address, words);
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset jf-result";
    var title = document.createElement("p");
    title.className = "jf-result__title";
    title.textContent = found.data.meta.title;
    var context = document.createElement("p");
    context.className = "jf-result__context";
    context.textContent = found.place.point ? "Key point \u00b7 " + found.place.context : found.place.context;
    article.append(title, context, excerpt(found.data.excerpt || ""));
    a.append(article);
    li.append(a);
    return li;
  }

  function show(results, words) {
    list.setAttribute("data-query", words);  // which query the list answers (the tests and benchmark wait on it)
    list.replaceChildren.apply(list, results.map(function (found) { return item(found, words); }));
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      input.focus();
    } else if (dialog.contains(document.activeElement)) {
      (opener || document.body).focus();
    }
  });
  // On wide screens the box sits in the header and is reached with Tab: focusing it opens the results.
  input.addEventListener("focus", function () {
    load();
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  // A search once the keys pause (150 ms, a little more than a fast typist's gap between keys): no part of the
  // index is fetched for the words half typed.
  var typing = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(function () { search(input.value); }, PAUSE_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { search(""); input.focus(); });
  });
  if (opener) opener.addEventListener("click", open);
  dialog.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  // "/", "s" or "f" opens search from anywhere but a text field, as in Material.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.altKey || event.metaKey || toggle.checked) return;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target.isContentEditable) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    }
  });
  dialog.addEventListener("click", function (event) {
    // A result on this page: close the dialog, so the point is seen as the page reloads with it highlighted.
    if (event.target instanceof Element && event.target.closest("a")) close();
  });
})();

// Landing from a result: the words searched for are highlighted in the key point (or the page) the link
// leads to, then taken out of the address, so the address a reader copies is the point's own.
(function () {
  "use strict";

  var params = new URLSearchParams(window.location.search);
  var words = params.get("h");
  if (words === null) return;
  params.delete("h");
  var rest = params.toString();
  window.history.replaceState(window.history.state, "", window.location.pathname + (rest ? "?" + rest : "") +
    window.location.hash);
  // An address may carry anything: a query is highlighted by its first words only (a search box holds no more).
  var MAX_CHARS = 200, MAX_TERMS = 12;
  var terms = words.slice(0, MAX_CHARS).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, MAX_TERMS);
  if (!terms.length) return;
  function escaped(term) { return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  // The phrase where the point has it word for word; else its words, leaving out the small ones.
  var phrase = new RegExp("(" + terms.map(escaped).join("[^\\p{L}\\p{N}]+") + ")", "giu");
  var SMALL = /^(a|an|and|are|as|at|be|but|by|for|from|has|have|in|is|it|of|on|or|that|the|this|to|was|we|with)$/;
  var someWords = terms.filter(function (term) { return term.length > 1 && !SMALL.test(term); });
  var eachWord = someWords.length && new RegExp("(" + someWords.map(escaped).join("|") + ")", "giu");

  // A key point is its heading and what follows, up to the next heading as high or higher.
  function scope() {
    var id = "";
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (error) { id = ""; }  // a malformed %
    var target = id && document.getElementById(id);
    if (!target || !/^H[1-6]$/.test(target.tagName)) return [document.querySelector("article")].filter(Boolean);
    var level = Number(target.tagName[1]), parts = [target];
    for (var next = target.nextElementSibling; next; next = next.nextElementSibling) {
      if (/^H[1-6]$/.test(next.tagName) && Number(next.tagName[1]) <= level) break;
      parts.push(next);
    }
    return parts;
  }

  function textsOf(parts) {
    var texts = [];
    parts.forEach(function (part) {
      var walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        var parent = walker.currentNode.parentElement;
        if (parent && !parent.closest(".headerlink, .point-meta, button, mark")) texts.push(walker.currentNode);
      }
    });
    return texts;
  }

  function mark(texts, pattern) {
    var marked = 0;
    texts.forEach(function (node) {
      var pieces = node.data.split(pattern);
      if (pieces.length < 2) return;
      var fragment = document.createDocumentFragment();
      pieces.forEach(function (piece, index) {
        if (!piece) return;
        if (index % 2) {
          var highlight = document.createElement("mark");
          highlight.className = "jf-highlight";
          highlight.textContent = piece;
          fragment.append(highlight);
          marked += 1;
        } else {
          fragment.append(piece);
        }
      });
      node.replaceWith(fragment);
    });
    return marked;
  }

  var parts = scope();
  if (!mark(textsOf(parts), phrase) && eachWord) mark(textsOf(parts), eachWord);
})();
