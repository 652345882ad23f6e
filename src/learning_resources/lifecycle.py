"""When a document is on the site: the one decision every surface of the site asks.

Pages, listings, topic pages, the search index, the sitemap, feeds, attachments and
generated PDFs all take their answer from `lifecycle()`; nothing decides visibility
anywhere else.

The rules, with the dates written down:

- A draft is never published.
- A brief is embargoed until its `published` date and live from that day.
- A brief is archived one year after it was published (configurable: `archive_after_years`):
  published 2025-03-14, it is live through 2026-03-13 and archived from 2026-03-14.
  Published on 29 February, it is archived on 28 February of the next year: never later
  than one year.
- An `extension` (with a reason and an end date) keeps a brief live to the end of that date.
- A bite-size sheet never archives; it is due for review `review_every_years` (3) after
  `last_reviewed`, from that anniversary on.
- "Today" is the calendar date in Europe/London, so a build at 00:30 BST on an anniversary
  already archives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from .documents import Document
from .kinds import Kind
from .settings import Settings


class State(StrEnum):
    DRAFT = "draft"  # never published: no page, no stub, no trace
    EMBARGOED = "embargoed"  # published date still to come: no page, no stub, no trace
    LIVE = "live"  # a full page
    ARCHIVED = "archived"  # a stub at the same address: available on request

    @property
    def published(self) -> bool:
        """Whether the document has any presence on the site (a page or a stub)."""
        return self in (State.LIVE, State.ARCHIVED)


@dataclass(frozen=True)
class Lifecycle:
    state: State
    live_from: dt.date | None = None  # first day online
    archive_on: dt.date | None = None  # first day archived (None: never)
    review_due: dt.date | None = None  # sheets: first day the review is overdue
    review_overdue: bool = False  # sheets: past their review date today


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    result: dt.date = day + relativedelta(years=years)
    return result


def usual_archive_on(published: dt.date, settings: Settings) -> dt.date:
    """The first day a brief published on `published` is archived, without an extension."""
    return add_years(published, settings.archive_after_years)


def lifecycle(
    document: Document, today: dt.date, settings: Settings, *, preview_drafts: bool = False
) -> Lifecycle:
    """The state of `document` on `today`, and the dates that decide it. With
    `preview_drafts` (the editor's local preview only), a draft is treated as finished."""
    if document.fields.draft and not preview_drafts:
        return Lifecycle(State.DRAFT)
    if document.kind is Kind.SHEET:
        reviewed = document.last_reviewed
        due = add_years(reviewed, settings.review_every_years) if reviewed else None
        return Lifecycle(State.LIVE, review_due=due, review_overdue=bool(due and today >= due))
    if document.kind is not Kind.BRIEF or document.published is None:
        return Lifecycle(State.LIVE)
    published = document.published
    archive_on = usual_archive_on(published, settings)
    extension = document.fields.extension
    if extension is not None and extension.until >= archive_on:
        archive_on = extension.until + dt.timedelta(days=1)
    if today < published:
        state = State.EMBARGOED
    elif today < archive_on:
        state = State.LIVE
    else:
        state = State.ARCHIVED
    return Lifecycle(state, live_from=published, archive_on=archive_on)


def last_day_online(life: Lifecycle) -> dt.date | None:
    return life.archive_on - dt.timedelta(days=1) if life.archive_on else None
