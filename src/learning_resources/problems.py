"""A problem found in a site's content: where it is, which rule it breaks, and how bad it is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding. `line` and `column` are 1-based, counted in the whole file."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    text: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "text": self.text,
        }


DRAFT_NOTE = " (a draft: this will block publication)"


def in_draft(found: Problem) -> Problem:
    """The one severity policy for drafts: an error in a draft is shown as a warning (it
    will block once the draft is finished)."""
    if found.severity is not Severity.ERROR:
        return found
    return replace(found, severity=Severity.WARNING, message=found.message + DRAFT_NOTE)


def has_errors(problems: Iterable[Problem], *, strict: bool = False) -> bool:
    """True when the problems must stop a build (warnings too, when `strict`)."""
    return any(strict or p.severity is Severity.ERROR for p in problems)


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file and position; problems at one position keep the order they were found."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.column))
