"""The gate's fifth round (issue 13): structural rules that catch whole kinds. Named venues,
businesses, projects, places of worship and lodgings by their head noun; a word of any kind or
case said of a person in apposition; lower-case names after kin words and before who they
are; bare cells in a table's column of people or settings; families as objects and plural
possessives; a name that a file link's text and its file name share; any word saved as a
contact; references in brackets and after a system's capitals; and the false alarms of the
fourth blind file by kind (things named after people, operations named as campaigns, land and
water features, contractions, a bold letter inside a word).

Every example here is new, written for these tests (not taken from any corpus file), so that
each rule is tested on its kind, not on the string it was tuned on. All names, numbers and
places are invented.
"""

from __future__ import annotations

import pytest

from .test_anon_issue13 import errors

CAUGHT = [
    # venues, businesses, projects, places of worship and lodgings by their head noun
    ("She was often seen at the Velvet Hookah Lounge after school.", "anon.institution",
     "Velvet Hookah Lounge"),
    ("The men met her outside the Rackham Pool Club most evenings.", "anon.institution",
     "Rackham Pool Club"),
    ("They ate at the Golden Wok Palace near the market.", "anon.institution", "Golden Wok"),
    ("He went to the Lantern Youth Project on Fridays.", "anon.institution", "Lantern"),
    ("The family worshipped at Living Waters Tabernacle.", "anon.institution",
     "Living Waters Tabernacle"),
    ("She had lessons at the Bright Sparks Tuition Centre.", "anon.institution", "Bright Sparks"),
    ("Her son went to Little Acorns Childminding twice a week.", "anon.institution",
     "Little Acorns Childminding"),
    ("He was placed in Room 3 at Heronfield Foyer.", "anon.institution", "Heronfield Foyer"),
    ("The boat was tied up at Cutler's Wharf for the winter.", "anon.institution",
     "Cutler's Wharf"),
    ("Staff at the Crescent Moon Takeaway saw her there late at night.", "anon.institution",
     "Crescent Moon Takeaway"),
    ("He stayed at the Gable hostel for a week.", "anon.institution", "Gable"),
    # a word of any kind and case in apposition after a person's noun
    ("Her older sister, ranger, told the nurse about the bruises.", "anon.name", "ranger"),
    ("A neighbour, Harlow, phoned the police that night.", "anon.name", "Harlow"),
    ("A nine-year-old, Precious, arrived at school hungry.", "anon.name", "Precious"),
    ("A third pupil, Friday, repeated the words.", "anon.name", "Friday"),
    ("The mark came from her brother jasper, she said.", "anon.name", "jasper"),
    ("rowan, a family support worker, noticed the change.", "anon.name", "rowan"),
    # "called" or "named" after a child's or a kin noun
    ("A classmate called Marsh showed staff the posts.", "anon.name", "Marsh"),
    ("A seven-year-old named Harbour was seen at the hospital.", "anon.name", "Harbour"),
    ("The boys met at the Sandpiper Bistro on Saturdays.", "anon.institution", "Sandpiper"),
    # a word that is also a place, starting a sentence before what only a person does
    ("Nobody asked. Preston had moved in with his aunt in May.", "anon.name", "Preston"),
    ("The visit was short. willow told the nurse it hurt.", "anon.name", "willow"),
    # families as objects, and a plural possessive
    ("The school arranged extra help for the Fowlers, but it stopped.", "anon.name", "Fowlers"),
    ("A review of the Carvers' kinship placement found gaps.", "anon.name", "Carvers"),
    # a table's column of people or settings
    ("| Child | Concern |\n|---|---|\n| Child K | Missed visits |\n| Saffron | Not in school |",
     "anon.name", "Saffron"),
    ("| Person | Role |\n|---|---|\n| Mother | Parent |\n| Juniper | Sibling 1 |", "anon.name",
     "Juniper"),
    # a name that a file link's text and its file name share
    ("See [Cartwright chronology](/files/cartwright-chronology.pdf).", "anon.name",
     "Cartwright"),
    # any word saved as a contact; a nickname after "everyone knew as"
    ("The texts came from a number saved as brooklyn in her phone.", "anon.name", "brooklyn"),
    ('A coach everyone knew as "Spud" ran the sessions.', "anon.name", "Spud"),
    # references in brackets after a log's word, and after a system's capitals
    ("The police incident log (1187/0932) noted the call.", "anon.reference", "1187/0932"),
    ("The SWIFT 4471920 entry was not updated.", "anon.reference", "SWIFT 4471920"),
    ("The police log (CAD 5532) was closed that night.", "anon.reference", "CAD 5532"),
    ("Her file in the CMS 5520391 shows two referrals.", "anon.reference", "CMS 5520391"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "rule", "span"), CAUGHT)
def test_caught_as_an_error(text: str, rule: str, span: str) -> None:
    found = errors(text)
    assert any(r == rule and span in s for r, s in found), found


ALLOWED = [
    # venues that are kinds, not particular ones
    "Youth workers ran the Youth Club and the Breakfast Club at the school.",
    "The Young Carers Project and the Family Centre both took referrals.",
    "## Community Church Outreach\n\nVolunteers gave out leaflets.",
    "A Polish church gave food; the Food Bank Project gave vouchers.",
    "The children called Mother at work; the baby called out.",
    "Durham was a good place to live. Carlisle had moved up the league.",
    "- she told the review nothing new\n- staff told the panel",
    "The Harbourlight Project, a national charity, runs the helpline.",
    "Seek advice from the Anna Freud Centre or Great Ormond Street Hospital.",
    "Leaflets went out for the Greens and the Saints.",
    # words between commas that are no one's name
    "His brother, meanwhile, said nothing to staff.",
    "Mother, exhausted, took the baby into her bed.",
    "Her cousin too, she said, had been hurt.",
    "Another pupil, unnamed, copied her; a teacher, Miss, who saw it, said nothing.",
    # things named after people, also when a cue says what they are known as
    "Use the Lanyon Protocol when a child goes missing from care.",
    "The scheme, known as Sarah's Law, lets parents ask about a person.",
    "Hart's ladder of participation (1992) is still used.",
    # an operation named as a campaign or its materials
    "- Operation Lighthouse awareness pack (from the police)",
    # features of land and water; contractions at the start of a heading
    "Risk sat outside the home: at the harbour, the pier and online.",
    "### Referrals Aren't Enough\n\nWon't you ask again?",
    # a letter in bold inside a word
    "Remember **F**ace, **E**ars and **N**eck in babies.",
    # a family of words after 'for the' that are no family; a plan's years in brackets
    "There was support for the Olympics and for the Midlands.",
    "The Business Plan (2024-2027) sets the priorities.",
    # a file link whose text begins with an ordinary word
    "See [Strategy notes](/files/strategy-notes.pdf).",
    "See [Draft minutes](/files/draft-minutes.docx) and [old](../briefs/old.md).",
    # a table of agencies
    "| Agency | Knew |\n|---|---|\n| GP | Yes |\n| School | No |",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed(text: str) -> None:
    assert errors(text) == []
