"""Exact dates, dates of birth and exact ages.

A day and month ('3rd March', '03/03/2015', '2015-03-03') can identify a family; a month and
year ('in March 2015') cannot on its own, so it is fine. A date of birth in any form is an
error. An exact age in years and months is a warning: with other details it can identify.
"""

from __future__ import annotations

import re

from ..problems import Severity
from .findings import Finding

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)"
)
_YEAR = r"(?:\d{4}|'\d{2})"

_DATE_PATTERNS = [
    # 3 March, 3rd March 2015, 3rd of March, the 21st of May
    re.compile(rf"\b{_DAY}{_ORD}?(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\w])", re.IGNORECASE),
    # March 3, March 3rd 2015 (not 'March 2015')
    re.compile(
        rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}{_ORD}?(?!\d)(?!\s*(?:years?|months?|weeks?|days?|hours?|%|per))(?:,?\s+{_YEAR})?\b",
        re.IGNORECASE,
    ),
    # 03/03/2015, 3.3.15, 3-3-2015
    re.compile(rf"(?<![\w./-]){_DAY}([./-])(?:1[0-2]|0?[1-9])\1(?:\d{{4}}|\d{{2}})(?![\w/-]|\.\d)"),
    # 03/03 (day/month without year) after 'on'
    re.compile(rf"(?<=\bon )(?:{_DAY})/(?:1[0-2]|0?[1-9])(?![\w/-]|\.\d)", re.IGNORECASE),
    # 2015-03-03
    re.compile(r"(?<![\w-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])"),
    # Tuesday 9th, Tuesday the 9th
    re.compile(rf"\b{_WEEKDAY}\s+(?:the\s+)?{_DAY}{_ORD}?(?![\w:])", re.IGNORECASE),
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b|\b{_YEAR}\b|\b{_MONTH}\b", re.IGNORECASE)
_BIRTH = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|born(?:\s+(?:on|in|at))?"
    r"|birthday(?:\s+(?:is|was|on))?)"
    r"\s*[:\-]?\s*(?:(?:was|is|of)\s+)?",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"\b(?:aged\s+)?\d{1,2}\s?(?:years?|yrs?|y)\b\.?(?:\s*,?\s*(?:and\s+)?)\d{1,2}\s?"
    r"(?:months?|mths?|m)\b(?:\s+old)?"
    r"|\b\d{1,2}\s+months?,?\s+(?:and\s+)?\d{1,2}\s+(?:weeks?|days?)(?:\s+old)?\b"
    r"|\b(?:then|aged)\s+\d{1,2}\s*(?:wks|weeks|mths|months)\b"
    r"|\b(?:[Aa]t|[Aa]ged)\s+\d{1,2}\s+(?:months|weeks|days)\b(?!\s+(?:later|after|before|on))"
    r"|\b(?:aged\s+)?\d{1,3}\s+(?:days?|weeks?|months?)\s+old\b"
    r"|\baged\s+\d{1,3}\s+(?:days?|weeks?|months?)\b",
    re.IGNORECASE,
)


def _exact_dates(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append(m.span())
    return spans


def find_dates(text: str, *, exact_dates_are_errors: bool) -> list[Finding]:
    """Dates of birth and exact ages anywhere; exact dates when `exact_dates_are_errors`."""
    found: list[Finding] = []
    exact = _exact_dates(text)
    births: list[tuple[int, int]] = []
    for m in _BIRTH.finditer(text):
        after = m.end()
        following = [s for s in exact if s[0] == after]
        if following:
            births.append(following[0])
            continue
        loose = _MONTH_YEAR.match(text, after)
        if loose:
            births.append(loose.span())
    for start, end in births:
        found.append(
            Finding(
                "anon.date_of_birth",
                start,
                end,
                "a date of birth; say 'a baby', 'a toddler' or 'aged around two'",
            )
        )
    if exact_dates_are_errors:
        for start, end in exact:
            if not any(s <= start < e for s, e in births):
                found.append(
                    Finding(
                        "anon.date",
                        start,
                        end,
                        "an exact date; give the month and year only (e.g. 'in March 2025')",
                    )
                )
    for m in _AGE.finditer(text):
        found.append(
            Finding(
                "anon.age",
                m.start(),
                m.end(),
                "an exact age; with other details it can identify a child (say 'aged around four')",
                Severity.WARNING,
            )
        )
    return found
