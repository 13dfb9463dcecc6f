// Adds a "Copy link" button to every key point, beside its "Permanent link". Without JavaScript the link is
// there to copy by hand; the point's citation, in every format, is on its permanent page ("Cite"), made by the
// site, not here. Copying uses Material's clipboard support (any element with data-clipboard-text), which also
// announces "Copied to clipboard".
(function () {
  "use strict";

  // Only the site's own markup gets a button: a key point's heading, and a permanent link to that point on the
  // site's own address (the canonical link names it), never a look-alike written in the content.
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
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "point-button";
    copy.textContent = "Copy link";
    copy.setAttribute("data-clipboard-text", new URL(link.getAttribute("href"), location.href).href);
    copy.setAttribute("aria-label", "Copy link to \u201c" + heading.textContent.trim() + "\u201d");
    link.after(" ", copy);
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
