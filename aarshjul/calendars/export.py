"""A plan as iCalendar (RFC 5545) events, the way calendar programs store them.

One all-day VEVENT per dated activity: a recurring one as its RRULE and EXDATEs,
an occurrence moved out of a series as an override (the series' UID and a
RECURRENCE-ID of its original date). Each agenda marker is an event of its own.
UIDs come from the plan and the activity's id, so they are the same in every
export and after rollover: importing a newer export updates events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from icalendar import Calendar, Event, vRecur, vText

from aarshjul import __version__, wording
from aarshjul.i18n import N_, translator
from aarshjul.links import clean_link
from aarshjul.model import recurrence
from aarshjul.model.edits import slug
from aarshjul.model.fileformat import CONTROL
from aarshjul.model.plan import DAY, Activity, Occurrence, Plan, meeting_of

PRODID = f"-//Aarshjul//aarshjul {__version__}//DA"
PLAN_PROPERTY = "X-AARSHJUL-PLAN"  # which plan made an event: publishing touches only its own
ID_PROPERTY = "X-AARSHJUL-ID"  # the activity's id, so an import can keep it
KIND_PROPERTY = "X-AARSHJUL-KIND"  # phase or deadline: a one-day phase stays a phase
MEETING_PROPERTY = "X-AARSHJUL-MEETING"
OWNER_PROPERTY = "X-AARSHJUL-OWNER"
OWNER_LINE = N_("Responsible: {owner}")
YEAR = re.compile(r"\b(1[89]|2\d)\d\d(\s*[/–-]\s*\d{2,4})?\b")


def plan_key(plan: Plan) -> str:
    """The plan's name in UIDs: organisation and title without their years, so next
    year's plan (rollover) has the same key and its activities the same UIDs."""
    return _key(plan.organisation, plan.title)


@lru_cache(maxsize=64)
def _key(organisation: str, title: str) -> str:
    return slug(f"{organisation} {YEAR.sub(' ', title)}")[:60].rstrip("-") or "plan"


def uid_of(plan: Plan, activity: Activity) -> str:
    """The activity's UID: the one it came with from a calendar, else made from the
    plan and its id."""
    return activity.uid or f"{activity.id}@{plan_key(plan)}.aarshjul"


def agenda_uid(plan: Plan, marker: Occurrence) -> str:
    """An agenda marker's UID: its meeting's id and the meeting's occurrence."""
    source = marker.derived_from or marker.activity.id
    _meeting, index = meeting_of(marker.activity.id) or (source, 0)
    return f"{source}.agenda{index}@{plan_key(plan)}.aarshjul"


class Text(vText):
    """TEXT escaped by RFC 5545 alone (backslash, semicolon, comma, line break):
    icalendar's own escaping takes a written backslash-N for a line break. Control
    characters (but tab and line break), which RFC 5545 allows in no TEXT and a plan
    file can hold written as escapes, are left out."""

    def to_ical(self) -> bytes:
        text = CONTROL.sub("", str(self).replace("\r\n", "\n").replace("\r", "\n"))
        for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
            text = text.replace(char, escaped)
        return text.encode("utf-8")


@dataclass(frozen=True)
class Resource:
    """The events that share one UID (a series and its moved occurrences): one
    calendar object, as CalDAV stores it."""

    uid: str
    events: tuple[Event, ...]


def original_dates(plan: Plan) -> dict[str, dt.date]:
    """For each occurrence moved out of a series, the series' date it was moved from.

    The plan stores that date as one of the series' exdates; the moved activity's id
    names it ("trivsel-2024-12-05", as Årshjul makes it). Else the nearest exdate not
    taken by another moved occurrence is taken; none left: the activity stands alone.
    """
    found: dict[str, dt.date] = {}
    by_series: dict[str, list[tuple[Activity, dt.date]]] = {}  # (each with its day)
    for activity in plan.activities:
        if activity.series and activity.start is not None:
            by_series.setdefault(activity.series, []).append((activity, activity.start))
    for series_id, moved in by_series.items():
        series = plan.activity(series_id)
        if series is None or not series.rrule:
            continue
        free = set(series.exdates)
        waiting = []
        for activity, start in moved:
            named = re.search(r"(\d{4})-(\d{2})-(\d{2})(?:-\d+)?$", activity.id)
            day = None
            if named:
                try:
                    day = dt.date(*map(int, named.groups()))
                except ValueError:
                    day = None
            if day is not None and day in free:
                found[activity.id] = day
                free.discard(day)
            else:
                waiting.append((activity, start))
        for activity, start in waiting:
            if not free:
                break
            day = min(free, key=lambda d, start=start: (abs((d - start).days), d))
            found[activity.id] = day
            free.discard(day)
    return found


def resources(plan: Plan, say: Callable[[dt.date], str] | None = None) -> list[Resource]:
    """Every dated activity of the plan as calendar objects, in plan order; agenda
    markers after. ``say`` writes a date in the plan's language (ISO if not given)."""
    tr = translator(plan.locale)
    say = say or dt.date.isoformat
    moved_from = original_dates(plan)
    overridden: dict[str, set[dt.date]] = {}  # each series' dates its moved occurrences take
    for activity in plan.activities:
        if activity.id in moved_from:
            overridden.setdefault(activity.series, set()).add(moved_from[activity.id])
    key = plan_key(plan)
    categories = {c.id: c.name for c in plan.categories}
    by_uid: dict[str, list[Event]] = {}
    for activity in plan.activities:
        start = activity.start
        if start is None:
            continue  # no date yet: nothing for a calendar
        series = plan.activity(activity.series) if activity.series else None
        event = _event(activity, start, key, categories, tr)
        if series is not None and activity.id in moved_from:
            event.add("recurrence-id", moved_from[activity.id])
            uid = uid_of(plan, series)
        else:
            uid = uid_of(plan, activity)
            if activity.rrule:
                _add_rule(plan, activity, start, event, overridden.get(activity.id, set()))
        event.add("uid", uid)
        by_uid.setdefault(uid, []).append(event)
    for occ in plan.occurrences():
        if occ.derived_from is None or occ.start is None:
            continue
        event = Event()
        uid = agenda_uid(plan, occ)
        event.add("uid", uid)
        event.add("dtstamp", _now())
        event.add("summary", Text(wording.title(occ, tr)))
        event.add("description", Text(wording.description(occ, tr, say)))
        event.add("dtstart", occ.start)
        event.add("dtend", occ.start + DAY)
        event.add("transp", "TRANSPARENT")
        category = categories.get(occ.activity.category)
        if category:
            event.add("categories", [category])
        event.add(PLAN_PROPERTY, key)
        event.add(KIND_PROPERTY, "agenda")
        by_uid.setdefault(uid, []).append(event)
    return [Resource(uid, tuple(events)) for uid, events in by_uid.items()]


def _event(
    activity: Activity,
    start: dt.date,
    key: str,
    categories: dict[str, str],
    tr: Callable[[str], str],
) -> Event:
    """The activity's event (it starts on ``start``) without its UID and rule."""
    event = Event()
    event.add("dtstamp", _now())
    event.add("summary", Text(activity.title))
    last = activity.end if activity.end is not None else start
    event.add("dtstart", start)
    event.add("dtend", last + DAY)  # all-day events end the day after (exclusive)
    text = activity.description
    if activity.owner:
        owner = tr(OWNER_LINE).format(owner=activity.owner)
        text = f"{text}\n\n{owner}" if text else owner
    if text:
        event.add("description", Text(text))
    link = clean_link(activity.link) if activity.link else None
    if link is not None:  # (a URL as a calendar reads one: not any text, no line breaks)
        event.add("url", link)
    category = categories.get(activity.category)
    if category:
        event.add("categories", [category])
    event.add("transp", "TRANSPARENT")  # a plan's day does not make anyone busy
    event.add(PLAN_PROPERTY, key)
    event.add(ID_PROPERTY, Text(activity.id))
    event.add(KIND_PROPERTY, activity.kind.value)
    if activity.meeting:
        event.add(MEETING_PROPERTY, "TRUE")
    if activity.owner:
        event.add(OWNER_PROPERTY, Text(activity.owner))
    return event


def _add_rule(
    plan: Plan, activity: Activity, start: dt.date, event: Event, moved: set[dt.date]
) -> None:
    """The RRULE of the activity (whose series starts on ``start``), ending with the
    wheel's year (a calendar shows what the wheel shows), and its EXDATEs less the
    dates moved occurrences override."""
    starts = recurrence.expand(activity.rrule, start, plan.start, plan.last_day)
    rule = vRecur.from_ical(recurrence.written(activity.rrule))  # (UNTIL as a day)
    for part in ("COUNT", "UNTIL"):
        rule.pop(part, None)
    rule["UNTIL"] = [max(starts, default=start)]
    event.add("rrule", rule)
    left_out = sorted(d for d in activity.exdates if d not in moved)
    if left_out:
        event.add("exdate", left_out)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def calendar_of(plan: Plan, found: list[Resource] | None = None) -> Calendar:
    """A VCALENDAR holding ``found`` (every resource of the plan if not given)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", Text(plan.title))  # escaped like SUMMARY
    if plan.organisation:
        calendar.add("x-wr-caldesc", Text(plan.organisation))
    for resource in resources(plan) if found is None else found:
        for event in resource.events:
            calendar.add_component(event)
    return calendar


def to_ics(plan: Plan, say: Callable[[dt.date], str] | None = None) -> bytes:
    """The plan as the text of an .ics file."""
    return calendar_of(plan, resources(plan, say)).to_ical()
