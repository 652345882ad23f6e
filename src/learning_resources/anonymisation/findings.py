"""What a detector returns: a span of the scanned text and the rule it breaks."""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Severity


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
