"""Changes to a plan, as pure functions: each takes a plan and returns a new one.

The plan passed in is never changed: the new plan shares the activities that
did not change (activities are replaced, not altered), so keeping the old plan
for undo costs a list copy. Invalid changes raise :class:`EditError` with a
message for the user.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from aarshjul.i18n import _
from aarshjul.model.checks import DateWords, activity_problems
from aarshjul.model.plan import Activity, Category, Kind, Plan, Ring

T = TypeVar("T", Ring, Category)

DAY = dt.timedelta(days=1)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class EditError(ValueError):
    """A change that would make the plan invalid; the message says why."""


def _index(plan: Plan, activity_id: str) -> int:
    place = plan.place_of(activity_id)
    if place is None:
        raise EditError(_("no activity has the id '{id}'").format(id=activity_id))
    return place


def _with_activities(plan: Plan, activities: Sequence[Activity]) -> Plan:
    return replace(plan, activities=tuple(activities))


def check_activity(plan: Plan, activity: Activity, say: DateWords = dt.date.isoformat) -> None:
    """Raise EditError if ``activity`` cannot stand in ``plan`` as it is (``say``
    writes the dates in the message)."""
    if not activity.title.strip():
        raise EditError(_("the title must not be empty"))
    if not activity.ring or not activity.category:
        raise EditError(_("every activity needs a ring and a category"))
    if activity.end is not None and activity.start is None:
        raise EditError(_("a phase needs a start"))
    problems = activity_problems(plan, activity, say)
    if problems:
        raise EditError(problems[0][1])


def replace_activity(plan: Plan, activity: Activity) -> Plan:
    """The plan with the activity of the same id replaced by ``activity``."""
    check_activity(plan, activity)
    activities = list(plan.activities)
    activities[_index(plan, activity.id)] = activity
    return _with_activities(plan, activities)


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def slug(text: str) -> str:
    """``text`` as lower-case ASCII words joined by '-': "Møde i udvalget" is
    "moede-i-udvalget", "Café" is "cafe"."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_DANISH_LETTERS))
    return re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode()).strip("-")


def unique_id(plan: Plan, base: str) -> str:
    """An id made from ``base`` that no activity has yet."""
    stem = slug(base)[:40].rstrip("-") or "aktivitet"
    taken = {a.id for a in plan.activities}
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def add_activity(plan: Plan, activity: Activity, index: int | None = None) -> Plan:
    if any(a.id == activity.id for a in plan.activities):
        raise EditError(_("duplicate id '{id}'").format(id=activity.id))
    check_activity(plan, activity)
    activities = list(plan.activities)
    activities.insert(len(activities) if index is None else index, activity)
    return _with_activities(plan, activities)


def remove_activity(plan: Plan, activity_id: str) -> Plan:
    """Without the activity; occurrences moved out of it become activities of their own."""
    index = _index(plan, activity_id)
    activities = [
        replace(a, series="") if a.series == activity_id else a
        for i, a in enumerate(plan.activities)
        if i != index
    ]
    return _with_activities(plan, activities)


def duplicate_activity(plan: Plan, activity_id: str) -> tuple[Plan, str]:
    """A copy of the activity right after it; returns the new plan and the copy's id."""
    index = _index(plan, activity_id)
    original = plan.activities[index]
    copy = replace(
        original,
        id=unique_id(plan, original.id),
        exdates=original.exdates,
        title=_("{title} (copy)").format(title=original.title),
        uid="",  # a calendar's event is the original's
    )
    return add_activity(plan, copy, index + 1), copy.id


def shift_rule(rule: str, days: int) -> str:
    """The rule whose dates all lie ``days`` later; EditError where that cannot be said."""
    if days == 0:
        return rule
    parts = []
    for part in rule.split(";"):
        name, _sep, value = part.partition("=")
        key = name.strip().upper()
        if key == "BYMONTHDAY":
            shifted = []
            for item in value.split(","):
                day = int(item) + days
                if (int(item) > 0 and not 1 <= day <= 28) or (
                    int(item) < 0 and not -28 <= day <= -1
                ):
                    raise EditError(
                        _(
                            "this series cannot be moved as a whole that far; move "
                            "its occurrences one at a time"
                        )
                    )
                shifted.append(str(day))
            value = ",".join(shifted)
        elif key == "BYDAY" and days % 7:
            shifted = []
            for item in value.split(","):
                if item[:-2]:
                    raise EditError(
                        _(
                            "this series cannot be moved as a whole that far; move "
                            "its occurrences one at a time"
                        )
                    )
                shifted.append(_WEEKDAYS[(_WEEKDAYS.index(item.upper()) + days) % 7])
            value = ",".join(shifted)
        elif key in ("BYYEARDAY", "BYWEEKNO", "BYSETPOS"):
            raise EditError(
                _(
                    "this series cannot be moved as a whole that far; move "
                    "its occurrences one at a time"
                )
            )
        elif key == "UNTIL":
            until = dt.datetime.strptime(value[:8], "%Y%m%d").date() + dt.timedelta(days=days)
            value = until.strftime("%Y%m%d") + value[8:]
        parts.append(f"{name}={value}" if _sep else part)
    return ";".join(parts)


def move_activity(plan: Plan, activity_id: str, days: int, ring: str | None = None) -> Plan:
    """The activity (a whole series) ``days`` later, its length kept; optionally in ``ring``."""
    activity = plan.activities[_index(plan, activity_id)]
    if activity.start is None:
        raise EditError(_("an activity without a date cannot be moved; give it a date first"))
    shift = dt.timedelta(days=days)
    moved = replace(
        activity,
        start=activity.start + shift,
        end=None if activity.end is None else activity.end + shift,
        ring=ring or activity.ring,
        rrule=shift_rule(activity.rrule, days) if activity.rrule else "",
        exdates=tuple(d + shift for d in activity.exdates),
    )
    return replace_activity(plan, moved)


def resize_activity(plan: Plan, activity_id: str, edge: str, days: int) -> Plan:
    """Move a phase's ``"start"`` or ``"end"`` edge by ``days`` (not past the other edge)."""
    activity = plan.activities[_index(plan, activity_id)]
    first, last = activity.start, activity.end
    if first is None or last is None:  # (a deadline, or no date yet)
        raise EditError(_("only a phase has edges to drag"))
    shift = dt.timedelta(days=days)
    if edge == "start":
        start = min(first + shift, last)
        changed = replace(
            activity,
            start=start,
            rrule=shift_rule(activity.rrule, (start - first).days) if activity.rrule else "",
            exdates=tuple(d + (start - first) for d in activity.exdates),
        )
    else:
        changed = replace(activity, end=max(last + shift, first))
    return replace_activity(plan, changed)


def detach_occurrence(
    plan: Plan,
    activity_id: str,
    index: int,
    days: int = 0,
    ring: str | None = None,
    edge: str | None = None,
) -> tuple[Plan, str]:
    """Move one occurrence of a series on its own.

    The series leaves the occurrence's date out (``exdates``) and a new activity
    (``series`` names the series) takes the occurrence, moved ``days`` — or its
    ``edge`` moved, for a phase. Returns the new plan and the new activity's id.
    """
    series = plan.activities[_index(plan, activity_id)]
    occurrence = next((o for o in plan.occurrences_of(series) if o.index == index), None)
    if occurrence is None or occurrence.start is None or occurrence.end is None:
        raise EditError(_("the series has no such occurrence"))
    shift = dt.timedelta(days=days)
    start, end = occurrence.start, occurrence.end
    if edge == "start":
        start = min(start + shift, end)
    elif edge == "end":
        end = max(end + shift, start)
    else:
        start, end = start + shift, end + shift
    new_id = unique_id(plan, f"{series.id}-{occurrence.start.isoformat()}")
    single = replace(
        series,
        id=new_id,
        start=start,
        end=None if series.kind is Kind.DEADLINE else end,
        ring=ring or series.ring,
        rrule="",
        exdates=(),
        series=series.id,
        uid="",  # a calendar knows it by the series' UID and its date
    )
    parent = replace(series, exdates=tuple(sorted({*series.exdates, occurrence.start})))
    activities = list(plan.activities)
    position = _index(plan, activity_id)
    activities[position] = parent
    activities.insert(position + 1, single)
    check_activity(plan, single)
    return _with_activities(plan, activities), new_id


def schedule(plan: Plan, activity_id: str, day: dt.date, ring: str | None = None) -> Plan:
    """Give an activity without a date a date: a deadline on ``day``."""
    activity = plan.activities[_index(plan, activity_id)]
    return replace_activity(
        plan, replace(activity, start=day, end=None, ring=ring or activity.ring)
    )


def moved_occurrences(plan: Plan, series_id: str) -> list[Activity]:
    """The occurrences moved out of the series ``series_id`` (activities of their own
    that name it)."""
    return [a for a in plan.activities if a.series == series_id]


def release_moved(plan: Plan, series_id: str, keep: bool) -> Plan:
    """The series' moved occurrences made activities of their own (``keep``), or
    deleted: what becomes of them when the series loses its rule."""
    activities = [
        replace(a, series="") if a.series == series_id else a
        for a in plan.activities
        if keep or a.series != series_id
    ]
    return _with_activities(plan, activities)


def unschedule(plan: Plan, activity_id: str) -> Plan:
    """Take the date away (and with it any recurrence): back to the tray."""
    activity = plan.activities[_index(plan, activity_id)]
    return replace_activity(plan, replace(activity, start=None, end=None, rrule="", exdates=()))


# -- rings and categories ----------------------------------------------------------


def _slug(plan_ids: set[str], name: str, fallback: str) -> str:
    stem = (
        re.sub(
            r"[^a-z0-9]+",
            "-",
            name.casefold().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})),
        ).strip("-")[:30]
        or fallback
    )
    candidate, n = stem, 2
    while candidate in plan_ids:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def add_ring(plan: Plan, name: str) -> tuple[Plan, str]:
    if not name.strip():
        raise EditError(_("a ring needs a name"))
    ring = Ring(_slug({r.id for r in plan.rings}, name, "ring"), name.strip())
    return replace(plan, rings=(*plan.rings, ring)), ring.id


def rename_ring(plan: Plan, ring_id: str, name: str) -> Plan:
    if not name.strip():
        raise EditError(_("a ring needs a name"))
    return replace(
        plan,
        rings=tuple(replace(r, name=name.strip()) if r.id == ring_id else r for r in plan.rings),
    )


def _moved(items: Sequence[T], item_id: str, by: int) -> tuple[T, ...]:
    """``items`` with the one of ``item_id`` moved ``by`` places, kept inside them."""
    moved = list(items)
    index = next(i for i, item in enumerate(moved) if item.id == item_id)
    moved.insert(min(max(index + by, 0), len(moved) - 1), moved.pop(index))
    return tuple(moved)


def move_ring(plan: Plan, ring_id: str, by: int) -> Plan:
    """Move a ring ``by`` places outwards (negative) or inwards (positive)."""
    return replace(plan, rings=_moved(plan.rings, ring_id, by))


def remove_ring(plan: Plan, ring_id: str, move_to: str | None = None) -> Plan:
    """Remove a ring; its activities move to ``move_to`` (needed where it has any)."""
    used = [a for a in plan.activities if a.ring == ring_id]
    if used and (move_to is None or move_to == ring_id or plan.ring(move_to) is None):
        raise EditError(
            _("the ring holds {n} activities: choose a ring to move them to").format(n=len(used))
        )
    if len(plan.rings) == 1:
        raise EditError(_("a plan needs at least one ring"))
    activities = [
        replace(a, ring=move_to) if a.ring == ring_id and move_to else a for a in plan.activities
    ]
    return replace(
        plan, rings=tuple(r for r in plan.rings if r.id != ring_id), activities=tuple(activities)
    )


def add_category(plan: Plan, name: str, color: str) -> tuple[Plan, str]:
    if not name.strip():
        raise EditError(_("a category needs a name"))
    category = Category(
        _slug({c.id for c in plan.categories}, name, "kategori"), name.strip(), color.lower()
    )
    return replace(plan, categories=(*plan.categories, category)), category.id


def update_category(
    plan: Plan, category_id: str, name: str | None = None, color: str | None = None
) -> Plan:
    if name is not None and not name.strip():
        raise EditError(_("a category needs a name"))
    if color is not None and not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        raise EditError(
            _("'{color}' is not a colour: write it as #rrggbb, for example #1f77b4").format(
                color=color
            )
        )
    categories = [
        replace(
            c,
            name=c.name if name is None else name.strip(),
            color=c.color if color is None else color.lower(),
        )
        if c.id == category_id
        else c
        for c in plan.categories
    ]
    return replace(plan, categories=categories)


def move_category(plan: Plan, category_id: str, by: int) -> Plan:
    return replace(
        plan, categories=_moved(plan.categories, category_id, by), activities=list(plan.activities)
    )


def remove_category(plan: Plan, category_id: str, move_to: str | None = None) -> Plan:
    used = [a for a in plan.activities if a.category == category_id]
    if used and (move_to is None or move_to == category_id or plan.category(move_to) is None):
        raise EditError(
            _("the category holds {n} activities: choose a category to move them to").format(
                n=len(used)
            )
        )
    if len(plan.categories) == 1:
        raise EditError(_("a plan needs at least one category"))
    activities = [
        replace(a, category=move_to) if a.category == category_id and move_to else a
        for a in plan.activities
    ]
    return replace(
        plan,
        categories=tuple(c for c in plan.categories if c.id != category_id),
        activities=tuple(activities),
    )
