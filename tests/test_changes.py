"""Changes that say what changed: every edit, undo and redo tells the views which
activities came, went or changed, and whether rings, categories or settings did;
each view updates only what concerns it, and shows what a view built afresh shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from aarshjul.model import Activity, edits, load_plan
from aarshjul.model import plan as plan_module
from aarshjul.model.changes import Changes
from aarshjul.ui.details_panel import DetailsPanel
from aarshjul.ui.legend import Legend
from aarshjul.ui.tray import UnscheduledTray
from aarshjul.ui.upcoming import UpcomingPanel

from .conftest import PLAN_2022

D = dt.date


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_2022)


# -- the changes themselves (no Qt) ----------------------------------------------------


def test_an_edit_of_one_activity_changes_that_activity_alone(plan):
    after = edits.move_activity(plan, "budgetforhandling", 3)
    changes = Changes.between(plan, after)
    assert changes.changed == {"budgetforhandling"}
    assert not changes.added and not changes.removed and not changes.order
    assert not changes.structure and changes
    assert Changes.between(after, plan).changed == {"budgetforhandling"}  # its undo


def test_added_removed_and_reordered_activities(plan):
    added, new_id = edits.duplicate_activity(plan, "jobcamp")
    assert Changes.between(plan, added).added == {new_id}
    removed = edits.remove_activity(plan, "jobcamp")
    changes = Changes.between(plan, removed)
    assert changes.removed == {"jobcamp"} and not changes.changed and not changes.order
    turned = replace(plan, activities=plan.activities[::-1])
    assert Changes.between(plan, turned).order
    assert not Changes.between(plan, plan)


def test_rings_categories_and_settings(plan):
    ring = plan.rings[0].id
    renamed = edits.rename_ring(plan, ring, "Andet navn")
    changes = Changes.between(plan, renamed)
    assert changes.rings and not changes.categories and not changes.activities
    category = plan.categories[0].id
    coloured = edits.update_category(plan, category, color="#123456")
    assert Changes.between(plan, coloured).categories
    titled = replace(plan, title="Andet år")
    assert Changes.between(plan, titled).settings
    assert not Changes.between(plan, titled).rings


def test_changes_in_a_row_are_one_change():
    first = Changes(added=frozenset({"a"}), changed=frozenset({"b"}))
    second = Changes(removed=frozenset({"a", "c"}), rings=True)
    both = first | second
    assert both.added == set() and both.removed == {"c"}
    assert both.changed == {"a", "b"} and both.rings


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_changes_name_exactly_the_activities_that_differ(plan, data):
    """Whatever edits make a plan, the change names every activity that is not the
    same object as before, and no other."""
    after = plan
    for _ in range(data.draw(st.integers(1, 4))):
        ids = [a.id for a in after.activities]
        chosen = data.draw(st.sampled_from(ids))
        kind = data.draw(st.sampled_from(["move", "remove", "duplicate", "unschedule", "add"]))
        try:
            if kind == "move":
                after = edits.move_activity(after, chosen, data.draw(st.integers(-30, 30)))
            elif kind == "remove":
                after = edits.remove_activity(after, chosen)
            elif kind == "duplicate":
                after, _new = edits.duplicate_activity(after, chosen)
            elif kind == "unschedule":
                after = edits.unschedule(after, chosen)
            else:
                base = after.activities[0]
                new = Activity(edits.unique_id(after, "ny"), "Ny", base.ring, base.category)
                after = edits.add_activity(after, new, data.draw(st.integers(0, len(ids))))
        except edits.EditError:
            continue
    changes = Changes.between(plan, after)
    old = {a.id: a for a in plan.activities}
    new = {a.id: a for a in after.activities}
    assert changes.added == new.keys() - old.keys()
    assert changes.removed == old.keys() - new.keys()
    assert changes.changed == {i for i in old.keys() & new.keys() if old[i] is not new[i]}


# -- the window: one signal per step, saying what changed ------------------------------


@pytest.fixture
def window(open_window):
    return open_window(today=D(2022, 3, 1))


def test_an_edit_its_undo_and_redo_say_what_they_changed(window):
    told: list[Changes] = []
    window.document.changed.connect(told.append)
    window.view.select(("budgetforhandling", 0))
    window.editor.apply("Flyt", lambda p: edits.move_activity(p, "budgetforhandling", 2))
    window.document.undo_stack.undo()
    window.document.undo_stack.redo()
    assert [c.changed for c in told] == [{"budgetforhandling"}] * 3
    assert not any(c.structure for c in told)


def test_nudges_merged_into_one_step_say_each_change(window):
    told: list[Changes] = []
    window.document.changed.connect(told.append)
    window.view.select(("budgetforhandling", 0))
    for _ in range(3):
        window.editor.nudge(1)
    assert window.document.undo_stack.count() == 1
    assert [c.changed for c in told] == [{"budgetforhandling"}] * 3


def test_panels_that_a_change_does_not_concern_are_left_alone(window, monkeypatch):
    rebuilt: list[str] = []
    for cls, method in (
        (Legend, "rebuild"),
        (UnscheduledTray, "refresh"),
        (DetailsPanel, "refresh"),
        (UpcomingPanel, "refresh"),
    ):
        original = getattr(cls, method)
        monkeypatch.setattr(
            cls,
            method,
            lambda self, _o=original, _n=cls.__name__: (rebuilt.append(_n), _o(self))[1],
        )
    # a phase in December, far beyond what now and next lists in March
    late = next(
        a.id
        for a in window.document.plan.activities
        if a.start is not None and a.start.month >= 11 and not a.rrule and not a.meeting
    )
    window.editor.apply("Flyt", lambda p: edits.move_activity(p, late, 1))
    assert rebuilt == []
    window.editor.apply("Omdøb", lambda p: edits.rename_ring(p, p.rings[0].id, "Nyt navn"))
    assert {"Legend", "UnscheduledTray", "DetailsPanel", "UpcomingPanel"} <= set(rebuilt)


def test_a_search_leaves_now_and_next_alone_and_hiding_a_ring_does_not(window):
    """What is under way and what comes next do not depend on the search (it fades the
    wheel and narrows the list): a keystroke in the search field does not list them
    anew; hiding a ring does."""
    marker = Qt.ItemDataRole.UserRole + 50

    def marked() -> bool:  # (a list made anew has lost the mark)
        return window.upcoming.item(0).data(marker) == "as listed"

    assert window.upcoming.count() > 0
    window.upcoming.item(0).setData(marker, "as listed")
    before = _contents(window)["upcoming"]
    window.search.setText("budget")
    window.search.setText("budgetopf")
    assert marked()
    assert _contents(window)["upcoming"] == before
    ring = window.document.plan.rings[0].id
    window.view.set_filter(window.view.filter.with_hidden(rings={ring}))
    assert not marked()


@pytest.mark.parametrize("column", [0, 1, 2, 3])
@pytest.mark.parametrize("descending", [False, True])
def test_a_search_typed_letter_by_letter_lists_what_a_fresh_sort_lists(
    qtbot, monkeypatch, tmp_path, column, descending
):
    """A search a letter longer keeps the rows that still match in their order (they
    are not sorted again); a letter taken back, or an edit between, sorts anew."""
    from aarshjul.ui.activity_list import OccurrenceTableModel
    from aarshjul.ui.app import create_application
    from aarshjul.ui.main_window import MainWindow

    from .helpers import plan_text

    # 400 activities, a search letter by letter leaves out a hundred and more at once
    words = ["kvalitet", "kvartal", "budget", "bud", "frist", "plan", "kval", "mål"]
    path = tmp_path / "many.toml"
    path.write_text(
        plan_text(
            "".join(
                f"""
                [[activities]]
                id = "a{n}"
                title = "{words[n % len(words)]} {n}"
                ring = "r{1 + n % 2}"
                category = "c{1 + n % 3 // 2}"
                {"start" if n % 3 else "date"} = 2022-{1 + n % 12:02d}-{1 + n % 27:02d}
                {"end = 2022-12-30" if n % 3 else ""}
                """
                for n in range(400)
            )
        ),
        encoding="utf-8",
    )
    create_application()
    window = MainWindow(today=D(2022, 3, 1))
    qtbot.addWidget(window)
    assert window.open_path(path)
    unsorted, sorting = [], []  # the rows shown as they were sorted already, or sorted
    show, set_rows = OccurrenceTableModel._show, OccurrenceTableModel._set_rows
    monkeypatch.setattr(
        OccurrenceTableModel, "_show", lambda self, *a: (unsorted.append(1), show(self, *a))
    )
    monkeypatch.setattr(
        OccurrenceTableModel, "_set_rows", lambda self, *a: (sorting.append(1), set_rows(self, *a))
    )
    model = window.activity_list.source
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    window.activity_list.sortByColumn(column, order)

    def fresh() -> list:
        listed = window.view.listed()
        pairs = sorted(
            zip(model._sort_keys(listed), listed, strict=True),
            key=lambda pair: pair[0],
            reverse=descending,
        )
        return [o for _k, o in pairs]

    narrowed = []
    # then cleared, a search most rows match begun and cleared again, and begun again;
    # another ring hidden during it, and the search cleared
    texts = ["k", "kv", "kva", "kval", "kva", "b", "bu", "bud", "bud ", "", "a", "", "a", ""]
    for step, text in enumerate(texts):
        if text == "bu":  # a ring hidden, with a search a letter longer
            window.view.set_filter(window.view.filter.with_hidden(rings={"r2"}))
        if step == 13:
            window.view.set_ring_shown("r1", False)
        before, sorted_before, shown_before = len(model.rows), len(sorting), len(unsorted)
        window.search.setText(text)
        if step in (10, 11):
            # every row is kept while a search is on (the ring hidden since the
            # search before): a search most rows match, and every row again, are
            # taken from them, not sorted
            assert len(sorting) == sorted_before and len(unsorted) > shown_before
        plan, chosen = window.document.plan, window.view.filter
        assert window.view.listed() == chosen.listed(plan, chosen.visible(plan))
        assert model.rows == fresh()
        assert model._order == model._sort_keys(model.rows)
        narrowed.append(len(model.rows) < before)
        if text in ("k", "kva"):  # an edit, and then a search a letter longer
            late = next(
                a
                for a in window.document.plan.activities
                if a.end and not a.rrule and a.title.startswith("kv")
            )
            window.editor.apply("Flyt", lambda p, late=late: edits.move_activity(p, late.id, 1))
            assert model.rows == fresh()
    assert any(narrowed) and unsorted  # (rows went as a search narrowed, unsorted)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_searches_sorts_and_hidden_rings_list_what_a_fresh_sort_lists(open_window, data):
    """Searches begun, narrowed, widened and cleared, with sorts and rings hidden and
    shown between them: the list shows what sorting the listed rows anew shows (the
    rows kept while a search is on are taken only where they are right)."""
    window = open_window(today=D(2022, 3, 1))
    model = window.activity_list.source
    ring_ids = [r.id for r in window.document.plan.rings]
    for _ in range(data.draw(st.integers(1, 12))):
        step = data.draw(st.sampled_from(["search", "search", "search", "sort", "hide"]))
        if step == "search":
            texts = ["", "", "a", "e", "b", "bu", "bud", "budget", "fr", "frist", "xq"]
            window.search.setText(data.draw(st.sampled_from(texts)))
        elif step == "sort":
            column, descending = data.draw(st.integers(0, 4)), data.draw(st.booleans())
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            window.activity_list.sortByColumn(column, order)
        else:
            ring = data.draw(st.sampled_from(ring_ids))
            window.view.set_ring_shown(ring, ring in window.view.filter.hidden_rings)
        listed = window.view.listed()
        keys = model._sort_keys(listed)
        pairs = sorted(
            zip(keys, listed, strict=True), key=lambda p: p[0], reverse=model._descending
        )
        assert model.rows == [o for _k, o in pairs]
        assert model._order == model._sort_keys(model.rows)


def test_a_search_cleared_after_an_edit_lists_the_edited_plan(open_window):
    """The rows kept while a search is on are of the plan the search began on: after
    an edit during the search, clearing it lists the plan as edited."""
    window = open_window(today=D(2022, 3, 1))
    model = window.activity_list.source
    window.search.setText("e")  # most rows
    assert model._whole is not None
    moved = next(o.activity for o in model.rows if o.activity.end and not o.activity.rrule)
    window.editor.apply("Flyt", lambda p: edits.move_activity(p, moved.id, 40))
    window.search.setText("")
    listed = window.view.listed()
    pairs = sorted(zip(model._sort_keys(listed), listed, strict=True), key=lambda p: p[0])
    assert model.rows == [o for _k, o in pairs]
    assert any(o.activity.id == moved.id and o.start != moved.start for o in model.rows)


def _contents(window) -> dict[str, object]:
    """What each panel shows."""
    model = window.activity_list.source
    return {
        "list": [
            [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ],
        "upcoming": [window.upcoming.item(i).text() for i in range(window.upcoming.count())],
        "tray": [window.unscheduled.item(i).text() for i in range(window.unscheduled.count())],
        "legend": [
            window.legend.topLevelItem(g).child(k).text(0)
            for g in range(window.legend.topLevelItemCount())
            for k in range(window.legend.topLevelItem(g).childCount())
        ],
        "details": window.details.toPlainText(),
    }


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_after_any_edits_undos_and_redos_the_panels_show_what_a_fresh_start_shows(
    open_window, data
):
    window = open_window(today=D(2022, 3, 1) + dt.timedelta(days=data.draw(st.integers(0, 90))))
    column = data.draw(st.integers(0, 4))
    window.activity_list.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    search = data.draw(st.sampled_from(["", "budget", "frist", "plan"]))
    window.search.setText(search)
    hidden = data.draw(st.sampled_from([None, "frister", "politik"]))
    if hidden:
        window.view.set_filter(window.view.filter.with_hidden(rings={hidden}))
    stack = window.document.undo_stack
    for _ in range(data.draw(st.integers(1, 8))):
        plan = window.document.plan
        chosen = data.draw(st.sampled_from([a.id for a in plan.activities]))
        window.view.select((chosen, 0))
        step = data.draw(
            st.sampled_from(
                [
                    *("move", "unschedule", "remove", "duplicate", "ring", "category"),
                    *("undo", "redo", "search", "sort", "hide"),
                ]
            )
        )
        if step == "search":  # another search, one most rows match, or none
            window.search.setText(data.draw(st.sampled_from(["", "a", "e", "bud", "fris"])))
        elif step == "hide":  # a ring hidden or shown again
            ring = data.draw(st.sampled_from([r.id for r in plan.rings]))
            window.view.set_ring_shown(ring, ring in window.view.filter.hidden_rings)
        elif step == "sort":
            column = data.draw(st.integers(0, 4))
            window.activity_list.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        elif step == "undo":
            stack.undo()
        elif step == "redo":
            stack.redo()
        elif step == "ring":
            window.editor.apply("R", lambda p: edits.rename_ring(p, p.rings[-1].id, "Ring X"))
        elif step == "category":
            window.editor.apply(
                "C", lambda p: edits.update_category(p, p.categories[0].id, name="Kat Y")
            )
        elif step == "unschedule":
            window.editor.apply("U", lambda p, c=chosen: edits.unschedule(p, c))
        elif step == "duplicate":
            window.editor.apply("2", lambda p, c=chosen: edits.duplicate_activity(p, c)[0])
        elif step == "remove":
            window.editor.apply("D", lambda p, c=chosen: edits.remove_activity(p, c))
        else:
            days = data.draw(st.integers(-60, 60))
            window.editor.apply("M", lambda p, c=chosen, d=days: edits.move_activity(p, c, d))
    shown = _contents(window)
    fresh = open_window(today=window.view.today())
    fresh.document.set_plan(window.document.plan, None)
    fresh.activity_list.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    fresh.search.setText(window.search.text())
    fresh.view.set_filter(window.view.filter)
    if window.view.selection is not None:
        fresh.view.select(window.view.selection)
    assert shown == _contents(fresh)


@settings(max_examples=60, deadline=None)
@given(
    size=st.integers(0, 40),
    replaced=st.sets(st.integers(0, 39)),
    again=st.lists(st.booleans(), min_size=1, max_size=6),
)
def test_where_two_plans_activities_differ_is_the_same_remembered_or_not(size, replaced, again):
    """The places where two tuples hold other objects, remembered for the last pairs:
    either way round, as a scan finds them, and the answer is the caller's own."""
    old = tuple(object() for _ in range(size))
    new = tuple(object() if k in replaced else o for k, o in enumerate(old))
    scanned = [k for k in range(size) if old[k] is not new[k]]
    for backwards in again:
        found = plan_module.replaced_places(*((new, old) if backwards else (old, new)))
        assert found == scanned
        found.append(-1)  # (a list the caller may change)
    listed = list(new)  # a list may change: it is compared anew each time
    assert plan_module.replaced_places(old, listed) == scanned
    if size:
        listed[0] = object()
        assert plan_module.replaced_places(old, listed) == sorted({0, *scanned})
    other = tuple(object() for _ in range(size))
    assert plan_module.replaced_places(old, other) == list(range(size))
