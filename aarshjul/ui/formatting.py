"""Dates and activities in words, in the plan's locale."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from aarshjul.i18n import _
from aarshjul.model.plan import Occurrence


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def format_date(day: dt.date, locale: str, with_year: bool = True) -> str:
    """ "1. april 2022" in Danish, "1 April 2022" in English."""
    pattern = "d. MMMM" if QLocale(locale).language() == QLocale.Language.Danish else "d MMMM"
    return QLocale(locale).toString(qdate(day), pattern + (" yyyy" if with_year else ""))


def format_range(start: dt.date | None, end: dt.date | None, locale: str) -> str:
    """An occurrence's dates in words: one day, a range, or "no date yet"."""
    if start is None:
        return _("No date yet")
    if end is None or end == start:
        return format_date(start, locale)
    return (
        f"{format_date(start, locale, with_year=start.year != end.year)} – "
        f"{format_date(end, locale)}"
    )


def describe_occurrence(occ: Occurrence, locale: str, ring: str, category: str) -> str:
    """Rich text for a tooltip: the title, the dates and where it belongs."""
    title = occ.activity.title.replace("&", "&amp;").replace("<", "&lt;")
    dates = format_range(occ.start, occ.end, locale)
    if (
        occ.start is not None
        and occ.start.isocalendar().week == (occ.end or occ.start).isocalendar().week
    ):
        dates += " · " + _("week {week}").format(week=occ.start.isocalendar().week)
    lines = [f"<b>{title}</b>", dates, f"{category} · {ring}"]
    if occ.activity.rrule:
        lines.append(_("Recurring"))
    return "<br>".join(lines)
