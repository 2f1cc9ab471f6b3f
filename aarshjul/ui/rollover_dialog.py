"""File › New year from this plan…: which year, and what comes along."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from aarshjul.i18n import _
from aarshjul.model.plan import Plan
from aarshjul.model.rollover import rollover_years


class RolloverDialog(QDialog):
    def __init__(self, plan: Plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rolloverDialog")
        self.setWindowTitle(_("New year from this plan"))
        form = QFormLayout(self)
        explanation = QLabel(
            _(
                "Phases and deadlines keep their month and day, meetings their weekday in the "
                "same week, and recurring activities carry on. The new plan is saved as a file "
                "of its own and opened."
            )
        )
        explanation.setWordWrap(True)
        form.addRow(explanation)
        self.year_box = QSpinBox()
        years = rollover_years(plan)
        self.year_box.setRange(years[0], years[-1])
        self.year_box.setValue(plan.start.year + 1)
        form.addRow(_("The new wheel starts in"), self.year_box)
        waiting = sum(1 for a in plan.activities if a.start is None)
        self.keep_box = QCheckBox(_("Bring the {n} activities without a date").format(n=waiting))
        self.keep_box.setChecked(True)
        self.keep_box.setEnabled(waiting > 0)
        form.addRow(self.keep_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def year(self) -> int:
        return self.year_box.value()

    def keep_unscheduled(self) -> bool:
        return self.keep_box.isChecked()
