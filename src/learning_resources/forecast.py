"""What is about to change on the site: the editors' forecast behind `build.py status`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from functools import partial

from .kinds import Kind
from .lifecycle import State
from .plan import SitePlan


@dataclass(frozen=True)
class Change:
    path: str
    title: str
    event: str  # "live", "goes live", "archives", "review due", "archived"
    date: dt.date

    def as_dict(self) -> dict[str, str]:
        return {
            "path": self.path,
            "title": self.title,
            "event": self.event,
            "date": self.date.isoformat(),
        }


@dataclass(frozen=True)
class Forecast:
    today: dt.date
    within: int
    live: list[Change]  # online today (date: since when)
    going_live: list[Change]
    archiving: list[Change]
    reviews_due: list[Change]  # within the window, or already overdue
    archived: list[Change]
    left_out: list[str]  # files with errors: their dates cannot be trusted

    def as_dict(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "within_days": self.within,
            "left_out_with_errors": self.left_out,
            "live": [c.as_dict() for c in self.live],
            "going_live": [c.as_dict() for c in self.going_live],
            "archiving": [c.as_dict() for c in self.archiving],
            "reviews_due": [c.as_dict() for c in self.reviews_due],
            "archived": [c.as_dict() for c in self.archived],
        }


def forecast(plan: SitePlan, within: int, with_errors: Collection[str] = ()) -> Forecast:
    """What is online today, every change of state in the next `within` days, and what is
    archived. Documents whose files have errors (`with_errors`) are left out and named."""
    horizon = plan.today + dt.timedelta(days=within)
    now, live, archiving, reviews, archived = [], [], [], [], []
    for entry in plan.entries:
        document, life = entry.document, entry.life
        if document.kind is Kind.PAGE or document.path in with_errors:
            continue
        change = partial(Change, document.path, document.title)
        if entry.state is State.LIVE:
            now.append(change("live", life.live_from or document.last_reviewed or plan.today))
        if entry.state is State.EMBARGOED and life.live_from and life.live_from <= horizon:
            live.append(change("goes live", life.live_from))
        elif entry.state is State.LIVE and life.archive_on and life.archive_on <= horizon:
            archiving.append(change("archives", life.archive_on))
        elif entry.state is State.ARCHIVED and life.archive_on:
            archived.append(change("archived", life.archive_on))
        if (
            document.kind is Kind.SHEET
            and entry.state is State.LIVE
            and life.review_due
            and life.review_due <= horizon
        ):
            reviews.append(change("review due", life.review_due))

    def by_date(changes: list[Change]) -> list[Change]:
        return sorted(changes, key=lambda c: (c.date, c.path))

    return Forecast(
        plan.today,
        within,
        by_date(now),
        by_date(live),
        by_date(archiving),
        by_date(reviews),
        by_date(archived),
        sorted(with_errors),
    )


def format_forecast(result: Forecast) -> str:
    def section(heading: str, changes: list[Change]) -> list[str]:
        lines = [f"{heading}:"]
        lines += [f"  {c.date.isoformat()}  {c.path}  {c.title}" for c in changes] or ["  none"]
        return [*lines, ""]

    days = f"the next {result.within} days"
    lines = [f"Site status on {result.today.isoformat()}", ""]
    if result.left_out:
        lines += [
            "Left out because these files have errors (run 'build.py check'):",
            *(f"  {path}" for path in result.left_out),
            "",
        ]
    lines += section("Online now (since)", result.live)
    lines += section(f"Going live in {days}", result.going_live)
    lines += section(f"Archiving in {days}", result.archiving)
    lines += section(f"Bite-size sheets due for review (overdue or in {days})", result.reviews_due)
    lines += section("Archived (available on request)", result.archived)
    return "\n".join(lines).rstrip() + "\n"
