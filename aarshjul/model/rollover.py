"""Next year's wheel from this year's plan."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateutil.relativedelta import relativedelta

from aarshjul.model import recurrence
from aarshjul.model.plan import Activity, Plan


def same_day(day: dt.date, years: int) -> dt.date:
    """The same month and day ``years`` later; 29 February becomes 28 February."""
    return day + relativedelta(years=years)


def same_weekday_and_week(day: dt.date, years: int) -> dt.date:
    """The same weekday in the same ISO week ``years`` later (week 53 becomes week 52)."""
    year, week, weekday = day.isocalendar()
    try:
        return dt.date.fromisocalendar(year + years, week, weekday)
    except ValueError:
        return dt.date.fromisocalendar(year + years, 52, weekday)


def _clamp(plan: Plan, day: dt.date) -> dt.date:
    return min(max(day, plan.start), plan.last_day)


def _rolled_rule(
    rule: str,
    old_start: dt.date,
    new_start: dt.date,
    years: int,
    window_start: dt.date,
    window_last: dt.date,
) -> tuple[str, dt.date] | None:
    """The rule and first date for the new year of a series that started on
    ``old_start``: the series carries on where it can."""
    parsed = recurrence.parse(rule, old_start)
    if "COUNT=" not in rule.upper() and "UNTIL=" not in rule.upper():
        following = parsed.after(dt.datetime.combine(window_start, dt.time()), inc=True)
        if following is not None and following.date() <= window_last:
            return rule, following.date()
    # a series that ends: the same dates a year on
    try:
        shifted_rule = re.sub(
            r"UNTIL=(\d{4})-?(\d{2})-?(\d{2})",  # (20221231 or 2022-12-31)
            lambda m: (
                "UNTIL="
                + same_day(
                    dt.datetime.strptime("".join(m.group(1, 2, 3)), "%Y%m%d").date(), years
                ).strftime("%Y%m%d")
            ),
            rule,
            flags=re.IGNORECASE,
        )
    except (ValueError, OverflowError):  # an end past the year 9999 cannot move on
        return None
    try:
        first = recurrence.parse(shifted_rule, new_start).after(
            dt.datetime.combine(new_start, dt.time()), inc=True
        )
    except recurrence.RecurrenceError:
        return None
    if first is None or first.date() != new_start:
        return None
    return shifted_rule, new_start


def rollover_years(plan: Plan) -> range:
    """The years a plan's wheel can be rolled over to start in: ten back to fifty
    ahead, within 1901 to 2199. The command line and the dialog both ask this."""
    return range(max(1901, plan.start.year - 10), min(2199, plan.start.year + 50) + 1)


def rollover(plan: Plan, year: int, keep_unscheduled: bool = True) -> Plan:
    """A copy of ``plan`` for the wheel starting in ``year``.

    Phases and deadlines keep their month and day, meetings their weekday in the
    same ISO week, recurrences carry on into the new year; the title's year
    moves along. Activities without a date come along if ``keep_unscheduled``.
    """
    years = year - plan.start.year
    new = replace(
        plan,
        title=_roll_title(plan.title, plan.start.year, years),
        start=same_day(plan.start, years),
        activities=(),
    )
    last = new.last_day
    activities: list[Activity] = []
    for activity in plan.activities:
        if activity.start is None:
            if keep_unscheduled:
                activities.append(replace(activity, exdates=()))
            continue
        move = same_weekday_and_week if activity.meeting else same_day
        if activity.end is None:  # a deadline's day stays inside the wheel
            start, end = _clamp(new, move(activity.start, years)), None
        else:  # a phase keeps its length, also across the wheel's edge
            start = move(activity.start, years)
            length = activity.end - activity.start
            end = max(move(activity.end, years) if not activity.meeting else start + length, start)
            if end < new.start or start > new.last_day or activity.rrule:
                start = _clamp(new, start)  # it must touch the new wheel
                end = max(end, start)
        rolled = replace(activity, start=start, end=end, exdates=(), series="")
        if activity.rrule:
            carried = _rolled_rule(activity.rrule, activity.start, start, years, new.start, last)
            if carried is None:
                rolled = replace(rolled, rrule="")
            else:
                rule, first = carried
                length = (activity.end - activity.start) if activity.end else None
                rolled = replace(
                    rolled,
                    rrule=rule,
                    start=first,
                    end=None if length is None else min(first + length, last),
                )
        activities.append(rolled)
    return replace(new, activities=tuple(activities))


def _roll_title(title: str, first_year: int, years: int) -> str:
    """ "Årshjul 2022" becomes "Årshjul 2023"; "2022/23" becomes "2023/24"."""

    def roll(match: re.Match[str]) -> str:
        if match.group(1):
            a, b = int(match.group(1)), int(match.group(2))
            return f"{a + years}/{(b + years) % 100:02d}"
        year = int(match.group(3))
        return str(year + years) if year in (first_year, first_year + 1) else match.group(3)

    return re.sub(r"\b(\d{4})/(\d{2})\b|\b(\d{4})\b", roll, title)
