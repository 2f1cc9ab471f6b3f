"""What the window shows of the plan: filter, search, zoom and selection.

One object shared by the wheel, the list, the legend, the details panel and
the exports from the window, so that they always agree.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal

from aarshjul.model.changes import Changes
from aarshjul.model.filters import Filter, activity_ids
from aarshjul.model.periods import Zoom, span, step
from aarshjul.model.plan import AnyOccurrence, Occurrence, Plan
from aarshjul.ui import memory
from aarshjul.ui.document import PlanDocument

#: an occurrence is selected by its activity's id and its index in the series
Selection = tuple[str, int]


class ViewState(QObject):
    filter_changed = Signal()
    zoom_changed = Signal()
    selection_changed = Signal()
    today_changed = Signal(object)  # the new date, at midnight (or when a test pins it)

    def __init__(self, document: PlanDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self._today = dt.date.today()
        self._pinned = False
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._check_date)
        self._clock.start(30_000)  # a minute past midnight at the latest
        self.filter = Filter()
        self.zoom = Zoom.YEAR
        self.span: tuple[dt.date, dt.date] | None = None
        self.selection: Selection | None = None
        self._memo: dict[str, tuple[object, object, tuple[AnyOccurrence, ...]]] = {}
        # the last listed: its plan, filter, occurrences and each one's activity's id
        self._listed: tuple[Plan, Filter, tuple[AnyOccurrence, ...], list[str]] | None = None
        self._visible_ids: tuple[Plan, object, list[str]] | None = None
        document.plan_replaced.connect(self._reset)
        document.changed.connect(self._drop_stale_selection)

    # -- today -------------------------------------------------------------------

    def today(self) -> dt.date:
        """The one "today" of the window: the wheel, now and next and the list use it."""
        return self._today

    def set_today(self, day: dt.date, *, pinned: bool = True) -> None:
        """Pin "today" (tests, a presentation of another day); the clock no longer moves
        a pinned day."""
        self._pinned = pinned
        if day != self._today:
            self._today = day
            self.today_changed.emit(day)

    def _check_date(self, now: dt.date | None = None) -> None:
        day = now or dt.date.today()
        if not self._pinned and day != self._today:
            self.set_today(day, pinned=False)

    def _reset(self) -> None:
        self.filter = Filter()
        self.zoom, self.span = Zoom.YEAR, None
        self.selection = None
        self.filter_changed.emit()
        self.zoom_changed.emit()
        self.selection_changed.emit()

    def _drop_stale_selection(self, changes: Changes) -> None:
        plan = self.document.plan
        if not self.selection or not (changes.removed or changes.replaced):
            return
        if plan is None or plan.activity(self.selection[0]) is None:
            self.select(None)

    # -- filter and search ----------------------------------------------------

    @memory.held_off()  # (the list and the wheel follow it at once)
    def set_filter(self, new: Filter) -> None:
        if new != self.filter:
            self.filter = new
            self.filter_changed.emit()

    def set_ring_shown(self, ring_id: str, shown: bool) -> None:
        hidden = set(self.filter.hidden_rings)
        (hidden.discard if shown else hidden.add)(ring_id)
        self.set_filter(self.filter.with_hidden(rings=hidden))

    def set_category_shown(self, category_id: str, shown: bool) -> None:
        hidden = set(self.filter.hidden_categories)
        (hidden.discard if shown else hidden.add)(category_id)
        self.set_filter(self.filter.with_hidden(categories=hidden))

    def set_search(self, text: str) -> None:
        self.set_filter(Filter(self.filter.hidden_rings, self.filter.hidden_categories, text))

    def visible(self) -> list[AnyOccurrence]:
        """The occurrences the wheel draws, worked out once per plan and shown rings
        and categories: every edit makes a new plan (the old one is never changed), so
        the plan itself is the key, compared by identity; a search does not change it."""
        shown = (self.filter.hidden_rings, self.filter.hidden_categories)
        return self._cached("visible", shown, self.filter.visible)

    def visible_ids(self) -> list[str]:
        """The activity's id of each of :meth:`visible`, in that order: worked out once
        per plan and shown rings and categories (a search matches activities by id).
        The list is the one kept: read it, do not change it."""
        plan = self.document.plan
        if plan is None:
            return []
        shown = (self.filter.hidden_rings, self.filter.hidden_categories)
        known = self._visible_ids
        if known is not None and known[0] is plan and known[1] == shown:
            return known[2]
        ids = activity_ids(self.visible())
        self._visible_ids = (plan, shown, ids)
        return ids

    def listed(self) -> list[AnyOccurrence]:
        """The visible occurrences the search matches, worked out once per plan and
        filter; for a search a letter longer, from those the last one listed. Each is
        matched by its activity's id, kept with it, not looked up again."""
        plan, flt = self.document.plan, self.filter
        if plan is None:
            return []
        last = self._listed
        if last is not None and last[0] is plan and last[1] == flt:
            return list(last[2])
        if last is not None and last[0] is plan and flt.narrows(last[1]):
            among, ids = last[2], last[3]
        else:
            among, ids = self.visible(), self.visible_ids()
        listed, listed_ids = flt.listed_by_ids(plan, among, ids)
        self._listed = (plan, flt, tuple(listed), listed_ids)
        return listed

    def _cached(self, name: str, key: object, work) -> list[AnyOccurrence]:
        plan = self.document.plan
        if plan is None:
            return []
        hit = self._memo.get(name)
        if hit is not None and hit[0] is plan and hit[1] == key:
            return list(hit[2])
        result = work(plan)
        self._memo[name] = (plan, key, tuple(result))
        return result

    # -- zoom -------------------------------------------------------------------

    def set_zoom(self, zoom: Zoom, day: dt.date | None = None) -> None:
        """Zoom to the year, or the quarter or month holding ``day`` (default: the current one)."""
        plan = self.document.plan
        if plan is None:
            return
        if day is None:
            day = self.span[0] if self.span else plan.start
            selected = self.selected_occurrence()
            if selected is not None and selected.start is not None:
                day = selected.start
        new_span = None if zoom is Zoom.YEAR else span(plan, zoom, day)
        if (zoom, new_span) != (self.zoom, self.span):
            self.zoom, self.span = zoom, new_span
            self.zoom_changed.emit()

    def step(self, by: int) -> None:
        """Show the next (``by`` > 0) or previous period at this zoom."""
        plan = self.document.plan
        if plan is None or self.span is None:
            return
        new_span = step(plan, self.zoom, self.span, by)
        if new_span != self.span:
            self.span = new_span
            self.zoom_changed.emit()

    # -- selection ----------------------------------------------------------------

    def select(self, selection: Selection | None) -> None:
        """Select an occurrence (activity id, index); a quarter or month shown that it is
        not in turns to the one it starts in (as chosen in the list or by a search)."""
        if selection != self.selection:
            self.selection = selection
            if self.span is not None:
                first, after = self.span
                occurrence = self.selected_occurrence()
                if isinstance(occurrence, Occurrence) and not (
                    occurrence.start < after and occurrence.end >= first
                ):
                    self.set_zoom(self.zoom, occurrence.start)
            self.selection_changed.emit()

    def selected_occurrence(self) -> AnyOccurrence | None:
        plan = self.document.plan
        if plan is None or self.selection is None:
            return None
        activity = plan.activity(self.selection[0])
        if activity is None:
            return None
        occurrences = plan.occurrences_of(activity)
        index = self.selection[1]
        return next(
            (o for o in occurrences if o.index == index), occurrences[0] if occurrences else None
        )
