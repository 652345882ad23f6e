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
    "UK Safer Internet Centre",
    "Safer Internet Centre",
    "UK Council for Internet Safety",
    "UKCIS",
    "Internet Matters",
    "Thinkuknow",
    "SafeLives",
    "Makaton",
    "Baby Friendly Initiative",
    "Coram Voice",
    "Coram",
    "Winston's Wish",
    "Winston’s Wish",
    "help@nspcc.org.uk",
    "Joseph Rowntree Foundation",
    "Molly Rose Foundation",
    "Molly Russell",
    "Project Violet",
    "Jessie and Friends",
    "Jessie & Friends",
    "Baby Buddy",
    "Independent Anti-Slavery Commissioner",
    "Anti-Slavery Commissioner",
    "Domestic Abuse Commissioner",
    "Victims' Commissioner",
    "Victims’ Commissioner",
    "Children's Commissioner",
    "Children’s Commissioner",
    # Practice models, programmes and tools
    "Signs of Safety",
    "Graded Care Profile",
    "Think Family",
    "Operation Encompass",
    "Operation Makesafe",
    "Operation Hydrant",
    "Operation Yewtree",
    "Operation Sceptre",
    "Operation Orochi",
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
    # National reviews that name the children, cited by every partnership
    "Arthur and Star",
    "Star and Arthur",
    "Arthur Labinjo-Hughes",
    "Star Hobson",
    "Peter Connelly",
    "Baby Peter",
    "Baby P",
    "Victoria Climbié",
    "Victoria Climbie",
    "Daniel Pelka",
    "Khyra Ishaq",
    "Hamzah Khan",
    "Ellie Butler",
    "Keanu Williams",
    "Maria Colwell",
    "Jasmine Beckford",
    "Tavistock and Portman",
    "Tavistock Centre",
    "Anna Freud Centre",
    "Anna Freud National Centre",
    "Great Ormond Street Hospital",
    "Alder Hey Children's Hospital",
    "Alder Hey",
    "Duke of Edinburgh's Award",
    "Duke of Edinburgh’s Award",
    "Duke of Edinburgh",
    "Violence Reduction Unit",
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


# National helplines and services, with the public numbers a document may give readers.
NATIONAL_SERVICES: dict[str, tuple[str, ...]] = {
    "NSPCC Helpline": ("0808 800 5000",),
    "NSPCC Whistleblowing Advice Line": ("0800 028 0285",),
    "NSPCC FGM Helpline": ("0800 028 3550",),
    "Report Abuse in Education": ("0800 136 663",),
    "Childline": ("0800 1111",),
    "Samaritans": ("116 123",),
    "NHS 111": ("111",),
    "National Domestic Abuse Helpline": ("0808 2000 247",),
    "Modern Slavery and Exploitation Helpline": ("08000 121 700",),
    "Modern Slavery Helpline": ("08000 121 700",),
    "Stop It Now": ("0808 1000 900",),
    "Men's Advice Line": ("0808 801 0327",),
    "Respect Phoneline": ("0808 802 4040",),
    "Galop": ("0800 999 5428",),
    "Karma Nirvana": ("0800 5999 247",),
    "Forced Marriage Unit": ("020 7008 0151",),
    "Shelter": ("0808 800 4444",),
    "Missing People": ("116 000",),
    "Runaway Helpline": ("116 000",),
    "Papyrus HOPELINE247": ("0800 068 4141",),
    "YoungMinds Parents Helpline": ("0808 802 5544",),
    "Family Lives": ("0808 800 2222",),
    "Rape Crisis": ("0808 500 2222", "0808 802 9999"),
    "Victim Support": ("0808 168 9111",),
    "Crimestoppers": ("0800 555 111",),
    "Action Fraud": ("0300 123 2040",),
    "Anti-Terrorist Hotline": ("0800 789 321",),
    "Talk to FRANK": ("0300 123 6600",),
    "National Gambling Helpline": ("0808 8020 133",),
    "The Lullaby Trust": ("0808 802 6868",),
    "Cry-sis": ("0800 448 0737",),
    "Cruse Bereavement Support": ("0808 808 1677",),
    "Mind Infoline": ("0300 123 3393",),
    "Citizens Advice": ("0800 144 8848",),
    "National Bullying Helpline": ("0300 323 0169",),
    "Hourglass": ("0808 808 8141",),
    "Gingerbread": ("0808 802 0925",),
    "Contact helpline": ("0808 808 3555",),
    "The Mix": ("0808 808 4994",),
    "Drinkline": ("0300 123 1110",),
    "SANEline": ("0300 304 7000",),
    "Beat helpline": ("0808 801 0677",),
    "National Stalking Helpline": ("0808 802 0300",),
    "NAPAC": ("0808 801 0331",),
    "Nacoa": ("0800 358 3456",),
    "Mermaids": ("0808 801 0400",),
    "Switchboard LGBT+": ("0800 0119 100",),
    "Family Rights Group": ("0808 801 0366",),
    "National Centre for Domestic Violence": ("0800 970 2070",),
    "The Silver Line": ("0800 470 8090",),
    "Kooth": (),
    "Refuge": (),
    "Women's Aid": (),
    "CEOP": (),
}


def national_numbers() -> frozenset[str]:
    """The digits of every national helpline's number (compared without spaces)."""
    return _NATIONAL_NUMBERS


_NATIONAL_NUMBERS = frozenset(
    "".join(c for c in number if c.isdigit())
    for numbers in NATIONAL_SERVICES.values()
    for number in numbers
)


def word_list(words: str) -> list[str]:
    """The words of a list written as one string ("january february ...")."""
    return words.split()


_Trie = dict[str, "_Trie"]


def trie_regex(terms: Iterable[str]) -> str:
    """One regular expression for many phrases, as a tree of their characters: much faster
    than an alternation of the phrases, which is tried phrase by phrase at every offset."""
    tree: _Trie = {}
    for term in terms:
        node = tree
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else f"{body}?"
        return body

    return pattern(tree)


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = {t.strip().lower() for t in terms if t.strip()}
    if not cleaned:
        return None
    return re.compile(r"(?<![\w])" + trie_regex(cleaned) + r"(?![\w])", re.IGNORECASE)


_BUILT_IN = frozenset({*ALLOWED_PHRASES, *NATIONAL_SERVICES})


def allowed_spans(text: str, extra: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Where the allowed phrases (and `extra` terms) occur in `text`."""
    pattern = _pattern(tuple(sorted(_BUILT_IN.union(extra))))
    return [m.span() for m in pattern.finditer(text)] if pattern else []
