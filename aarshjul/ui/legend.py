"""The legend: rings and categories, each with a box that shows or hides it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from aarshjul.i18n import _
from aarshjul.model.changes import Changes
from aarshjul.ui.view_state import ViewState

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "ring" or "category"
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class Legend(QTreeWidget):
    """Ticking a box off hides that ring or category on the wheel and in the list."""

    def __init__(self, view: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legend")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.view = view
        self._building = False
        self.itemChanged.connect(self._toggled)
        view.document.changed.connect(self._plan_changed)
        view.filter_changed.connect(self._sync_checks)
        self.rebuild()

    def _plan_changed(self, changes: Changes) -> None:
        if changes.rings or changes.categories or changes.replaced:
            self.rebuild()

    def rebuild(self) -> None:
        self._building = True
        try:
            self.clear()
            plan = self.view.document.plan
            if plan is None:
                return
            rings = QTreeWidgetItem(self, [_("Rings")])
            for ring in plan.rings:
                self._entry(rings, "ring", ring.id, ring.name, None)
            categories = QTreeWidgetItem(self, [_("Categories")])
            for category in plan.categories:
                self._entry(categories, "category", category.id, category.name, category.color)
            for group in (rings, categories):
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
            self.expandAll()
        finally:
            self._building = False
        self._sync_checks()

    def _entry(
        self, parent: QTreeWidgetItem, kind: str, item_id: str, name: str, color: str | None
    ) -> None:
        item = QTreeWidgetItem(parent, [name])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, item_id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked)
        if color:
            item.setIcon(0, swatch(color))

    def entries(self) -> list[QTreeWidgetItem]:
        groups = [self.topLevelItem(g) for g in range(self.topLevelItemCount())]
        children = [g.child(i) for g in groups if g is not None for i in range(g.childCount())]
        return [c for c in children if c is not None]

    def entry(self, kind: str, item_id: str) -> QTreeWidgetItem | None:
        return next(
            (
                e
                for e in self.entries()
                if e.data(0, KIND_ROLE) == kind and e.data(0, ID_ROLE) == item_id
            ),
            None,
        )

    def _sync_checks(self) -> None:
        self._building = True
        try:
            hidden = {
                "ring": self.view.filter.hidden_rings,
                "category": self.view.filter.hidden_categories,
            }
            for entry in self.entries():
                shown = entry.data(0, ID_ROLE) not in hidden[entry.data(0, KIND_ROLE)]
                entry.setCheckState(0, Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
        finally:
            self._building = False

    def _toggled(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._building or item.data(0, KIND_ROLE) is None:
            return
        shown = item.checkState(0) == Qt.CheckState.Checked
        if item.data(0, KIND_ROLE) == "ring":
            self.view.set_ring_shown(item.data(0, ID_ROLE), shown)
        else:
            self.view.set_category_shown(item.data(0, ID_ROLE), shown)
