"""`make import`: a circulated write-up becomes a draft meeting file, checked as a hand-written one is.

The draft holds every paragraph of the write-up as it was written, marked up by writeup_draft.py, with `FILL IN`
wherever only a person can say: each point's title (a label is kept as the title), a summary, the confirmation of
the themes suggested for each point, and of what was left out. New speakers and organisations are proposed as
entries at the end of data/speakers.yml and data/organisations.yml; the announced meeting the write-up writes up
leaves data/planned.yml, and the meetings its "Future meetings" part announces join it.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

from notes_core.addresses import meeting_page
from notes_core.authoring.new_meeting import next_order
from notes_core.authoring.suggest_themes import ThemeSuggester, example
from notes_core.authoring.writeup_draft import ID_STOP, SITE_NOTE, Draft, DraftPoint, Piece, build_draft, unique_id
from notes_core.check.archive import load_drafts, written_up
from notes_core.check.fields import ID_PATTERN, MAX_LONG_TEXT, MAX_TEXT, text_problem
from notes_core.check.placeholders import PLACEHOLDER
from notes_core.check.registries import load_categories, load_organisations, load_planned, load_speakers
from notes_core.errors import ContentError
from notes_core.model import Meeting
from notes_core.read.meeting_file import read_meeting_file
from notes_core.read.writeup import read_writeup
from notes_core.read.writeup_parts import EMAIL, PHONE, POSTCODE, LeftOut, Writeup, WriteupError
from notes_core.read.yaml_lines import parse_yaml
from notes_core.settings import Settings

FILL = PLACEHOLDER
TITLE_FILL = f"{FILL}: a short title saying what the point claims"
SERIES_WORDS = re.compile(r"(?i)^joining forces\s*[:,–-]?\s*(?:(?:for|to|in|on|with)\s+)?")


@dataclass
class ImportResult:
    path: Path
    slug: str
    draft: Draft
    registry_changes: list[str] = field(default_factory=list)  # what was written to data/, said to the contributor
    proposals: list[str] = field(default_factory=list)  # entries to add by hand (a draft outside the site)


def meeting_slug(title: str) -> str:
    """The file name from the title, as the archive's are: 'Joining forces: unequal alliances' -> unequal-alliances."""
    rest = SERIES_WORDS.sub("", title.strip()) or title
    slug = slugify(rest.replace("’", "").replace("'", ""), "-")[:60].strip("-")
    return slug if ID_PATTERN.match(slug or "") else ""


def archive_examples(
    settings: Settings,
) -> tuple[list[tuple[str, str, tuple[str, ...]]], set[str], list[tuple[str, str, str]]]:
    """The archive's key points (id, text, themes) for the suggestions, every point id in use or retired, and the
    points' words (id, meeting file, text) to find a write-up's point that is already on the site."""
    archive, _problems = load_drafts(settings)
    examples = [example(p) for p in archive.points.values()]
    files = {m.slug: m.path for m in archive.meetings}
    words = [(p.id, files.get(p.meeting, p.meeting), p.text) for p in archive.points.values()]
    taken = set(archive.points)
    errors: list[ContentError] = []
    for file in sorted(settings.meetings_dir.glob("*.md")) if settings.meetings_dir.is_dir() else []:
        raw = read_meeting_file(file, file.name, errors)
        if raw is not None:
            taken |= {p.id for p in raw.points if p.id}
    permalinks = settings.data_dir / "permalinks.yml"
    if permalinks.is_file():
        try:
            data = parse_yaml(permalinks.read_text(encoding="utf-8"))
        except Exception:  # a broken permalinks file is the check's to report; ids are still checked there
            data = None
        redirects = data.get("point_redirects") if isinstance(data, dict) else None
        if isinstance(redirects, dict):
            taken |= {str(key) for key in redirects}
    return examples, taken, words


SENTENCE_END = re.compile(r"(?<=[.!?…])[’”'\")]*\s+")
TWIN_WORDS = 5  # a sentence this long or longer counts when looking for a point already on the site
TWIN_SHARE = 0.5  # the share of a point's sentences that another point has, for it to be "already on the site"


def sentence_keys(text: str) -> set[str]:
    """The point's sentences, as words only (case, quotes and punctuation aside), the short ones left out."""
    keys = set()
    for sentence in SENTENCE_END.split(text):
        words = re.findall(r"[a-z0-9]+", sentence.casefold().replace("’", "'"))
        if len(words) >= TWIN_WORDS:
            keys.add(" ".join(words))
    return keys


def find_already(draft: Draft, existing: list[tuple[str, str, str]]) -> None:
    """Mark each draft point whose sentences (at least half of them, the same words) are a point on the site."""
    owners: dict[str, list[int]] = {}
    keys_of = [sentence_keys(text) for _i, _f, text in existing]
    for index, keys in enumerate(keys_of):
        for key in keys:
            owners.setdefault(key, []).append(index)
    for point in draft.points:
        keys = sentence_keys(point.text)
        if not keys:
            continue
        counts: dict[int, int] = {}
        for key in keys:
            for index in owners.get(key, []):
                counts[index] = counts.get(index, 0) + 1
        best = max(counts, key=lambda i: counts[i], default=None)
        if best is not None and counts[best] >= TWIN_SHARE * len(keys):
            point.already = (existing[best][0], existing[best][1])


def import_writeup(
    settings: Settings,
    source: Path,
    output: Path | None = None,
    series: str = "joining-forces",
    title_hint: str = "",
    question_hint: str = "",
    shown: str | None = None,
) -> ImportResult:
    """Write the draft; raises WriteupError for a write-up that cannot be read or a file that would be overwritten."""
    writeup = read_writeup(source, shown)
    return import_read_writeup(settings, writeup, output, series, title_hint, question_hint)


def import_read_writeup(
    settings: Settings,
    writeup: Writeup,
    output: Path | None = None,
    series: str = "joining-forces",
    title_hint: str = "",
    question_hint: str = "",
    date: str = "",
) -> ImportResult:
    errors: list[ContentError] = []
    data, root = settings.data_dir, settings.root
    themes = load_categories(data, "themes", root, errors)
    organisations = load_organisations(data, root, errors)
    speakers = load_speakers(data, root, organisations, errors)
    if not themes:
        raise WriteupError("data/themes.yml", 1, "no themes could be read; run `make check` and fix data/ first")
    examples, taken, existing = archive_examples(settings)
    draft = build_draft(
        writeup, speakers, organisations, ThemeSuggester(examples, themes), taken, title_hint, question_hint
    )
    find_already(draft, existing)
    slug = meeting_slug(draft.title) or "new-meeting"
    in_site = output is None or output.resolve().parent == settings.meetings_dir.resolve()
    path = output or settings.docs_dir / meeting_page(slug)
    if path.exists():
        shown_path = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        raise WriteupError(
            writeup.path,
            1,
            f"{shown_path} already exists; give another file with --output, or delete that file to import again",
        )
    slug = path.stem if in_site else slug
    order = next_order(settings.meetings_dir, series) if settings.meetings_dir.is_dir() else 1
    result = ImportResult(path, slug, draft)
    text = render_draft(draft, series, order, date)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    entries = registry_entries(draft)
    if in_site:
        for file, lines in entries.items():
            if lines:
                append_entries(data / file, lines)
                result.registry_changes.append(f"data/{file}: {len(lines_entries(lines))} new entries to confirm")
        planned = update_planned(settings, draft, slug, series)
        result.registry_changes += planned
    else:
        result.proposals = [f"data/{file}:\n" + "".join(lines) for file, lines in entries.items() if lines]
    return result


def same_words(a: str, b: str) -> bool:
    a, b = (re.sub(r"[^a-z0-9 ]", "", text.casefold()) for text in (a, b))
    return bool(a) and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def lines_entries(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("- id:")]


def yaml_text(value: str) -> str:
    """A one-line YAML string, in double quotes (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


def safe_field(value: str, limit: int, fill: str) -> str:
    value = " ".join(value.split())
    return value if value and text_problem(value, limit) is None and not value.startswith(FILL) else fill


def render_draft(draft: Draft, series: str, order: int, date: str = "") -> str:
    title = safe_field(draft.title, MAX_TEXT, f"{FILL}: the meeting's title")
    question = safe_field(
        draft.question, MAX_LONG_TEXT, f"{FILL}: the question the meeting discussed, copied from the notes"
    )
    lines = ["---", f"title: {yaml_text(title)}", f"question: {yaml_text(question)}", f"series: {series}"]
    lines.append(f"order: {order}")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        lines.append(f"date: {date}")
    lines.append("speakers:")
    if not draft.speakers:
        lines.append(f"  - id: fill-in-speaker-id  # {FILL}: who spoke (speakers live in data/speakers.yml)")
    for ident, role in draft.speakers:
        lines.append(f"  - id: {ident}")
        role = " ".join(role.split())
        if role and text_problem(role, MAX_TEXT) is None:
            lines.append(f"    role: {yaml_text(role)}")
    lines.append("themes:")
    used: list[str] = []
    for point in draft.points:
        for theme in point.suggestion.themes:
            if theme not in used:
                used.append(theme)
    lines += [f"  - {theme}" for theme in used] or ["  - fill-in-theme-id"]
    lines.append(f'summary: "{FILL}: one sentence of your own saying what the meeting was about"')
    lines += ["---", ""]
    if draft.left_out:
        lines += left_out_comment(draft.left_out, draft.notes) + [""]
    elif draft.notes:
        lines += left_out_comment([], draft.notes) + [""]
    for piece in draft.pieces:
        lines += render_piece(piece, draft.markdown)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_piece(piece: Piece, markdown: bool) -> list[str]:
    if piece.kind == "heading":
        return [f"{'#' * piece.level} {escape_heading(piece.text)}", ""]
    if piece.kind == "site-heading":
        return [f"## {piece.text}", "", SITE_NOTE, ""]
    if piece.kind == "items":
        numbered = bool(piece.blocks and piece.blocks[0].numbered)
        return [f"{'1.' if numbered else '-'} {escape_text(piece.text, True, markdown)}", ""]
    if piece.kind == "text":
        return [escape_text(piece.text, False, markdown), ""]
    assert piece.point is not None
    return render_point(piece.point, markdown)


def render_point(point: DraftPoint, markdown: bool = False) -> list[str]:
    if point.label and len(point.label.split()) >= 2:
        title = point.label
    elif point.label:
        title = f"{point.label}: {FILL} the gist of the point"
    else:
        title = TITLE_FILL
    lines = [f"{'#' * point.level} {escape_heading(title)} {{#{point.ident}}}"]
    themes = point.suggestion.themes
    lines.append(f"themes: {', '.join(themes) if themes else 'fill-in-theme-id'}")
    if point.speaker:
        lines.append(f"speaker: {point.speaker}")
    like = ", ".join(point.suggestion.like)
    lines.append(
        f"<!-- {FILL}: themes suggested by the import"
        + (f" (from the archive's points most like this one: {like})" if like else "")
        + "; keep, change or add themes, then delete this line -->"
    )
    if point.already:
        twin, file = point.already
        lines.append(
            f"<!-- {FILL}: these words are already on the site, in point '{twin}' ({comment_safe(file)}). If this "
            f"meeting states that point again, add the line `twin: {twin}` under this point's `themes:` and "
            f"`speaker:` lines, and `twin: {point.ident}` under that point's; if the write-up repeats it by mistake, "
            "delete this point. Then delete this line -->"
        )
    lines.append("")
    previous = ""
    for block in point.blocks:
        if block.kind == "item":
            lines.append(f"{'1.' if block.numbered else '-'} {escape_text(block.text, True, markdown)}")
        else:
            if previous == "item":
                lines.append("")
            lines += [escape_text(block.text, False, markdown), ""]
        previous = block.kind
    if previous == "item":
        lines.append("")
    return lines


def left_out_comment(left_out: list[LeftOut], notes: list[str]) -> list[str]:
    lines = [
        f"<!-- {FILL}: the import left these out as not part of the write-up (contact details are masked here); "
        "check that none of them belongs to it (copy back any that does), then delete this comment."
    ]
    for item in left_out:
        where = f"line {item.line}" if item.line else "document"
        lines.append(f"  {where} ({item.why}): {comment_safe(mask(item.text))}")
    for note in notes:
        lines.append(f"  note: {comment_safe(note)}")
    lines.append("-->")
    return lines


def mask(text: str) -> str:
    text = EMAIL.sub("[email address]", text)
    text = PHONE.sub("[phone number]", text)
    text = POSTCODE.sub("[postcode]", text)
    return text if len(text) <= 120 else text[:119] + "…"


def comment_safe(text: str) -> str:
    """Nothing can end the HTML comment early."""
    return re.sub(r"-{2,}", lambda m: "‐" * len(m.group(0)), text).replace(">", "›").replace("<", "‹")


BLOCK_START = re.compile(r"(#|>|[-+*=_](?=\s|$)|[-=_*]{3,}|\d{1,9}[.)](?=\s|$)|!!!|\?\?\?|\||\s)")


def escape_text(text: str, item: bool = False, markdown: bool = False) -> str:
    """The write-up's words as Markdown that shows them as they are: no line can start a heading, a quote, a list
    or a box, no tag or attribute list is made, and emphasis marks stay marks. A Markdown write-up is kept as it
    was written (the check then says what the site would not show)."""
    text = " ".join(text.split())
    if markdown:
        return text
    text = text.replace("\\", "\\\\").replace("<", "&lt;").replace("`", "\\`")
    text = re.sub(r"([*_{}\[\]])", r"\\\1", text)
    if not item:
        found = BLOCK_START.match(text)
        if found:
            text = "\\" + text if not found.group(0)[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def escape_heading(text: str) -> str:
    text = escape_text(text, item=True)
    return text.rstrip("#").rstrip() or FILL


def registry_entries(draft: Draft) -> dict[str, list[str]]:
    speakers: list[str] = []
    for speaker in draft.new_speakers:
        speakers += [
            f"# {FILL}: proposed by the import from the write-up (line {speaker.line}); check the name's spelling "
            "and that they spoke, then delete this line\n",
            f"- id: {speaker.ident}\n",
            f"  name: {yaml_text(speaker.name)}\n",
        ]
        if speaker.organisation:
            speakers.append(f"  organisation: {speaker.organisation}\n")
    organisations: list[str] = []
    for organisation in draft.new_organisations:
        organisations += [
            f"# {FILL}: proposed by the import from the write-up (line {organisation.line}); check the name and "
            "add other spellings the notes use under names, then delete this line\n",
            f"- id: {organisation.ident}\n",
            f"  name: {yaml_text(organisation.name)}\n",
            f"  names: [{yaml_text(organisation.name)}]\n",
        ]
    return {"speakers.yml": speakers, "organisations.yml": organisations}


def append_entries(file: Path, lines: list[str]) -> None:
    text = file.read_text(encoding="utf-8") if file.is_file() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    file.write_text(text + "".join(lines), encoding="utf-8")


def update_planned(settings: Settings, draft: Draft, slug: str, series: str) -> list[str]:
    """Remove the announced meeting this write-up writes up; add those it announces."""
    changes: list[str] = []
    file = settings.data_dir / "planned.yml"
    errors: list[ContentError] = []
    planned = load_planned(settings.data_dir, settings.root, errors) if file.is_file() else []
    text = file.read_text(encoding="utf-8") if file.is_file() else ""
    lines = text.split("\n")
    meeting = Meeting(slug, "", draft.title, draft.question, series, 0, None, (), (), "", (), "")
    remove: list[tuple[int, int]] = []
    removed: list[tuple[int, str]] = []
    for index, (plan, line) in enumerate(planned):
        if written_up(plan, [meeting]) is not None:
            removed.append((index, plan.id))
            start = line - 1
            end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("- ")), len(lines))
            while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
                end -= 1
            remove.append((start, end))
            changes.append(
                f"data/planned.yml: removed '{plan.id}', announced in {plan.announced_in}: this is its write-up"
            )
    for start, end in sorted(remove, reverse=True):
        del lines[start:end]
    ids = {plan.id for plan, _line in planned}
    added = []
    kept = [plan for index, (plan, _line) in enumerate(planned) if not any(index == i for i, _r in removed)]
    for announced in draft.announced:
        if any(same_words(plan.title, announced.title) for plan in kept):
            continue  # announced already (by this write-up, imported before, or another meeting)
        words = [
            w for w in re.findall(r"[A-Za-z0-9]+", SERIES_WORDS.sub("", announced.title)) if w.lower() not in ID_STOP
        ]
        ident = unique_id(slugify(" ".join(words[:4]), "-") or "announced-meeting", ids)
        if not ID_PATTERN.match(ident) or any(text_problem(v, MAX_LONG_TEXT) for v in vars(announced).values()):
            continue
        ids.add(ident)
        added += [
            f"- id: {ident}",
            f"  series: {series}",
            f"  title: {yaml_text(announced.title)}",
            f"  question: {yaml_text(announced.question)}",
            f"  when: {yaml_text(announced.when)}",
            f"  announced_in: {slug}",
        ]
        changes.append(f"data/planned.yml: added '{ident}', announced in this write-up's closing lines")
    if remove or added:
        body = "\n".join(lines).rstrip("\n")
        if body.strip() in ("[]", ""):
            body = "\n".join(line for line in lines if line.lstrip().startswith("#")).rstrip("\n")
        file.write_text((body + "\n" if body else "") + "".join(f"{line}\n" for line in added), encoding="utf-8")
    return changes
