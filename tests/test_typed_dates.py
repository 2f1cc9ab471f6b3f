"""Dates typed as Danes (and the British) write them give that date, or are refused."""

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget

from aarshjul.typed_dates import month_number, parse_typed_date
from aarshjul.ui.date_field import DateField

D = dt.date
SCHOOL = (D(2025, 8, 1), D(2026, 7, 31))
YEAR = (D(2022, 1, 1), D(2022, 12, 31))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("11.03.2022", D(2022, 3, 11)),
        ("11-3-2022", D(2022, 3, 11)),
        ("11/3", D(2022, 3, 11)),
        ("11.3.", D(2022, 3, 11)),
        ("11. marts", D(2022, 3, 11)),
        ("11 mar", D(2022, 3, 11)),
        ("11. marts 2022", D(2022, 3, 11)),
        ("2022-03-11", D(2022, 3, 11)),
        ("March 11", D(2022, 3, 11)),
        ("11/3/22", D(2022, 3, 11)),
        ("1.1", D(2022, 1, 1)),
    ],
)
def test_typed_dates_give_that_date(text, expected):
    assert parse_typed_date(text, *YEAR) == expected


def test_a_date_without_a_year_lands_inside_the_school_year():
    assert parse_typed_date("11/3", *SCHOOL) == D(2026, 3, 11)
    assert parse_typed_date("11. oktober", *SCHOOL) == D(2025, 10, 11)


@pytest.mark.parametrize(
    "text", ["", "32.03.2022", "11.13.2022", "29.02.2022", "marts", "x/y", "11. ma"]
)
def test_what_is_not_a_date_is_refused(text):
    assert parse_typed_date(text, *YEAR) is None


def test_month_names_in_danish_and_english():
    assert month_number("okt") == 10 and month_number("October") == 10
    assert month_number("maj") == 5 and month_number("ma") is None


def test_the_date_field_keeps_every_typed_digit(qtbot):
    """Select all and type 11.03.2022: the field says 11 March, not 1 March."""
    field = DateField(D(2022, 1, 1), *YEAR)
    qtbot.addWidget(field)
    field.show()
    field.line.selectAll()
    qtbot.keyClicks(field.line, "11.03.2022")
    assert field.day() == D(2022, 3, 11) and field.problem() == ""
    field.line.selectAll()
    qtbot.keyClicks(field.line, "31.02.2022")
    assert field.day() == D(2022, 3, 11)  # the last date it was, not another
    assert "'31.02.2022' is not a date" in field.problem()


def test_the_calendar_speaks_the_program_and_counts_iso_weeks(qtbot):
    from aarshjul import i18n

    i18n.set_language("da")
    field = DateField(D(2022, 1, 1), *YEAR)
    qtbot.addWidget(field)
    calendar = field.calendar
    assert isinstance(calendar, QCalendarWidget)
    assert calendar.locale().language() == QLocale.Language.Danish
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers


def test_the_programs_language_sets_qts_default_locale(qapp):
    from aarshjul import i18n
    from aarshjul.ui.app import create_application

    try:
        i18n.set_language("da")
        create_application()
        assert QLocale().language() == QLocale.Language.Danish
        i18n.set_language("en")
        create_application()
        assert QLocale().language() == QLocale.Language.English
    finally:
        QLocale.setDefault(QLocale("en_GB"))
