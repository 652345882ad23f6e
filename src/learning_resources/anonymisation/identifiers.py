"""Structured identifiers: postcodes, phone numbers, e-mail, NHS and NI numbers, vehicle
registrations, social-media handles, case and reference numbers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import phonenumbers

from ..fields import FIELDS
from ..rules import RULES
from ..settings import SETTING_NAMES
from .allowed import national_numbers, trie_regex
from .allowed import word_list as _words
from .blocks import Anchor, Blocks, Lower, Words
from .findings import Finding
from .names import NAME, STOPPED, UNKNOWN, WORD, classify, lists

_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]"
    r"|[A-HK-Y][0-9][ABEHMNPRV-Y]) {0,2}[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_NHS = re.compile(r"(?<![\w/.-])(\d{3})[ .-]{0,2}(\d{3})[ .-]{0,2}(\d{4})(?![\w/]|\.\d)")
_NINO = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[ .-]{0,2}\d{2}[ .-]{0,2}\d{2}[ .-]{0,2}\d{2}[ .-]{0,2}[A-D]"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# Current style (AB12 CDE) in any case; older prefix/suffix styles in capitals only.
_VEHICLE_CURRENT = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2} ?[A-Z]{3}(?![A-Za-z0-9])", re.IGNORECASE
)
_VEHICLE_OLDER = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][0-9]{1,3} ?[A-Z]{3}|[A-Z]{3} ?[0-9]{1,3}[A-Z])(?![A-Za-z0-9])"
)
_SOCIAL_URL = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube|"
    r"linkedin|threads|pinterest|reddit|twitch|onlyfans)\.(?:com|net)/(?!$)[^\s)\]>\"']+"
    # round 9: a Telegram, Discord or WhatsApp link names a channel or a person
    r"|(?:https?://)?(?:t\.me|discord\.gg|chat\.whatsapp\.com|wa\.me)/(?!$)[^\s)\]>\"']+",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_APPS = _words(
    "snapchat snap instagram insta tiktok facebook twitter youtube discord "
    "kik telegram xbox playstation psn steam roblox whatsapp twitch reddit "
    "threads"
)
# X (formerly Twitter) in capitals only, and not as a case letter ("Young Person X: ...").
_NOT_A_CASE = "".join(f"(?<!{label} )" for label in ("Child", "Person", "Sibling", "Baby", "Adult"))
_APP = "(?:" + trie_regex(_APPS) + rf"|{_NOT_A_CASE}(?-i:X))"
_NAMED_ACCOUNT = re.compile(
    rf"\b{_APP}(?:\s+|(?=:))"
    r"(?:user ?name|user|account|handle|name|channel|page|server|"
    r"profile|id|gamertag|tag|(?=:))\s*[,:]?\s*(?:was|is|called|named)?\s*[,:]?\s*@?"
    r"([A-Za-z0-9_.]{2,29}[A-Za-z0-9_])",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:case|crime|incident|log|logged as|ref|reference|file|record|records held under|"
    r"CRN|URN|(?-i:UPN|ULN|MRN)|unique pupil number|hospital (?:no|number)|"
    r"LA ref|NHS ref|NHS no|NHS number|(?-i:ID)|Mosaic(?-i: ID)?|LCS|EHM|(?-i:PNC)|plan|court|"
    r"passport|driving licence|visa|(?-i:BRP|UCI|HO)|biometric residence permit|permit|"
    # round 6: a police log's words: "the occurrence number 21000447831", "CAD 3318", "index
    # 508812" (an index needs four digits: not "Body Mass Index 25")
    r"occurrence|(?-i:CAD|OIS|STORM)|(?:index|entry)(?=\s*(?:no\.?|number)?\s*[:#]?\s*\d{4})|"
    # ... and what a record was logged as: "logged on Mosaic as 2290177"
    r"(?:logged|recorded|entered|filed|saved)(?:\s+[\w'’]+){0,3}?\s+as(?=\s+\d{4}))\.?"
    r"(?:\s+(?:no\.?|number|num\.?|ref\.?|reference))?\s*[:#]?\s*(?:(?:is|was)\s+)?"
    r"((?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{1,}[A-Z0-9])",
    re.IGNORECASE,
)
# ... or in brackets after a log's or an incident's word: "the incident log (0442/2111)",
# "the police log (CAD 4471)".
_BRACKETED_REFERENCE = re.compile(
    r"\b(?:log|incident|crime|case|call|job|occurrence|referral)(?:\s+(?:no\.?|number|ref\.?|"
    r"reference))?\s*\(\s*((?-i:[A-Z]{2,5}[ \t]+)?(?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{1,}[A-Z0-9])"
    r"\s*\)",
    re.IGNORECASE,
)
# Reference shapes that need no keyword: 2022/54677, CS/264/18, NM-44172-19, MARAC-19-0421,
# PAED/3391/23, CL-0034981, SMS-9921-B; a letter and six or more digits (a Home Office
# reference: Z2261830); a system's capitals and six or more digits (ICS 7784213); and family
# court case numbers: NG19C00123. After an
# agency's capitals, numbers in two parts need five digits in all (not "Y10/11", "KS2/3").
_REFERENCE_SHAPE = re.compile(
    r"(?<![\w/.-])(?!(?:ISO|BS|EN|IEC|ICD|DSM|PAS|SI|NHS|COVID|SARS|ISBN|ISSN|KS|Y|GCSE)[-/ ]?\d)"
    r"(?:(?:19|20)\d{2}/\d{4,7}|[A-Z]{1,6}[-/ ]?(?=(?:[-/]?\d){5})\d{1,6}[-/]\d{2,7}[A-Z]?"
    r"|[A-Z]{2}\d{2}[A-Z]\d{5}|[A-Z]{2,6}-\d{5,8}[A-Z]?|[A-Z]{2,6}-\d{3,7}-[A-Z]{1,3}"
    r"|[A-Z]\d{6,10}[A-Z]?"
    # a system's capitals before its number: "ICS 7784213", "CMS 4410297"
    r"|[A-Z]{2,5}[ ]\d{6,10}"
    # round 6: a long run of digits, which no phone (0...), sum (£) or year is; ten digits
    # are an NHS number's shape, left to the NHS number's check
    r"|(?<![£$€])[1-9](?:\d{7,8}|\d{10,11}))"
    r"(?![\w/-]|[.,]\d)"
)
# A long run of digits for a trade or a body, not a person: an order, an invoice, a payment,
# a registered charity or company.
_TRADE_BEFORE = re.compile(
    r"\b(?:order|orders|invoices?|purchase|finance|financial|payments?|product|catalogue|"
    r"charity|company|registered|vat|isbn|issn|donation|grant|batch|refunds?)\b[^.\n]*$",
    re.IGNORECASE,
)
# Letters and digits mixed in one code, written without a keyword: LS14K0922, CPR-2022-01341.
_MIXED_CODE = re.compile(
    r"(?<![\w/.-])(?!(?:ISO|BS|EN|IEC|ICD|DSM|PAS|SI)[ -]?\d)(?=[A-Z0-9/-]*\d)"
    r"(?=[A-Z0-9/-]*[A-Z][A-Z0-9/-]*[A-Z])[A-Z0-9][A-Z0-9/-]{5,}[A-Z0-9](?![\w/-])"
)
# Years, a year range or a code that is only a year ("2021/2022", "2023-24", "WT2023"):
# never a reference.
_YEARS = re.compile(r"(?:[A-Z]{1,6}\d?[ -]?)?(?:19|20)(\d{2})(?:[/-](?:(?:19|20)(\d{2})|(\d{2})))?")
# An account named after the app: "posted on Instagram as kaciemae22", "used TikTok under
# the name nm.drillz".
_APP_ACCOUNT = re.compile(
    rf"\b{_APP}\b[^.\n]{{0,40}}?\b"
    r"(?:(?:as|under[ \t]+the[ \t]+(?:user[ \t]*)?name|(?:user[ \t]*)?name[ \t]+(?:of|is|was)|"
    r"called|named|went[ \t]+by|goes[ \t]+by|was|is)[ \t]+|[ \t]*[:(\-–][ \t]*)"
    r"['\"‘“]?@?([A-Za-z0-9][A-Za-z0-9_.]{1,28}[A-Za-z0-9_])",
    re.IGNORECASE,
)
# An account named by what it is: "his gamertag was ShadowWolf99", "username: bigmike",
# "posted by user saltbyqueen_", "an account called sadgirl.exe", "his profile was n1ghtowl.uk".
_ACCOUNT_CUE = re.compile(
    r"\b(?:gamer[ \t]?tag|user[ \t]?name|screen[ \t]?name|account[ \t]+name|profile[ \t]+name|"
    r"handle|(?:account|page|channel|profile|server|group)[ \t]+(?:called|named)|"
    r"(?:profile|account)(?=[ \t]+(?:was|is)\b|[ \t]*[:,])|user)"
    # round 6: also in bold or in apposition: "an account called **xX_Brook_Xx**", "the
    # admin's account, wildmoor.kingz, was"
    r"[ \t]*(?:was|is|of|:|,)?[ \t]*(?:\*\*|__)?['\"‘“]?@?"
    r"([A-Za-z0-9_][A-Za-z0-9_.]{1,28}[A-Za-z0-9_])",
    re.IGNORECASE,
)
# A user name by its shape alone, outside links and addresses: an underscore ("saltbyqueen_",
# "xx_kaylz_xx"), a digit inside the letters ("n1ghtowl", "drillboy.k3lz"), a dot with a digit
# or a short tail ("gg.lovesyou2", "its.kayla.j", "mimi.xo"), or CamelCase with digits
# ("ShadowWolf99"). Not a file name, a web address, an abbreviation or a decimal.
_HANDLE_SHAPE = re.compile(
    r"(?<![\w@./\\`-])(?=[\w.]*(?:_|\d|\.\w))[A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?=\w)){2,29}"
    r"(?![\w@/\\`-]|\.\w)"
)
_FILE = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|csv|txt|jpe?g|png|gif|svg|webp|zip|odt|ods|odp|rtf|md|html?|"
    r"mp[34]|mov|wav|py|js|json|ya?ml|xml)$",
    re.IGNORECASE,
)
_SITE = re.compile(
    r"\.(?:com|org|net|uk|gov|nhs|io|info|eu|co|ac|sch|police|scot|wales|cymru|london|example|"
    r"test|invalid|edu|int|ie)$",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset(
    _words("fig figs vol no nos pp para paras ch sec art reg ref tel ext approx est max min v vs")
)
_ROMAN = frozenset(_words("i ii iii iv v vi vii viii ix xi xii"))
_LEET = re.compile(r"[a-z][0134578][a-z]")  # a letter written as a digit: "n1ghtowl", "k3lz"
_CAMEL_DIGITS = re.compile(r"[A-Z]?[a-z]+[A-Z][a-z]+\d{2,}")
_EMPHASIS_OPENS = re.compile(r"(?:^|[\s(*])_(?=\S)")


_CODE_WORDS = frozenset(_words("mkdocs yml yaml json html css url uri api config md"))
_PARTS = re.compile(r"[_.]")


@functools.cache
def _project_words() -> frozenset[str]:
    """The project's own identifiers, which its pages name: rule ids ("anon.ni_number"),
    front-matter fields ("named_professionals"), settings ("area_names"), the plugin."""
    fields = {spec.name for specs in FIELDS.values() for spec in specs}
    return frozenset({*RULES, *fields, *SETTING_NAMES, "mkdocs_learning"})


def _code_words(token: str) -> bool:
    """A setting or an identifier in code, made of English words and numbers:
    "safeguarding_policy", "table_3" (not "xx_kaylz_xx", "bigman_ty", "sad_girl_99")."""
    if token in _project_words():
        return True
    data = lists()

    def word(part: str) -> bool:
        return part in _CODE_WORDS or classify(part, data) in (STOPPED, WORD)

    def compound(part: str) -> bool:  # "frontmatter", "filename"
        return any(word(part[:i]) and word(part[i:]) for i in range(3, len(part) - 2))

    return all(
        part.isdigit() or (len(part) >= 3 and (word(part) or compound(part)))
        for part in _PARTS.split(token)
        if part
    )


def _handle_shaped(token: str, text: str, start: int) -> bool:
    """Whether a token found by _HANDLE_SHAPE is a user name (see there)."""
    if _CAMEL_DIGITS.fullmatch(token):
        return True
    if not token.islower() or sum(c.isalpha() for c in token) < 3 or _FILE.search(token):
        return False
    if text[start + len(token) : start + len(token) + 1] in ("=", "("):
        return False  # code: 'window.__pwned=1', 'console.log('
    if _SITE.search(token):
        return _LEET.search(token) is not None  # "n0sc0pe.uk", not "nspcc.org.uk"
    if token.split(".")[0].strip("_") in _ABBREVIATIONS or token in _project_words():
        return False
    if "_" in token:
        inner = token.strip("_")
        if inner != token and "_" not in inner:
            # Markdown emphasis: "_word_", or the end of "_posted by user name_".
            line = text.rfind("\n", 0, start) + 1
            if token[0] == token[-1] == "_" or _EMPHASIS_OPENS.search(text, line, start):
                return False
        return inner != token or "__" in token or not _code_words(token)
    if _LEET.search(token):
        return True
    parts = token.split(".")
    if len(parts) == 1:
        return False
    if any(c.isdigit() for c in token):
        return True
    if len(parts) == 2 and min(map(len, parts)) >= 3:  # round 6: "wildmoor.kingz"
        data = lists()
        return any(classify(part, data) not in (STOPPED, WORD) for part in parts)
    # "mimi.xo", "its.kayla.j", "dj.trey"; not "d.o.b", "e.g" or a footnote's "outcomes.ii"
    short = min(map(len, parts)) <= 2 and parts[-1] not in _ROMAN
    return short and max(map(len, parts)) >= 3


# Discord-style tags: name#1234
_TAG = re.compile(r"(?<![\w@/#])[A-Za-z0-9_.]{2,32}#\d{4}(?!\w)")
_ORDINARY_ACCOUNT_WORDS = {"app", "group", "chat", "messages", "account", "accounts", "and", "or"}


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# "NHS no. 485 777 3456": an NHS number, even one whose check digit is wrong.
_NHS_CUE = re.compile(r"\bNHS[ \t]*(?:no\.?|number|num\.?|#)[ \t]*[:.]?[ \t]*$", re.IGNORECASE)
# A police operation's name: "Operation Teak", "Op Kestrel" (not a national one, allowed).
_OPERATION = re.compile(r"\b(?:Operation|Op\.?|OP)[ \t]+([A-Z][A-Za-z]{2,}|[A-Z]{3,})\b(?![-/]?\d)")
# A national operation, said to be one: "Operation X (national ...)", "the national Operation X".
_NATIONAL_AFTER = re.compile(r"[ \t]*(?:\(|,|[–—-])[ \t]*(?:a[ \t]+|the[ \t]+)?[Nn]ational\b")
_NATIONAL_BEFORE = re.compile(r"\b[Nn]ational[ \t]+(?:police[ \t]+)?$")
# ... or a campaign or its materials, not a case's: "Operation Sentinel briefing pack".
_CAMPAIGN_AFTER = re.compile(
    r"[ \t]+(?:briefing|guidance|toolkit|campaign|training|resources?|materials|leaflets?|"
    r"pack|packs|protocol|programme|approach|model|partnership|website|app|posters?|"
    r"e-learning|course|scheme|week|day|awareness|film|video|session|sessions)\b"
)
_NUMBERED = re.compile(r"number|\bno\b|\bref|#|:|\blog\b", re.IGNORECASE)


def _years(value: str) -> bool:
    """A year, a range of years or a code that is only a year: not a reference."""
    m = _YEARS.fullmatch(value)
    if m is None:
        return False
    first, second = int(m.group(1)), m.group(2) or m.group(3)
    return second is None or 0 <= int(second) - first <= 10


def _mostly_letters(value: str, pattern: re.Pattern[str]) -> bool:
    """A code found by its shape alone needs four digits ("COVID-19", "KS2" are not codes)."""
    return pattern is _MIXED_CODE and sum(c.isdigit() for c in value) < 4


def _looks_like_a_handle(name: str) -> bool:
    """ "kaciemae22", "nm.drillz", "bxbygirl_x": not an ordinary word ("as well", "as a")."""
    if any(c.isdigit() or c == "_" for c in name) or "." in name.strip("."):
        return True
    if name[:1].isupper() and any(c.isupper() for c in name[1:]):
        return True  # "ShadowWolf", "BigMike"
    if name in _ORDINARY_ACCOUNT_WORDS or not name.islower():
        return False
    return classify(name, lists()) in (NAME, UNKNOWN)


# Freephone and national-rate numbers (0800, 0808, 0300, 0330, 0345, 0344, 116) given for a
# helpline or service named just before them are that service's, never a person's.
_SERVICE_PREFIXES = ("0800", "0808", "0300", "0330", "0345", "0344", "116", "44800", "44808")
_HELPLINE_CUE = re.compile(
    r"\b(?:[Hh]elpline|[Hh]otline|[Aa]dvice[ \t]+[Ll]ine|[Ll]ine|[Ff]reephone|[Ss]ervice|"
    r"[Ss]upport|[Cc]ontact[ \t]+[Cc]entre|[Tt]rust|[Cc]harity)\b[^\n]*$"
)


def _phones(text: str, offset: int = 0) -> Iterator[Finding]:
    """Phone numbers in `text`, which starts at `offset` of the text they are reported in."""
    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        raw = match.raw_string
        digits = "".join(c for c in raw if c.isdigit())
        if digits.startswith(_SERVICE_PREFIXES) and _HELPLINE_CUE.search(
            text, max(0, match.start - 80), match.start
        ):
            continue  # "National Stalking Helpline: 0808 802 0300": a service, not a person
        if raw[0] in "0+(" and len(digits) >= 10 and digits not in national_numbers():
            yield Finding(
                "anon.phone",
                offset + match.start,
                offset + match.end,
                "a phone number; remove it (the partnership's own numbers can be "
                "allowed in mkdocs.yml)",
            )


# What each pattern needs (see blocks.py).
_DIGIT = re.compile(r"\d")
_APP_WORD = Lower(re.compile(r"\b(?:" + trie_regex([*_APPS, "x"]) + r")\b"))
_CUE_WORD = Words(
    tuple(_words("gamer user screen account profile handle page channel server group"))
)
_HANDLE_HINT = re.compile(r"[_\d]|\.(?<=[^\W_]\.)(?=[^\W_])")
_OPERATION_WORD = re.compile(r"O[Pp]")
_SLASH, _AT = re.compile("/"), re.compile("@")


def find_identifiers(
    text: str, allowed_emails: frozenset[str] = frozenset(), blocks: Blocks | None = None
) -> list[Finding]:
    """Every structured identifier in `text`; `blocks`: its paragraphs, if found already."""
    blocks = blocks or Blocks(text)
    found: list[Finding] = []

    def add(rule: str, pattern: re.Pattern[str], message: str, anchor: Anchor = _DIGIT) -> None:
        for m in blocks.finditer(pattern, anchor):
            found.append(Finding(rule, m.start(), m.end(), message))

    add("anon.postcode", _POSTCODE, "a postcode; say 'in Northmere' or leave the place out")
    if "@" in text:
        for m in _EMAIL.finditer(text):
            if m.group().lower() not in allowed_emails:
                message = "an e-mail address; remove it"
                found.append(Finding("anon.email", m.start(), m.end(), message))
    for m in blocks.finditer(_NHS, _DIGIT):
        cued = _NHS_CUE.search(text, max(0, m.start() - 20), m.start())
        if cued or nhs_number_is_valid("".join(m.groups())):
            found.append(Finding("anon.nhs_number", m.start(), m.end(), "an NHS number; remove it"))
    add("anon.ni_number", _NINO, "a National Insurance number; remove it")
    add("anon.vehicle", _VEHICLE_CURRENT, "a vehicle registration; remove it")
    add("anon.vehicle", _VEHICLE_OLDER, "a vehicle registration; remove it")
    lowered = text.lower()
    if any(hint in lowered for hint in (".com/", ".net/", "t.me/", ".gg/", "wa.me/")):
        add("anon.social", _SOCIAL_URL, "a social-media profile; name the app only", _SLASH)
    if "@" in text:
        add("anon.social", _HANDLE, "a social-media handle; name the app only", _AT)
    accounts = [
        m
        for m in blocks.finditer(_NAMED_ACCOUNT, _APP_WORD)
        if m.group(1).lower() not in _ORDINARY_ACCOUNT_WORDS
    ]
    accounts += [
        m
        for m in (
            *blocks.finditer(_APP_ACCOUNT, _APP_WORD),
            *blocks.finditer(_ACCOUNT_CUE, _CUE_WORD),
        )
        if _looks_like_a_handle(m.group(1))
    ]
    for m in accounts:
        message = "a social-media account name; name the app only"
        found.append(Finding("anon.social", m.start(1), m.end(1), message))
    for pattern, group in (
        (_BRACKETED_REFERENCE, 1),  # first: "(CAD 4471)" whole
        (_REFERENCE, 1),
        (_REFERENCE_SHAPE, 0),
        (_MIXED_CODE, 0),
    ):
        for m in blocks.finditer(pattern, _DIGIT):
            value = m.group(group)
            numbered = _NUMBERED.search(m.group()[: m.start(group) - m.start()])
            if _years(value) and not (value.isdigit() and numbered):
                continue  # "the 2021/2022 plan", but "log number 1963"
            if (
                value.isdigit()
                and pattern is _REFERENCE_SHAPE
                and _TRADE_BEFORE.search(text, max(0, m.start() - 80), m.start())
            ):
                continue  # round 6: "purchase order 5881952041", "company number 12345678"
            if not _mostly_letters(value, pattern):
                message = "a case or reference number; remove it"
                found.append(Finding("anon.reference", m.start(group), m.end(group), message))
    add("anon.social", _TAG, "a gaming or chat user name; name the app only")
    for m in blocks.finditer(_OPERATION, _OPERATION_WORD):
        if _CAMPAIGN_AFTER.match(text, m.end()):
            continue  # a campaign and its materials: "Operation Sentinel briefing pack"
        if _NATIONAL_AFTER.match(text, m.end()) or _NATIONAL_BEFORE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            continue  # "Operation Orochi (national county lines coordination)"
        message = "a police operation's name identifies the case; say 'a police operation'"
        found.append(Finding("anon.reference", m.start(1), m.end(1), message))
    for m in blocks.finditer(_HANDLE_SHAPE, _HANDLE_HINT):
        if _handle_shaped(m.group(), text, m.start()):
            message = "what looks like a social-media user name; name the app only"
            found.append(Finding("anon.social", m.start(), m.end(), message))
    for start, end in blocks.where(_DIGIT):
        found.extend(_phones(text[start:end], start))
    return found
