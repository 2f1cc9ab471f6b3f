"""Dates, periods and activities in words.

The panels speak the program's language (``ui_locale()``); the wheel and the
printouts speak the plan's (``plan.locale``).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QDate, QLocale

from aarshjul import wording
from aarshjul.i18n import _, language, translator
from aarshjul.model.periods import Zoom, quarter_number
from aarshjul.model.plan import AnyOccurrence, Plan


def ui_locale() -> str:
    """The locale of the program's language, for dates in the panels."""
    return "da_DK" if language() == "da" else "en_GB"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _danish(locale: str) -> bool:
    return QLocale(locale).language() == QLocale.Language.Danish


def format_date(day: dt.date, locale: str, with_year: bool = True) -> str:
    """ "1. april 2022" in Danish, "1 April 2022" in English."""
    pattern = "d. MMMM" if _danish(locale) else "d MMMM"
    return QLocale(locale).toString(qdate(day), pattern + (" yyyy" if with_year else ""))


def format_long_date(day: dt.date, locale: str) -> str:
    """With weekday and ISO week: "fredag 1. april 2022 (uge 13)"."""
    pattern = "dddd d. MMMM yyyy" if _danish(locale) else "dddd d MMMM yyyy"
    text = QLocale(locale).toString(qdate(day), pattern)
    return f"{text} ({_('week {week}').format(week=day.isocalendar().week)})"


def format_weekday_date(day: dt.date, locale: str) -> str:
    """ "fre. 1. apr. 2022 (uge 13)": for the live label of a drag."""
    pattern = "ddd d. MMM yyyy" if _danish(locale) else "ddd d MMM yyyy"
    text = QLocale(locale).toString(qdate(day), pattern)
    return f"{text} ({_('week {week}').format(week=day.isocalendar().week)})"


def format_short_date(day: dt.date, locale: str) -> str:
    """ "1. apr." / "1 Apr", for lists."""
    pattern = "d. MMM" if _danish(locale) else "d MMM"
    return QLocale(locale).toString(qdate(day), pattern)


def format_range(start: dt.date | None, end: dt.date | None, locale: str) -> str:
    """An occurrence's dates in words: one day, a range, or "no date yet"."""
    if start is None:
        return _("No date yet")
    if end is None or end == start:
        return format_date(start, locale)
    first = format_date(start, locale, with_year=start.year != end.year)
    return f"{first} – {format_date(end, locale)}"


def weekday_names(locale: str) -> list[str]:
    qlocale = QLocale(locale)
    return [qlocale.dayName(d, QLocale.FormatType.LongFormat) for d in range(1, 8)]


def period_heading(plan: Plan, zoom: Zoom, span: tuple[dt.date, dt.date] | None) -> str:
    """The centre's heading: the year, "2. kvartal 2022" or "Juni 2022"."""
    if zoom is Zoom.YEAR or span is None:
        return plan.year_label
    if zoom is Zoom.QUARTER:  # the wheel's heading: in the plan's language
        tr = translator(plan.locale)
        return tr("Q{n} {year}").format(n=quarter_number(plan, span[0]), year=plan.year_label)
    name = QLocale(plan.locale).standaloneMonthName(span[0].month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {span[0].year}"


def plain_tooltip(text: str) -> str:
    """``text`` for a tooltip as it is written: markup in it shows, it is not obeyed."""
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"


def describe_occurrence(occ: AnyOccurrence, locale: str, ring: str, category: str) -> str:
    """Rich text for a tooltip: the title, the dates and where it belongs."""
    dates = format_range(occ.start, occ.end, locale)
    if occ.start is not None and occ.end is not None:
        first, last = occ.start.isocalendar().week, occ.end.isocalendar().week
        if first == last:
            dates += " · " + _("week {week}").format(week=first)
        else:
            dates += " · " + _("weeks {first}–{last}").format(first=first, last=last)
    lines = [
        f"<b>{escape(wording.title(occ, _))}</b>",
        escape(dates),
        f"{escape(category)} · {escape(ring)}",
    ]
    if occ.activity.rrule:
        lines.append(_("Recurring"))
    return "<br>".join(lines)
