"""What a detector returns, and the one place a finding becomes a problem."""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Problem, Severity, in_draft
from ..rules import RULES


@dataclass(frozen=True)
class Finding:
    """`start`/`end` are offsets into the text the detector was given (end exclusive).

    `message` never contains the offending text itself: logs can be public, so the text is
    carried separately (and masked where it must be).
    """

    rule: str  # a rule id from learning_resources.rules, e.g. "anon.name"
    start: int
    end: int
    message: str
    severity: Severity | None = None  # None: the rule's declared severity

    def span(self, text: str) -> str:
        return text[self.start : self.end]


def as_problem(
    path: str,
    line: int,
    column: int,
    finding: Finding,
    text: str | None,
    *,
    draft: bool,
    where: str = "",
) -> Problem:
    """The gate's one severity policy, for text, PDFs and images alike: the rule's severity
    unless the detector chose another; in a draft, errors are shown as warnings (they will
    block once the draft is finished). `text` is what the finding's offsets index (None: no
    text to show); `where` says which part of a file it is in ("page 2")."""
    severity = finding.severity or RULES[finding.rule].severity
    message = f"{where}: {finding.message}" if where else finding.message
    shown = None if text is None else finding.span(text)
    found = Problem(path, line, column, finding.rule, severity, message, shown)
    return in_draft(found) if draft else found
