"""Spans of the wheel to zoom to: the whole year, a quarter of it, or a month."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from dateutil.relativedelta import relativedelta

from aarshjul.model.plan import Plan


class Zoom(Enum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"

    def closer(self) -> Zoom:
        return {Zoom.YEAR: Zoom.QUARTER, Zoom.QUARTER: Zoom.MONTH}.get(self, Zoom.MONTH)

    def wider(self) -> Zoom:
        return {Zoom.MONTH: Zoom.QUARTER, Zoom.QUARTER: Zoom.YEAR}.get(self, Zoom.YEAR)


def span(plan: Plan, zoom: Zoom, day: dt.date) -> tuple[dt.date, dt.date]:
    """The span (first day, day after the last) of ``zoom`` that holds ``day``.

    Quarters are the wheel's own: three months from its start, so a school
    year's first quarter is August to October. Months are calendar months,
    cut to the wheel's year.
    """
    day = min(max(day, plan.start), plan.last_day)
    if zoom is Zoom.YEAR:
        return plan.start, plan.end
    if zoom is Zoom.QUARTER:
        for k in range(4):
            first = plan.start + relativedelta(months=3 * k)
            end = plan.start + relativedelta(months=3 * k + 3)
            if first <= day < end:
                return first, end
        raise AssertionError("a day inside the plan lies in one of its quarters")
    first = day.replace(day=1)
    end = first + relativedelta(months=1)
    return max(first, plan.start), min(end, plan.end)


def step(
    plan: Plan, zoom: Zoom, current: tuple[dt.date, dt.date], by: int
) -> tuple[dt.date, dt.date]:
    """The span ``by`` steps after (or before, when negative) ``current``, kept in the year."""
    if zoom is Zoom.YEAR:
        return plan.start, plan.end
    months = 3 if zoom is Zoom.QUARTER else 1
    day = current[0] + relativedelta(months=months * by)
    if day < plan.start:
        day = plan.start
    if day > plan.last_day:
        day = plan.last_day
    return span(plan, zoom, day)


def quarter_number(plan: Plan, first: dt.date) -> int:
    """1 to 4: which of the wheel's quarters begins at ``first``."""
    months = (first.year - plan.start.year) * 12 + first.month - plan.start.month
    return months // 3 + 1
