"""What must hold for an activity to stand in a plan: one set of rules for the
file loader and for edits made in the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from aarshjul.i18n import _
from aarshjul.model import recurrence
from aarshjul.model.plan import Activity, Plan

DateWords = Callable[[dt.date], str]  # writes a date for a message
TITLE_LIMIT = 500  # characters


def suggest(value: str, choices: list[str]) -> str:
    """ " (did you mean 'x'?)" for the closest choice, or ""."""
    import difflib  # (only where a name is misspelt)

    close = difflib.get_close_matches(value, choices, n=1)
    return _(" (did you mean '{key}'?)").format(key=close[0]) if close else ""


def activity_problems(
    plan: Plan, activity: Activity, say: DateWords = dt.date.isoformat
) -> list[tuple[str, str]]:
    """What is wrong with the activity's ring, category, dates and rule.

    Each problem is ``(key, message)``, the key naming the file's key
    (``date`` for a deadline's day, ``start``, ``end``, ``ring``, …). ``say``
    writes a date: as in the file (ISO) for the loader, in words for the editor.
    """
    problems: list[tuple[str, str]] = []
    if len(activity.title) > TITLE_LIMIT:
        problems.append(
            (
                "title",
                _("{length} characters is too long: at most {limit}").format(
                    length=len(activity.title), limit=TITLE_LIMIT
                ),
            )
        )
    if activity.ring and plan.ring(activity.ring) is None:
        problems.append(
            (
                "ring",
                _("no ring has the id '{id}'").format(id=activity.ring)
                + suggest(activity.ring, [r.id for r in plan.rings]),
            )
        )
    if activity.category and plan.category(activity.category) is None:
        problems.append(
            (
                "category",
                _("no category has the id '{id}'").format(id=activity.category)
                + suggest(activity.category, [c.id for c in plan.categories]),
            )
        )
    start, end = activity.start, activity.end
    if start is not None and end is not None and end < start:
        problems.append(
            (
                "end",
                _("the end {end} is before the start {start}").format(
                    end=say(end), start=say(start)
                ),
            )
        )
        return problems
    # a phase may begin before the wheel's twelve months or end after them (a summer
    # holiday across the school year's edge), but not lie wholly outside them; a
    # deadline's day and a series' first day lie inside
    days: tuple[tuple[str, dt.date | None], ...] = (("date", start),)
    if end is not None and start is not None:
        days = (("start", start),) if activity.rrule else ()
        if not activity.rrule and (end < plan.start or start > plan.last_day):
            problems.append(
                (
                    "start" if start > plan.last_day else "end",
                    _(
                        "{first} to {last} lies wholly outside the wheel's twelve months "
                        "({start} to {end})"
                    ).format(
                        first=say(start),
                        last=say(end),
                        start=say(plan.start),
                        end=say(plan.last_day),
                    ),
                )
            )
    for key, day in days:
        if day is not None and not plan.contains(day):
            problems.append(
                (
                    key,
                    _("{day} lies outside the wheel's twelve months ({first} to {last})").format(
                        day=say(day),
                        first=say(plan.start),
                        last=say(plan.last_day),
                    ),
                )
            )
    if activity.rrule:
        problems.extend(_rule_problems(activity, say))
    return problems


def _rule_problems(activity: Activity, say: DateWords) -> list[tuple[str, str]]:
    if activity.start is None:
        return [
            ("rrule", _("a recurring activity needs a 'date' or 'start' for its first occurrence"))
        ]
    try:
        rule = recurrence.parse(activity.rrule, activity.start)
    except recurrence.RecurrenceError as exc:
        return [
            ("rrule", _("invalid RRULE '{rule}': {reason}").format(rule=activity.rrule, reason=exc))
        ]
    first = rule.after(dt.datetime.combine(activity.start, dt.time()), inc=True)
    if first is None or first.date() != activity.start:
        return [
            (
                "rrule",
                _("the first date {day} is not one of the rule's dates").format(
                    day=say(activity.start)
                ),
            )
        ]
    return []
