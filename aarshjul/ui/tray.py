"""The tray of activities without a date, beside the wheel.

Drag one onto the wheel to give it the date and ring where it is dropped;
drag an activity from the wheel here to take its date away.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from aarshjul.i18n import _
from aarshjul.model.changes import Changes
from aarshjul.ui.activity_list import edit_key
from aarshjul.ui.formatting import plain_tooltip
from aarshjul.ui.legend import swatch
from aarshjul.ui.view_state import ViewState
from aarshjul.ui.wheel_widget import ACTIVITY_MIME

ID_ROLE = Qt.ItemDataRole.UserRole


class UnscheduledTray(QListWidget):
    """Activities without a date; a click selects, a drag schedules."""

    edit_requested = Signal()  # a double click, or Enter, on one
    delete_requested = Signal()  # Delete on one
    menu_requested = Signal(object)  # a right click: where (global), what is there selected

    def __init__(self, view: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unscheduledList")
        self.setWordWrap(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setToolTip(
            _(
                "Drag an activity onto the wheel to give it a date; drag one from "
                "the wheel here to take its date away."
            )
        )
        self.view = view
        self._ids: list[str] = []  # the activities listed, in order
        self.itemClicked.connect(self._clicked)
        self.itemDoubleClicked.connect(lambda _item: self.edit_requested.emit())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_here)
        view.document.changed.connect(self._plan_changed)
        self.refresh()

    def _plan_changed(self, changes: Changes) -> None:
        """Listed anew where the change concerns an activity listed, or one that is now
        without a date, or the categories' colours."""
        plan = self.view.document.plan
        if (
            changes.structure
            or changes.order
            or changes.touches(self.ids())
            or plan is None
            or any(a.start is None for a in plan.activities_with(changes.added | changes.changed))
        ):
            self.refresh()

    def refresh(self) -> None:
        self.clear()
        self._ids = []
        plan = self.view.document.plan
        if plan is None:
            return
        for activity in plan.activities:
            if activity.start is not None:
                continue
            row = QListWidgetItem(activity.title)
            row.setData(ID_ROLE, activity.id)
            row.setToolTip(plain_tooltip(activity.description) if activity.description else "")
            category = plan.category(activity.category)
            if category:
                row.setIcon(swatch(category.color))
            self.addItem(row)
            self._ids.append(activity.id)

    def ids(self) -> list[str]:
        """The ids listed (remembered when the list is filled: asked after every edit)."""
        return list(self._ids)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.view.select((item.data(ID_ROLE), 0))

    def _menu_here(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        self.view.select((item.data(ID_ROLE), 0) if item is not None else None)
        self.menu_requested.emit(self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not edit_key(self, event):
            super().keyPressEvent(event)

    def mime_for(self, activity_id: str) -> QMimeData:
        data = QMimeData()
        data.setData(ACTIVITY_MIME, activity_id.encode())
        data.setText(activity_id)
        return data

    def startDrag(self, supported_actions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mime_for(item.data(ID_ROLE)))
        drag.exec(Qt.DropAction.MoveAction)
