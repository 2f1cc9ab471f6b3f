"""RFC 5545 recurrence rules, expanded with ``dateutil.rrule``."""

from __future__ import annotations

import datetime as dt
import re
import types

from dateutil import rrule as _rrule

from aarshjul.i18n import N_, Translator, _, reworded

# dateutil looks for a rule's next date up to the year 9999: for a rule that never
# gives one (DAILY;BYYEARDAY=366;BYMONTH=1) that is seconds of search. Plans start by
# the year 2999, so its rules need not look past 3010: dateutil's rrule module gets a
# view of the datetime module with that as its last year (nothing else sees it).
SEARCH_LIMIT_YEAR = 3010
_bounded_datetime = types.ModuleType("datetime")
_bounded_datetime.__dict__.update(dt.__dict__)
_bounded_datetime.MAXYEAR = SEARCH_LIMIT_YEAR  # type: ignore[attr-defined]
_rrule.datetime = _bounded_datetime  # type: ignore[attr-defined]


class RecurrenceError(ValueError):
    """An RRULE that cannot be parsed or used."""


def written(rule: str) -> str:
    """``rule`` as RFC 5545 writes it: without an "RRULE:" before it, its UNTIL a day
    (20221231); raise RecurrenceError where the UNTIL is not one."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    return _until_as_a_date(text)


def parse(rule: str, first: dt.date) -> _rrule.rrule:
    """Parse ``rule`` with ``first`` as its DTSTART; raise RecurrenceError if invalid."""
    text = written(rule)
    if not text:
        raise RecurrenceError(_("the rule is empty"))
    if "DTSTART" in text.upper():
        raise RecurrenceError(_("DTSTART is not allowed: the activity's start is the first date"))
    _check_parts(text)
    _check_possible(text)
    try:
        result = _rrule.rrulestr(text, dtstart=dt.datetime.combine(first, dt.time()))
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(_said(str(exc))) from None
    if not isinstance(result, _rrule.rrule):
        raise RecurrenceError(_("only a single RRULE is allowed"))
    return result


# dateutil's commonest reasons, in our words (the others as it says them)
_DATEUTIL_SAYS = (
    ("unknown parameter '{part}'", N_("there is no part called {part}")),
    ("invalid '{part}': {value}", N_("{part} cannot be {value}")),
)


def _said(reason: str) -> str:
    return reworded(reason, _DATEUTIL_SAYS) or reason or _("the rule cannot be read")


def expand(rule: str, first: dt.date, window_start: dt.date, window_last: dt.date) -> list[dt.date]:
    """The rule's dates from ``window_start`` to ``window_last`` (inclusive)."""
    parsed = parse(rule, first)
    lo = dt.datetime.combine(window_start, dt.time())
    hi = dt.datetime.combine(window_last, dt.time())
    return [d.date() for d in parsed.between(lo, hi, inc=True)]


# ranges of the numeric parts (RFC 5545, section 3.3.10), negative counting from the end
_RANGES = {
    "BYMONTH": (1, 12, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYSETPOS": (1, 366, True),
    "INTERVAL": (1, 10_000, False),
    "COUNT": (1, 10_000, False),
}
_DAY_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


_UNTIL = re.compile(r"(?i)(?<![A-Z])UNTIL=([^;]*)")
# a day: 20221231 as RFC 5545 writes it, or 2022-12-31; a time on it may follow
_UNTIL_VALUE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(T\d{2}:?\d{2}:?\d{2}Z?)?")


def _until_as_a_date(text: str) -> str:
    """``text`` with its UNTIL as a day (RFC 5545: 20221231, or 2022-12-31; a time on
    that day is read as the day, as a plan counts whole days). Anything else is
    refused: dateutil would read "2022" or "March" as a day of the year it is read in
    (the series would end on another day each time the plan is opened), and "3.4.2022"
    as the 4th of March."""
    match = _UNTIL.search(text)
    if match is None:
        return text
    value = match.group(1).strip()
    day = _UNTIL_VALUE.fullmatch(value)
    try:
        if day is None:
            raise ValueError(value)
        compact = "".join(day.group(1, 2, 3))
        dt.datetime.strptime(compact, "%Y%m%d")
    except ValueError:
        raise RecurrenceError(
            _("UNTIL must be a day written as 20221231, not '{value}'").format(value=value)
        ) from None
    return text[: match.start(1)] + compact + text[match.end(1) :]


def _check_parts(text: str) -> None:
    """Refuse what dateutil accepts but a plan of whole days cannot use, or a calendar
    would not take (RFC 5545: COUNT and UNTIL never together)."""
    names = {part.partition("=")[0].strip().upper() for part in text.split(";")}
    if {"COUNT", "UNTIL"} <= names:
        raise RecurrenceError(_("a rule ends by COUNT or by UNTIL, not both"))
    for part in text.split(";"):
        name, _sep, value = part.partition("=")
        name = name.strip().upper()
        if name == "FREQ" and value.strip().upper() not in _DAY_FREQS:
            raise RecurrenceError(
                _("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not {value}").format(value=value)
            )
        if name in ("BYHOUR", "BYMINUTE", "BYSECOND"):
            raise RecurrenceError(
                _("{name} is not used: a plan counts whole days").format(name=name)
            )
        if name in _RANGES:
            low, high, negative = _RANGES[name]
            for item in value.split(","):
                try:
                    number = int(item)
                except ValueError:
                    raise RecurrenceError(
                        _("{name} must be a number, not '{item}'").format(name=name, item=item)
                    ) from None
                if not (low <= abs(number) <= high and (negative or number > 0)):
                    raise RecurrenceError(
                        _("{name}={number} is out of range").format(name=name, number=number)
                    )


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # at most, in a leap year


def _check_possible(text: str) -> None:
    """Refuse at once a rule that can never give a date (BYMONTH=2;BYMONTHDAY=31):
    dateutil would search every year up to 9999 for one, for seconds."""
    parts = {}
    for part in text.split(";"):
        name, _sep, value = part.partition("=")
        parts[name.strip().upper()] = value.strip()
    if "BYMONTHDAY" not in parts:
        return
    try:
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else []
    except ValueError:
        return  # _check_parts has said what is wrong
    months = months or list(range(1, 13))
    if not any(1 <= abs(d) <= _MONTH_DAYS[m - 1] for m in months if 1 <= m <= 12 for d in days):
        raise RecurrenceError(_("the rule never gives a date: no such day in those months"))


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ORDINALS = {
    1: N_("first"),
    2: N_("second"),
    3: N_("third"),
    4: N_("fourth"),
    5: N_("fifth"),
    -1: N_("last"),
    -2: N_("second to last"),
}


def _join(items: list[str], tr: Translator = _) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + tr(" and ") + items[-1]


def describe(
    rule: str,
    month_names: list[str] | None = None,
    weekday_names: list[str] | None = None,
    tr: Translator = _,
) -> str:
    """The rule in words, such as "Every month in March, June, September and December,
    on the last day". Month and weekday names (January and Monday first) come from
    the caller's locale; a rule with parts this does not word is returned as written.
    """
    months = month_names or [dt.date(2001, m, 1).strftime("%B") for m in range(1, 13)]
    weekdays = weekday_names or [dt.date(2001, 1, d).strftime("%A") for d in range(1, 8)]
    try:
        text = written(rule)  # (its UNTIL as a day, however it is written)
    except RecurrenceError:
        return rule.strip()
    parts = {}
    for part in text.split(";"):
        name, _sep, value = part.partition("=")
        parts[name.strip().upper()] = value.strip().upper()
    if set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTH", "BYMONTHDAY", "COUNT", "UNTIL"}:
        return text
    try:
        interval = int(parts.get("INTERVAL", "1"))
        base = {
            ("DAILY", True): tr("Every day"),
            ("DAILY", False): tr("Every {n} days"),
            ("WEEKLY", True): tr("Every week"),
            ("WEEKLY", False): tr("Every {n} weeks"),
            ("MONTHLY", True): tr("Every month"),
            ("MONTHLY", False): tr("Every {n} months"),
            ("YEARLY", True): tr("Every year"),
            ("YEARLY", False): tr("Every {n} years"),
        }[(parts.get("FREQ", ""), interval == 1)].format(n=interval)
        words = [base]
        if "BYMONTH" in parts:
            names = [months[int(m) - 1] for m in parts["BYMONTH"].split(",")]
            words.append(tr(" in {months}").format(months=_join(names, tr)))
        details = []
        if "BYMONTHDAY" in parts:
            days = [
                tr("the last day") if int(d) == -1 else tr("day {n}").format(n=int(d))
                for d in parts["BYMONTHDAY"].split(",")
            ]
            details.append(tr("on {days}").format(days=_join(days, tr)))
        if "BYDAY" in parts:
            days = []
            for item in parts["BYDAY"].split(","):
                name = weekdays[_WEEKDAYS.index(item[-2:])]
                if item[:-2]:
                    days.append(
                        tr("the {ordinal} {day}").format(
                            ordinal=tr(_ORDINALS[int(item[:-2])]), day=name
                        )
                    )
                else:
                    days.append(name)
            details.append(tr("on {days}").format(days=_join(days, tr)))
        if "COUNT" in parts:
            details.append(tr("{n} times").format(n=int(parts["COUNT"])))
        if "UNTIL" in parts:
            until = dt.datetime.strptime(parts["UNTIL"][:8], "%Y%m%d").date()
            details.append(tr("until {date}").format(date=until.isoformat()))
    except (KeyError, ValueError, IndexError):
        return text
    return "".join(words) + "".join(", " + d for d in details)
