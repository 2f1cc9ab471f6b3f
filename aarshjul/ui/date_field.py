"""A date field that takes a date as people type it, with a calendar beside it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from aarshjul.i18n import _
from aarshjul.typed_dates import parse_typed_date
from aarshjul.ui.formatting import qdate, ui_locale


def calendar(parent: QWidget | None = None) -> QCalendarWidget:
    """A month calendar in the program's language, Monday first, with ISO week numbers."""
    widget = QCalendarWidget(parent)
    widget.setLocale(QLocale(ui_locale()))
    widget.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    widget.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
    widget.setGridVisible(True)
    return widget


class DateField(QWidget):
    """Type "11.03.2022", "11-3-2022", "11/3" or "11. marts", or pick the day in the
    calendar. What is not a date is refused visibly (``problem()`` says why), never
    turned into another date.

    ``first`` and ``last`` are the wheel's days: a date typed without a year takes the
    year that puts it among them.
    """

    dateChanged = Signal(QDate)  # a new valid date
    edited = Signal()  # any change of the text, a date or not

    def __init__(
        self, day: dt.date, first: dt.date, last: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._first, self._last = first, last
        self._date = day
        self._valid = True
        self.line = QLineEdit()
        self.line.setObjectName("dateText")
        self.line.setPlaceholderText("11.03.2022")
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(_("Pick the day in a calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = calendar(menu)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(lambda: self.calendar.setSelectedDate(qdate(self._date)))
        self.calendar.clicked.connect(lambda day: (self.setDate(day), menu.close()))
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._tidy)
        self._show(day)

    def date(self) -> QDate:
        """The last valid date (see ``problem()`` for whether the text is one)."""
        return qdate(self._date)

    def day(self) -> dt.date:
        return self._date

    def setDate(self, value: QDate) -> None:
        day = dt.date(value.year(), value.month(), value.day())
        self._show(day)
        self._set(day)

    def problem(self) -> str:
        """Why the text is not a date, or ""."""
        if self._valid:
            return ""
        return _("'{text}' is not a date (type it as 11.03.2022 or 11. marts)").format(
            text=self.line.text().strip()
        )

    def _typed(self, text: str) -> None:
        day = parse_typed_date(text, self._first, self._last)
        self._valid = day is not None
        self.line.setStyleSheet("" if self._valid else "color: #c0392b")
        if day is not None:
            self._set(day)
        self.edited.emit()

    def _tidy(self) -> None:
        if self._valid:
            self._show(self._date)

    def _set(self, day: dt.date) -> None:
        self._valid = True
        self.line.setStyleSheet("")
        changed = day != self._date
        self._date = day
        if changed:
            self.dateChanged.emit(qdate(day))
        self.edited.emit()

    def _show(self, day: dt.date) -> None:
        locale = QLocale(ui_locale())
        danish = locale.language() == QLocale.Language.Danish
        self.line.setText(locale.toString(qdate(day), "dd.MM.yyyy" if danish else "d MMM yyyy"))
