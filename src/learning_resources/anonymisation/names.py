"""Finds people's names in a learning brief's Markdown (rule `anon.name`).

Anonymised briefs call the child "Child A" and the relatives "Mother", "Father", "Sibling 1";
any real name is a leak. There is no model here: a name is recognised from word lists built
once by `scripts/build_name_lists.py` from MIT / public-domain packages and shipped in `data/`
(see `data/SOURCES.md`), and from the shape of the word and the words around it.

Errors (severity None):
- a Capitalised word in the name lists that is not an ordinary English word ("Priya",
  "Okafor", "Kowalski"); a "name word" ("Frank", "Holly") unless it starts a sentence;
- any word after Mr / Mrs / Ms / Miss / Mx / Dr, a faith leader's title or a relative's
  ("Mrs Young", "Reverend Grace Adeyemi", "Father Brennan", "Auntie Grace"), and a word that
  could be a name after a police rank or a title that is also a word ("PC Wood", "Bhai
  Folake", "Gran Nora"); a public title used alone as a name ("Was King a victim?");
- an ordinary-word name, month or place next to a name ("Will Hughes", "May Chen"), and a
  listed name in capitals beside another or said of a person ("spoke to BEGUM");
- an ordinary word or an unlisted word that the document shows to be a name, wherever it
  stands in the document (person_context.py): "Faith said", "Autumn's attendance", "ask
  Rowan about", "Jasmine Hall was 14", "Hope was the middle of three children", listed beside
  a name or a case letter ("Willow, Mason and Child C"); also in lower case where a name
  would start ("'grace hungry again'");
- a full name in lower case ("leah turner", "sister, faith marsh,", "recorded as junior
  mensah-boateng"), a nickname ("called her 'Smiler'", "known to friends as Libz", "called
  the older man 'Big Mo'", "known locally as Tank", "a man called Gaz", "aka 'Ghost'") and
  every other use of it, a family ("the Nowaks", "the Okonjo family").
Warnings (`Severity.WARNING`):
- a short name alone in capitals (often an acronym: "IMARA"), a "name word" starting a
  sentence ("Holly berries"), an ordinary-word name before a word found in no list ("Gift
  Moyo"), a place followed by "'s mother" or ", aged 4" ("Kenya's mother").
Never: an ordinary-word name with nothing said of it ("in May", "we hope", "Grace period",
"Our Vision is"), a word in the stop lists below (roles, the case-letter convention,
agencies, statutes, job titles, months, nationalities, faiths, places, brands, cited
authors), a name that is part of a place or body ("Victoria Centre", "St Ann's", "Lucy
Faithfull Foundation"), a word after an ordinary word in title case ("the Awareness Day
was"), a citation, a vehicle, a child a national review is named after or one of the
partnership's area names (not_names.py), or anything inside a URL, an e-mail address or a
link target (other rules report those). One finding covers a whole name ("Tyler Smith"); a
possessive 's is left out. The message never repeats the name.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from ..problems import Severity
from .allowed import word_list
from .blocks import Blocks
from .findings import Finding
from .not_names import never_names
from .person_context import (
    ACTION_AFTER,
    APPOSITION_AFTER,
    APPOSITION_BEFORE,
    ATTRIBUTION_AFTER,
    ATTRIBUTION_BEFORE,
    BARE_NAME,
    BARE_NICKNAME,
    CAPS_NAME_BEFORE,
    CASE_IN_BRACKETS_AFTER,
    COMMA_BEFORE,
    DETERMINER_BEFORE,
    DOES_AFTER_APPOSED,
    FAMILY,
    FAMILY_AFTER,
    FAMILY_APPOSITION,
    FAMILY_HOST_BEFORE,
    FAMILY_NEARBY,
    HOUSEHOLD_BEFORE,
    INITIAL_AFTER,
    KIN,
    KIN_OR_AGE_AFTER,
    KIN_THEN_LOWER,
    KNOWN_AS_AFTER,
    LIST_END,
    LIST_SEPARATOR,
    LISTED_PERSON_AFTER,
    LISTED_PERSON_BEFORE,
    LOWER_BEFORE_ROLE,
    LOWER_BEFORE_SPEECH,
    LOWER_PAIR,
    LOWER_PAIR_AFTER,
    MADE_BY_BEFORE,
    NICKNAME_CUE,
    NICKNAME_HINT,
    OBJECT_BEFORE,
    OBJECT_FOLLOWED_BY,
    PEOPLE_LIST_AFTER,
    PEOPLE_LIST_BEFORE,
    PERSON_AFTER,
    PERSON_BEFORE_APPOSED,
    PERSON_BEFORE_CUE,
    PERSON_OBJECT_BEFORE,
    QUOTED_NAME,
    RELATION_BEFORE,
    ROLE_WAS_BEFORE,
    SAID_AFTER,
    SAID_BEFORE,
    SUBJECT_AFTER,
    SURE_AFTER,
    WHO_AFTER,
    WHO_BEFORE,
)
from .reader import without_emphasis

RULE = "anon.name"
MESSAGE = "a person's name; use the case letter or a role instead (e.g. 'Child A', 'Mother')"
WEAK_MESSAGE = (
    "possibly a person's name; if it is one, use the case letter or a role instead "
    "(e.g. 'Child A', 'Mother')"
)

# --------------------------------------------------------------------------------------------
# Stop lists: lower case, accents folded. HARD words are never (part of) a name. PLACE and
# SOFT words (months, nationalities, faiths) are names only next to another name.
# --------------------------------------------------------------------------------------------

ROLES = """
mother mothers mum mums mummy mom dad dads daddy father fathers parent parents carer carers
child children childs baby babies infant infants toddler toddlers unborn sibling siblings
brother brothers sister sisters stepbrother stepsister stepfather stepmother stepdad stepmum
stepparent grandmother grandfather grandparent grandparents grandma grandpa grandad granddad
grandmum nan nana nanna nanny gran granny grandson granddaughter grandchild grandchildren aunt
aunts auntie aunty uncle uncles cousin cousins niece nephew maternal paternal partner partners
boyfriend girlfriend husband wife spouse son sons daughter daughters twin twins family families
household adult adults young person people persons youth teenager teen friend friends
neighbour neighbours lodger relative relatives kinship foster adopter adoptive birth guardian
guardians subject victim perpetrator offender suspect witness tenant resident pupil pupils
student students patient client user users case half great step ex
men women boys girls lads ladies
"""

# What children call their grandparents, parents, aunts and uncles in the languages of
# families in England ("grandparents may be called Nan, Nani, Bibi or Babcia"): relations,
# never names; still a title before a name ("Bibi Folake", see SURNAME_TITLES).
KIN_WORDS = """
nani nanima nanaji dadi dadima dadaji dada bibi babcia dziadek dziadzia babushka dedushka
yiayia yaya pappou papou nonna nonno abuela abuelo abuelita abuelito avo avozinha vovo oma opa
ammi ammu abbu ammee khala khalu khalo chacha chachi mamu mamoo phuphi phupho bua thatha paati
ajji ajja amma appa nain taid mamgu bubbe bubbie zayde zaidy savta teta jiddo sitto anneanne
babaanne dadu didi bhaiya
"""

JOBS = """
social worker workers health visitor visitors midwife midwives nurse nurses doctor doctors gp gps
paediatrician paediatricians consultant consultants registrar surgeon clinician clinicians
psychologist psychiatrist therapist counsellor teacher teachers headteacher head heads deputy
senco dsl principal governor governors practitioner practitioners professional professionals
officer officers constable constables sergeant inspector detective superintendent chief
commissioner probation solicitor barrister judge judges magistrate magistrates coroner
interpreter advocate caseworker keyworker manager managers director directors lead leads chair
author reviewer reviewers panel member members mentor volunteer receptionist paramedic
paramedics pharmacist dentist staff employer landlord councillor cllr named designated
independent reviewing strategic executive assistant support coordinator senior specialist
adviser advisor analyst administrator clerk
"""

AGENCIES = """
police constabulary council councils services service care social children's childrens
hospital hospitals trust trusts nhs icb ccg camhs cahms mash school schools academy academies
nursery nurseries college university housing education health ofsted cafcass nspcc barnardo
barnardos childline samaritans refuge shelter mencap kooth relate brook lullaby encompass
operation channel prevent early help think signs safety graded profile court courts youth
justice yot yos marac mappa mapp lado iro icpc rcpc cin cla cp ehcp ehc send sen dash ric cse
cce cspr cspp scr dhr lscp lscb scp cdop sudi sudc sids fgm hsb dwp hmrc cps iopc ceop nca
hmp hmyoi hmpps crc nps ons dfe dhsc ukhsa nice rcpch rcn bma gmc nmc hcpc swe ypo catch22
nacro gingerbread victim women's womens aid ambulance emergency department accident paediatric
neonatal maternity ward wards hub front door board partnership agency agencies multi team
teams unit panel review reviews practice learning brief briefing report conference meeting
assessment plan order section act strategy referral contact investigation inquiry
safeguarding protection framework model tool toolkit pathway procedure procedures guidance
policy standards department ministry government parliament home office centre center
duty triage legal switchboard reception intake admissions dispatch control custody finance
payroll estates facilities comms communications radiology pharmacy records registry enquiries
helpdesk admin administration pastoral transport welfare benefits security inclusion attendance
catering immigration paediatrics
foundation project charity network association institute programme county counties city
cities borough district town village notts derbys leics lincs yorks lancs covid coronavirus
lockdown
"""

STATUTES = """
working together keeping safe care act acts regulations statutory guidance
"""

BRANDS = """
whatsapp snapchat xbox tiktok instagram facebook messenger youtube twitter google amazon
netflix playstation nintendo fortnite roblox minecraft discord telegram tinder grindr omegle
onlyfans reddit twitch kik wickr viber skype zoom microsoft apple iphone ipad android samsung
huawei tesco asda aldi lidl sainsbury sainsburys morrisons primark mcdonald mcdonalds kfc
greggs subway uber deliveroo paypal monzo barclays lloyds natwest halifax hsbc santander
vodafone virgin
"""

# Authors of national reviews, of research and of practice models that briefs and bite-size
# sheets cite by name ("the Munro review", "Kolb's learning cycle", "Firmin (2020)").
CITED = """
munro laming macalister maslow bowlby ainsworth winnicott piaget vygotsky erikson freud bandura
kolb gibbs karpman bronfenbrenner schon belbin tuckman kubler johari cleaver horwath reder
firmin lefevre trevithick ockenden
"""

# Conditions, tests and days named after people ("Asperger's", "Apgar score").
EPONYMS = """
asperger aspergers munchausen tourette tourettes crohn crohns alzheimer alzheimers parkinson
parkinsons huntington huntingtons duchenne ehlers danlos kawasaki hodgkin hodgkins apgar
addison addisons cushing cushings marfan guillain barre rett angelman prader willi
klinefelter raynaud raynauds meniere heimlich
"""

FUNCTION_WORDS = """
the a an and or but nor if so as at by for from in into of off on onto out over per than that
then this these those to too up upon via with within without about above after against along
among around before behind below beneath beside besides between beyond during except inside
near since through throughout till toward towards under until while whilst who whom whose
which what when where why how all any both each either every few many more most much neither
none other several some such no not yes he she it they them their theirs his her hers its we
us our ours you your yours i me my mine myself himself herself itself themselves ourselves
is are was were be been being am have has had having do does did doing shall should would
could can cannot might must ought there here also however although though because despite
following according once only just even still yet again further finally first firstly second
secondly third thirdly next last lastly dear um umm erm uhm hmm yeh yeah yep nope welp imma
gonna wanna okay ok lol omg aww ugh later soon overall
"""

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "mstr"})
# Police ranks: before a word that could be a name ("PC Sharma", "DC Young"; not "DI Public
# Protection").
RANKS = frozenset(word_list("pc pcso dc ds di dci dsi sgt insp"))
# Faith leaders are named like anyone else ("Reverend Grace Adeyemi", "Sheikh Omar"), and so
# is a priest ("Father Brennan") or a relative ("Auntie Grace", "Uncle Mo"); but "Father" or
# "Auntie" alone is a relation: after those only a word that could be a name is one.
CLERGY_TITLES = frozenset(
    word_list(
        "rev revd reverend pastor imam sheikh shaykh sheikha rabbi fr canon maulana maulvi "
        "mufti hafiz ustadh ustaz ustad pandit mullah haji hajji"
    )
)
# ... and after these, which are also relations or words ("Father Christmas", "Elder abuse",
# "Mama said"), only a word that could be a name: "Auntie Grace", "Bhai Folake", "Elder
# Mensah". The second list are surnames too ("Joy Bishop"): titles only before a name.
RELATION_TITLES = frozenset(
    word_list(
        "father sister brother uncle auntie aunty aunt nan nana nanna grandma "
        "grandad granny grandpa cousin coach nurse matron sensei skipper nanny gramps grampa "
        "gran granda grampy grandmother grandfather"
    )
)
SURNAME_TITLES = frozenset(
    word_list(
        "mama papa baba bhai bibi deacon deaconess bishop elder evangelist apostle prophet "
        "prophetess sant swami giani"
    )
)
# Titles that may be written with a full stop ("Dr. Khan", "Rev. Ade"); after any other title
# a full stop ends the sentence ("with Mother and Father. Safer sleep is...").
_DOTTED = TITLES | RANKS | frozenset(word_list("rev revd fr"))

# Words that open a heading, a bullet or a sentence of a brief as instructions ("Ask who ...",
# "Check the history") or as its subject ("Risk was assessed on ...", "Voice of the child"):
# at the start of a sentence they are these words, not names (elsewhere they may be names).
OPENING_WORDS = frozenset(
    word_list(
        "ask check listen notice tell speak make keep look share record think consider "
        "remember act report reflect explore use learn escalate challenge support help trust "
        "risk harm need needs voice money weight mood warning trigger link links barrier "
        "barriers view views wish wishes stage level levels key see read visit contact call find "
        "watch "
        # round 6: numbers, which open a sentence before a noun: "One missed appointment is"
        "one two three four five six seven eight nine ten"
    )
)
# Public figures, not families, are named after these ("Sir Robert Francis", "Professor
# Munro"); a name after one is left alone.
PUBLIC_TITLES = """
sir lord lady dame professor prof baroness baron queen king prince princess commissioner
minister
"""
HONORIFICS = PUBLIC_TITLES + " ".join(CLERGY_TITLES) + " vicar priest"
# Months that are also given names: names when what is said of them is said of people.
MONTH_NAMES = frozenset({"april", "may", "june", "july", "august", "christian"})

MONTHS_AND_DAYS = """
january february march april may june july august september october november december jan
feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday mon tue tues wed thu thur thurs fri sat sun christmas easter eid ramadan diwali
hanukkah passover vaisakhi lent advent halloween valentine valentines
"""

PEOPLES = """
afghan african albanian algerian american angolan arab arabic argentine armenian asian
australian austrian bangladeshi belgian bengali bangla brazilian british bulgarian burmese
cameroonian canadian caribbean chinese colombian congolese croatian cuban czech danish dutch
egyptian english eritrean estonian ethiopian european filipino finnish french gambian georgian
german ghanaian greek gujarati gypsy hindi hungarian indian indonesian iranian iraqi irish
italian ivorian jamaican japanese jordanian kenyan korean kurdish latvian lebanese libyan
lithuanian malawian malaysian mandarin cantonese moroccan nepali nepalese nigerian norwegian
pakistani palestinian pashto persian farsi dari polish portuguese punjabi roma romani romanian
russian rwandan saudi scottish senegalese serbian sikh slovak slovakian slovenian somali
somalian spanish sri lankan sudanese swahili swedish swiss syrian tamil thai tigrinya traveller
travellers turkish ugandan ukrainian urdu vietnamese welsh yemeni yoruba igbo hausa twi akan
zimbabwean zambian latin roman christian christians christianity catholic catholics anglican
methodist baptist pentecostal evangelical orthodox protestant jehovah muslim muslims islam
islamic hindu hindus hinduism sikhs sikhism jewish judaism jew jews buddhist buddhism
rastafarian quaker mormon shia sunni ahmadiyya atheist god jesus christ allah bible quran koran
"""

# Country-, region-, county- and city-level places (Faker adds every country and UK county),
# and the districts and towns of Nottingham and Nottinghamshire.
PLACES = """
england britain uk scotland wales ireland london birmingham manchester liverpool leeds
sheffield bristol newcastle nottingham nottinghamshire derby derbyshire leicester
leicestershire lincoln lincolnshire northampton northamptonshire coventry wolverhampton stoke
bradford hull york yorkshire lancashire preston blackpool bolton wigan oldham rochdale stockport
salford chester cheshire warrington sunderland durham middlesbrough carlisle cumbria norwich
norfolk suffolk ipswich cambridge cambridgeshire peterborough oxford oxfordshire reading
slough luton bedford milton keynes southampton portsmouth brighton hove kent canterbury essex
southend chelmsford colchester surrey sussex hampshire dorset bournemouth poole devon plymouth
exeter cornwall truro somerset bath gloucester gloucestershire cheltenham swindon wiltshire
salisbury worcester hereford herefordshire shropshire telford shrewsbury stafford
staffordshire walsall dudley sandwell solihull warwick warwickshire rugby nuneaton rutland
wight medway thurrock tameside trafford wirral sefton knowsley kirklees calderdale wakefield
barnsley rotherham doncaster gateshead tyneside hartlepool darlington stockton redcar torbay
wokingham bracknell windsor maidenhead hillingdon hounslow ealing harrow enfield haringey
islington camden westminster kensington hammersmith fulham wandsworth lambeth southwark
lewisham greenwich bexley bromley croydon havering redbridge newham hackney tower hamlets
cardiff swansea newport wrexham glasgow edinburgh aberdeen dundee inverness belfast derry
londonderry midlands east west north south northern southern eastern western central greater
northmere northmereshire mansfield newark worksop retford bassetlaw broxtowe gedling rushcliffe
ashfield sutton kirkby hucknall arnold carlton beeston bulwell clifton meadows sneinton radford
lenton basford bilborough aspley bestwood sherwood mapperley wollaton bramcote stapleford
eastwood kimberley bingham southwell ollerton ravenshead calverton cotgrave keyworth
ruddington netherfield colwick hyson trent bridgford ilkeston chesterfield loughborough
grantham skegness corby kettering wellingborough syria russia libya laos palestine kosovo asia
europe america usa auckland zealand orleans hong kong soham
"""

# Names that Faker lists as places but that are far more often people in English briefs.
NOT_PLACES = frozenset({"tyrone"})
# Common names that the word lists take for ordinary words ("wang" and "thi" are frequent in
# lower case in web text, "demi" and "yaw" are dictionary words): always names.
NAMES_NOT_WORDS = frozenset({"wang", "thi", "demi", "yaw", "elif"})

# Features of the land and water, never names in lower case ("the park, the quay and online").
_GEOGRAPHY = word_list(
    "quay wharf pier jetty beach cove cliff cliffs dunes canal towpath reservoir loch estuary "
    "creek weir dock docks marina promenade seafront headland harbour island isle moor marsh "
    "fen lagoon bay shore coast slipway boatyard lido pond quarry"
)

# A span followed by one of these is the name of a place or a body, not of a person
# ("Victoria Centre", "Lucy Faithfull Foundation", "Loxley House"). They never join a name.
FACILITIES = """
street road avenue drive crescent centre center hospital hospitals school academy college
university surgery clinic trust foundation project line station estate gardens square terrace
unit hub mosque temple gurdwara synagogue library campus nursery primary infants junior juniors
medical healthcare institute partnership council police services service team review report
inquiry act forest prison community house court close lodge mews grove place way row group
"""
# ... and a span after one of these too ("St Ann's", "HMP Nottingham", "Lake Victoria").
PLACE_PREFIXES = "st saint hmp hmyoi lake mount port fort"

# "Brandon et al. (2020)", "Ferguson (2011)", "Horwath, 2013": a cited author.
CITATION = re.compile(r"[ \t]*(?:et[ \t]+al\b|\(\d{4}|,[ \t]*\d{4}\b|and[ \t]+\w+[ \t]+\(\d{4})")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CITED, _PUBLIC_TITLES = _set(CITED), _set(PUBLIC_TITLES)
_FUNCTION_WORDS = _set(FUNCTION_WORDS)
# A nickname is never one of these: "referred to as 'Child A'", "known as Mother".
_ROLE_WORDS = _set(ROLES) | _set("young person adult infant family")
_FACILITIES, _PLACE_PREFIXES = _set(FACILITIES), _set(PLACE_PREFIXES)
HARD, PLACE, SOFT = 1, 2, 3
_STOP: dict[str, int] = {}
for _words, _kind in (
    (ROLES, HARD),
    (KIN_WORDS, HARD),
    (JOBS, HARD),
    (AGENCIES, HARD),
    (STATUTES, HARD),
    (BRANDS, HARD),
    (CITED, HARD),
    (EPONYMS, HARD),
    (FUNCTION_WORDS, HARD),
    (HONORIFICS, HARD),
    (" ".join(TITLES), HARD),
    (FACILITIES, HARD),
    (PLACE_PREFIXES, HARD),
    (PLACES, PLACE),
    (MONTHS_AND_DAYS, SOFT),
    (PEOPLES, SOFT),
):
    for _word in _words.split():
        _STOP.setdefault(_word, _kind)
# After "Mr" / "Mrs" these are still roles ("Dr Named GP"); anything else after a title is
# taken as a surname ("Mrs Young", "Mr English").
ROLE_WORDS = (_set(ROLES) | _set(JOBS)) - _set(
    "young person people case great half step ex friend son witness guardian head lead chief "
    "senior support foster nurse judge clerk"
)

# --------------------------------------------------------------------------------------------
# Text handling
# --------------------------------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i",
        "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
        "’": "'", "‘": "'", "ʼ": "'", "`": "'",
    }
)  # fmt: skip


def normalise(word: str) -> str:
    """Lower case with accents folded: "Wiśniewski" -> "wisniewski", "Łukasz" -> "lukasz"."""
    if word.isascii():
        return word.lower()
    folded = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


TOKEN = re.compile(r"[^\W\d_]+(?:['’\-‐][^\W\d_]+)*")
# Blanked out before scanning (other rules report them): Markdown link targets and reference
# definitions, URLs, e-mail addresses, bare domain names, @handles. Each pattern runs only on
# a text that holds its hint, which keeps the common case (plain prose) fast.
_MASKS = tuple(
    (hint, re.compile(pattern, re.MULTILINE | re.IGNORECASE))
    for hint, pattern in (
        ("](", r"\]\([^)\s]*(?:[ \t]+[\"'][^\"'\n]*[\"'])?\)"),  # [text](target "title")
        ("]:", r"^[ \t]*\[(?!\^)[^\]\n]+\]:[ \t]*\S+"),  # [ref]: target (not a [^footnote]:)
        ("://", r"\b[a-z][a-z0-9+.\-]*://[^\s<>()\[\]]+"),  # scheme://...
        ("www.", r"\bwww\.[^\s<>()\[\]]+"),
        ("mailto:", r"\bmailto:[^\s<>()\[\]]+"),
        ("tel:", r"\btel:[^\s<>()\[\]]+"),
        ("@", r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|(?<![\w@])@\w+"),  # e-mail, @handle
        ("**", r"\*\*[^\W\d_]{1,3}\*\*[^\W\d_]+"),  # a word with a letter in bold: "**N**eck"
        (
            "",
            r"\b[\w\-]+(?:\.[\w\-]+)*\.(?:uk|com|org|net|gov|nhs|io|info|eu|co|ac|sch|police)\b"
            r"(?:/\S*)?",
        ),  # bare domain name
    )
)
_DOMAIN_HINT = re.compile(r"\.(?:uk|com|org|net|gov|nhs|io|info|eu|co|ac|sch|police)\b", re.I)
# An acronym the text defines: "(SAIG)", or a glossary line "ASHA<tab>Assessment of ...".
_ACRONYM = re.compile(
    r"\(([A-Z][A-Z0-9&]{1,9})\)|^[ \t]*([A-Z][A-Z0-9&]{1,9})(?:\t|[ \t]+[–-][ \t])", re.MULTILINE
)
_CONTRACTIONS = frozenset({"m", "ll", "ve", "d", "re", "t", "s"})
# A verb before "n't", which is not a name though its stem may be ("Aren't", "Don't").
_NEGATED = {
    "aren": "are", "isn": "is", "wasn": "was", "weren": "were", "don": "do", "doesn": "does",
    "didn": "did", "hasn": "has", "haven": "have", "hadn": "had", "couldn": "could",
    "wouldn": "would", "shouldn": "should", "mustn": "must", "needn": "need", "mightn": "might",
    "can": "can", "won": "will", "shan": "shall", "ain": "is", "daren": "dare", "oughtn": "ought",
}  # fmt: skip
_CLOSING_QUOTES = frozenset("'’\"”")
_OPENING_QUOTES = frozenset("'‘\"“")
_BLANK_LEAD = frozenset(" \t*_#>[(\"'“‘|-+")
_SENTENCE_END = frozenset(".!?:;\n")
_BETWEEN_NAMES = re.compile(r" {1,2}|\u00a0")
_AFTER_TITLE = re.compile(r"\.?[ \t]+")  # the dot only after an abbreviation (_DOTTED)
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][^\W\d_]*)(?:[ \t]+([A-Z][^\W\d_]*))?")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\.?[ \t]+$")
_PREVIOUS_CAPITALISED = re.compile(r"(?<![\w'’-])([A-Z][a-z]+['’]?)[ \t]+$")
_HYPHEN = re.compile(r"[\-‐]")

# --------------------------------------------------------------------------------------------
# The shipped lists
# --------------------------------------------------------------------------------------------

NAME, NAME_WORD, AMBIGUOUS = 1, 2, 3


@dataclass(frozen=True)
class Lists:
    kinds: dict[str, int]  # name key -> NAME | NAME_WORD | AMBIGUOUS
    places: frozenset[str]  # countries and UK counties (Faker)
    words: frozenset[str]  # ordinary lower-case words that are not names
    # A word in lower case -> NAME (flag it: "priya") or AMBIGUOUS (a name, but only joins a
    # flagged neighbour: "priya patel"); stop-listed words and places left out.
    in_lower_case: dict[str, int]


def _read(name: str) -> list[str]:
    data = resources.files(__package__).joinpath("data", name).read_bytes()
    return gzip.decompress(data).decode("utf-8").split()


@functools.cache
def lists() -> Lists:
    """The shipped lists, read once per process."""
    kinds: dict[str, int] = {}
    for file, kind in (
        ("ambiguous.txt.gz", AMBIGUOUS),
        ("name_words.txt.gz", NAME_WORD),
        ("names.txt.gz", NAME),
    ):
        kinds.update(dict.fromkeys(_read(file), kind))
    kinds.update(dict.fromkeys(NAMES_NOT_WORDS, NAME))
    places = frozenset(_read("places.txt.gz")) - NOT_PLACES
    lowercase = _read("lowercase_names.txt.gz")
    in_lower_case = {k: AMBIGUOUS for k, kind in kinds.items() if kind != AMBIGUOUS}
    in_lower_case.update(dict.fromkeys(lowercase, NAME))
    for key in [*_STOP, *places, *_GEOGRAPHY]:
        in_lower_case.pop(key, None)
    return Lists(
        kinds=kinds,
        places=places,
        words=frozenset(_read("words.txt.gz")),
        in_lower_case=in_lower_case,
    )


# --------------------------------------------------------------------------------------------
# Classifying one word
# --------------------------------------------------------------------------------------------

# What a Capitalised or upper-case word is (besides NAME, NAME_WORD, AMBIGUOUS).
STOPPED, WORD, UNKNOWN, PLACE_WORD, SOFT_WORD = 0, 4, 5, 6, 7
_SUFFIXES = (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
             ("ly", ""), ("ies", "y"), ("er", ""), ("ers", ""))  # fmt: skip
# Feminine and patronymic forms the lists may hold only in their base form.
_FORMS = (("ska", "ski"), ("cka", "cki"), ("dzka", "dzki"), ("ova", ""), ("eva", "ev"),
          ("ova", "ov"), ("ina", "in"), ("aite", "aitis"), ("iene", "ius"))  # fmt: skip


def _keys(key: str) -> list[str]:
    """Lookup keys: "o'sullivan" -> osullivan, sullivan; "price-jones" -> price, jones."""
    out: list[str] = []
    for part in _HYPHEN.split(key):
        if "'" in part:
            head, _, tail = part.rpartition("'")
            if tail == "t" and head in _NEGATED:  # "Aren't", "Don't", "Won't": not "Aren"
                out.append(_NEGATED[head])
                continue
            if tail in _CONTRACTIONS:  # "I'm", "Tyler'll"
                out.append(head.replace("'", ""))
                continue
            out.append(part.replace("'", ""))
            if len(tail) >= 3:
                out.append(tail)
        elif part:
            out.append(part)
    return out


def _is_word(key: str, words: frozenset[str]) -> bool:
    if key in words:
        return True
    for suffix, replacement in _SUFFIXES:
        stem = key[: len(key) - len(suffix)]
        if key.endswith(suffix) and len(stem) >= 3 and stem + replacement in words:
            return True
    return False


def _stop_kind(key: str, data: Lists) -> int | None:
    stop = _STOP.get(key)
    if stop is None and key in data.places:
        return PLACE
    return stop


def classify(key: str, data: Lists) -> int:
    """NAME, NAME_WORD, AMBIGUOUS, PLACE_WORD, SOFT_WORD, WORD, UNKNOWN or STOPPED."""
    stop = _stop_kind(key, data)
    if stop is not None:
        return {HARD: STOPPED, PLACE: PLACE_WORD}.get(stop, SOFT_WORD)
    kinds = data.kinds
    kind = kinds.get(key)
    if kind is not None:
        return kind
    keys = [k for k in _keys(key) if len(k) >= 2]
    if not keys:
        return STOPPED
    if len(keys) > 1 or keys[0] != key:
        stops = [_stop_kind(k, data) for k in keys]
        if all(s == HARD for s in stops):
            return STOPPED
        found = [kinds.get(k) for k, s in zip(keys, stops, strict=True) if s is None]
        best = min((k for k in found if k is not None), default=None)
        if best == NAME_WORD and len(found) == len(keys) > 1 and None not in found:
            return NAME  # two names joined: "Rose-Mae", "Autumn-Jade"
        if best is not None:
            return best
        if all(s is not None for s in stops):
            return PLACE_WORD if PLACE in stops else SOFT_WORD
    for ending, base in _FORMS:
        stem = key[: len(key) - len(ending)]
        if key.endswith(ending) and len(stem) > 3 and kinds.get(stem + base) == NAME:
            return NAME
    if all(_is_word(k, data.words) for k in keys):
        return WORD
    return UNKNOWN


# --------------------------------------------------------------------------------------------
# The detector
# --------------------------------------------------------------------------------------------


@dataclass
class _Word:
    start: int
    end: int
    kind: int
    key: str = ""  # lower case, accents folded
    upper: bool = False  # written in capitals ("KOWALSKI")
    lower: bool = False  # written in lower case ("priya")
    initial: bool = False  # first word of a sentence, line or heading
    after_title: bool = False
    shouting: bool = False  # on a line written mostly in capitals
    flagged: bool = False  # judged to be (part of) a name
    severity: Severity | None = None

    def __len__(self) -> int:
        return self.end - self.start


def _masked(text: str, never: list[tuple[int, int]]) -> str:
    lowered = text.lower()
    for hint, pattern in _MASKS:
        if hint in lowered if hint else _DOMAIN_HINT.search(text):
            text = pattern.sub(lambda m: " " * len(m.group()), text)
    if never:
        chars = list(text)
        for start, end in never:
            chars[start:end] = " " * (end - start)
        text = "".join(chars)
    return text


def sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _BLANK_LEAD:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _shouting(text: str, line_start: int) -> bool:
    """Is the line that starts here written mostly in capitals?"""
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    words = TOKEN.findall(line)
    return len(words) >= 2 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


# A word that starts with a capital (or any letter but a-z), as TOKEN finds it: not inside a
# word ("McDonald"'s "Donald") nor after an apostrophe or hyphen inside one ("non-Mobile").
_CAPITALISED = re.compile(
    r"(?<![^\W\d_])(?<![^\W\d_]['’\-‐])[^\W\d_a-z][^\W\d_]*(?:['’\-‐][^\W\d_]+)*"
)


def _lower_case_words(text: str, data: Lists) -> list[_Word]:
    """The words in lower case that the lists hold as names ("priya", "mensah-boateng"): the
    distinct words are looked up first, and only those found are then looked for."""
    in_lower_case = data.in_lower_case
    kinds: dict[str, tuple[str, int]] = {}
    for token in set(TOKEN.findall(text)):
        if not token[0].islower():
            continue
        word = token[:-2] if len(token) > 2 and token[-2] in "'’" and token[-1] in "sS" else token
        kind = in_lower_case.get(word)
        if kind is None and not word.isascii():
            kind = in_lower_case.get(normalise(word))
        if kind is None and "-" in word:  # "mensah-boateng": each part a name
            # round 6: an initial may be one part: "jayden-m", as file names and handles write
            parts = [in_lower_case.get(normalise(p)) for p in _HYPHEN.split(word) if len(p) > 1]
            kind = NAME if NAME in parts and None not in parts else None
        if kind is not None and len(word) >= 3:
            kinds[token] = (word, kind)
    out: list[_Word] = []
    if kinds:
        pattern = (
            r"(?<![^\W\d_])(?<![^\W\d_]['’\-‐])(?:"
            + "|".join(re.escape(t) for t in sorted(kinds, key=len, reverse=True))
            + r")(?![^\W\d_]|['’\-‐][^\W\d_])"
        )
        for m in re.finditer(pattern, text):
            word, kind = kinds[m.group()]
            out.append(_Word(m.start(), m.start() + len(word), kind, word, lower=True))
    return out


def _scan(text: str, data: Lists) -> list[_Word]:
    """Every word that could be part of a name, in order (ordinary words are left out)."""
    out: list[_Word] = []
    title_end, relation_title, rank, dotted, personal = -1, False, False, False, False
    acronyms: set[str] | None = None
    shouting_lines: dict[int, bool] = {}
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        start, end = match.span()
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            word, end = word[:-2], end - 2
        first = word[0]
        if not first.isupper() or len(word) < 2:
            continue
        key = normalise(word)
        after_title = (
            title_end >= 0
            and _AFTER_TITLE.fullmatch(text, title_end, start) is not None
            and (dotted or text[title_end] != ".")
        )
        after_relation, title_end, relation_title = after_title and relation_title, -1, False
        after_rank, rank = after_title and rank, False
        after_personal, personal = after_title and personal, False
        if key in TITLES or key in CLERGY_TITLES or key in RELATION_TITLES or key in RANKS:
            title_end, relation_title = end, key in RELATION_TITLES or key in RANKS
            dotted, personal = key in _DOTTED, key in TITLES
            rank = key in RANKS
            if key in TITLES or key in RANKS or not word.isupper():
                continue
        elif key in SURNAME_TITLES and _NEXT_WORD.match(text, end) and not word.isupper():
            title_end, relation_title, dotted = end, True, False
            continue
        upper = word.isupper()
        if upper and len(word) < 3:
            continue  # GP, UK, PE
        if "-" in word and any(p[:1].islower() for p in _HYPHEN.split(word)):
            continue  # Sutton-in-Ashfield, Out-of-hours
        kind = classify(key, data)
        if (
            kind == WORD
            and text[end : end + 1] == ","
            and not key.endswith("ly")
            and KNOWN_AS_AFTER.match(text, end)
        ):
            kind = UNKNOWN  # "Tibi, as the family call Child GG, was"
        if key in _PUBLIC_TITLES and not upper and _NEXT_WORD.match(text, end) is None:
            kind = AMBIGUOUS  # no title here: "Was King a victim?", "saw Prince as"
        if upper:
            if acronyms is None:
                acronyms = {a or b for a, b in _ACRONYM.findall(text)}
            if word in acronyms:
                kind = STOPPED
        # round 10: a place that is also a first name is one after "Aunty": "Aunty Georgia"
        named_place = kind == PLACE_WORD and data.kinds.get(key) in (NAME, NAME_WORD, AMBIGUOUS)
        if after_title and (
            key in ROLE_WORDS
            or (kind == PLACE_WORD and not after_personal and not (after_relation and named_place))
        ):
            after_title = False  # "Dr Named GP"; but "Mrs Eastwood" (round 8)
        if (
            after_relation
            and kind not in (NAME, NAME_WORD, AMBIGUOUS, UNKNOWN)
            and key not in MONTH_NAMES  # "Grandma June"
            and not named_place
        ):
            after_title = False  # "Father Christmas", "Sister Wendy's" is still a name
        if after_rank and kind == AMBIGUOUS and _NEXT_WORD.match(text, end):
            after_title = False  # "DS Public Protection", but "PC Wood"
        if (
            kind == AMBIGUOUS
            and key in OPENING_WORDS
            and not after_title
            and sentence_initial(text, start)
        ):
            continue  # "## Ask who lives at home", "- Risk was assessed on one incident"
        if kind == WORD and not after_title and _lone_capital(text, start, end, word):
            kind = CAPITALISED_WORD  # round 6: "a man everyone knew, Spud, ..." (see there)
        elif kind in (STOPPED, WORD) and not after_title:
            continue
        shouting = False
        if upper:
            line_start = text.rfind("\n", 0, start) + 1
            if line_start not in shouting_lines:
                shouting_lines[line_start] = _shouting(text, line_start)
            shouting = shouting_lines[line_start]
        initial = sentence_initial(text, start)
        out.append(_Word(start, end, kind, key, upper, False, initial, after_title, shouting))
    lower = _lower_case_words(text, data)
    return sorted(out + lower, key=lambda w: w.start) if lower else out


# Round 6: an ordinary word written with a capital in the middle of a sentence, alone (no
# Capitalised word beside it, not after a quote or a bracket, not in a heading or a table):
# most often a name or a nickname ("drank with Spud", "Biscuit's mum said"). It is a name
# only where a person's slot shows it (see _document_names), never by itself.
CAPITALISED_WORD = 8
_CAPITAL_BESIDE = re.compile(r"[ \t]+[A-Z]|[-‐][A-Za-z]")
_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*|[-‐&/])[ \t]*$")


# ... but not a word for a thing done or a quality, as a team or a service is named ("asked
# Admissions about", "saw Improvement as"): nicknames are things and looks, not these.
_ABSTRACT = re.compile(
    r"(?:ions?|ments?|ness|ity|ities|ance|ence|ism|ship|ology|ing|ings|ics|(?<=\w{4})(?:al|ic))$"
)


def _lone_capital(text: str, start: int, end: int, word: str) -> bool:
    """Whether `word` (an ordinary word) is Capitalised alone mid-sentence (see above)."""
    if sum(c.isupper() for c in word) > 1 or len(word) < 3 or sentence_initial(text, start):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start : line_start + 1] in "#|":
        return False  # a heading or a table
    before = text[max(line_start, start - 30) : start]
    if before[-1:] in "([\"“'‘*_/`":
        return False
    capital = _CAPITAL_BEFORE.search(before)
    if capital and capital.group().strip().lower() not in _FUNCTION_WORDS:
        return False  # a title-case run; but "When Chunk arrived"
    return _CAPITAL_BESIDE.match(text, end) is None


def _adjacent(text: str, left: _Word, right: _Word) -> bool:
    return _BETWEEN_NAMES.fullmatch(text, left.end, right.start) is not None


def _runs(text: str, words: list[_Word]) -> list[list[_Word]]:
    """Words side by side in the same case ("Summer Grant"), each run once, in order."""
    runs: list[list[_Word]] = []
    for w in words:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last.lower == w.lower
            and last.upper == w.upper
            and _adjacent(text, last, w)
        ):
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


# Words whose use in a document can show that they name a person there.
_ORDINARY = frozenset({AMBIGUOUS, NAME_WORD, NAME})


# A Capitalised word next: the run is part of a name in title case ("dedicated to Safer Sleep").
_TITLE_CASE_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
# A Capitalised possessive just before: "Clare's Law", "Sarah's Law", "Women's Aid".
_POSSESSOR_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][^\W\d_]*['’]s[ \t]+$")
# What is named after a person, not the person: "Gillick competence", "the Fraser guidelines",
# "the Nolan principles", "a Moses basket", "Stephen Lawrence Day", "Clare's Law".
_EPONYM_NOUNS = (
    r"(?:Law|Laws|Day|Scheme|Principles?|Syndrome|Disease|Model|Triangle|"
    r"Hierarchy|Protocols?|Act|Rule|Rules|Framework|Ladder|Approach|Method|Toolkit|Tool|Test|"
    r"Award|Lecture|Inquiry|Procedure|Criteria|Guidelines|Theory|Matrix|Wheel|Star|Curve|"
    r"Scale|Index|Effect|Manoeuvre|Sign|Score|Chart)"
)
# ... also when a cue took the noun into the name: "known as Clare's Law".
_EPONYM_END = re.compile(rf"\S(?:['’]s)?[ \t]+{_EPONYM_NOUNS}$")
_EPONYM_AFTER = re.compile(
    rf"(?:['’]s)?[ \t]+{_EPONYM_NOUNS}\b"
    r"|(?:['’]s)?[ \t]+(?:[\w-]*\d[\w-]*[ \t]+|[a-z]+[ \t]+(?=(?i:model|theory|framework)\b))?"
    r"(?i:competence|competency|continuum|"
    r"guidelines|principles|basket|criteria|test|consent|ruling|judgment|judgement|syndrome|"
    r"disease|hierarchy|triangle|model|theory|ladder|protocol|framework|law|scheme|"
    r"principle|matrix|wheel|star|curve|scale)\b"  # "Gillick Competence", "Morrison's 4x4x4 model"
)

# Round 6: a report or an approach after "the" and a name: "the Kirkham report", "the Henry
# Allen approach" (not "Leah's report").
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_THE_EPONYM_AFTER = re.compile(
    r"[ \t]+(?:approach|method|report|inquiry|enquiry|programme|technique|checklist|tool|"
    r"toolkit|lecture|memorial|foundation)\b"
)
# ... or a public person said to be one: "Kate Morris, a researcher at Sheffield, found".
_PUBLIC_PERSON_AFTER = re.compile(
    r",[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:researcher|academic|author|writer|"
    r"professor|lecturer|journalist|campaigner|minister|MP|politician|broadcaster|novelist|poet)s?\b"
)
# ... a day or a law named after a person's full name: "Stephen Lawrence Day" (not "Grace Day").
_EPONYM_TAIL = re.compile(r"\S[ \t]+\S+[ \t]+(?:Day|Law|Scheme|Principles?|Syndrome|Disease)$")


# Round 8: words for people in general, which start the name of a group or a service, not a
# person's ("the Young Carers' Forum said", "Women's Aid").
_COLLECTIVE = _set(
    "youth young people family families children adults women men girls boys "
    "parents carers leavers survivors dads mums fathers mothers"
)
_BEFORE_A_NAME = (
    TITLES
    | RANKS
    | CLERGY_TITLES
    | RELATION_TITLES
    | SURNAME_TITLES
    | _ROLE_WORDS
    | _set(KIN_WORDS)
    | _set(JOBS)
    | _FUNCTION_WORDS
) - _COLLECTIVE


def _names_a_body(previous: str) -> bool:
    """Whether a Capitalised word before a run (`previous`, normalised) makes it part of the
    name of a thing or a body: an ordinary word or one of the stop lists, but not a title, a
    role, a relation or a function word, after which a name is still a name ("Nurse Hope",
    "Auntie Faith", "When Ocean told")."""
    kind = classify(previous, lists())
    return kind == WORD or (kind in (STOPPED, SOFT_WORD) and previous not in _BEFORE_A_NAME)


def _said_of_a_person(text: str, run: list[_Word]) -> bool:
    """Whether the words around a Capitalised run show that it is a person's name."""
    start, end = run[0].start, run[-1].end
    if _not_a_person(text, start, end):
        return False
    quoted = False
    if text[end : end + 1] in _CLOSING_QUOTES and not text[end + 1 : end + 2].isalpha():
        end += 1  # "'Smiler' was often seen"
        quoted = text[start - 1 : start] in _OPENING_QUOTES
    before = text[max(0, start - 60) : start]
    if (
        (APPOSITION_BEFORE.search(before) and APPOSITION_AFTER.match(text, end))
        or (ATTRIBUTION_BEFORE.search(before) and ATTRIBUTION_AFTER.match(text, end))
        or (SAID_BEFORE.search(before) and SAID_AFTER.match(text, end))
        or (WHO_BEFORE.search(before) and WHO_AFTER.match(text, end))
        or (COMMA_BEFORE.search(before) and SUBJECT_AFTER.match(text, end))
        or (MADE_BY_BEFORE.search(before) and not _TITLE_CASE_NEXT.match(text, end))
        or (ROLE_WAS_BEFORE.search(before) and APPOSITION_AFTER.match(text, end))
    ):
        return True  # "his sister, Ruzenka, told", '"..." — Blessing, 12', "a poem by Clover"
    if DETERMINER_BEFORE.search(before):
        return False  # "Our Vision is", "the Hope project had"
    previous = _PREVIOUS_CAPITALISED.search(before)
    if previous and _names_a_body(normalise(previous.group(1).rstrip("'’"))):
        return False  # a name in title case: "the Awareness Day was", "Youth Forum said"
    if _POSSESSOR_BEFORE.search(before):
        return False  # a thing named after someone: "Clare's Law had", "Women's Aid is"
    if all(w.kind == CAPITALISED_WORD for w in run):  # round 6: only a person's slot
        return bool(
            not _ABSTRACT.search(run[0].key)
            and (
                PERSON_AFTER.match(text, end)
                or RELATION_BEFORE.search(before)
                or (PERSON_OBJECT_BEFORE.search(before) and OBJECT_FOLLOWED_BY.match(text, end))
            )
        )
    ordinary = any(w.kind in _ORDINARY or w.key in MONTH_NAMES for w in run)
    if not ordinary:  # only words in no list ("Okonjo") or places ("Kenya")
        if any(w.kind == PLACE_WORD for w in run):
            return False
        return bool(
            PERSON_AFTER.match(text, end)
            or INITIAL_AFTER.match(text, end)
            or RELATION_BEFORE.search(before)  # "Mum's friend Shaz often babysat"
            or (
                PERSON_OBJECT_BEFORE.search(before)
                and (OBJECT_FOLLOWED_BY.match(text, end) or INITIAL_AFTER.match(text, end))
            )
        )
    if RELATION_BEFORE.search(before):
        return True
    if run[0].initial:
        return INITIAL_AFTER.match(text, end) is not None
    if SURE_AFTER.match(text, end):
        return True
    if quoted and not PERSON_OBJECT_BEFORE.search(before):  # round 10: 'staying with "Ash"'
        return INITIAL_AFTER.match(text, end) is not None  # a term: "'Voice' is not enough"
    if ACTION_AFTER.match(text, end) or HOUSEHOLD_BEFORE.search(before):
        return True
    return (
        OBJECT_BEFORE.search(before) is not None and OBJECT_FOLLOWED_BY.match(text, end) is not None
    )


def _plural_noun(key: str, data: Lists) -> bool:
    return key.endswith("s") and key[:-1] in data.words


# What only a person does, after a word that is also a place ("Lincoln had moved into").
_PLACE_THEN_PERSON = re.compile(
    r"[ \t]+(?:had[ \t]+|has[ \t]+)?(?:moved[ \t]+in(?:to|[ \t]+with)?|told|disclosed|cried|"
    r"slept|hugged|sobbed|texted|phoned)\b|[ \t]+(?:was|had[ \t]+been)[ \t]+(?:arrested|born|"
    r"cautioned|bullied|groomed|excluded|adopted|fostered|stabbed)\b"
)


def _document_names(text: str, words: list[_Word], data: Lists) -> set[str]:
    """The ordinary words and unlisted words that this text shows to be people's names."""
    found: set[str] = set()
    for run in _runs(text, words):
        if run[0].lower or run[0].upper or all(w.kind == NAME for w in run):
            continue
        candidates = [
            w
            for w in run
            if w.kind in (AMBIGUOUS, NAME_WORD, UNKNOWN, CAPITALISED_WORD) or w.key in MONTH_NAMES
        ]
        if run[0].initial and len(run) == 1 and _plural_noun(run[0].key, data):
            continue  # "Records described", "Letters went"
        if candidates and _said_of_a_person(text, run):
            found.update(w.key for w in candidates)
        elif (
            len(run) == 1
            and run[0].kind == PLACE_WORD
            and run[0].initial
            and _PLACE_THEN_PERSON.match(text, run[0].end)
        ):
            found.add(run[0].key)  # only a person moves in: "Lincoln had moved into the home"
        elif (
            len(run) == 1
            and run[0].kind == PLACE_WORD
            and RELATION_BEFORE.search(text, max(0, run[0].start - 60), run[0].start)
            and not _not_a_person(text, run[0].start, run[0].end)
        ):
            found.add(run[0].key)  # round 9: "her boyfriend Jordan", "his sister Georgia"
    return found


def _caps_surname(text: str, w: _Word) -> bool:
    """A name alone in capitals is a surname as police records write it ("spoke to BEGUM
    at the address", "the surname as SULTANI") when long, double-barrelled or said of a
    person; short ones alone are more often acronyms ("IMARA", "ALIG")."""
    if len(w) >= 7 or "-" in text[w.start : w.end]:
        return True
    before = text[max(0, w.start - 60) : w.start]
    return bool(
        OBJECT_BEFORE.search(before)
        or CAPS_NAME_BEFORE.search(before)
        or PERSON_AFTER.match(text, w.end)
    )


def _judge(text: str, words: list[_Word], data: Lists) -> set[str]:
    """Decide which words are names, and how sure that is; returns the words this text shows
    to be names (see _document_names)."""
    for w in words:
        if w.after_title:
            w.flagged, w.severity = True, None
        elif w.lower:
            if w.kind == NAME:  # a name that is no English word, even in lower case: "priya"
                w.flagged, w.severity = True, None
        elif w.kind == NAME and not w.upper:
            w.flagged, w.severity = True, None
        elif w.kind == NAME_WORD and not w.upper:
            w.flagged = True
            w.severity = Severity.WARNING if w.initial else None
    # Names in capitals: two side by side ("ALEXANDRU DUMITRU") are sure, a name next to an
    # unlisted or ordinary word ("SENAIT GEBREMARIAM", "LEROY BROWN") likely; a name alone is
    # a warning on a line in capitals or if long, and else taken for an acronym ("NUH").
    for i, w in enumerate(words):
        if not (w.upper and w.kind in (NAME, NAME_WORD)) or w.after_title:
            continue
        neighbours = [
            words[j].kind
            for j in (i - 1, i + 1)
            if 0 <= j < len(words)
            and words[j].upper
            and _adjacent(text, *((words[j], w) if j < i else (w, words[j])))
        ]
        if (
            NAME in neighbours
            or NAME_WORD in neighbours
            or (w.kind == NAME and (neighbours or _caps_surname(text, w)))
        ):
            w.flagged, w.severity = True, None
        elif (
            AMBIGUOUS in neighbours
            or UNKNOWN in neighbours
            or w.shouting
            or len(w) >= 7
            or (w.kind == NAME and len(w) >= 4)
        ):
            w.flagged, w.severity = True, Severity.WARNING
    # Two Capitalised names side by side are sure ("Frank Turner" at the start of a sentence).
    for left, right in itertools.pairwise(words):
        if (
            left.flagged
            and right.flagged
            and not (left.lower or right.lower or left.upper or right.upper)
            and _adjacent(text, left, right)
        ):
            left.severity = right.severity = None
    # A word this text shows to be a name ("Faith said", "Autumn's attendance", "ask Rowan
    # about") is a name wherever it stands in it, in capitals too.
    names = _document_names(text, words, data)
    for w in words:
        if w.key in names and not w.lower:
            w.flagged, w.severity = True, None
    _listed_with_people(text, words)
    # An ordinary-word name, a place, a month or an unknown word joins a name next to it: one
    # pass left to right, one right to left, so a run of words is settled in linear time.
    last = len(words) - 1
    for order, step in ((range(1, last + 1), -1), (range(last - 1, -1, -1), 1)):
        for i in order:
            w, other = words[i], words[i + step]
            if (
                not w.flagged
                and other.flagged
                and other.lower == w.lower
                and other.upper == w.upper
                and _adjacent(text, *((other, w) if step < 0 else (w, other)))
            ):
                w.flagged, w.severity = True, other.severity
    # Weaker evidence, for what is left: an ordinary-word name before a word found in no list
    # ("Gift Moyo"), or a place followed by "'s mother" or ", aged 4" ("Kenya's mother").
    for i, w in enumerate(words):
        if w.flagged or w.lower or w.upper:
            continue
        if w.kind == AMBIGUOUS and i + 1 < len(words):
            right = words[i + 1]
            if right.kind == UNKNOWN and not right.upper and _adjacent(text, w, right):
                w.flagged = right.flagged = True
                w.severity = right.severity = Severity.WARNING
                continue
        if w.kind in (PLACE_WORD, SOFT_WORD) and KIN_OR_AGE_AFTER.match(text, w.end):
            w.flagged, w.severity = True, Severity.WARNING
    return names


def _people_lists(text: str, words: list[_Word]) -> None:
    """Words in a list said to be of people are names: "with Devon and Brooklyn, two other
    young people", "Two boys, Flint and Rocky, were stopped"."""
    members = [w for w in words if not (w.lower or w.upper)]
    chain: list[_Word] = []
    for w in [*members, None]:
        if w is not None and chain and LIST_SEPARATOR.fullmatch(text, chain[-1].end, w.start):
            chain.append(w)
            continue
        if (
            len(chain) > 1
            and any(w.kind not in (PLACE_WORD, SOFT_WORD) for w in chain)  # not "Leeds and York"
        ) and (
            PEOPLE_LIST_AFTER.match(text, chain[-1].end)
            or (
                PEOPLE_LIST_BEFORE.search(text, max(0, chain[0].start - 60), chain[0].start)
                and LIST_END.match(text, chain[-1].end)
            )
        ):
            for member in chain:
                member.flagged, member.severity = True, None
        chain = [w] if w is not None else []


def _listed_with_people(text: str, words: list[_Word]) -> None:
    """A word listed beside a name or a case letter is a name: "Willow, Mason and Child C"."""
    listable = [
        w
        for w in words
        if not (w.lower or w.upper)
        and not _POSSESSOR_BEFORE.search(text, max(0, w.start - 30), w.start)  # "Clare's Law"
        and (
            w.kind in (AMBIGUOUS, NAME_WORD, UNKNOWN, NAME, CAPITALISED_WORD)
            or w.key in MONTH_NAMES
        )
    ]
    sure = [w.flagged and w.severity is None for w in listable]
    _people_lists(text, words)
    for order in (range(len(listable)), range(len(listable) - 1, -1, -1)):  # both ways: linear
        for i in order:
            w = listable[i]
            if sure[i]:
                continue
            # Round 6: a word opening a sentence is a name before a sure one ("Hope and Priya
            # were"); a sure name opening one is still beside the next ("Nevaeh and Mason").
            opening = w.initial and not CASE_IN_BRACKETS_AFTER.match(text, w.end)
            before = text[max(0, w.start - 30) : w.start]
            if (
                (
                    i + 1 < len(listable)
                    and sure[i + 1]
                    and LIST_SEPARATOR.fullmatch(text, w.end, listable[i + 1].start)
                )
                or (
                    not opening
                    and i > 0
                    and sure[i - 1]
                    and LIST_SEPARATOR.fullmatch(text, listable[i - 1].end, w.start)
                )
                or (
                    not opening
                    and (
                        LISTED_PERSON_AFTER.match(text, w.end)
                        or LISTED_PERSON_BEFORE.search(before)
                    )
                )
            ):
                w.flagged, w.severity, sure[i] = True, None, True


def _not_a_person(text: str, start: int, end: int) -> bool:
    """A place, a body or a cited author: "Victoria Centre", "St Ann's", "Firmin (2020)";
    but after a relation a surname that is also a place is a name ("Sibling 2, Miles Forest,
    was seventeen")."""
    following = _NEXT_WORD.match(text, end)
    if following and not RELATION_BEFORE.search(text, max(0, start - 60), start):
        after = normalise(following.group(1))
        if after in _FACILITIES or (
            after in _CITED and not APPOSITION_BEFORE.search(text, max(0, start - 60), start)
        ):  # "Donna Ockenden"; round 10: not "The worker, Charlotte Ainsworth, had met"
            return True
        if following.group(2) and normalise(following.group(2)) in _FACILITIES:
            return True  # "Lucy Faithfull Foundation", "Rose Hill Primary School"
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if previous:
        before = normalise(previous.group(1))
        if before in _PLACE_PREFIXES or before in _PUBLIC_TITLES:
            return True
    return bool(
        CITATION.match(text, end)
        or _EPONYM_AFTER.match(text, end)
        or _EPONYM_TAIL.search(text, start, end)
        or _EPONYM_END.search(text, start, end)
        or _PUBLIC_PERSON_AFTER.match(text, end)
        or (
            _THE_BEFORE.search(text, max(0, start - 6), start) is not None
            and _THE_EPONYM_AFTER.match(text, end) is not None
        )
    )


Spans = list[tuple[int, int, Severity | None]]


def _spans(text: str, words: list[_Word]) -> Spans:
    spans: Spans = []
    group: list[_Word] = []
    for w in [*words, None]:
        if w is not None and w.flagged and (not group or _adjacent(text, group[-1], w)):
            group.append(w)
            continue
        if group:
            start, end = group[0].start, group[-1].end
            if not _not_a_person(text, start, end):
                sure = any(g.severity is None for g in group)
                spans.append((start, end, None if sure else Severity.WARNING))
        group = [w] if w is not None and w.flagged else []
    return spans


_LOWER_NICKNAME = re.compile(
    r"([a-z][a-z0-9_.'’-]{2,20}[a-z0-9_])"
    r"(?=[ \t]*(?:[.,;:)!?]|$|(?:by|and|but|who|when|on|in|at)\b))",
    re.MULTILINE,
)
# Between nicknames in a list: "known as Smokey and 'K-Dog'", "as 'Tiny' and Dee".
# Round 6: another "as" for other people: "known to services as X and to neighbours as 'Red'".
_MORE_NICKNAMES = re.compile(
    r"['’\"”]?(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
    r"(?:(?:to|by|among|at|in|on)[ \t]+[\w'’ \t-]{1,30}?[ \t]+as[ \t]+)?"
)


# A contact in a phone, whatever word it is saved as: "a contact saved as devon".
_CONTACT_BEFORE = re.compile(r"\b(?:contacts?|numbers?|phone)[ \t]+(?:was[ \t]+|were[ \t]+)?$")


_LETTER_NICKNAME = re.compile(r"[A-Z]-[A-Z][a-z]+|[A-Z][a-z]+-[A-Z]")


def _nicknames(text: str, data: Lists) -> Spans:
    """'Smiler' after "called her", "known as 'Madz'", "known to friends as Libz", "called the
    older man 'Big Mo'", "known locally as Tank", "a man called Gaz"; and every other use of
    each of them in the text, quoted or not ("Police could not identify 'Big Mo'")."""
    found: Spans = []
    for cue in Blocks(text).finditer(NICKNAME_CUE, NICKNAME_HINT):
        person = bool(
            cue.group("person")
            or cue.group("nickname")
            or cue.group("known")
            or cue.group("named_as")
            or PERSON_BEFORE_CUE.search(text, max(0, cue.start() - 30), cue.start())
        )
        quoted = QUOTED_NAME.match(text, cue.end())
        named = quoted or (BARE_NAME if person else BARE_NICKNAME).match(text, cue.end())
        if named is None:
            lower = _LOWER_NICKNAME.match(text, cue.end())  # "known online as ghostboi"
            if lower and (
                classify(normalise(lower.group(1)), data) in (NAME, UNKNOWN)
                or (
                    _CONTACT_BEFORE.search(text, max(0, cue.start() - 40), cue.start())
                    and lower.group(1) not in _FUNCTION_WORDS
                )
            ):
                found.append((lower.start(1), lower.end(1), None))  # "a contact saved as devon"
            continue
        if _EPONYM_END.search(named.group(1)):
            continue  # "known as Clare's Law"
        keys = [normalise(w) for w in named.group(1).split()]
        if keys[0] in _ROLE_WORDS and (len(keys) == 1 or len(keys[1]) == 1 or keys[1].isdigit()):
            continue  # "referred to as 'Child A'", "known as Mother" (not "'Daddy Dee'")
        kinds = [AMBIGUOUS if k in _PUBLIC_TITLES else classify(k, data) for k in keys]
        # round 6: a title makes the rest a name: "as Auntie Jan", "as Ms Nowak and to ..."
        titled = len(keys) > 1 and (keys[0] in RELATION_TITLES or keys[0] in TITLES)
        nicknamed = (  # round 6: "went by Chief", not "went by Mum's name"
            cue.group("nickname")
            and not any(k in _ROLE_WORDS for k in keys)
            and not named.group(1).endswith(("'s", "’s"))
        )
        if not (quoted or titled or nicknamed):
            if not (person or cue.group().rstrip().endswith(("as", "by"))):
                continue  # "a group called Reach."
            if any(k in (STOPPED, PLACE_WORD, SOFT_WORD) for k in kinds):
                continue  # "known as Early Help"
            if not person and all(k == WORD for k in kinds):
                continue  # "known as Reach"
        found.append((named.start(1), named.end(1), None))
        while more := _MORE_NICKNAMES.match(text, named.end()):  # "as Smokey and 'K-Dog'"
            quoted = QUOTED_NAME.match(text, more.end())
            named = quoted or BARE_NICKNAME.match(text, more.end())
            if named is None:
                break
            kinds = [classify(normalise(w), data) for w in named.group(1).split()]
            if _LETTER_NICKNAME.fullmatch(named.group(1)):
                kinds = [NAME]  # round 7: a letter and a word, "K-Dog", "T-Bone", is a nickname
            if (all if quoted else any)(k in (STOPPED, PLACE_WORD, SOFT_WORD) for k in kinds) or (
                not quoted and all(k == WORD for k in kinds)
            ):
                break  # (round 6) quoted, one ordinary word is enough: "'Little Brother'"
            found.append((named.start(1), named.end(1), None))
    for nickname in {text[start:end] for start, end, _ in found}:
        for m in re.finditer(rf"(?<![\w-])(?<!\w['’]){re.escape(nickname)}(?![\w-])", text):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), None))
    return found


# Plural proper nouns that are not families: "the Olympics", "the Midlands".
_PROPER_PLURALS = frozenset(
    word_list(
        "olympics paralympics commons lords midlands americas philippines "
        "netherlands maldives seychelles bahamas balkans pennines cotswolds "
        "highlands lowlands hebrides falklands dales fens broads beatles "
        "samaritans scouts guides brownies cubs beavers rainbows games emirates "
        "alps andes rockies"
    )
)


# Words that sit between commas but are no one's name: "His brother, meanwhile, said".
_NOT_APPOSED = frozenset(
    word_list(
        "now then meanwhile instead too though also again later earlier eventually initially "
        "however moreover indeed perhaps maybe sometimes often once twice today yesterday "
        "tomorrow tonight aged alone together overall nevertheless nonetheless therefore thus "
        "hence anyway afterwards child baby mother father mum dad"
    )
)
_APPOSED_WORD = re.compile(r",[ \t]+([A-Za-z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?)(?=,[ \t]+[a-z])")


def _appositions(text: str, data: Lists) -> Spans:
    """A word of any kind and case said of a person by apposition: "His younger brother,
    hunter, told", "A classmate, Chester, showed", "a ten-year-old, Blessing, came"; a name in
    lower case after a kin word ("his cousin mercy, they") or starting a sentence before who
    it is ("heather, a senior carer, told") or what only a person says ("ivy told")."""
    found: Spans = []
    if ", " in text:
        for m in _APPOSED_WORD.finditer(text):
            key = m.group(1).lower()
            if key in _FUNCTION_WORDS or key in _NOT_APPOSED or key.endswith("ly"):
                continue
            if key in _ROLE_WORDS or key in TITLES or not DOES_AFTER_APPOSED.match(text, m.end()):
                continue  # "a teacher, Miss, who"
            kind = classify(normalise(key), data)
            lower = m.group(1).islower()
            if (lower and len(key) > 4 and key.endswith(("ed", "ing"))) or (
                kind in (WORD, STOPPED) and (key.endswith(("ed", "ing")) or lower)
            ):
                continue  # "Mother, exhausted, took", "his brother, upset, left", "unnamed"
            if PERSON_BEFORE_APPOSED.search(text, max(0, m.start() - 80), m.start() + 2):
                found.append((m.start(1), m.end(1), None))
        for m in LOWER_BEFORE_ROLE.finditer(text):
            key = m.group(1)
            if key not in _FUNCTION_WORDS and key not in _NOT_APPOSED and not key.endswith("ly"):
                found.append((m.start(1), m.end(1), None))
    for m in LOWER_BEFORE_SPEECH.finditer(text):
        key = m.group(1)
        if (
            key not in _FUNCTION_WORDS
            and key not in _ROLE_WORDS
            and not key.endswith("ly")
            and classify(normalise(key), data) in (NAME, NAME_WORD, AMBIGUOUS, UNKNOWN)
        ):
            found.append((m.start(1), m.end(1), None))
    for m in KIN_THEN_LOWER.finditer(text):
        if classify(normalise(m.group(1)), data) in (NAME, NAME_WORD, AMBIGUOUS, UNKNOWN):
            found.append((m.start(1), m.end(1), None))
    return found


# Parties and teams, which are no family after "for the": "voted for the Greens".
_TEAMS = frozenset(
    word_list("greens reds blues saints lions tigers eagles spurs magpies hornets owls")
)
# What a family is the object of: "a step-down to Early Help for the Frosts".
_FAMILY_OBJECT_BEFORE = re.compile(
    r"\b(?:for|with|to|from|by|about|visited|visiting|supporting|supported|worked)[ \t]+$"
)


# Tables: a column of people (its heading says so, or other cells are case labels or
# roles) or of settings; a bare Capitalised cell in it is a name ("| Ebony | Living with ..."),
# unless it is a role, an agency's word or an acronym ("| Mother |", "| GP |").
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t|:-]+$")
_PEOPLE_HEADING = re.compile(
    r"(?i:child|children|person|people|name|who|young[ \t]+person|sibling|pupil|member|"
    r"household[ \t]+member|family[ \t]+member|relative|case|setting|placement|school|"
    r"where|provider|venue|location)s?"
)
_CASE_CELL = re.compile(
    r"(?:Child|Baby|Young[ \t]+Person|Sibling|Adult|Infant|Family)[ \t]+(?:[A-Z]{1,2}|\d{1,2})"
)
_BARE_CELL = re.compile(r"[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t]+[A-Z][^\W\d_]+){0,2}")


def _table_cells(text: str, data: Lists) -> Spans:
    """Bare Capitalised cells in a table's column of people or settings."""
    found: Spans = []
    if "|" not in text:
        return found
    rows: list[list[tuple[int, int]]] = []
    last_end = -2
    for m in [*_TABLE_ROW.finditer(text), None]:
        if m is not None and m.start() == last_end + 1:
            rows.append(_cells(text, m.start(), m.end()))
            last_end = m.end()
            continue
        if len(rows) >= 3:
            found += _people_column(text, rows, data)
        rows = [_cells(text, m.start(), m.end())] if m is not None else []
        last_end = m.end() if m is not None else -2
    return found


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a table row's cells, stripped."""
    cells, at = [], text.index("|", start) + 1
    while (bar := text.find("|", at, end)) != -1:
        a, b = at, bar
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        cells.append((a, b))
        at = bar + 1
    return cells


def _people_column(text: str, rows: list[list[tuple[int, int]]], data: Lists) -> Spans:
    """The bare Capitalised cells of a table's columns of people or settings (`rows`: the
    cells of each row, the heading first)."""
    found: Spans = []
    body = [r for r in rows[1:] if not _TABLE_RULE.fullmatch(text[r[0][0] : r[-1][1]] or "-")]
    for column in range(len(rows[0])):
        heading = text[slice(*rows[0][column])]
        cells = [r[column] for r in body if column < len(r)]
        texts = [text[a:b] for a, b in cells]
        people = bool(_PEOPLE_HEADING.fullmatch(heading)) or any(
            _CASE_CELL.fullmatch(t) for t in texts
        )
        if not people:
            continue
        for (a, b), cell in zip(cells, texts, strict=True):
            if not _BARE_CELL.fullmatch(cell) or _CASE_CELL.fullmatch(cell):
                continue
            keys = [normalise(w) for w in cell.split()]
            if any(k in _ROLE_WORDS or k in _FUNCTION_WORDS for k in keys):
                continue
            kinds = [classify(k, data) for k in keys]
            if any(
                k in (NAME, NAME_WORD, AMBIGUOUS, UNKNOWN, PLACE_WORD) for k in kinds
            ) and not any(k in (STOPPED, SOFT_WORD) for k in kinds):
                found.append((a, b, None))
    return found


# A link to a file: "[Bishop strategy meeting notes](/files/cases/bishop-strategy-notes.docx)".
_FILE_LINK = re.compile(r"\[([^\]\n]{1,120})\]\(([^)\s]*/)?([^)/\s]+)\.([A-Za-z0-9]{2,5})\)")
_PAGE_SUFFIXES = frozenset({"md", "html", "htm"})
# Words that say which version a document is, not whose: "[Draft minutes](...)".
_DOCUMENT_WORDS = frozenset(
    word_list(
        "draft final new old future full short long early late interim revised updated annual "
        "summary template blank sample example easy plain current previous latest"
    )
)
_FILE_NAME_PART = re.compile(r"[^\W\d_]+")


def _linked_names(text: str, data: Lists) -> Spans:
    """A name that a file link's text and its file name both begin with: a case's surname
    ("[Bishop strategy notes](/files/bishop-strategy-notes.docx)"), in both places."""
    found: Spans = []
    if "](" not in text:
        return found
    for m in _FILE_LINK.finditer(text):
        first = _FILE_NAME_PART.match(m.group(3))
        word = TOKEN.match(m.group(1))
        if first is None or word is None or word.group().lower() != first.group().lower():
            continue
        if not word.group()[0].isupper() or m.group(4).lower() in _PAGE_SUFFIXES:
            continue  # a link to a page of the site: "[old](../briefs/old.md)"
        key = normalise(word.group())
        if key in _FUNCTION_WORDS or key in _ROLE_WORDS or key in _DOCUMENT_WORDS or len(key) < 3:
            continue  # "[Draft minutes](/files/draft-minutes.docx)"
        if classify(key, data) in (NAME, NAME_WORD, AMBIGUOUS, UNKNOWN):
            found.append((m.start(1), m.start(1) + len(word.group()), None))
            found.append((m.start(3), m.start(3) + len(first.group()), None))
    return found


def _families(text: str, data: Lists) -> Spans:
    """A family by its surname: "the Okonjo family", "the Nowaks", "the Browns moved"."""
    found: Spans = []
    if "he " not in text:  # no "the " or "The ": nothing to look at
        return found
    for m in FAMILY.finditer(text):
        key = normalise(m.group(1))
        if m.group(2):
            if classify(key, data) in (NAME, NAME_WORD, AMBIGUOUS, UNKNOWN):
                found.append((m.start(1), m.end(1), None))
            continue
        if not key.endswith("s") or len(key) < 4:
            continue
        stems = [key[:-1]] + ([key[:-2]] if key.endswith("es") else [])
        kinds = {classify(stem, data) for stem in stems}
        plural = classify(key, data)
        if plural in (STOPPED, PLACE_WORD, SOFT_WORD) or key in _PROPER_PLURALS:
            continue
        if _EPONYM_AFTER.match(text, m.end()):
            continue  # round 6: named after someone, "The Moses basket was", "the Gillick test"
        if (
            (
                FAMILY_APPOSITION.search(text, max(0, m.start() - 40), m.start())
                and APPOSITION_AFTER.match(text, m.end())
            )
            or FAMILY_AFTER.match(text, m.end())
            or FAMILY_HOST_BEFORE.search(text, max(0, m.start() - 30), m.start())
            or (
                kinds & {NAME, NAME_WORD}
                or (
                    kinds & {AMBIGUOUS}
                    and (
                        ACTION_AFTER.match(text, m.end())
                        or text.startswith(("' ", "’ "), m.end())  # "the Bakers' placement"
                        or (
                            key not in _TEAMS
                            and _FAMILY_OBJECT_BEFORE.search(
                                text, max(0, m.start() - 20), m.start()
                            )
                            and not _TITLE_CASE_NEXT.match(text, m.end())
                            and not sentence_initial(text, m.start())
                        )
                    )
                )
                or (
                    plural == UNKNOWN
                    and kinds & {UNKNOWN}
                    and (
                        ACTION_AFTER.match(text, m.end())
                        or FAMILY_NEARBY.search(text, max(0, m.start() - 40), m.start())
                    )
                )
            )
        ):
            found.append((m.start(1), m.end(1), None))
    return found


# Round 6: a list of single words, some of them in quotes: "Fletch, Tyrese, Kai-Jordan and
# 'Smudge'"; separators as in LIST_SEPARATOR, but never across a sentence.
_LIST_ITEM = r"['‘\"“]?[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)?['’\"”]?"
_LIST_CHAIN = re.compile(
    rf"(?<![\w'’-]){_LIST_ITEM}(?:(?:,[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
    rf"{_LIST_ITEM})+(?![\w'’-])"
)
_LIST_PART = re.compile(r"[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)?")


def _list_members(text: str, data: Lists, taken: Spans) -> Spans:
    """Every word of a list of three or more, if at least half of it are names found already:
    the others are names too, even ordinary words ("Fletch, Tyrese, Kai-Jordan and 'Smudge'")
    but not roles, places or words the lists stop."""
    found: Spans = []
    if text.count(",") < 2:
        return found
    for chain in _LIST_CHAIN.finditer(text):
        items = [m.span() for m in _LIST_PART.finditer(text, *chain.span())]
        if len(items) < 3:
            continue
        named = [any(s < b and a < e for s, e, _ in taken) for a, b in items]
        if sum(named) < 2 or 2 * sum(named) < len(items):
            continue
        for (a, b), known in zip(items, named, strict=True):
            key = normalise(text[a:b])
            if known or key in _ROLE_WORDS or key in _FUNCTION_WORDS:
                continue
            if classify(key, data) not in (STOPPED, PLACE_WORD, SOFT_WORD):
                found.append((a, b, None))
    return found


# Round 6: a person's noun and their name in brackets or quoted after a dash: "the lodger
# (Scooter)", "**Stepfather** — 'Gaffer'".
_KNOWN_PERSON = (
    r"(?i:lodger|partner|boyfriend|girlfriend|friend|neighbour|brother|sister|cousin|uncle|"
    r"aunt|auntie|aunty|nan|nanna|grandad|grandma|grandmother|grandfather|stepfather|"
    r"stepmother|stepdad|stepmum|mum|dad|mother|father|son|daughter|baby|sibling|worker|"
    r"visitor|teacher|nurse|midwife|carer|childminder|babysitter|man|woman|boy|girl|male|"
    r"female|ex|husband|wife|coach|tutor|mentor)"
)
_BESIDE = re.compile(
    r"\(([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)\)"
    # round 10: ... or just after it, in quotes: 'Boyfriend "Gaz" in the kitchen'
    r"|(?:[—–:-]+[ \t]*|[ \t]+)['\"“‘]([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)['\"”’]"
)
_PERSON_BEFORE_BESIDE = re.compile(rf"\b{_KNOWN_PERSON}(?:[ \t]+\d)?[*_]*[ \t]*$")
_STATUS_WORDS = frozenset(word_list("unknown absent unborn deceased estranged none"))
_JOB_NOUN = re.compile(
    r"(?i:worker|visitor|teacher|nurse|midwife|carer|childminder|coach|tutor|mentor)\b"
)


def _named_beside_a_person(text: str, data: Lists) -> Spans:
    """A word in brackets or in quotes just after a person's noun: "the lodger (Scooter)"."""
    found: Spans = []
    if "(" not in text and '"' not in text and "“" not in text and "'" not in text:
        return found
    for m in _BESIDE.finditer(text):
        person = _PERSON_BEFORE_BESIDE.search(text, max(0, m.start() - 30), m.start())
        if person is None:
            continue
        group = 1 if m.group(1) else 2
        name = m.group(group)
        keys = [normalise(w) for w in name.split()]
        if name.isupper() or any(k in _STATUS_WORDS or k in _ROLE_WORDS for k in keys):
            continue
        if any(k.endswith(("ed", "ly")) or _ABSTRACT.search(k) for k in keys):
            continue  # "mother (deceased)", "father (Maternal)"
        kinds = [classify(k, data) for k in keys]
        if any(k in (STOPPED, SOFT_WORD, PLACE_WORD) for k in kinds):
            continue
        if WORD in kinds and _JOB_NOUN.match(person.group()):
            continue  # a worker's subject or service: "her teacher (Maths)"
        found.append((m.start(group), m.end(group), None))
    return found


_ONE_WORD = re.compile(r"[^\W\d_]{3,}(?:[-‐][^\W\d_]+)?")


def _other_uses(text: str, taken: Spans) -> Spans:
    """Round 6: a one-word name found anywhere in the text is a name wherever else it is
    written with a capital ("Names included ... and Smudge. Smudge later moved away.",
    "her older sister, ranger, told ... Ranger was 15")."""
    data = lists()
    words = {text[a:b] for a, b, severity in taken if severity is None}
    found: Spans = []
    for word in {w[:1].upper() + w[1:] for w in words if _ONE_WORD.fullmatch(w)}:
        key = normalise(word)
        if key in OPENING_WORDS or classify(key, data) in (STOPPED, SOFT_WORD, PLACE_WORD):
            continue  # "Will", "May", "Ask": not at every sentence start
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (
                not (at and (text[at - 1].isalnum() or text[at - 1] in "-‐"))
                and not (end < len(text) and (text[end].isalnum() or text[end] in "-‐"))
                and not any(s < end and at < e for s, e, _ in taken)
            ):
                found.append((at, end, None))
            at = text.find(word, end)
    return found


def _lower_case_uses(text: str, names: set[str], taken: Spans) -> Spans:
    """A name this text shows, written in lower case where a name would start ("'grace
    hungry again today'") or followed by what is said of people."""
    found: Spans = []
    for key in names:
        if not key.isalpha():
            continue
        for m in re.finditer(rf"(?<![\w-]){key}(?![\w'’-])", text):
            start, end = m.span()
            if any(s < end and start < e for s, e, _ in taken):
                continue
            if (
                sentence_initial(text, start)
                or text[start - 1 : start] in _OPENING_QUOTES
                or PERSON_AFTER.match(text, end)
                or text[end : end + 1] in ("?", "!")
            ):
                found.append((start, end, None))
    return found


# A name in lower case, followed by what only a person has: "ivy's bedroom", "river and her
# younger brother".
_LOWER_OWNER = re.compile(
    r"['’]s[ \t]+(?:(?:older|younger|little|big|baby|twin)[ \t]+)?"
    rf"(?:{KIN}|bedroom)\b|\band[ \t]+(?:her|his)[ \t]+(?:(?:older|younger|little|big|baby|"
    r"twin)[ \t]+)?(?:brothers?|sisters?|mum|mother|dad|father|nan|cousins?|friends?)\b"
)
_OWNER_WORD = re.compile(r"(?<![\w'’-])([a-z]{3,})[ \t]*$")
# ... unless a word before it makes it a common noun: "the dog's owner", "a friend's mum".
_COMMON_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|my|your|his|her|its|our|their|each|every|any|no|"
    r"some|one|another|other|whose|which|what|of|care|foster|young|kinship)|['’]s?)[ \t]+$",
    re.IGNORECASE,
)


def _lower_case_owners(text: str, data: Lists, taken: Spans) -> Spans:
    """A name that is also a word, written in lower case, followed by what only a person has
    ("I said ivy's bedroom window was blocked", "river and her younger brother were")."""
    found: Spans = []
    for tail in _LOWER_OWNER.finditer(text):
        m = _OWNER_WORD.search(text, max(0, tail.start() - 30), tail.start())
        if m is None:
            continue
        start, end = m.span(1)
        key = m.group(1)
        if key in _FUNCTION_WORDS or classify(key, data) not in (AMBIGUOUS, NAME_WORD, NAME):
            continue
        if _COMMON_BEFORE.search(text, max(0, start - 20), start):
            continue
        if not any(s < end and start < e for s, e, _ in taken):
            found.append((start, end, None))
    return found


def _lower_case_full_names(text: str, data: Lists, taken: Spans) -> Spans:
    """A full name in lower case where a name is expected: "Mother's sister, faith marsh,
    told the review", "known as grace hall", "the partner's name as junior mensah-boateng,".
    After a relation both words must be in the name lists, or one a name and the other in no
    list; after a word that gives a name ("recorded as"), one of them must be more often a
    name than a word ("recorded as low level" is no name)."""
    found: Spans = []
    if not any(c.islower() for c in text):
        return found
    for m in LOWER_PAIR.finditer(text):
        first, last = m.group(2), m.group(3)
        start, end = m.start(2), m.end(3)
        kinds = (data.kinds.get(first), classify(normalise(last), data))
        if first in _FUNCTION_WORDS or kinds[1] not in (NAME, NAME_WORD, AMBIGUOUS, UNKNOWN):
            continue
        if kinds[0] is None and classify(first, data) != UNKNOWN:
            continue
        named = NAME in kinds or NAME_WORD in kinds
        if m.group("relation"):
            if first in _STOP or last in _STOP:
                continue
            if kinds[0] is None and not named:
                continue
        elif not named:
            continue
        if any(s < end and start < e and not start <= s < e <= end for s, e, _ in taken):
            continue  # part of a longer name found already (a name inside it is replaced)
        if LOWER_PAIR_AFTER.match(text, end):
            found.append((start, end, None))
    return found


def find_names(
    text: str,
    area_names: tuple[str, ...] = (),
    cited: list[tuple[int, int]] | None = None,
    blocks: Blocks | None = None,
) -> list[Finding]:
    """One finding per name in `text` (raw Markdown); offsets index `text` itself.
    `area_names`: the partnership's own places, never names; `cited`: the citations in
    `text`, and `blocks` its paragraphs, if found already."""
    data = lists()
    # What the text says around a word is read through its emphasis (after never_names,
    # which finds titles by their italics).
    never = never_names(text, area_names, cited, blocks)
    scanned = _masked(without_emphasis(text), never)
    words = _scan(scanned, data)
    names = _judge(scanned, words, data)
    ordinary = {w.key for w in words if w.kind == CAPITALISED_WORD}  # "Spud", never "spud"
    spans = _spans(scanned, words)
    for extra in (
        _nicknames(scanned, data),
        _families(scanned, data),
        _appositions(scanned, data),
        _table_cells(scanned, data),
        _linked_names(text, data),
        _named_beside_a_person(scanned, data),
    ):
        for n in extra:  # a sure name replaces a weak one it overlaps ("the De Souzas")
            spans = [x for x in spans if not (x[2] and x[0] < n[1] and n[0] < x[1])]
            if not any(s < n[1] and n[0] < e for s, e, _ in spans):
                spans.append(n)
    spans += _list_members(scanned, data, spans)
    spans += _other_uses(scanned, spans)
    spans += _lower_case_uses(scanned, names - ordinary, spans)
    spans += _lower_case_owners(scanned, data, spans)
    full = _lower_case_full_names(scanned, data, spans)
    spans = [s for s in spans if not any(f[0] <= s[0] < s[1] <= f[1] for f in full)] + full
    return [
        Finding(RULE, start, end, MESSAGE if severity is None else WEAK_MESSAGE, severity)
        for start, end, severity in sorted(spans)
    ]
