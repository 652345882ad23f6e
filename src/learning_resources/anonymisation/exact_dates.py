"""Exact dates, dates of birth and exact ages.

A day and month ('3rd March', '03/03/2015', '2015-03-03', 'the ninth of November',
'Christmas Day 2018') can identify a family; a month and year ('in March 2015') cannot on its
own, so it is fine, and so is a date the document gives about itself ('Updated 4 November
2024'). A date of birth in any form is an error. An exact age to the week or the day ('aged 3
years, 2 months and 5 days') is an error too: it identifies as surely as a date of birth; in
years and months it is a warning. Weeks of pregnancy ('born at 29 weeks') are no age.
"""

from __future__ import annotations

import re

from ..problems import Severity
from .allowed import trie_regex
from .allowed import word_list as _words
from .blocks import Blocks, Words, cased
from .findings import Finding

# Written as trees of characters (trie_regex): tried at every offset, an alternation of
# twenty words costs twenty comparisons where a tree costs one.
_MONTH = (
    "(?:"
    + trie_regex(
        _words(
            "january february march april may june july august september october november december"
        )
    )
    + "|"
    + trie_regex(_words("jan feb mar apr jun jul aug sep sept oct nov dec"))
    + r"\.?)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_WEEKDAY = (
    "(?:"
    + trie_regex(
        _words(
            "monday tuesday wednesday thursday friday saturday sunday mon tue "
            "tues wed thu thur thurs fri sat sun"
        )
    )
    + ")"
)
_YEAR = r"(?:\d{4}|'\d{2})"
_UNITS = _words("first second third fourth fifth sixth seventh eighth ninth")
_ORDINAL_WORD = (
    "(?:"
    + trie_regex(
        [
            *_UNITS,
            *_words(
                "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth "
                "seventeenth eighteenth nineteenth twentieth thirtieth"
            ),
            *(
                f"{tens}{sep}{unit}"
                for tens in ("twenty", "thirty")
                for sep in "- "
                for unit in _UNITS
            ),
        ]
    )
    + ")"
)
# Days with a name of their own; with a year they are exact dates ("Christmas Day 2018").
_NAMED_DAY = (
    r"(?:Christmas[ \t]+(?:Day|Eve)|Boxing[ \t]+Day|New[ \t]+Year['’]s[ \t]+(?:Day|Eve)|"
    r"Valentine['’]s[ \t]+Day|Bonfire[ \t]+Night|Halloween|Easter[ \t]+(?:Sunday|Monday|Day)|"
    r"Mother['’]s[ \t]+Day|Father['’]s[ \t]+Day)"
)

# What each pattern needs (see blocks.py): a digit, an ordinal word or a day with a name.
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(
    cased(
        _words(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
            "twentieth thirtieth"
        )
    )
)
_NAMED = re.compile(r"Christmas|Boxing|New|Valentine|Bonfire|Halloween|Easter|Mother|Father")
_BIRTH_WORD = Words(("dob", "d.o.b", "birth", "born"))
_WEEK_OR_DAY = re.compile(r"[WwDd](?<![^\W\d_].)(?:EEKS?|eeks?|KS?|ks?|AYS?|ays?)?\b")

_DATE_PATTERNS: list[tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]] = [
    # 3 March, 3rd March 2015, 3rd of March, the 21st of May
    (
        re.compile(
            rf"\b{_DAY}{_ORD}?(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\w])", re.IGNORECASE
        ),
        (_DIGIT,),
    ),
    # March 3, March 3rd 2015 (not 'March 2015')
    (
        re.compile(
            rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}{_ORD}?(?!\d)(?!\s*(?:years?|months?|weeks?|days?|hours?|%|per))(?:,?\s+{_YEAR})?\b",
            re.IGNORECASE,
        ),
        (_DIGIT,),
    ),
    # 03/03/2015, 3.3.15, 3-3-2015
    (
        re.compile(
            rf"(?<![\w./-]){_DAY}([./-])(?:1[0-2]|0?[1-9])\1(?:\d{{4}}|\d{{2}})(?![\w/-]|\.\d)"
        ),
        (_DIGIT,),
    ),
    # 03/03, 21.03 (day and month without a year) after 'on'
    (
        re.compile(
            rf"(?<=\bon )(?:{_DAY})([/.])(?:1[0-2]|0?[1-9])(?![\w/-]|[.:]\d)", re.IGNORECASE
        ),
        (_DIGIT,),
    ),
    # 2015-03-03
    (
        re.compile(r"(?<![\w-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])"),
        (_DIGIT,),
    ),
    # Tuesday 9th, Tuesday the 9th, on Monday the third
    (
        re.compile(
            rf"\b{_WEEKDAY},?\s+(?:the\s+)?(?:{_DAY}{_ORD}?(?![\w:])|{_ORDINAL_WORD}\b)",
            re.IGNORECASE,
        ),
        (_DIGIT, _ORDINAL),
    ),
    # on the 3rd of last month, on the fourteenth of this month, on the 14th.
    (
        re.compile(
            rf"\b(?:on|from|until|till|by|since|of|before|after)\s+"
            rf"(?:the\s+(?:{_DAY}{_ORD}|{_ORDINAL_WORD})|{_DAY}{_ORD})"
            r"(?:\s+of\s+(?:last|this|next|that|the\s+(?:same|following|previous))\s+month\b"
            rf"|(?<=\d{_ORD})(?=\s*[,.;:)]|\s+(?:when|and|but|at|she|he|they)\b))",
            re.IGNORECASE,
        ),
        (_DIGIT, _ORDINAL),
    ),
    # the ninth of November, the twenty-first of May 2019, March the fourteenth
    (
        re.compile(
            rf"\b(?:the\s+)?{_ORDINAL_WORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?![\w])"
            rf"|\b{_MONTH}\s+the\s+{_ORDINAL_WORD}\b(?:,?\s+{_YEAR})?",
            re.IGNORECASE,
        ),
        (_ORDINAL,),
    ),
    # Christmas Day 2018, on Boxing Day
    (
        re.compile(rf"\b{_NAMED_DAY},?\s+(?:{_YEAR}|\d{{4}})\b|(?<=\b[Oo]n\s){_NAMED_DAY}\b"),
        (_NAMED,),
    ),
]
# A date the document gives about itself, not about a family: "Updated 4 November 2024",
# "Published: 12 March 2025", "Date of next review 1 April 2026".
_ABOUT_THE_DOCUMENT = re.compile(
    r"(?:\b(?:(?:published|updated|revised)(?:[ \t]+(?!on\b)\S+){0,5}|last[ \t]+reviewed|"
    r"ratified|version[ \t]+[\d.]+|"
    r"(?:next[ \t]+)?review[ \t]+date|"
    r"date[ \t]+of[ \t]+(?:next[ \t]+)?(?:review|publication|issue)|"
    r"report[ \t]+date|publication[ \t]+date|date[ \t]+published|next[ \t]+review|"
    r"review[ \t]+due|valid[ \t]+from|valid[ \t]+until|applies[ \t]+from|accessed|retrieved|"
    r"correct[ \t]+(?:as[ \t]+)?at|as[ \t]+at|"
    # a national day or week: "Stephen Lawrence Day (22 April)", "Safer Internet Day is on"
    r"(?-i:[A-Z][\w'’-]*[ \t]+(?:Day|Week|Month))[ \t]*(?:\(|,|[ \t]+(?:is|falls)(?:[ \t]+on)?)|"
    # the partnership's own events: "The learning event on 12 March 2025", "Webinar: 3 June"
    r"(?:learning[ \t]+event|workshop|seminar|webinar|launch|training[ \t]+session|"
    r"masterclass|roadshow|learning[ \t]+week|learning[ \t]+lunch|briefing[ \t]+session)s?"
    r"(?:[ \t]+(?:is|was|will[ \t]+be|takes[ \t]+place|took[ \t]+place|held|runs|ran))?|"
    # "Approved by the Safeguarding Partnership Executive, 12 December 2024"
    r"(?:approved|ratified|endorsed|agreed|signed[ \t]+off)[ \t]+by[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w'’-]*[ \t]+){0,5}(?:Board|Executive|Panel|Partnership|Group|Committee|Partners)"
    r",?(?:[ \t]+on)?)"
    r"(?:[ \t]+(?:on|in|by))?[ \t]*[:\-–]?[ \t]*(?:on[ \t]+)?$)",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b|\b{_YEAR}\b|\b{_MONTH}\b", re.IGNORECASE)
_BIRTH = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|born(?:\s+(?:on|in|at))?"
    r"|birthday(?:\s+(?:is|was|on))?)"
    r"\s*[:\-]?\s*(?:(?:was|is|of|given|recorded|listed|noted|shown|written|entered|as)\s+){0,3}"
    r"(?:the\s+)?(?:(?:early|late)\s+(?:on\s+)?)?",
    re.IGNORECASE,
)
# Numbers as an age or a part of one is written, in digits or in words ("nineteen months",
# "twenty-one days"): the two are the same age.
_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)\b)?|"
    + trie_regex(
        _words(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen"
        )
    )
    + r")(?![\w-])"
)
_N = rf"(?:\d{{1,2}}|{_NUMBER_WORD}|a\b)"  # "13 years", "thirteen years", "a week"
_AND = r"\s*,?\s*(?:and\s+)?"
_YEARS_PART = rf"{_N}\s?(?:years?|yrs?|y)\b\.?"
_MONTHS_PART = rf"{_N}\s?(?:months?|mths?|m)\b\.?"
_WEEKS_OR_DAYS = rf"{_N}\s?(?:weeks?|wks?|w|days?|d)\b"
_WEEKS_PART = rf"{_N}\s?(?:weeks?|wks?|w)\b\.?"
# An age to the week or the day: as identifying as a date of birth, so an error.
_EXACT_AGE = re.compile(
    rf"\b(?:aged\s+)?(?:{_YEARS_PART}(?:{_AND}{_MONTHS_PART})?|{_MONTHS_PART}|{_WEEKS_PART})"
    rf"{_AND}{_WEEKS_OR_DAYS}(?:\s+old)?",
    re.IGNORECASE,
)


def _age(number: str, longer: str) -> re.Pattern[str]:
    """An exact age in years and months, or in months, weeks or days, its numbers written as
    `number` (up to two digits, or words) or, before 'old', `longer`."""
    return re.compile(
        rf"\b(?:aged\s+)?{number}\s?(?:years?|yrs?|y)\b\.?(?:\s*,?\s*(?:and\s+)?){number}\s?"
        r"(?:months?|mths?|m)\b(?:\s+old)?"
        rf"|\b{number}\s+months?,?\s+(?:and\s+)?{number}\s+(?:weeks?|days?)(?:\s+old)?\b"
        rf"|\b(?:then|aged)\s+{number}\s*(?:wks|weeks|mths|months)\b"
        rf"|\b(?:[Aa]t|[Aa]ged)\s+{number}\s+(?:months|weeks|days)\b"
        r"(?!\s+(?:later|after|before|on))"
        rf"|\b(?:aged\s+)?{longer}\s+(?:days?|weeks?|months?)\s+old\b"
        rf"|\baged\s+{longer}\s+(?:days?|weeks?|months?)\b",
        re.IGNORECASE,
    )


_AGE = _age(r"\d{1,2}", r"\d{1,3}")
# Round 7: the same in words ("nine years and four months", "nineteen months old"), looked
# for only where a unit follows a number word (a pattern of words tried everywhere is slow).
_AGE_IN_WORDS = _age(_NUMBER_WORD, _NUMBER_WORD)
_UNIT = re.compile(r"[Mm]onths?\b|[Ww]eeks?\b|[Dd]ays?\b")
_UNIT_WORD = Words(("months", "month old", "weeks", "week old", "days", "day old"))
_NUMBER_WORD_BEFORE = re.compile(rf"\b{_NUMBER_WORD}[ \t]+$", re.IGNORECASE)


# Round 8: an age in years and a fraction is as exact as one in years and months: "aged
# four and a half", "was 13 and three-quarters".
_FRACTION_AGE = re.compile(
    rf"\b(?:aged|was|is|turned|of)\s+(?:\d{{1,2}}|{_NUMBER_WORD})\s+and\s+"
    r"(?:a\s+half|a\s+quarter|three[- ]quarters)\b(?!\s+(?:hours?|days?|weeks?|months?|"
    r"times|miles|litres|pints|kilos?|stone|pounds|metres|per\s*cent))",
    re.IGNORECASE,
)
_FRACTION_WORD = Words(("a half", "a quarter", "quarters"))


def _ages(blocks: Blocks) -> list[re.Match[str]]:
    """Exact ages in digits, and in words where a unit follows a number word."""
    found = list(blocks.finditer(_AGE, _DIGIT)) + list(
        blocks.finditer(_FRACTION_AGE, _FRACTION_WORD)
    )
    text, spans = blocks.text, [m.span() for m in found]
    for unit in blocks.finditer(_UNIT, _UNIT_WORD):
        if _NUMBER_WORD_BEFORE.search(text, max(0, unit.start() - 30), unit.start()):
            start, end = max(0, unit.start() - 80), min(len(text), unit.end() + 60)
            for m in _AGE_IN_WORDS.finditer(text, start, end):
                if not any(s < m.end() and m.start() < e for s, e in spans):
                    spans.append(m.span())
                    found.append(m)
    return found


# What comes before an age that is not a length of time: "was 3 years and 2 weeks".
_AGE_BEFORE = re.compile(r"\b(?:was|is|were|turned|at|of|age|aged)\s*[:(]?\s*$", re.IGNORECASE)
# Weeks of pregnancy, not an age: "born at 29 weeks", "32 weeks pregnant", "at 20 weeks'
# gestation".
_GESTATION_BEFORE = re.compile(
    r"\b(?:born|delivered|pregnant|pregnancy|gestation|booked|booking|scan(?:ned)?|LMP|EDD|"
    r"premature(?:ly)?|preterm|induced|miscarried)\b[^.,;()\n]{0,25}$",  # not "(born 3 May) aged"
    re.IGNORECASE,
)
_GESTATION_AFTER = re.compile(
    r"(?:\+\d)?['’]?\s*(?:gestation|gestational|pregnant|of\s+pregnancy|into\s+(?:the|her)\s+"
    r"pregnancy)",
    re.IGNORECASE,
)


def _exact_dates(blocks: Blocks) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern, anchors in _DATE_PATTERNS:
        for m in blocks.finditer(pattern, *anchors):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append(m.span())
    return spans


def find_dates(
    text: str, *, exact_dates_are_errors: bool, blocks: Blocks | None = None
) -> list[Finding]:
    """Dates of birth and exact ages anywhere; exact dates when `exact_dates_are_errors`.
    `blocks`: the text's paragraphs, if another detector has them already."""
    blocks = blocks or Blocks(text)
    found: list[Finding] = []
    exact = _exact_dates(blocks)
    births: list[tuple[int, int]] = []
    for m in blocks.finditer(_BIRTH, _BIRTH_WORD):
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
            if any(s <= start < e for s, e in births):
                continue
            if not _ABOUT_THE_DOCUMENT.search(text, max(0, start - 60), start):
                found.append(
                    Finding(
                        "anon.date",
                        start,
                        end,
                        "an exact date; give the month and year only (e.g. 'in March 2025')",
                    )
                )
    exact_ages = [
        m.span()
        for m in blocks.finditer(_EXACT_AGE, _WEEK_OR_DAY)
        if not _gestation(text, *m.span())
        and (
            m.group().lower().startswith("aged")
            or m.group().endswith("old")
            or _AGE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        )
    ]
    for start, end in exact_ages:
        found.append(
            Finding(
                "anon.age",
                start,
                end,
                "an age to the week or the day; it identifies a child as surely as a date of "
                "birth (say 'aged around four')",
                Severity.ERROR,
            )
        )
    for m in _ages(blocks):
        start, end = m.span()
        if _gestation(text, start, end) or any(s < end and start < e for s, e in exact_ages):
            continue
        found.append(
            Finding(
                "anon.age",
                start,
                end,
                "an exact age; with other details it can identify a child (say 'aged around four')",
                Severity.WARNING,
            )
        )
    return found


def _gestation(text: str, start: int, end: int) -> bool:
    return bool(
        _GESTATION_BEFORE.search(text, max(0, start - 40), start)
        or _GESTATION_AFTER.match(text, end)
    )
