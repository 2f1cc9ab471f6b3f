"""The open plan: one document object that every view listens to.

Edits go through commands on its ``undo_stack``; "modified" is simply
"the undo stack is not clean". Every edit, undo and redo says what it changed
(``changed`` carries a :class:`~aarshjul.model.changes.Changes`), so each view
updates only what concerns it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from aarshjul.model import Plan, load_plan, lockfile, save_plan
from aarshjul.model.changes import Changes
from aarshjul.ui import memory


class PlanDocument(QObject):
    """A plan, the file it came from, and the undo stack of its edits."""

    plan_replaced = Signal()  # a different plan was opened
    changed = Signal(object)  # what an edit, undo or redo changed: a Changes
    plan_changed = Signal()  # the plan's content changed (after ``changed``)
    path_changed = Signal()
    modified_changed = Signal(bool)
    disk_changed = Signal()  # someone else changed (or removed) the file on disk
    held_by = Signal(object)  # a lockfile.Holder: someone else has the plan open too

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._plan: Plan | None = None
        self._path: Path | None = None
        self._disk: str | None = None  # a digest of the file as we last read or wrote it
        self._source: str | None = None  # its text, so a save keeps the author's layout
        self._announced = False  # whether plan_changed went out during a push
        self._pending = Changes()  # what commands changed since views were last told
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._index_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @memory.held_off()  # (the views' updates too: they answer its signals)
    def _index_changed(self, _index: int) -> None:
        self._announced = True
        self._announce()

    def _announce(self, changes: Changes | None = None) -> None:
        """Tell the views what changed: ``changes``, or what commands did since the
        last time they were told."""
        if changes is None:
            changes, self._pending = self._pending, Changes()
        else:
            self._pending = Changes()
        self.changed.emit(changes)
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

    @memory.held_off()
    def open(self, path: str | Path) -> None:
        """Load the plan at ``path``; raises PlanError and keeps the current plan if it fails."""
        plan = load_plan(path)
        self.set_plan(plan, Path(path))
        self._remember_disk(source=True)
        other = lockfile.holder(Path(path))
        lockfile.take(Path(path))
        if other is not None:
            self.held_by.emit(other)

    @memory.held_off()
    def reload(self) -> None:
        """Read the file again (someone else changed it), keeping the view and the
        selection; the undo history starts afresh. Raises PlanError if it fails."""
        if self._path is None:
            return
        self._plan = load_plan(self._path)
        self.undo_stack.clear()
        self._remember_disk(source=True)
        self._announce(Changes.everything())
        self.modified_changed.emit(False)

    def changed_on_disk(self) -> bool:
        """Whether the file is not what we last read or wrote (changed, or gone)."""
        return self._path is not None and _digest(self._path) != self._disk

    def _remember_disk(self, *, source: bool = False) -> None:
        """Note the file as it is now; with ``source``, also its text as the author's
        layout that saves keep (the text as opened or reloaded, not as we last wrote
        it: so undoing every edit and saving gives back the very bytes opened)."""
        self._disk = _digest(self._path) if self._path is not None else None
        if source:
            try:
                self._source = self._path.read_text(encoding="utf-8") if self._path else None
            except (OSError, UnicodeDecodeError):
                self._source = None
        watched = self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        if self._path is not None and self._path.exists():
            self._watcher.addPath(str(self._path))

    def _file_changed(self, _name: str) -> None:
        # an atomic save (ours or another program's) replaces the file: watch it again
        path = self._path
        if path is not None and path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))
        if self.changed_on_disk():
            self.disk_changed.emit()

    @memory.held_off()
    def set_plan(self, plan: Plan, path: Path | None) -> None:
        self._plan = plan
        self.undo_stack.clear()
        self._set_path(path)
        self.plan_replaced.emit()
        self._announce(Changes.everything())
        self.modified_changed.emit(False)

    @memory.held_off()
    def apply(self, text: str, new_plan: Plan, merge_key: object = None) -> None:
        """Make ``new_plan`` the plan through an undoable command named ``text``.

        Commands with the same ``merge_key`` in a row become one undo step (a
        run of arrow-key nudges, say).
        """
        if self._plan is None:
            return
        self._announced = False
        self.undo_stack.push(PlanEdit(self, text, self._plan, new_plan, merge_key))
        if not self._announced:  # merged into the last command: no signal came
            self._announce()

    def _replace(self, plan: Plan) -> None:
        """Only for PlanEdit: set the plan without touching the undo stack; what it
        changed is told to the views when the stack has moved."""
        self._pending = self._pending | Changes.between(self._plan, plan)
        self._plan = plan

    def save(self, path: str | Path | None = None) -> None:
        """Save atomically to ``path`` (or where the plan came from); raises OSError."""
        if self._plan is None:
            return
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("no file to save to")
        original = self._source if target == self._path else None
        save_plan(self._plan, target, original)
        self._set_path(target)
        self._remember_disk()
        self.undo_stack.setClean()

    def close(self) -> None:
        """The window closes: give up our lock on the file."""
        if self._path is not None:
            lockfile.release(self._path)

    def _set_path(self, path: Path | None) -> None:
        if path != self._path:
            if self._path is not None:
                lockfile.release(self._path)
            self._path = path
            self.path_changed.emit()


def _digest(path: Path) -> str | None:
    """The file's content as a digest, or None where there is no file to read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


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
