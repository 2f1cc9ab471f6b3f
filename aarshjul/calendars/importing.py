"""Calendar files read into a plan: what Outlook, Google Calendar and others write.

:func:`read_calendar` turns each event into an :class:`Incoming`: what the plan
would take (its dates as whole days, a series as its RRULE and EXDATEs, moved
occurrences as overrides) and whether that adds, updates or skips. A timed event
keeps its date where it happens: 00:30 in Copenhagen is that day, whatever the
machine's time zone; a time in UTC is read in the calendar's own zone.
:func:`apply_import` makes the new plan. An event whose UID is already in the plan
updates that activity, so importing a file twice adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Component, Timezone, vRecur

from aarshjul.calendars.export import (
    ID_PROPERTY,
    KIND_PROPERTY,
    MEETING_PROPERTY,
    OWNER_LINE,
    OWNER_PROPERTY,
    original_dates,
    uid_of,
)
from aarshjul.i18n import N_, _, reworded, translator
from aarshjul.model import recurrence
from aarshjul.model.edits import moved_occurrences, unique_id
from aarshjul.model.fileformat import (
    CONTROL,
    ID_RE,
    MAX_BYTES,
    TEXT_LIMITS,
    Unreadable,
    read_regular_file,
)
from aarshjul.model.plan import DAY, Activity, Kind, Plan

# where a plan's language is spoken, for times a calendar gives in UTC without a zone
ZONES = {
    "da": "Europe/Copenhagen",
    "en_GB": "Europe/London",
    "en_IE": "Europe/Dublin",
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "sv": "Europe/Stockholm",
    "de": "Europe/Berlin",
    "fi": "Europe/Helsinki",
}
DEFAULT_ZONE = "Europe/Copenhagen"
DAY_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
UNTITLED = N_("(no title)")
PLACE = N_("Place: {place}")


class CalendarError(ValueError):
    """A file that is not a calendar Årshjul can read."""


class Action(Enum):
    """What importing an event does to the plan."""

    ADD = "add"
    UPDATE = "update"
    SAME = "same"  # already in the plan as the file has it
    SKIP = "skip"


ACTION_WORDS = {
    Action.ADD: N_("add"),
    Action.UPDATE: N_("update"),
    Action.SAME: N_("unchanged"),
    Action.SKIP: N_("skip"),
}


@dataclass(frozen=True)
class Moved:
    """An occurrence of a series the calendar moved (an override)."""

    original: dt.date  # the series' date it was moved from
    start: dt.date
    end: dt.date | None  # inclusive; None for a single day
    title: str
    description: str


@dataclass(frozen=True)
class Incoming:
    """One event of a calendar file, as the plan would take it."""

    uid: str
    title: str
    start: dt.date | None
    end: dt.date | None = None  # inclusive; None for a single day (a deadline)
    rrule: str = ""
    exdates: tuple[dt.date, ...] = ()
    moved: tuple[Moved, ...] = ()
    description: str = ""
    owner: str = ""
    link: str = ""
    meeting: bool = False
    wanted_id: str = ""  # the id it had in the plan it was exported from
    action: Action = Action.ADD
    reason: str = ""  # why it is skipped
    existing: str | None = None  # the id of the activity it updates
    categories: tuple[str, ...] = field(default=())

    @property
    def takes(self) -> bool:
        """Whether importing it changes the plan."""
        return self.action in (Action.ADD, Action.UPDATE)


def read_calendar_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a calendar file: as the plan loader reads a plan, a pipe, a
    device or a huge file is refused at once (CalendarError), never waited for."""
    try:
        return read_regular_file(path, MAX_BYTES)
    except Unreadable as exc:
        if exc.size is None:
            raise CalendarError(_("not a calendar file: a folder, a device or a pipe")) from None
        raise CalendarError(
            _("the file is {size:.1f} MB; a calendar file is read up to {limit} MB").format(
                size=exc.size / 1_000_000, limit=MAX_BYTES // 1_000_000
            )
        ) from None


def read_calendar(data: bytes, plan: Plan) -> list[Incoming]:
    """Every event of the calendar file ``data``, in file order, with what importing it
    into ``plan`` does. Raises CalendarError if ``data`` is not a calendar."""
    calendars = _parse(data)
    zone = _zone(calendars, plan)
    masters: dict[str, Component] = {}
    overrides: dict[str, list[Component]] = {}
    order: list[str] = []
    for calendar in calendars:
        for number, event in enumerate(calendar.walk("VEVENT")):
            uid = str(event.get("UID", "")).strip() or f"event-{number}@{_digest(event)}"
            if event.get("RECURRENCE-ID") is not None:
                overrides.setdefault(uid, []).append(event)
                continue
            if uid not in masters:
                order.append(uid)
            masters[uid] = event
    for uid, events in overrides.items():  # moved occurrences whose series is not here
        if uid not in masters:
            for event in events:
                alone = f"{uid}/{_day(event.decoded('RECURRENCE-ID'), zone).isoformat()}"
                masters[alone] = event
                order.append(alone)
    known = {uid_of(plan, a): a for a in plan.activities if not a.series}
    return [
        _compare(_incoming(uid, masters[uid], overrides.get(uid, []), zone, plan), plan, known)
        for uid in order
    ]


ICALENDAR_SAYS = (
    (
        "Content line could not be parsed into parts: '{line}': {why}",
        N_("the line '{line}' cannot be read"),
    ),
)


def _parse(data: bytes) -> list[Calendar]:
    try:
        calendars = Calendar.from_ical(data, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        # icalendar's commonest reason said in our words; others as it says them
        said = reworded(str(exc), ICALENDAR_SAYS, lambda value: value[:80])
        reason = said or str(exc)
        raise CalendarError(
            _("this is not a calendar file (.ics): {reason}").format(reason=reason)
        ) from None
    if not calendars:
        raise CalendarError(_("this is not a calendar file (.ics): it holds no VCALENDAR"))
    return list(calendars)


def _zone(calendars: list[Calendar], plan: Plan) -> dt.tzinfo:
    """The zone a time in UTC is read in: the calendar's own (X-WR-TIMEZONE, or its
    one VTIMEZONE), else where the plan's language is spoken."""
    for calendar in calendars:
        name = str(calendar.get("X-WR-TIMEZONE", "")).strip()
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                pass
    zones = [z for c in calendars for z in c.walk("VTIMEZONE")]
    if len(zones) == 1 and isinstance(zones[0], Timezone):
        try:
            return zones[0].to_tz()
        except Exception:  # a zone the file describes badly: the plan's zone then
            pass
    return ZoneInfo(ZONES.get(plan.locale, ZONES.get(plan.locale[:2], DEFAULT_ZONE)))


def _is_utc(value: dt.datetime) -> bool:
    tz = value.tzinfo
    return tz is dt.UTC or getattr(tz, "key", None) == "UTC" or str(tz) in ("UTC", "Z")


def _own_zone(value: Any) -> dt.tzinfo | None:
    """The zone a DATE-TIME is written in, unless UTC or floating."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None and not _is_utc(value):
        return value.tzinfo
    return None


def _day(value: Any, zone: dt.tzinfo, own: dt.tzinfo | None = None) -> dt.date:
    """The day of a DATE or DATE-TIME where it happens: a time with a zone in that
    zone, a time in UTC in ``own`` (the event's zone) or ``zone``, a floating time as
    written."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and _is_utc(value):
            return value.astimezone(own or zone).date()
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise CalendarError(_("a date is missing"))


def _end_day(event: Component, start: Any, zone: dt.tzinfo) -> dt.date:
    """The last day an event covers (inclusive)."""
    own = _own_zone(start)
    first = _day(start, zone, own)
    if event.get("DTEND") is not None:
        end = event.decoded("DTEND")
    elif event.get("DURATION") is not None:
        end = start + event.decoded("DURATION")
    else:
        return first
    if not isinstance(end, dt.datetime):  # an all-day event ends the day before DTEND
        return max(first, _day(end, zone) - DAY)
    last = _day(end, zone, own)
    local = end.astimezone(own or zone) if _is_utc(end) else end
    if local.time() == dt.time() and last > first:  # ends at midnight: the day before
        last -= DAY
    return max(first, last)


def _text(value: Any) -> str:
    """A property's text as written, less control characters."""
    return CONTROL.sub("", str(value)) if value is not None else ""


def _x_text(event: Component, name: str) -> str:
    """An X- property's text: the parser does not know its type, so the escaped
    backslashes, commas, semicolons and line breaks of RFC 5545 text are undone here."""
    raw = event.get(name)
    if raw is None:
        return ""
    text = re.sub(r"\\([\\,;nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(raw))
    return CONTROL.sub("", text)


def _title(event: Component) -> str:
    """The event's SUMMARY as written, or "" if it has none worth the name."""
    title = _text(event.get("SUMMARY"))[: TEXT_LIMITS["title"]]
    return title if title.strip() else ""


def _incoming(
    uid: str, event: Component, overrides: list[Component], zone: dt.tzinfo, plan: Plan
) -> Incoming:
    """What the plan would take of one event (a series with its overrides)."""
    base = Incoming(uid=uid, title=_title(event) or _(UNTITLED), start=None)
    try:
        return _read_event(base, event, overrides, zone, plan)
    except (CalendarError, recurrence.RecurrenceError) as exc:
        return replace(base, action=Action.SKIP, reason=str(exc))
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        return replace(
            base,
            action=Action.SKIP,
            reason=_("the event cannot be read: {reason}").format(reason=exc),
        )


def _read_event(
    base: Incoming, event: Component, overrides: list[Component], zone: dt.tzinfo, plan: Plan
) -> Incoming:
    if str(event.get(KIND_PROPERTY, "")).lower() == "agenda":
        raise CalendarError(_("an agenda date: the plan works it out from its meeting"))
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        raise CalendarError(_("the event is cancelled"))
    if event.get("DTSTART") is None:
        raise CalendarError(_("the event has no start (DTSTART)"))
    start_value = event.decoded("DTSTART")
    own = _own_zone(start_value)
    start = _day(start_value, zone, own)
    last = _end_day(event, start_value, zone)
    kind = str(event.get(KIND_PROPERTY, "")).lower()
    single = kind == Kind.DEADLINE.value or (kind != Kind.PHASE.value and last == start)
    end = None if single else last
    owner = _x_text(event, OWNER_PROPERTY).strip() or _organiser(event)
    description = _description(event, owner, plan)
    incoming = replace(
        base,
        start=start,
        end=end,
        description=description,
        owner=owner,
        link=_text(event.get("URL")).strip(),
        meeting=str(event.get(MEETING_PROPERTY, "")).upper() == "TRUE",
        wanted_id=_x_text(event, ID_PROPERTY).strip(),
        categories=tuple(_categories(event)),
    )
    if event.get("RRULE") is None:
        return _inside(incoming, start, plan)
    return _series(incoming, start, event, overrides, zone, own, plan)


def _organiser(event: Component) -> str:
    organiser = event.get("ORGANIZER")
    if organiser is None:
        return ""
    name = organiser.params.get("CN", "") if hasattr(organiser, "params") else ""
    name = _text(name).strip()
    return name or _text(str(organiser)).strip().removeprefix("mailto:").removeprefix("MAILTO:")


def _description(event: Component, owner: str, plan: Plan) -> str:
    """The event's description and place, without the owner line an export added."""
    text = str(event.get("DESCRIPTION", "")).replace("\r\n", "\n")
    if owner:
        for tr in (translator(plan.locale), translator("da"), translator("en")):
            line = tr(OWNER_LINE).format(owner=owner)
            if text == line:
                text = ""
                break
            if text.endswith(f"\n\n{line}"):
                text = text[: -len(line) - 2]
                break
    place = _text(event.get("LOCATION")).strip()
    if place:
        line = translator(plan.locale)(PLACE).format(place=place)
        if place not in text:
            text = f"{text}\n\n{line}" if text else line
    return CONTROL.sub("", text)


def _categories(event: Component) -> list[str]:
    found = event.get("CATEGORIES")
    if found is None:
        return []
    values = found if isinstance(found, list) else [found]
    return [_text(c) for v in values for c in getattr(v, "cats", [v])]


def _inside(incoming: Incoming, start: dt.date, plan: Plan) -> Incoming:
    """The event (starting on ``start``) as it is, or skipped if it is not on the
    wheel's twelve months."""
    last = incoming.end or start
    touches = start <= plan.last_day and last >= plan.start
    inside = plan.contains(start)
    if touches and (inside or incoming.end is not None):
        return incoming
    return replace(
        incoming,
        action=Action.SKIP,
        reason=_("outside the wheel's twelve months ({first} to {last})").format(
            first=plan.start.isoformat(), last=plan.last_day.isoformat()
        ),
    )


def _series(
    incoming: Incoming,
    first: dt.date,
    event: Component,
    overrides: list[Component],
    zone: dt.tzinfo,
    own: dt.tzinfo | None,
    plan: Plan,
) -> Incoming:
    """A recurring event: its rule in whole days, starting at its first date on the
    wheel, its left-out dates and moved occurrences."""
    rules = event.get("RRULE")
    if isinstance(rules, list):
        raise CalendarError(_("the event has more than one RRULE"))
    parts = {k.upper(): v for k, v in dict(rules).items()}
    frequency = str(parts.get("FREQ", [""])[0]).upper()
    if frequency not in DAY_FREQUENCIES:
        raise CalendarError(
            _("it repeats {frequency}: a plan counts whole days").format(frequency=frequency or "?")
        )
    for name in ("BYHOUR", "BYMINUTE", "BYSECOND"):  # times of day: the plan has days
        parts.pop(name, None)
    if "UNTIL" in parts:
        parts["UNTIL"] = [_day(parts["UNTIL"][0], zone, own)]
    rule = vRecur(parts).to_ical().decode()
    length = ((incoming.end or first) - first).days
    dates = recurrence.expand(rule, first, first, plan.last_day)
    on_wheel = [d for d in dates if d >= plan.start]
    if not on_wheel:
        return replace(
            incoming,
            action=Action.SKIP,
            reason=_(
                "no date of the series is on the wheel's twelve months ({first} to {last})"
            ).format(first=plan.start.isoformat(), last=plan.last_day.isoformat()),
        )
    start = on_wheel[0]
    if start != first and "COUNT" in parts:  # from a later first date a COUNT would run on
        everything = list(recurrence.parse(rule, first))
        parts.pop("COUNT")
        parts["UNTIL"] = [everything[-1].date()]
        rule = vRecur(parts).to_ical().decode()
    left_out = {_day(d.dt, zone, own) for ex in _list(event.get("EXDATE")) for d in ex.dts}
    moved: list[Moved] = []
    for override in overrides:
        original = _day(override.decoded("RECURRENCE-ID"), zone, own)
        if not start <= original <= plan.last_day or original not in dates:
            continue
        left_out.add(original)
        if str(override.get("STATUS", "")).upper() == "CANCELLED":
            continue
        value = override.decoded("DTSTART")
        moved_start = _day(value, zone, _own_zone(value) or own)
        moved_last = _end_day(override, value, zone)
        kind = str(override.get(KIND_PROPERTY, "")).lower()
        single = kind == Kind.DEADLINE.value or (
            kind != Kind.PHASE.value and incoming.end is None and moved_last == moved_start
        )
        on_wheel = (
            plan.contains(moved_start)
            if single
            else moved_start <= plan.last_day and moved_last >= plan.start
        )
        if not on_wheel:
            continue  # moved off the wheel: this year has no such occurrence
        moved.append(
            Moved(
                original,
                moved_start,
                None if single else moved_last,
                _title(override) or incoming.title,
                _description(override, incoming.owner, plan),
            )
        )
    exdates = tuple(sorted(d for d in left_out if d in dates and d >= start))
    end = None if incoming.end is None else start + dt.timedelta(days=length)
    return replace(incoming, start=start, end=end, rrule=rule, exdates=exdates, moved=tuple(moved))


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _digest(event: Component) -> str:
    """A name for an event without a UID, the same in every import of the file."""
    start = event.get("DTSTART")
    text = f"{event.get('SUMMARY', '')}|{start.to_ical().decode() if start is not None else ''}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16] + ".aarshjul-import"


def _compare(incoming: Incoming, plan: Plan, known: dict[str, Activity]) -> Incoming:
    """Add, update or leave: by the event's UID among the plan's activities."""
    if incoming.action is Action.SKIP:
        return incoming
    existing = known.get(incoming.uid)
    if existing is None:
        return incoming
    updated = _updated(existing, incoming, plan)
    moved_same = all(_moved_activity_same(plan, existing, m) for m in incoming.moved)
    action = Action.SAME if updated == existing and moved_same else Action.UPDATE
    return replace(incoming, action=action, existing=existing.id)


def _updated(activity: Activity, incoming: Incoming, plan: Plan) -> Activity:
    """``activity`` with the event's dates, rule and words; its ring, category and id
    stay as the plan has them, and so does its rule where it gives the same dates
    on the wheel (an export ends a rule with the wheel's year)."""
    rule = incoming.rrule
    if (
        rule
        and activity.rrule
        and activity.start == incoming.start
        and incoming.start is not None
        and _dates(activity.rrule, incoming.start, plan) == _dates(rule, incoming.start, plan)
    ):
        rule = activity.rrule
    return replace(
        activity,
        title=incoming.title,
        start=incoming.start,
        end=incoming.end,
        rrule=rule,
        exdates=incoming.exdates,
        description=incoming.description,
        owner=incoming.owner or activity.owner,
        link=incoming.link or activity.link,
        meeting=activity.meeting or incoming.meeting,
    )


def _dates(rule: str, first: dt.date, plan: Plan) -> list[dt.date] | None:
    try:
        return recurrence.expand(rule, first, plan.start, plan.last_day)
    except recurrence.RecurrenceError:
        return None


def _moved_activity_same(plan: Plan, series: Activity, moved: Moved) -> bool:
    current = _moved_activities(plan, series).get(moved.original)
    return current is not None and (current.start, current.end, current.title) == (
        moved.start,
        moved.end,
        moved.title,
    )


def _moved_activities(plan: Plan, series: Activity) -> dict[dt.date, Activity]:
    """The occurrences moved out of ``series``, by the date they were moved from."""
    originals = original_dates(plan)
    return {originals[a.id]: a for a in moved_occurrences(plan, series.id) if a.id in originals}


@dataclass(frozen=True)
class Imported:
    """What an import did: the new plan and the ids it added and updated."""

    plan: Plan
    added: tuple[str, ...]
    updated: tuple[str, ...]


def apply_import(
    plan: Plan,
    chosen: Iterable[Incoming],
    ring: str,
    category: str,
    *,
    meetings: bool = False,
) -> Imported:
    """``plan`` with the ``chosen`` events added (to ``ring`` and ``category``, as
    meetings if ``meetings``) or updating their activities; skipped ones are left."""
    activities = list(plan.activities)
    added: list[str] = []
    updated: list[str] = []
    for incoming in chosen:
        if not incoming.takes:
            continue
        current = replace(plan, activities=tuple(activities))
        if incoming.action is Action.UPDATE and incoming.existing is not None:
            index = next(i for i, a in enumerate(activities) if a.id == incoming.existing)
            series = _updated(activities[index], incoming, plan)
            if meetings:
                series = replace(series, meeting=True)
            activities[index] = series
            updated.append(series.id)
            place = index + 1
        else:
            wanted = incoming.wanted_id
            taken = {a.id for a in activities}
            new_id = (
                wanted
                if wanted and ID_RE.fullmatch(wanted) and wanted not in taken
                else unique_id(current, incoming.title)
            )
            series = Activity(
                id=new_id,
                title=incoming.title,
                ring=ring,
                category=category,
                start=incoming.start,
                end=incoming.end,
                description=incoming.description,
                owner=incoming.owner,
                link=incoming.link,
                rrule=incoming.rrule,
                meeting=meetings or incoming.meeting,
                exdates=incoming.exdates,
            )
            if uid_of(current, series) != incoming.uid:
                series = replace(series, uid=incoming.uid)  # the calendar's own UID, kept
            activities.append(series)
            added.append(series.id)
            place = len(activities)
        current = replace(plan, activities=tuple(activities))
        existing_moved = _moved_activities(current, series)
        for moved in incoming.moved:
            before = existing_moved.get(moved.original)
            if before is not None:
                k = activities.index(before)
                activities[k] = replace(before, title=moved.title, start=moved.start, end=moved.end)
                continue
            stem = f"{series.id}-{moved.original.isoformat()}"
            single = replace(
                series,
                id=unique_id(replace(plan, activities=tuple(activities)), stem),
                title=moved.title,
                start=moved.start,
                end=moved.end,
                rrule="",
                exdates=(),
                series=series.id,
                uid="",
                description=moved.description or series.description,
            )
            activities.insert(place, single)
            place += 1
    return Imported(replace(plan, activities=tuple(activities)), tuple(added), tuple(updated))
