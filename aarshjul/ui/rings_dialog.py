"""Rings and categories: add, rename, recolour, reorder and delete, each undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aarshjul.i18n import _
from aarshjul.model import Category, edits
from aarshjul.model.changes import Changes
from aarshjul.ui.editing import EditController
from aarshjul.ui.legend import swatch

ID_ROLE = Qt.ItemDataRole.UserRole
PALETTE = ("#56b4e9", "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#f0e442", "#999999")


class RingsDialog(QDialog):
    """Manages the plan's rings and categories through the edit controller."""

    def __init__(self, controller: EditController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ringsDialog")
        self.setWindowTitle(_("Rings and categories"))
        self.controller = controller
        self.document = controller.document
        self.rings = QListWidget()
        self.rings.setObjectName("ringList")
        self.categories = QListWidget()
        self.categories.setObjectName("categoryList")
        layout = QVBoxLayout(self)
        for title, widget, kind in (
            (_("Rings, outside in"), self.rings, "ring"),
            (_("Categories"), self.categories, "category"),
        ):
            box = QGroupBox(title)
            grid = QGridLayout(box)
            grid.addWidget(widget, 0, 0, 6, 1)
            buttons = [
                (_("&Add…"), lambda _c=False, k=kind: self.add(k)),
                (_("Re&name…"), lambda _c=False, k=kind: self.rename(k)),
                (_("&Up"), lambda _c=False, k=kind: self.shift(k, -1)),
                (_("Do&wn"), lambda _c=False, k=kind: self.shift(k, 1)),
                (_("&Delete…"), lambda _c=False, k=kind: self.delete(k)),
            ]
            if kind == "category":
                buttons.insert(2, (_("&Colour…"), lambda _c=False, k=kind: self.recolour()))
            for row, (text, slot) in enumerate(buttons):
                button = QPushButton(text)
                button.clicked.connect(slot)
                grid.addWidget(button, row, 1)
            layout.addWidget(box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.document.changed.connect(self._plan_changed)
        self.refresh()
        self.resize(460, 560)

    def _plan_changed(self, changes: Changes) -> None:
        if changes.rings or changes.categories or changes.replaced:
            self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan
        for widget, items in (
            (self.rings, plan.rings if plan else []),
            (self.categories, plan.categories if plan else []),
        ):
            current = widget.currentItem().data(ID_ROLE) if widget.currentItem() else None
            widget.clear()
            for item in items:
                row = QListWidgetItem(item.name)
                row.setData(ID_ROLE, item.id)
                if isinstance(item, Category):
                    row.setIcon(swatch(item.color))
                widget.addItem(row)
                if item.id == current:
                    widget.setCurrentItem(row)

    def _current(self, kind: str) -> str | None:
        widget = self.rings if kind == "ring" else self.categories
        item = widget.currentItem()
        return item.data(ID_ROLE) if item else None

    def add(self, kind: str) -> None:
        label = _("Name of the new ring") if kind == "ring" else _("Name of the new category")
        name, ok = QInputDialog.getText(self, _("Add"), label)
        if not ok or not name.strip():
            return
        if kind == "ring":
            self.controller.apply(
                _("Add ring {name}").format(name=name), lambda p: edits.add_ring(p, name)[0]
            )
        else:
            plan = self.document.plan
            color = PALETTE[len(plan.categories) % len(PALETTE)] if plan else PALETTE[0]
            self.controller.apply(
                _("Add category {name}").format(name=name),
                lambda p: edits.add_category(p, name, color)[0],
            )

    def rename(self, kind: str) -> None:
        item_id = self._current(kind)
        plan = self.document.plan
        if item_id is None or plan is None:
            return
        found = plan.ring(item_id) if kind == "ring" else plan.category(item_id)
        if found is None:
            return
        old = found.name
        name, ok = QInputDialog.getText(self, _("Rename"), _("New name"), text=old)
        if not ok or name.strip() == old:
            return
        if kind == "ring":
            change = lambda p: edits.rename_ring(p, item_id, name)  # noqa: E731
        else:
            change = lambda p: edits.update_category(p, item_id, name=name)  # noqa: E731
        self.controller.apply(_("Rename {old} to {new}").format(old=old, new=name), change)

    def recolour(self) -> None:
        item_id = self._current("category")
        plan = self.document.plan
        if item_id is None or plan is None:
            return
        category = plan.category(item_id)
        if category is None:
            return
        color = QColorDialog.getColor(
            QColor(category.color), self, _("Colour of {name}").format(name=category.name)
        )
        if not color.isValid():
            return
        self.controller.apply(
            _("Recolour {name}").format(name=category.name),
            lambda p: edits.update_category(p, item_id, color=color.name()),
        )

    def shift(self, kind: str, by: int) -> None:
        item_id = self._current(kind)
        if item_id is None:
            return
        if kind == "ring":
            self.controller.apply(_("Move ring"), lambda p: edits.move_ring(p, item_id, by))
        else:
            self.controller.apply(_("Move category"), lambda p: edits.move_category(p, item_id, by))

    def delete(self, kind: str) -> None:
        item_id = self._current(kind)
        plan = self.document.plan
        if item_id is None or plan is None:
            return
        items = plan.rings if kind == "ring" else plan.categories
        name = next(i.name for i in items if i.id == item_id)
        used = [a for a in plan.activities if (a.ring if kind == "ring" else a.category) == item_id]
        move_to = None
        if used:
            others = [i for i in items if i.id != item_id]
            if not others:
                self.controller.refused.emit(
                    _("a plan needs at least one ring")
                    if kind == "ring"
                    else _("a plan needs at least one category")
                )
                return
            choice, ok = QInputDialog.getItem(
                self,
                _("Delete {name}").format(name=name),
                _("{n} activities belong to {name}. Move them to:").format(n=len(used), name=name),
                [i.name for i in others],
                0,
                False,
            )
            if not ok:
                return
            move_to = next(i.id for i in others if i.name == choice)
        if kind == "ring":
            change = lambda p: edits.remove_ring(p, item_id, move_to)  # noqa: E731
        else:
            change = lambda p: edits.remove_category(p, item_id, move_to)  # noqa: E731
        self.controller.apply(_("Delete {name}").format(name=name), change)
