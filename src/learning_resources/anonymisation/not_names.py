"""Stretches of text that look like people's names and never are (used by names.py):
authors in citations and of titles in italics, vehicle makes and models, the children
national reviews are named after, and the partnership's own area names.

- Citations: "(Brandon, Sidebotham and Belderson, 2020)", "Brandon et al. (2020)",
  "Munro (2011) and Laming (2009)", "(Munro, 2011; Laming, 2009)".
- Vehicles: "a silver Ford Focus", "a Vauxhall Corsa", "her black Golf".
- Area names: the boroughs, towns and villages a partnership serves, from its settings
  (`area_names` in mkdocs.yml) or a document's corpus entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .allowed import trie_regex
from .blocks import Blocks, Words

_PARTICLE = r"(?:(?:van|von|de|der|den|du|le|la|di|da|al|el|ter|ten)[ \t]+)"
# A surname, and in a reference list its initials: "Brandon", "Brandon, M.", "Ward, H. R."
_AUTHOR = (
    rf"{_PARTICLE}*[A-Z][^\W\d_]+(?:['’-][A-Za-z][^\W\d_]*)*"
    r"(?:,[ \t]*[A-Z]\.(?:[ \t]?[A-Z]\.)*)?"
)
_AUTHORS = (
    rf"{_AUTHOR}(?:[ \t]*,[ \t]*{_AUTHOR})*(?:,?[ \t]+(?:and|&)[ \t]+{_AUTHOR})?"
    r"(?:[ \t]+et[ \t]+al\.?)?"
)
_YEAR = r"(?:19|20)\d{2}[a-z]?"
# (Brandon, Sidebotham and Belderson, 2020; Munro, 2011)
_IN_BRACKETS = re.compile(
    rf"\((?:(?:e\.g\.|see|cited[ \t]+in)[ \t]+)?{_AUTHORS},?[ \t]+{_YEAR}"
    rf"(?:[ \t]*[;,][ \t]*(?:{_AUTHORS},?[ \t]+)?{_YEAR})*[^()\n]{{0,30}}\)"
)
# Brandon, Sidebotham and Belderson (2020)
# ... and editors: "Bernard, C. and Harris, P. (eds) (2016)"
_EDITORS = r"(?:[ \t]+\((?i:eds?|editors?)\.?\))?"
_BRACKETED_YEAR = re.compile(rf"\({_YEAR}|(?:[,;][ \t]*|[ \t]+){_YEAR}[^()\n]{{0,30}}\)")
_AUTHORS_END = re.compile(rf"(?:{_AUTHORS}){_EDITORS}[ \t]+\($")

_MAKES = (
    "Alfa Romeo|Aston Martin|Audi|BMW|Chevrolet|Citroen|Citroën|Cupra|Dacia|Fiat|Ford|Honda|"
    "Hyundai|Jaguar|Jeep|Kia|Land Rover|Range Rover|Lexus|Mazda|Mercedes(?:-Benz)?|MG|Mini|"
    "Mitsubishi|Nissan|Peugeot|Porsche|Renault|Seat|SEAT|Skoda|Škoda|Smart|Subaru|Suzuki|Tesla|"
    "Toyota|Vauxhall|Volkswagen|VW|Volvo|Yamaha|Piaggio|Vespa|Lambretta|Harley-Davidson|"
    "Kawasaki|Triumph|Ducati|Saab|Rover|Chrysler|Dodge|Isuzu|Iveco|Daihatsu|Proton|"
    "Ssangyong|SsangYong|BYD|Polestar"
)
_MODELS = (
    "Corsa|Astra|Insignia|Zafira|Mokka|Vectra|Fiesta|Focus|Mondeo|Kuga|Puma|Transit|"
    "Galaxy|Golf|Polo|Passat|Tiguan|Touran|Sharan|Caddy|Clio|Megane|Mégane|Captur|Kangoo|"
    "Micra|Qashqai|Juke|Navara|Yaris|Aygo|Corolla|Auris|Prius|Rav4|RAV4|Hilux|"
    "Civic|Octavia|Fabia|Ibiza|Leon|Punto|Panda|Sportage|Picanto|Ceed|"
    "Tucson|Berlingo|Picasso|Sprinter|Vito|Evoque|Freelander|"
    "Vitara|Mustang|Duster|Sandero|Outlander|Shogun|Clubman|Countryman|"
    "Xsara|Saxo|Agila|Meriva|Vivaro|Movano|Scenic|Laguna|Almera|Primera"
)
_COLOURS = (
    r"(?:a|an|silver|black|white|grey|gray|red|blue|"
    r"green|dark|light|old|new|stolen|hired|borrowed|battered|small|large|people[ \t]+carrier|"
    r"metallic|navy|maroon|yellow|orange|gold|brown|beige)"
)
_MODEL = r"(?:[A-Z][\w-]*|\d[\w-]*)"
_VEHICLES = re.compile(
    rf"\b((?:{_MAKES})(?:[ \t]+{_MODEL}){{1,2}}\b"
    rf"|(?:{_MAKES})(?=[ \t]+(?:car|van|hatchback|estate|saloon|people[ \t]+carrier|"
    r"motorbike|motorcycle|scooter|4x4|SUV|pick-?up)\b))"
    rf"|\b{_COLOURS}[ \t]+((?:{_MAKES})(?:[ \t]+{_MODEL}){{0,2}}\b|(?:{_MODELS})\b)"
)


# The children a national review is named after, whom every partnership may cite: "the
# National Panel's national reviews for Star and Arthur", "the national review into the
# murders of Arthur Labinjo-Hughes and Star Hobson".
_NATIONAL_REVIEW = re.compile(
    r"\b(?i:national[ \t]+reviews?)[ \t]+(?:for|of|into|about|on)[ \t]+"
    r"(?:the[ \t]+(?:deaths?|murders?|cases?)[ \t]+of[ \t]+)?"
    r"((?:[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?:(?:,|[ \t]+and|[ \t]*&)[ \t]+"
    r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)*)"
)


# What a citation and a vehicle need (see blocks.py).
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_MAKE_OR_MODEL = re.compile(
    trie_regex(
        re.sub(r"\(\?:[^)]*\)\?", "", word) for word in (*_MAKES.split("|"), *_MODELS.split("|"))
    )
)


def area_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern of the partnership's area names (`area_names`), or None if there are none."""
    return _areas(tuple(sorted(set(names))))


@cache
def _areas(names: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(n) for n in cleaned) + r")(?:['’]s)?(?!\w)",
        re.IGNORECASE,
    )


def citations(text: str, blocks: Blocks | None = None) -> list[tuple[int, int]]:
    """Citations, found from their years: each "(2020" or ", 2020)" is looked at, and the
    author list before it. `blocks`: the text's paragraphs, if found already."""
    spans: list[tuple[int, int]] = []
    for year in (blocks or Blocks(text)).finditer(_BRACKETED_YEAR, _A_YEAR):
        if any(s <= year.start() < e for s, e in spans):
            continue
        window = max(0, year.start() - 200)
        if year.group().startswith("("):  # Brandon et al. (2020)
            authors = _AUTHORS_END.search(text, window, year.start() + 1)
            if authors:
                spans.append((authors.start(), year.end()))
            continue
        opening = text.rfind("(", window, year.start())  # (Brandon and Belderson, 2020)
        bracketed = _IN_BRACKETS.match(text, opening) if opening >= 0 else None
        if bracketed:
            spans.append(bracketed.span())
    return spans


# The author of a book or report whose title is in italics: "*Noughts and Crosses* by Malorie
# Blackman", "_Hidden Harm_, by Jane Doe".
_AUTHOR_OF_TITLE = re.compile(
    r"(?:\*[^*\n]{2,100}\*|_[^_\n]{2,100}_),?[ \t]+(?:by|from)[ \t]+"
    r"((?:[A-Z]\.[ \t]?)+[A-Z][\w'’-]+|[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2}"
    r"(?:(?:,[ \t]*|[ \t]+and[ \t]+)[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})*)"
)  # a full name or initials and a surname: not a child's first name ("*My Room*, by Ruby")


# Names the text itself says are pseudonyms, and every use of them: "Nadia (our pseudonym for
# the mother)", "Ruby (not her real name)", "Kai and Leo are pseudonyms", "we have called
# her Jess", "These are not their real names" after names in quotes.
_NAMES = r"[A-Z][\w'’-]+(?:(?:,[ \t]*|[ \t]+and[ \t]+)[A-Z][\w'’-]+)*"
_SAID_PSEUDONYM = re.compile(
    rf"(?<![\w'’-])({_NAMES})['’\"”]?[ \t]*\((?:[^()\n]{{0,25}}\b)?(?:pseudonyms?|not[ \t]+"
    r"(?:his|her|their|a|the)[ \t]+real[ \t]+names?|names?[ \t]+(?:has|have)[ \t]+been[ \t]+"
    r"changed|name[ \t]+changed)\b"
    rf"|(?<![\w'’-])({_NAMES})[ \t]+(?:is|are)[ \t]+(?:a[ \t]+|our[ \t]+|the[ \t]+)?"
    r"(?:pseudonyms?|not[ \t]+(?:his|her|their|the)[ \t]+real[ \t]+names?)\b"
    r"|\b(?:we[ \t]+(?:have[ \t]+)?call(?:ed)?|(?:is|are)[ \t]+called|we[ \t]+refer[ \t]+to)"
    rf"[ \t]+(?:him|her|them|the[ \t]+\w+)[ \t]+({_NAMES})[ \t]+(?:in[ \t]+this|here)\b"
)
# A named storm: "Storm Arwen".
_STORM = re.compile(r"\bStorm[ \t]+([A-Z][a-z]+)\b")


def said_pseudonyms(text: str) -> list[tuple[int, int]]:
    """Every use of a name the text says is a pseudonym (see _SAID_PSEUDONYM)."""
    if not (
        "seudonym" in text
        or "real name" in text
        or "changed" in text
        or (" call" in text and ("in this" in text or " here" in text))
    ):
        return []
    names = {
        name
        for m in _SAID_PSEUDONYM.finditer(text)
        for group in m.groups()
        if group
        for name in re.split(r",[ \t]*|[ \t]+and[ \t]+", group)
    }
    if not names:
        return []
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return [m.span() for m in pattern.finditer(text)]


# Round 7: things named after people, and names of bodies, that are no person:
# - eponyms before what they name: "Gillick competence", "the Gillick and Fraser guidance";
_EPONYM = re.compile(
    r"\b([A-Z][a-z]+(?:(?:[ \t]*,|[ \t]+and|[ \t]+or|[ \t]*/)[ \t]*[A-Z][a-z]+)*)[ \t]+"
    r"(?:competen(?:ce|cy|t)|guidance|guidelines|criteria|principles?|ruling|judg(?:e)?ment|"
    r"syndrome|scale|wheel|triangle|checklist|questionnaire|toolkit)\b"
)
# - a publisher or a university: "Jessica Kingsley Publishers", "University of East Anglia";
_BODY = re.compile(
    r"\b([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+(?:Publishers|Publishing|Press)\b"
    r"|\bUniversity[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
)
# - a title in italics cited with its year or introduced as a publication: "the Panel's
#   report *The Myth of Invisible Men* (2021)", "(2021) *The Myth of Invisible Men*".
_ITALICS = r"(\*[^*\n]{2,150}\*|_[^_\n]{2,150}_)"
_CITED_TITLE = re.compile(
    rf"(?:\((?:19|20)\d\d[a-z]?\)[,.]?[ \t]*|\b(?:report|review|book|guide|briefing|study|"
    rf"paper|toolkit|leaflet|film|podcast|novel|article|titled|entitled)[ \t]+){_ITALICS}"
    rf"|{_ITALICS}[ \t]*\((?:[A-Z][a-z]+[ \t]+)?(?:19|20)\d\d"  # "*Title* (August 2024)"
    # round 9: an article's title in quotes after its year: '(2007) "Voice is not enough"'
    r"|\((?:19|20)\d\d[a-z]?\)\.?[ \t]*([\"“‘'][^\"”’\n]{2,150}[\"”’'])"
)
# - the publisher after a title in a reference list: "(2016) *Safeguarding Black Children*.
#   London: Jessica Kingsley." (round 8)
_PUBLISHER = re.compile(
    rf"{_ITALICS}[.,][ \t]*"
    # round 9: the place too, of one or two words ("New Orleans: Quid Pro Books.")
    r"((?:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?:[ \t]*)?"
    r"[A-Z][\w'’&-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’-]*){0,3})[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
# ... on a line that gives a year or editors before the title (a reference list's line)
_YEAR_OR_EDITORS = re.compile(r"\((?:(?:19|20)\d\d|(?i:eds?|editors?)\b)")
# - authors named with their colleagues and editors with no year: "Brandon and colleagues'
#   analysis", "in Barter and Berridge (eds) *Children Behaving Badly?*" (round 8)
_WITH_COLLEAGUES = re.compile(
    rf"({_AUTHORS})(?:[ \t]+(?:and|&)[ \t]+(?:colleagues|co-authors)\b"
    r"|[ \t]+\((?i:eds?|editors?)\.?\))"
)
_COLLEAGUES_WORD = Words(("colleagues", "co-authors", "(ed"))
# - (round 9) two or more authors, then where or when they wrote it: "first described by
#   Dingwall, Eekelaar and Murray in *The Protection of Children*", "... in 1983"; and who
#   made a model or tool: "The Three Houses model, developed in New Zealand by X and Y"; and
#   who wrote a national review: "the Independent Review of Prevent by William Shawcross"
_TWO_OR_MORE = rf"{_AUTHOR}(?:[ \t]*,[ \t]*{_AUTHOR})*,?[ \t]+(?:and|&)[ \t]+{_AUTHOR}"
_AUTHORS_IN = re.compile(
    rf"\b(?:by|of)[ \t]+({_TWO_OR_MORE})[ \t]+in[ \t]+(?:(?:19|20)\d\d\b|[*_])"
    # round 11: ... or whose book it is: "Reder, Duncan and Gray's *Beyond Blame* (1993)"
    rf"|\b({_TWO_OR_MORE})['’]s[ \t]+[*_]"
)
_AUTHORS_IN_WORD = Words((" in 19", " in 20", " in *", " in _", "'s *", "’s *", "'s _"))
# A public figure's full name, with a title if given: "Sir Alan Wood", "Annie Hudson".
_FULL_NAME = r"(?:(?:Sir|Dame|Lord|Baroness|Professor|Dr)[ \t]+)?[A-Z][\w'’-]+[ \t]+[A-Z][\w'’-]+"
_MADE_BY = re.compile(
    r"\b(?:[Mm]odel|[Tt]ool|[Tt]oolkit|[Ff]ramework|[Aa]pproach|Review|Inquiry|Report)\b"
    r"[^.\n]{0,40}?\b(?:developed|created|designed|devised|written|led|chaired)?[ \t]*"
    r"(?:[\w ]{0,20}[ \t])?by[ \t]+"
    rf"({_FULL_NAME}(?:[ \t]+(?:and|&)[ \t]+{_FULL_NAME})?)"
)
_MADE_BY_WORD = Words((" by ",))
_BRACKET = Words(("(",))
# - (round 10) who wrote a model, in brackets after it: "the Social GGRRAAACCEEESSS framework
#   (Burnham)", "the 4x4x4 integrated model of supervision (Morrison and Wonnacott)"; who led
#   a national review: "*Child Protection in England* (2022), chaired by Annie Hudson"
_AUTHOR_IN_BRACKETS = re.compile(
    rf"\b(?:[Mm]odel|[Ff]ramework|[Tt]ool|[Tt]oolkit|[Aa]pproach|[Tt]heory)\b[^.\n()]{{0,60}}?"
    rf"\(({_AUTHORS})\)"
)
_LED_BY = re.compile(
    r"(?:[Nn]ational[ \t]+review|\bPanel\b[^.\n]{0,20}?"
    r"|\*[^*\n]{2,120}\*(?:[ \t]*\((?:19|20)\d\d\))?),?"
    rf"[^.\n]{{0,30}}?\b(?:chaired|led|written|authored)[ \t]+by[ \t]+({_FULL_NAME})"
)
# - England's regions: "East Anglia", "the West Midlands".
_REGION = re.compile(
    r"\b(?:East[ \t]+Anglia|(?:East|West)[ \t]+Midlands|(?:North|South)[ \t]+(?:East|West)|"
    r"West[ \t]+Country)\b"
)


# What each of them needs (see blocks.py).
_EPONYM_WORD = Words(
    (
        *("competen", "guidance", "guideline", "criteria", "principle", "ruling", "judgment"),
        *("judgement", "syndrome", "scale", "wheel", "triangle", "checklist", "questionnaire"),
        "toolkit",
    )
)
_BODY_WORD = Words(("publish", "press", "university of"))
_ITALICS_WORD = Words((" *", "(*", " _", "(_"))
_TITLE_WORD = Words((" *", "(*", " _", "(_", ') "', ") “", ") '", ") ‘"))
_REGION_WORD = Words(
    ("anglia", "midlands", "north east", "north west", "south east", "south west", "country")
)


def publications(blocks: Blocks) -> list[tuple[int, int]]:
    """Titles in italics cited as publications, and the publishers after them: no person and
    no premises ("*Good Practice in Child Protection*. Jessica Kingsley.")."""
    spans = [m.span(m.lastindex or 0) for m in blocks.finditer(_CITED_TITLE, _TITLE_WORD)]
    text = blocks.text
    return spans + [
        m.span(2)
        for m in blocks.finditer(_PUBLISHER, _ITALICS_WORD)
        if _YEAR_OR_EDITORS.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())
    ]


def _named_after_people(blocks: Blocks) -> list[tuple[int, int]]:
    spans = [m.span(1) for m in blocks.finditer(_EPONYM, _EPONYM_WORD)]
    spans += [m.span(m.lastindex or 0) for m in blocks.finditer(_BODY, _BODY_WORD)]
    spans += publications(blocks)
    spans += [m.span(1) for m in blocks.finditer(_WITH_COLLEAGUES, _COLLEAGUES_WORD)]
    spans += [m.span(m.lastindex or 0) for m in blocks.finditer(_AUTHORS_IN, _AUTHORS_IN_WORD)]
    spans += [m.span(1) for m in blocks.finditer(_MADE_BY, _MADE_BY_WORD)]
    spans += [m.span(1) for m in blocks.finditer(_AUTHOR_IN_BRACKETS, _BRACKET)]
    spans += [m.span(1) for m in blocks.finditer(_LED_BY, _MADE_BY_WORD)]
    return spans + [m.span() for m in blocks.finditer(_REGION, _REGION_WORD)]


def never_names(
    text: str,
    area_names: Iterable[str] = (),
    cited: list[tuple[int, int]] | None = None,
    blocks: Blocks | None = None,
) -> list[tuple[int, int]]:
    """Where `text` has a citation (`cited`, if found already), a vehicle or one of
    `area_names`: never a person's name. `blocks`: the text's paragraphs, if found already."""
    blocks = blocks or Blocks(text)
    spans: list[tuple[int, int]] = []
    spans += citations(text, blocks) if cited is None else cited
    spans += [m.span(1 if m.group(1) else 2) for m in blocks.finditer(_VEHICLES, _MAKE_OR_MODEL)]
    spans += said_pseudonyms(text)
    if "Storm " in text:
        spans += [m.span(1) for m in _STORM.finditer(text)]
    if "*" in text or "_" in text:
        spans += [m.span(1) for m in _AUTHOR_OF_TITLE.finditer(text)]
    if "eview" in text:
        spans += [m.span(1) for m in _NATIONAL_REVIEW.finditer(text)]
    spans += _named_after_people(blocks)
    areas = area_pattern(area_names)
    if areas is not None:
        spans += [m.span() for m in areas.finditer(text)]
    return spans
