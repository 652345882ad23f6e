"""Street addresses and named institutions (schools, nurseries, GP practices, wards, homes).

City- and county-level places and agencies are fine; a street or a named school narrows a
family down to a few households. Premises are found by their head noun ("Oakfield Primary
School", "Millbrook Dental Care"; after a weak one, 'Unit', 'Centre', 'Hub', a proper noun or
a word that names premises: "Meadows Unit", not "Violence Reduction Unit"), by what is said
of them ("Fernbank, an independent special school", "a barber's called Fade Kings", "placed
at Greenacres", "attended Oakwood"), by a saint, a dedication or a founder where a place is
named ("St Bede's", "moved to Holy Trinity", "started at King Alfred's"), or as a chain's
hotel ("the Travelodge Ashby West"). Citations and title-case headings are no premises.
"""

from __future__ import annotations

import re

from .allowed import trie_regex, word_list
from .blocks import Anchor, Blocks, Lower, Words, cased
from .findings import Finding
from .names import (
    AMBIGUOUS,
    JOBS,
    NAME,
    NAME_WORD,
    PLACE_WORD,
    ROLES,
    SOFT_WORD,
    STOPPED,
    UNKNOWN,
    WORD,
    classify,
    lists,
    normalise,
    sentence_initial,
)
from .not_names import area_pattern

_NAME_WORD = r"(?:St\.?|[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Z][a-z]+)?)"
_STREET_TYPES = (
    r"(?:Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Crescent|Way|Grove|Terrace|Place|Gardens|"
    r"Court|Walk|Rise|Mews|Square|Row|Parade|Boulevard|Croft|Fold|Wynd|Chase|Approach|"
    # round 11: where firms are, by name: "on Canal Side Industrial Estate"
    r"(?:Industrial|Trading)[ \t]+Estate|Business[ \t]+Park|"
    # a caravan or park-home site ("the Longmeadow Park site"), not a retail or car park
    r"(?P<park>Park(?![ \t]+[A-Z])))"
)
_BUILDING_TYPES = (
    r"(?:Heights|House|Tower|Towers|Apartments|Court|Lodge|Mansions|Point|Plaza|Wharf|Buildings)"
)
# flat 2, Sherwood Heights / 36 Canal Wharf Apartments
_BUILDING = re.compile(
    rf"\b(?:(?:[Ff]lat|[Aa]partment|[Uu]nit|[Nn]umber)\s+)?\d{{1,4}}[A-Za-z]?,?\s+"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+{_BUILDING_TYPES}\b"
)
# Premises, by what they are: words said just after the name ("Brook House, a children's
# home", "the Hollies, a residential children's home", "Fernbank, an independent special
# school") or just before it ("a barber's called Fade Kings", "a nursery named Little Owls").
_PREMISES = (
    r"(?:home|unit|centre|placement|accommodation|provision|hostel|refuge|house|school|"
    r"academy|college|nursery|pre-school|preschool|playgroup|setting|practice|surgery|clinic|"
    r"hospital|ward|hospice|church|chapel|mosque|temple|gurdwara|synagogue|madrassa|madrasah|"
    r"club|gym|hotel|b&b|caf[eé]|takeaway|restaurant|shop|barber['’]?s?|salon|garage|pub|bar|"
    r"project|drop-in|venue|hall|building|warehouse|barn|squat|lock-up)"
)
_HOME = re.compile(
    rf"\b({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})['’\"”]?(?:,\s+(?:an?|the)\s+(?:[\w'’+-]+\s+){{0,3}}?"
    rf"{_PREMISES}\b"
    # round 7: ... or a service, charity or firm: "Meadowlark, a private counselling service,"
    r"|,\s+an?\s+(?:(?!national\b)[\w'’+-]+\s+){0,3}?(?:service|charity|firm|company|business|"
    r"provider)\b|,?\s+(?:(?:an?|the)\s+)?(?:(?:small|local|private|specialist|secure|"
    r"residential|registered|independent)\s+)*(?:children['’]s|residential|care|foster|"
    r"short[- ]break|respite|supported|semi-independent|mother[- ]and[- ]baby)\s+"
    r"(?:home|unit|centre|placement|accommodation|provision|hostel|house)\b)"
)
_CALLED = re.compile(
    rf"\b{_PREMISES}\s+(?:called|named|known\s+as)\s+['\"‘“]?"
    rf"((?:[Tt]he\s+)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|&)){{0,3}})"
)
# ... or by a word that only premises follow: "placed at Greenacres", "on roll at Kingsmead".
_AT_PREMISES = re.compile(
    r"\b(?:(?:placed|admitted|transferred|discharged|on[ \t]+roll|enrolled|registered|lived|"
    r"living|stayed|staying|resident|started|starting)[ \t]+(?:at|to|from|in[ \t]+to|into)|"
    r"attended|attends|attending|joined)[ \t]+"
    rf"(?:the[ \t]+)?((?:The[ \t]+)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
    r"(?![\w'’-])(?![ \t]+[A-Z\d])"  # whole words: not "admitted to Brampton Genera|l Hospital"
)
# Round 7: ... or two to four Capitalised words where someone waits, gathers or is found:
# "waited outside Lucky Seven Amusements", "seen near Moonrise Laser Quest".
_NEAR_PREMISES = re.compile(
    r"\b(?:(?:outside|inside|behind|opposite|near)[ \t]+|(?:at|from)[ \t]+the[ \t]+)"
    rf"((?:The[ \t]+)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})"
    r"(?![\w'’-])(?![ \t]+[A-Z\d])"
)
# ... but not a body that meets, which is no place: "from the Quality Assurance Subgroup".
_MEETS = re.compile(
    r"(?:Sub-?[Gg]roup|Committee|Board|Panel|Forum|Group|Team|Partnership|Network|Executive)$"
)
_NEAR_WORD = Words(("outside", "inside", "behind", "opposite", "near", "at the", "from the"))
# ... or a school or nursery whose kind is written in lower case: "Kidz Kingdom nursery",
# "Oakfield school" (its name must hold a proper noun: not "Islamic school").
_LOWER_TYPE = re.compile(
    rf"\b({_NAME_WORD}(?:[ \t]+(?:and[ \t]+)?{_NAME_WORD}){{0,2}})[ \t]+(?:nursery|pre-school|"
    r"preschool|school|academy|primary|surgery|practice|playgroup|children['’]s[ \t]+home|"
    r"pub|inn|caf[eé]|after-school[ \t]+club|breakfast[ \t]+club|holiday[ \t]+club|"
    r"takeaway|barbers?|salon|gym|"
    # venues and lodgings in lower case (round 5): "the Starlight shisha lounge"
    r"(?:shisha[ \t]+)?lounge|hostel|foyer|church|chapel|mosque|hotel|arcade|snooker[ \t]+hall|"
    r"kebab[ \t]+shop|chicken[ \t]+shop|car[ \t]+wash|tuition[ \t]+centre|childminders?|"
    # round 6: "the Fun Factory soft play", "the Bloodline gang", "Moorgate custody suite"
    r"soft[ \t]+play|play[ \t]+centre|farm|gang|crew|custody[ \t]+suite|walk-in[ \t]+centre)\b"
)
# Round 6: a flat in a named block, with no number: "a flat in Cobalt Tower".
_FLAT_IN = re.compile(
    r"\b(?:[Ff]lat|[Aa]partment|[Bb]edsit|[Rr]oom|[Ss]quat)[ \t]+(?:in|at|on)[ \t]+(?:the[ \t]+)?"
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}[ \t]+{_BUILDING_TYPES})\b"
)
_FLAT_WORD = Words(("flat", "apartment", "bedsit", "room", "squat"))
# flat 4, The Old Maltings / apt 33 Mercer House: a numbered flat and the building's name
_FLAT = re.compile(
    rf"\b(?:[Ff]lat|[Aa]partment|[Aa]pt\.?|[Uu]nit)\s+\d{{1,4}}[A-Za-z]?,?\s+(?:The\s+)?"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
)
# 19 Quarry Bank, ST4 3TB: a house number and a name just before a postcode
_BEFORE_POSTCODE = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?,?\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}(?=,?\s+\(?"
    r"[A-Z]{1,2}\d[A-Z\d]? {0,2}\d[A-Z]{2}\b)"
)
# the nursery, Orchard Tots, ... / the children's home, The Laurels
_APPOSITION = re.compile(
    r"\b(?:nursery|school|academy|college|GP practice|practice|surgery|children['’]s home|"
    r"care home|ward|unit|pupil referral unit)\s*,\s*"
    r"((?:The\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})"
    r"(?=\s*[,.;)])"
)
_ADDRESS = re.compile(
    rf"(?:\b(?:[Ff]lat|[Aa]partment|[Uu]nit)\s+\d+[A-Za-z]?,?\s+)?"
    rf"(?:\b\d{{1,4}}[A-Za-z]?,?\s+)?"
    rf"\b({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+{_STREET_TYPES}\b"
)
_INSTITUTION_TYPES = (
    r"(?:(?:C\.?\s?of\s?E\.?\s+|R\.?C\.?\s+|Catholic\s+|Church of England\s+|Community\s+|"
    r"Methodist\s+|"
    # whom it serves, in the plural possessive: "Girls' School", "Carers' Café"
    r"[A-Z][a-z]+s['’]\s+|"
    r"Islamic\s+|Jewish\s+|Free\s+|Junior and Infant\s+|Primary and Nursery\s+|"
    r"Infant and (?:Nursery|Junior)\s+|Nursery and (?:Infant|Primary)\s+)?"
    r"(?:Primary School|Primary Academy|Primary|Junior School|Infant School|Infants|Juniors|"
    r"Nursery School|Nursery|Pre-?[Ss]chool|Day Nursery|Playgroup|Academy|School|College|"
    r"High School|Sixth Form|Grammar School|Medical Practice|Medical Centre|Health Centre|"
    r"Surgery|Family Practice|Dental Practice|Dental Surgery|Dental Centre|Dental Clinic|"
    r"Pharmacy|Chemist|Clinic|Infirmary|(?:General |Community |Children['’]s )?Hospital|"
    # round 6: a church school by its church ("Grindle Moss C of E,")
    r"C[ \t]+of[ \t]+E(?![ \t]+[A-Z])|"
    r"Hospice|Maternity Unit|Birth Centre|Walk-in Centre|Minor Injuries Unit|"
    r"Pupil Referral Unit|PRU|Dental Group|Medical Group|Health Group|"
    r"Ward|(?:Children['’]s|Care|Nursing|Residential) Home|House children['’]s home|"
    r"Lodge children['’]s home|"
    r"Family Centre|Family Hub|Children['’]s Centre|Youth Club|Youth Centre|"
    # Weak: named only by a word in the name lists or in no list ("Rainbow Unit",
    # "Thornfield High"), not by an ordinary word ("Violence Reduction Unit").
    # round 6: a hospital by its short name ("Oakbury General", "Fenby Maternity")
    r"(?P<weak>Unit|Practice|High(?![ \t]+(?:Street|Road|Court|Sheriff))|Church|Chapel|"
    r"General(?![ \t]+[A-Z])|Maternity(?![ \t]+[A-Z])|Grammar(?![ \t]+[A-Z])|"
    r"Secondary(?![ \t]+[A-Z])|"
    r"Mosque|Masjid|Gurdwara|Temple|Synagogue|Madrassa|Madrasah|Dental Care|Centre|Center|Hub|"
    r"Infants|Juniors|Junior(?![ \t]+[A-Z])|Club|"
    r"(?:House|Lodge|Grange|Manor|Cottage)(?![ \t]+[A-Z]))|"
    # Businesses and clubs: "Sparkle Hand Car Wash", "Ashfield Rovers Juniors"
    r"(?P<business>(?:Hand )?Car Wash|Nail Bar|Nails|Beauty|Salon|Barbers?|Barbershop|"
    r"Takeaway|Caf[eé]|Restaurant|Hotel|Guest House|Motors|Garage|Gym|Boxing Club|"
    r"Football Club|Sports Club|Social Club|Boxing|(?:Boys|Girls|Lads)['’] Club|"
    r"(?:Rugby|Cricket|Golf|Tennis|Hockey|Netball|Swimming|Athletics) Club|"
    r"F\.?C\.?|A\.?F\.?C\.?|Rovers|Wanderers|"
    r"Off Licence|Mini ?Market|Supermarket|Newsagents?|Inn|Arms|Tavern|"
    # round 6: sports clubs by their kind: "Iron Lions ABC", "Gildersome Harriers"
    r"A\.?B\.?C\.?|Harriers|Striders|Wheelers|R\.?F\.?C\.?|"
    # round 8: by what they are for: "Open Door Food Bank", "Hollybush Young Carers", "4th
    # Hilltop Scouts", "Sands United", "Mount Zion Pentecostal", "Lantern House Refuge"
    r"Food ?[Bb]ank|Sure Start|Young Carers|Scouts|Scout Group|Guides|Brownies|Cubs|Beavers|"
    r"Cadets|United|Colts|Dolphins|Athletic|Pentecostal|Tabernacle|Refuge|Women['’]s Aid|"
    r"Conference Suite|Young Carers(?: Group| Project)?|Pupil Referral Service|"
    # round 10: takeaways and firms by their kind: "Lucky Star Chinese", "Star Cars",
    # "Balkan Staffing Solutions", "Carlton's Motor Repairs", "X Ltd"
    r"Chinese|Pizzeria|Fish Bar|Chippy|Tandoori|Balti|Kebabs?|Ltd|Limited|Solutions|"
    r"Repairs|Cars|Taxis|Mobiles|Produce|Staffing|Logistics|Construction|"
    r"Builders|Building Services|Lettings|Scaffolding|Roofing|Haulage|Removals|"
    # round 11: "Harbour View B&B", "Riverside Community Hall", "Wold Valley Poultry", "X
    # Welfare Association", "Riverbank Health Partnership"
    r"B&B|B & B|Bed and Breakfast|(?:Community|Village|Church|Scout|Parish|Memorial) Hall|"
    r"Poultry|Foods|(?:Welfare|Community|Cultural|Residents['’]?) Association|"
    r"(?:Health|Medical) Partnership|"
    # round 9: "Moorgate Fire Station", "Sunnyside Holiday Village", "Ironbridge Rangers JFC",
    # "Sparkle Valet"
    r"(?:Fire|Police|Ambulance) Station|Holiday (?:Village|Park|Camp)|J\.?F\.?C\.?|Rangers|"
    r"Valet(?:ing)?)))"
)
_INSTITUTION = re.compile(
    rf"\b({_NAME_WORD}(?: {{1,2}}(?:{_NAME_WORD}|of|the|and|&)){{0,3}}?)"
    rf" {{1,2}}{_INSTITUTION_TYPES}\b"
)
_WARD_NUMBER = re.compile(r"\bWard\s+[A-Z]?\d{1,3}[A-Z]?\b")
_TITLE_CASE_SMALL_WORDS = {"In", "On", "At", "For", "With", "To", "From", "By", "Into", "Or"}
_OPENING_PHRASE = _TITLE_CASE_SMALL_WORDS | {"After", "Before", "During", "Since", "Until", "Then"}
# Round 11: ... or what a reader is asked to do: "- Use X Family Hub for groups", "Remember
# ABC".
_IMPERATIVES = frozenset(
    (
        *("Use", "Contact", "Call", "Ask", "Visit", "Refer", "Book", "Try", "Email", "Ring"),
        *("Phone", "Join", "See", "Read", "Remember", "Attend", "Tell", "Think", "Follow"),
    )
)
_A_BODY_AFTER = re.compile(
    r"[ \t]+(?:Trust|Federation|Partnership|Alliance|Network|Association|Board|Foundation|"
    r"Group|Collaborative"
    # round 8: ... or a way of working named after one: "the Wexley Practice Model"
    r"|Model|Framework|Approach|Standards?|Toolkit"
    # round 10: ... or a partnership's group: "the X Practice Improvement Subgroup"
    r"|Improvement|Development|Forum|Subgroup|Sub-group|Committee|Panel)\b"
)
_LARGE_PREMISES = re.compile(
    r"(?:Hospital|Infirmary|Hospice|Centre|Hub|General|Maternity|"
    r"Young Carers(?: Project| Service)?|Women['’]s Aid|Short Breaks(?: Service)?|"
    r"(?:Health|Medical) Partnership|"  # round 8: services for a whole area
    r"(?:Police|Fire|Ambulance) Station)"  # round 10: public services, as the README says
    r"(?:[ \t]+(?:service|team))?$"
)
# ... but a GP practice or a children's, family or youth centre serves a neighbourhood: named
# after one of the areas, it still narrows where a family lives ("Otterbury Medical Centre").
_LOCAL_PREMISES = re.compile(r"(?:Community|Youth)[ \t]+(?:Centre|Hub)$")
# A school or church by its saint alone: "St Aidan's", "Our Lady's" (not "St Ann's Well Road").
_SAINT = re.compile(
    r"\b(?:(?:St\.?|Saint)[ \t]+[A-Z][a-z]+(?:['’]s|s['’])|Our[ \t]+Lady['’]s)(?![ \t]+[A-Z\d])"
)
# ... by its dedication or its founder, where a place is named: "moved to Holy Trinity", "on
# roll at Sacred Heart", "attended Christ the King", "started at King Alfred's".
_DEDICATION = re.compile(
    r"\b(?:at|to|from|into|in|attended|attends|attending|joined|left|leaving|started|"
    r"starting|visited|called|rang|contacted|and|or)[ \t]+"
    r"((?:Holy[ \t]+(?:Trinity|Family|Cross|Spirit|Rosary|Name|Redeemer|Innocents|Angels|"
    r"Saviour|Souls|Ghost|Apostles|Child)|All[ \t]+Angels|Sacred[ \t]+Heart|"
    r"Christ[ \t]+(?:the[ \t]+King|Church)|"
    r"Corpus[ \t]+Christi|Blessed[ \t]+[A-Z][a-z]+|All[ \t]+(?:Saints|Souls|Hallows)|"
    r"Our[ \t]+Lady(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?|"
    r"(?:King|Queen|Prince|Princess|Bishop|Archbishop|Cardinal|Sir|Lady|Dame|Duke|Earl)[ \t]+"
    r"[A-Z][a-z]+(?:['’]s|s['’])))"
    r"(?!['’]?s?[ \t]+(?:Day|Eve|Sunday|Week|Tide)\b)"
)
# A hotel of a chain, with its place: "the Travelodge Kelderby North".
_CHAIN_HOTEL = re.compile(
    r"\b(?:Travelodge|Premier[ \t]+Inn|Holiday[ \t]+Inn(?:[ \t]+Express)?|Ibis(?:[ \t]+Budget)?|"
    r"Days[ \t]+Inn|Best[ \t]+Western|Britannia(?:[ \t]+Hotel)?|Jurys[ \t]+Inn|Novotel|Mercure|"
    r"Hilton|Marriott|Campanile|Hampton[ \t]+by[ \t]+Hilton)(?:[ \t]+[A-Z][\w'’-]+){1,3}"
    # round 7: ... or with its street or place after a preposition: "the Premier Inn on
    # Railway Approach", "the Travelodge off Junction 9"
    r"|\b(?:Travelodge|Premier[ \t]+Inn|Holiday[ \t]+Inn(?:[ \t]+Express)?|Ibis(?:[ \t]+Budget)?|"
    r"Days[ \t]+Inn|Jurys[ \t]+Inn|Novotel|Hampton[ \t]+by[ \t]+Hilton)"
    r"[ \t]+(?:on|in|at|off|near|by)[ \t]+(?P<where>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
)

# Words that name a kind of place, not a particular one ("the Secondary School").
_GENERIC = {
    "the",
    "learning",  # round 11: "the X Learning Hub", a partnership's training; "X Short Breaks"
    "training",
    "short",
    "a",
    "an",
    "this",
    "that",
    "her",
    "his",
    "their",
    "our",
    "your",
    "its",
    "local",
    "secondary",
    "special",
    "mainstream",
    "independent",
    "residential",
    "private",
    "state",
    "virtual",
    "forest",
    "sunday",
    "new",
    "previous",
    "current",
    "same",
    "other",
    "another",
    "each",
    "every",
    "any",
    "one",
    "primary",
    "junior",
    "infant",
    "nursery",
    "high",
    "grammar",
    "medical",
    "health",
    "family",
    "children's",
    "children’s",
    "community",
    "catholic",
    "faith",
    "free",
    "day",
    "general",
    "hospital",
    "maternity",
    "neonatal",
    "paediatric",
    "children",
    "child",
    "youth",
    "to",
    "at",
    "from",
    "in",
    "on",
    "with",
    "and",
    "of",
    "by",
    "when",
    "after",
    "before",
    "while",
    "where",
    "school",
    "college",
    "academy",
    "home",
    "crown",
    "county",
    "magistrates",
    "magistrates'",
    "coroner's",
    "coroner’s",
    "appeal",
    "supreme",
    "court",
    "open",
    "national",
    "royal",
    "english",
    "british",
    "she",
    "he",
    "they",
    "we",
    "it",
    "then",
    "also",
    "both",
    "all",
    "once",
    "not",
    "no",
    "only",
    "public",
    "protection",
    "investigation",
    "abuse",
    "referral",
    "assessment",
    "intensive",
    "care",
    "mother",
    "baby",
    "emergency",
    "sexual",
    "assault",
    "mental",
    "police",
    "safeguarding",
    "multi-agency",
    "specialist",
    "domestic",
    "violence",
    "missing",
    "exploitation",
    "vulnerable",
    "forced",
    "marriage",
    "pupil",
    "counter",
    "terrorism",
    "fraud",
    "cyber",
    "crime",
    "adolescent",
    "inpatient",
    "outpatient",
    "high-dependency",
    "unit",
    "university",
    "reduction",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "regional",
    "teaching",
    "city",
    "district",
    "town",
    "car",
    "retail",
    "business",
    "industrial",
    "science",
    "holiday",
    "theme",
    "country",
    "water",
    "skate",
    "leisure",
    "caravan",
    "trailer",
    "shopping",
    "civic",
}
# Courts and national bodies that end like a street or an institution.
_NOT_PLACES = re.compile(
    r"\b[A-Z][\w' ]{0,60}(?:Hospitals?|Healthcare|Health|Care)(?: NHS)?(?: Foundation)? Trust\b|"
    r"\b(?:Crown|Family|Youth|County|High|Magistrates['’]?|Coroner['’]?s|Supreme|Appeal|"
    r"Family Drug and Alcohol) Court\b|\bRoyal College\b|\bOpen University\b|\bVirtual School\b"
    r"|\bCollege of Policing\b|\bDowning Street\b|\bWhitehall\b|\bBusiness Unit\b"
    r"|\b(?:Premier|Holiday|Days|Jurys|Travel) Inn\b"
    # round 7: chains whose names end like a venue's, where no branch is named
    r"|\b(?:Pizza Hut|Kentucky Fried Chicken|Domino['’]s Pizza|Papa John['’]s Pizza|"
    r"Chicken Cottage|Dixy Chicken|Sainsbury['’]s Local|Tesco Express)\b"
)


# Words that say what a service is, not which one: left out before a weak type ("Cedars
# Adolescent Unit", "Harbour House Recovery Centre", "Bridgeway Youth Hub").
_SERVICE_WORDS = frozenset(
    word_list(
        "adolescent adolescents recovery referral assessment resource resources contact treatment "
        "rehabilitation wellbeing well-being therapy therapeutic support learning education "
        "training dental sexual assault mental youth young people's peoples women's women "
        "men's men short break short-break respite day house lodge court hall grange manor "
        "mill farm cottage"
    )
)
# Words that name premises, though they are ordinary words: "Meadows Unit", "Kingfisher Ward",
# "Riverside Centre", "The Haven", "Acorns Nursery".
_PLACELIKE = frozenset(
    word_list(
        "meadow meadows brook brooks river riverside lakeside parkside hillside woodside "
        "brookside waterside bankside oak oaks willow willows cedar cedars beech beeches birch "
        "elm elms ash ashes rowan hawthorn hawthorns holly ivy maple maples pine pines larch "
        "poplar poplars yew yews orchard orchards field fields vale valley hill hills ridge lea "
        "glen dale moor heath wood woods forest grove spring springs harbour haven beacon "
        "horizon horizons lighthouse compass anchor acorn acorns rainbow rainbows sunflower "
        "sunflowers bluebell bluebells daisy daisies poppy poppies primrose snowdrop lavender "
        "rose roses lily iris robin robins wren kingfisher swan swans heron herons owl owls "
        "falcon kestrel lark skylark starling swallow swallows dolphin dolphins phoenix sunrise "
        "sunshine butterfly butterflies ladybird treetops seedlings harvest oasis cornerstone "
        "tree trees puffin penguin otter badger fox squirrel hedgehog rabbit deer panda koala "
        "giraffe elephant lion tiger bear bee dragonfly seahorse starfish star stars moon sun "
        "comet planet rocket ocean coral pearl ruby sapphire emerald diamond amber jade crystal "
        "opal cloud clouds sky island lagoon woodland bay coast shore"
    )
)
_ROLES = frozenset(word_list(ROLES + JOBS))
_POSSESSIVE = re.compile(r"['’]s$")
# ... and the words place names are made of: "Oakwood", "Hillside", "Greenfield", "Millbank".
_PLACE_HEADS = _PLACELIKE | frozenset(
    word_list("green high long broad fair white black red golden silver king queen mill church")
)
_PLACE_TAILS = frozenset(
    word_list(
        "side wood woods field fields bank brook dale vale view way gate ford bridge hill hills "
        "mead lea ley leigh croft moor green well wick worth hurst holme stone lands acre acres "
        "park mount grove rise mere"
    )
)


def _placelike(word: str) -> bool:
    """A word that names premises, or is made like a place name ("Oakwood", "Hillside")."""
    return word in _PLACELIKE or any(
        word[:i] in _PLACE_HEADS and word[i:] in _PLACE_TAILS for i in range(2, len(word) - 1)
    )


_WORD_PREFIXES = frozenset(
    word_list("non pre post anti multi inter under over self co re semi sub trans")
)


def _named(group: str, areas: frozenset[str], *, weak: bool = False, heading: bool = False) -> bool:
    """Whether the words before 'Road'/'School' name a particular place: a word that is
    neither generic nor one of the partnership's area names (`areas`, lower case). Before a
    weak type ('Unit', 'Practice', 'Centre'), and on a heading line before any type, the last
    word that is not a service's ("Cedars Adolescent Unit") must be a proper noun (from the
    name lists or from no list) or a word that names premises ("Meadows Unit"): not "Trauma
    Informed Practice", "Violence Reduction Unit", "## Head Injury in Non-Mobile Infants"."""
    words = [_POSSESSIVE.sub("", w.strip(".,'’")) for w in group.split()]
    if words and words[0] in _IMPERATIVES:
        words = words[1:]
    if words and words[0].lower() in _ROLES:
        return False  # "lived at Grandmother's", "Father, the school caretaker,"
    if any(w in _TITLE_CASE_SMALL_WORDS for w in words[1:]):
        return False  # a heading in title case: "Bruising In Non-Mobile Infants"
    if words and words[0] in _OPENING_PHRASE:  # round 6: "In March, a house was found"
        words = words[1:]
        if all(classify(normalise(w), lists()) == SOFT_WORD for w in words):
            return False
    if not words or words[-1].lower() in {"and", "&", "of", "the"}:
        return False  # "Davies and Ward (2012)"
    naming = [
        w
        for w in words
        if w.lower() not in _GENERIC and w not in {"St", "St."} and w.lower() not in areas
    ]
    if not (weak or heading):
        return bool(naming)
    content = list(words)
    while content and (content[-1].lower() in _GENERIC or content[-1].lower() in _SERVICE_WORDS):
        content.pop()
    if not content or content[-1] not in naming:
        return False
    last = content[-1].lower()
    if _placelike(last):
        return True
    if "-" in last and last.split("-")[0] in _WORD_PREFIXES:
        return False  # "Non-Mobile Infants"
    kind = classify(normalise(last), lists())
    return kind in (NAME, NAME_WORD, UNKNOWN) or (kind == AMBIGUOUS and not heading)


def _without_areas(group: str, area_names: tuple[str, ...]) -> str:
    """`group` without the partnership's area names in it ("Brampton Water" in "Brampton
    Water General")."""
    pattern = area_pattern(area_names)
    return pattern.sub(" ", group) if pattern is not None else group


def _proper(group: str, areas: frozenset[str]) -> bool:
    """Whether a word of `group` is a proper noun or names premises ("Kidz Kingdom"), and not
    one of the partnership's area names (`areas`)."""
    data = lists()
    return any(
        w.lower() not in _GENERIC
        and w.lower() not in areas
        and (_placelike(w.lower()) or classify(normalise(w), data) in (NAME, NAME_WORD, UNKNOWN))
        for w in group.split()
    )


def _skip_generic(text: str, offset: int) -> int:
    """Past leading generic words ('The Oakfield School' -> 'Oakfield School')."""
    for word in text[offset:].split():
        if word.lower() in _GENERIC and word not in {"St", "St."}:
            offset = text.index(word, offset) + len(word) + 1
        else:
            break
    return offset


def _skip_opening_word(text: str, start: int, name_end: int) -> int:
    """Past an ordinary word that opens the sentence before a street's name ('Text Quxlington
    Way' -> 'Quxlington Way'), so that the finding, and a waiver of it, is the street's name."""
    word = re.match(r"[^\W\d_]+", text[start:name_end])
    rest = start + word.end() if word else name_end
    if word is None or rest >= name_end or not sentence_initial(text, start):
        return start
    if classify(normalise(word.group()), lists()) != WORD:
        return start  # 'Church Lane' keeps 'Church'; so does a name: 'Oliver Street'
    return rest + len(text[rest:name_end]) - len(text[rest:name_end].lstrip())


_ADDRESS_MESSAGE = "a street or address; say 'the family home' or 'in Northmere'"
_INSTITUTION_MESSAGE = (
    "a named school, nursery, practice, ward or home; say 'the primary school', 'the GP "
    "practice', 'the children's ward'"
)
# pattern, rule, message, the group reported, whether group 1 must name a particular place
# What each pattern needs (see blocks.py).
_DIGIT = re.compile(r"\d")
_STREET_WORD = re.compile(
    trie_regex(
        word_list(
            "Road Rd Street Avenue Ave Lane Close Drive Crescent Way Grove Terrace Place Gardens "
            "Court Walk Rise Mews Square Row Parade Boulevard Croft Fold Wynd Chase Park "
            "Approach Estate"
        )
    )
)
# The last word of every institution type.
_TYPE_WORD = re.compile(
    trie_regex(
        word_list(
            "School Academy Primary Nursery Pre-school Pre-School Preschool Playgroup College "
            "Form Practice Centre Surgery Clinic Pharmacy Chemist Infirmary Hospital Hospice "
            "Unit PRU Ward Home Hub Club Infants Juniors Group High Church Chapel Mosque "
            "Gurdwara Temple Synagogue Madrassa Madrasah Care Center House Lodge Grange Manor "
            "Cottage Wash Bar Nails Beauty Salon Barber Barbershop Takeaway Cafe Café "
            "Restaurant Hotel Motors Garage Gym FC F.C AFC A.F.C Rovers Wanderers Licence "
            "Market Minimarket Supermarket Newsagent Boxing Inn Arms Tavern General Maternity "
            "Grammar E ABC A.B.C Harriers Striders Wheelers RFC R.F.C Bank Foodbank Start "
            "Carers Scouts Guides Brownies Cubs Beavers Cadets United Colts Dolphins Athletic "
            "Pentecostal Tabernacle Refuge Aid Suite Secondary Station Village Camp JFC J.F.C "
            "Rangers Valet Valeting Service Chinese Pizzeria Fish Chippy Tandoori Balti Kebab "
            "Kebabs Ltd Limited Solutions Repairs Cars Taxis Mobiles Produce Staffing "
            "Logistics Construction Builders Building Lettings Scaffolding Roofing "
            "Haulage Removals Junior B&B Breakfast Hall Poultry Foods Association Partnership "
            "Masjid"
        )
    )
)
_APPOSITION_WORD = re.compile(
    r"(?:nursery|school|academy|college|practice|surgery|home|ward|unit)\s*,"
)
_PREMISES_WORD = Words(
    tuple(
        word_list(
            "home unit centre placement accommodation provision hostel refuge house school "
            "academy college nursery pre-school preschool playgroup setting practice surgery "
            "clinic hospital ward hospice church chapel mosque temple gurdwara synagogue madrassa "
            "madrasah club gym hotel b&b cafe café takeaway restaurant shop barber salon garage "
            "pub bar project drop-in venue hall building warehouse barn squat lock-up "
            "service charity firm company business provider"
        )
    )
)
_CALLED_WORD = Words(("called", "named", "known"))
_WARD = re.compile("Ward")
_SAINT_WORD = re.compile(r"S(?:t|aint)\b|Our")
_DEDICATION_WORD = re.compile(
    r"Holy|Sacred|Christ|Corpus|Blessed|All|Our|King|Queen|Prince|Bishop|Archbishop|Cardinal|"
    r"Sir|Lady|Dame|Duke|Earl"
)
_CHAIN_WORD = re.compile(
    r"Travelodge|Premier|Holiday|Ibis|Days|Best|Britannia|Jurys|Novotel|Mercure|Hilton|Marriott|"
    r"Campanile|Hampton"
)
_PLACED_WORD = re.compile(
    r"(?:placed|admitted|transferred|discharged|roll|enrolled|registered|lived|living|stayed|"
    r"staying|resident|started|starting)[ \t]+(?:at|to|from|in)|attend|joined"
)
_LOWER_TYPE_WORD = re.compile(
    r"nursery|pre-?school|school|academy|primary|surgery|practice|playgroup|children['’]s home|"
    r"pub|inn|caf|club|takeaway|barber|salon|gym|lounge|hostel|foyer|church|chapel|mosque|"
    r"hotel|arcade|snooker|kebab|chicken|car[ \t]+wash|tuition|childminder|soft[ \t]+play|"
    r"play[ \t]+centre|farm|gang|crew|custody|walk-in"
)
# A site where families live in caravans or trailers, or a mooring: "the Fernhill Traveller
# site", "Crossways caravan site", "Pitch 14, Crossways caravan site", "mooring 6, Lock Lane".
_SITE_KIND = (
    r"(?:(?:Gypsy(?:[ \t]+and[ \t]+|[ \t]*/[ \t]*))?Travell?ers?['’]?|Gypsy|Roma|[Cc]aravan|"
    r"[Mm]obile[ \t]+[Hh]ome|[Pp]ark[ \t]+[Hh]ome|[Cc]halet|[Hh]oliday)[ \t]+"
    r"(?:[Ss]ite|[Pp]ark|[Ee]ncampment|[Cc]amp)\b"
)
_LIVING_SITE = re.compile(rf"\b({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+{_SITE_KIND}")
_PITCH = re.compile(
    r"\b(?:[Pp]itch|[Pp]lot|[Bb]erth|[Mm]ooring|[Cc]aravan|[Tt]railer|[Cc]halet|[Bb]ay)[ \t]+"
    rf"(?:[Nn]o\.?[ \t]*)?\d{{1,4}}[A-Za-z]?(?:,|[ \t]+(?:at|on|in))[ \t]+(?:the[ \t]+)?"
    rf"{_NAME_WORD}"
    rf"(?:[ \t]+{_NAME_WORD}){{0,2}}(?:[ \t]+{_SITE_KIND})?"
)
# A youth or community project by its name, though the name is an ordinary word: "the Vault
# youth project", "the Den community hub".
_PROJECT = re.compile(
    rf"\b[Tt]he[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+(?:youth|community|"
    r"boxing|football|drop-in|after-school|homework|holiday)[ \t]+(?:project|club|centre|center|"
    r"hub|group|caf[eé]|gym|scheme)\b"
)
# A housing estate or block by its name, its kind in lower case: "the Ravensworth estate",
# "Kestrel Court flats" (its name must hold a proper noun or a place word: see _proper).
_ESTATE = re.compile(
    rf"\b({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+(?:estate|flats|tower[ \t]+block|"
    r"marina|boatyard|campsite)\b"
)
_ESTATE_WORD = Words(("estate", "flats", "tower block", "marina", "boatyard", "campsite"))
# A chain's shop or restaurant by its place: "the Kirkgate McDonald's", "the Fenby Greggs".
_CHAIN_OUTLET = re.compile(
    rf"\b[Tt]he[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]+(?:McDonald['’]s|KFC|Greggs|"
    r"Subway|Tesco(?:[ \t]+(?:Express|Extra|Metro))?|Asda|Aldi|Lidl|Sainsbury['’]s|Morrisons|"
    r"Primark|Costa|Starbucks|Burger[ \t]+King|Domino['’]s|Co-op|Spar|Boots|Wetherspoons?|"
    r"Nando['’]s|Pizza[ \t]+Hut|Premier[ \t]+Inn|Travelodge)(?![\w'’])"
)
# A room in a named building: "the Jubilee Hall, Room 2".
_ROOM = re.compile(
    rf"\b({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}),?[ \t]+(?:Room|Suite|Studio)[ \t]+\d{{1,3}}\b"
)
# A prison by its name: "HMP Larkfield", "HMYOI Brackley Vale".
_PRISON = re.compile(
    r"\b(?:HMP|HMYOI|HMP[ \t]*&[ \t]*YOI|HM[ \t]+Prison)(?:[ \t]+|_)"  # also "HMP_Oakdale.jpg"
    r"([A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+)?)"
)
# A numbered house on a way that is not a road: "14 Cinder Path", "3 Mill Yard".
_NUMBERED_WAY = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?,?[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+(?:Path|Hill|"
    r"View|Green|Bank|Hollow|Meadows?|Gate|Yard|Approach|Circus|Mount|Vale|Heath|Ridge|End|Brow|"
    r"Nook|Dale|Lea|Quay|Paddock|Copse|Garth|Passage|Alley|Cottages|Villas|Wharf|Pastures|"
    r"Ings|Leys|Hey)\b"
)
_CHAIN_SHOP_WORD = re.compile(
    r"McDonald|KFC|Greggs|Subway|Tesco|Asda|Aldi|Lidl|Sainsbury|Morrisons|Primark|Costa|"
    r"Starbucks|Burger|Domino|Co-op|Spar|Boots|Wetherspoon|Nando|Pizza|Premier|Travelodge"
)
_ROOM_WORD = re.compile(r"Room|Suite|Studio")
_PITCH_WORD = Words(("pitch", "plot", "berth", "mooring", "caravan", "trailer", "chalet", "bay"))
_WAY_WORD = re.compile(
    r"Path|Hill|View|Green|Bank|Hollow|Meadow|Gate|Yard|Approach|Circus|Mount|Vale|Heath|"
    r"Ridge|End|Brow|Nook|Dale|Lea|Quay|Paddock|Copse|Garth|Passage|Alley|Cottages|Villas|"
    r"Wharf|Pastures|Ings|Leys|Hey"
)
_PRISON_WORD = re.compile(r"HM")
# Round 6: a place of worship or learning named by the word that opens its name: "the
# Madrasah Noor-ul-Huda", "Masjid Al-Falah", "Jamia Masjid Ghousia".
_WORSHIP_FIRST = re.compile(
    r"\b(?:Madrasah|Madrassa|Madrasa|Masjid|Jamia|Darul|Dar[ \t]+al|Mandir|Gurdwara|Shul)"
    r"[ \t]+((?:(?:a[lnrsdt]|ash|el|ul)-)?(?:[A-Z][\w'’]*(?:-[a-z]{1,3}-?)?(?:-?[A-Z][\w'’]*)?)"
    r"(?:[ \t]+[A-Z][\w'’-]+){0,2})"  # round 8: "Masjid an-Nur"
)
_WORSHIP_WORD = re.compile(r"Madras|Masjid|Jamia|Dar|Mandir|Gurdwara|Shul")
# ... a setting named in brackets after its kind: "Nursery (Little Acorns, Oxley Brow)".
_BRACKETED_SETTING = re.compile(
    r"\b(?:[Nn]ursery|[Ss]chool|[Cc]hildminder|[Pp]re-?school|[Pp]laygroup|[Cc]lub|[Cc]hurch|"
    r"[Mm]osque|[Hh]ostel|[Gg]ym|[Pp]ractice|[Ss]urgery|[Cc]ollege|[Aa]cademy|[Hh]ome|[Pp]ub)"
    rf"[ \t]*\([ \t]*((?:The[ \t]+)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})(?=[ \t]*[,;)])"
)
_BRACKET_WORD = re.compile(r"\(")
# ... a pub by its name, an ordinary word, where a pub is spoken of: "the landlady at the
# Fleece", "drinking in the Anchor pub".
_PUB = re.compile(
    r"\b(?:pub|bar|inn|landlord|landlady|barmaid|barman|bar[ \t]+staff|bouncers?|"
    r"publican)\b[^.\n]{0,30}?\b(?:at|in|outside|from|of|near|behind)[ \t]+the[ \t]+"
    r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![ \t]+[A-Z])"
    r"|\b[Tt]he[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+(?:pub|inn|bar)\b"
)
_PUB_WORD = Words(("pub", "bar", "inn", "landl", "bouncer", "publican"))
# Round 10: England's commonest pub names, where someone is or drinks: "above the Red Lion",
# "drank at The Wheatsheaf", "a party at the Plough and Harrow".
_PUB_NAMES = (
    "Red Lion|White Hart|Wheatsheaf|Royal Oak|Nag['’]s Head|King['’]s Head|Queen['’]s Head|"
    "White Horse|Black Bull|Rose and Crown|Cross Keys|Three Horseshoes|Plough(?: and Harrow)?|"
    "(?:Fox|Hare) and Hounds|Dog and Duck|Green Man|Hollybush|Lamb and Flag|Bird in Hand|"
    "Golden Lion|Black Horse|Feathers|Greyhound|Fleece|George and Dragon|Coach and Horses"
)
_PUB_CLASSIC = re.compile(
    r"\b(?:at|above|behind|outside|near|in|from|opposite|by|to)[ \t]+[Tt]he[ \t]+("
    + _PUB_NAMES.replace(" ", r"[ \t]+")
    + r")\b"
)
_PUB_CLASSIC_WORD = Lower(
    re.compile(
        trie_regex(
            (
                *("lion", "hart", "wheatsheaf", "oak", "head", "horse", "bull", "crown"),
                *("keys", "horseshoes", "plough", "hounds", "duck", "green man", "hollybush"),
                *("flag", "hand", "feathers", "greyhound", "fleece", "dragon", "coach"),
            )
        )
    )
)
# Round 8: ... or by its two words, where someone is found or waits: "behind The Dog and Gun",
# "past the Coach and Horses" (each word must name, as in "Busy Bumblebees").
_PUB_PAIR = re.compile(
    r"\b((?:The[ \t]+)?([A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+))(?![ \t]+[A-Z&]|[\w'’-])"
)
_PUB_CUE_BEFORE = re.compile(
    r"\b(?:behind|outside|opposite|near|past|beside|from|at)[ \t]+(?:the[ \t]+)?$"
)
_PUB_PAIR_WORD = Words((" and ", " & "))
# Round 8: a nursery, school or club named just after it is spoken of: "Her nursery, Little
# Acorns on Beacon Road,", "The nursery, Bumblebees at Wyke St Anne, received".
_KIND_THEN_NAME = re.compile(
    r"\b(?:[Hh]er|[Hh]is|[Tt]heir|[Tt]he|[Aa]n?)[ \t]+(?:[a-z'’-]+[ \t]+){0,2}?"
    r"(?:nursery|pre-school|"
    r"preschool|playgroup|school|club|gym|surgery|practice|church|mosque|college|academy|"
    r"refuge|hostel|childminder|youth[ \t]+club|holiday[ \t]+club|"
    # round 9: "above a bookmaker's, Lucky Jack's,", "a car wash on the ring road, X,"
    r"bookmaker['’]s|bookies|takeaway|caf[eé]|barber['’]s|salon|car[ \t]+wash|shop|pub|"
    r"caravan[ \t]+park|hotel|B&B|guest[ \t]+house|"
    # round 10: "a short-break unit, The Willows", "a private provider, X Ltd", "the housing
    # association, X", "a girls' group in Hepworth Carr, Sisters United"
    r"unit|provider|housing[ \t]+association|group|agency|employer|firm|company)"
    r"(?:[ \t]+(?:on|in|near|off|by|at)[ \t]+(?:the[ \t]+[a-z]+(?:[ \t]+[a-z]+)?|"
    r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?))?,[ \t]+"
    r"((?:The[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})"
    r"(?=[ \t]*[,.;:]|[ \t]+(?:on|at|in|near|off|had|has|was|were|is|said|did|received|noted|"
    r"recorded|told|called|rang|made|raised|reported|which|where|who)\b)"
)
_KIND_WORD = Lower(
    re.compile(
        trie_regex(
            (
                *("nursery", "school,", "club,", "gym,", "surgery,", "practice,", "church,"),
                *("mosque,", "college,", "academy,", "refuge", "hostel", "childminder"),
                *("playgroup", "bookmaker", "bookies", "takeaway", "caf", "barber", "salon"),
                *("car wash", "shop,", "pub,", "caravan park", "hotel,", "b&b", "guest house"),
                *("unit,", "provider", "housing association", "group,", "agency,"),
                *("employer,", "firm,", "company,", "repair shop"),
            )
        )
    )
)
# ... a pitch or plot after a site's name and a comma: "Saltmarsh Drove, Pitch 9", and (round
# 8) a caravan or a room: "Sandpiper Holiday Park, caravan 58", "the Bayview Guest House,
# room 12".
_PITCH_UNIT = (
    r"(?:[Pp]itch|[Pp]lot|[Bb]erth|[Mm]ooring|[Cc]aravan|[Cc]halet|[Rr]oom|[Ll]odge)[ \t]+"
    r"(?:[Nn]o\.?[ \t]*)?\d{1,4}[A-Za-z]?"
)
_PITCH_AFTER_COMMA = re.compile(rf",[ \t]({_PITCH_UNIT}\b)")
# Round 11: ... or before the site's name: "in Caravan 42 at Sedgebank Holiday Park".
_PITCH_AT = re.compile(rf"\b({_PITCH_UNIT})(?=[ \t]+(?:at|on)[ \t]+(?:the[ \t]+)?[A-Z])")
# Round 11: a takeaway by its food first: "Pizza Point", "Kebab Kingz" (not a chain).
_FOOD_FIRST = re.compile(
    r"\b((?:Kebab|Pizza|Chicken|Burger|Curry|Noodle|Chippy)[ \t]+[A-Z][\w'’]+)(?![ \t]+[A-Z])"
)
_FOOD_WORD = re.compile(r"Kebab|Pizza|Chicken|Burger|Curry|Noodle|Chippy")
_CHAINS = frozenset(
    ("Pizza Hut", "Pizza Express", "PizzaExpress", "Burger King", "Chicken Cottage")
)
_PITCH_CAPITAL = re.compile(
    cased(("pitch", "plot", "berth", "mooring", "caravan", "chalet", "room", "lodge"))
    + r"[ \t]+(?:[Nn]o\.?[ \t]*)?\d"
)
# ... a house number and a name with no street type, where an address is given: "lived at
# 118a Kingsway.", "the address was 3 The Paddocks, Fenby".
_NUMBER_AND_NAME = re.compile(
    r"\b(?:at|to|from|address(?:[ \t]+(?:was|is))?:?)[ \t]+"
    r"(\d{1,4}[A-Za-z]?,?[ \t]+(The[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?|[A-Z][a-z]{3,}))"
    r"(?=[ \t]*[,.;)]|[ \t]+(?:in|on|with|until|since|and|where|when|for)\b)"
)
_SITE_WORD = Words(("site", "park", "encampment", "camp"))
_PROJECT_WORD = Words(("youth", "community", "club", "drop-in", "after-school", "homework"))

# A venue, business, project, place of worship, care setting or lodging by its head noun: a
# title-case run ending in a word for one ("the Starlight Shisha Lounge", "Tadpoles
# Childminding", "Grace Fellowship Church", "Larkspur Foyer", "Tinker's Wharf"); its name must
# hold a word that is not generic, a service's or an activity's (not "the Youth Club", "the
# Young Carers Project", "Breakfast Club").
_VENUE_HEADS = (
    "Lounge Club Palace Project Church Chapel Mosque Temple Gurdwara Centre Center Foyer Wharf "
    "Marina Childminding Childminders Nursery Cafe Café Caff Takeaway Kebab Kebabs Barbers "
    "Barber Gym Hotel Inn Hostel Lodge Refuge Arcade Diner Grill Bakery Pizzeria Chippy "
    "Fellowship Tabernacle Ministries Kitchen Bar Pub Bowl Shisha Lodgings Shelter Snooker "
    "Casino Motel Lido Leisure Stores Mart Minimarket Boatyard Quay Moorings Creche Crèche "
    "Playgroup Academy Tuition Tutoring Lettings Boxing Dojo Studio Studios Salon Laundrette "
    "Bistro Brasserie Fisheries Carvery Tearoom Tearooms Stables Rink Cinema Skatepark Bingo "
    # round 6: a congregation, a farm, a play centre
    "Assembly Farm Fellowship Ministry Kingdom Playbarn Playzone "
    # round 7: amusements, short breaks, counselling, vape and other shops, youth zones
    "Amusements Arcades Breaks Respite Counselling Psychotherapy Zone Hut Vapes Vaping Shop "
    "Store Emporium Boutique Parlour Tattoos Skatepark Taxis Cabs Minicabs Pizza Chicken "
    "Hairdressers Lashes Tanning Fitness Kickboxing Karate Taekwondo Bowling Trampolines "
    "Funfair Bookmakers Bookies Kennels Cattery Valeting Foodbank Pantry Larder Provision "
    "Tutors Retreat Sanctuary Autos Tyres Butchers Grocers Launderette Deli Pawnbrokers"
)
_VENUE = re.compile(
    rf"\b({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}?)[ \t]+(?:Car[ \t]+Wash|"
    r"(?:Skate|Trampoline|Holiday)[ \t]+Park|"
    + trie_regex(word_list(_VENUE_HEADS))
    + r")(?![\w'’-])"
)
_VENUE_WORD = re.compile(trie_regex(word_list(_VENUE_HEADS + " Wash Park")))
# Words that say what a venue is for or whom it serves, not which one it is.
_ACTIVITY_WORDS = _SERVICE_WORDS | frozenset(
    word_list(
        "youth young carers carer community family families parent parents children children's "
        "kids kid breakfast homework after-school holiday book film chess drama art arts music "
        "dance lunch lunchtime reading gardening cooking coding games gaming computer nurture "
        "sensory study revision debate sport sports swimming running cycling walking girls boys "
        "teen teens junior juniors senior toddler toddlers baby babies mums dads fathers mothers "
        "adult adults student students staff night evening weekend summer peer mentoring "
        "wellbeing health mental sexual substance safe safety space football boxing snooker "
        "tuition shisha leisure local national regional city county town village faith church "
        "baptist methodist catholic pentecostal evangelical anglican united reformed free "
        # round 7: what a counselling or short-breaks service is for
        "bereavement grief trauma relationship relationships couples addiction drug drugs alcohol "
        "respite short alternative resourced specialist additional educational "
        "fellowship christian islamic muslim jewish sikh hindu central main new old north south "
        "east west social working men's women's golf rugby cricket tennis netball rowing sailing "
        "yacht fishing angling bowls bowling scout scouts guide guides cadet cadets army air sea "
        "police fire lads girls' boys' private public open safer sure start healthy early years "
        "homeless night day care foster residential secure emergency crisis refugee asylum job "
        "jobcentre food bank baby clothes toy uniform premier league champions neighbours "
        "salvation army"
    )
)


# ... but not a national body said to be one: "the Lighthouse Project, a national charity".
_NATIONAL_BODY_AFTER = re.compile(r",?[ \t]+(?:\(|,|[–—-])?[ \t]*(?:a|an|the)[ \t]+national\b")


def _names_a_venue(group: str, areas: frozenset[str]) -> bool:
    """Whether a word of `group` names one venue: not an activity's, a service's, a generic
    word or one of the partnership's areas, nor a people, a month or an agency's word."""
    data = lists()
    for w in group.split():
        key = _POSSESSIVE.sub("", w).lower()
        if key in _GENERIC or key in areas or key in _ACTIVITY_WORDS or key in _ROLES:
            continue
        if classify(normalise(key), data) not in (STOPPED, SOFT_WORD, PLACE_WORD):
            return True
    return False


def _names_a_site(group: str, areas: frozenset[str]) -> bool:
    """Whether `group` holds a word that names one site or project: not a generic word, a
    people ("Irish Traveller site"), an agency's word or one of the partnership's areas."""
    data = lists()
    return any(
        w.lower() not in _GENERIC
        and w.lower() not in areas
        and classify(normalise(w), data) not in (STOPPED, SOFT_WORD, PLACE_WORD)
        for w in (_POSSESSIVE.sub("", w) for w in group.split())
    )


def _all_naming(group: str, areas: frozenset[str]) -> bool:
    """Whether `group` is two or more words, each of which could name one place: none generic,
    an agency's, a people's or one of the areas ("Busy Bumblebees", not "Further Education")."""
    words = [_POSSESSIVE.sub("", w) for w in group.split()]
    return len(words) > 1 and all(_names_a_site(w, areas) for w in words)


_Pattern = tuple[re.Pattern[str], Anchor, str, str, int, bool]
# pattern, its anchor, rule, message, the group reported, whether group 1 must name a place
_PATTERNS: tuple[_Pattern, ...] = (
    (_ADDRESS, _STREET_WORD, "anon.address", _ADDRESS_MESSAGE, 0, True),
    (_FLAT, _DIGIT, "anon.address", "a street or address; say 'the family home'", 0, False),
    (_BEFORE_POSTCODE, _DIGIT, "anon.address", "a street or address; say 'the family home'", 0,
     False),
    (_BUILDING, _DIGIT, "anon.address", _ADDRESS_MESSAGE, 0, True),
    (_INSTITUTION, _TYPE_WORD, "anon.institution", _INSTITUTION_MESSAGE, 0, True),
    (_APPOSITION, _APPOSITION_WORD, "anon.institution",
     "a named school, nursery, practice, ward or home; say 'the nursery', 'the GP practice'",
     1, True),
    (_HOME, _PREMISES_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, True),
    (_CALLED, _CALLED_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, True),
    (_WARD_NUMBER, _WARD, "anon.institution", "a named hospital ward; say 'the children's ward'",
     0, False),
    (_SAINT, _SAINT_WORD, "anon.institution", _INSTITUTION_MESSAGE, 0, False),
    (_DEDICATION, _DEDICATION_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, False),
    (_CHAIN_HOTEL, _CHAIN_WORD, "anon.institution", "a named hotel; say 'a hotel'", 0, False),
    (_AT_PREMISES, _PLACED_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, True),
    (_NEAR_PREMISES, _NEAR_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, True),
    (_LOWER_TYPE, _LOWER_TYPE_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, True),
    (_PITCH, _PITCH_WORD, "anon.address", "a pitch, plot or mooring on a named site; say 'a site'",
     0, False),
    (_LIVING_SITE, _SITE_WORD, "anon.address", "a named Traveller or caravan site; say 'a site'",
     0, True),
    (_PROJECT, _PROJECT_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, True),
    (_CHAIN_OUTLET, _CHAIN_SHOP_WORD, "anon.institution", "a chain's named branch; say 'a fast "
     "food restaurant', 'a supermarket'", 0, True),
    (_ROOM, _ROOM_WORD, "anon.address", "a room in a named building; say 'a community venue'",
     0, True),
    (_PRISON, _PRISON_WORD, "anon.institution", "a named prison; say 'a prison'", 0, True),
    (_NUMBERED_WAY, _WAY_WORD, "anon.address", _ADDRESS_MESSAGE, 0, True),
    (_ESTATE, _ESTATE_WORD, "anon.address", "a named estate or block; say 'a housing estate'",
     0, True),
    (_VENUE, _VENUE_WORD, "anon.institution", "a named venue, business, project or lodging; say "
     "'a shisha lounge', 'a youth project', 'a church', 'a hostel'", 0, True),
    (_WORSHIP_FIRST, _WORSHIP_WORD, "anon.institution", "a named place of worship or faith "
     "school; say 'a mosque', 'a madrasah'", 0, True),
    (_BRACKETED_SETTING, _BRACKET_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, True),
    (_PUB, _PUB_WORD, "anon.institution", "a named pub; say 'a local pub'", 0, True),
    (_PUB_PAIR, _PUB_PAIR_WORD, "anon.institution", "a named pub; say 'a local pub'", 1, True),
    (_PUB_CLASSIC, _PUB_CLASSIC_WORD, "anon.institution", "a named pub; say 'a local pub'", 1,
     False),
    (_FOOD_FIRST, _FOOD_WORD, "anon.institution", "a named takeaway; say 'a takeaway'", 1,
     True),
    (_PITCH_AT, _PITCH_CAPITAL, "anon.address",
     "a pitch, plot or mooring on a named site; say 'a site'", 1, False),
    (_KIND_THEN_NAME, _KIND_WORD, "anon.institution", _INSTITUTION_MESSAGE, 1, True),
    (_NUMBER_AND_NAME, _DIGIT, "anon.address", _ADDRESS_MESSAGE, 1, True),
    (_FLAT_IN, _FLAT_WORD, "anon.address", _ADDRESS_MESSAGE, 1, False),
    (_PITCH_AFTER_COMMA, _PITCH_CAPITAL, "anon.address",
     "a pitch, plot or mooring on a named site; say 'a site'", 1, False),
)  # fmt: skip


def find_places(
    text: str,
    area_names: tuple[str, ...] = (),
    never: list[tuple[int, int]] | None = None,
    blocks: Blocks | None = None,
) -> list[Finding]:
    """Streets, addresses and named institutions; `area_names` (the partnership's own areas)
    do not name a place on their own ("Northmere General Hospital", "St Ann's"). `never`:
    spans that are no place (citations: "Davies and Ward (2012)"); `blocks`: the text's
    paragraphs, if found already."""
    blocks = blocks or Blocks(text)
    areas = frozenset(a.lower() for a in area_names)
    blocked: list[tuple[int, int]] | None = None  # found when first needed
    area_spans: list[tuple[int, int]] | None = None
    found: list[Finding] = []
    for pattern, anchor, rule, message, group, must_name in _PATTERNS:
        for m in blocks.finditer(pattern, anchor):
            start, end = m.span(group)
            if must_name:
                # A hospital named after one of the areas is one of a few; a street, school,
                # club, prison or youth centre named after one is not ("Lockbridge Rugby Club").
                large = _LARGE_PREMISES.search(m.group()) and not _LOCAL_PREMISES.search(m.group())
                if large and not _named(_without_areas(m.group(1), area_names), frozenset()):
                    continue  # "Brampton Water General Hospital", Brampton Water an area
                local = areas if large else frozenset()
                groups = m.groupdict()
                weak = bool(groups.get("weak") or groups.get("park"))
                heading = text[text.rfind("\n", 0, start) + 1 : start + 1].startswith("#")
                if groups.get("business"):
                    weak = heading
                if pattern is _NEAR_PREMISES and _MEETS.search(m.group(1)):
                    continue  # round 8: "audits from the Quality Assurance Subgroup"
                if (
                    pattern in (_LOWER_TYPE, _AT_PREMISES, _ESTATE, _NEAR_PREMISES)
                    and not (
                        _proper(m.group(1), local)
                        or (  # round 11: "a flat on the Tannery estate"
                            pattern is _ESTATE
                            and text[max(0, start - 4) : start] == "the "
                            and _names_a_site(m.group(1), local)
                        )
                        or (
                            pattern in (_LOWER_TYPE, _NEAR_PREMISES)
                            and _all_naming(m.group(1), local)
                        )
                        or (m.group().endswith("gang") and _names_a_site(m.group(1), local))
                    )
                ):
                    continue  # round 6: two naming words will do: "the Golden Dragon takeaway"
                if pattern is _VENUE:
                    if heading or not _names_a_venue(m.group(1), local):
                        continue
                    if _NATIONAL_BODY_AFTER.match(text, m.end()):
                        continue  # "the Lighthouse Project, a national charity"
                    start = _skip_generic(text, start)
                elif pattern is _PUB:
                    which = m.lastindex or 1
                    if _names_a_site(m.group(which), local):
                        found.append(Finding(rule, *m.span(which), message))
                    continue
                elif pattern is _FOOD_FIRST:
                    if m.group(1) not in _CHAINS and _names_a_site(m.group(1).split()[1], local):
                        found.append(Finding(rule, *m.span(1), message))
                    continue
                elif pattern is _PUB_PAIR:
                    if not _PUB_CUE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                        continue
                    kinds = {classify(normalise(m.group(g)), lists()) for g in (2, 3)}
                    if (
                        not kinds & {STOPPED, SOFT_WORD, PLACE_WORD}
                        and not {
                            m.group(2).lower(),
                            m.group(3).lower(),
                        }
                        & areas
                    ):
                        found.append(Finding(rule, *m.span(1), message))
                    continue
                elif pattern is _KIND_THEN_NAME:
                    if _names_a_site(m.group(1), local):
                        found.append(Finding(rule, *m.span(1), message))
                    continue
                elif pattern is _NUMBER_AND_NAME:
                    name = m.group(2)
                    if (
                        name.startswith("The")
                        and _names_a_site(name[4:], local)
                        and (_proper(name[4:], local) or name.endswith("s"))
                    ):  # "3 The Paddocks", "9 The Willows"; not "3 The End"
                        found.append(Finding(rule, *m.span(1), message))
                    elif not name.startswith("The") and _proper(name, local):
                        found.append(Finding(rule, *m.span(1), message))
                    continue
                elif pattern is _BRACKETED_SETTING:
                    if _proper(m.group(1), local) or _all_naming(m.group(1), local):
                        found.append(Finding(rule, *m.span(1), message))
                    continue
                elif pattern in (
                    _LIVING_SITE,
                    _PROJECT,
                    _CHAIN_OUTLET,
                    _ROOM,
                    _PRISON,
                    _WORSHIP_FIRST,
                ):
                    if not _names_a_site(m.group(1), local):
                        continue
                    found.append(
                        Finding(rule, *m.span(group if pattern is _PROJECT else 0), message)
                    )
                    continue
                if not _named(m.group(1), local, weak=weak, heading=heading):
                    continue
                if " the " in m.group(1) and m.group().rstrip(".").endswith(("ABC", "A.B.C")):
                    continue  # round 6: "Read the Parents ABC guide"
            if m.group().lower().replace("’", "'") in areas:
                continue
            if pattern is _CHAIN_HOTEL and (m.group("where") or "").lower() in areas:
                continue  # round 7: "a Travelodge in Northmere", one of the areas
            if area_spans is None:
                pattern_of_areas = area_pattern(area_names)
                area_spans = (
                    [a.span() for a in pattern_of_areas.finditer(text)]
                    if (pattern_of_areas)
                    else []
                )
            if any(s <= start and end <= e for s, e in area_spans) or (
                area_spans
                and any(s <= _skip_generic(text, start) and end <= e for s, e in area_spans)
            ):
                continue  # "the Coldwater Lane estate", "The Kirkby Fold and ...": own areas
            if rule == "anon.institution" and _A_BODY_AFTER.match(text, end):
                continue  # "the Nottingham School Trust", "the Oakfield Academy Partnership"
            if blocked is None:
                blocked = [m.span() for m in _NOT_PLACES.finditer(text)] + (never or [])
            if pattern not in (_CHAIN_HOTEL, _CHAIN_OUTLET) and any(
                s < end and start < e for s, e in blocked
            ):
                continue  # round 7: not "Premier Inn" in "the Premier Inn on Railway Approach"
            if group == 0 and pattern.groups and m.start() == m.start(1):
                start = _skip_generic(text, start)  # no house number before the name
                if pattern is _ADDRESS:
                    start = _skip_opening_word(text, start, m.end(1))
            found.append(Finding(rule, start, end, message))
    return found
