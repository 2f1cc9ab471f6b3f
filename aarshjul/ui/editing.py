"""Turning what the user does into undoable edits of the document.

Views report intentions (a drag ended, a key was pressed, a button clicked);
this controller asks what it must (this occurrence or the whole series?),
computes the new plan with the pure functions of ``model/edits.py`` and pushes
one named command. Nothing else changes the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from aarshjul.i18n import _
from aarshjul.model import edits
from aarshjul.model.changes import Changes
from aarshjul.model.edits import EditError
from aarshjul.model.fileformat import plan_problems
from aarshjul.model.plan import Activity, AnyOccurrence, Plan
from aarshjul.ui.dialogs import choose, run_modal
from aarshjul.ui.document import PlanDocument
from aarshjul.ui.view_state import ViewState


class Scope(Enum):
    """What a change of one occurrence of a series applies to."""

    THIS = "this"
    SERIES = "series"


@dataclass(frozen=True)
class Drag:
    """A finished drag on the wheel."""

    activity_id: str
    index: int  # the occurrence dragged
    mode: str  # "move", "start" or "end"
    days: int
    ring: str | None = None  # the ring it was dropped in, if another
    to_tray: bool = False


class EditController(QObject):
    refused = Signal(str)  # an edit that could not be made, and why

    def __init__(self, document: PlanDocument, view: ViewState, parent: QWidget):
        super().__init__(parent)
        self.document = document
        self.view = view
        self.window = parent

    # -- the one way in ---------------------------------------------------------------

    def apply(self, text: str, change: Callable[[Plan], Plan], merge_key: object = None) -> bool:
        """Make one edit, an undo step. It is checked by the loader's own rules before it
        is applied: an edit that would leave a plan that does not load is refused, with
        the reason. A series that loses its rule asks what becomes of its moved
        occurrences."""
        plan = self.document.plan
        if plan is None:
            return False
        try:
            new = change(plan)
        except EditError as exc:
            self.refused.emit(str(exc))
            return False
        # only an activity the edit changed or removed can have lost its rule
        changes = Changes.between(plan, new)
        touched = changes.changed | changes.removed
        rules_after = {a.id: a.rrule for a in new.activities_with(changes.changed)}
        for series in plan.activities_with(touched):
            if not series.rrule:
                continue
            lost_rule = not rules_after.get(series.id)
            if lost_rule and edits.moved_occurrences(new, series.id):
                keep = self.ask_moved(series)
                if keep is None:
                    return False
                new = edits.release_moved(new, series.id, keep)
        problems = plan_problems(new, plan)  # the loader's own rules, on what changed
        if problems:
            self.refused.emit(problems[0].message)
            return False
        self.document.apply(text, new, merge_key)
        return True

    def ask_moved(self, series: Activity) -> bool | None:
        """The series loses its rule: keep its moved occurrences as activities of their
        own (True), delete them (False), or cancel (None)."""
        answer = choose(
            self.window,
            _("Recurring activity"),
            _(
                "\u201c{title}\u201d no longer repeats. What becomes of its moved occurrences?"
            ).format(title=series.title),
            [
                (_("Keep them as activities"), QMessageBox.ButtonRole.AcceptRole),
                (_("Delete them"), QMessageBox.ButtonRole.DestructiveRole),
            ],
        )
        return None if answer is None else answer == 0

    def ask_scope(self, activity: Activity, question: str) -> Scope | None:
        """This occurrence or the whole series? None if the user cancels (Escape)."""
        answer = choose(
            self.window,
            _("Recurring activity"),
            question.format(title=activity.title),
            [
                (_("This occurrence"), QMessageBox.ButtonRole.AcceptRole),
                (_("The whole series"), QMessageBox.ButtonRole.AcceptRole),
            ],
        )
        return None if answer is None else (Scope.THIS, Scope.SERIES)[answer]

    # -- moving ------------------------------------------------------------------------

    def _activity(self, activity_id: str) -> Activity | None:
        plan = self.document.plan
        return None if plan is None else plan.activity(activity_id)

    def finish_drag(self, drag: Drag) -> bool:
        activity = self._activity(drag.activity_id)
        if activity is None:
            return False
        if drag.to_tray:
            return self.unschedule(activity.id)
        if drag.days == 0 and drag.ring is None:
            return False
        ring_name = ""
        if drag.ring:
            plan = self.document.plan
            ring = plan.ring(drag.ring) if plan else None
            ring_name = ring.name if ring else drag.ring
        if drag.mode == "move":
            text = (
                _("Move {title} to {ring}").format(title=activity.title, ring=ring_name)
                if drag.ring and drag.days == 0
                else _("Move {title}").format(title=activity.title)
            )
        else:
            text = _("Change the length of {title}").format(title=activity.title)
        scope = Scope.SERIES
        if activity.rrule:
            question = (
                _("\u201c{title}\u201d repeats. Move only this occurrence, or the whole series?")
                if drag.mode == "move"
                else _(
                    "\u201c{title}\u201d repeats. Change only this occurrence, or the whole series?"
                )
            )
            scope = self.ask_scope(activity, question)
            if scope is None:
                return False
        if scope is Scope.THIS:
            new_ids: list[str] = []

            def detach(plan: Plan) -> Plan:
                edge = None if drag.mode == "move" else drag.mode
                new, new_id = edits.detach_occurrence(
                    plan, activity.id, drag.index, drag.days, drag.ring, edge
                )
                new_ids.append(new_id)
                return new

            done = self.apply(
                _("Move one occurrence of {title}").format(title=activity.title), detach
            )
            if done:
                self.view.select((new_ids[0], 0))
            return done
        if drag.mode == "move":
            return self.apply(
                text, lambda p: edits.move_activity(p, activity.id, drag.days, drag.ring)
            )
        return self.apply(
            text, lambda p: edits.resize_activity(p, activity.id, drag.mode, drag.days)
        )

    def nudge(self, days: int) -> bool:
        """Move the selected activity ``days`` (the arrow keys)."""
        occurrence = self.editable_selection()
        if occurrence is None or occurrence.start is None:
            return False
        activity = occurrence.activity
        if activity.rrule:
            return self.finish_drag(Drag(activity.id, occurrence.index, "move", days))
        return self.apply(
            _("Move {title}").format(title=activity.title),
            lambda p: edits.move_activity(p, activity.id, days),
            merge_key=("nudge", activity.id),
        )

    def editable_selection(self) -> AnyOccurrence | None:
        """The selected occurrence, unless it is derived (an agenda marker)."""
        occurrence = self.view.selected_occurrence()
        if occurrence is None:
            return None
        if occurrence.derived_from is not None:
            self.refused.emit(_("the agenda date follows its meeting: move the meeting"))
            return None
        return occurrence

    # -- adding, editing, removing ----------------------------------------------------

    def edit(self, activity_id: str | None = None) -> bool:
        """Open the editor on an activity (the selected one by default)."""
        plan = self.document.plan
        if activity_id is None:
            occurrence = self.editable_selection()
            activity_id = occurrence.activity.id if occurrence else None
        activity = plan.activity(activity_id) if plan and activity_id else None
        if plan is None or activity is None:
            return False
        from aarshjul.ui.activity_dialog import ActivityDialog  # loaded when first used

        dialog = ActivityDialog(plan, activity, _("Edit activity"), self.window)
        if run_modal(dialog) != ActivityDialog.DialogCode.Accepted:
            return False
        changed = dialog.activity()
        if changed == activity:
            return False
        return self.apply(
            _("Edit {title}").format(title=changed.title),
            lambda p: edits.replace_activity(p, changed),
        )

    def add(self, day: dt.date | None = None, ring: str | None = None) -> bool:
        """A new activity at ``day`` in ``ring``, through the editor."""
        plan = self.document.plan
        if plan is None:
            return False
        selected = self.view.selected_occurrence()
        draft = Activity(
            id=edits.unique_id(plan, _("New activity")),
            title=_("New activity"),
            ring=ring or (selected.activity.ring if selected else plan.rings[0].id),
            category=selected.activity.category if selected else plan.categories[0].id,
            start=day if day is not None else None,
        )
        from aarshjul.ui.activity_dialog import ActivityDialog

        dialog = ActivityDialog(plan, draft, _("New activity"), self.window)
        if run_modal(dialog) != ActivityDialog.DialogCode.Accepted:
            return False
        activity = replace(dialog.activity(), id=edits.unique_id(plan, dialog.activity().title))
        done = self.apply(
            _("Add {title}").format(title=activity.title), lambda p: edits.add_activity(p, activity)
        )
        if done:
            self.view.select((activity.id, 0))
        return done

    def duplicate(self) -> bool:
        occurrence = self.editable_selection()
        if occurrence is None:
            return False
        activity = occurrence.activity
        new_id: list[str] = []

        def copy(plan: Plan) -> Plan:
            new, copy_id = edits.duplicate_activity(plan, activity.id)
            new_id.append(copy_id)
            return new

        done = self.apply(_("Duplicate {title}").format(title=activity.title), copy)
        if done:
            self.view.select((new_id[0], 0))
        return done

    def delete(self) -> bool:
        """Delete the selected activity (or only its occurrence, for a series)."""
        occurrence = self.editable_selection()
        if occurrence is None:
            return False
        activity = occurrence.activity
        if activity.rrule and occurrence.start is not None:
            scope = self.ask_scope(
                activity,
                _("\u201c{title}\u201d repeats. Delete only this occurrence, or the whole series?"),
            )
            if scope is None:
                return False
            if scope is Scope.THIS:
                day = occurrence.start
                return self.apply(
                    _("Delete one occurrence of {title}").format(title=activity.title),
                    lambda p: edits.replace_activity(
                        p, replace(activity, exdates=sorted({*activity.exdates, day}))
                    ),
                )
        done = self.apply(
            _("Delete {title}").format(title=activity.title),
            lambda p: edits.remove_activity(p, activity.id),
        )
        if done:
            self.view.select(None)
        return done

    def schedule(self, activity_id: str, day: dt.date, ring: str | None) -> bool:
        activity = self._activity(activity_id)
        if activity is None:
            return False
        done = self.apply(
            _("Schedule {title}").format(title=activity.title),
            lambda p: edits.schedule(p, activity_id, day, ring),
        )
        if done:
            self.view.select((activity_id, 0))
        return done

    def unschedule(self, activity_id: str) -> bool:
        activity = self._activity(activity_id)
        if activity is None or activity.start is None:
            return False
        return self.apply(
            _("Take the date from {title}").format(title=activity.title),
            lambda p: edits.unschedule(p, activity_id),
        )
