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
