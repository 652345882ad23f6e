"""Problems written out for people (text), programs (json) and GitHub's workflow log."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence

from .problems import Problem, Severity
from .reference import rule_anchor

FORMATS = ("text", "json", "github")


# Control characters (escape sequences, line breaks) and bidirectional controls: a value
# quoted in a message must not recolour a terminal, retitle it, or forge another line.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """`text` safe to print in a terminal or a log: invisible controls shown as escapes."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def mask(text: str) -> str:
    """'Tyler Smith' -> 'T**** S****': enough to find it, not enough to read it."""
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in text.split())


def mask_quoted(message: str) -> str:
    """Each 'quoted' part of another program's message masked, but for the document's own file
    (its name passed the check, and editors need it): MkDocs quotes what it took from a
    document ("Doc file 'briefs/x.md' contains a link '#plan-for-kai'")."""
    out, last = [], 0
    for start, end in quoted_parts(message):
        quoted = message[start:end]
        out += [message[last:start], quoted if _SOURCE_FILE.fullmatch(quoted) else mask(quoted)]
        last = end
    return "".join(out) + message[last:]


def quoted_parts(message: str) -> list[tuple[int, int]]:
    """Where the 'quoted' parts of `message` are (without their quotes), line by line.

    A part opens with an apostrophe after a space or bracket, and closes with one before a
    space, punctuation or the end. An apostrophe inside a quoted target ("#the-plan's-notes",
    "the smiths' notes.md") must not end it early, so a part runs to the last closing
    apostrophe before the next part opens (more masked when unclear, not less); a part opening
    with '<' runs to its '>'. Only text between "' " and " '" in one target, outside '<…>',
    reads as the program's own words between two parts."""
    found: list[tuple[int, int]] = []
    line_start = 0
    for line in message.split("\n"):
        openers = [m.start() for m in _OPENER.finditer(line)]
        closers = [m.start() for m in _CLOSER.finditer(line)]
        angled = [c for c in closers if line[c - 1] == ">"]
        index = 0
        while index < len(openers):
            start = openers[index]
            first = bisect_right(closers, start + 1)  # a part holds at least one character
            if first == len(closers):
                break
            following = bisect_right(openers, closers[first])
            limit = openers[following] if following < len(openers) else len(line)
            end = closers[bisect_left(closers, limit) - 1]  # the last before the next part
            if line[start + 1] == "<" and (a := bisect_right(angled, start + 1)) < len(angled):
                end = angled[a]
            found.append((line_start + start + 1, line_start + end))
            index = bisect_right(openers, end)
        line_start += len(line) + 1
    return found


_OPENER = re.compile(r"(?<![^\s(\[])'")
_CLOSER = re.compile(r"'(?![^\s,.:;)\]])")
_SOURCE_FILE = re.compile(r"[\w./-]+\.md")


def name_editors_files(message: str, files: Mapping[str, str]) -> str:
    """MkDocs' message with the page it is about named by the editor's file: MkDocs names a
    page by its place among the site's pages (`files`' keys: 'briefs/x/index.md',
    'contact.md'), the editor knows the file they wrote ('briefs/x.md', 'content/contact.md').
    The page is the first name MkDocs quotes ("Doc file 'briefs/x/index.md' contains a link
    'y'"), or a line of a list of pages; any other quoted text stays as it was written."""
    parts = quoted_parts(message)
    if parts and (page := message[parts[0][0] : parts[0][1]]) in files:
        message = message[: parts[0][0]] + files[page] + message[parts[0][1] :]
    return _LISTED.sub(lambda m: m.group(1) + files.get(m.group(2), m.group(2)), message)


_LISTED = re.compile(r"^(\s+- )(\S+)$", re.MULTILINE)


def public_log(environ: Mapping[str, str]) -> bool:
    """Whether output goes to a CI log, which anyone can read for a public repository."""
    return any(environ.get(name, "").lower() not in ("", "0", "false") for name in _CI_VARIABLES)


_CI_VARIABLES = ("CI", "GITHUB_ACTIONS")


def _message(p: Problem, *, masked: bool) -> str:
    if masked and p.text:
        return p.message.replace(f"'{p.text}'", f"'{mask(p.text)}'")
    return p.message


def _shown(p: Problem, *, masked: bool) -> str:
    """The message, with an anonymisation finding's text. Where logs can be public, whatever
    the editor typed is masked, in every message: a name typed as a case letter, a topic or
    a field name identifies as surely as one in the body."""
    message = _message(p, masked=masked)
    if p.rule.startswith(("anon.", "audit.")) and p.text:
        return f"{message}: '{mask(p.text) if masked else p.text}'"
    return message


def help_url(rule: str, help_base: str | None) -> str | None:
    return f"{help_base.rstrip('/')}/editors/rules/#{rule_anchor(rule)}" if help_base else None


def summary_line(problems: Sequence[Problem], files: int) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not problems:
        return f"{checked}: no problems found."
    parts = [_count(errors, "error"), _count(warnings, "warning")]
    return f"{checked}: " + ", ".join(p for p in parts if p) + "."


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}" if n else ""


def format_text(
    problems: Sequence[Problem], files: int, help_base: str | None = None, *, masked: bool = False
) -> str:
    lines = [
        printable(
            f"{p.path}:{p.line}:{p.column}: {p.severity}: {_shown(p, masked=masked)} [{p.rule}]"
        )
        for p in problems
    ]
    lines.append(summary_line(problems, files))
    if problems and help_base:
        lines.append(f"Each rule, and how to fix it: {help_base.rstrip('/')}/editors/rules/")
    return "\n".join(lines)


def format_json(
    problems: Sequence[Problem], files: int, help_base: str | None = None, *, masked: bool = False
) -> str:
    items = [
        p.as_dict()
        | {"help": help_url(p.rule, help_base)}
        | ({"message": _message(p, masked=True), "text": p.text and mask(p.text)} if masked else {})
        for p in problems
    ]
    return json.dumps({"files": files, "problems": items}, indent=2, ensure_ascii=False)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(
    problems: Sequence[Problem], files: int, help_base: str | None = None, *, masked: bool = True
) -> str:
    """Workflow annotations. Logs can be public: whatever the editor typed is always masked."""
    lines = []
    for p in problems:
        command = "error" if p.severity is Severity.ERROR else "warning"
        props = (
            f"file={_escape_property(p.path)},line={p.line},col={p.column},"
            f"title={_escape_property(p.rule)}"
        )
        lines.append(printable(f"::{command} {props}::{_escape_data(_shown(p, masked=True))}"))
    lines.append(summary_line(problems, files))
    return "\n".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
