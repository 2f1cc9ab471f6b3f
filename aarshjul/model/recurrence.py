"""RFC 5545 recurrence rules, expanded with ``dateutil.rrule``."""

from __future__ import annotations

import datetime as dt

from dateutil import rrule as _rrule

from aarshjul.i18n import _


class RecurrenceError(ValueError):
    """An RRULE that cannot be parsed or used."""


def parse(rule: str, first: dt.date) -> _rrule.rrule:
    """Parse ``rule`` with ``first`` as its DTSTART; raise RecurrenceError if invalid."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    if not text:
        raise RecurrenceError(_("the rule is empty"))
    if "DTSTART" in text.upper():
        raise RecurrenceError(_("DTSTART is not allowed: the activity's start is the first date"))
    _check_parts(text)
    try:
        result = _rrule.rrulestr(text, dtstart=dt.datetime.combine(first, dt.time()))
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(str(exc) or _("the rule cannot be read")) from None
    if not isinstance(result, _rrule.rrule):
        raise RecurrenceError(_("only a single RRULE is allowed"))
    return result


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


def _check_parts(text: str) -> None:
    """Refuse what dateutil accepts but a plan of whole days cannot use."""
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
