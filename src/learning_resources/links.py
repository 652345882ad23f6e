"""Links in Markdown text that point at other documents of the site, by their source file.

Editors link documents as files (`[the brief](../briefs/child-b.md)`), which also works in
GitHub's preview; the site turns such links into the document's address, live or archived.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
    if "[" not in text:
        return []  # every link starts with '[': most bodies are done at once
    matches = [
        match
        for pattern in (_INLINE, _DEFINITION)
        for match in pattern.finditer(text)
        if wanted(match.group(1))
    ]
    if not matches:
        return []  # no need to find the lines and code blocks
    skip = code_lines(text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: list[Link] = []
    for match in matches:
        start = match.start(1)
        index = _line_index(line_starts, start)
        if index in skip:
            continue
        target, _, fragment = match.group(1).partition("#")
        found.append(
            Link(
                target,
                f"#{fragment}" if fragment else "",
                start,
                start + len(target),
                index + first_line,
                start - line_starts[index] + 1,
            )
        )
    return sorted(found, key=lambda link: link.start)


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
