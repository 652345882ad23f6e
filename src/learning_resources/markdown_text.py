"""What the checks need to know about a Markdown body: its headings, outside code."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


def code_lines(text: str) -> set[int]:
    """The 0-based indexes of the lines of `text` inside fenced code blocks (fences included)."""
    inside: set[int] = set()
    fence: str | None = None
    for index, line in enumerate(text.split("\n")):
        opening = _FENCE.match(line)
        if fence is not None:
            inside.add(index)
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening:
            inside.add(index)
            fence = opening.group(1)
    return inside


def headings(body: str, first_line: int) -> list[Heading]:
    """The ATX headings ('## Title') of `body`, skipping fenced code blocks."""
    skip = code_lines(body)
    found: list[Heading] = []
    for index, line in enumerate(body.split("\n")):
        match = None if index in skip else _ATX.match(line)
        if match:
            level, text = len(match.group(1)), (match.group(2) or "").strip()
            found.append(Heading(level, text, index + first_line))
    return found


def normalise_heading(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", " ").split()).casefold()
