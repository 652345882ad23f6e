"""Every front-matter field of every document kind, declared once.

The checks (validation.py), the JSON Schema (schema.py) and the editors' reference
(reference.py) are all generated from these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .kinds import BRIEF_LAYOUTS, BRIEFING_SECTIONS, REVIEW_TYPES, Kind


class FieldType(StrEnum):
    TEXT = "text"  # one line of text
    LONG_TEXT = "long text"  # a sentence or two, length-limited
    DATE = "date"  # YYYY-MM-DD
    BOOL = "true/false"
    CHOICE = "one of a list"
    CHOICES = "a list from a list"
    CASE = "case letter"
    FILE = "file"
    EXTENSION = "extension"  # until: date, reason: text
    TEXT_LIST = "a list of text"
    MESSAGES = "a short list of short lines"  # up to MAX_MESSAGES, each MAX_MESSAGE_LENGTH
    CASE_LIST = "a list of case letters"
    WAIVERS = "waivers"  # a list of {text, reason, rule (optional)}
    ICON = "icon name"  # one of the theme's icons: 'material/emoticon-happy'
    SETTINGS = "settings"  # name: value pairs in braces, passed through to the site engine
    ANY = "any"  # passed through to the site engine unchecked (ordinary pages only)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    required: bool
    description: str
    example: str
    vocabulary: str | None = None  # for CHOICE(S): "review_types" or a settings name
    rule: str = "schema.choice"  # what a value outside the vocabulary breaks


TITLE = FieldSpec(
    "title",
    FieldType.TEXT,
    True,
    "The document's title, short and plain.",
    '"Child D: growing up in neglect"',
)
SUMMARY = FieldSpec(
    "summary",
    FieldType.LONG_TEXT,
    True,
    "One or two sentences for listings and search results.",
    '"What happened, in general terms, and the key learning."',
)
TOPICS = FieldSpec(
    "topics",
    FieldType.CHOICES,
    True,
    "One or more topic ids from the site's topic list (mkdocs.yml).",
    "[neglect, professional-curiosity]",
    vocabulary="topics",
)

# A theme icon's name (Material includes '.icons/<name>.svg' in its templates), never a path.
ICON_NAME = "^[a-z0-9-]+(?:/[a-z0-9-]+)+$"
MAX_MESSAGES = 5
MAX_MESSAGE_LENGTH = 120
KEY_MESSAGES = FieldSpec(
    "key_messages",
    FieldType.MESSAGES,
    False,
    f"Up to {MAX_MESSAGES} short lines shown first, in a 'Key messages' box under the summary: "
    "what a practitioner should take away.",
    '["Ask to see the baby\'s sleeping place", "Record what the child says, in their words"]',
)

PSEUDONYMS = FieldSpec(
    "pseudonyms",
    FieldType.TEXT_LIST,
    False,
    "Invented names the document uses on purpose (agreed with the family), allowed in its text.",
    "[Jack, Amira]",
)
PROFESSIONALS = FieldSpec(
    "named_professionals",
    FieldType.TEXT_LIST,
    False,
    "People who may be named, such as the independent reviewer, allowed in its text.",
    "[Dr Sam Example]",
)
WAIVERS = FieldSpec(
    "waivers",
    FieldType.WAIVERS,
    False,
    "Reviewed false alarms of the anonymisation check: the exact text, the rule (optional) "
    "and why it is safe. A waiver that no longer matches anything is an error.",
    "[{text: Grace Darling Way, rule: anon.address, reason: a national charity's name}]",
)

BRIEF_FIELDS: tuple[FieldSpec, ...] = (
    TITLE,
    FieldSpec(
        "case",
        FieldType.CASE,
        True,
        "The case letter(s) that tell this case apart: one or two capital letters.",
        "D",
    ),
    FieldSpec(
        "case_label",
        FieldType.CHOICE,
        False,
        "The word before the letter when it is not 'Child' (e.g. Baby, Young Person).",
        "Baby",
        vocabulary="case_labels",
    ),
    FieldSpec(
        "review_type",
        FieldType.CHOICE,
        True,
        "The kind of review the learning comes from.",
        "cspr",
        vocabulary="review_types",
    ),
    FieldSpec(
        "published",
        FieldType.DATE,
        True,
        "The day the brief goes online. It is archived when the site's archive_after_years "
        "(normally one) have passed.",
        "2026-04-14",
    ),
    TOPICS,
    SUMMARY,
    KEY_MESSAGES,
    FieldSpec(
        "audiences",
        FieldType.CHOICES,
        False,
        "Which agencies the learning speaks to, from the site's audience list.",
        "[health, education]",
        vocabulary="audiences",
    ),
    FieldSpec(
        "layout",
        FieldType.CHOICE,
        False,
        "'seven-minute' makes the brief a 7-minute briefing: one printed page for a team "
        f"meeting, with the sections {', '.join(BRIEFING_SECTIONS)}.",
        "seven-minute",
        vocabulary="layouts",
    ),
    FieldSpec(
        "report",
        FieldType.FILE,
        False,
        "File name of the anonymised review report (PDF) in the brief's own folder.",
        "report.pdf",
    ),
    FieldSpec(
        "draft",
        FieldType.BOOL,
        False,
        "true keeps the brief off the site entirely while it is being written.",
        "true",
    ),
    FieldSpec(
        "extension",
        FieldType.EXTENSION,
        False,
        "Exceptionally, keeps the brief online past its year: the last day online and the "
        "reason the partnership agreed.",
        "{until: 2027-06-30, reason: Used at the county learning event in June}",
    ),
    FieldSpec(
        "related_cases",
        FieldType.CASE_LIST,
        False,
        "Letters of other cases this brief mentions on purpose (e.g. a sibling's review).",
        "[B]",
    ),
    PSEUDONYMS,
    PROFESSIONALS,
    WAIVERS,
)

SHEET_FIELDS: tuple[FieldSpec, ...] = (
    TITLE,
    TOPICS,
    SUMMARY,
    KEY_MESSAGES,
    FieldSpec(
        "last_reviewed",
        FieldType.DATE,
        True,
        "The day the sheet's guidance was last reviewed.",
        "2025-01-15",
    ),
    FieldSpec(
        "draft",
        FieldType.BOOL,
        False,
        "true keeps the sheet off the site entirely while it is being written.",
        "true",
    ),
    PSEUDONYMS,
    PROFESSIONALS,
    WAIVERS,
)

# Ordinary pages: front matter optional; the keys Material for MkDocs understands pass through.
PAGE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "title",
        FieldType.TEXT,
        False,
        "The page title (otherwise its first heading).",
        '"How to use these documents"',
    ),
    FieldSpec(
        "description",
        FieldType.TEXT,
        False,
        "One sentence for search engines.",
        '"How to use learning briefs and sheets in teams."',
    ),
    PSEUDONYMS,
    PROFESSIONALS,
    WAIVERS,
    FieldSpec(
        "template",
        FieldType.CHOICE,
        False,
        "The page's template: main.html (every page's), or an .html file at the top of the "
        "theme's overrides folder ('custom_dir' in mkdocs.yml).",
        '"main.html"',
        "page_templates",
        rule="page.template",
    ),
    FieldSpec(
        "search",
        FieldType.SETTINGS,
        False,
        "Passed to Material for MkDocs: {exclude: true} keeps the page out of site search.",
        "{exclude: true}",
    ),
    FieldSpec(
        "icon",
        FieldType.ICON,
        False,
        "Passed to Material for MkDocs: the name of one of its icons.",
        "material/emoticon-happy",
    ),
    FieldSpec(
        "hide",
        FieldType.TEXT_LIST,
        False,
        "Passed to Material for MkDocs: the parts of the page to hide.",
        "[navigation, toc]",
    ),
    FieldSpec(
        "status",
        FieldType.TEXT,
        False,
        "Passed to Material for MkDocs: one of the statuses 'extra: status:' in mkdocs.yml names.",
        "new",
    ),
)

FIELDS: dict[Kind, tuple[FieldSpec, ...]] = {
    Kind.BRIEF: BRIEF_FIELDS,
    Kind.SHEET: SHEET_FIELDS,
    Kind.PAGE: PAGE_FIELDS,
}

FIXED_VOCABULARIES: dict[str, dict[str, str]] = {
    "review_types": REVIEW_TYPES,
    "layouts": BRIEF_LAYOUTS,
}
