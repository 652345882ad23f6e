"""The dates the rules run on: 'today' in Europe/London, and parsing editors' dates."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def today_in_london(now: dt.datetime | None = None) -> dt.date:
    """The calendar date in England at `now` (default: this moment). A build at 00:30 BST
    on an anniversary is already on that day."""
    moment = now if now is not None else dt.datetime.now(tz=dt.UTC)
    return moment.astimezone(LONDON).date()


def parse_iso_date(text: str) -> dt.date:
    """A strict YYYY-MM-DD date; ValueError otherwise."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(f"expected a date YYYY-MM-DD, got '{text}'")
    return dt.date.fromisoformat(text)
