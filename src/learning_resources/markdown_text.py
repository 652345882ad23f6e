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


def headings(body: str, first_line: int) -> list[Heading]:
    """The ATX headings ('## Title') of `body`, skipping fenced code blocks."""
    found: list[Heading] = []
    fence: str | None = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        match = _ATX.match(line)
        if match:
            found.append(Heading(len(match.group(1)), (match.group(2) or "").strip(), number))
    return found


def normalise_heading(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", " ").split()).casefold()
