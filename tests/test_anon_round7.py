"""The gate's seventh round (issue 13): rules that catch whole kinds by structure and context.
Ages written in words, as ages in digits are ("eleven years and two months", "Comet, aged
eight"); venues and services by more head nouns (amusements, arcades, short breaks and
respite, counselling, vape shops, skate parks, youth zones, tattoo parlours); a chain hotel by
its street ("the Travelodge on Wharfside"); two to four Capitalised words where someone waits
or is found ("outside Golden Goose Laser Quest", "at the Copper Kettle"); a service, charity
or firm said so in apposition ("Larkspur, a private counselling service,"); a letter and a
word in a list of nicknames ("known as Dino and B-Rex"); who a person claimed or turned out
to be ("Cinder claimed to be a 14-year-old girl"); what a person says after a word of when
("later said", "finally told"). False alarms by kind: things named after people before what
they name ("Gillick competence", "the Fraser guidelines"), publishers and universities,
England's regions, titles in italics cited as publications, chains with no branch named, and
people's plural nouns ("Men who").

Every example here is new, written for these tests (not taken from any corpus file), so that
each rule is tested on its kind, not on the string it was tuned on. All names, numbers and
places are invented.
"""

from __future__ import annotations

import pytest

from learning_resources.anonymisation.scan import TextContext, scan_text
from learning_resources.kinds import Kind

from .test_anon_issue13 import errors


def ages(text: str) -> list[str]:
    """Every age found, as an error or a warning."""
    found = scan_text(text, TextContext(kind=Kind.BRIEF))
    return [f.span(text) for f in found if f.rule == "anon.age"]


AGES_IN_WORDS = [
    ("Child P was eleven years and two months old when he was excluded.", "eleven years"),
    ("A girl aged six years and eleven months was seen at the clinic.", "six years"),
    ("The baby was fourteen months old at the time.", "fourteen months"),
    ("He was aged twenty-two months when the referral came.", "twenty-two months"),
    ("She was then seven months, two weeks old.", "seven months"),
    ("The twins were aged three years and one week.", "three years"),
]


@pytest.mark.parametrize(("text", "span"), AGES_IN_WORDS)
def test_ages_in_words_are_ages(text: str, span: str) -> None:
    assert any(span in found for found in ages(text)), ages(text)


def test_an_age_to_the_week_in_words_is_an_error() -> None:
    text = "He was aged four years and three weeks."
    assert errors(text) == [("anon.age", "aged four years and three weeks")]


@pytest.mark.parametrize(
    "text",
    [
        "The family had lived there for some years and several months.",
        "Born at thirty-one weeks, she spent a month in the neonatal unit.",
        "Fourteen months later the case was closed.",
        "Nine of the twelve schools replied within two weeks.",
    ],
)
def test_lengths_of_time_and_gestation_in_words_are_no_age(text: str) -> None:
    assert ages(text) == []


CAUGHT = [
    # venues and services by their head noun
    (
        "She was seen most evenings outside Silverstrand Amusements.",
        "anon.institution",
        "Silverstrand Amusements",
    ),
    ("The boys met at Neon Nights Arcades near the pier.", "anon.institution", "Neon Nights"),
    (
        "He went for overnight stays at Kestrel House Short Breaks.",
        "anon.institution",
        "Kestrel House",
    ),
    (
        "Her mother paid for sessions at Bramblewood Counselling.",
        "anon.institution",
        "Bramblewood Counselling",
    ),
    (
        "He bought disposables from Cloudnine Vapes after school.",
        "anon.institution",
        "Cloudnine Vapes",
    ),
    ("She had been buying from The Puff Hut on the parade.", "anon.institution", "Puff Hut"),
    ("The older lads hung around Marlowe Street Skate Park.", "anon.institution", "Skate Park"),
    (
        "He went to Ravenscar Youth Zone three nights a week.",
        "anon.institution",
        "Ravenscar Youth Zone",
    ),
    (
        "The tattoo was done at Black Anchor Tattoos without consent.",
        "anon.institution",
        "Black Anchor Tattoos",
    ),
    (
        "From Year 9 he went to New Horizons Alternative Provision.",
        "anon.institution",
        "Horizons Alternative Provision",
    ),
    # chain hotels by their street or place
    (
        "Police found her at the Travelodge on Wharfside with an adult.",
        "anon.institution",
        "Travelodge on Wharfside",
    ),
    (
        "The family were placed in the Novotel at Riverside for a month.",
        "anon.institution",
        "Novotel at Riverside",
    ),
    # two to four Capitalised words where someone waits or is found
    (
        "He waited outside Golden Goose Laser Quest every night.",
        "anon.institution",
        "Golden Goose Laser Quest",
    ),
    (
        "She was seen near Starling Bay Water Sports with two men.",
        "anon.institution",
        "Starling Bay Water Sports",
    ),
    (
        "Most evenings they drank at the Copper Kettle with older men.",
        "anon.institution",
        "Copper Kettle",
    ),
    # a service, charity or firm said so in apposition
    (
        "She was referred to Larkspur, a private counselling service, in the spring.",
        "anon.institution",
        "Larkspur",
    ),
    ("He drove for Quickstep, a local taxi firm, at weekends.", "anon.institution", "Quickstep"),
    # a letter and a word after a nickname's cue, in a list of nicknames
    ("He spent his time with two men known as Dino and B-Rex.", "anon.name", "B-Rex"),
    # ages in words after a name
    ("His sisters were Comet, aged eight, and a baby.", "anon.name", "Comet"),
    ("Their cousin, Thunder, now fifteen, moved in.", "anon.name", "Thunder"),
    ("The children were Pebble, nine, and a baby.", "anon.name", "Pebble"),
    # who a person claimed or turned out to be
    ("Online, Cinder claimed to be a 14-year-old girl from Leeds.", "anon.name", "Cinder"),
    ("The messages stopped. Flint turned out to be an adult in his forties.", "anon.name", "Flint"),
    # what a person says after a word of when
    ("The letter reached him first. Harmony later said she felt ashamed.", "anon.name", "Harmony"),
    ("When Lark finally told her tutor, the police were called.", "anon.name", "Lark"),
    (
        "Staff noticed the bruise before Kestrel eventually disclosed the abuse.",
        "anon.name",
        "Kestrel",
    ),
]


@pytest.mark.parametrize(("text", "rule", "span"), CAUGHT)
def test_caught(text: str, rule: str, span: str) -> None:
    found = errors(text)
    assert any(r == rule and span in s for r, s in found), found


ALLOWED = [
    # things named after people before what they name
    "Staff checked whether she was Gillick competent and followed the Fraser guidelines.",
    "The nurse used the Gillick, Fraser and Bolam principles in her notes.",
    "Practitioners used the Bristol scale and the Rochdale checklist.",
    # publishers and universities
    "Read Hughes, K. (2019) *Listening to Fathers*, Policy Press.",
    "See *Working with Families* (2018), Lantern Hill Publishers.",
    "The study was led by the University of East Anglia and the University of Sussex.",
    # England's regions
    "The family moved from East Anglia to the West Midlands, then to the South West.",
    # titles in italics cited as publications
    "The Panel's report *Invisible Fathers and Silent Men* (2022) is essential reading.",
    "- Brandon, M. (2020) *Hidden Harm and Quiet Women*",
    "The briefing *Boys Who Carry Knives* sets out the evidence.",
    # people's plural nouns opening a sentence or a list item
    "- Men who pose a risk are often the least visible.\n- Women who were abused went unseen.",
    "Boys who carry knives need support. Girls who are groomed are victims.",
    # a chain hotel in one of the areas, or with no place
    "The family stayed at a Premier Inn for three weeks.",
    # a national charity in apposition, or one introduced with "the"
    "The family asked Harbour Lantern, a national charity, for advice.",
    "- Snowdrop, the charity for bereaved parents: support by phone",
    # provision by its kind
    "He was placed in the Alternative Provision; others use Resourced Provision.",
    # bodies after "at the"
    "The meeting was at the Home Office; the case was heard at the Family Court.",
    # chains with no branch named
    "He worked at Kentucky Fried Chicken; she had a Pizza Hut voucher.",
    "She wore a T-Shirt to her A-Level exam.",
    "He waited outside Accident and Emergency with his mother.",
    # a service by its kind, not its name
    "He was referred to the Bereavement Counselling service.",
    "Short Breaks are offered by the council; the Youth Zone model is national.",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed(text: str) -> None:
    assert errors(text) == []


def test_a_chain_hotel_in_an_area_is_allowed() -> None:
    assert errors("She stayed at a Travelodge in Quenby.", areas=("Quenby",)) == []


# After the seventh blind run: premises named for whom they serve, in the plural possessive.
@pytest.mark.parametrize(
    ("text", "areas", "span"),
    [
        ("She moved up to Harrowgate Boys' School in Year 7.", (), "Harrowgate Boys' School"),
        ("They met at the Pellow Carers' Café on Thursdays.", ("Pellow",), "Pellow Carers' Café"),
        ("He was collected from Fenwick Girls’ Academy.", (), "Fenwick Girls’ Academy"),
    ],
)
def test_premises_named_for_whom_they_serve_are_found(
    text: str, areas: tuple[str, ...], span: str
) -> None:
    found = errors(text, areas=areas)
    assert any(r == "anon.institution" and span in s for r, s in found), found


def test_a_plural_possessive_alone_names_no_premises() -> None:
    assert errors("The Parents' Forum met; the Girls' Schools Association wrote.") == []
