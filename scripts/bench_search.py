#!/usr/bin/env python3
"""Site search measured in a real browser: bytes over the wire and the time to the first results.

    python scripts/bench_search.py SITE_DIR "first phrase" "second phrase" ...

Serves a built site as a static host does (local_server: gzip), opens Debian's Chromium at a
phone's viewport, and searches as a reader does, through the header's search, whichever engine
the site has (Pagefind, or Material's own search): open it with the header's search button (or
"/"), type into `input.md-search__input`, read `.md-search-result__item`. Bytes are Chromium's
own count (CDP `Network.loadingFinished` encodedDataLength: headers and gzip body, as Playwright
reports it), from the page and from its workers. Prints one JSON object; see BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chromium import FLAGS, require_chromium
from local_server import serve, served_size

# What each engine fetches for search alone. Material's search UI is part of its one bundle, which
# every page loads whatever the engine: not counted as search.
SEARCH_FILES = {
    "material": re.compile(
        r"/search/search_index\.json$"  # the whole index
        r"|/assets/javascripts/workers/search\.[^/]*\.js$"  # lunr and its glue, in a worker
        r"|/assets/javascripts/lunr/"  # language support (none for English)
    ),
    "pagefind": re.compile(
        r"/pagefind/"  # engine, worker, WebAssembly, index chunks, fragments
        r"|/javascripts/search[^/]*\.js$"  # the site's own search UI
    ),
}
# The header's search button: Material's label for its search toggle, or the site's own button.
OPEN_SEARCH = '.md-header__button[for="__search"], .md-header__button[data-jf-search-open]'
QUERY = "input.md-search__input"
RESULT = ".md-search-result__item"
PHONE = {"width": 412, "height": 860}
TYPING_MS = 120  # from key to key: a fast typist (100 words a minute); a UI may search at each key
HOLD_MS = 50  # each key held down this long (at most half of TYPING_MS)
RESULTS_TIMEOUT_MS = 30_000
QUIET_MS = 500  # the network is idle after this long with nothing in flight
TOP_FILES = 8
TELLING_LENGTH = 8  # letters: longer than any of the English stop words Material's search (lunr) drops

# In the page before its own scripts: the time of the query's last `input` event (its last key going
# down), and of the first result added to the page after it (a MutationObserver, so whatever renders
# the results). A search for the words typed so far may still be on its way when the last key goes
# down, so the results must answer the query typed: a list that says which query it answers does
# (data-query, the site's own search); Material's does not, and searches when a key comes up
# (`keyup`), so only results shown after the last key came up are its answer to the whole query.
TIMING_FUNCTION = """
(QUERY, RESULT) => {
  const bench = (window.__searchBench = { lastInput: 0, firstResult: null, query: "", released: false });
  document.addEventListener("input", (event) => {
    if (event.target instanceof Element && event.target.matches(QUERY)) {
      bench.lastInput = performance.now();
      bench.firstResult = null;
      bench.query = event.target.value.trim();
      bench.released = false;
    }
  }, true);
  document.addEventListener("keyup", (event) => {
    if (event.target instanceof Element && event.target.matches(QUERY)) bench.released = true;
  }, true);
  const answers = (node) => {
    const list = node.closest("[data-query]");
    return list === null ? bench.released : list.getAttribute("data-query") === bench.query;
  };
  const isResult = (node) =>
    node instanceof Element && (node.matches(RESULT) || node.querySelector(RESULT) !== null) && answers(node);
  new MutationObserver((records) => {
    if (bench.firstResult !== null || !bench.lastInput) return;
    if (records.some((record) => [...record.addedNodes].some(isResult))) bench.firstResult = performance.now();
  }).observe(document, { childList: true, subtree: true });
}
"""
TIMING = f"({TIMING_FUNCTION})({json.dumps(QUERY)}, {json.dumps(RESULT)});"


def is_search_file(url: str, engine: str) -> bool:
    return SEARCH_FILES[engine].search(url.split("?", 1)[0]) is not None


def search_on_disk(site: Path) -> dict[str, Any]:
    """Which engine the built site has, and what its search weighs on disk (before gzip)."""
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        files = [p for p in pagefind.rglob("*") if p.is_file()]
        ui = list((site / "javascripts").glob("search*.js"))
        # The index proper: what Pagefind writes per page and per word, without its engine and UI.
        index = [p for p in files if p.suffix in (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")]
        engine = "pagefind"
    elif (site / "search" / "search_index.json").is_file():
        index = [site / "search" / "search_index.json"]
        ui = []
        files = index + list((site / "assets" / "javascripts" / "workers").glob("search.*.js"))
        engine = "material"
    else:
        raise FileNotFoundError(f"{site} has no search: neither pagefind/ nor search/search_index.json")
    return {
        "engine": engine,
        "search_index_kb": kb(sum(p.stat().st_size for p in index)),
        "search_disk_kb": kb(sum(p.stat().st_size for p in files + ui)),
        "search_disk_files": len(files + ui),
    }


def kb(size: float) -> float:
    return round(size / 1024, 1)


def phrases_from_meetings(meetings: Path, count: int) -> list[str]:
    """Four consecutive plain words from the text of `count` key points spread over the archive, as a
    reader would type them (lower case, no punctuation)."""
    candidates = []
    for file in sorted(meetings.glob("*.md")):
        for text in point_texts(file.read_text(encoding="utf-8")):
            words = text.split()
            plain = [re.fullmatch(r"[A-Za-z]+", word) is not None for word in words]
            windows = [words[i : i + 4] for i in range(len(words) - 3) if all(plain[i : i + 4])]
            # A window with a word of eight letters or more where there is one: no search engine drops such a
            # word as a stop word, so every phrase typed has something to find ("and and their and" has not).
            telling = [window for window in windows if any(len(word) >= TELLING_LENGTH for word in window)]
            windows = telling or windows
            if windows:
                candidates.append(" ".join(windows[len(windows) // 2]).lower())
    if len(candidates) < count:
        raise ValueError(f"{meetings} has {len(candidates)} key points with four plain words in a row; {count} needed")
    step = len(candidates) / count
    return [candidates[int(i * step)] for i in range(count)]


def point_texts(markdown: str) -> list[str]:
    """The first paragraph under each key point's heading (after its `themes:`-style field lines)."""
    texts, lines = [], markdown.splitlines()
    for number, line in enumerate(lines):
        if not line.startswith("### "):
            continue
        paragraph: list[str] = []
        for following in lines[number + 1 :]:
            if following.startswith("#"):
                break
            if not paragraph and (not following.strip() or re.match(r"^[a-z_-]+: ", following)):
                continue
            if not following.strip():
                break
            paragraph.append(following.strip())
        if paragraph:
            texts.append(" ".join(paragraph))
    return texts


class Network:
    """Every request of one page and of its workers, with the bytes Chromium counted for it.

    Playwright reports them, workers' too, with Chromium's count (`request.sizes()`: CDP's
    `Network.loadingFinished` encodedDataLength, split into headers and gzip body). A CDP session of
    our own would miss a worker's first requests: the worker starts before such a session listens.
    A dedicated worker's own script is counted by Chromium as its headers alone: its body is counted
    as the local server sends it, gzipped.
    """

    def __init__(self, context: Any, page: Any, site: Path) -> None:
        self.site = site
        self.requests: list[Any] = []  # in the order they were sent
        self.ended: set[int] = set()  # finished or failed
        self.worker_scripts: set[str] = set()
        context.on("request", lambda request: self.requests.append(request))
        context.on("requestfinished", lambda request: self.ended.add(id(request)))
        context.on("requestfailed", lambda request: self.ended.add(id(request)))
        page.on("worker", lambda worker: self.worker_scripts.add(worker.url))

    def size(self, request: Any) -> int:
        if request.failure is not None:
            return 0
        sizes = request.sizes()
        body = sizes["responseBodySize"]
        if request.url in self.worker_scripts:
            body = served_size(self.site, urlsplit(request.url).path)
        return int(sizes["responseHeadersSize"] + body)

    def mark(self) -> int:
        return len(self.requests)

    def wait_idle(self, page: Any, timeout_s: float = 30) -> None:
        """Until nothing has been in flight for QUIET_MS (events arrive while Playwright waits)."""
        deadline, quiet_since = time.monotonic() + timeout_s, None
        while time.monotonic() < deadline:
            page.wait_for_timeout(50)
            if any(id(request) not in self.ended for request in self.requests):
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= QUIET_MS / 1000:
                return
        busy = [request.url for request in self.requests if id(request) not in self.ended]
        raise TimeoutError(f"the network was still busy after {timeout_s} s: {', '.join(busy)}")

    def files(self, start: int, end: int | None = None) -> dict[str, int]:
        """Bytes per address of the requests sent between two marks."""
        per_url: dict[str, int] = defaultdict(int)
        for request in self.requests[start:end]:
            if request.url.startswith("http"):
                per_url[request.url] += self.size(request)
        return dict(per_url)


def search(page: Any, query: str, typing_ms: int) -> float:
    """Type `query` into the open search; milliseconds from its last key going down to the first result shown."""
    hold = min(HOLD_MS, typing_ms // 2)
    for character in query:
        page.keyboard.down(character)
        page.wait_for_timeout(hold)
        page.keyboard.up(character)
        page.wait_for_timeout(typing_ms - hold)
    wait_until(page, "window.__searchBench.firstResult !== null", RESULTS_TIMEOUT_MS, f"no result for {query!r}")
    return float(page.evaluate("window.__searchBench.firstResult - window.__searchBench.lastInput"))


def clear(page: Any) -> None:
    page.fill(QUERY, "")  # an `input` event, as deleting the query would send
    wait_until(page, f"document.querySelector({json.dumps(RESULT)}) === null", 5_000, "the results stay after clearing")


def wait_until(page: Any, expression: str, timeout_ms: int, failure: str) -> None:
    """Poll from outside the page: Playwright's wait_for_function evaluates strings, which the site's
    Content-Security-Policy forbids (the timing itself is taken in the page)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{failure} within {timeout_ms} ms")
        page.wait_for_timeout(20)


def open_search(page: Any) -> None:
    button = page.locator(OPEN_SEARCH)
    if button.is_visible():
        button.click()
    else:
        page.keyboard.press("/")
    page.locator(QUERY).wait_for(state="visible")


def one_visit(browser: Any, site: Path, url: str, queries: list[str], typing_ms: int) -> dict[str, Any]:
    """A reader's first visit (empty cache): load the home page, wait for the network to settle, then search."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    try:
        page = context.new_page()
        page.add_init_script(TIMING)
        network = Network(context, page, site)
        page.goto(url)
        network.wait_idle(page)
        loaded = network.mark()
        open_search(page)
        cold_ms = search(page, queries[0], typing_ms)
        shown = network.mark()
        network.wait_idle(page)  # what the results shown go on to fetch (Pagefind's fragments, for one)
        settled = network.mark()
        warm_ms = []
        for query in queries[1:]:
            clear(page)
            warm_ms.append(search(page, query, typing_ms))
        return {
            "load": network.files(0, loaded),
            "first_query": network.files(loaded, shown),
            "first_query_settled": network.files(loaded, settled),
            "cold_ms": cold_ms,
            "warm_ms": warm_ms,
        }
    finally:
        context.close()


def measure_search(
    site: Path, queries: list[str], runs: int = 3, warm: int = 2, typing_ms: int = TYPING_MS
) -> dict[str, Any]:
    """`runs` first visits, each searching for its own first query and then `warm` more.

    search_load_kb: search files fetched while the page loads; search_first_query_kb: everything
    fetched from opening search until the first query's results are shown (its _settled variant:
    until the network is idle again); search_total_kb: the two together. Times in milliseconds
    from the last keystroke to the first result: cold is the first query of a visit (median of
    the runs), warm the queries after it (median of all)."""
    from playwright.sync_api import sync_playwright

    needed = runs * (1 + warm)
    if len(queries) < needed:
        raise ValueError(f"{runs} runs of {1 + warm} queries need {needed} queries; {len(queries)} given")
    visits = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=FLAGS)
        try:
            for run in range(runs):
                visit_queries = queries[run * (1 + warm) : (run + 1) * (1 + warm)]
                visits.append(one_visit(browser, site, url, visit_queries, typing_ms))
        finally:
            browser.close()

    disk = search_on_disk(site)

    def search_kb(files: dict[str, int]) -> float:
        return sum(size for address, size in files.items() if is_search_file(address, disk["engine"])) / 1024

    load_kb = statistics.median(search_kb(v["load"]) for v in visits)
    first_kb = statistics.median(sum(v["first_query"].values()) / 1024 for v in visits)
    first = visits[0]
    return {
        **disk,
        "page_load_kb": round(statistics.median(sum(v["load"].values()) / 1024 for v in visits), 1),
        "search_load_kb": round(load_kb, 1),
        "search_first_query_kb": round(first_kb, 1),
        "search_first_query_settled_kb": round(
            statistics.median(sum(v["first_query_settled"].values()) / 1024 for v in visits), 1
        ),
        "search_total_kb": round(load_kb + first_kb, 1),
        "first_results_ms_cold": round(statistics.median(v["cold_ms"] for v in visits), 1),
        "first_results_ms_warm": round(statistics.median(ms for v in visits for ms in v["warm_ms"]), 1)
        if warm
        else None,
        "first_results_ms_all": [[round(v["cold_ms"], 1)] + [round(ms, 1) for ms in v["warm_ms"]] for v in visits],
        "queries": queries[:needed],
        # The first visit's heaviest files, relative to the site's root: what the figures are made of.
        "top_files_load": top_files(first["load"], url),
        "top_files_first_query": top_files(first["first_query_settled"], url),
        "first_query_by_kind_kb": by_kind(first["first_query_settled"]),
    }


def by_kind(files: dict[str, int]) -> dict[str, list[float]]:
    """Requests and kilobytes per kind of file (its name's ending: .pf_index, .pf_fragment, .js, ...)."""
    kinds: dict[str, list[float]] = {}
    for address, size in files.items():
        name = urlsplit(address).path.rsplit("/", 1)[-1]
        kind = "." + name.rsplit(".", 1)[-1] if "." in name else name or "/"
        count, total = kinds.get(kind, [0, 0.0])
        kinds[kind] = [count + 1, total + size]
    return {kind: [count, kb(total)] for kind, (count, total) in sorted(kinds.items(), key=lambda item: -item[1][1])}


def top_files(files: dict[str, int], root: str) -> list[list[Any]]:
    heaviest = sorted(files.items(), key=lambda item: -item[1])[:TOP_FILES]
    return [[address.removeprefix(root) or "/", kb(size)] for address, size in heaviest]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("queries", nargs="*", help="phrases to search for (default: from the meetings of --meetings)")
    parser.add_argument("--meetings", type=Path, default=Path("docs/meetings"), help="where to take phrases from")
    parser.add_argument("--runs", type=int, default=3, help="first visits, each with its own first query")
    parser.add_argument("--warm", type=int, default=2, help="queries after the first, in each visit")
    parser.add_argument("--typing-ms", type=int, default=TYPING_MS, help=f"from key to key (default {TYPING_MS})")
    args = parser.parse_intermixed_args(argv)
    queries = args.queries or phrases_from_meetings(args.meetings, args.runs * (1 + args.warm))
    print(json.dumps(measure_search(args.site, queries, args.runs, args.warm, args.typing_ms)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
