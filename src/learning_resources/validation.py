"""Checking one document's front matter and body against the declared fields and rules."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from dateutil import parser as dateutil_parser

from .dates import YEARS, plausible
from .documents import Extension, Waiver
from .fields import FIELDS, ICON_NAME, MAX_MESSAGE_LENGTH, MAX_MESSAGES, FieldSpec, FieldType
from .kinds import Kind
from .located import Located, plain
from .markdown_text import code_lines, headings, normalise_heading
from .problems import Problem, Severity
from .rules import RULES, problem
from .settings import Settings
from .source import SourceFile
from .words import did_you_mean

# How `build.py new` marks each place for the editor to write (see scaffold.py).
PROMPT = "[Write here:"

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CASE = re.compile(r"^[A-Z]{1,2}$")


@dataclass
class Checked:
    """The outcome of checking one document's front matter."""

    values: dict[str, Any] = field(default_factory=dict)
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # offsets of each value
    problems: list[Problem] = field(default_factory=list)


def check_front_matter(
    kind: Kind, source: SourceFile, front_matter: Located | None, settings: Settings
) -> Checked:
    out = Checked()
    path = source.relpath
    specs = {spec.name: spec for spec in FIELDS[kind]}
    if front_matter is None:
        if kind is not Kind.PAGE:
            out.problems.append(
                problem(
                    "frontmatter.missing",
                    path,
                    1,
                    1,
                    f"a {kind.label.lower()} needs front matter: start the file with '---', "
                    f"its fields ({', '.join(s.name for s in FIELDS[kind] if s.required)}), "
                    "then '---'",
                )
            )
        return out
    if front_matter.kind != "map":
        out.problems.append(
            problem(
                "frontmatter.not_mapping",
                path,
                front_matter.line,
                front_matter.column,
                "front matter must be 'name: value' lines",
            )
        )
        return out
    for duplicate in front_matter.duplicates:
        name = str(duplicate.key.value)
        first = front_matter.value[name].key
        out.problems.append(
            problem(
                "frontmatter.duplicate_key",
                path,
                duplicate.key.line,
                duplicate.key.column,
                f"'{name}' is given twice (first on line {first.line}); keep one of them",
                name,
            )
        )
    for name, entry in front_matter.value.items():
        spec = specs.get(name)
        if spec is None:
            out.problems.append(
                problem(
                    "schema.unknown_key",
                    path,
                    entry.key.line,
                    entry.key.column,
                    f"unknown field '{name}' for a {kind.label.lower()}{did_you_mean(name, specs)}",
                    name,
                )
            )
            continue
        out.positions[name] = (entry.value.line, entry.value.column)
        out.spans[name] = (entry.value.start, entry.value.end)
        value = _check_value(spec, entry.value, source, settings, out.problems)
        if value is not None:
            out.values[name] = value
    for spec in FIELDS[kind]:
        if spec.required and spec.name not in front_matter.value:
            out.problems.append(
                problem(
                    "schema.required",
                    path,
                    source.front_matter_line - 1,
                    1,
                    f"the required field '{spec.name}' is missing; add a line like "
                    f"'{spec.name}: {spec.example}' ({spec.description})",
                )
            )
    if kind is Kind.BRIEF:
        out.problems.extend(_case_in_title(source, out, settings))
    return out


def case_mentions(text: str, labels: tuple[str, ...]) -> list[re.Match[str]]:
    """Each 'Child K' (any of the case labels, then one or two capitals) in `text`; the
    letter is the match's first group."""
    words = "|".join(re.escape(label) for label in labels)
    return list(re.finditer(rf"\b(?:{words})\s+([A-Z]{{1,2}})\b", text))


def _case_in_title(source: SourceFile, out: Checked, settings: Settings) -> list[Problem]:
    """'Child K' in the title of case C's brief: one of the two is wrong."""
    case, title = out.values.get("case"), out.values.get("title")
    if not case or not title:
        return []
    allowed = {case, *out.values.get("related_cases", ())}
    found = []
    for match in case_mentions(title, settings.case_labels):
        if match.group(1) not in allowed:
            line, column = out.positions["title"]
            found.append(
                problem(
                    "schema.case_title",
                    source.relpath,
                    line,
                    column,
                    f"title: it says '{match.group(0)}', but this brief's case is {case}; "
                    "correct one of the two",
                    match.group(0),
                )
            )
    return found


@dataclass(frozen=True)
class _Value:
    """One front-matter value being checked against its field's declaration."""

    spec: FieldSpec
    node: Located
    source: SourceFile
    settings: Settings
    found: list[Problem]

    def bad(self, rule: str, message: str, text: str | None = None) -> None:
        self.found.append(
            problem(
                rule,
                self.source.relpath,
                self.node.line,
                self.node.column,
                f"{self.spec.name}: {message}",
                text,
            )
        )

    def bad_item(self, item: Located, rule: str, message: str, text: str) -> None:
        self.found.append(
            problem(
                rule,
                self.source.relpath,
                item.line,
                item.column,
                f"{self.spec.name}: {message}",
                text,
            )
        )

    def items(self, *, nonempty_text: bool = False) -> list[Located] | None:
        """The items of a list value; None (reported) when the value is not a list of text."""
        items: list[Located] | None = self.node.value if self.node.kind == "seq" else None
        if items is None or not all(
            i.is_text and (str(i.value).strip() or not nonempty_text) for i in items
        ):
            self.bad(
                "schema.type",
                f"expected a list in square brackets, e.g. {self.spec.name}: {self.spec.example}",
                self.node.raw,
            )
            return None
        return items

    def text(self) -> str | None:
        """A one-value field's text, stripped; None (reported) when it is not text at all."""
        node = self.node
        if not node.is_text:
            what = {"seq": "a list", "map": "fields ('name: value')"}.get(
                node.kind, f"'{node.raw}'"
            )
            quotes = "; put the text in quotes" if node.kind in {"int", "float", "bool"} else ""
            self.bad(
                "schema.type", f"expected {_describe(self.spec)}, got {what}{quotes}", node.raw
            )
            return None
        return str(node.value).strip()

    def nonempty_text(self) -> str | None:
        text = self.text()
        if text == "":
            self.bad("schema.length", "is empty; write a value or remove the line")
            return None
        return text

    def vocabulary(self) -> dict[str, str]:
        return self.settings.vocabulary(self.spec.vocabulary or self.spec.name)


def _check_value(
    spec: FieldSpec, node: Located, source: SourceFile, settings: Settings, found: list[Problem]
) -> Any:
    return _CHECKERS[spec.type](_Value(spec, node, source, settings, found))


def _bool(v: _Value) -> bool | None:
    if v.node.kind != "bool":
        v.bad("schema.type", f"expected true or false, got '{v.node.raw}'", v.node.raw)
        return None
    return bool(v.node.value)


def _text_list(v: _Value) -> tuple[str, ...] | None:
    items = v.items(nonempty_text=True)
    return None if items is None else tuple(str(i.value).strip() for i in items)


def _messages(v: _Value) -> tuple[str, ...] | None:
    texts = _text_list(v)
    if texts is None:
        return None
    if len(texts) > MAX_MESSAGES:
        v.bad("schema.length", f"has {len(texts)} lines; keep it to {MAX_MESSAGES} at most")
        return None
    for item, value in zip(v.node.value, texts, strict=True):
        if len(value) > MAX_MESSAGE_LENGTH:
            v.bad_item(
                item,
                "schema.length",
                f"is {len(value)} characters long; keep each line to {MAX_MESSAGE_LENGTH} at most",
                value,
            )
            return None
    return texts


def _case_list(v: _Value) -> tuple[str, ...] | None:
    texts = _text_list(v)
    for item, value in zip(v.node.value if texts else (), texts or (), strict=True):
        if not _CASE.match(value):
            v.bad_item(
                item, "schema.case", f"expected one or two capital letters, got '{value}'", value
            )
    return texts


def _choices(v: _Value) -> tuple[str, ...] | None:
    items = v.items()
    if items is None:
        return None
    if not items:
        if v.spec.required:
            v.bad("schema.length", f"give at least one value, e.g. {v.spec.name}: {v.spec.example}")
        return ()
    vocabulary = v.vocabulary()
    values: list[str] = []
    for item in items:
        text = str(item.value)
        if text not in vocabulary:
            v.found.append(
                _not_in_vocabulary(v.source.relpath, item, v.spec.name, text, vocabulary)
            )
        elif text in values:
            v.bad_item(item, "schema.choice", f"'{text}' is listed twice", text)
        else:
            values.append(text)
    return tuple(values)


def _date(v: _Value) -> dt.date | None:
    text = v.text()
    return None if text is None else _check_date(text, v.bad)


def _plain_text(v: _Value) -> str | None:
    return v.nonempty_text()


def _long_text(v: _Value) -> str | None:
    text = v.nonempty_text()
    limit = v.settings.summary_max_length
    if text is not None and len(text) > limit:
        v.bad(
            "schema.length",
            f"is {len(text)} characters long; keep it to {limit} at most (one or two sentences)",
        )
        return None
    return text


def _choice(v: _Value) -> str | None:
    text = v.nonempty_text()
    vocabulary = v.vocabulary()
    if text is not None and text not in vocabulary:
        v.found.append(
            _not_in_vocabulary(
                v.source.relpath, v.node, v.spec.name, text, vocabulary, rule=v.spec.rule
            )
        )
        return None
    return text


def _case(v: _Value) -> str | None:
    text = v.nonempty_text()
    return None if text is None else _check_case(text, v.settings, v.bad)


def _file(v: _Value) -> str | None:
    text = v.nonempty_text()
    return None if text is None else _check_file(text, v.source, v.bad)


def _icon(v: _Value) -> str | None:
    text = v.nonempty_text()
    if text is not None and not re.match(ICON_NAME, text):
        v.bad("schema.type", f"expected an icon's name, e.g. icon: {v.spec.example}", text)
        return None
    return text


def _settings(v: _Value) -> Any:
    if v.node.kind != "map":
        example = f"{v.spec.name}: {v.spec.example}"
        v.bad("schema.type", f"expected settings in braces, e.g. {example}", v.node.raw)
        return None
    return plain(v.node)


_CHECKERS: dict[FieldType, Callable[[_Value], Any]] = {
    FieldType.TEXT: _plain_text,
    FieldType.LONG_TEXT: _long_text,
    FieldType.DATE: _date,
    FieldType.BOOL: _bool,
    FieldType.CHOICE: _choice,
    FieldType.CHOICES: _choices,
    FieldType.CASE: _case,
    FieldType.FILE: _file,
    FieldType.EXTENSION: lambda v: _check_extension(v.spec, v.node, v.bad),
    FieldType.TEXT_LIST: _text_list,
    FieldType.CASE_LIST: _case_list,
    FieldType.MESSAGES: _messages,
    FieldType.WAIVERS: lambda v: _check_waivers(v.spec, v.node, v.source, v.found),
    FieldType.ICON: _icon,
    FieldType.SETTINGS: _settings,
    FieldType.ANY: lambda v: plain(v.node),
}


def _describe(spec: FieldSpec) -> str:
    return {
        FieldType.DATE: "a date YYYY-MM-DD",
        FieldType.CASE: "a case letter such as A",
    }.get(spec.type, "text")


def _check_date(text: str, bad: Any) -> dt.date | None:
    match = _ISO_DATE.match(text)
    if not match:
        guess = _guess_date(text)
        hint = f"; did you mean {guess.isoformat()}?" if guess else ""
        bad("schema.date", f"expected a date YYYY-MM-DD, got '{text}'{hint}", text)
        return None
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        month, day = int(match.group(2)), int(match.group(3))
        reason = (
            f"month {month} does not exist"
            if not 1 <= month <= 12
            else (f"day {day} does not exist in that month")
        )
        bad("schema.date", f"'{text}' is not a real date ({reason})", text)
        return None
    if not plausible(date):
        bad("schema.date", f"'{text}': the year cannot be right; give {YEARS}", text)
        return None
    return date


def _guess_date(text: str) -> dt.date | None:
    """What a date written another way most likely means, read as in the UK (day first)."""
    if not re.search(r"\b\d{4}\b", text):
        return None  # without a four-digit year, any guess would be a guess too far
    try:
        return dateutil_parser.parse(text, dayfirst=not re.match(r"^\d{4}", text)).date()
    except (ValueError, OverflowError):
        return None


def _check_extension(spec: FieldSpec, node: Located, bad: Any) -> Extension | None:
    entries = node.value if node.kind == "map" else None
    if entries is None or set(entries) != {"until", "reason"}:
        bad(
            "schema.type",
            f"expected the last day online and a reason, e.g. {spec.name}: {spec.example}",
            node.raw,
        )
        return None
    until, reason = entries["until"].value, entries["reason"].value
    day = _check_date(str(until.value), bad) if until.is_text else None
    if not until.is_text:
        bad("schema.date", f"until: expected a date YYYY-MM-DD, got '{until.raw}'", until.raw)
    if not reason.is_text or not str(reason.value).strip():
        bad("schema.length", "reason: say why the brief stays online longer")
        return None
    return Extension(day, str(reason.value).strip()) if day else None


def _check_waivers(
    spec: FieldSpec, node: Located, source: SourceFile, found: list[Problem]
) -> tuple[Waiver, ...] | None:
    items = node.value if node.kind == "seq" else None
    if items is None:
        found.append(
            problem(
                "schema.type",
                source.relpath,
                node.line,
                node.column,
                f"{spec.name}: expected a list, e.g. {spec.name}: {spec.example}",
            )
        )
        return None
    waivers: list[Waiver] = []
    for item in items:
        entries = item.value if item.kind == "map" else {}
        unknown = set(entries) - {"text", "reason", "rule"}
        text, reason, rule = (entries.get(k) for k in ("text", "reason", "rule"))

        def bad(rule_id: str, message: str, at: Located = item) -> None:
            found.append(
                problem(rule_id, source.relpath, at.line, at.column, f"{spec.name}: {message}")
            )

        if item.kind != "map" or unknown:
            bad("schema.type", "each waiver is {text: ..., rule: ..., reason: ...}")
            continue
        if text is None or not text.value.is_text or not str(text.value.value).strip():
            bad("schema.required", "a waiver needs the exact 'text' it allows")
            continue
        if reason is None or not reason.value.is_text or not str(reason.value.value).strip():
            bad("schema.required", "a waiver needs a 'reason': say why this text is safe")
            continue
        rule_id = str(rule.value.value) if rule is not None else None
        if rule_id is not None and (rule_id not in RULES or not rule_id.startswith("anon.")):
            anon = [r for r in RULES if r.startswith("anon.")]
            bad(
                "schema.choice",
                f"'{rule_id}' is not an anonymisation rule{did_you_mean(rule_id, anon)}",
                rule.value if rule else item,
            )
            continue
        waivers.append(
            Waiver(
                str(text.value.value),
                str(reason.value.value).strip(),
                rule_id,
                item.line,
                item.column,
            )
        )
    return tuple(waivers)


def _check_case(text: str, settings: Settings, bad: Any) -> str | None:
    if _CASE.match(text):
        return text
    words = text.split()
    hint = ""
    if len(words) >= 2 and _CASE.match(words[-1].upper()):
        label = " ".join(words[:-1])
        hint = f"; write 'case: {words[-1].upper()}'"
        if label != "Child":
            hint += f" and 'case_label: {label}'"
    elif _CASE.match(text.upper()):
        hint = f"; write 'case: {text.upper()}'"
    bad("schema.case", f"expected one or two capital letters, got '{text}'{hint}", text)
    return None


def _check_file(text: str, source: SourceFile, bad: Any) -> str | None:
    relative = PurePosixPath(text)
    folder = source.path.parent
    if relative.is_absolute() or ".." in relative.parts or "\\" in text:
        bad("schema.report", f"'{text}' must be a file name in the brief's own folder", text)
        return None
    if relative.suffix.lower() != ".pdf":
        bad("schema.report", f"'{text}' is not a PDF file", text)
        return None
    if not (folder / relative).is_file():
        bad("schema.report", f"'{text}' was not found next to {source.relpath}", text)
        return None
    return text


def _not_in_vocabulary(
    path: str,
    node: Located,
    name: str,
    text: str,
    vocabulary: dict[str, str],
    *,
    rule: str = "schema.choice",
) -> Problem:
    by_label = {label.casefold(): key for key, label in vocabulary.items()}
    if text.casefold() in by_label:
        hint = f"; use the id '{by_label[text.casefold()]}'"
    else:
        hint = did_you_mean(text, vocabulary)
    listed = ", ".join(vocabulary) if len(vocabulary) <= 12 else "the list in mkdocs.yml"
    shown = text if len(text) <= 80 else text[:77] + "..."
    return problem(
        rule,
        path,
        node.line,
        node.column,
        f"{name}: '{shown}' is not allowed{hint} (allowed: {listed})",
        shown,
    )


def check_sheet_sections(source: SourceFile, settings: Settings) -> list[Problem]:
    """Every bite-size sheet has the configured '## ' sections, in order, none empty."""
    return check_sections(source, settings.sheet_sections, "sheet", "bite-size sheet")


def check_sections(
    source: SourceFile, titles: tuple[str, ...], family: str, what: str
) -> list[Problem]:
    """The document has a '## ' heading for each of `titles`, in that order, none empty
    (rules `<family>.section`, `<family>.section_order` and `<family>.section_empty`)."""
    level_two = [h for h in headings(source.body, source.body_line) if h.level == 2]
    present = {normalise_heading(h.text): h for h in level_two}
    expected = [normalise_heading(t) for t in titles]
    order = ", ".join(titles)
    found: list[Problem] = []

    def add(rule: str, line: int, message: str, text: str) -> None:
        found.append(problem(f"{family}.{rule}", source.relpath, line, 1, message, text))

    for title in titles:
        if normalise_heading(title) not in present:
            add(
                "section",
                source.body_line,
                f"the section '## {title}' is missing; every {what} has the sections {order}",
                title,
            )
    ours = [h for h in level_two if normalise_heading(h.text) in expected]
    for before, after in itertools.pairwise(ours):
        if expected.index(normalise_heading(after.text)) < expected.index(
            normalise_heading(before.text)
        ):
            add(
                "section_order",
                after.line,
                f"'## {after.text}' comes after '## {before.text}'; the sections go in the "
                f"order {order}",
                after.text,
            )
    lines = source.body.split("\n")
    for heading, following in itertools.zip_longest(ours, ours[1:]):
        end = following.line if following else source.body_line + len(lines)
        inside = lines[heading.line - source.body_line + 1 : end - source.body_line]
        if not any(line.strip() and not line.lstrip().startswith("#") for line in inside):
            add(
                "section_empty",
                heading.line,
                f"the section '## {heading.text}' is empty; write it, even a sentence or two",
                heading.text,
            )
    return found


_FIELD_LINE = re.compile(r"^([A-Za-z_]+)[ \t]*:(?:[ \t]|$)")
_BREAK = re.compile(r"^ {0,3}-{3,}[ \t]*$")


def check_fields_in_body(kind: Kind, source: SourceFile) -> list[Problem]:
    """A field written where it is only text: in the first lines of the body, or after a
    second '---'. An error for `draft:` (the draft would be published), else a warning (it
    could be prose: "Summary: ...")."""
    names = {spec.name for spec in FIELDS[kind]}
    lines = source.body.split("\n")
    skip = code_lines(source.body)
    found: list[Problem] = []
    opening = True  # at the start of the body or after a '---' line, before a paragraph
    in_paragraph = False
    for index, line in enumerate(lines):
        if index in skip or not line.strip():
            in_paragraph, opening = False, opening and not in_paragraph
            continue
        if _BREAK.match(line):
            opening, in_paragraph = True, False
            continue
        in_paragraph = True
        match = _FIELD_LINE.match(line) if opening else None
        if match and match.group(1).lower() in names:
            found.append(
                problem(
                    "frontmatter.field_in_body",
                    source.relpath,
                    source.body_line + index,
                    1,
                    f"'{match.group(1)}:' here is text of the page, not a field: fields go in "
                    "the front matter, between the two '---' lines at the top of the file; "
                    "move it there",
                    severity=None if match.group(1).lower() == "draft" else Severity.WARNING,
                )
            )
    return found


def check_placeholders(source: SourceFile, *, draft: bool) -> list[Problem]:
    """Prompts `build.py new` wrote that are still there (warnings while a draft)."""
    found = []
    for index, line in enumerate(source.text.split("\n")):
        column = line.find(PROMPT)
        if column != -1:
            found.append(
                problem(
                    "content.placeholder",
                    source.relpath,
                    index + 1,
                    column + 1,
                    "replace this prompt with your text"
                    + (" before the draft is finished" if draft else ""),
                    severity=Severity.WARNING if draft else None,
                )
            )
    return found
