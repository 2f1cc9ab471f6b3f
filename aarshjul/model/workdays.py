"""Danish working days: not a weekend, not a public holiday (the ``holidays`` package)."""

from __future__ import annotations

import datetime as dt
from functools import cache


@cache
def _holidays(year: int) -> frozenset[dt.date]:
    import holidays  # imported when first needed: most plans have no meetings

    return frozenset(holidays.country_holidays("DK", years=year))


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, and not a Danish public holiday (Store Bededag until 2023)."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def working_days_before(day: dt.date, count: int) -> dt.date:
    """The working day ``count`` working days before ``day`` (``day`` itself not counted)."""
    current = day
    left = count
    while left > 0:
        current -= dt.timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current
