"""YAML read into plain values that remember where they were written.

PyYAML's own loader turns `2025-3-1` into a date and crashes on `2025-13-01`; here every
scalar keeps its source text, so each field's checker decides what the text means and
reports it against the field, at its line and column.

Reading is bounded: anchors and aliases are refused (in front matter) or their expansion
capped (in settings), nesting is limited, and the parser's common complaints are put into
plain English with the fix.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem
from .rules import problem

MAX_DEPTH = 20  # lists and mappings inside each other; front matter needs 3, mkdocs.yml about 6
MAX_NODES = 100_000  # values after aliases are expanded (settings only)


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
    tag: str = ""  # the node's tag as YAML resolved it, e.g. 'tag:yaml.org,2002:seq'

    @property
    def is_text(self) -> bool:
        return self.kind in {"str", "timestamp"}


@dataclass(frozen=True)
class Entry:
    key: Located
    value: Located


class YamlSyntaxError(Exception):
    """YAML that cannot be read: `message` says what is wrong and how to fix it."""

    def __init__(
        self, message: str, line: int, column: int, rule: str = "frontmatter.yaml"
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.rule = rule

    def as_problem(self, relpath: str) -> Problem:
        """The problem for a document's front matter."""
        message = self.message
        if self.rule == "frontmatter.yaml":
            message = f"the front matter is not valid YAML: {message}"
        return problem(self.rule, relpath, self.line, self.column, message)


class _Refused(Exception):
    def __init__(self, message: str, mark: yaml.Mark, rule: str) -> None:
        super().__init__(message)
        self.message, self.mark, self.rule = message, mark, rule


class _BoundedComposer(yaml.composer.Composer):
    """Composes any tag (e.g. mkdocs.yml's `!!python/name:` and `!ENV`) without running it.

    Refuses nesting deeper than MAX_DEPTH and, unless `aliases`, every anchor and alias;
    allowed aliases may not refer to themselves, nor expand past MAX_DEPTH or MAX_NODES.
    The events come from PyYAML's own parser or from libyaml's (see `_CLoader`); the
    composing, and so every one of these checks, is always this Python code.
    """

    aliases = False
    depth = 0
    expanded = 0  # values in the document so far, aliases expanded
    # per composed node: how many values it holds and how deep it goes, aliases expanded
    sizes: dict[int, tuple[int, int]]

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event: Any = self.peek_event()  # type: ignore[attr-defined]
        alias = isinstance(event, yaml.AliasEvent)
        if not self.aliases and (alias or getattr(event, "anchor", None) is not None):
            raise _Refused(
                "anchors ('&name') and aliases ('*name') cannot be used here; write each value "
                "out in full (a value that starts with '&' or '*' goes in quotes: "
                'title: "*...")',
                event.start_mark,
                "frontmatter.alias",
            )
        if alias and event.anchor in self.anchors:  # an unknown alias: PyYAML says so
            target = self.anchors[event.anchor]
            size, height = self.sizes.get(id(target), (MAX_NODES, MAX_DEPTH))
            self.expanded += size
            if self.expanded > MAX_NODES or self.depth + height > MAX_DEPTH:
                raise _Refused(
                    f"the alias '*{event.anchor}' refers to itself, or the aliases expand to "
                    "too much; write the values out in full",
                    event.start_mark,
                    "frontmatter.alias",
                )
        else:
            self.expanded += 1
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(
                    f"lists and fields are nested more than {MAX_DEPTH} levels deep here; "
                    "front matter needs only a few levels",
                    event.start_mark,
                    "frontmatter.nesting",
                )
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        if not alias and node is not None:
            children: list[yaml.Node] = []
            if isinstance(node, yaml.SequenceNode):
                children = node.value
            elif isinstance(node, yaml.MappingNode):
                children = [part for pair in node.value for part in pair]
            inner = [self.sizes[id(child)] for child in children]
            self.sizes[id(node)] = (
                1 + sum(size for size, _ in inner),
                1 + max((height for _, height in inner), default=0),
            )
        return node


class _PureLoader(_BoundedComposer, yaml.SafeLoader):
    """PyYAML's pure-Python reader, scanner and parser."""


try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: the pure loader does everything
    _CLoader: type | None = None
else:

    class _CLoaderClass(_BoundedComposer, _CParser, yaml.resolver.Resolver):
        """libyaml's scanner and parser (C, several times faster) under the same composer.

        Only text that PyYAML reads without complaint is given to it, and it must give the same
        tree; anything it refuses is read again by `_PureLoader`, so that every error and its
        plain-English explanation is PyYAML's own."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _CLoader = _CLoaderClass

# Text the C parser is not given, because PyYAML reads it differently (found by comparing the
# two on random text, tests/test_located_loaders.py): what PyYAML's reader refuses; characters
# whose positions the two could count differently (a byte-order mark, tabs, carriage returns,
# the Unicode line breaks); a comment straight after a block scalar's indicator; tags; and '?'
# where a list or mapping in brackets may hold it. Documents rarely hold any of these.
_PURE_ONLY = re.compile(
    f"{yaml.reader.Reader.NON_PRINTABLE.pattern}|[\t\ufeff\r\x85\u2028\u2029]"
    r"|[|>][0-9+-]*#|(?:^|[\s\[\]{},])!"
)


def _pure_only(text: str) -> bool:
    return bool(_PURE_ONLY.search(text)) or ("?" in text and ("[" in text or "{" in text))


class _NotTheSame(Exception):
    """libyaml's tree would differ from PyYAML's here: read the text with PyYAML instead."""


_SCALAR_KINDS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}


def load_located(
    text: str, *, first_line: int = 1, first_index: int = 0, aliases: bool = False
) -> Located | None:
    """Parse YAML `text` that starts on line `first_line` (character `first_index`) of its
    file. None if it is empty. Anchors and aliases are refused unless `aliases` (and then
    their expansion is bounded).

    libyaml's parser is used where installed; whatever it cannot read is read again by the
    pure-Python one, whose errors are the ones reported (the two give the same trees: see
    tests/test_located_loaders.py)."""
    if _CLoader is not None and not _pure_only(text):
        try:
            return _load(_CLoader, text, first_line, first_index, aliases)
        except (YamlSyntaxError, _NotTheSame):
            pass
    return _load(_PureLoader, text, first_line, first_index, aliases)


def _load(
    loader_class: type, text: str, first_line: int, first_index: int, aliases: bool
) -> Located | None:
    loader: Any = None
    try:
        loader = loader_class(text)  # PyYAML's reader refuses some characters at once
        loader.aliases = aliases
        loader.sizes = {}
        node = loader.get_single_node()
        if node is None:
            return None
        # libyaml's lines and columns can differ from PyYAML's at the very end of the text;
        # its character offsets do not, so its positions are counted from them.
        lines = None if loader_class is _PureLoader else _LineStarts(text)
        return _Converter(first_line - 1, first_index, lines).convert(node)
    except _Refused as exc:
        raise YamlSyntaxError(
            exc.message, exc.mark.line + first_line, exc.mark.column + 1, exc.rule
        ) from None
    except yaml.MarkedYAMLError as exc:
        message, line, column = explain(exc, text)
        raise YamlSyntaxError(message, line + first_line, column + 1) from None
    except yaml.reader.ReaderError as exc:  # control characters, when not caught before
        line = text.count("\n", 0, exc.position)
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1)
        raise YamlSyntaxError(
            f"a control character (U+{exc.character:04X}) that YAML cannot hold; delete it",
            line + first_line,
            column + 1,
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


class _LineStarts:
    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def position(self, index: int) -> tuple[int, int]:
        """0-based line and column of a character offset."""
        line = bisect.bisect_right(self.starts, index) - 1
        return line, index - self.starts[line]


class _Converter:
    """Composed nodes into Located values (aliases, when allowed, were bounded already)."""

    def __init__(self, offset: int, index: int, lines: _LineStarts | None = None) -> None:
        self.offset, self.index, self.lines = offset, index, lines

    def convert(self, node: yaml.Node) -> Located:
        mark = node.start_mark
        at = self.lines.position(mark.index) if self.lines else (mark.line, mark.column)
        line, column = at[0] + 1 + self.offset, at[1] + 1
        start, end = mark.index + self.index, node.end_mark.index + self.index
        if isinstance(node, yaml.ScalarNode):
            if self.lines and not node.value and not node.style:
                # an empty value: libyaml places some (in {...}) where the next token starts
                raise _NotTheSame
            return _scalar(node, line, column, start, end)
        if isinstance(node, yaml.SequenceNode):
            items = [self.convert(item) for item in node.value]
            kind = "!ENV" if node.tag == "!ENV" else "seq"  # `!ENV [NAME, default]`
            return Located(items, line, column, kind, start=start, end=end, tag=node.tag)
        entries: dict[str, Entry] = {}
        duplicates: list[Entry] = []
        for key_node, value_node in node.value:
            key = self.convert(key_node)
            entry = Entry(key, self.convert(value_node))
            name = str(key.value)
            if name in entries:
                duplicates.append(entry)
            else:
                entries[name] = entry
        return Located(
            entries, line, column, "map", duplicates=duplicates, start=start, end=end, tag=node.tag
        )


_CONSTRUCTOR = yaml.constructor.SafeConstructor()  # stateless for scalars: one will do


def _scalar(node: yaml.ScalarNode, line: int, column: int, start: int, end: int) -> Located:
    kind = _SCALAR_KINDS.get(node.tag, node.tag)
    raw = node.value
    value: Any = raw
    loader = _CONSTRUCTOR
    try:
        if kind == "bool":
            value = loader.construct_yaml_bool(node)
        elif kind == "int":
            value = loader.construct_yaml_int(node)
        elif kind == "float":
            value = loader.construct_yaml_float(node)
        elif kind == "null":
            value = None
    except ValueError:  # e.g. an integer of thousands of digits: keep it as text
        kind = "str"
    return Located(value, line, column, kind, raw=raw, start=start, end=end, tag=node.tag)


def plain(located: Located | None) -> Any:
    """The value without positions (lists and dicts rebuilt), e.g. for generic settings."""
    if located is None:
        return None
    if located.kind == "map":
        return {k: plain(e.value) for k, e in located.value.items()}
    if located.kind == "seq":
        return [plain(item) for item in located.value]
    return located.value


# --------------------------------------------------------------------------------------------
# The parser's complaints in plain English
# --------------------------------------------------------------------------------------------

_FIELD = re.compile(r"^[ \t]*(?:-[ \t]+)?(?:(?P<key>[^\s:#'\"\[{][^:#]*?):[ \t]+)?")
_NO_SPACE = re.compile(r"^[ \t]*(?:-[ \t]+)?([\w-]+):(?=\S)")
_CLOSERS = {"[": "]", "{": "}"}


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int, int]:
    """What went wrong, in plain English with the fix, and where (0-based line and column)."""
    what, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    opened = exc.context_mark
    lines = text.split("\n")

    def source(number: int) -> str:
        return lines[number] if 0 <= number < len(lines) else ""

    here = source(line)
    found = _FIELD.match(here)
    key = found.group("key") if found else None
    named = f"the value of '{key}'" if key else "this value"
    example = f"{key}: " if key else ""
    if what == "mapping values are not allowed here":
        if re.fullmatch(r"[ \t]*(?:-[ \t]+)?[^\s:#][^:#]*", here[:column]):
            name = here[:column].strip(" \t-")
            return (
                f"'{name}' is indented more than the line above; start each field at the "
                "beginning of the line (to continue the value above, put the whole value "
                "on one line in quotes)",
                line,
                column,
            )
        return (
            f"{named} has ': ' in it, which YAML reads as the start of another field; "
            f'put the whole value in quotes: {example}"..."',
            line,
            column,
        )
    if what.startswith("expected <block end>, but found '<scalar>'") and found:
        value_at = found.end()
        first = here[value_at : value_at + 1]
        if first in ("'", '"'):
            other = '"' if first == "'" else "'"
            return (
                f"{named} starts with a {first} quote, so it ends at the next {first} "
                f"(the one inside the text); put it in {other} quotes instead: "
                f"{example}{other}...{first}...{other}",
                line,
                value_at,
            )
        if first in ("[", "{"):
            return (
                f"{named} starts with '{first}', which YAML reads as the start of a list; "
                f'put the whole value in quotes: {example}"{first}..."',
                line,
                value_at,
            )
    if what.startswith("expected <block end>, but found '-'"):
        return (
            "a list item ('- ...') where a field was expected; put list items under their "
            "field, e.g. 'topics:' on the line above, each item indented by two spaces",
            line,
            column,
        )
    if what.startswith("expected <block end>") and "block" in what.split("found", 1)[-1]:
        return (
            "this line is indented differently from the lines around it; line up the "
            "items of one list, or the fields of one block, in the same column",
            line,
            column,
        )
    if what.startswith("found character '\\t'"):
        where = "is indented with a tab" if not here[:column].strip() else "has a tab here"
        return (f"this line {where}; YAML needs spaces: replace the tab with spaces", line, column)
    cannot = re.match(r"found character '(.)' that cannot start any token", what)
    if cannot:
        return (
            f"a value cannot start with '{cannot.group(1)}' in YAML; put the whole value in "
            f'quotes: {example}"{cannot.group(1)}..."',
            line,
            column,
        )
    if context in ("while scanning an alias", "while scanning an anchor"):
        return (
            "a value that starts with '*' or '&' is read as a YAML alias or anchor; put the "
            f'whole value in quotes: {example}"*..."',
            opened.line if opened else line,
            opened.column if opened else column,
        )
    if what == "could not find expected ':'" and opened:
        start = source(opened.line)
        glued = _NO_SPACE.match(start)
        if glued:
            return (
                f"put a space after the colon: '{glued.group(1)}: ...'",
                opened.line,
                glued.end(),
            )
        if re.match(r"[ \t]*-\S", start):
            return ("put a space after the '-' of a list item: '- ...'", opened.line, 0)
        return (
            "this line is not a 'name: value' field; write it as one, or, if it continues "
            "the value on the line above, put that whole value on one line in quotes",
            opened.line,
            opened.column,
        )
    if opened and (
        context == "while scanning a quoted scalar" or context.startswith("while parsing a flow")
    ):
        opener = source(opened.line)[opened.column : opened.column + 1]
        closer = _CLOSERS.get(opener)
        if opener in ("'", '"'):
            other = '"' if opener == "'" else "'"
            return (
                f"the quote that opens here with {opener} is not closed; add the closing "
                f"{opener} at the end of the value (for a {opener} inside the value, put the "
                f"value in {other} quotes)",
                opened.line,
                opened.column,
            )
        if closer:
            return (
                f"the '{opener}' that opens a list here is not closed; add '{closer}' after its "
                "last item (an item with ': ' in it goes in quotes)",
                opened.line,
                opened.column,
            )
    detail = f"{what} ({context})" if context else what or "it cannot be read"
    return (
        f"{detail}; check the colon and space after each field name, the indentation and "
        "the quotes",
        line,
        column,
    )
