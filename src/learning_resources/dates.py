"""The dates the rules run on: 'today' in Europe/London, and parsing editors' dates."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# The years a date may have: any other is a typing mistake, and would overflow the date
# arithmetic (a year's archiving, gzip's timestamps) of a build.
FIRST_YEAR, LAST_YEAR = 1970, 2099
YEARS = f"a year from {FIRST_YEAR} to {LAST_YEAR}"


def today_in_london(now: dt.datetime | None = None) -> dt.date:
    """The calendar date in England at `now` (default: this moment). A build at 00:30 BST
    on an anniversary is already on that day."""
    moment = now if now is not None else dt.datetime.now(tz=dt.UTC)
    return moment.astimezone(LONDON).date()


def parse_iso_date(text: str) -> dt.date:
    """A strict YYYY-MM-DD date; ValueError otherwise."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(f"expected a date YYYY-MM-DD, got '{text}'")
    day = dt.date.fromisoformat(text)
    if not plausible(day):
        raise ValueError(f"expected a date with {YEARS}, got '{text}'")
    return day


def plausible(day: dt.date) -> bool:
    """Whether `day` is in a year the site's dates can be in (see FIRST_YEAR)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR
