"""Read the data files: themes, speakers, organisations, series, planned meetings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from notes_core.check.fields import check_fields, check_id, check_text, check_text_list, line_of, text_value
from notes_core.check.placeholders import check_placeholders
from notes_core.errors import ContentError, Problems, new_entry, suggest
from notes_core.model import Category, Organisation, PlannedMeeting, Speaker
from notes_core.read.source_files import read_source
from notes_core.read.yaml_lines import describe, error_line, parse_yaml

MAX_NAMES = 20  # spellings of one organisation's name
MAX_NAME_WORDS = 12  # words in one spelling

REGISTRY_FIELDS = {
    "themes": ({"id", "title", "description"}, {"title", "description"}),
    "speakers": ({"id", "name", "aliases", "organisation", "role", "former"}, {"name"}),
    "organisations": ({"id", "name", "names", "description"}, {"name"}),
    "series": ({"id", "title", "description"}, {"title", "description"}),
    "planned": (
        {"id", "series", "title", "question", "when", "announced_in"},
        {"series", "title", "when", "announced_in"},
    ),
}


def read_registry(
    data_dir: Path, name: str, root: Path, errors: list[ContentError]
) -> list[tuple[dict[str, Any], int]]:
    """Entries of data/<name>.yml with their line numbers; every problem goes to errors.

    When the file cannot be read at all, references to it are not checked one by one:
    the one error about the file says what to fix.
    """
    file = data_dir / f"{name}.yml"
    path = rel(file, root)
    problems = Problems(path, errors)
    allowed, required = REGISTRY_FIELDS[name]
    if not file.is_file():
        errors.append(
            ContentError(path, 1, f"file is missing; create it as a YAML list of {name} (see CONTRIBUTING.md)")
        )
        return []
    text = read_source(file, path, errors)
    if text is None:
        return []
    check_placeholders(text, problems)
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        errors.append(ContentError(path, error_line(error), describe(error, text)))
        return []
    if data is None:
        data = []
    if not isinstance(data, list):
        errors.append(ContentError(path, 1, f"expected a list of {name}, each starting with `- id: ...`"))
        return []
    if not data and name != "planned":
        errors.append(ContentError(path, 1, f"no {name} are defined; add at least one entry starting with `- id: ...`"))
    entries: list[tuple[dict[str, Any], int]] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        line = data.item_lines[index] if hasattr(data, "item_lines") else 1
        if not isinstance(entry, dict):
            errors.append(
                ContentError(path, line, f"each entry must be a mapping starting with `- id: ...`, not {entry!r}")
            )
            continue
        line = line_of(entry, line)("id")
        ident = check_id(entry.get("id"), problems, line, f"{name} entry")
        check_fields(entry, allowed, problems, line_of(entry, line), f"{name} '{ident or '?'}'")
        valid = [
            check_text(entry, key, problems, line_of(entry, line)(key), f"{name} '{ident or '?'}'")
            for key in sorted(required)
        ]
        if ident is None or None in valid:
            continue
        if ident in seen:
            errors.append(
                ContentError(
                    path, line, f"{name} id '{ident}' is used twice (first on line {seen[ident]}); ids must be unique"
                )
            )
            continue
        seen[ident] = line
        entries.append((entry, line))
    return entries


def load_categories(data_dir: Path, name: str, root: Path, errors: list[ContentError]) -> dict[str, Category]:
    """data/themes.yml or data/series.yml: entries with an id, a title and a description."""
    categories = {}
    for entry, _line in read_registry(data_dir, name, root, errors):
        title, description = text_value(entry, "title"), text_value(entry, "description")
        if title and description:
            categories[entry["id"]] = Category(entry["id"], title, description)
    return categories


def load_organisations(data_dir: Path, root: Path, errors: list[ContentError]) -> dict[str, Organisation]:
    organisations = {}
    path = rel(data_dir / "organisations.yml", root)
    problems = Problems(path, errors)
    for entry, line in read_registry(data_dir, "organisations", root, errors):
        name = text_value(entry, "name")
        names = check_text_list(
            entry, "names", problems, line_of(entry, line)("names"), f"organisation '{entry['id']}'"
        )
        description = check_text(entry, "description", problems, line, "", required=False) or ""
        long = [n for n in names or (name or "",) if len(n.split()) > MAX_NAME_WORDS]
        if long or len(names) > MAX_NAMES:
            problems.add(
                line_of(entry, line)("names"),
                f"organisation '{entry['id']}': give at most {MAX_NAMES} names of at "
                f"most {MAX_NAME_WORDS} words each (the text is searched for every one)",
            )
        elif name:
            organisations[entry["id"]] = Organisation(entry["id"], name, names or (name,), description)
    return organisations


def load_speakers(
    data_dir: Path, root: Path, organisations: dict[str, Organisation], errors: list[ContentError]
) -> dict[str, Speaker]:
    speakers = {}
    path = rel(data_dir / "speakers.yml", root)
    problems = Problems(path, errors)
    for entry, line in read_registry(data_dir, "speakers", root, errors):
        where = line_of(entry, line)
        what = f"speaker '{entry['id']}'"
        name = text_value(entry, "name")
        aliases = check_text_list(entry, "aliases", problems, where("aliases"), what)
        role = check_text(entry, "role", problems, where("role"), what, required=False)
        organisation = check_text(entry, "organisation", problems, where("organisation"), what, required=False)
        if organisation and organisation not in organisations:
            entry_text, paste = new_entry("organisation", organisation)
            errors.append(
                ContentError(
                    path,
                    where("organisation"),
                    f"{what}: unknown organisation id '{organisation}'{suggest(organisation, organisations.keys())} "
                    f"(organisations live in data/organisations.yml){entry_text}",
                    paste,
                )
            )
            organisation = None
        former = entry.get("former", False)
        if not isinstance(former, bool):
            problems.add(
                where("former"),
                f"{what}: 'former' is true or false (true when the notes say the speaker was at the organisation "
                "before, e.g. 'Former CEO', 'Previously at')",
            )
            former = False
        if name:
            speakers[entry["id"]] = Speaker(entry["id"], name, aliases, organisation, role, former)
    return speakers


def load_planned(data_dir: Path, root: Path, errors: list[ContentError]) -> list[tuple[PlannedMeeting, int]]:
    planned = []
    path = rel(data_dir / "planned.yml", root)
    problems = Problems(path, errors)
    for entry, line in read_registry(data_dir, "planned", root, errors):
        # Required fields: read_registry has checked them, so text_value finds text.
        series, title, when, announced_in = (
            text_value(entry, key) or "" for key in ("series", "title", "when", "announced_in")
        )
        question = check_text(entry, "question", problems, line, "", required=False) or ""
        planned.append((PlannedMeeting(entry["id"], series, title, question, when, announced_in), line))
    return planned


def rel(file: Path, root: Path) -> str:
    """The file's path in the project as a contributor sees it: a link is named where it is, never by where it
    leads (nor by this machine's full path)."""
    try:
        return (file.parent.resolve() / file.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.name
