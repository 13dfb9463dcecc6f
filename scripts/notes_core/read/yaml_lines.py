"""YAML that remembers line numbers, so errors can point at the line to fix.

Contributors' YAML is read defensively: dates and long numbers stay text (they are validated
where they are used), anchors and aliases are refused (an alias bomb expands to gigabytes),
and nesting and size are bounded, so no file can crash or stall the check.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

MAX_DEPTH = 12  # registries and front matter nest three or four levels at most
MAX_YAML_BYTES = 2_000_000


class LineDict(dict[Any, Any]):
    """A mapping that knows the line of each key (1-based, in the file)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    line: int = 0
    item_lines: list[int]


class PlainYAMLError(yaml.YAMLError):
    """A problem found before or while loading, described in plain words, with its line."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


# LibYAML's parser when PyYAML has it (the wheels do): many times faster on large archives.
BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Only what the content model needs is typed: null, true/false and small whole numbers written plainly (order).
# Everything else (dates, floats, 5,000-digit numbers, 0x.., 1_000) stays text, and so does a number with a sign
# or a leading zero ("08", "007", "+5"): as text it keeps the contributor's characters, where as a number YAML
# would read "010" as octal (8) and fail on "08".
IMPLICIT = [
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), list("~nN")),
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    ("tag:yaml.org,2002:int", re.compile(r"^(?:0|[1-9][0-9]{0,8})$"), list("0123456789")),
]


def _loader(line_offset: int) -> type[yaml.SafeLoader]:
    class Loader(BASE_LOADER):  # type: ignore[valid-type,misc]
        yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}

    for tag, pattern, first in IMPLICIT:
        Loader.add_implicit_resolver(tag, pattern, first)

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1 + line_offset
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1 + line_offset
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            if key in result:
                raise PlainYAMLError(f"key '{key}' appears twice; keep one of them", line)
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[str(key)] = line
        return result

    def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
        result = LineList(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1 + line_offset
        result.item_lines = [child.start_mark.line + 1 + line_offset for child in node.value]
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


def _scan(text: str, loader: type, line_offset: int) -> None:
    """Refuse anchors, aliases, explicit tags and deep nesting before anything is built."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = (event.start_mark.line if event.start_mark else 0) + 1 + line_offset
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise PlainYAMLError(
                "anchors and aliases (`&name`, `*name`) are not allowed; write the value out in full", line
            )
        tag = getattr(event, "tag", None)  # only explicit tags: `!!python/object`, `!!binary`, ...
        if tag is not None and tag != "!":
            raise PlainYAMLError(
                f"the YAML tag '{tag}' is not allowed; write plain text, lists and `name: value` fields", line
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise PlainYAMLError(
                    f"lists and fields are nested more than {MAX_DEPTH} levels deep; flatten them", line
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse YAML; raises yaml.YAMLError (with problem_mark) or PlainYAMLError."""
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise PlainYAMLError(
            f"the YAML is larger than {MAX_YAML_BYTES // 1_000_000} MB; split it or shorten it", 1 + line_offset
        )
    loader = _loader(line_offset)
    _scan(text, loader, line_offset)
    return yaml.load(text, Loader=loader)  # a SafeLoader subclass


def error_line(error: yaml.YAMLError, line_offset: int = 0) -> int:
    if isinstance(error, PlainYAMLError):
        return error.line
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1 + line_offset) if mark is not None else 1 + line_offset


# LibYAML's words for the usual mistakes, and what a contributor should do about each.
CAUSES = [
    (
        "mapping values are not allowed",
        "a value contains a colon followed by a space (put the whole value in double quotes, e.g. "
        '`title: "Power: who holds it"`), or this line is indented more than the lines around it',
    ),
    (
        "cannot start any token",
        "a value starts with a character YAML reserves (such as @, ` or %); put the value in double quotes",
    ),
    ("found unexpected end of stream", "a quote is opened and never closed; add the closing quote"),
    ("while scanning a quoted scalar", "a quote is opened and never closed; add the closing quote"),
    (
        "did not find expected ',' or ']'",
        "a list opened with [ is not closed; add the closing ] (or write one `- item` per line)",
    ),
    (
        "did not find expected ',' or '}'",
        "a { is not closed; add the closing } or, in a text value, put the text in double quotes",
    ),
    ("did not find expected key", "the indentation is uneven; line the fields up with the ones above"),
    (
        "did not find expected '-' indicator",
        "a list item is indented differently from the others; line the `- ` items up",
    ),
    ("found undefined alias", "anchors and aliases (`&name`, `*name`) are not allowed; write the value out in full"),
    (
        "expected <block end>, but found",
        "the indentation is uneven, or a value with a quote in the middle needs quotes around it all",
    ),
    (
        "found unknown escape character",
        "a backslash inside double quotes starts an unknown escape; write \\\\ for a backslash, or use single quotes",
    ),
    (
        "expected alphabetic or numeric character",
        "a value starts with & or *, which YAML reserves; put the value in double quotes",
    ),
    ("found a tab character", "a tab is used for indenting; YAML needs spaces"),
]


def describe(error: yaml.YAMLError, text: str = "") -> str:
    """Plain words for a YAML error; `text` (the YAML that was parsed) lets a tab be named as the cause."""
    if isinstance(error, PlainYAMLError):
        return error.message
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    where = f"at column {mark.column + 1}" if mark is not None else ""
    line = text.split("\n")[mark.line] if mark is not None and mark.line < text.count("\n") + 1 else ""
    if mark is not None and "\t" in line[: mark.column + 1]:
        return f"this is not valid YAML {where}: a tab is used for indenting; YAML needs spaces"
    for words, cause in CAUSES:
        if words in problem or words in context:
            return f"this is not valid YAML {where}: {cause}".replace("  ", " ")
    return f"this is not valid YAML {where} ({problem}); check the quotes, colons and indentation on this line".replace(
        "  ", " "
    )
