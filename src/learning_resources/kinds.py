"""The kinds of document a site holds, and the folder each lives in."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    BRIEF = "brief"
    SHEET = "sheet"
    PAGE = "page"

    @property
    def folder(self) -> str:
        return {Kind.BRIEF: "briefs", Kind.SHEET: "bitesize", Kind.PAGE: "content"}[self]

    @property
    def label(self) -> str:
        return {Kind.BRIEF: "Learning brief", Kind.SHEET: "Bite-size sheet", Kind.PAGE: "Page"}[
            self
        ]


# Review types: short stable ids (used in front matter and addresses) and their names.
REVIEW_TYPES: dict[str, str] = {
    "cspr": "Child safeguarding practice review",
    "scr": "Serious case review",
    "rapid-review": "Rapid review",
    "malr": "Multi-agency learning review",
    "dhr": "Domestic homicide review",
    "audit": "Multi-agency audit",
}


# Brief layouts (front matter `layout:`): a 7-minute briefing is a one-page brief for a team
# meeting, with its own sections in this order.
SEVEN_MINUTE = "seven-minute"
BRIEF_LAYOUTS: dict[str, str] = {SEVEN_MINUTE: "7-minute briefing"}
BRIEFING_SECTIONS = (
    "Background",
    "Why it matters",
    "What we found",
    "What to do",
    "Questions",
    "Further information",
)
