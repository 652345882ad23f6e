"""A new brief or sheet, ready to write: what `build.py new` puts in a file.

The file passes `check` as it stands (a draft, with every required field and section), and
each place to write in says so with a "[Write here: ...]" prompt. A prompt left in a finished
document is an error (`content.placeholder`), so none is ever published.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import string
from dataclasses import dataclass

from .kinds import REVIEW_TYPES, Kind
from .loading import Site
from .validation import PROMPT, case_mentions
from .words import suggest_slug

BRIEF_SECTIONS: tuple[tuple[str, str], ...] = (
    ("About this review", "what happened, in general terms, and why the review was held."),
    ("What we learned", "the findings, one '###' heading each."),
    ("What practitioners should do", "a short list of practical actions."),
    ("Questions to reflect on", "three to five questions for supervision or a team meeting."),
    ("Further information", "links to procedures and national guidance."),
)
SHEET_PROMPTS = (
    "what the issue is and why it matters.",
    "how it can show itself in practice.",
    "different ways to approach it.",
    "procedures, national guidance and research.",
    "an activity for a team to discuss together.",
)


@dataclass(frozen=True)
class NewDocument:
    relpath: str
    text: str
    case: str | None = None


def next_free_case(site: Site, year: int) -> str:
    """The first letter no brief published in `year` uses."""
    used = {
        d.fields.case
        for d in site.of_kind(Kind.BRIEF)
        if d.fields.published and d.fields.published.year == year
    }
    letters = string.ascii_uppercase
    pairs = (a + b for a in letters for b in letters)
    return next(c for c in itertools.chain(letters, pairs) if c not in used)


def _yaml_text(value: str) -> str:
    """A YAML double-quoted string: always valid, whatever the title holds (':' or quotes)."""
    return json.dumps(value, ensure_ascii=False)


def new_document(
    site: Site,
    kind: Kind,
    today: dt.date,
    *,
    title: str | None = None,
    case: str | None = None,
    review_type: str | None = None,
    topics: tuple[str, ...] = (),
    published: dt.date | None = None,
) -> NewDocument:
    """The text of a new draft brief or sheet, and where it goes."""
    settings = site.settings
    topic_ids = topics or (next(iter(settings.topics)),)
    summary = f"{PROMPT} one or two sentences for listings and search results.]"
    if kind is Kind.BRIEF:
        day = published or today
        mentioned = case_mentions(title or "", settings.case_labels)
        case = case or (mentioned[0].group(1) if mentioned else next_free_case(site, day.year))
        title = title or f"Learning from Child {case}"
        lines = [
            f"title: {_yaml_text(title)}",
            f"case: {case}",
            f"review_type: {review_type or next(iter(REVIEW_TYPES))}",
            f"published: {day.isoformat()}",
        ]
        sections = BRIEF_SECTIONS
    else:
        title = title or "New bite-size sheet"
        lines = [f"title: {_yaml_text(title)}", f"last_reviewed: {today.isoformat()}"]
        prompts = SHEET_PROMPTS[: len(settings.sheet_sections)]
        sections = tuple(
            itertools.zip_longest(settings.sheet_sections, prompts, fillvalue="this section.")
        )
    lines += [
        f"topics: [{', '.join(topic_ids)}]",
        f"summary: {_yaml_text(summary)}",
        "draft: true",
    ]
    body = "\n".join(f"## {heading}\n\n{PROMPT} {prompt}]\n" for heading, prompt in sections)
    text = "---\n" + "\n".join(lines) + "\n---\n\n" + body
    return NewDocument(f"{kind.folder}/{suggest_slug(title)}.md", text, case)
