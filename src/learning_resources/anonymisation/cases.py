"""Other cases' letters in a brief: 'Child B' in the brief for case A."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .findings import Finding


def find_other_cases(
    text: str, own: str, related: Iterable[str], labels: Iterable[str]
) -> list[Finding]:
    words = sorted(
        {*labels, "Child", "Children", "Sibling", "Baby", "Infant"}, key=len, reverse=True
    )
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+([A-Z]{1,2})\b")
    allowed = {own, *related}
    return [
        Finding(
            "anon.case_letter",
            m.start(),
            m.end(),
            "another case's letter; if this brief is meant to mention that case, list its "
            "letter in related_cases",
        )
        for m in pattern.finditer(text)
        if m.group(1) not in allowed
    ]
