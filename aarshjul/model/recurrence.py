"""RFC 5545 recurrence rules, expanded with ``dateutil.rrule``."""

from __future__ import annotations

import datetime as dt

from dateutil import rrule as _rrule


class RecurrenceError(ValueError):
    """An RRULE that cannot be parsed or used."""


def parse(rule: str, first: dt.date) -> _rrule.rrule:
    """Parse ``rule`` with ``first`` as its DTSTART; raise RecurrenceError if invalid."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    if not text:
        raise RecurrenceError("the rule is empty")
    if "DTSTART" in text.upper():
        raise RecurrenceError("DTSTART is not allowed: the activity's start is the first date")
    try:
        result = _rrule.rrulestr(text, dtstart=dt.datetime.combine(first, dt.time()))
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(str(exc) or "the rule cannot be read") from None
    if not isinstance(result, _rrule.rrule):
        raise RecurrenceError("only a single RRULE is allowed")
    return result


def expand(rule: str, first: dt.date, window_start: dt.date, window_last: dt.date) -> list[dt.date]:
    """The rule's dates from ``window_start`` to ``window_last`` (inclusive)."""
    parsed = parse(rule, first)
    lo = dt.datetime.combine(window_start, dt.time())
    hi = dt.datetime.combine(window_last, dt.time())
    return [d.date() for d in parsed.between(lo, hi, inc=True)]
