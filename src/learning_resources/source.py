"""Reading a Markdown file exactly: encoding, byte-order mark, line endings, front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from .problems import Problem
from .rules import problem

# The front matter delimiter as python-frontmatter defines it (a line of three or more '-').
_BOUNDARY = YAMLHandler.FM_BOUNDARY


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
    """The file cannot be read as a document at all."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.message)
        self.problem = found


def read_source(path: Path, relpath: str) -> SourceFile:
    """Read a document file; raise SourceError for files that cannot be documents."""
    data = path.read_bytes()
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
    if not text.strip():
        raise SourceError(
            problem(
                "file.empty", relpath, 1, 1, "the file is empty; write the document or delete it"
            )
        )
    return split_front_matter(path, relpath, text)


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
