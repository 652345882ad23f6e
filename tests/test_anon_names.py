"""The personal-name detector (rule anon.name): what it finds, what it leaves alone.

All names here are invented for the tests; any resemblance to a real family is chance.
"""

from __future__ import annotations

import ast
import gzip
import re
import sys
from pathlib import Path

import pytest

from learning_resources.anonymisation import names
from learning_resources.anonymisation.findings import Finding
from learning_resources.anonymisation.names import find_names
from learning_resources.problems import Severity

E, W = "error", "warning"  # expected severity: None (the rule's error) or Severity.WARNING


def found(text: str) -> list[tuple[str, str]]:
    return [(f.span(text), W if f.severity is Severity.WARNING else E) for f in find_names(text)]


# --------------------------------------------------------------------------------------------
# Names are found, with exact spans, from every community
# --------------------------------------------------------------------------------------------

# (community, first name, surname): each appears alone, in full, possessive, after a title,
# in lower case and in capitals below.
PEOPLE = [
    ("British", "Tyler", "Whitworth"),
    ("British", "Kayleigh", "Hargreaves"),
    ("British", "Callum", "Barraclough"),
    ("Scottish", "Eilidh", "McLeod"),
    ("Welsh", "Rhys", "Pritchard"),
    ("Irish", "Siobhan", "O'Sullivan"),
    ("Irish", "Saoirse", "Gallagher"),
    ("Irish Traveller", "Padraig", "McDonagh"),
    ("South Asian (Gujarati)", "Priya", "Patel"),
    ("South Asian (Pakistani)", "Imran", "Hussain"),
    ("South Asian (Sikh)", "Harpreet", "Sandhu"),
    ("South Asian (Bangladeshi)", "Farzana", "Rahman"),
    ("Nigerian (Igbo)", "Chinedu", "Okafor"),
    ("Nigerian (Yoruba)", "Folasade", "Adeyemi"),
    ("Ghanaian", "Kwame", "Mensah"),
    ("Ghanaian", "Akosua", "Boateng"),
    ("Somali", "Abdi", "Warsame"),
    ("Somali", "Hodan", "Farah"),
    ("Caribbean", "Jermaine", "Campbell"),
    ("Caribbean", "Marcia", "Thompson"),
    ("Polish", "Agnieszka", "Kowalska"),
    ("Polish", "Łukasz", "Zieliński"),
    ("Romanian", "Ionuț", "Popescu"),
    ("Romanian", "Mihaela", "Munteanu"),
    ("Lithuanian", "Andrius", "Kazlauskas"),
    ("Slovak Roma", "Zuzana", "Horváthová"),
    ("Ukrainian", "Oksana", "Shevchenko"),
    ("Bulgarian", "Dimitar", "Petrov"),
    ("Arabic", "Khadija", "Mansour"),
    ("Arabic", "Samira", "El-Amin"),
    ("Chinese", "Haoran", "Zhang"),
    ("Chinese", "Jiayi", "Huang"),
    ("Vietnamese", "Linh", "Nguyen"),
    ("Turkish", "Emre", "Yilmaz"),
    ("Kurdish", "Rojin", "Karim"),
    ("Portuguese", "João", "Ferreira"),
]


def _person_cases() -> list[tuple[str, list[tuple[str, str]]]]:
    cases = []
    for _, first, last in PEOPLE:
        full = f"{first} {last}"
        cases += [
            (f"The school did not know that {first} had been excluded.", [(first, E)]),
            (f"{first} was excluded from school in Year 9.", [(first, E)]),
            (f"The GP spoke to {full} about the bruise.", [(full, E)]),
            (f"{full}'s school raised concerns.", [(full, E)]),
            (f"Mrs {last} did not attend the conference.", [(last, E)]),
            (f"the nurse said {first.lower()} was tired.", [(first.lower(), E)]),
            (
                f"Despite referrals, {full.upper()} was never seen alone.",
                [(full.upper(), E)],
            ),
        ]
    return cases


@pytest.mark.parametrize(("text", "expected"), _person_cases())
def test_finds_names_from_every_community(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


NAMED = [
    # whole names, first + surname adjacent = one finding
    ("Tyler Smith was seen by the health visitor.", [("Tyler Smith", E)]),
    (
        "Wojciech Nowak and Mihaela Ionescu attended.",
        [("Wojciech Nowak", E), ("Mihaela Ionescu", E)],
    ),
    ("Roxanne Price-Jones was interviewed under caution.", [("Roxanne Price-Jones", E)]),
    ("Ellie-May Pritchard met the youth worker.", [("Ellie-May Pritchard", E)]),
    ("Thi Lan Nguyen worked long shifts.", [("Thi Lan Nguyen", E)]),
    ("Ms D'Souza and Mr O'Neill were told.", [("D'Souza", E), ("O'Neill", E)]),
    # possessive 's (straight or curly) is not part of the span
    ("Mohammed Iqbal's sister was the main carer.", [("Mohammed Iqbal", E)]),
    ("Saoirse’s father had been released.", [("Saoirse", E)]),
    ("Oluwaseun's attendance fell to 62%.", [("Oluwaseun", E)]),
    # titles make anything a name, even an ordinary word or an unlisted surname
    ("Mr Zhang did not speak English.", [("Zhang", E)]),
    ("Mrs Young and Mr English were not invited.", [("Young", E), ("English", E)]),
    ("Dr. Whitcombe was on leave.", [("Whitcombe", E)]),
    ("Mr and Mrs Gebremariam were told.", [("Gebremariam", E)]),
    ("The letter was addressed to Mr KOWALSKI.", [("KOWALSKI", E)]),
    ("Mx Jones attended.", [("Jones", E)]),
    # names that are also ordinary words, next to another name
    ("Will Hughes moved into the home in April.", [("Will Hughes", E)]),
    ("Grace Atkinson, aged 14, disclosed abuse.", [("Grace Atkinson", E)]),
    ("Hope Okafor was referred to Early Help.", [("Hope Okafor", E)]),
    ("Summer Atkins had a learning disability.", [("Summer Atkins", E)]),
    ("The nurse saw Mark Pearson and May Chen.", [("Mark Pearson", E), ("May Chen", E)]),
    ("Practitioners did not ask Bill Hargreaves about it.", [("Bill Hargreaves", E)]),
    ("Bill Whitcombe said he would leave.", [("Bill Whitcombe", E)]),
    # ordinary-word and unlisted names, shown to be names by what is said of them
    ("Gift Moyo was 13 when she went missing.", [("Gift Moyo", E)]),
    ("Rose said that she was scared.", [("Rose", E)]),
    ("Rose, aged 4, was seen at nursery.", [("Rose", E)]),
    ("Oyin told the youth worker about it.", [("Oyin", E)]),
    ("Gift Moyo's attendance fell.", [("Gift Moyo", E)]),
    # ... or with weaker evidence: a warning
    ("Gift Moyo was there too.", [("Gift Moyo", W)]),
    ("Kenya's mother had been in care herself.", [("Kenya", W)]),
    # name words: an error mid-sentence, a warning at the start of a sentence
    ("The police stopped Frank at the station.", [("Frank", E)]),
    ("Holly berries were on the table.", [("Holly", W)]),
    ("Holly was seen by the school nurse.", [("Holly", E)]),
    ("Frank Turner was seen.", [("Frank Turner", E)]),
    # lower case and capitals: names in no English word list are errors too
    ("Records show that jayden had been reported missing.", [("jayden", E)]),
    ("the school told jayden smith.", [("jayden smith", E)]),
    ("## KEY LEARNING ABOUT KOWALSKI", [("KOWALSKI", E)]),
    ("Despite referrals, SENAIT GEBREMARIAM was not seen.", [("SENAIT GEBREMARIAM", E)]),
    # Markdown around names
    ("**Tyler** (maternal aunt) offered a placement.", [("Tyler", E)]),
    ("> _Chinedu_ said he was hungry.", [("Chinedu", E)]),
    ("- Child A\n- Priya Patel\n- Mother", [("Priya Patel", E)]),
    ("| Name | Role |\n|---|---|\n| Ngozi Eze | aunt |", [("Ngozi Eze", E)]),
    ("author: Tyler Smith\ntitle: Learning from Child A", [("Tyler Smith", E)]),
    ("See [Agnieszka's story](https://example.org/a/b) here.", [("Agnieszka", E)]),
    ("## What happened to Xinyi", [("Xinyi", E)]),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_finds_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


ALL_NAMED = [text for text, _ in _person_cases()] + [text for text, _ in NAMED]


@pytest.mark.parametrize("text", ALL_NAMED)
def test_findings_carry_the_rule_and_never_the_name(text: str) -> None:
    findings = find_names(text)
    assert findings
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.rule == "anon.name"
        name = finding.span(text)
        assert name
        assert finding.severity in (None, Severity.WARNING)
        assert name.lower() not in finding.message.lower()
        for part in re.findall(r"\w+", name):
            if len(part) > 3:
                assert part.lower() not in finding.message.lower()
        assert "'Child A'" in finding.message


def test_offsets_index_the_raw_text_with_markdown_before_the_name() -> None:
    text = "# Brief\n\n---\ntags: [neglect]\n---\n\nThe GP saw **Imran Hussain** twice."
    [finding] = find_names(text)
    assert (finding.start, finding.end) == (text.index("Imran"), text.index("** twice"))


# --------------------------------------------------------------------------------------------
# Bait: nothing here is a name
# --------------------------------------------------------------------------------------------

NOT_NAMES = [
    # roles and relations
    "Mother, Father, Sibling 1 and Sibling 2 attended with the Maternal Grandmother.",
    "Stepfather and Nan were at the core group; Mum's partner was not.",
    "The paternal aunt, the maternal uncle and Grandad offered support.",
    # the case-letter convention
    "Child A was seen by the health visitor; Child A's school was told.",
    "Baby C, Young Person F, Family G and Adult H are discussed in turn.",
    "Child B’s father and Young Person D’s carer were not spoken to.",
    # agencies, services and organisations
    "Children's Services, Northmereshire Police, CAMHS and the MASH shared information.",
    "Barnardo's, Women's Aid and the Lullaby Trust ran sessions with the NSPCC.",
    "Ofsted inspected the nursery and Cafcass wrote to the family court.",
    "Think Family principles and Signs of Safety were used at the front door.",
    "The Graded Care Profile was completed after an Operation Encompass notification.",
    "The young person was referred to Channel under the Prevent duty.",
    "Early Help offered a parenting course; the MARAC and MAPPA met.",
    "The Youth Justice Service, the LADO and the DSL were told.",
    "The Lucy Faithfull Foundation and the Marie Collins Foundation offer help.",
    # statutes and guidance
    "The Children Act 1989 and Working Together to Safeguard Children apply.",
    "Keeping Children Safe in Education and the Care Act 2014 set the duties.",
    # job titles
    "The Named Nurse, the Designated Doctor and the Independent Reviewing Officer met.",
    "The Head of Service, a Team Manager and the Police Constable attended.",
    # months and weekdays
    "On Monday 3 May the family moved; in January they moved again.",
    "The strategy discussion took place on Wednesday 12 June 2023.",
    "May 2023 saw the first referral from the school.",
    # nationalities, languages, faiths
    "Mother is Polish and Father is Romanian; they speak Urdu, Punjabi and English.",
    "The family are Muslim and attend a mosque; the aunt is a practising Christian.",
    "The interpreter spoke Tigrinya and Arabic but not Kurdish.",
    # places at city and county level
    "They moved from Nottingham to Nottinghamshire and then to Derby.",
    "Northmere and Northmereshire border Leicester and the East Midlands.",
    "The family had lived in London and in England before.",
    "The baby was born at the Queen's Medical Centre and seen at King's Mill Hospital.",
    "The family lived near Hope Street in the Meadows area.",
    "Father travelled on the Victoria Line; they met at the Victoria Centre.",
    "They moved from Kenya to Jordan and then to the UK.",
    # apps and brands
    "Messages were sent on WhatsApp and Snapchat, and videos were posted on TikTok.",
    "He played on his Xbox all night and posted on Instagram.",
    # names in their ordinary uses
    "In May we hope the Grace period will help.",
    "It may be that practitioners did not have the time to reflect.",
    "There was hope that the family would engage.",
    "Staff showed grace and patience when Mother was distressed.",
    "The review will consider how agencies shared information.",
    "The garden had a rose bush and a broken trampoline.",
    "Faith groups can be an important source of support.",
    "Practitioners should mark the date of each home visit.",
    "The bill for the gas had not been paid.",
    "Summer holidays were a particular time of risk.",
    "Patience and persistence helped the worker.",
    "The traffic light tool rated the concern as Amber.",
    "Will the new arrangements be effective? Hope was lacking.",
    "Grace periods were agreed. Rose bushes grew. Mark the chronology.",
    "Bill payments were taken from Universal Credit.",
    "Jade plant cuttings were found in the flat.",
    # sentence-initial capitals of ordinary words, contractions
    "Mother said: \"I'm fine.\" Don't assume. It's hard. I'll ask.",
    "Following the strategy meeting, nothing changed. Despite this, no referral was made.",
    # cited authors and public figures
    "The Munro review and Kolb's learning cycle were discussed.",
    "Brandon et al. (2020) and Firmin (2020) describe the same pattern.",
    "Sir Robert Francis led the review; Professor Munro wrote the report.",
    # URLs, e-mail addresses, links, handles: left to the other rules
    "Read more at https://example.org/priya-patel or www.tyler-smith.example.co.uk.",
    "Write to tyler.smith@example.com or mailto:kowalski@example.org.",
    "See [the brief](../briefs/agnieszka-kowalska.md) and [1].\n\n[1]: https://x.example/okafor",
    "He followed @jermaine_campbell and @priyapatel on Instagram.",
    # acronyms the text defines
    "The Safeguarding Assurance and Improvement Group (SAIG) met. The SAIG agreed.",
    # empty and odd input
    "",
    "   \n\n",
    "---\ntitle: Child A\nsummary: Learning from a review\n---\n",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_does_not_flag_bait(text: str) -> None:
    assert found(text) == []


def test_a_name_on_a_line_of_its_own_after_a_link() -> None:
    text = "[Read the report](https://example.org/report.pdf)\n\nTendai Moyo attended."
    assert found(text) == [("Tendai Moyo", E)]


# --------------------------------------------------------------------------------------------
# The shipped data
# --------------------------------------------------------------------------------------------

DATA = Path(names.__file__).parent / "data"
LISTS = [
    "names.txt.gz",
    "name_words.txt.gz",
    "ambiguous.txt.gz",
    "lowercase_names.txt.gz",
    "places.txt.gz",
    "words.txt.gz",
]


@pytest.mark.parametrize("file", LISTS)
def test_data_files_are_sorted_lower_case_lists(file: str) -> None:
    entries = gzip.decompress((DATA / file).read_bytes()).decode("utf-8").split("\n")
    assert entries[-1] == ""
    entries = entries[:-1]
    assert entries
    assert entries == sorted(set(entries))
    assert all(re.fullmatch(r"[a-z]+", e) for e in entries)


def test_data_is_small_and_documented() -> None:
    assert sum((DATA / f).stat().st_size for f in LISTS) < 2_000_000
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    licences = (DATA / "LICENCES.md").read_text(encoding="utf-8")
    for package in (
        "nomquamgender==0.1.4",
        "Faker==40.63.0",
        "names==0.3.0",
        "english-words==2.0.2",
        "spacy-lookups-data==1.0.5",
    ):
        assert package in sources
        name, version = package.split("==")
        assert f"## {name} {version}" in licences
    for file in LISTS:
        assert f"`{file}`" in sources
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licences


def test_lists_are_read_once() -> None:
    assert names.lists() is names.lists()


def test_the_detector_needs_only_the_standard_library() -> None:
    tree = ast.parse(Path(names.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}
