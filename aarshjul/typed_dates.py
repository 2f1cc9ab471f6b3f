"""Dates as people type them: "11.03.2022", "11-3-2022", "11/3", "11. marts",
"2022-03-11", "March 11". No Qt.

A date without a year takes the year that puts it inside the wheel's twelve months.
"""

from __future__ import annotations

import datetime as dt
import re

DANISH_MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
ENGLISH_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

_NUMERIC = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{2}|\d{4}))?\.?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?(?:\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")


def month_number(word: str) -> int | None:
    """1–12 for a Danish or English month name or its start ("mar", "okt", "May")."""
    word = word.casefold().rstrip(".")
    if len(word) < 3:
        return None
    for names in (DANISH_MONTHS, ENGLISH_MONTHS):
        for number, name in enumerate(names, start=1):
            if name.startswith(word):
                return number
    return None


def parse_typed_date(text: str, first: dt.date, last: dt.date) -> dt.date | None:
    """The date ``text`` means, or None where it is not a date.

    Day before month, as Danes write (and as the English write in Britain); a
    month may be a name. Without a year, the year that puts the date between
    ``first`` and ``last`` (the wheel's days), else ``first``'s year.
    """
    text = text.strip()
    if not text:
        return None
    if match := _ISO.fullmatch(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.fullmatch(text):
        day, month, year = int(match[1]), int(match[2]), match[3]
    elif match := _DAY_MONTH.fullmatch(text):
        day, month_word, year = int(match[1]), match[2], match[3]
        month = month_number(month_word)
    elif match := _MONTH_DAY.fullmatch(text):
        month_word, day, year = match[1], int(match[2]), match[3]
        month = month_number(month_word)
    else:
        return None
    if month is None:
        return None
    if year is not None:
        number = int(year)
        return _date(number + 2000 if len(year) == 2 else number, month, day)
    for candidate in (first.year, first.year + 1, last.year):
        found = _date(candidate, month, day)
        if found is not None and first <= found <= last:
            return found
    return _date(first.year, month, day)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
