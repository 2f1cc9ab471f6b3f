"""The open plan: one document object that every view listens to.

Edits go through commands on its ``undo_stack``; "modified" is simply
"the undo stack is not clean".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from aarshjul.model import Plan, load_plan, save_plan


class PlanDocument(QObject):
    """A plan, the file it came from, and the undo stack of its edits."""

    plan_replaced = Signal()  # a different plan was opened
    plan_changed = Signal()  # the plan's content changed (an edit, undo or redo)
    path_changed = Signal()
    modified_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._plan: Plan | None = None
        self._path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._index_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def _index_changed(self, _index: int) -> None:
        self.plan_changed.emit()

    @property
    def plan(self) -> Plan | None:
        return self._plan

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def open(self, path: str | Path) -> None:
        """Load the plan at ``path``; raises PlanError and keeps the current plan if it fails."""
        plan = load_plan(path)
        self.set_plan(plan, Path(path))

    def set_plan(self, plan: Plan, path: Path | None) -> None:
        self._plan = plan
        self.undo_stack.clear()
        self._set_path(path)
        self.plan_replaced.emit()
        self.plan_changed.emit()
        self.modified_changed.emit(False)

    def apply(self, text: str, new_plan: Plan, merge_key: object = None) -> None:
        """Make ``new_plan`` the plan through an undoable command named ``text``.

        Commands with the same ``merge_key`` in a row become one undo step (a
        run of arrow-key nudges, say).
        """
        if self._plan is None:
            return
        index = self.undo_stack.index()
        self.undo_stack.push(PlanEdit(self, text, self._plan, new_plan, merge_key))
        if self.undo_stack.index() == index:  # merged into the last command: no signal came
            self.plan_changed.emit()

    def _replace(self, plan: Plan) -> None:
        """Only for PlanEdit: set the plan without touching the undo stack."""
        self._plan = plan

    def save(self, path: str | Path | None = None) -> None:
        """Save atomically to ``path`` (or where the plan came from); raises OSError."""
        if self._plan is None:
            return
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("no file to save to")
        save_plan(self._plan, target)
        self._set_path(target)
        self.undo_stack.setClean()

    def _set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit()


class PlanEdit(QUndoCommand):
    """One change of the plan: the plan before and after it.

    Edits return new plans that share unchanged activities (model/edits.py), so
    keeping both costs little, and undo is exact by construction.
    """

    MERGE_ID = 1

    def __init__(
        self, document: PlanDocument, text: str, before: Plan, after: Plan, merge_key: object = None
    ):
        super().__init__(text)
        self.document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def redo(self) -> None:
        self.document._replace(self.after)

    def undo(self) -> None:
        self.document._replace(self.before)

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, PlanEdit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True
