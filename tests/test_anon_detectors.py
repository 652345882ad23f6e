"""Each structured-identifier, date and place rule: what it catches and what it leaves alone."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning_resources.anonymisation.blocks import Blocks, Lower, Words
from learning_resources.anonymisation.cases import find_other_cases
from learning_resources.anonymisation.exact_dates import find_dates
from learning_resources.anonymisation.identifiers import find_identifiers, nhs_number_is_valid
from learning_resources.anonymisation.places import find_places


def spans(findings: list, text: str) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(f.rule, f.span(text)) for f in findings]


CAUGHT = [
    ("anon.postcode", "They moved to NG7 2AB last spring.", "NG7 2AB"),
    ("anon.postcode", "the flat at ng72ab", "ng72ab"),
    ("anon.postcode", "near EC1A 1BB", "EC1A 1BB"),
    ("anon.phone", "Ring 07700 900123 after six.", "07700 900123"),
    ("anon.phone", "on +44 7700 900 456 daily", "+44 7700 900 456"),
    ("anon.phone", "called (0115) 496 0123", "(0115) 496 0123"),
    ("anon.phone", "left 0115-496-0999 on a note", "0115-496-0999"),
    ("anon.email", "wrote to jo.bloggs84@gmail.com", "jo.bloggs84@gmail.com"),
    ("anon.nhs_number", "NHS number 943 476 5919 on the form", "943 476 5919"),
    ("anon.nhs_number", "ref 9434765919.", "9434765919"),
    ("anon.ni_number", "NI number QQ 12 34 56 C", "QQ 12 34 56 C"),
    ("anon.ni_number", "his number jg 10 37 28 a", "jg 10 37 28 a"),
    ("anon.vehicle", "a silver car, AB12 CDE, was seen", "AB12 CDE"),
    ("anon.vehicle", "reg bd51smr", "bd51smr"),
    ("anon.social", "messages from @tyler_w2009 at night", "@tyler_w2009"),
    (
        "anon.social",
        "see https://www.facebook.com/kerry.ann.77 for",
        "https://www.facebook.com/kerry.ann.77",
    ),
    ("anon.social", "snapchat user jaydenx99 sent", "jaydenx99"),
    ("anon.reference", "case number 2019/04417 was", "2019/04417"),
    ("anon.reference", "crime reference NM-44172-19.", "NM-44172-19"),
]

LEFT_ALONE = [
    "Under section 47 of the Children Act 1989, 12 referrals were made in 2023.",
    "The cost was £1,250; a further 2,500 families were reached; at 10:30 each day.",
    "Child A was in Year 9; KS2 results; Graded Care Profile 2 (GCP2).",
    "An invalid ten-digit number 943 476 5918 is not an NHS number.",
    "The partnership's address learning@northmere-scp.example is allowed.",
    "A WhatsApp group and Snapchat were used; the Xbox was in the bedroom.",
    "Case review 2019 and the case conference in March 2024.",
    "Visit https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
]


@pytest.mark.parametrize(("rule", "text", "span"), CAUGHT)
def test_identifiers_are_caught(rule: str, text: str, span: str) -> None:
    found = spans(find_identifiers(text), text)
    assert (rule, span) in found


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_ordinary_text_is_left_alone(text: str) -> None:
    allowed = frozenset({"learning@northmere-scp.example"})
    assert spans(find_identifiers(text, allowed), text) == []


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("9434765919", True), ("9434765918", False), ("4010232137", True), ("1234567890", False)],
)
def test_nhs_numbers_use_the_modulus_11_check(digits: str, valid: bool) -> None:
    assert nhs_number_is_valid(digits) is valid


DATES = [
    ("anon.date", "On 3rd March 2015 the school called.", "3rd March 2015"),
    ("anon.date", "by March 3, 2015 it had", "March 3, 2015"),
    ("anon.date", "seen on 03/03/2015 at home", "03/03/2015"),
    ("anon.date", "on 3.3.15 and", "3.3.15"),
    ("anon.date", "the strategy meeting (2015-03-03)", "2015-03-03"),
    ("anon.date", "visited on 14 June with", "14 June"),
    ("anon.date", "on the 21st of May the", "21st of May"),
    ("anon.date", "and on Tuesday 9th she", "Tuesday 9th"),
    ("anon.date_of_birth", "DOB 12/05/2016 on the referral", "12/05/2016"),
    ("anon.date_of_birth", "was born on 4 July 2018.", "4 July 2018"),
    ("anon.date_of_birth", "She was born in August 2015.", "August 2015"),
    ("anon.age", "Child A, aged 4 years 7 months, was", "aged 4 years 7 months"),
    ("anon.age", "when he was 3 years and 2 months old", "3 years and 2 months old"),
]


@pytest.mark.parametrize(("rule", "text", "span"), DATES)
def test_dates_and_ages_are_caught(rule: str, text: str, span: str) -> None:
    assert (rule, span) in spans(find_dates(text, exact_dates_are_errors=True), text)


@pytest.mark.parametrize(
    "text",
    [
        "In March 2024 the case was stepped down; between May and September 2023 it rose.",
        "By spring 2022 Child A, aged around two, had been seen over eight months.",
        "A 14-year-old in Year 9; section 17; 24/7 support; the 2023-24 plan.",
        "Born prematurely, the baby went home after some weeks.",
    ],
)
def test_month_and_year_and_rough_ages_are_fine(text: str) -> None:
    assert find_dates(text, exact_dates_are_errors=True) == []


def test_exact_dates_are_only_errors_in_briefs() -> None:
    text = "From 1 April 2024 the guidance changed; born on 4 July 2018."
    assert [f.rule for f in find_dates(text, exact_dates_are_errors=False)] == [
        "anon.date_of_birth"
    ]


PLACES = [
    ("anon.address", "They lived at 14 Acacia Avenue for a year.", "14 Acacia Avenue"),
    ("anon.address", "a flat on Larkspur Close", "Larkspur Close"),
    ("anon.address", "flat 3, Meadowbank Court was", "flat 3, Meadowbank Court"),
    ("anon.institution", "at St Anne's Primary School since", "St Anne's Primary School"),
    ("anon.institution", "moved to Hillcrest Academy in", "Hillcrest Academy"),
    ("anon.institution", "Little Acorns Nursery staff", "Little Acorns Nursery"),
    ("anon.institution", "registered at Parkview Medical Practice", "Parkview Medical Practice"),
    ("anon.institution", "admitted to Ward 22 overnight", "Ward 22"),
    (
        "anon.institution",
        "placed at Oakfield House children's home",
        "Oakfield House children's home",
    ),
]


@pytest.mark.parametrize(("rule", "text", "span"), PLACES)
def test_places_are_caught(rule: str, text: str, span: str) -> None:
    assert (rule, span) in spans(find_places(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "The primary school and a secondary school shared concerns with the GP practice.",
        "The case went to Northmere Crown Court and then the Family Court.",
        "The Royal College of Paediatrics and Child Health; the Virtual School Head.",
        "The children's ward; Her school; The Academy trust; Northmere City Council.",
    ],
)
def test_generic_places_and_courts_are_fine(text: str) -> None:
    assert find_places(text) == []


def test_another_case_letter_in_a_brief_is_a_warning_unless_related() -> None:
    text = "Child A's brother, Child B, and Baby C."
    found = find_other_cases(text, "A", ["C"], ["Child", "Baby"])
    assert spans(found, text) == [("anon.case_letter", "Child B")]
    assert find_other_cases("Child A and Mother", "A", [], ["Child"]) == []


VARIANTS = [
    (find_identifiers, "anon.nhs_number", "NHS 417  720  0891 on file", "417  720  0891"),
    (find_identifiers, "anon.nhs_number", "NHS 943.476.5919.", "943.476.5919"),
    (find_identifiers, "anon.postcode", "moved to LS9  4FY in", "LS9  4FY"),
    (find_identifiers, "anon.ni_number", "NI number (XK-52-97-01-B)", "XK-52-97-01-B"),
    (find_identifiers, "anon.reference", "the incident log number is 1963, not", "1963"),
    (find_identifiers, "anon.reference", "Family court: DE19C00374, listed", "DE19C00374"),
    (find_identifiers, "anon.reference", "tracked as LCS-839479.", "LCS-839479"),
    (find_identifiers, "anon.social", "a contact (Snapchat: xxmarekxx8) was", "xxmarekxx8"),
    (find_identifiers, "anon.social", "was halan#7261 on Discord", "halan#7261"),
    (find_identifiers, "anon.social", "his name, milan_ba_12, appeared", "milan_ba_12"),
    (
        find_places,
        "anon.address",
        "lived at flat 2, Sherwood Heights after",
        "flat 2, Sherwood Heights",
    ),
    (find_places, "anon.address", "address 19 Quarry Bank, ST4 3TB.", "19 Quarry Bank"),
    (find_places, "anon.institution", "the nursery, Orchard Tots, had noted", "Orchard Tots"),
    (find_places, "anon.institution", "moved to Brook House, a children's home", "Brook House"),
    (find_places, "anon.institution", "admitted to the Rainbow Unit, weight", "Rainbow Unit"),
]


@pytest.mark.parametrize(("detector", "rule", "text", "span"), VARIANTS)
def test_usual_typing_variations_are_caught(detector, rule: str, text: str, span: str) -> None:  # type: ignore[no-untyped-def]
    assert (rule, span) in spans(detector(text), text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Child R (16y 9m) was seen", "16y 9m"),
        ("then 17 yrs 3 mths, was", "17 yrs 3 mths"),
        ("when Baby T was 7 months, 3 weeks.", "7 months, 3 weeks"),
        ("At 22 months, she", "At 22 months"),
    ],
)
def test_age_shorthand_is_caught(text: str, span: str) -> None:
    assert ("anon.age", span) in spans(find_dates(text, exact_dates_are_errors=True), text)


@pytest.mark.parametrize(
    "text",
    [
        "A detective from the Public Protection Unit and the Forced Marriage Unit advised.",
        "Three months later, at 10 weeks after the plan, the log showed progress.",
        "The NSPCC helpline and Childline (0800 1111) are free.",
    ],
)
def test_national_units_and_ordinary_numbers_are_fine(text: str) -> None:
    from learning_resources.anonymisation.scan import TextContext, scan_text
    from learning_resources.kinds import Kind

    assert scan_text(text, TextContext(kind=Kind.BRIEF)) == []


# --------------------------------------------------------------------------------------------
# blocks.py: a costly pattern run only in the paragraphs that hold its anchor finds what a
# whole-text pass finds (when no match crosses a blank line), and always ends.
# --------------------------------------------------------------------------------------------

_BLOCK_TEXT = st.text(alphabet="ab1x_. \n\t", max_size=300)


@given(_BLOCK_TEXT)
def test_blocks_find_what_a_whole_text_pass_finds(text: str) -> None:
    pattern = re.compile(r"(?<![a-z])x[a-z]*1")  # what it finds holds an x and a digit
    whole = [m.span() for m in pattern.finditer(text)]
    for anchor in (re.compile(r"\d"), Lower(re.compile("x")), Words(("x",)), Words(("1", "b"))):
        assert [m.span() for m in Blocks(text).finditer(pattern, anchor)] == whole
    both = Blocks(text).finditer(pattern, re.compile("a"), re.compile("x"))
    assert [m.span() for m in both] == whole


@given(_BLOCK_TEXT)
def test_blocks_of_any_anchor_are_ordered_paragraphs(text: str) -> None:
    for anchor in (re.compile(r"\n"), re.compile(r"\s+"), Words(("\n", " \n")), Words(("",))):
        windows = Blocks(text).where(anchor)
        assert windows == sorted(set(windows))
        assert all(0 <= s <= e <= len(text) for s, e in windows)
        assert all(e1 < s2 for (_, e1), (s2, _) in itertools.pairwise(windows))
