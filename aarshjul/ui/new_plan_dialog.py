"""File › New Plan…: a wheel of its own for a committee, an empty year to fill."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from aarshjul.i18n import _, language
from aarshjul.model.fileformat import FIRST_YEAR, LAST_YEAR
from aarshjul.model.new_plan import new_plan
from aarshjul.model.plan import Plan
from aarshjul.ui.date_field import DateField

LOCALES = (("da", "Dansk"), ("en_GB", "English"))  # the wheel's language, in its own words


def first_day_suggested(today: dt.date) -> dt.date:
    """1 January of this year, or of the next from July on (a plan is made ahead)."""
    return dt.date(today.year + (today.month >= 7), 1, 1)


class NewPlanDialog(QDialog):
    """Title, organisation, the first day and the wheel's language; the rings and
    categories of the plan open, or a few to start from."""

    def __init__(self, current: Plan | None, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPlanDialog")
        self.setWindowTitle(_("New plan"))
        self._current = current
        form = QFormLayout(self)
        explanation = QLabel(
            _(
                "An empty wheel of twelve months from the first day. It is saved as a "
                "file of its own and opened; add activities with New Activity."
            )
        )
        explanation.setWordWrap(True)
        form.addRow(explanation)
        first = first_day_suggested(today)
        self.start_field = DateField(
            first, dt.date(today.year - 5, 1, 1), dt.date(today.year + 5, 12, 31)
        )
        self.title_field = QLineEdit()
        self.title_field.setObjectName("newPlanTitle")
        self.organisation_field = QLineEdit(current.organisation if current else "")
        self.language_box = QComboBox()
        for code, name in LOCALES:
            self.language_box.addItem(name, code)
        wanted = current.locale if current else ("da" if language() == "da" else "en_GB")
        self.language_box.setCurrentIndex(
            next((k for k, (code, _n) in enumerate(LOCALES) if code[:2] == wanted[:2]), 0)
        )
        self.like_box = QCheckBox(_("Rings and categories as in the plan open"))
        self.like_box.setChecked(current is not None)
        self.like_box.setEnabled(current is not None)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #c0392b")
        form.addRow(_("&First day"), self.start_field)
        form.addRow(_("&Title"), self.title_field)
        form.addRow(_("&Organisation"), self.organisation_field)
        form.addRow(_("&Language on the wheel"), self.language_box)
        form.addRow(self.like_box)
        form.addRow(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._suggest_title()
        self.start_field.dateChanged.connect(lambda _day: self._suggest_title())
        self.start_field.edited.connect(self._check)
        self.title_field.textChanged.connect(self._check)
        self._check()

    def _suggest_title(self) -> None:
        """The title as the year it shows, until one is typed."""
        if not self.title_field.isModified():
            label = Plan("", self.start_field.day()).year_label
            self.title_field.setText(_("Annual wheel {year}").format(year=label))

    def problem(self) -> str:
        """Why the plan cannot be made as it stands, or ""."""
        if self.start_field.problem():
            return self.start_field.problem()
        year = self.start_field.day().year
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return _("a plan starts in a year from {first} to {last}, not {year}").format(
                first=FIRST_YEAR, last=LAST_YEAR, year=year
            )
        if not self.title_field.text().strip():
            return _("the plan needs a title")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem[:1].upper() + problem[1:])
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)

    def plan(self) -> Plan:
        """The new plan as the dialog stands (when ``problem()`` is "")."""
        return new_plan(
            self.title_field.text(),
            self.start_field.day(),
            organisation=self.organisation_field.text(),
            locale=self.language_box.currentData(),
            like=self._current if self.like_box.isChecked() else None,
        )
