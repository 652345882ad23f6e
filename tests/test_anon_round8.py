"""The gate's eighth round (issue 13): what is said around a word reaches it through the
Markdown that emphasises it. Editors bold and italicise names as often as anything else
("known to his cousins as **Biscuit**"), and every rule that reads a person's slot from the
words around a name ("known as", "who the family called", "his older sister") must see
through the markers and inline tags. Emphasis inside a word is the reader's pass's work
(reader.py), and titles in italics stay titles ("*Hidden Harm* by ...").

Every example here is new, written for these tests; all names and places are invented.
"""

from __future__ import annotations

import pytest

from learning_resources.anonymisation.reader import without_emphasis
from learning_resources.anonymisation.scan import TextContext, scan_text
from learning_resources.kinds import Kind

from .test_anon_issue13 import errors


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The lodger, known to the boys as **Biscuit**, bought them vapes.", "Biscuit"),
        ("Their grandfather, who the children called *Bampi*, drove them to school.", "Bampi"),
        ("His older sister __Treasure__ collected him most days.", "Treasure"),
        ('Messages came from a contact saved as **"Top Dog"** on her phone.', "Top Dog"),
        ("Alcohol was bought by an older lad, known as <b>Stevo</b>.", "Stevo"),
        ("Baby K's mother, ***Blessing***, was nineteen.", "Blessing"),
    ],
)
def test_a_name_in_emphasis_is_read_with_the_words_around_it(text: str, name: str) -> None:
    found = errors(text)
    assert any(rule == "anon.name" and name in span for rule, span in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Staff should read *Hidden Harm* by the Advisory Council before the session.",
        "Bruising to the **T**orso, **E**ars or **N**eck of a baby under **4** months.",
        "The **Early Help** offer and the *Multi-Agency Safeguarding Hub* were both involved.",
        "Use the **Graded Care Profile** with families where neglect is suspected.",
    ],
)
def test_emphasis_around_ordinary_words_raises_nothing(text: str) -> None:
    assert errors(text) == []


def test_only_markers_around_whole_words_are_blanked_and_words_stay_where_they_were() -> None:
    text = "as **Spud**, Ty**ler**, kayz_x09, _Bo_ and <em>Mags</em> but (*Kit*) 2 * 3"
    read = without_emphasis(text)
    assert read == "as   Spud,   Ty**ler**, kayz_x09,  Bo  and     Mags      but  (Kit)  2 * 3"
    for word in ("Spud", "Bo", "Mags", "Kit"):
        assert read.index(word) == text.index(word)


@pytest.mark.parametrize(
    ("text", "rule", "part"),
    [
        ("The baby was **nine weeks and four days** old when she was seen.", "anon.age", "nine"),
        ("He was aged *thirteen years and two weeks*.", "anon.age", "thirteen"),
        ("She was fifteen years and six days old at the time.", "anon.age", "fifteen"),
    ],
)
def test_ages_in_emphasis_are_read_with_the_words_around_them(
    text: str, rule: str, part: str
) -> None:
    found = errors(text)
    assert any(r == rule and part in span for r, span in found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The boy's grandmother, known to everyone as Gran Eluned, came to every meeting.",
            "Eluned",
        ),
        ("When Juniper finally told her tutor, the school acted the same day.", "Juniper"),
    ],
)
def test_names_after_a_family_title_or_a_function_word_are_found(text: str, name: str) -> None:
    found = errors(text)
    assert any(rule == "anon.name" and name in span for rule, span in found), found


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a title-case body before an ordinary word that is also a name
        ("Members of the Young Carers' Forum said the leaflet helped.", ()),
        ("Members of the Parents Forum said the guide was clearer.", ()),
        # eponyms in title case and with a number between
        ("## Fraser Guidelines and Gillick Competence in Practice", ()),
        ("Practitioners can use Morrison's 4x4x4 model (2005) in supervision.", ()),
        # a reference list with editors, a title in italics and a publisher
        (
            "- Okonkwo, T. and Pryce, L. (eds) (2019) *Good Practice in Family Support*. "
            "London: Harriet Lowe.\n",
            (),
        ),
        # national services, declared once
        ("The UK Safer Internet Centre and Internet Matters publish guides for carers.", ()),
        # a body that meets is no premises
        ("Summaries come from the Quality Assurance Subgroup each quarter.", ()),
        # the partnership's own area, after 'The'
        (
            "The Ashcombe Fold and Tarnby partnership publishes its plan each year.",
            ("Ashcombe Fold", "Tarnby"),
        ),
    ],
)
def test_bodies_titles_and_references_are_no_people_or_places(
    text: str, areas: tuple[str, ...]
) -> None:
    assert errors(text, areas=areas) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She told her teacher: "Ash makes me keep secrets."', ["Ash"]),
        ("Storm pushed him against the lockers twice that week.", ["Storm"]),
        ('The group said: "Talk to me, not my mum."', []),
        ("Hope means us looking again at what the child says.", []),
    ],
)
def test_what_a_person_does_to_someone_after_a_name_word_opening_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert [span for rule, span in errors(text) if rule == "anon.name"] == expected


# What round 8's blind files taught, each kind with new examples.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The council's system listed her as Treasure, with an address in the next town.",
            "Treasure",
        ),
        ('At the new school the boys call me "Biscuit" and laugh.', "Biscuit"),
        ("She trusted her tutor Sky Ledger more than anyone.", "Sky Ledger"),
        ("He told his associate 'Dozer' everything.", "Dozer"),
        ("He was known to his cousins and to the youth workers as Nibs.", "Nibs"),
        ("Her form tutor, Mrs Wakefield, noticed the bruise first.", "Wakefield"),
        ("The family's new acquaintance, Ranger, offered to babysit.", "Ranger"),
    ],
)
def test_names_round_8(text: str, name: str) -> None:
    found = errors(text)
    assert any(rule == "anon.name" and name in span for rule, span in found), found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Father collected parcels from Harbour Lights Food Bank every Friday.", "Harbour Lights"),
        ("A referral went to Kestrel Young Carers in March.", "Kestrel Young Carers"),
        ("On Tuesdays he attended 2nd Brackenfold Scouts.", "Brackenfold"),
        ("He trains with Kestrel United on Sunday mornings.", "Kestrel United"),
        ("The family worshipped at Bethel Rock Pentecostal.", "Bethel Rock"),
        ("She had stayed at Marigold House Refuge before.", "Marigold"),
        ("He was in Year 10 at Thornaby Secondary.", "Thornaby"),
        ("The girls waited behind the Bell and Compass most evenings.", "Bell and Compass"),
        ("Her nursery, Tiny Sparrows on Mill Street, raised the first concern.", "Tiny Sparrows"),
        ("Staff visited the Seaview Holiday Park, caravan 14, twice.", "caravan 14"),
        ("She rang Tarnside Women's Aid three times.", "Tarnside"),
    ],
)
def test_premises_round_8(text: str, place: str) -> None:
    found = errors(text)
    assert any(
        rule in ("anon.institution", "anon.address") and place in span for rule, span in found
    ), found


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("Brandon and colleagues' analysis of serious case reviews is a good start.", ()),
        ("See the chapter in Fenwick and Oduya (eds) *Working With Families*, Bramble Press.", ()),
        ("The Hesketh Group inquiry changed how residential settings are inspected.", ()),
        ("Hackworth's attachment model (2014) is used in supervision.", ()),
        ("The Brightwater Practice Model guides every assessment.", ()),
        ("Refer to the Fenby and Ullswick Young Carers service.", ("Fenby", "Ullswick")),
        ("Read the UNICEF UK Baby Friendly Initiative guidance on safer sleep.", ()),
        ("We met at the Health and Wellbeing Board in June.", ()),
    ],
)
def test_no_false_alarms_round_8(text: str, areas: tuple[str, ...]) -> None:
    assert errors(text, areas=areas) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("- **Tamsin Penhallow**, youth worker at the drop-in, ran the sessions.", "Penhallow"),
        ("We thank Kit Rosewarne, family support worker, for her help.", "Rosewarne"),
        ('The photo was filed as "HMP_Brackmoor_visit_day.jpg" on the shared drive.', "Brackmoor"),
    ],
)
def test_a_job_in_apposition_and_a_prison_in_a_file_name(text: str, found: str) -> None:
    assert any(found in span for _, span in errors(text, kind=Kind.PAGE)), errors(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("She was six and a half when the family moved north.", "six and a half"),
        ("Child R, aged 11 and three-quarters, told his mentor.", "11 and three-quarters"),
        ("The session lasted two and a half hours.", None),
        ("He had lost one and a half stone since the spring.", None),
    ],
)
def test_an_age_in_years_and_a_fraction_is_an_age(text: str, age: str | None) -> None:
    found = [f.span(text) for f in scan_text(text, TextContext(kind=Kind.BRIEF))]
    if age is None:
        assert found == []
    else:
        assert len(found) == 1 and age in found[0], found


# Round 9's spent blind files, each kind with new examples.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The notes were saved as harvey-okafor-timeline-v2.docx on the drive.", "harvey"),
        ("The poster is at /media/launch/imani-brooks-speech.png until June.", "imani"),
        ('Her partner was recorded only as "Skip" for a year.', "Skip"),
        ("A boy with autism, Treasure, was moved between three schools.", "Treasure"),
        ("She said she was staying with her boyfriend Chad in town.", "Chad"),
    ],
)
def test_names_round_9(text: str, name: str) -> None:
    found = errors(text)
    assert any(rule == "anon.name" and name.lower() in span.lower() for rule, span in found), found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Crews from Larkfield Fire Station attended within minutes.", "Larkfield"),
        ("Mother worked behind the bar at Bluebell Holiday Village.", "Bluebell Holiday Village"),
        ("He told his coach at Saltmoor Rangers JFC the same day.", "Saltmoor"),
        ("Mother worked above a bookmaker's, Golden Horseshoe, on the parade.", "Golden Horseshoe"),
        ("A volunteer at Masjid al-Huda noticed him first.", "al-Huda"),
        ("He promoted nights at a venue called the Velvet Door.", "Velvet Door"),
        ("They stayed at the Fellbeck lodge park, lodge 9, over half-term.", "lodge 9"),
    ],
)
def test_premises_round_9(text: str, place: str) -> None:
    found = errors(text)
    assert any(place in span for _, span in found), found


@pytest.mark.parametrize(
    "text",
    [
        "- Okafor, N. and Prest, J. (eds) *Working Together Well*. Milton Keynes: Ashdown.\n",
        "- Hale, R. (2011, 3rd edn 2019) *Seeing the Child*. New Orleans: Harbour Books.\n",
        "The idea was first set out by Fenwick, Adeyemi and Cole in 1991 and still holds.",
        '- Lane, P. (2010) "Hope is not enough", *Journal of Child Care*, 12(3).\n',
        "The Safety House tool, developed in New Zealand by Harriet Quill and Mona Lake, helps.",
        "The Independent Review of Youth Justice by Edmund Hale set out the change.",
        "Children in care can contact Coram Voice; bereaved children can call Winston's Wish.",
        "Email the NSPCC at help@nspcc.org.uk for advice.",
        "**Remember ABC.** Babies sleep alone, on their back, in a cot.",
    ],
)
def test_no_false_alarms_round_9(text: str) -> None:
    assert errors(text, kind=Kind.SHEET) == []


@pytest.mark.parametrize(
    "text",
    [
        "He was added to a channel at t.me/northside_lads99 that week.",
        "Join us at discord.gg/x7Kq2",
    ],
)
def test_a_telegram_or_discord_link_is_a_social_profile(text: str) -> None:
    assert [rule for rule, _ in errors(text)] == ["anon.social"]


# Round 10's spent blind files, each kind with new examples.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("- Her mother's sister, Aunty India, told the police he shouted.", "India"),
        ('> Mum tired. Boyfriend "Tinker" stayed in the kitchen.', "Tinker"),
        ('> Says she is staying with "Kit" and "Big Tel" most nights.', "Kit"),
        ("The Early Help worker, Sophie Bowlby, had met the family twice.", "Sophie"),
    ],
)
def test_names_round_10(text: str, name: str) -> None:
    found = errors(text)
    assert any(rule == "anon.name" and name in span for rule, span in found), found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The girls were often near the Lucky Garden Chinese on Mill Road.", "Lucky Garden"),
        ("He works for Hollins Scaffolding Ltd now.", "Hollins Scaffolding"),
        ("A driver from Comet Cars picked them up after school.", "Comet Cars"),
        ("They drank most evenings at the Wheatsheaf.", "Wheatsheaf"),
        (
            "He was placed with a private provider, Brightpath Living Ltd, at short notice.",
            "Brightpath",
        ),
        (
            "At the children's nursery, Little Wrens on Dock Road, staff noticed bruising.",
            "Little Wrens",
        ),
    ],
)
def test_premises_round_10(text: str, place: str) -> None:
    found = errors(text)
    assert any(r == "anon.institution" and place in span for r, span in found), found


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("Parenting groups run at the Holmfield Family Hub every week.", ("Holmfield",)),
        ("Contact the duty desk at Holmfield Health Centre.", ("Holmfield",)),
        ("Send comments to the Holmfield Business Unit.", ("Holmfield",)),
        ("Raise it with the Holmfield Practice Improvement Subgroup.", ("Holmfield",)),
        ("Use the Social GRACES framework (Burnham) in supervision.", ()),
        ("The model of supervision (Morrison and Wonnacott) covers four functions.", ()),
        ("The national review *Safer Together* (2021), chaired by Amos Keel, agreed.", ()),
        ("- Longfield, A. (2019), *Skipping School: Invisible Children*\n", ()),
        ("- Ofsted, *Working Together to Improve School Attendance* (May 2024)\n", ()),
        ("Staff used Hackett's continuum to place the behaviour.", ()),
        ("Thinkuknow's Jessie and Friends films suit four to seven-year-olds.", ()),
        ("Read the Independent Anti-Slavery Commissioner's annual report.", ()),
        ("This review looks at self-neglect in a care leaver's baby.", ()),
    ],
)
def test_no_false_alarms_round_10(text: str, areas: tuple[str, ...]) -> None:
    assert errors(text, kind=Kind.SHEET, areas=areas) == []


# Round 11's spent blind files, each kind with new examples.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He was found at the Seaspray B&B with two men.", "Seaspray B&B"),
        ("Thanks to the Larkhill Community Hall for hosting us.", "Larkhill Community Hall"),
        ("She worked nights at Thornvale Poultry.", "Thornvale Poultry"),
        ("Her GP was at the Oakmere Health Partnership.", "Oakmere Health Partnership"),
        ("The imam at Noori Masjid refused.", "Noori Masjid"),
        ("His brother was seen working at Pizza Piazza most nights.", "Pizza Piazza"),
        ("They lived in Caravan 17 at Dunmere Holiday Park.", "Caravan 17"),
        ("They lived in a flat on the Foundry estate.", "Foundry"),
        ("The unit was on Wharf Side Industrial Estate.", "Wharf Side Industrial Estate"),
        ("She was seen outside a gym on Quarrendon Approach.", "Quarrendon Approach"),
        ("Police were called to the Greyhound after a fight.", "Greyhound"),
        ("He was befriended by someone calling himself 'GamerGuy'.", "GamerGuy"),
    ],
)
def test_found_round_11(text: str, found: str) -> None:
    assert any(found in span for _, span in errors(text)), errors(text)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("- Use Marlow Vale Family Hub for parenting groups.", ("Marlow Vale",)),
        ("Book through the Marlow Vale Learning Hub.", ("Marlow Vale",)),
        ("Ask the Marlow Vale Short Breaks service.", ("Marlow Vale",)),
        ("The term comes from Hale, Dunn and Cole's *Seeing Clearly* (1997).", ()),
        ("The Panel was then chaired by Edith Crane.", ()),
        ("A 12-year-old from Hong Kong has lived with a family friend since May.", ()),
        ("The Bichard Inquiry followed the Soham murders.", ()),
        ("See the Joseph Rowntree Foundation's report on poverty.", ()),
    ],
)
def test_no_false_alarms_round_11(text: str, areas: tuple[str, ...]) -> None:
    assert errors(text, kind=Kind.SHEET, areas=areas) == []
