"""The gate's sixth round (issue 13): rules that catch whole kinds by structure and context.
Nicknames by who calls them so ("a man everyone called X", "named the boys as X and Y", "to
neighbours as X"), roles and their holders ("her ISVA, X.", "the youth worker was X,"), who
looked after, taught or harmed a person ("mentored by X"); a Capitalised ordinary word alone
mid-sentence in a person's slot; words listed with names; police log references, long digit
runs and user names by their shape; clubs, short hospital names, church schools, places of
worship named by their kind, settings in brackets, pubs and pitches; a place the text names,
whole, in its link addresses. False alarms by kind: numbers opening a sentence, an
apostrophe read as a closing quote, things named after people after "the", service desks
and abstract nouns.

Every example here is new, written for these tests (not taken from any corpus file), so that
each rule is tested on its kind, not on the string it was tuned on. All names, numbers and
places are invented.
"""

from __future__ import annotations

import pytest

from .test_anon_issue13 import errors

CAUGHT = [
    # nicknames by who calls them so
    ("Her uncle's friend, a man the neighbours called Gravy, drove her home.", "anon.name",
     "Gravy"),
    ("The older boy everyone called Scampi kept the phone.", "anon.name", "Scampi"),
    ("The man the file calls 'Deacon' was never traced.", "anon.name", "Deacon"),
    ("He identified the two older boys as Kestrel and Moth.", "anon.name", "Moth"),
    ("She named the girls who hurt her as Pebble and 'the Duchess'.", "anon.name", "Duchess"),
    ("Known at school as Mr Tallis-Ward and to the lads as 'Fuse', he ran the line.",
     "anon.name", "Fuse"),
    ("Staff knew him as 'Kit' or 'Big Cousin' in the hostel.", "anon.name", "Big Cousin"),
    ("The twins knew their carers as Nanny Bee and Grandad Tom.", "anon.name", "Bee"),
    ("Her stepfather went by Major and moved in quickly.", "anon.name", "Major"),
    ("The woman on the phone gave her name as Amber-Lee and rang off.", "anon.name", "Amber-Lee"),
    # roles and who holds them
    ("She told her ISVA, Marigold, about the messages.", "anon.name", "Marigold"),
    ("The youth worker was Sorrel, and she saw him weekly.", "anon.name", "Sorrel"),
    ("He was mentored by Sunny for most of Year 10.", "anon.name", "Sunny"),
    ("The younger children were babysat by Clementine at weekends.", "anon.name", "Clementine"),
    # a Capitalised ordinary word alone mid-sentence, in a person's slot
    ("Most nights he was out with Gravel, an older lad from the flats.", "anon.name", "Gravel"),
    ("Police later spoke to Pylon about the knife.", "anon.name", "Pylon"),
    ("The teacher asked Noodle about the bruise.", "anon.name", "Noodle"),
    ("In the park, her friend Peanut said she was scared.", "anon.name", "Peanut"),
    ("The twins hung around with Biscuit and Marmalade after school.", "anon.name",
     "Marmalade"),
    ("Her grandad's lodger Thistle often bought them sweets.", "anon.name", "Thistle"),
    ("He said that Hammer punched him outside the shop.", "anon.name", "Hammer"),
    ("A photo of Primrose at the beach was in the file.", "anon.name", "Primrose"),
    ("Staff worried when Tempest didn't come back after lunch.", "anon.name", "Tempest"),
    ("Her teacher had known Velvet since Reception.", "anon.name", "Velvet"),
    ("Neither Verity nor her sister were asked.", "anon.name", "Verity"),
    ("The household: Mum, her partner (Sprocket) and two boys.", "anon.name", "Sprocket"),
    ("- **Uncle** — 'Tonka'", "anon.name", "Tonka"),
    # words listed with names found already
    ("The names given were Dexter, Blaise, Tarmac and 'Pudding'.", "anon.name", "Tarmac"),
    ("Hope and Priyanka were moved to another class.", "anon.name", "Hope"),
    ("| [Kezia and Robin — a review](/files/kezia-robin.pdf) | 2022 |", "anon.name", "Robin"),
    ("Staff still call it the Tallulah case.", "anon.name", "Tallulah"),
    # references, long digit runs and user names by their shape
    ("Control logged the call as CAD 7714.", "anon.reference", "7714"),
    ("The occurrence number 41009927735 was passed on.", "anon.reference", "41009927735"),
    ("The boat's licence (index 330417) was checked.", "anon.reference", "330417"),
    ("The figure 880231547 was written on the referral.", "anon.reference", "880231547"),
    ("The nursery's CPOMS entry 51920 recorded the mark.", "anon.reference", "51920"),
    ("The contact was recorded on the system as 6604381.", "anon.reference", "6604381"),
    ("He messaged from an account called **zZ_Vipes_Zz** late at night.", "anon.social",
     "zZ_Vipes_Zz"),
    ("The group's owner, bramleyboyz.crew, posted the video.", "anon.social",
     "bramleyboyz.crew"),
    ("A file saved as `review_notes_tanisha-b.docx` was sent out.", "anon.name", "tanisha-b"),
    # clubs, short hospital names, church schools, worship, settings, pubs and pitches
    ("He trained at Steel City ABC three nights a week.", "anon.institution", "Steel City ABC"),
    ("She ran for Hollowmere Striders on Sundays.", "anon.institution", "Hollowmere Striders"),
    ("She was seen in A&E at Braxby General twice.", "anon.institution", "Braxby General"),
    ("Her teacher at St Ivo's C of E, Mrs Pell, noticed.", "anon.institution", "C of E"),
    ("The boy went to Masjid Al-Rahma after school.", "anon.institution", "Masjid Al-Rahma"),
    ("| Childminder (Busy Bumblebees, Fenby) | Bruise |", "anon.institution",
     "Busy Bumblebees"),
    ("The barmaid at the Tup told her mother.", "anon.institution", "Tup"),
    ("He slept above the Silver Lotus takeaway.", "anon.institution", "Silver Lotus"),
    ("They stayed at Gorse Lane site, Plot 4, all winter.", "anon.address", "Plot 4"),
    ("The family went to the Living Word Assembly on Sundays.", "anon.institution",
     "Living Word Assembly"),
    ("He helped out at Brackenside Farm in the holidays.", "anon.institution",
     "Brackenside Farm"),
    ("They spent Saturdays at the Jungle Jamboree soft play.", "anon.institution",
     "Jungle Jamboree"),
    ("Police linked him to the Deadyard gang.", "anon.institution", "Deadyard"),
    ("Their address was 12 The Spinneys, near the ring road.", "anon.address",
     "12 The Spinneys"),
    ("He rented a room at 41b Quarrygate until the spring.", "anon.address", "41b Quarrygate"),
    ("They drank at 'the Hutch', an empty warehouse by the canal.", "anon.institution",
     "Hutch"),
    ("Police searched a flat in Lumen Tower.", "anon.address", "Lumen Tower"),
    # a place the text names, whole, in its link address
    ("[Child K at Fernlea Junior School](/files/child-k-fernlea-junior-school.pdf)",
     "anon.institution", "fernlea-junior-school"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "rule", "span"), CAUGHT)
def test_caught_as_an_error(text: str, rule: str, span: str) -> None:
    found = errors(text)
    assert any(r == rule and span in s for r, s in found), found


def test_a_name_found_once_is_found_again() -> None:
    text = "The names given were Dexter, Blaise, Tarmac and Ozzy. Tarmac later left the area."
    assert errors(text).count(("anon.name", "Tarmac")) == 2


ALLOWED = [
    # numbers opening a sentence; an apostrophe is no closing quote
    "Two missed visits are a pattern. One missed appointment is noise.",
    'Ask each other "Where\'s the child in this?" at every meeting.',
    "- What's the one thing you would change?",
    # things named after people, after "the"
    "The Moses basket stayed at Nan's house.",
    "The Fraser guidelines apply.",
    "The Laming report and the Henry Allen approach are both cited.",
    "He went by Mum's name at school; she went by Mother in the notes.",
    # service desks and abstract nouns Capitalised in a person's slot
    "She asked Duty about the referral and rang Admissions about a place.",
    "Staff should talk to Triage before they send it; he spoke with Legal about it.",
    "The manager saw Improvement as the priority.",
    "She asked Admin about the form; Mum rang Transport and spoke to Pastoral about it.",
    "When Support was offered, the family took it; If Triage agreed, staff moved on.",
    # long numbers for a trade or a body, and ten digits (an NHS number's shape)
    "Quote purchase order 73310458 on every invoice.",
    "Registered charity number 11223344.",
    "The figures were recorded as 2023 data; Entry 12 in the log was blank.",
    # dotted words that are words, and addresses of examples
    "See the learning.resources module and the northmere.example site.",
    # a club of a kind, a pub spoken of without a name, a bracket without a name
    "The nursery (Ofsted rated good) was told.",
    "He drank at the pub in the town centre.",
    "The ABC of safeguarding is a short guide. Read the Parents ABC guide.",
    "He trained in Mixed Martial Arts with the Front Runners group.",
    "Staff were trained by Stonewall and supervised by Ofsted.",
    "Father (deceased), the mother (MARAC) and the boy (Year 9) were discussed.",
    "Her father (Polish) and Mother (Unknown) are in the genogram.",
    "Her teacher (Maths) said the boy (Autistic) was tired.",
    "The Film crew and the Fire crew arrived; she was drinking in the Evening.",
    "The Attorney General and the Secretary General spoke; Statutory Maternity pay was paid.",
    "He joined a gang; the Youth Assembly and the London gang were discussed.",
    "Risk rose from 2 Years to 5 Years; move to 3 The End of the form.",
    "In March, a house was found for them. On Friday, a building was offered.",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed(text: str) -> None:
    assert errors(text) == []


# After the sixth blind run (a decision, not tuning): only a hospital named after one of the
# partnership's areas serves the whole area; a club, school, prison or youth venue named after
# one narrows where a family lives. Also clubs and grammar schools by their short kind.
AREAS = ("Quenby", "Holt Marsh")
AFTER_AN_AREA = [
    ("He trained with Quenby Cricket Club on Sundays.", "Quenby Cricket Club"),
    ("Most evenings he was at Holt Marsh Lads' Club.", "Holt Marsh Lads' Club"),
    ("Her father was on remand at HMP Quenby.", "HMP Quenby"),
    ("He moved up to Quenby Grammar in Year 7.", "Quenby Grammar"),
    ("He spent Saturdays at the Quenby Snooker Lounge.", "Quenby Snooker"),
]


@pytest.mark.parametrize(("text", "span"), AFTER_AN_AREA)
def test_local_premises_named_after_an_area_are_found(text: str, span: str) -> None:
    found = errors(text, areas=AREAS)
    assert any(r == "anon.institution" and span in s for r, s in found), found


@pytest.mark.parametrize(
    "text",
    [
        "She was admitted to Holt Marsh General Hospital overnight.",
        "She was taken to Quenby Royal Infirmary.",
    ],
)
def test_a_hospital_named_after_an_area_of_two_words_is_allowed(text: str) -> None:
    assert errors(text, areas=AREAS) == []


def test_premises_after_a_cue_are_whole_words() -> None:
    """Not "admitted to Wrenford Genera" before "l Hospital": the whole name, or nothing."""
    text = "He was admitted to Wrenford Valley General Hospital."
    assert errors(text) == [("anon.institution", "Wrenford Valley General Hospital")]
