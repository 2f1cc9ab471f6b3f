"""The list of every occurrence, sortable, in step with the wheel's selection."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from aarshjul import wording
from aarshjul.i18n import N_, _
from aarshjul.model.changes import Changes
from aarshjul.model.filters import Filter
from aarshjul.model.plan import Activity, AnyOccurrence, Plan, Undated
from aarshjul.ui.formatting import format_date, format_short_date, plain_tooltip, ui_locale
from aarshjul.ui.view_state import ViewState

if TYPE_CHECKING:
    from aarshjul.ui.tray import UnscheduledTray

KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # (activity id, occurrence index)
COLUMNS = (N_("Dates"), N_("Title"), N_("Ring"), N_("Category"), N_("Owner"))
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
PAST = QBrush(QColor("#8e8e93"))  # the colour of what is over


WHOLE_NARROWED_FROM = 4  # a search's rows are taken from every shown row where they
# are at least this share of them (a quarter); fewer are sorted: sorting a row costs
# about four times a look at one (1.5 against 0.4 µs at 50,000 rows)

_key: Callable[[AnyOccurrence], tuple[str, int]] = attrgetter("activity.id", "index")
"""An occurrence's (activity id, index); attrgetter works it out in C, 30,000 times a reload."""


def _after(keys: list, key: object, descending: bool) -> int:
    """Where ``key`` goes in ``keys``, sorted ascending or ``descending``."""
    lo, hi = 0, len(keys)
    while lo < hi:
        mid = (lo + hi) // 2
        if (keys[mid] > key) if descending else (keys[mid] < key):
            lo = mid + 1
        else:
            hi = mid
    return lo


def _listed_of(plan: Plan, activity: Activity) -> list[AnyOccurrence]:
    """An activity's rows: its dated occurrences and agenda dates, or its Undated."""
    dated: list[AnyOccurrence] = list(plan.dated_occurrences_of(activity))
    return dated or plan.occurrences_of(activity)


class _Whole(NamedTuple):
    """Every shown row of a plan, sorted, kept while a search lists some of them."""

    plan: Plan
    hidden: tuple[frozenset[str], frozenset[str]]  # the rings and categories hidden
    sort: tuple[int, bool]  # the column sorted by, and whether descending
    rows: list[AnyOccurrence]
    order: list[tuple[object, tuple[str, int]]]


class OccurrenceTableModel(QAbstractTableModel):
    """The occurrences the view lists (shown and matching the search), in the order
    of the column the table is sorted by.

    The model sorts itself (:meth:`sort`): a sorting proxy asks Python for a cell's
    sort key on every comparison, about 120,000 times for 30,000 rows, where one key
    per row does. An edit inserts, removes, moves or updates just the rows it
    touched; a change of most rows (a search) resets.
    """

    rows_changed = Signal()  # rows came, went or moved (not on a reset)

    def __init__(self, view: ViewState, parent: QObject | None = None):
        super().__init__(parent)
        self.view = view
        self.rows: list[AnyOccurrence] = []
        self._order: list[tuple[object, tuple[str, int]]] = []  # each row's sort key
        self._column, self._descending = 0, False
        self._cells: dict[tuple[int, int], object] = {}  # texts data() worked out
        self._swatches: dict[str, QPixmap] = {}
        self._plan: Plan | None = None  # the plan whose occurrences the rows are
        self._made_for: Filter | None = None  # the filter the rows were listed for
        self._whole: _Whole | None = None  # every shown row, while a search is on
        view.document.changed.connect(self._plan_changed)
        view.filter_changed.connect(self.reload)
        view.today_changed.connect(self._day_passed)
        self.reload()

    def _plan_changed(self, changes: Changes) -> None:
        if not changes:
            return
        if changes.replaced:
            # (a plan opened resets the view, and the list with it: listed for it already)
            if self._plan is not self.view.document.plan:
                self._reset()
                self._plan = self.view.document.plan
            return
        if (changes.added or changes.removed) and self._column == 0 and self.rows:
            # rows without a date sort by their place in the plan, and places moved
            self._order = self._sort_keys(self.rows)
        if changes.added or changes.removed or changes.order or changes.structure:
            self.reload()
        else:
            self._follow_activities(changes.changed)
            self._made_for = self.view.filter
        if changes.structure or changes.order:
            # names of rings and categories are in cells and sort keys, and the
            # activities' order sorts the undated: keys and texts anew
            order = (
                Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
            )
            self.sort(self._column, order)

    def _day_passed(self) -> None:
        """At midnight what ended yesterday turns grey."""
        if self.rows:
            last = self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def _sort_keys(self, occurrences: list[AnyOccurrence]) -> list[tuple[object, tuple[str, int]]]:
        """Each occurrence's key in the sorted column, its (activity, index) breaking ties.
        Dates sort as the plan's order (the longer first), the undated last in plan order."""
        plan = self.view.document.plan
        column = self._column
        if column == 0:
            # a dated occurrence's key is its place in date order, worked out once per
            # occurrence (``Occurrence.order``); the first item keeps the undated last
            place_of = plan.place_of if plan is not None else (lambda _id: 0)
            return [
                (
                    (1, place_of(o.activity.id) or 0) if isinstance(o, Undated) else (0, o.order),
                    _key(o),
                )
                for o in occurrences
            ]
        return [(str(self._text(o, column)).casefold(), _key(o)) for o in occurrences]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column``; selected rows stay selected."""
        self.layoutAboutToBeChanged.emit()
        self._column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        before = self.persistentIndexList()
        where = {_key(self.rows[i.row()]): i.row() for i in before if i.isValid()}
        self._set_rows(self.rows)
        row_of = {_key(o): row for row, o in enumerate(self.rows)}
        old_rows = {row: row_of[key] for key, row in where.items()}
        self.changePersistentIndexList(
            before,
            [self.index(old_rows[i.row()], i.column()) if i.isValid() else i for i in before],
        )
        self.layoutChanged.emit()

    def _set_rows(self, occurrences: list[AnyOccurrence]) -> None:
        pairs = sorted(
            zip(self._sort_keys(occurrences), occurrences, strict=True),
            key=itemgetter(0),
            reverse=self._descending,
        )
        self._order = [k for k, _o in pairs]
        self.rows = [o for _k, o in pairs]
        self._cells = {}

    def reload(self) -> None:
        """Follow the plan and the search: insert, remove, move or update the rows
        that changed; reset where most did."""
        new = self.view.listed()
        plan = self.view.document.plan
        if self._from_whole(plan, new):
            return
        # an edit keeps the occurrences it did not touch, the same objects: only the
        # rest are looked at by key
        kept = set(map(id, self.rows)).intersection(map(id, new))
        same_plan, self._plan = self._plan is plan, plan
        if len(self.rows) + len(new) - 2 * len(kept) > 2 * max(50, len(new) // 10):
            # most rows came or went (a search): no need to pair them up
            if same_plan and len(kept) == len(new):
                self._narrow(kept)  # a search a letter longer: only rows went
            else:
                self._reset()
            return
        old_rows = {_key(o): o for o in self.rows if id(o) not in kept}
        new_rows = {_key(o): o for o in new if id(o) not in kept}
        self._follow(old_rows, new_rows, kept, len(new))

    def _from_whole(self, plan: Plan | None, new: list[AnyOccurrence]) -> bool:
        """Where only the search changed: the rows ``new`` taken from every shown row
        of the plan, sorted as they are, and kept from when the search began (not
        sorted again, nor their keys worked out again). Whether it was done."""
        flt, made_for = self.view.filter, self._made_for
        self._made_for = flt
        hidden = (flt.hidden_rings, flt.hidden_categories)
        sort = (self._column, self._descending)
        if plan is None or plan is not self._plan or made_for is None:
            self._whole = None
            return False
        if not made_for.words and (made_for.hidden_rings, made_for.hidden_categories) == hidden:
            if not flt.words:
                return False  # (no search before or now: an edit, or nothing changed)
            # a search begins: the rows are every shown row (copies: while the search
            # is on, an edit changes the rows in place)
            self._whole = _Whole(plan, hidden, sort, list(self.rows), list(self._order))
        elif flt.narrows(made_for):
            return False  # a search a letter longer: from the fewer rows shown
        whole = self._whole
        if whole is None or whole.plan is not plan or (whole.hidden, whole.sort) != (hidden, sort):
            self._whole = None
            return False
        if not flt.words:  # the search cleared: every row, as kept
            self._whole = None
            self._show(whole.rows, whole.order)
            return True
        if len(new) * WHOLE_NARROWED_FROM < len(whole.rows):
            self._reset()  # few rows: sorting them costs less than a look at every row
            return True
        listed = set(map(id, new))
        flags = list(map(listed.__contains__, map(id, whole.rows)))
        if sum(flags) != len(new):  # (never: the search lists shown rows alone)
            self._whole = None
            return False
        self._show(
            list(itertools.compress(whole.rows, flags)),
            list(itertools.compress(whole.order, flags)),
        )
        return True

    def _show(self, rows: list[AnyOccurrence], order: list[tuple[object, tuple[str, int]]]) -> None:
        """Reset to ``rows``, sorted already, with their sort keys ``order``."""
        self.beginResetModel()
        self.rows, self._order = rows, order
        self._cells = {}
        self.endResetModel()

    def _narrow(self, kept: set[int]) -> None:
        """Reset to the rows of ``kept`` (by id) alone, in their order: of the same
        plan, each keeps its sort key, so they are not sorted again."""
        flags = list(map(kept.__contains__, map(id, self.rows)))
        self._show(
            list(itertools.compress(self.rows, flags)), list(itertools.compress(self._order, flags))
        )

    def _reset(self) -> None:
        self.beginResetModel()
        self._set_rows(self.view.listed())
        self.endResetModel()
        self._made_for = self.view.filter

    def _follow_activities(self, ids: frozenset[str]) -> None:
        """Follow a change of the activities ``ids`` alone (none came or went): only
        their rows, and the rows of their agenda dates, are looked at."""
        plan = self.view.document.plan
        if plan is None:
            return
        flt = self.view.filter
        matched = flt.matched_ids(plan)
        new_rows: dict[tuple[str, int], AnyOccurrence] = {}
        for activity in plan.activities_with(ids):
            if not flt.shows(activity) or (matched is not None and activity.id not in matched):
                continue
            for occ in _listed_of(plan, activity):
                new_rows[_key(occ)] = occ
        old_rows = self._rows_of(ids)
        kept = {id(o) for o in old_rows.values()}.intersection(map(id, new_rows.values()))
        for key in [k for k, o in old_rows.items() if id(o) in kept]:
            del old_rows[key], new_rows[key]
        self._plan = plan
        self._follow(old_rows, new_rows, kept, len(self.rows))

    def _rows_of(self, ids: frozenset[str]) -> dict[tuple[str, int], AnyOccurrence]:
        """The rows of the activities ``ids`` and of their agenda dates: found from
        the plan the rows were made from (its occurrences are the rows' objects), not
        by looking at every row."""
        before = self._plan
        if before is None:
            return {_key(o): o for o in self.rows if (o.derived_from or o.activity.id) in ids}
        listed: set[int] | None = None  # every row, where one is not where its key says
        found: dict[tuple[str, int], AnyOccurrence] = {}
        for activity in before.activities_with(ids):
            for occ in _listed_of(before, activity):
                if self._row_by_key(occ) is None:
                    if listed is None:
                        listed = set(map(id, self.rows))
                    if id(occ) not in listed:
                        continue  # not listed (a search, a hidden ring)
                found[_key(occ)] = occ
        return found

    def _row_by_key(self, occurrence: AnyOccurrence) -> int | None:
        """The row of ``occurrence`` (this very object), found where its sort key puts
        it; None where it is not there."""
        row = _after(self._order, self._sort_keys([occurrence])[0], self._descending)
        return row if row < len(self.rows) and self.rows[row] is occurrence else None

    def _follow(
        self,
        old_rows: dict[tuple[str, int], AnyOccurrence],
        new_rows: dict[tuple[str, int], AnyOccurrence],
        kept: set[int],
        count: int,
    ) -> None:
        """Rows from ``old_rows`` to ``new_rows`` (the rest, ``kept``, stay as they are):
        removed, moved, inserted or renewed; the whole list anew where most of its
        ``count`` rows changed."""
        gone = old_rows.keys() - new_rows.keys()
        came = new_rows.keys() - old_rows.keys()
        differ = [k for k, o in new_rows.items() if k in old_rows and old_rows[k] is not o]
        changed = [k for k in differ if old_rows[k] != new_rows[k]]  # may move: out and in
        renewed = set(differ).difference(changed)  # equal, but of the new plan
        if not self.rows or len(gone) + len(came) + len(changed) > max(50, count // 10):
            self._reset()
            return
        self._cells = {}  # rows move: their texts are worked out again when asked for
        leaving = {id(old_rows[k]) for k in gone}
        going = [r for r, o in enumerate(self.rows) if id(o) in leaving] if leaving else []
        for row in going[::-1]:
            self.beginRemoveRows(NO_PARENT, row, row)
            del self.rows[row], self._order[row]
            self.endRemoveRows()
        last = len(COLUMNS) - 1
        moving = [new_rows[k] for k in changed]
        for key, occurrence, order in zip(changed, moving, self._sort_keys(moving), strict=True):
            # moved, not removed and inserted, so that a selected row stays selected;
            # found where its key says, else by identity
            row = self._row_by_key(old_rows[key])
            if row is None:
                row = next(r for r, o in enumerate(self.rows) if o is old_rows[key])
            rest = self._order[:row] + self._order[row + 1 :]
            target = _after(rest, order, self._descending)
            if target != row:
                self.beginMoveRows(NO_PARENT, row, row, NO_PARENT, target + (target > row))
            del self.rows[row]
            self.rows.insert(target, occurrence)
            rest.insert(target, order)
            self._order = rest
            if target != row:
                self.endMoveRows()
            self.dataChanged.emit(self.index(target, 0), self.index(target, last))
        arriving = [new_rows[k] for k in came]
        for order, occurrence in zip(self._sort_keys(arriving), arriving, strict=True):
            row = _after(self._order, order, self._descending)
            self.beginInsertRows(NO_PARENT, row, row)
            self.rows.insert(row, occurrence)
            self._order.insert(row, order)
            self.endInsertRows()
        if renewed:
            for row, occurrence in enumerate(self.rows):
                if id(occurrence) not in kept and (key := _key(occurrence)) in renewed:
                    self.rows[row] = new_rows[key]
        if gone or came or changed:
            self.rows_changed.emit()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def row_of(self, key: tuple[str, int]) -> int:
        """The row of the occurrence ``key`` (activity id, index), or -1: found where
        its sort key puts it, else by looking at each row."""
        plan = self._plan
        activity = plan.activity(key[0]) if plan is not None else None
        if plan is not None and activity is not None:
            occurrence = next((o for o in plan.occurrences_of(activity) if o.index == key[1]), None)
            if occurrence is not None:
                row = _after(self._order, self._sort_keys([occurrence])[0], self._descending)
                if row < len(self.rows) and _key(self.rows[row]) == key:
                    return row
        return next((i for i, o in enumerate(self.rows) if _key(o) == key), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        """A cell's text and the rest; texts are worked out once per change."""
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), index.column())
            cached = self._cells.get(key, self)
            if cached is self:
                cached = self._cells[key] = self._text(self.rows[index.row()], index.column())
            return cached
        return self._data(index, role)

    def _text(self, occ: AnyOccurrence, column: int) -> str:
        """What a cell says."""
        plan = self.view.document.plan
        if column == 0:
            if occ.start is None or occ.end is None:
                return _("No date yet")
            first = format_short_date(occ.start, ui_locale())
            if occ.start == occ.end:
                return first
            return f"{first} – {format_short_date(occ.end, ui_locale())}"
        if column == 1:
            return wording.title(occ, _)  # the panels speak the program's language
        if column == 2:
            ring = plan.ring(occ.activity.ring) if plan else None
            return ring.name if ring else occ.activity.ring
        if column == 3:
            category = plan.category(occ.activity.category) if plan else None
            return category.name if category else occ.activity.category
        return occ.activity.owner

    def _data(self, index: Index, role: int):
        occ = self.rows[index.row()]
        plan = self.view.document.plan
        if plan is None:
            return None
        column = index.column()
        if role == KEY_ROLE:
            return (occ.activity.id, occ.index)
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


def edit_key(listing: ActivityList | UnscheduledTray, event: QKeyEvent) -> bool:
    """Enter edits the selected activity, Delete deletes it, as on the wheel;
    whether the key was one of those (with an activity selected)."""
    key, selected = event.key(), listing.view.selection is not None
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected:
        listing.edit_requested.emit()
    elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and selected:
        listing.delete_requested.emit()
    else:
        return False
    return True


class ActivityList(QTableView):
    """A sortable table of occurrences; selecting a row selects it on the wheel."""

    edit_requested = Signal()  # a double click, or Enter, on a row
    delete_requested = Signal()  # Delete on a row
    menu_requested = Signal(object)  # a right click: where (global), its row selected

    def __init__(self, view: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("activityList")
        self.view = view
        self.source = OccurrenceTableModel(view, self)
        self.setModel(self.source)
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
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_here)
        self.doubleClicked.connect(lambda _index: self.edit_requested.emit())
        self.selectionModel().selectionChanged.connect(self._selected_in_table)
        view.selection_changed.connect(self._selected_elsewhere)
        self.source.modelReset.connect(self._selected_elsewhere)
        self.source.rows_changed.connect(self._selected_elsewhere)

    def _menu_here(self, pos: QPoint) -> None:
        """A right click selects the row under it (none off the rows) and asks for the
        menu of the selection."""
        index = self.indexAt(pos)
        if not index.isValid():
            self.clearSelection()
        self.menu_requested.emit(self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not edit_key(self, event):
            super().keyPressEvent(event)

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
            index = self.source.index(row, 0)
            self.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.scrollTo(index)
        finally:
            self._syncing = False
