"""What may always appear, declared once: the names of agencies, services, statutes, guidance
and practice models that look like names or places to a detector.

Roles, relations and the case-letter convention ('Child A', 'Mother', 'Sibling 1') are known
to the name detector itself. A partnership adds its own places, hospitals and agencies in
mkdocs.yml (`allowed_terms`); a document adds its pseudonyms and named professionals in its
front matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

ALLOWED_PHRASES: tuple[str, ...] = (
    # Statutes and statutory guidance
    "Children Act 1989",
    "Children Act 2004",
    "Children and Social Work Act 2017",
    "Working Together to Safeguard Children",
    "Working Together",
    "Keeping Children Safe in Education",
    "Care Act 2014",
    "Domestic Abuse Act 2021",
    "Mental Capacity Act",
    "Mental Health Act",
    "Human Rights Act",
    "Data Protection Act",
    "Modern Slavery Act",
    "Serious Crime Act",
    "Equality Act 2010",
    "Counter-Terrorism and Security Act",
    "Education Act",
    "Crime and Disorder Act",
    "Sexual Offences Act",
    # National bodies, charities and services
    "NSPCC",
    "Barnardo's",
    "Barnardo’s",
    "Women's Aid",
    "Women’s Aid",
    "Lullaby Trust",
    "The Lullaby Trust",
    "Ofsted",
    "Care Quality Commission",
    "Cafcass",
    "Childline",
    "Child Safeguarding Practice Review Panel",
    "National Panel",
    "Youth Justice Board",
    "Royal College of Paediatrics and Child Health",
    "Royal College of Nursing",
    "Royal College of General Practitioners",
    "College of Policing",
    "Home Office",
    "Department for Education",
    "Department of Health and Social Care",
    "Crown Prosecution Service",
    "National Crime Agency",
    "Refuge",
    "Samaritans",
    "Young Minds",
    "YoungMinds",
    "Action for Children",
    "The Children's Society",
    "The Children’s Society",
    "Marie Collins Foundation",
    "Lucy Faithfull Foundation",
    "Stop It Now",
    "Internet Watch Foundation",
    "Child Exploitation and Online Protection",
    "CEOP",
    "Family Nurse Partnership",
    "Sure Start",
    "Citizens Advice",
    "Forced Marriage Unit",
    # Practice models, programmes and tools
    "Signs of Safety",
    "Graded Care Profile",
    "Think Family",
    "Operation Encompass",
    "Early Help",
    "Prevent",
    "Channel",
    "MARAC",
    "MAPPA",
    "MASH",
    "Troubled Families",
    "Supporting Families",
    "Solihull Approach",
    "Brook Traffic Light Tool",
    "Safe and Together",
    "Family Group Conference",
    "Restorative Practice",
    "Hackett continuum",
    "ICON",
    "Baby Steps",
    "Five to Thrive",
    # Courts
    "Crown Court",
    "Family Court",
    "Magistrates' Court",
    "Magistrates’ Court",
    "Youth Court",
    "County Court",
    "High Court",
    "Coroner's Court",
    "Coroner’s Court",
)


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(t) for t in cleaned) + r")(?![\w])", re.IGNORECASE
    )


def allowed_spans(text: str, extra: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Where the allowed phrases (and `extra` terms) occur in `text`."""
    pattern = _pattern(tuple(sorted({*ALLOWED_PHRASES, *extra})))
    return [m.span() for m in pattern.finditer(text)] if pattern else []
