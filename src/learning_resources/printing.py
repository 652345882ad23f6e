"""What a printed document must be: its page budget, its notices, and its discussion sections.

Teams print briefs and sheets for meetings. Everything here is plain data about a document;
the print stylesheet and the PDFs (plugins/mkdocs_learning) apply it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from .documents import Document
from .kinds import BRIEF_LAYOUTS, SEVEN_MINUTE, Kind
from .lifecycle import State
from .markdown_text import code_lines, normalise_heading
from .plan import Planned
from .problems import Problem
from .rules import problem
from .settings import Settings

# "0" turns the PDFs off, for a quick preview (`build.py serve` does, unless it is set).
PDFS_ENV = "LEARNING_SITE_PDFS"
# The most A4 pages each kind of document may print on.
PAGE_BUDGETS: dict[str, int] = {Kind.BRIEF: 4, Kind.SHEET: 2, SEVEN_MINUTE: 1}
# A brief leaving the site within this many days says so, on screen and on paper.
LEAVING_SOON_DAYS = 60

_H2 = re.compile(r"^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_ITEM = re.compile(r"^ {0,3}(?:\d{1,3}[.)]|[-*+])[ \t]+(.*\S)")
_ALLOW = re.compile(r"\ballow (?:about |around )?(\d{1,3}) minutes\b", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def pdfs_enabled() -> bool:
    return os.environ.get(PDFS_ENV, "1").strip().lower() not in {"0", "no", "off", "false"}


def is_briefing(document: Document) -> bool:
    """A 7-minute briefing: a brief with `layout: seven-minute`."""
    return document.kind is Kind.BRIEF and document.fields.layout == SEVEN_MINUTE


def label(document: Document) -> str:
    """What the document is called on paper: 'Bite-size sheet', '7-minute briefing', ..."""
    return BRIEF_LAYOUTS[SEVEN_MINUTE] if is_briefing(document) else document.kind.label


def page_budget(document: Document) -> int:
    return PAGE_BUDGETS[SEVEN_MINUTE if is_briefing(document) else document.kind]


def budget_problem(document: Document, pages: int) -> Problem | None:
    """A warning when the document prints on more A4 pages than its budget allows."""
    budget = page_budget(document)
    if pages <= budget:
        return None
    return problem(
        "print.page_budget",
        document.path,
        1,
        1,
        f"prints on {pages} A4 pages; a {label(document)[0].lower()}{label(document)[1:]} "
        f"should fit on {budget} (shorten it: the PDF shows where the pages break)",
    )


def leaving_on(entry: Planned, today: dt.date) -> dt.date | None:
    """The last day a live brief is online, when that is within LEAVING_SOON_DAYS of today."""
    archive_on = entry.life.archive_on
    if archive_on is None or entry.state is not State.LIVE:
        return None
    if (archive_on - today).days > LEAVING_SOON_DAYS:
        return None
    return archive_on - dt.timedelta(days=1)


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]  # the lines under the heading up to the next one, code left out


def sections(body: str) -> list[Section]:
    """The '## ' sections of a Markdown body, leaving out fenced code."""
    skip = code_lines(body)
    found: list[tuple[str, list[str]]] = []
    for index, line in enumerate(body.split("\n")):
        if index in skip:
            continue
        match = _H2.match(line)
        if match:
            found.append((match.group(1).strip(), []))
        elif found:
            found[-1][1].append(line)
    return [Section(title, tuple(lines)) for title, lines in found]


def is_discussion(title: str, settings: Settings) -> bool:
    """A section a team works through together: a sheet's group activity, or questions."""
    name = normalise_heading(title)
    return name == normalise_heading(settings.sheet_sections[-1]) or "question" in name


def questions(document: Document, settings: Settings) -> list[str]:
    """The listed questions of the document's discussion sections, as plain text."""
    found: list[str] = []
    for section in sections(document.source.body):
        if not is_discussion(section.title, settings):
            continue
        for line in section.lines:
            match = _ITEM.match(line)
            if match:
                found.append(plain_text(match.group(1)))
            elif found and line.startswith("   ") and line.strip():
                found[-1] += " " + plain_text(line.strip())  # a list item's next line
    return found


def activity_minutes(document: Document, settings: Settings) -> int | None:
    """'Allow about 25 minutes.' in a discussion section, as 25."""
    for section in sections(document.source.body):
        if is_discussion(section.title, settings):
            match = _ALLOW.search("\n".join(section.lines))
            if match:
                return int(match.group(1))
    return None


def plain_text(markdown: str) -> str:
    """Inline Markdown as plain text: links keep their words, emphasis marks go."""
    text = _LINK.sub(r"\1", markdown)
    return " ".join(text.replace("**", "").replace("__", "").replace("`", "").split())
