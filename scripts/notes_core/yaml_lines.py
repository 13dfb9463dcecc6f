"""YAML that remembers line numbers, so errors can point at the line to fix."""
from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict):
    """A mapping that knows the line of each key (1-based, in the file)."""
    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int):
        super().__init__(f"key '{key}' appears twice")
        self.key = key
        self.line = line


# LibYAML's parser when PyYAML has it (the wheels do): many times faster on large archives.
BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _loader(line_offset: int) -> type[yaml.SafeLoader]:
    class Loader(BASE_LOADER):
        pass

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
                raise DuplicateKey(str(key), line)
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


def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse YAML; raises yaml.YAMLError (with problem_mark) or DuplicateKey."""
    return yaml.load(text, Loader=_loader(line_offset))  # noqa: S506 - a SafeLoader subclass


def error_line(error: yaml.YAMLError, line_offset: int = 0) -> int:
    if isinstance(error, DuplicateKey):
        return error.line
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1 + line_offset) if mark is not None else 1 + line_offset


def describe(error: yaml.YAMLError) -> str:
    if isinstance(error, DuplicateKey):
        return f"key '{error.key}' appears twice; keep one of them"
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"this is not valid YAML ({problem})"
