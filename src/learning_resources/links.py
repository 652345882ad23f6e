"""Links in Markdown text that point at other documents of the site, by their source file.

Editors link documents as files (`[the brief](../briefs/child-b.md)`), which also works in
GitHub's preview; the site turns such links into the document's address, live or archived.
Raw HTML in the Markdown links too (`<a href="…">`, `<img src="…">`): its addresses are found
here with the Markdown ones, so every check of a link sees both.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from .html_policy import _without_code as without_code
from .markdown_text import code_lines

# [text](target "title") and ![alt](target); reference definitions: [id]: target
_INLINE = re.compile(r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*<?([^()\s<>]+)>?(?:\s+[^)]*)?\)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s.*)?$", re.MULTILINE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Link:
    target: str  # as written, without the #fragment
    fragment: str  # '#…' or ''
    start: int  # offset of the target in the text
    end: int
    line: int
    column: int
    raw_html: bool = False  # in raw HTML, which MkDocs publishes as written


def local_links(text: str, first_line: int = 1) -> list[Link]:
    """Relative links to files in `text`, outside code blocks."""
    return _links(text, first_line, lambda target: not (_SCHEME.match(target) or target[0] in "#/"))


def address_links(text: str, first_line: int, site_url: str) -> list[tuple[Link, str]]:
    """Links in `text` to addresses of this site, by its `site_url` or from its root ('/…'),
    each with the address it leads to ('briefs/child-a/')."""
    own = site_url.rstrip("/") + "/" if site_url else None

    def address(target: str) -> str | None:
        if own and target.lower().startswith(own.lower()):
            return target[len(own) :]
        return target[1:] if target.startswith("/") and not target.startswith("//") else None

    found = _links(text, first_line, lambda target: address(target) is not None)
    return [(link, address(link.target) or "") for link in found]


def _links(text: str, first_line: int, wanted: Callable[[str], bool]) -> list[Link]:
    if "[" not in text and "<" not in text:
        return []  # every link starts with '[' or is in a tag: most bodies are done at once
    targets = [  # (offset, as written, as read, in raw HTML)
        (match.start(1), match.group(1), match.group(1), False)
        for pattern in (_INLINE, _DEFINITION)
        for match in pattern.finditer(text)
    ] + [(at, written, html.unescape(written), True) for at, written in _html_targets(text)]
    targets = [target for target in targets if wanted(target[2])]
    if not targets:
        return []  # no need to find the lines and code blocks
    skip = code_lines(text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: list[Link] = []
    for start, written, read, raw in targets:
        index = _line_index(line_starts, start)
        if index in skip:
            continue
        target, _, fragment = read.partition("#")
        found.append(
            Link(
                target,
                f"#{fragment}" if fragment else "",
                start,
                start + len(written.partition("#")[0]),
                index + first_line,
                start - line_starts[index] + 1,
                raw,
            )
        )
    return sorted(found, key=lambda link: link.start)


@lru_cache(maxsize=32)  # each body is read for several checks
def _html_targets(text: str) -> tuple[tuple[int, str], ...]:
    """The `href` and `src` addresses in the raw HTML of `text` (outside code, comments and
    the like, as Python's HTML parser reads them), as written, with their offsets."""
    if "<" not in text:
        return ()
    tags = _StartTags()
    tags.feed(without_code(text))
    tags.close()
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: list[tuple[int, str]] = []
    for (line, column), written in tags.found:
        tag_start = line_starts[line - 1] + column
        name_end = _TAG_NAME.match(written)
        at = name_end.end() if name_end else len(written)
        while (attribute := _ATTRIBUTE.match(written, at)) and attribute.end() > at:
            at = attribute.end()
            value = attribute.group(3)
            if attribute.group(1).lower() not in ("href", "src") or not value:
                continue
            quoted = value[0] in "'\"" and value[-1] == value[0] and len(value) > 1
            inner = value[1:-1] if quoted else value
            stripped = inner.strip()
            if stripped:  # a browser strips the spaces around an address
                offset = attribute.start(3) + int(quoted) + inner.index(stripped)
                found.append((tag_start + offset, stripped))
    return tuple(found)


class _StartTags(HTMLParser):
    """Each start tag of the raw HTML, as written, at its (line, column)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[tuple[int, int], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((self.getpos(), self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


# A tag's attributes as Python's HTML parser reads them (html.parser.attrfind_tolerant), to find
# where each value is written: name, '=value', value.
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
)


def _line_index(line_starts: list[int], offset: int) -> int:
    low, high = 0, len(line_starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if line_starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


def resolve(base_dir: Path, target: str) -> Path:
    """The file a relative link points at, as an absolute path."""
    return (base_dir / target).resolve()
