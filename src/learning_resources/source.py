"""Reading a Markdown file exactly and safely: file type and size, encoding, byte-order mark,
line endings, characters that cannot be published, front matter."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from .problems import Problem
from .rules import problem

# The front matter delimiter as python-frontmatter defines it (a line of three or more '-').
_BOUNDARY = YAMLHandler.FM_BOUNDARY

MAX_BYTES = 1_000_000  # a learning brief is a few thousand words; 1 MB is far beyond any
MAX_REPORTED = 20  # hidden characters reported per file

# Control characters other than tab and new line (carriage returns are normalised first),
# and the Unicode line and paragraph separators, which YAML would count as new lines.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Characters that show nothing but change what a reader sees or what a search finds:
# zero-width spaces and joiners, word joiners, bidirectional marks, embeddings, overrides and
# isolates, invisible operators, the byte-order mark inside text, interlinear annotation,
# Hangul fillers, tag characters. The soft hyphen (U+00AD) is allowed; the gate removes it
# before it scans.
INVISIBLE_CHARACTERS = (  # the inside of a regular expression's [...]
    "\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f"
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CONTROL_NAMES = {
    0: "NUL",
    0x1B: "escape",
    0x7F: "delete",
    0x2028: "line separator",
    0x2029: "paragraph separator",
}
_TAG_FLAG = "\U0001f3f4"  # a black flag, which tag characters turn into England's flag


@dataclass(frozen=True)
class SourceFile:
    """A document's text split into front matter and body, with where each starts."""

    path: Path
    relpath: str  # relative to the site root, '/'-separated
    text: str  # the whole file, BOM removed, line endings normalised to '\n'
    front_matter: str | None  # None when the file has no front matter
    front_matter_line: int  # line of the first front-matter line (after the opening '---')
    front_matter_offset: int  # character offset of the front matter in `text`
    body: str
    body_line: int  # line of the first body line
    body_offset: int  # character offset of the body in `text`


class SourceError(Exception):
    """The file cannot be read as a document at all; `problems` says why (at least one)."""

    def __init__(self, *found: Problem) -> None:
        super().__init__(found[0].message)
        self.problems = list(found)
        self.problem = found[0]  # the first, for callers that report one


def read_source(path: Path, relpath: str) -> SourceFile:
    """Read a document file; raise SourceError for files that cannot be documents.

    The file's type is checked before it is opened (a FIFO or a device is never opened), and
    at most MAX_BYTES + 1 bytes are read.
    """
    refused = not_a_plain_file(path, relpath)
    if refused:
        raise SourceError(refused)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise SourceError(_unreadable(relpath, exc)) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # replaced since the check
            raise SourceError(not_regular(relpath))
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SourceError(_too_large(relpath))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            problem(
                "file.encoding",
                relpath,
                line,
                column,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read); "
                "save it again with the UTF-8 encoding",
            )
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    hidden = hidden_characters(text, relpath)
    if hidden:
        raise SourceError(*hidden)
    if not text.strip():
        raise SourceError(
            problem(
                "file.empty", relpath, 1, 1, "the file is empty; write the document or delete it"
            )
        )
    return split_front_matter(path, relpath, text)


def not_a_plain_file(path: Path, relpath: str) -> Problem | None:
    """A problem when `path` is not an ordinary file of a sane size (checked without opening
    it); None when it may be read."""
    try:
        info = path.stat()
    except OSError as exc:
        return _unreadable(relpath, exc)
    if not stat.S_ISREG(info.st_mode):
        return not_regular(relpath)
    if info.st_size > MAX_BYTES:
        return _too_large(relpath)
    return None


def hidden_characters(text: str, relpath: str) -> list[Problem]:
    """Control characters and invisible characters in `text`, each at its line and column
    (the first MAX_REPORTED of them)."""
    spots = sorted(
        [m.start() for m in _CONTROL.finditer(text)]
        + [m.start() for m in _INVISIBLE.finditer(text) if not _in_emoji(text, m.start())]
    )
    found: list[Problem] = []
    for number, index in enumerate(spots[:MAX_REPORTED], start=1):
        char = text[index]
        code = ord(char)
        line_start = text.rfind("\n", 0, index) + 1
        line, column = text.count("\n", 0, index) + 1, index - line_start + 1
        if _CONTROL.match(char):
            rule = "file.control_character"
            message = (
                f"a {_CONTROL_NAMES.get(code, 'control')} character (U+{code:04X}), which "
                "cannot be published and does not show in most editors"
            )
        else:
            rule = "file.invisible_character"
            name = unicodedata.name(char, f"U+{code:04X}").lower()
            why = (
                "which changes the order in which text is shown"
                if char in _BIDI
                else "which can hide a word from a second reader and from the anonymisation check"
            )
            message = f"an invisible character ({name}, U+{code:04X}), {why}"
        message += "; delete it (it often comes from copying and pasting)"
        if number == MAX_REPORTED and len(spots) > MAX_REPORTED:
            message += f"; the file has {len(spots) - MAX_REPORTED} more after this one"
        found.append(problem(rule, relpath, line, column, message))
    return found


def _in_emoji(text: str, index: int) -> bool:
    """A zero-width joiner between two emoji, or a tag character in England's flag."""
    char = text[index]
    if char == "\u200d":
        before, after = text[index - 1 : index], text[index + 1 : index + 2]
        return _emoji(before) and _emoji(after)
    if "\U000e0020" <= char <= "\U000e007f":
        start = index
        while start > 0 and "\U000e0020" <= text[start - 1] <= "\U000e007f":
            start -= 1
        return text[start - 1 : start] == _TAG_FLAG
    return False


def _emoji(char: str) -> bool:
    return bool(char) and (
        unicodedata.category(char) == "So"
        or char == "\ufe0f"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
    )


def not_regular(relpath: str) -> Problem:
    return problem(
        "file.not_regular",
        relpath,
        1,
        1,
        "this is not an ordinary file (a pipe, socket or device); it cannot be read or "
        "published: delete it",
    )


def _too_large(relpath: str) -> Problem:
    return problem(
        "file.too_large",
        relpath,
        1,
        1,
        f"the file is larger than {MAX_BYTES // 1_000_000} MB, far more than any document; "
        "split it, or remove what was pasted in by mistake",
    )


def _unreadable(relpath: str, exc: OSError) -> Problem:
    return problem(
        "file.unreadable",
        relpath,
        1,
        1,
        f"the file cannot be read ({exc.strerror or exc}); check that it exists and that "
        "you may read it",
    )


def split_front_matter(path: Path, relpath: str, text: str) -> SourceFile:
    opening = _BOUNDARY.match(text)
    if opening is None:
        return SourceFile(path, relpath, text, None, 1, 0, text, 1, 0)
    closing = _BOUNDARY.search(text, opening.end())
    if closing is None:
        raise SourceError(
            problem(
                "frontmatter.unclosed",
                relpath,
                1,
                1,
                "the front matter that starts on line 1 is never closed; "
                "add a line containing only '---' after the last field",
            )
        )
    fm_start = opening.end()
    if text.startswith("\n", fm_start):
        fm_start += 1
    front_matter = text[fm_start : closing.start()]
    body_start = closing.end()
    if text.startswith("\n", body_start):
        body_start += 1
    return SourceFile(
        path=path,
        relpath=relpath,
        text=text,
        front_matter=front_matter,
        front_matter_line=text.count("\n", 0, fm_start) + 1,
        front_matter_offset=fm_start,
        body=text[body_start:],
        body_line=text.count("\n", 0, body_start) + 1,
        body_offset=body_start,
    )
