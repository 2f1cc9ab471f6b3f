"""The plan's dataclasses: rings, categories, activities and their occurrences."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from itertools import compress
from operator import attrgetter, is_not

from dateutil.relativedelta import relativedelta

from aarshjul.model import recurrence, workdays

DAY = dt.timedelta(days=1)


_EXPANDED: dict[int, tuple[Activity, dt.date, list[AnyOccurrence]]] = {}
_EXPANDED_LIMIT = 200_000  # activities remembered; past this the memory starts again
# each meeting occurrence's agenda marker, so that an unchanged meeting keeps its marker
_MARKERS: dict[int, tuple[Occurrence, tuple[int, dt.date], Occurrence | None]] = {}


@cache
def _twelve_months_on(start: dt.date) -> dt.date:
    """``start`` twelve months on (29 February to 28 February), worked out once."""
    return start + relativedelta(months=12)


_ORDER = attrgetter("order")
# the latest plans' activities' places by id (a plan is slotted: kept here, not on it)
_PLACES: list[tuple[Plan, dict[str, int]]] = []
_PLACES_KEPT = 3
# the last plan's dated occurrences, and how many changed activities are patched in
_DATED: list[tuple[Plan, list[Occurrence]]] = []
_PATCHED_AT_MOST = 64
_UNDATED: list[tuple[Plan, list[Undated]]] = []  # the last plan's activities without a date


# the last sequences compared, with where they differ: an edit's plans are compared
# by the model, the views and the checks, each (a millisecond each at 50,000)
_COMPARED: list[tuple[Sequence[object], Sequence[object], list[int]]] = []
_COMPARED_KEPT = 4


def replaced_places(old: Sequence[object], new: Sequence[object]) -> list[int]:
    """Where two sequences of the same length hold different objects (compared by
    identity, without a Python loop: a plan of 50,000 activities is compared in a
    millisecond). Tuples (a plan's activities) are compared once, either way round:
    the answers for the last few pairs are remembered."""
    for one, other, places in _COMPARED:
        if (one is old and other is new) or (one is new and other is old):
            return list(places)
    places = list(compress(range(len(new)), map(is_not, old, new)))
    if isinstance(old, tuple) and isinstance(new, tuple):  # (which cannot change)
        _COMPARED[:] = [(old, new, places), *_COMPARED[: _COMPARED_KEPT - 1]]
    return list(places)


def replaced_in_place(old: Sequence[Activity], new: Sequence[Activity]) -> list[int] | None:
    """Where ``new`` holds other activity objects than ``old`` under the same ids (an
    edit of those activities); None where activities came, went or moved."""
    if len(old) != len(new):
        return None
    places = replaced_places(old, new)
    return places if all(old[k].id == new[k].id for k in places) else None


_AGENDA = "@agenda"  # an agenda date's id: its meeting's id, this, the meeting's index


def agenda_id(meeting_id: str, index: int) -> str:
    """The id of the agenda date of occurrence ``index`` of meeting ``meeting_id``."""
    return f"{meeting_id}{_AGENDA}{index}"


def meeting_of(activity_id: str) -> tuple[str, int] | None:
    """The meeting's id and occurrence index whose agenda date ``activity_id`` is, or
    None for the id of an activity of the plan (an id never holds '@')."""
    meeting, found, index = activity_id.rpartition(_AGENDA)
    return (meeting, int(index)) if found and index.isdigit() else None


def _rank(occ: Occurrence, place: dict[str, int]) -> tuple[int, int, int]:
    """An occurrence's place in plan order: its activity's place and its index, an
    agenda date just after its meeting's occurrence."""
    meeting = meeting_of(occ.activity.id) if occ.derived_from is not None else None
    if meeting is not None:
        return (place[meeting[0]], meeting[1], 1)
    return (place[occ.activity.id], occ.index, 0)


class Kind(Enum):
    """What an activity is on the wheel."""

    PHASE = "phase"  # a date range, end inclusive
    DEADLINE = "deadline"  # a single date: a deadline or milestone
    UNSCHEDULED = "unscheduled"  # no date yet


@dataclass(frozen=True, slots=True)
class Ring:
    """A concentric lane of the wheel."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Category:
    """What an activity is about; it gives the activity its colour."""

    id: str
    name: str
    color: str  # "#rrggbb"


@dataclass(frozen=True, slots=True)
class Activity:
    """Something on the plan.

    A phase has ``start`` and ``end`` (inclusive), a deadline only ``start``,
    an unscheduled activity neither. ``rrule`` is an RFC 5545 rule whose first
    occurrence is ``start``. Immutable: an edit makes a new activity
    (``dataclasses.replace``), so a plan kept for undo cannot change under it.
    """

    id: str
    title: str
    ring: str
    category: str
    start: dt.date | None = None
    end: dt.date | None = None
    description: str = ""
    owner: str = ""
    link: str = ""
    rrule: str = ""
    meeting: bool = False  # a committee meeting: its agenda goes out agenda_days before
    exdates: tuple[dt.date, ...] = ()  # occurrences left out of the series, in order
    series: str = ""  # id of the series this occurrence was moved out of
    uid: str = ""  # a calendar's UID, where the activity came from one (kept on export)

    def __post_init__(self) -> None:
        if type(self.exdates) is not tuple:  # a list given is copied, never shared
            object.__setattr__(self, "exdates", tuple(self.exdates))

    @property
    def kind(self) -> Kind:
        if self.start is None:
            return Kind.UNSCHEDULED
        return Kind.DEADLINE if self.end is None else Kind.PHASE

    @property
    def last_day(self) -> dt.date | None:
        """The last day of the first occurrence (the start for a deadline)."""
        return self.end if self.end is not None else self.start


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One appearance of a dated activity on the wheel (a recurrence expands to
    several). It always has its days: an activity without a date is :class:`Undated`."""

    activity: Activity
    index: int  # 0 for the first occurrence
    start: dt.date
    end: dt.date  # inclusive; equals start for a deadline
    derived_from: str | None = None  # the meeting whose "agenda out" marker this is
    meeting_day: dt.date | None = None  # and the day of that meeting
    agenda_days: int = 0  # and how many working days before it the agenda goes out
    # worked out once, when first asked for (``cached_property`` needs an instance
    # dict, and takes a lock on Python 3.11: twice the cost of working them out)
    _days: int | None = field(default=None, init=False, repr=False, compare=False)
    _order: tuple[dt.date, int, str] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def kind(self) -> Kind:
        return self.activity.kind

    @property
    def days(self) -> int:
        """How many days it covers (1 for a deadline)."""
        known = self._days
        if known is None:
            known = (self.end - self.start).days + 1
            object.__setattr__(self, "_days", known)
        return known

    @property
    def order(self) -> tuple[dt.date, int, str]:
        """Its place in date order: by start, the longer first, then by title (an
        occurrence that an edit did not touch is the same object after it)."""
        known = self._order
        if known is None:
            known = (self.start, -self.days, self.activity.title.casefold())
            object.__setattr__(self, "_order", known)
        return known


@dataclass(frozen=True, slots=True)
class Undated:
    """An activity without a date, where occurrences are listed (the list, the
    handout): it has no days, so ``start`` and ``end`` are None."""

    activity: Activity
    index: int = 0
    start: None = None
    end: None = None
    derived_from: None = None
    meeting_day: None = None
    agenda_days: int = 0
    days: int = 0

    @property
    def kind(self) -> Kind:
        return Kind.UNSCHEDULED


AnyOccurrence = Occurrence | Undated  # what lists of occurrences hold: the undated last


@dataclass(frozen=True, slots=True)
class Plan:
    """A year's plan: the wheel covers the twelve months from ``start``.

    Immutable, like everything it holds: an edit returns a new plan that shares
    what it did not change, so what is worked out from an activity (its
    occurrences, its search text, its ring's lanes) can be kept by identity."""

    title: str
    start: dt.date
    organisation: str = ""
    locale: str = "da"
    agenda_days: int = 4  # working days from "agenda out" to a meeting
    rings: tuple[Ring, ...] = ()
    categories: tuple[Category, ...] = ()
    activities: tuple[Activity, ...] = ()

    def __post_init__(self) -> None:
        for name in ("rings", "categories", "activities"):
            if type(getattr(self, name)) is not tuple:  # a list given is copied, never shared
                object.__setattr__(self, name, tuple(getattr(self, name)))

    @property
    def end(self) -> dt.date:
        """The first day after the wheel's twelve months."""
        return _twelve_months_on(self.start)

    @property
    def last_day(self) -> dt.date:
        return self.end - DAY

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def contains(self, day: dt.date) -> bool:
        return self.start <= day < self.end

    @property
    def year_label(self) -> str:
        """ "2022" for a calendar year, "2022/23" for a wheel that spans two."""
        if self.start.month == 1 and self.start.day == 1:
            return str(self.start.year)
        return f"{self.start.year}/{self.last_day.year % 100:02d}"

    def ring(self, ring_id: str) -> Ring | None:
        return next((r for r in self.rings if r.id == ring_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def activity(self, activity_id: str) -> Activity | None:
        """The activity with this id (the first, in a plan that repeats an id)."""
        place = self._places().get(activity_id)
        return None if place is None else self.activities[place]

    def place_of(self, activity_id: str) -> int | None:
        """Where the activity with this id is among ``activities``, or None."""
        return self._places().get(activity_id)

    def activities_with(self, ids: Collection[str]) -> list[Activity]:
        """The activities whose ids are in ``ids``, in plan order."""
        if not ids:
            return []
        places = self._places()
        if len(places) != len(self.activities) or len(ids) > len(places) // 8:
            return [a for a in self.activities if a.id in ids]  # one pass
        activities = self.activities
        return [activities[k] for k in sorted(places[i] for i in ids if i in places)]

    def _places(self) -> dict[str, int]:
        """Each activity's place by its id, worked out once for the latest plans: a
        plan made by an edit that kept every id where it was shares its places."""
        for plan, places in _PLACES:
            if plan is self:
                return places
        found = next(
            (
                places
                for plan, places in _PLACES
                if replaced_in_place(plan.activities, self.activities) is not None
            ),
            None,
        )
        if found is None:
            found = {}
            for k, activity in enumerate(self.activities):
                found.setdefault(activity.id, k)
        _PLACES.insert(0, (self, found))
        del _PLACES[_PLACES_KEPT:]
        return found

    def occurrences_of(self, activity: Activity) -> list[AnyOccurrence]:
        """The activity's occurrences that touch the wheel's year (an activity without
        a date has one, :class:`Undated`)."""
        return list(self._expand(activity, self.last_day))

    def _expand(self, activity: Activity, last_day: dt.date) -> list[AnyOccurrence]:
        """The activity's occurrences, remembered per activity object (activities are
        immutable): an edit makes a new plan that shares every activity it did not
        touch, so a plan after an edit expands only the activities that changed."""
        known = _EXPANDED.get(id(activity))
        if known is not None and known[0] is activity and known[1] == self.start:
            return known[2]
        if len(_EXPANDED) > _EXPANDED_LIMIT:
            _EXPANDED.clear()
        expanded = self._expand_now(activity, last_day)
        _EXPANDED[id(activity)] = (activity, self.start, expanded)  # held: its id stays its own
        return expanded

    def _expand_now(self, activity: Activity, last_day: dt.date) -> list[AnyOccurrence]:
        start, last = activity.start, activity.last_day
        if start is None or last is None:
            return [Undated(activity)]
        length = dt.timedelta(days=(last - start).days)
        if activity.rrule:
            starts = recurrence.expand(activity.rrule, start, self.start, last_day)
        else:
            starts = [start]
        skipped = set(activity.exdates)
        # an occurrence keeps its real dates, also where it runs past the wheel's edge
        return [
            Occurrence(activity, index, first, first + length)
            for index, first in enumerate(starts)
            if first <= last_day and first + length >= self.start and first not in skipped
        ]

    def agenda_marker(self, meeting: Occurrence) -> Occurrence | None:
        """The derived "agenda out" deadline of a meeting's occurrence, inside the wheel.

        Data, not words: its activity carries the meeting's title, and the marker
        knows its meeting, the meeting's day and the count of working days; where it
        is shown, ``aarshjul.wording`` says "Dagsorden ud: …" in the language there.
        """
        if not meeting.activity.meeting or self.agenda_days <= 0:
            return None
        known = _MARKERS.get(id(meeting))  # the same meeting, the same marker object
        if known is not None and known[0] is meeting and known[1] == (self.agenda_days, self.start):
            return known[2]
        if len(_MARKERS) > _EXPANDED_LIMIT:
            _MARKERS.clear()
        marker = self._new_agenda_marker(meeting)
        _MARKERS[id(meeting)] = (meeting, (self.agenda_days, self.start), marker)
        return marker

    def _new_agenda_marker(self, meeting: Occurrence) -> Occurrence | None:
        day = workdays.working_days_before(meeting.start, self.agenda_days)
        if not self.contains(day):
            return None
        source = meeting.activity
        marker = Activity(
            id=agenda_id(source.id, meeting.index),
            title=source.title,
            ring=source.ring,
            category=source.category,
            start=day,
        )
        return Occurrence(
            marker,
            0,
            day,
            day,
            derived_from=source.id,
            meeting_day=meeting.start,
            agenda_days=self.agenda_days,
        )

    def occurrences(self) -> list[AnyOccurrence]:
        """Every occurrence in date order, the activities without a date last, in plan
        order."""
        return [*self.dated(), *self.undated()]

    def dated(self) -> list[Occurrence]:
        """Every dated occurrence (agenda dates included), in date order; equal ones in
        plan order, a meeting's agenda date after the meeting.

        The last plan's answer is remembered: for a plan made from it by an edit of a
        few activities, their occurrences are taken out and put back in order, not
        every activity's sorted again."""
        last = _DATED[0] if _DATED else None
        if last is not None and last[0] is self:
            return list(last[1])
        result = self._dated_from(*last) if last is not None else None
        if result is None:
            result = [o for a in self.activities for o in self.dated_occurrences_of(a)]
            result.sort(key=_ORDER)
        _DATED[:] = [(self, result)]
        return list(result)

    def dated_occurrences_of(self, activity: Activity) -> list[Occurrence]:
        """The activity's dated occurrences, each followed by its agenda date (for a
        meeting): in plan order, as a sort in date order keeps equal ones."""
        if activity.start is None:
            return []
        found: list[Occurrence] = []
        for occ in self._expand(activity, self.last_day):
            if isinstance(occ, Occurrence):
                found.append(occ)
                if activity.meeting and (marker := self.agenda_marker(occ)) is not None:
                    found.append(marker)
        return found

    def _dated_from(self, before: Plan, occurrences: list[Occurrence]) -> list[Occurrence] | None:
        """``before``'s dated occurrences made this plan's, where this plan is ``before``
        with a few activities replaced in place; None where it is not."""
        old, new = before.activities, self.activities
        if (
            len(old) != len(new)
            or before.start != self.start
            or before.agenda_days != self.agenda_days
        ):
            return None
        differ = replaced_places(old, new)
        if len(differ) > _PATCHED_AT_MOST:
            return None
        result = list(occurrences)
        for k in differ:  # the old activity's occurrences out, found where they sort
            for occ in before.dated_occurrences_of(old[k]):
                key = occ.order
                at = bisect.bisect_left(result, key, key=_ORDER)
                while at < len(result) and result[at] is not occ and result[at].order == key:
                    at += 1
                if at == len(result) or result[at] is not occ:
                    return None  # not the objects listed (forgotten since): sort anew
                del result[at]
        for k in differ:
            for occ in self.dated_occurrences_of(new[k]):
                key = occ.order
                at = bisect.bisect_left(result, key, key=_ORDER)
                end = bisect.bisect_right(result, key, lo=at, key=_ORDER)
                if end > at:  # equal in date order: plan order decides, as in a sort
                    place = self._places()
                    rank = _rank(occ, place)
                    while at < end and _rank(result[at], place) < rank:
                        at += 1
                result.insert(at, occ)
        return result

    def undated(self) -> list[Undated]:
        """The activities without a date, in plan order.

        The last plan's answer is remembered: a plan made from it by an edit that
        replaced activities in place, none of them without a date before or after,
        has the same (an edit of 50,000 activities need not look at every one)."""
        last = _UNDATED[0] if _UNDATED else None
        if last is not None and (last[0] is self or self._undated_as(last[0])):
            result = last[1]
        else:
            last_day = self.last_day
            result = [
                occ
                for activity in self.activities
                if activity.start is None
                for occ in self._expand(activity, last_day)
                if isinstance(occ, Undated)
            ]
        _UNDATED[:] = [(self, result)]
        return list(result)

    def _undated_as(self, before: Plan) -> bool:
        """Whether this plan's activities without a date are ``before``'s: the same
        activities but a few replaced in place, none of those without a date."""
        old, new = before.activities, self.activities
        differ = replaced_in_place(old, new) if before.start == self.start else None
        return (
            differ is not None
            and len(differ) <= _PATCHED_AT_MOST
            and all(old[k].start is not None and new[k].start is not None for k in differ)
        )
