"""Now and next: what is under way today and the coming deadlines."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from aarshjul import wording
from aarshjul.i18n import _
from aarshjul.model.agenda import now_and_next
from aarshjul.model.changes import Changes
from aarshjul.model.plan import Occurrence
from aarshjul.ui.formatting import format_date, format_short_date, ui_locale
from aarshjul.ui.legend import swatch
from aarshjul.ui.view_state import ViewState

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class UpcomingPanel(QListWidget):
    """Lists what is going on today and the next activities; a click selects one."""

    COUNT = 6

    def __init__(self, view: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("upcoming")
        self.setWordWrap(True)
        self.view = view
        self._shown: set[str] = set()  # the activities listed (a meeting for its agenda)
        self._until: dt.date | None = None  # the last "next" day, where the list is full
        self._rings_and_categories: tuple | None = None  # those hidden when it was listed
        view.document.changed.connect(self._plan_changed)
        view.filter_changed.connect(self._filter_changed)
        view.today_changed.connect(self.refresh)
        self.itemClicked.connect(self._clicked)
        self.refresh()

    @property
    def today(self) -> dt.date:
        return self.view.today()

    def _plan_changed(self, changes: Changes) -> None:
        """Listed anew where the change concerns an activity listed, or one that now
        is under way today or comes before the last one listed."""
        plan = self.view.document.plan
        if plan is None or changes.structure or changes.order or changes.touches(self._shown):
            self.refresh()
            return
        today, until = self.today, self._until
        for activity in plan.activities_with(changes.added | changes.changed):
            for o in plan.dated_occurrences_of(activity):  # its agenda dates too
                if o.end >= today and (o.start <= today or until is None or o.start <= until):
                    self.refresh()
                    return

    def _filter_changed(self) -> None:
        """Listed anew where rings or categories were hidden or shown: a search fades
        the wheel and narrows the list of activities, not what is under way."""
        if self._hidden() != self._rings_and_categories:
            self.refresh()

    def _hidden(self) -> tuple:
        return (self.view.filter.hidden_rings, self.view.filter.hidden_categories)

    def refresh(self) -> None:
        self._rings_and_categories = self._hidden()
        self.clear()
        self._shown.clear()
        self._until = None
        plan = self.view.document.plan
        if plan is None:
            return
        now, ahead = now_and_next(self.view.visible(), self.today, self.COUNT)
        for occ in (*now, *ahead):
            self._shown.add(occ.derived_from or occ.activity.id)
        if len(ahead) >= self.COUNT:
            self._until = ahead[-1].start
        if not plan.contains(self.today):
            sentence = (
                _("Today, {date}, is after this plan's year.")
                if self.today >= plan.end
                else _("Today, {date}, is before this plan's year.")
            )
            self._note(sentence.format(date=format_date(self.today, ui_locale())))
        if now:
            self._heading(_("Under way today"))
            for occ in now:
                self._row(
                    occ,
                    _("until {date}").format(date=format_short_date(occ.end, ui_locale()))
                    if occ.end
                    else "",
                )
        if ahead:
            self._heading(_("Next"))
            for occ in ahead:
                if occ.start is None:
                    continue
                days = (occ.start - self.today).days
                when = _("tomorrow") if days == 1 else _("in {n} days").format(n=days)
                self._row(occ, f"{format_short_date(occ.start, ui_locale())} · {when}")
        elif not plan.activities:  # (a new plan)
            self._note(_("No activities yet: add one with New Activity."))
        elif plan.contains(self.today) or self.today < plan.start:
            self._note(_("Nothing more this year."))

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def _note(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def _row(self, occ: Occurrence, when: str) -> None:
        plan = self.view.document.plan
        assert plan is not None
        item = QListWidgetItem(f"{wording.title(occ, _)}\n{when}")
        category = plan.category(occ.activity.category)
        if category:
            item.setIcon(swatch(category.color))
        item.setData(KEY_ROLE, (occ.activity.id, occ.index))
        self.addItem(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.view.select(tuple(key))
