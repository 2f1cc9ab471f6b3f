"""The list of every occurrence, sortable, in step with the wheel's selection."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from operator import attrgetter

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from aarshjul import wording
from aarshjul.i18n import N_, _
from aarshjul.model.plan import Occurrence
from aarshjul.ui.formatting import format_date, format_short_date, plain_tooltip, ui_locale
from aarshjul.ui.view_state import ViewState

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # (activity id, occurrence index)
COLUMNS = (N_("Dates"), N_("Title"), N_("Ring"), N_("Category"), N_("Owner"))
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
PAST = QBrush(QColor("#8e8e93"))  # the colour of what is over


_key: Callable[[Occurrence], tuple[str, int]] = attrgetter("activity.id", "index")
"""An occurrence's (activity id, index); attrgetter works it out in C, 30,000 times a reload."""


class OccurrenceTableModel(QAbstractTableModel):
    """The occurrences the view lists (shown and matching the search), in date order."""

    def __init__(self, view: ViewState, parent: QObject | None = None):
        super().__init__(parent)
        self.view = view
        self.rows: list[Occurrence] = []
        self._keys: list[tuple[str, int]] = []  # the rows' keys, in the same order
        self._cells: dict[tuple[int, int, int], object] = {}  # what data() worked out
        self._swatches: dict[str, QPixmap] = {}
        view.document.plan_changed.connect(self.reload)
        view.filter_changed.connect(self.reload)
        view.today_changed.connect(self._day_passed)
        self.reload()

    def _day_passed(self) -> None:
        """At midnight what ended yesterday turns grey."""
        if self.rows:
            last = self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def reload(self) -> None:
        """Follow the plan: rows are kept in the order of their keys (activity, index),
        so an edit inserts, removes or updates the rows it touched, and the sorting
        proxy moves just those; a change of most rows (a search) resets."""
        listed = self.view.listed()
        order = sorted(range(len(listed)), key=list(map(_key, listed)).__getitem__)
        new = [listed[i] for i in order]
        new_keys = list(map(_key, new))
        old, old_keys = self.rows, self._keys
        self._keys = new_keys
        gone, came = set(old_keys) - set(new_keys), set(new_keys) - set(old_keys)
        if not old or len(gone) + len(came) > max(50, len(new) // 10):
            self.beginResetModel()
            self.rows = new
            self._cells = {}
            self.endResetModel()
            return
        self._cells = {}  # rows move: the cells are worked out again as they are asked for
        for row in range(len(old) - 1, -1, -1):
            if old_keys[row] in gone:
                self.beginRemoveRows(NO_PARENT, row, row)
                del self.rows[row]
                self.endRemoveRows()
        for occurrence, key in zip(new, new_keys, strict=True):
            if key in came:
                row = bisect.bisect_left([_key(o) for o in self.rows], key)
                self.beginInsertRows(NO_PARENT, row, row)
                self.rows.insert(row, occurrence)
                self.endInsertRows()
        changed = [
            row
            for row, (a, b) in enumerate(zip(self.rows, new, strict=True))
            if a is not b and a != b
        ]
        self.rows = new
        last = len(COLUMNS) - 1
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def row_of(self, key: tuple[str, int]) -> int:
        return next((i for i, o in enumerate(self.rows) if (o.activity.id, o.index) == key), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        """A cell's text, sort key and the rest; texts and sort keys are worked out once
        per reload (the sorting proxy asks for each many times)."""
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            key = (index.row(), index.column(), int(role))
            cached = self._cells.get(key, self)
            if cached is self:
                cached = self._cells[key] = self._data(index, role)
            return cached
        return self._data(index, role)

    def _data(self, index: Index, role: int):
        occ = self.rows[index.row()]
        plan = self.view.document.plan
        if plan is None:
            return None
        column = index.column()
        if role == KEY_ROLE:
            return (occ.activity.id, occ.index)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                if occ.start is None or occ.end is None:
                    return _("No date yet")
                first = format_short_date(occ.start, ui_locale())
                return (
                    first
                    if occ.start == occ.end
                    else (f"{first} – {format_short_date(occ.end, ui_locale())}")
                )
            if column == 1:
                return wording.title(occ, _)  # the panels speak the program's language
            if column == 2:
                ring = plan.ring(occ.activity.ring)
                return ring.name if ring else occ.activity.ring
            if column == 3:
                category = plan.category(occ.activity.category)
                return category.name if category else occ.activity.category
            return occ.activity.owner
        if role == SORT_ROLE:
            if column == 0:  # date order as the plan's (longer first), undated last in plan order
                if occ.start is None:
                    order = next(
                        (k for k, a in enumerate(plan.activities) if a.id == occ.activity.id), 0
                    )
                    return f"~{order:06d}"
                title = occ.activity.title.casefold()
                return f"{occ.start.isoformat()} {99999 - occ.days:05d} {title}"
            return str(self.data(index)).casefold()
        if role == Qt.ItemDataRole.DecorationRole and column == 3:
            category = plan.category(occ.activity.category)
            return self._swatch(category.color) if category else None
        if role == Qt.ItemDataRole.ForegroundRole:  # what is over is grey
            over = occ.end is not None and occ.end < self.view.today()
            return PAST if over else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            locale = ui_locale()
            text = wording.description(occ, _, lambda d: format_date(d, locale))
            return plain_tooltip(text) if text else None
        return None

    def _swatch(self, color: str) -> QPixmap:
        if color not in self._swatches:
            pixmap = QPixmap(10, 10)
            pixmap.fill(QColor(color))
            self._swatches[color] = pixmap
        return self._swatches[color]


class ActivityList(QTableView):
    """A sortable table of occurrences; selecting a row selects it on the wheel."""

    def __init__(self, view: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("activityList")
        self.view = view
        self.source = OccurrenceTableModel(view, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(0, 130)
        self.setColumnWidth(1, 300)
        self.setColumnWidth(2, 150)
        self.setColumnWidth(3, 150)
        self._syncing = False
        self.selectionModel().selectionChanged.connect(self._selected_in_table)
        view.selection_changed.connect(self._selected_elsewhere)
        self.source.modelReset.connect(self._selected_elsewhere)

    def _selected_in_table(self) -> None:
        if self._syncing:
            return
        rows = self.selectionModel().selectedRows()
        key = rows[0].data(KEY_ROLE) if rows else None
        self.view.select(tuple(key) if key else None)

    def _selected_elsewhere(self) -> None:
        key = self.view.selection
        row = self.source.row_of(key) if key else -1
        self._syncing = True
        try:
            if row < 0:
                self.clearSelection()
                return
            index = self.proxy.mapFromSource(self.source.index(row, 0))
            self.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.scrollTo(index)
        finally:
            self._syncing = False
