"""YAML read into plain values that remember where they were written.

PyYAML's own loader turns `2025-3-1` into a date and crashes on `2025-13-01`; here every
scalar keeps its source text, so each field's checker decides what the text means and
reports it against the field, at its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml


@dataclass(frozen=True)
class Located:
    """A YAML value with its 1-based position in the file.

    `value` is str, bool, int, float or None for scalars (dates stay as text),
    a list of Located for sequences, and a dict of key -> Entry for mappings.
    """

    value: Any
    line: int
    column: int
    kind: str  # "str", "bool", "int", "float", "null", "timestamp", "seq", "map" or another tag
    raw: str | None = None
    duplicates: list[Entry] = field(default_factory=list)
    start: int = 0  # character offsets of the value's source text in the file
    end: int = 0

    @property
    def is_text(self) -> bool:
        return self.kind in {"str", "timestamp"}


@dataclass(frozen=True)
class Entry:
    key: Located
    value: Located


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _TolerantLoader(yaml.SafeLoader):
    """Composes any tag (e.g. mkdocs.yml's `!!python/name:` and `!ENV`) without running it."""


_SCALAR_KINDS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}


def load_located(text: str, *, first_line: int = 1, first_index: int = 0) -> Located | None:
    """Parse YAML `text` that starts on line `first_line` (character `first_index`) of its
    file. None if it is empty."""
    try:
        node = yaml.compose(text, Loader=_TolerantLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        column = (mark.column if mark else 0) + 1
        what = exc.problem or "cannot be read"
        if exc.context:
            what = f"{what} ({exc.context})"
        raise YamlSyntaxError(what, line, column) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on control characters
        raise YamlSyntaxError(str(exc).splitlines()[0], first_line, 1) from None
    if node is None:
        return None
    return _convert(node, first_line - 1, first_index)


def _convert(node: yaml.Node, offset: int, index: int) -> Located:
    line, column = node.start_mark.line + 1 + offset, node.start_mark.column + 1
    start, end = node.start_mark.index + index, node.end_mark.index + index
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, Entry] = {}
        duplicates: list[Entry] = []
        for key_node, value_node in node.value:
            key = _convert(key_node, offset, index)
            entry = Entry(key, _convert(value_node, offset, index))
            name = str(key.value)
            if name in entries:
                duplicates.append(entry)
            else:
                entries[name] = entry
        return Located(entries, line, column, "map", duplicates=duplicates, start=start, end=end)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, offset, index) for item in node.value]
        return Located(items, line, column, "seq", start=start, end=end)
    assert isinstance(node, yaml.ScalarNode)
    kind = _SCALAR_KINDS.get(node.tag, node.tag)
    raw = node.value
    value: Any = raw
    loader = _TolerantLoader("")
    if kind == "bool":
        value = loader.construct_yaml_bool(node)
    elif kind == "int":
        value = loader.construct_yaml_int(node)
    elif kind == "float":
        value = loader.construct_yaml_float(node)
    elif kind == "null":
        value = None
    return Located(value, line, column, kind, raw=raw, start=start, end=end)


def plain(located: Located | None) -> Any:
    """The value without positions (lists and dicts rebuilt), e.g. for generic settings."""
    if located is None:
        return None
    if located.kind == "map":
        return {k: plain(e.value) for k, e in located.value.items()}
    if located.kind == "seq":
        return [plain(item) for item in located.value]
    return located.value
