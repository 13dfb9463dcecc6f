#!/usr/bin/env python3
"""Benchmark: build synthetic archives of N meetings with the real configuration and hook.

    python scripts/bench.py --meetings 100 1000 [--keep DIR] [--search [--builds 2]]

Prints one JSON line per N: meetings, pages, build_s (the best of --builds), plain_material_s (the same meeting
files built by Material alone, best of as many builds, alternating with the project's) and over_plain_material
(their ratio), own_code_share (the share of a profiled build spent in code under scripts/), markdown_floor_s,
ratio, script_s (time inside the hook's events, all they call included), peak_mib, largest_page_kb,
search_engine, search_index_kb. Then the growth from the first size to the last, and one line comparing the
real site's build with an empty Material site, both measured in this run. See BENCHMARKS.md.

With --search, each project (each N, and the real site) is also built a second time with
Material's own search plugin in place of the project's search, and both builds are searched
in Chromium (scripts/bench_search.py): each line then carries `search`, with `project` and
`material` entries of build_s (the best of --builds, built in alternating order) and the
browser's figures, and the real site has a line of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
sys.path.insert(0, str(SCRIPTS))

from bench_archive import write_archive  # noqa: E402
from bench_search import TYPING_MS, measure_search, phrases_from_meetings, search_on_disk  # noqa: E402

COPIED = [
    "mkdocs.yml",
    "overrides",
    "scripts",
    "docs/about.md",
    "docs/.nav.yml",
    "docs/assets",
    "docs/javascripts",
    "docs/stylesheets",
]
# The real home page links to real themes; the synthetic one links to what every archive has.
HOME = """# Synthetic archive

[Meetings](meetings/index.md) · [Principles](principles/index.md) · [Themes](themes/index.md) ·
[Speakers](speakers/index.md) · [Organisations](organisations/index.md) · [Theme map](connections/index.md)

<!-- theme-map -->
"""
# Material's search for comparison, with a separator that also splits on typographic punctuation
# (the notes' curly quotes, dashes and ellipses), as a JavaScript regular expression.
MATERIAL_SEARCH = {"search": {"separator": r"[\s\-\u2018\u2019\u201c\u201d\u2013\u2014\u2026?!.,;:()]+"}}
VARIANTS = ("project", "material")
SEARCH_WARM = 2  # queries after the first in each visit


def make_project(folder: Path, meetings: int) -> None:
    for name in COPIED:
        source, target = ROOT / name, folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    (folder / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    write_archive(folder, meetings)


def timed_hooks(config) -> dict[str, float]:
    """Wrap the project's hook functions so the time spent in them is counted."""
    spent = {"script_s": 0.0}
    for event, methods in config.plugins.events.items():
        for index, method in enumerate(methods):
            if "notes_hook" in getattr(method, "__module__", ""):

                def wrapper(*args, _method=method, _event=event, **kwargs):
                    start = time.perf_counter()
                    try:
                        return _method(*args, **kwargs)
                    finally:
                        took = time.perf_counter() - start
                        spent["script_s"] += took
                        spent[_event] = spent.get(_event, 0.0) + took

                methods[index] = wrapper
    return spent


def markdown_floor(folder: Path, config) -> float:
    """Seconds Python-Markdown alone takes to convert the meeting files, with the site's extensions."""
    import markdown

    bodies = []
    for file in sorted((folder / "docs" / "meetings").glob("*.md")):
        text = file.read_text(encoding="utf-8")
        bodies.append(text.split("\n---\n", 1)[1] if text.startswith("---\n") else text)
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    start = time.perf_counter()
    for body in bodies:
        converter.reset()
        converter.convert(body)
    return time.perf_counter() - start


def variant_settings(folder: Path, variant: str) -> dict:
    """Settings that override the project's mkdocs.yml: for the `material` variant, Material's own
    search plugin in place of whatever search the project has, the other plugins kept."""
    if variant == "project":
        return {}
    from mkdocs.utils.yaml import yaml_load

    with open(folder / "mkdocs.yml", encoding="utf-8") as file:
        plugins = yaml_load(file).get("plugins") or []
    names = [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    return {"plugins": [MATERIAL_SEARCH] + [p for p, name in zip(plugins, names, strict=True) if name != "search"]}


def measure(folder: Path, site: Path, settings: dict) -> dict:
    """One build of the project in `folder` into `site`, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    config = load_config(config_file=str(folder / "mkdocs.yml"), site_dir=str(site), strict=True, **settings)
    spent = timed_hooks(config)
    start = time.perf_counter()
    build(config)
    build_s = time.perf_counter() - start
    floor = markdown_floor(folder, config)
    html = list(site.rglob("*.html"))
    disk = search_on_disk(site)
    return {
        "pages": len(html),
        "build_s": round(build_s, 3),
        "markdown_floor_s": round(floor, 3),
        "ratio": round(build_s / floor, 2) if floor else None,
        "script_s": round(spent["script_s"], 3),
        "script_share": round(spent["script_s"] / build_s, 3),
        "script_by_event_s": {k: round(v, 3) for k, v in spent.items() if k != "script_s"},
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "largest_page_kb": round(max(p.stat().st_size for p in html) / 1024, 1),
        "largest_page": max(html, key=lambda p: p.stat().st_size).relative_to(site).as_posix(),
        "search_engine": disk["engine"],
        "search_index_kb": disk["search_index_kb"],
    }


def plain_material_s(folder: Path) -> float:
    """The same meeting files built by plain Material: no hook, no generated pages, no plugins
    but search, the site's Markdown extensions, meetings in one folder per series and
    navigation.prune. What Material itself costs for this content, for comparison."""
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    plain = folder / "plain"
    for file in (folder / "docs" / "meetings").glob("*.md"):
        series = re.search(r"^series: (\S+)$", file.read_text(encoding="utf-8"), re.M).group(1)
        target = plain / "docs" / series / file.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(file, target)
    (plain / "docs" / "index.md").write_text("# Plain\n", encoding="utf-8")
    real = load_config(config_file=str(folder / "mkdocs.yml"))
    extensions = [
        {name: real.mdx_configs[name]} if name in real.mdx_configs else name for name in real.markdown_extensions
    ]
    config_text = yaml.safe_dump(
        {
            "site_name": "Plain",
            "theme": {"name": "material", "font": False, "features": ["navigation.prune"]},
            "plugins": ["search"],
            "markdown_extensions": extensions,
        }
    )
    (plain / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    config = load_config(config_file=str(plain / "mkdocs.yml"), site_dir=str(plain / "site"))
    start = time.perf_counter()
    build(config)
    elapsed = time.perf_counter() - start
    return elapsed


@dataclass(frozen=True)
class SearchRun:
    """How the built sites are searched in Chromium: visits per site, and the pause between keys."""

    runs: int
    typing_ms: int

    def arguments(self) -> list[str]:
        return ["--search", "--search-runs", str(self.runs), "--typing-ms", str(self.typing_ms)]

    def figures(self, folder: Path, site: Path) -> dict:
        """The built site searched for phrases of its own meetings."""
        queries = phrases_from_meetings(folder / "docs" / "meetings", self.runs * (1 + SEARCH_WARM))
        return measure_search(site, queries, runs=self.runs, warm=SEARCH_WARM, typing_ms=self.typing_ms)


def run_one(
    meetings: int,
    keep: Path | None,
    variant: str = "project",
    search: SearchRun | None = None,
    build_only: bool = False,
    builds: int = 2,
) -> dict:
    """One archive of `meetings` meetings: the project built `builds` times, alternating with plain Material on
    the same meeting files, the best of each kept (`build_s_runs`, `plain_material_s_runs` have every run), and
    one more build under a profiler for the share of the build spent in the project's own code."""
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{meetings}-"))
    try:
        make_project(folder, meetings)
        settings = variant_settings(folder, variant)
        compare = variant == "project" and not build_only
        runs, plains = [], []
        for _ in range(builds if compare else 1):
            shutil.rmtree(folder / "site", ignore_errors=True)
            runs.append(measure(folder, folder / "site", settings))
            if compare:
                plains.append(plain_material_s(folder))
        best = min(runs, key=lambda run: run["build_s"])
        result = {"meetings": meetings, **best, "build_s_runs": [run["build_s"] for run in runs]}
        if compare:
            plain = min(plains)
            result["plain_material_s"] = round(plain, 3)
            result["plain_material_s_runs"] = [round(p, 3) for p in plains]
            result["plain_material_ratio"] = (
                round(plain / result["markdown_floor_s"], 2) if result["markdown_floor_s"] else None
            )
            result["over_plain_material"] = round(best["build_s"] / plain, 2)
            result.update(own_code_share(folder, settings))
        if search and not build_only:
            result["search"] = search.figures(folder, folder / "site")
        if keep and not build_only:
            target = keep / (f"meetings-{meetings}" + ("" if variant == "project" else f"-{variant}"))
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(folder, target)
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def own_code_share(folder: Path, settings: dict) -> dict:
    """The build once more under cProfile: the share of its time spent in code under the project's scripts/
    (the adapter, the core and its templates, whose compiled code Jinja names by their files), counted as each
    function's own time, not what it calls. The profiler slows Python code more than compiled code, so the share
    is an estimate; the unprofiled builds give the times. The permanent pages' writing process (build/writer.py) is
    not profiled: its time is almost all the system's (creating files), so counting it would lower the share."""
    import cProfile
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(folder / "mkdocs.yml"), site_dir=str(folder / "site-profiled"), **settings)
    profile = cProfile.Profile()
    profile.enable()
    build(config)
    profile.disable()
    # The project's copy of scripts/, and this repository's (the core is imported once per process, from here).
    places = tuple(str(path.resolve()) + os.sep for path in (folder / "scripts", SCRIPTS))
    own = total = 0.0
    by_file: dict[str, float] = {}
    for (file, _line, _name), (_calls, _primitive, own_time, _cumulative, _callers) in pstats.Stats(
        profile
    ).stats.items():  # type: ignore[attr-defined]
        total += own_time
        place = next((place for place in places if file.startswith(place)), None)
        if place is not None:
            own += own_time
            name = file[len(place) :]
            by_file[name] = by_file.get(name, 0.0) + own_time
    top = sorted(by_file.items(), key=lambda item: -item[1])[:8]
    return {
        "own_code_share": round(own / total, 3) if total else None,
        "own_code_top": {name: round(seconds / total, 3) for name, seconds in top},
    }


def run_real(variant: str, search: SearchRun | None, build_only: bool) -> dict:
    """The repository itself, built into a temporary folder and searched."""
    with tempfile.TemporaryDirectory(prefix="bench-real-") as tmp:
        site = Path(tmp) / "site"
        result = {"site": "real", **measure(ROOT, site, variant_settings(ROOT, variant))}
        if search and not build_only:
            result["search"] = search.figures(ROOT, site)
        return result


def one_process(arguments: list[str]) -> dict:
    """This script in a fresh process, so that peak memory and caches belong to one build alone."""
    command = [sys.executable, __file__] + arguments
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{' '.join(arguments)}: failed (exit code {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def both_variants(arguments: list[str], search: SearchRun, builds: int) -> dict:
    """The project and its Material-search variant, each built `builds` times in fresh processes, the
    order alternating between rounds (a machine that slows down during the run slows both alike), and
    searched after its first build. The project's first row, with `search`: per variant, the best
    build time (`build_s`), every build time, and the search figures."""
    rows: dict[str, dict] = {}
    times: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    for round_ in range(builds):
        for variant in VARIANTS if round_ % 2 == 0 else VARIANTS[::-1]:
            extra = search.arguments() if round_ == 0 else ["--build-only"]
            row = one_process([*arguments, "--variant", variant, *extra])
            rows.setdefault(variant, row)
            times[variant].append(row["build_s"])
    figures = {
        variant: {"build_s": min(times[variant]), "build_s_runs": times[variant], **rows[variant]["search"]}
        for variant in VARIANTS
    }
    return {**rows["project"], "build_s": figures["project"]["build_s"], "search": figures}


def build_seconds(config_file: Path, runs: int = 3) -> float:
    """Best wall time of `mkdocs build` as a new process (what a contributor waits for)."""
    best = float("inf")
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", out],
                check=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                capture_output=True,
            )
            best = min(best, time.perf_counter() - start)
    return best


def compare_with_empty_site() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp)
        (empty / "docs").mkdir()
        (empty / "docs" / "index.md").write_text("# Empty\n", encoding="utf-8")
        (empty / "mkdocs.yml").write_text("site_name: Empty\ntheme:\n  name: material\n", encoding="utf-8")
        empty_s = build_seconds(empty / "mkdocs.yml")
        real_s = build_seconds(ROOT / "mkdocs.yml")
    return {
        "real_site_s": round(real_s, 3),
        "empty_material_s": round(empty_s, 3),
        "real_over_empty": round(real_s / empty_s, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build synthetic archives and report build time against the Markdown floor."
    )
    parser.add_argument("--meetings", type=int, nargs="+", default=[100, 1000], help="archive sizes to build")
    parser.add_argument("--keep", type=Path, help="keep each generated archive (and its site) in DIR/meetings-N")
    parser.add_argument(
        "--no-real",
        "--no-empty",
        action="store_true",
        help="skip the real site (its comparison with an empty Material site, and its search)",
    )
    parser.add_argument(
        "--search",
        action="store_true",
        help="also build each project with Material's search, and measure both searches in Chromium",
    )
    parser.add_argument("--search-runs", type=int, default=3, help="first visits per site searched (default 3)")
    parser.add_argument("--typing-ms", type=int, default=TYPING_MS, help=f"from key to key (default {TYPING_MS})")
    parser.add_argument(
        "--builds",
        type=int,
        default=2,
        help="builds of the project and of plain Material, the best of each kept (default 2; with --search, of each "
        "search variant)",
    )
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--real", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--variant", choices=VARIANTS, default="project", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    search = SearchRun(args.search_runs, args.typing_ms) if args.search else None
    if args.one:
        builds = 1 if search else args.builds
        print(json.dumps(run_one(args.one, args.keep, args.variant, search, args.build_only, builds)))
        return 0
    if args.real:
        print(json.dumps(run_real(args.variant, search, args.build_only)))
        return 0
    keep = ["--keep", str(args.keep)] if args.keep else []
    results = []
    for meetings in args.meetings:
        # A fresh process per size (and variant), so peak memory and caches belong to one build alone.
        if search:
            result = both_variants(["--one", str(meetings), *keep], search, args.builds)
        else:
            result = one_process(["--one", str(meetings), "--builds", str(args.builds), *keep])
        results.append(result)
        print(json.dumps(result), flush=True)
    if len(results) > 1:
        print(
            json.dumps(
                {
                    "growth": {
                        f"{results[0]['meetings']}->{results[-1]['meetings']}": round(
                            results[-1]["build_s"] / results[0]["build_s"], 2
                        )
                    }
                }
            )
        )
    if not args.no_real:
        print(json.dumps(compare_with_empty_site()))
        if search:
            print(json.dumps(both_variants(["--real"], search, args.builds)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
