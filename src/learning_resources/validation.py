"""Checking one document's front matter and body against the declared fields and rules."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .fields import FIELDS, FieldSpec, FieldType
from .kinds import Kind
from .located import Located, plain
from .markdown_text import headings, normalise_heading
from .problems import Problem
from .rules import RULES, problem
from .settings import Settings
from .source import SourceFile
from .words import did_you_mean


@dataclass(frozen=True)
class Waiver:
    """A reviewed false alarm: this exact text may stay, for this reason."""

    text: str
    reason: str
    rule: str | None  # None: any anonymisation rule
    line: int
    column: int


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
    return out


def _check_value(
    spec: FieldSpec, node: Located, source: SourceFile, settings: Settings, found: list[Problem]
) -> Any:
    path, name = source.relpath, spec.name

    def bad(rule: str, message: str, text: str | None = None) -> None:
        found.append(problem(rule, path, node.line, node.column, f"{name}: {message}", text))

    kind = spec.type
    if kind is FieldType.ANY:
        return plain(node)
    if kind is FieldType.BOOL:
        if node.kind != "bool":
            bad("schema.type", f"expected true or false, got '{node.raw}'", node.raw)
            return None
        return node.value
    if kind is FieldType.EXTENSION:
        return _check_extension(spec, node, bad)
    if kind is FieldType.WAIVERS:
        return _check_waivers(spec, node, source, found)
    if kind in (FieldType.TEXT_LIST, FieldType.CASE_LIST):
        items = node.value if node.kind == "seq" else None
        if items is None or not all(i.is_text and str(i.value).strip() for i in items):
            bad(
                "schema.type",
                f"expected a list in square brackets, e.g. {name}: {spec.example}",
                node.raw,
            )
            return None
        texts = tuple(str(i.value).strip() for i in items)
        if kind is FieldType.CASE_LIST:
            for item, value in zip(items, texts, strict=True):
                if not _CASE.match(value):
                    found.append(
                        problem(
                            "schema.case",
                            path,
                            item.line,
                            item.column,
                            f"{name}: expected one or two capital letters, got '{value}'",
                            value,
                        )
                    )
        return texts
    if kind is FieldType.CHOICES:
        items = node.value if node.kind == "seq" else None
        if items is None or not all(i.is_text for i in items):
            bad(
                "schema.type",
                f"expected a list in square brackets, e.g. {name}: {spec.example}",
                node.raw,
            )
            return None
        if not items:
            if spec.required:
                bad("schema.length", f"give at least one value, e.g. {name}: {spec.example}")
            return ()
        vocabulary = settings.vocabulary(spec.vocabulary or name)
        values: list[str] = []
        for item in items:
            text = str(item.value)
            if text not in vocabulary:
                found.append(_not_in_vocabulary(path, item, name, text, vocabulary))
            elif text in values:
                found.append(
                    problem(
                        "schema.choice",
                        path,
                        item.line,
                        item.column,
                        f"{name}: '{text}' is listed twice",
                        text,
                    )
                )
            else:
                values.append(text)
        return tuple(values)
    if not node.is_text:
        what = "a list" if node.kind in {"seq", "map"} else f"'{node.raw}'"
        bad(
            "schema.type",
            f"expected {_describe(spec)}, got {what}"
            + ("; put the text in quotes" if node.kind in {"int", "float", "bool"} else ""),
            node.raw,
        )
        return None
    text = str(node.value).strip()
    if kind is FieldType.DATE:
        return _check_date(text, bad)
    if not text:
        bad("schema.length", "is empty; write a value or remove the line")
        return None
    if kind is FieldType.LONG_TEXT and len(text) > settings.summary_max_length:
        bad(
            "schema.length",
            f"is {len(text)} characters long; keep it to "
            f"{settings.summary_max_length} at most (one or two sentences)",
        )
        return None
    if kind is FieldType.CHOICE:
        vocabulary = settings.vocabulary(spec.vocabulary or name)
        if text not in vocabulary:
            found.append(_not_in_vocabulary(path, node, name, text, vocabulary))
            return None
        return text
    if kind is FieldType.CASE:
        return _check_case(text, settings, bad)
    if kind is FieldType.FILE:
        return _check_file(text, source, bad)
    return text


def _describe(spec: FieldSpec) -> str:
    return {
        FieldType.DATE: "a date YYYY-MM-DD",
        FieldType.CASE: "a case letter such as A",
    }.get(spec.type, "text")


def _check_date(text: str, bad: Any) -> dt.date | None:
    match = _ISO_DATE.match(text)
    if not match:
        bad("schema.date", f"expected a date YYYY-MM-DD, got '{text}'", text)
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        month, day = int(match.group(2)), int(match.group(3))
        reason = (
            f"month {month} does not exist"
            if not 1 <= month <= 12
            else (f"day {day} does not exist in that month")
        )
        bad("schema.date", f"'{text}' is not a real date ({reason})", text)
        return None


def _check_extension(spec: FieldSpec, node: Located, bad: Any) -> dict[str, Any] | None:
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
    return {"until": day, "reason": str(reason.value).strip()} if day else None


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
    path: str, node: Located, name: str, text: str, vocabulary: dict[str, str]
) -> Problem:
    by_label = {label.casefold(): key for key, label in vocabulary.items()}
    if text.casefold() in by_label:
        hint = f"; use the id '{by_label[text.casefold()]}'"
    else:
        hint = did_you_mean(text, vocabulary)
    listed = ", ".join(vocabulary) if len(vocabulary) <= 12 else "the list in mkdocs.yml"
    return problem(
        "schema.choice",
        path,
        node.line,
        node.column,
        f"{name}: '{text}' is not allowed{hint} (allowed: {listed})",
        text,
    )


def check_sheet_sections(source: SourceFile, settings: Settings) -> list[Problem]:
    """Every bite-size sheet has the configured '## ' sections."""
    return check_sections(source, settings.sheet_sections, "sheet.section", "bite-size sheet")


def check_sections(
    source: SourceFile, titles: tuple[str, ...], rule: str, what: str
) -> list[Problem]:
    """The document has a '## ' heading for each of `titles`."""
    present = {
        normalise_heading(h.text): h
        for h in headings(source.body, source.body_line)
        if h.level == 2
    }
    found: list[Problem] = []
    for title in titles:
        if normalise_heading(title) not in present:
            found.append(
                problem(
                    rule,
                    source.relpath,
                    source.body_line,
                    1,
                    f"the section '## {title}' is missing; every {what} has the "
                    f"sections {', '.join(titles)}",
                    title,
                )
            )
    return found
