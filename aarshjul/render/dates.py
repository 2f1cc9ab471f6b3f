"""Dates in words in a plan's language ("11. marts 2022", "11 March 2022"): Qt's
locale data, QtCore only, so the command line needs no display for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale


def date_words(day: dt.date, locale: str) -> str:
    """``day`` as the handout writes it in the language of ``locale``."""
    qlocale = QLocale(locale)
    pattern = "d. MMMM yyyy" if qlocale.language() == QLocale.Language.Danish else "d MMMM yyyy"
    return qlocale.toString(QDate(day.year, day.month, day.day), pattern)


def saying(locale: str) -> Callable[[dt.date], str]:
    """:func:`date_words` in the language of ``locale``, as one function of a day
    (what the calendars take to write an agenda date's meeting day)."""
    return lambda day: date_words(day, locale)
