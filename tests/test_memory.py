"""The cycle collector held off the work the user waits for (aarshjul/ui/memory.py),
and why that loses nothing: the window's work leaves no reference cycles."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from aarshjul.model import save_plan
from aarshjul.model.periods import Zoom
from aarshjul.ui import memory
from tests.test_labels import crowded_plan


@pytest.fixture
def fresh(monkeypatch):
    """The module's counts as at a start, and the collector as it was afterwards."""
    monkeypatch.setattr(memory, "_grown", 0)
    monkeypatch.setattr(memory, "_kept", 0)
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    gc.enable() if enabled else gc.disable()


class Node:
    """Something that can be part of a cycle, and be watched by a weak reference."""

    def __init__(self) -> None:
        self.other: Node | None = None


def test_no_collection_while_held_off_and_what_is_alive_after_is_frozen(fresh):
    gc.enable()
    gc.unfreeze()
    with memory.held_off():
        assert not gc.isenabled()
        with memory.held_off():
            made = [Node() for _ in range(1000)]
        assert not gc.isenabled()  # the outer block is not over
        assert gc.get_freeze_count() == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    assert gc.get_count()[0] == 0  # the young objects start afresh
    assert memory._grown >= len(made)


def test_a_collector_off_before_stays_off_and_a_failure_restores_it(fresh):
    gc.disable()
    with memory.held_off():
        pass
    assert not gc.isenabled()
    gc.enable()
    with pytest.raises(ValueError), memory.held_off():
        raise ValueError("the work failed")
    assert gc.isenabled()


def test_tidy_counts_first_then_frees_frozen_cycles_once_they_have_grown(fresh, monkeypatch):
    """The first tidy only counts (the first plan is alive: nothing to collect); a
    cycle frozen later is freed once the frozen objects have grown past twice that."""
    collections: list[int] = []
    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *a: collections.append(1) or collect(*a))
    gc.unfreeze()
    kept = [Node() for _ in range(20_000)]
    with memory.held_off():
        pass
    assert memory.due()
    memory.tidy()
    assert collections == [] and memory._kept >= len(kept) and not memory.due()

    with memory.held_off():  # a cycle, frozen, then let go: out of the collector's sight
        a, b = Node(), Node()
        a.other, b.other = b, a
        watched = weakref.ref(a)
        del a, b
    assert watched() is not None
    memory.tidy()
    assert collections == [] and watched() is not None  # not due: nothing walked
    monkeypatch.setattr(memory, "GROWTH", 0.05)  # (fewer objects to make, the same rule)
    with memory.held_off():
        grown = [Node() for _ in range(int(memory.GROWTH * memory._kept) + 1)]
    assert memory.due()
    memory.tidy()
    assert collections == [1] and watched() is None
    assert not memory.due() and memory._kept >= len(kept) + len(grown)


def test_tidy_waits_for_the_work_held_off_to_end(fresh, monkeypatch):
    monkeypatch.setattr(memory, "_kept", 1)
    monkeypatch.setattr(memory, "_grown", 10)
    with memory.held_off():
        memory.tidy()  # due, but not in the middle of the work
        assert (memory._kept, memory._grown) == (1, 10)
    assert memory.due()
    memory.tidy()
    assert memory._kept > 1 and memory._grown == 0


def test_the_windows_work_leaves_no_cycles(open_window, tmp_path, fresh):
    """What freezing rests on: opening, edits, undo and redo, a drag, a search, a
    hover, a zoom and opening another plan leave no garbage that only the collector
    could free (so freezing what is alive after each of them loses nothing)."""
    window = open_window()
    app = QApplication.instance()
    assert app is not None
    wheel = window.wheel
    other = tmp_path / "crowded.toml"
    save_plan(crowded_plan(), other)

    def settle() -> None:
        for _ in range(4):
            app.processEvents()

    settle()
    gc.unfreeze()
    gc.collect()
    gc.disable()  # (held_off leaves it so)
    layout = wheel.layout_()
    assert layout is not None
    item = max((i for i in layout.items if not i.is_marker), key=lambda i: i.angle1 - i.angle0)
    activity = item.occurrence.activity.id
    window.view.select((activity, item.occurrence.index))
    wheel.setFocus()
    settle()
    QTest.keyClick(wheel, Qt.Key.Key_Right)
    settle()
    window.undo_action.trigger()
    settle()
    window.redo_action.trigger()
    settle()
    start = wheel.point_for(activity, "middle").toPoint()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(wheel, left, none, start)
    for step in range(1, 5):
        QTest.mouseMove(wheel, start + QPoint(6 * step, 2 * step))
        settle()
    QTest.mouseRelease(wheel, left, none, start + QPoint(30, 10))
    settle()
    QTest.keyClicks(window.search, "bu")
    settle()
    window.search.clear()
    settle()
    QTest.mouseMove(wheel, start)
    settle()
    window.view.set_zoom(Zoom.QUARTER, window.document.plan.start)  # type: ignore[union-attr]
    settle()
    window.view.set_zoom(Zoom.YEAR, window.document.plan.start)  # type: ignore[union-attr]
    settle()
    assert window.document.undo_stack.count() >= 2  # the edits were made
    window.document.undo_stack.setClean()
    assert window.open_path(other)
    settle()
    assert window.document.plan is not None and len(window.document.plan.activities) > 100
    gc.unfreeze()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        found = sorted({type(o).__name__ for o in gc.garbage})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert found == []


def test_the_work_a_user_waits_for_runs_with_the_collector_held_off(open_window, qtbot, fresh):
    """Opening, an edit (and the views answering it), a search and the wheel's paint."""
    window = open_window()
    gc.enable()
    states: list[tuple[str, bool]] = []
    window.document.changed.connect(lambda _c: states.append(("edit", gc.isenabled())))
    window.view.filter_changed.connect(lambda: states.append(("search", gc.isenabled())))
    paint = window.wheel._paint
    window.wheel._paint = lambda: states.append(("paint", gc.isenabled())) or paint()
    path = window.document.path
    assert path is not None and window.open_path(path)
    window.view.set_search("budget")
    plan = window.document.plan
    assert plan is not None
    window.document.apply("rename", plan)  # (an edit that changes nothing still tells)
    window.wheel.update()
    qtbot.waitUntil(lambda: ("paint", False) in states or ("paint", True) in states)
    assert {what for what, _on in states} == {"edit", "search", "paint"}
    assert not any(on for _what, on in states)
    assert gc.isenabled()
