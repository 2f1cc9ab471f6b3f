"""The editor: every field of an activity, refused inline while it is invalid."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from aarshjul.i18n import N_, _
from aarshjul.links import clean_link
from aarshjul.model import recurrence
from aarshjul.model.checks import activity_problems
from aarshjul.model.edits import EditError, check_activity
from aarshjul.model.plan import Activity, Kind, Plan
from aarshjul.render.painter import month_names
from aarshjul.ui.date_field import DateField
from aarshjul.ui.formatting import format_date, ui_locale, weekday_names
from aarshjul.ui.legend import swatch

#: (label, rule) of the recurrences offered; "" is none, None is a rule of one's own
PRESETS: tuple[tuple[str, str | None], ...] = (
    (N_("Does not repeat"), ""),
    (N_("Every week"), "FREQ=WEEKLY"),
    (N_("Every month"), "FREQ=MONTHLY"),
    (N_("Every quarter"), "FREQ=MONTHLY;INTERVAL=3"),
    (N_("Every half year"), "FREQ=MONTHLY;INTERVAL=6"),
    (N_("Every year"), "FREQ=YEARLY"),
    (N_("Own rule (RRULE)…"), None),
)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ActivityDialog(QDialog):
    """Edits a copy of an activity; ``activity()`` is the result once accepted."""

    def __init__(self, plan: Plan, activity: Activity, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("activityDialog")
        self.setWindowTitle(title)
        self.plan = plan
        self.original = activity
        form = QFormLayout()

        self.title_edit = QLineEdit(activity.title)
        form.addRow(_("&Title"), self.title_edit)
        self.ring_box = QComboBox()
        for ring in plan.rings:
            self.ring_box.addItem(ring.name, ring.id)
        self.ring_box.setCurrentIndex(max(0, self.ring_box.findData(activity.ring)))
        form.addRow(_("&Ring"), self.ring_box)
        self.category_box = QComboBox()
        for category in plan.categories:
            self.category_box.addItem(swatch(category.color), category.name, category.id)
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(activity.category)))
        form.addRow(_("&Category"), self.category_box)

        kinds = QHBoxLayout()
        self.phase_button = QRadioButton(_("&Period"))
        self.deadline_button = QRadioButton(_("One &day"))
        self.unscheduled_button = QRadioButton(_("&No date yet"))
        self.kind_group = QButtonGroup(self)
        for button in (self.phase_button, self.deadline_button, self.unscheduled_button):
            self.kind_group.addButton(button)
            kinds.addWidget(button)
        {
            Kind.PHASE: self.phase_button,
            Kind.DEADLINE: self.deadline_button,
            Kind.UNSCHEDULED: self.unscheduled_button,
        }[activity.kind].setChecked(True)
        form.addRow(_("When"), kinds)

        first = activity.start or plan.start
        self.start_edit = self._date_edit(first)
        self.end_edit = self._date_edit(activity.end or first)
        form.addRow(_("&Start"), self.start_edit)
        form.addRow(_("&End"), self.end_edit)

        self.repeat_box = QComboBox()
        for label, _rule in PRESETS:
            self.repeat_box.addItem(_(label))
        self.rule_edit = QLineEdit(activity.rrule)
        self.rule_edit.setPlaceholderText("FREQ=MONTHLY;BYMONTHDAY=-1")
        self.rule_words = QLabel()
        self.rule_words.setWordWrap(True)
        self.rule_words.setStyleSheet("color: #6e6e73")
        preset = next(
            (i for i, (_label, rule) in enumerate(PRESETS) if rule == activity.rrule),
            len(PRESETS) - 1,
        )
        self.repeat_box.setCurrentIndex(preset)
        form.addRow(_("&Repeats"), self.repeat_box)
        form.addRow("", self.rule_edit)
        form.addRow("", self.rule_words)

        self.meeting_check = QCheckBox(
            _("A committee meeting: the agenda goes out {days} working days before").format(
                days=plan.agenda_days
            )
        )
        self.meeting_check.setChecked(activity.meeting)
        form.addRow("", self.meeting_check)
        self.owner_edit = QLineEdit(activity.owner)
        form.addRow(_("&Owner"), self.owner_edit)
        self.link_edit = QLineEdit(activity.link)
        self.link_edit.setPlaceholderText("https://…")
        form.addRow(_("&Link"), self.link_edit)
        self.description_edit = QPlainTextEdit(activity.description)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(90)
        form.addRow(_("&Description"), self.description_edit)

        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for signal in (
            self.title_edit.textChanged,
            self.rule_edit.textChanged,
            self.link_edit.textChanged,
            self.start_edit.edited,
            self.end_edit.edited,
            self.kind_group.buttonToggled,
            self.repeat_box.currentIndexChanged,
            self.ring_box.currentIndexChanged,
            self.category_box.currentIndexChanged,
        ):
            signal.connect(self._revalidate)
        self.resize(520, 620)
        self._revalidate()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def _date_edit(self, day: dt.date) -> DateField:
        return DateField(day, self.plan.start, self.plan.last_day)

    def rule(self) -> str:
        preset = PRESETS[self.repeat_box.currentIndex()][1]
        return self.rule_edit.text().strip() if preset is None else preset

    def activity(self) -> Activity:
        """The activity as the fields say (check it with ``problem()``)."""
        kind = (
            Kind.PHASE
            if self.phase_button.isChecked()
            else Kind.DEADLINE
            if self.deadline_button.isChecked()
            else Kind.UNSCHEDULED
        )
        start = pydate(self.start_edit.date()) if kind is not Kind.UNSCHEDULED else None
        end = pydate(self.end_edit.date()) if kind is Kind.PHASE else None
        rule = self.rule() if start is not None else ""
        return replace(
            self.original,
            title=self.title_edit.text().strip(),
            ring=self.ring_box.currentData(),
            category=self.category_box.currentData(),
            start=start,
            end=end,
            rrule=rule,
            exdates=self._exdates_kept(rule, start),
            meeting=self.meeting_check.isChecked(),
            owner=self.owner_edit.text().strip(),
            link=self.link_edit.text().strip(),
            description=self.description_edit.toPlainText().strip(),
        )

    def _exdates_kept(self, rule: str, start: dt.date | None) -> tuple[dt.date, ...]:
        """The series' left-out dates that are still dates of the rule as now typed
        (retyping a rule must not bring back an occurrence that was moved)."""
        if not rule or start is None or not self.original.exdates:
            return ()
        try:
            dates = set(recurrence.expand(rule, start, self.plan.start, self.plan.last_day))
        except recurrence.RecurrenceError:
            return ()
        return tuple(d for d in self.original.exdates if d in dates)

    def problems(self) -> list[str]:
        """Everything that keeps the fields from being saved, all at once."""
        found = []
        if not self.unscheduled_button.isChecked():
            found.append(self.start_edit.problem())
        if self.phase_button.isChecked():
            found.append(self.end_edit.problem())
        found = [p for p in found if p]
        if found:
            return found  # the rest speaks of the dates, which are not dates yet
        candidate = self.activity()
        locale = ui_locale()

        def say(day: dt.date) -> str:  # dates in words, as the language writes them
            return format_date(day, locale)

        try:
            check_activity(self.plan, candidate, say)
        except EditError as exc:
            found.append(str(exc))
        found += [m for _key, m in activity_problems(self.plan, candidate, say) if m not in found]
        if candidate.link and clean_link(candidate.link) is None:  # exactly what will open
            found.append(_("a link is a web or mail address without spaces (https://…, mailto:…)"))
        return found

    def problem(self) -> str:
        """Why the fields cannot be saved, a problem a line, or "" when they can."""
        return "\n".join(p[:1].upper() + p[1:] for p in self.problems())

    def _revalidate(self) -> None:
        dated = not self.unscheduled_button.isChecked()
        self.start_edit.setEnabled(dated)
        self.end_edit.setEnabled(self.phase_button.isChecked())
        self.repeat_box.setEnabled(dated)
        own_rule = PRESETS[self.repeat_box.currentIndex()][1] is None
        self.rule_edit.setVisible(own_rule and dated)
        if not own_rule:
            self.rule_edit.setText(self.rule())
        rule = self.rule()
        words = ""
        if rule and dated:
            words = recurrence.describe(rule, month_names(ui_locale()), weekday_names(ui_locale()))
        self.rule_words.setText(words)
        self.rule_words.setVisible(bool(words))
        problem = self.problem()
        self.error_label.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if not self.problem():
            super().accept()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.problem():
            return  # Enter does not close a dialog that says what is wrong
        super().keyPressEvent(event)
