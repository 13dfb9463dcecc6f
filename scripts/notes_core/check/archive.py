"""load_archive: read every file, check everything, and build the one model of the site."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from notes_core.check.meeting import build_meeting
from notes_core.check.placeholders import check_placeholders
from notes_core.check.registries import load_categories, load_organisations, load_planned, load_speakers, rel
from notes_core.errors import ContentError, ContentErrors, Problems, suggest
from notes_core.model import SEE_ALSO_MAX, Archive, Category, Meeting, Organisation, PlannedMeeting, Point, Speaker
from notes_core.read.meeting_file import read_meeting_file
from notes_core.settings import Settings


def load_archive(settings: Settings) -> Archive:
    """Raises ContentErrors listing every problem; never returns a half-checked archive."""
    archive, errors = load_drafts(settings)
    if errors:
        raise ContentErrors(errors)
    return archive


def load_drafts(
    settings: Settings, published_owners: dict[str, tuple[str, ...]] | None = None, unloaded: set[str] | None = None
) -> tuple[Archive, list[ContentError]]:
    """The archive of every meeting without problems, and the problems: for previewing drafts.

    Meetings with a problem (and announced meetings whose entry has one) are left out of the archive,
    so every generated page is made from checked content only. `unloaded` is given the ids of the points in
    the meetings left out, so that checks across files can run on the rest without calling them missing."""
    root, meetings_dir, data_dir = settings.root, settings.meetings_dir, settings.data_dir
    errors: list[ContentError] = []
    themes = load_categories(data_dir, "themes", root, errors)
    series = load_categories(data_dir, "series", root, errors)
    organisations = load_organisations(data_dir, root, errors)
    speakers = load_speakers(data_dir, root, organisations, errors)
    planned = load_planned(data_dir, root, errors)
    meetings: list[Meeting] = []
    if not meetings_dir.is_dir():
        errors.append(
            ContentError(
                rel(meetings_dir, root), 1, "the meetings folder is missing; meeting write-ups go in docs/meetings/"
            )
        )
        files = []
    else:
        files = meeting_files(meetings_dir)
    ids_in: dict[str, set[str]] = {}  # meeting file -> the point ids it gives, read or not
    for file in files:
        path = rel(file, root)
        raw = read_meeting_file(file, path, errors)
        if raw is None:
            ids_in[path] = set()
            continue
        ids_in[path] = {rp.id for rp in raw.points if rp.id}
        check_placeholders(raw.text, Problems(path, errors))
        meeting = build_meeting(raw, themes, speakers, series, errors)
        if meeting:
            meetings.append(meeting)
    check_unique_points(meetings, errors, published_owners or {})
    check_twins(meetings, errors)
    check_see_also(meetings, errors)
    check_unique_order(meetings, errors, {page for pages in (published_owners or {}).values() for page in pages})
    slugs = {m.slug for m in meetings}
    planned_path = rel(data_dir / "planned.yml", root)
    for plan, line in planned:
        if plan.series not in series:
            errors.append(
                ContentError(
                    planned_path,
                    line,
                    f"planned '{plan.id}': unknown series '{plan.series}'{suggest(plan.series, series.keys())}",
                )
            )
        if plan.announced_in not in slugs | {file.stem for file in files} and files:
            errors.append(
                ContentError(
                    planned_path,
                    line,
                    f"planned '{plan.id}': announced_in '{plan.announced_in}' is not a meeting "
                    f"file{suggest(plan.announced_in, slugs)}",
                )
            )
        written = written_up(plan, meetings)
        if written is not None:
            errors.append(
                ContentError(
                    planned_path,
                    line,
                    f"the announced meeting '{plan.id}' ({plan.title}) now has its write-up, "
                    f"{written.path}; delete this entry (the lines from `- id: {plan.id}` to the next `- id:`)",
                )
            )
    if not meetings and not errors:
        errors.append(
            ContentError(rel(meetings_dir, root), 1, 'there are no meeting files; add one with `make new TITLE="..."`')
        )
    failed = {error.path for error in errors}
    # A registry that cannot be read checks nothing, so a meeting may name ids it lacks: such a meeting
    # waits (the registry's own problem is reported, and fails the check) rather than break the preview.
    meetings = sorted(
        (m for m in meetings if m.path not in failed and unregistered(m, themes, speakers, series) is None),
        key=lambda m: (m.series, m.order, m.slug),
    )
    slugs = {m.slug for m in meetings}
    if unloaded is not None:
        loaded = {m.path for m in meetings}
        unloaded.update(ident for path, ids in ids_in.items() if path not in loaded for ident in ids)
    announced = [p for p, _ in planned if p.series in series and p.announced_in in slugs]
    return index_archive(meetings, announced, themes, speakers, organisations, series), errors


def meeting_files(meetings_dir: Path) -> list[Path]:
    """The meeting files: files (a link included, which the reader refuses) directly in the folder, never a
    folder or a submodule named like one (a folder inside is check/docs.py's to name)."""
    return sorted(f for f in meetings_dir.glob("*.md") if f.name != "index.md" and (f.is_symlink() or f.is_file()))


def unregistered(
    meeting: Meeting, themes: dict[str, Category], speakers: dict[str, Speaker], series: dict[str, Category]
) -> str | None:
    """The first id the meeting names that its registry does not hold, described, or None."""
    if meeting.series not in series:
        return f"the series '{meeting.series}'"
    for theme in {t for point in meeting.points for t in point.themes} | set(meeting.themes):
        if theme not in themes:
            return f"the theme '{theme}'"
    for speaker in {r.speaker for r in meeting.speakers} | {p.speaker for p in meeting.points if p.speaker}:
        if speaker not in speakers:
            return f"the speaker '{speaker}'"
    return None


def written_up(plan: PlannedMeeting, meetings: list[Meeting]) -> Meeting | None:
    """The write-up of an announced meeting: same series, and the same title or question, give or take a few words."""

    def same(a: str, b: str) -> bool:
        a, b = (re.sub(r"[^a-z0-9 ]", "", text.casefold()) for text in (a, b))
        return bool(a) and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85

    for meeting in meetings:
        if (
            meeting.series == plan.series
            and meeting.slug != plan.announced_in
            and (same(meeting.title, plan.title) or (plan.question and same(meeting.question, plan.question)))
        ):
            return meeting
    return None


def check_unique_points(
    meetings: list[Meeting], errors: list[ContentError], published_owners: dict[str, tuple[str, ...]]
) -> None:
    """The id is blamed where it is new: the meeting that published it on main keeps it."""
    first: dict[str, tuple[Meeting, int]] = {}
    for meeting in meetings:
        for point in meeting.points:
            if point.id not in first:
                first[point.id] = (meeting, point.line)
                continue
            (kept, kept_line), (new, new_line) = first[point.id], (meeting, point.line)
            if new.src_uri in published_owners.get(point.id, ()):
                (kept, kept_line), (new, new_line) = (new, new_line), (kept, kept_line)
            errors.append(
                ContentError(
                    new.path,
                    new_line,
                    f"point id '{point.id}' is already used at {kept.path}:{kept_line}; "
                    "ids must be unique across the site, so choose another",
                )
            )


def check_twins(meetings: list[Meeting], errors: list[ContentError]) -> None:
    """A point and its twin (the same idea stated in a meeting's summary and in its detail) name each other."""
    points = {point.id: (meeting, point) for meeting in meetings for point in meeting.points}
    for meeting, point in points.values():
        if point.twin is None:
            continue
        line = next((n for n in point.meta_lines if n > point.line), point.line)
        other = points.get(point.twin)
        if other is None:
            errors.append(
                ContentError(
                    meeting.path,
                    line,
                    f"point '{point.id}': twin '{point.twin}' is not a key point{suggest(point.twin, points)}",
                )
            )
        elif point.twin == point.id:
            errors.append(ContentError(meeting.path, line, f"point '{point.id}' cannot be its own twin"))
        elif other[1].twin != point.id:
            errors.append(
                ContentError(
                    other[0].path,
                    other[1].line,
                    f"point '{other[1].id}': add the line `twin: {point.id}` under "
                    f"its heading ('{point.id}' names it as its twin)",
                )
            )


def check_see_also(meetings: list[Meeting], errors: list[ContentError]) -> None:
    """A `see-also:` line names other key points of the site, not the point's twin (already linked).
    It is shown both ways: the point named lists this one too, so one line is enough; no point ends up beside
    more than SEE_ALSO_MAX chosen points."""
    points = {point.id: (meeting, point) for meeting in meetings for point in meeting.points}
    for meeting, point in points.values():
        for other in point.see_also:
            where = f"point '{point.id}': see-also"
            if other not in points:
                errors.append(
                    ContentError(
                        meeting.path,
                        point.see_also_line,
                        f"{where} '{other}' is not a key point{suggest(other, points)}; name the id of a key point "
                        "(the part in {#...} of its heading)",
                    )
                )
            elif other == point.twin:
                errors.append(
                    ContentError(
                        meeting.path,
                        point.see_also_line,
                        f"{where} names its twin '{other}', which is already linked (\"Also stated as\"); remove it",
                    )
                )
    for pid, chosen in chosen_related(meetings).items():
        if len(chosen) > SEE_ALSO_MAX:
            meeting, point = points[pid]
            errors.append(
                ContentError(
                    meeting.path,
                    point.see_also_line or point.line,
                    f"point '{pid}' would list {len(chosen)} related key points ({', '.join(chosen)}), counting the "
                    f"`see-also:` lines that name it; keep at most {SEE_ALSO_MAX} by removing some of those lines",
                )
            )


def chosen_related(meetings: list[Meeting]) -> dict[str, tuple[str, ...]]:
    """Point id -> the points an editor chose as related to it, either way round: its own `see-also:` line's ids
    first, then the points whose lines name it, in the notes' order. Names that are no key point are left out."""
    points = {point.id: point for meeting in meetings for point in meeting.points}
    chosen: dict[str, list[str]] = defaultdict(list)
    for point in points.values():
        for other in point.see_also:
            if other in points and other not in (point.id, point.twin):
                chosen[point.id].append(other)
    for point in points.values():
        for other in point.see_also:
            if other in points and other not in (point.id, point.twin) and point.id not in chosen[other]:
                chosen[other].append(point.id)
    return {pid: tuple(ids) for pid, ids in chosen.items()}


def check_unique_order(meetings: list[Meeting], errors: list[ContentError], published_pages: set[str]) -> None:
    """The number is blamed on the meeting that is new: one published on main keeps its number."""
    first: dict[tuple[str, int], Meeting] = {}
    for meeting in meetings:
        key = (meeting.series, meeting.order)
        if key not in first:
            first[key] = meeting
            continue
        kept, new = first[key], meeting
        if new.src_uri in published_pages and kept.src_uri not in published_pages:
            kept, new = new, kept
        errors.append(
            ContentError(
                new.path,
                1,
                f"order {new.order} is already used by {kept.path} in series '{new.series}'; "
                "give this meeting the next free number",
            )
        )


def index_archive(
    meetings: list[Meeting],
    planned: list[PlannedMeeting],
    themes: dict[str, Category],
    speakers: dict[str, Speaker],
    organisations: dict[str, Organisation],
    series: dict[str, Category],
) -> Archive:
    by_theme: dict[str, list[Point]] = defaultdict(list)
    by_speaker: dict[str, list[Point]] = defaultdict(list)
    by_organisation: dict[str, list[Point]] = defaultdict(list)
    meetings_by_organisation: dict[str, list[Meeting]] = defaultdict(list)
    points: dict[str, Point] = {}
    mentions = mention_finder(organisations)
    for meeting in meetings:
        for organisation in mentions(meeting.body):
            meetings_by_organisation[organisation].append(meeting)
        for point in meeting.points:
            points[point.id] = point
            for theme in point.themes:
                by_theme[theme].append(point)
            if point.speaker:
                by_speaker[point.speaker].append(point)
            for organisation in mentions(point.text):
                by_organisation[organisation].append(point)
    return Archive(
        meetings=tuple(meetings),
        planned=tuple(planned),
        themes=themes,
        speakers=speakers,
        organisations=organisations,
        series=series,
        points=points,
        points_by_theme={k: tuple(v) for k, v in by_theme.items()},
        points_by_speaker={k: tuple(v) for k, v in by_speaker.items()},
        points_by_organisation={k: tuple(v) for k, v in by_organisation.items()},
        meetings_by_slug={m.slug: m for m in meetings},
        meetings_by_organisation={k: tuple(v) for k, v in meetings_by_organisation.items()},
        see_also=chosen_related(meetings),
    )


NAME_TOKEN = re.compile(r"\w+|[^\w\s]")


def name_tokens(text: str) -> tuple[str, ...]:
    """Words and punctuation marks: names are matched as whole words."""
    return tuple(NAME_TOKEN.findall(text))


def mention_finder(organisations: dict[str, Organisation]) -> Callable[[str], list[str]]:
    """Every organisation named in a text, in order, longest name first where names overlap.

    Names are looked up word by word in a table, so the cost is the text's length times the spellings
    that start with a word (a few), however many names there are: one regex of all names was not linear."""
    owner = {name_tokens(name): org.id for org in organisations.values() for name in org.names}
    sizes: dict[str, list[int]] = defaultdict(list)  # first word -> lengths of the names it starts, longest first
    for name in owner:
        if name and len(name) not in sizes[name[0]]:
            sizes[name[0]].append(len(name))
    for lengths in sizes.values():
        lengths.sort(reverse=True)

    def find(text: str) -> list[str]:
        found: list[str] = []
        words = NAME_TOKEN.findall(text) if owner else []
        after = 0  # the first word not inside a name already found
        for start in [index for index, word in enumerate(words) if word in sizes]:  # the words a name starts with
            if start < after:
                continue
            for size in sizes[words[start]]:
                org = owner.get(tuple(words[start : start + size]))
                if org is not None:
                    if org not in found:
                        found.append(org)
                    after = start + size
                    break
        return found

    return find
