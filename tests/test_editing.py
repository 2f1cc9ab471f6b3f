"""Editing in the window: real mouse drags, keys, the editor, the tray, undo."""

import datetime as dt
import math
import shutil

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMenu

from aarshjul import geometry, i18n
from aarshjul.model import load_plan
from aarshjul.ui.activity_dialog import ActivityDialog
from aarshjul.ui.app import create_application
from aarshjul.ui.editing import EditController, Scope
from aarshjul.ui.main_window import MainWindow
from aarshjul.ui.rings_dialog import RingsDialog
from aarshjul.ui.rollover_dialog import RolloverDialog
from aarshjul.ui.wheel_widget import ACTIVITY_MIME

from .conftest import PLAN_2022

D = dt.date


@pytest.fixture
def window(open_window):
    return open_window(today=D(2022, 5, 3), size=(1280, 960), hide_docks=True)


def turned(window, point: QPointF, days: float, radius: float | None = None) -> QPoint:
    """``point`` turned ``days`` round the wheel (and moved to ``radius``)."""
    wheel = window.wheel
    centre = wheel.wheel_rect().center()
    r, angle = geometry.to_polar(point.x() - centre.x(), point.y() - centre.y())
    angle += days * 360 / wheel.layout_().scale.days
    x, y = geometry.polar(radius if radius is not None else r, angle)
    return QPoint(round(centre.x() + x), round(centre.y() + y))


def drag(qtbot, window, start: QPointF, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier):
    wheel = window.wheel
    begin = start.toPoint()
    qtbot.mousePress(wheel, Qt.MouseButton.LeftButton, modifier, begin)
    # move in steps, as a hand does
    for k in range(1, 6):
        step = QPoint(
            begin.x() + (end.x() - begin.x()) * k // 5, begin.y() + (end.y() - begin.y()) * k // 5
        )
        qtbot.mouseMove(wheel, step)
    qtbot.mouseRelease(wheel, Qt.MouseButton.LeftButton, modifier, end)


def activity(window, activity_id):
    return window.document.plan.activity(activity_id)


def test_drag_a_phase_keeps_its_length_and_survives_save_and_reload(window, qtbot):
    start = window.wheel.point_for("strategi", "middle")
    drag(qtbot, window, start, turned(window, start, 20.4))
    moved = activity(window, "strategi")
    assert (moved.start, moved.end) == (D(2022, 4, 21), D(2022, 6, 20))
    assert window.document.undo_stack.text(0) == "Move Arbejdsmarkedsstrategi"
    assert window.save()
    again = load_plan(window.document.path).activity("strategi")
    assert (again.start, again.end) == (D(2022, 4, 21), D(2022, 6, 20))


def test_drag_the_edges_to_lengthen_and_shorten(window, qtbot):
    end = window.wheel.point_for("budgetforhandling", "end")
    drag(qtbot, window, end, turned(window, end, 10))
    assert activity(window, "budgetforhandling").end == D(2022, 11, 10)
    start = window.wheel.point_for("budgetforhandling", "start")
    drag(qtbot, window, start, turned(window, start, 14))
    assert activity(window, "budgetforhandling").start == D(2022, 8, 15)
    assert window.document.undo_stack.text(1) == "Change the length of Budgetforhandling"


def test_shift_snaps_the_dragged_date_to_a_monday(window, qtbot):
    start = window.wheel.point_for("strategi", "middle")
    drag(qtbot, window, start, turned(window, start, 9), Qt.KeyboardModifier.ShiftModifier)
    moved = activity(window, "strategi").start
    assert moved.weekday() == 0 and moved == D(2022, 4, 11)


def test_drag_across_rings_moves_to_that_ring(window, qtbot):
    wheel = window.wheel
    start = wheel.point_for("strategi", "middle")
    band = wheel.layout_().rings[2]  # Opfølgning
    drag(qtbot, window, start, turned(window, start, 0, (band.lane_inner + band.lane_outer) / 2))
    moved = activity(window, "strategi")
    assert moved.ring == "opfoelgning"
    assert (moved.start, moved.end) == (D(2022, 4, 1), D(2022, 5, 31))
    assert window.document.undo_stack.text(0) == "Move Arbejdsmarkedsstrategi to Opfølgning"


def test_escape_cancels_a_drag(window, qtbot):
    wheel = window.wheel
    start = wheel.point_for("strategi", "middle")
    target = turned(window, start, 30)
    qtbot.mousePress(wheel, Qt.MouseButton.LeftButton, pos=start.toPoint())
    qtbot.mouseMove(wheel, turned(window, start, 15))
    qtbot.mouseMove(wheel, target)
    assert wheel._preview is not None  # the live preview is shown
    assert "(week " in wheel._press.label
    qtbot.keyClick(wheel, Qt.Key.Key_Escape)
    qtbot.mouseRelease(wheel, Qt.MouseButton.LeftButton, pos=target)
    assert window.document.undo_stack.count() == 0
    assert activity(window, "strategi").start == D(2022, 4, 1)
    assert wheel._preview is None


def test_a_recurring_occurrence_asks_and_moves_alone(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(
        EditController, "ask_scope", lambda self, a, q: asked.append(q) or Scope.THIS
    )
    start = window.wheel.point_for("pulje")  # the first deadline, 31 March
    drag(qtbot, window, start, turned(window, start, -9))  # far enough to be a drag
    assert asked and "Move only this occurrence" in asked[0]
    plan = window.document.plan
    assert plan.activity("pulje").exdates == (D(2022, 3, 31),)
    single = next(a for a in plan.activities if a.series == "pulje")
    assert single.start == D(2022, 3, 22)
    assert window.save()
    reloaded = load_plan(window.document.path)
    assert [o.start for o in reloaded.occurrences() if o.activity.id in ("pulje", single.id)] == [
        D(2022, 3, 22),
        D(2022, 6, 30),
        D(2022, 9, 30),
        D(2022, 12, 31),
    ]


def test_a_recurring_series_moves_whole_and_escape_cancels(window, qtbot, monkeypatch):
    monkeypatch.setattr(EditController, "ask_scope", lambda self, a, q: Scope.SERIES)
    start = window.wheel.point_for("budgetopfoelgning", "middle")
    drag(qtbot, window, start, turned(window, start, 7))
    plan = window.document.plan
    assert [o.start for o in plan.occurrences_of(plan.activity("budgetopfoelgning"))] == [
        D(2022, 4, 8),
        D(2022, 6, 8),
        D(2022, 9, 8),
        D(2022, 11, 8),
    ]
    monkeypatch.setattr(EditController, "ask_scope", lambda self, a, q: None)  # Escape
    start = window.wheel.point_for("budgetopfoelgning", "middle")
    drag(qtbot, window, start, turned(window, start, 7))
    assert window.document.undo_stack.count() == 1


def test_undo_every_change_gives_the_original_file_back_byte_for_byte(window, qtbot, monkeypatch):
    monkeypatch.setattr(EditController, "ask_scope", lambda self, a, q: Scope.THIS)
    original = window.document.path.read_bytes()
    wheel = window.wheel
    for activity_id, days in (("strategi", 12), ("teknisk-budget", -9), ("pulje", 8)):
        point = wheel.point_for(activity_id, "middle")
        drag(qtbot, window, point, turned(window, point, days))
    point = wheel.point_for("beskaeftigelsesplan", "start")
    drag(qtbot, window, point, turned(window, point, 6))
    window.view.select(("introduktion", 0))
    wheel.setFocus()
    qtbot.keyClick(wheel, Qt.Key.Key_Delete)
    assert window.document.undo_stack.count() == 5
    assert window.save()
    assert window.document.path.read_bytes() != original
    while window.document.undo_stack.canUndo():
        window.undo_action.trigger()
    assert window.save()
    assert window.document.path.read_bytes() == original
    window.redo_action.trigger()
    assert activity(window, "strategi").start == D(2022, 4, 13)


def test_keyboard_moves_deletes_opens_and_walks(window, qtbot, monkeypatch):
    wheel = window.wheel
    window.view.select(("strategi", 0))
    wheel.setFocus()
    for _ in range(3):
        qtbot.keyClick(wheel, Qt.Key.Key_Right)
    assert activity(window, "strategi").start == D(2022, 4, 4)
    assert window.document.undo_stack.count() == 1  # the nudges are one step
    qtbot.keyClick(wheel, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert activity(window, "strategi").start == D(2022, 3, 28)
    opened = []
    monkeypatch.setattr(EditController, "edit", lambda self, activity_id=None: opened.append(1))
    qtbot.keyClick(wheel, Qt.Key.Key_Return)
    assert opened == [1]
    window.view.select(("introduktion", 0))
    qtbot.keyClick(wheel, Qt.Key.Key_Tab)
    first = window.view.selection
    qtbot.keyClick(wheel, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection == ("introduktion", 0) and first != ("introduktion", 0)
    qtbot.keyClick(wheel, Qt.Key.Key_Delete)
    assert activity(window, "introduktion") is None
    assert window.document.undo_stack.text(window.document.undo_stack.count() - 1) == (
        "Delete Løbende introduktion til området"
    )
    window.undo_action.trigger()
    assert activity(window, "introduktion") is not None


def test_undo_names_are_danish_in_danish(qtbot, tmp_path):
    i18n.set_language("da")
    create_application()
    path = tmp_path / "2022.toml"
    shutil.copy(PLAN_2022, path)
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_path(path)
    win.view.select(("budgetforhandling", 0))
    win.editor.nudge(1)
    assert win.document.undo_stack.text(0) == "Flyt Budgetforhandling"
    assert win.undo_action.text() == "Fortryd Flyt Budgetforhandling"


def test_the_editor_refuses_an_end_before_the_start(window, qtbot):
    plan = window.document.plan
    dialog = ActivityDialog(plan, plan.activity("strategi"), "Edit", window)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled() and dialog.error_label.text() == ""
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-3))
    assert not ok.isEnabled()
    assert dialog.error_label.text() == "The end 29 March 2022 is before the start 1 April 2022"
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(9))
    dialog.repeat_box.setCurrentIndex(6)  # own rule
    dialog.rule_edit.setText("FREQ=SOMETIMES")
    assert "Invalid RRULE" in dialog.error_label.text()
    assert not ok.isEnabled()
    dialog.repeat_box.setCurrentIndex(3)  # every quarter
    assert ok.isEnabled()
    assert dialog.rule_words.text() == "Every 3 months"
    dialog.link_edit.setText("javascript:alert(1)")
    assert not ok.isEnabled()


def test_edit_through_the_dialog_is_one_undoable_change(window, monkeypatch):
    def accept(dialog):
        dialog.title_edit.setText("Strategi for arbejdsmarkedet")
        dialog.owner_edit.setText("Jobcentret")
        dialog.meeting_check.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActivityDialog, "exec", accept)
    window.view.select(("strategi", 0))
    assert window.editor.edit()
    changed = activity(window, "strategi")
    assert (changed.title, changed.owner, changed.meeting) == (
        "Strategi for arbejdsmarkedet",
        "Jobcentret",
        True,
    )
    window.undo_action.trigger()
    assert activity(window, "strategi").title == "Arbejdsmarkedsstrategi"


def empty_spot_on_12_july(window, monkeypatch) -> QPoint:
    """The middle of ring 1 on 12 July 2022 (empty in July); the editor, when it opens,
    names the new activity "Temamøde om unge" and is accepted."""

    def accept(dialog):
        dialog.title_edit.setText("Temamøde om unge")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActivityDialog, "exec", accept)
    layout = window.wheel.layout_()
    band = layout.rings[0]
    x, y = geometry.polar(
        (band.lane_inner + band.lane_outer) / 2, layout.scale.middle(D(2022, 7, 12))
    )
    centre = window.wheel.wheel_rect().center()
    return QPoint(round(centre.x() + x), round(centre.y() + y))


def test_double_click_on_an_empty_spot_adds_there(window, qtbot, monkeypatch):
    spot = empty_spot_on_12_july(window, monkeypatch)
    qtbot.mouseDClick(window.wheel, Qt.MouseButton.LeftButton, pos=spot)
    added = activity(window, "temamoede-om-unge")
    assert (added.start, added.ring, added.end) == (D(2022, 7, 12), "politik", None)
    assert window.view.selection == ("temamoede-om-unge", 0)
    assert window.document.undo_stack.text(0) == "Add Temamøde om unge"


def right_click(widget, pos: QPoint) -> None:
    """A right click as Qt sends it: the press, then the context menu event."""
    from PySide6.QtGui import QContextMenuEvent

    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def shown_menu(qtbot):
    """The popup menu shown, its actions' texts (without accelerators) and the menu."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    return texts, menu


def test_a_right_click_on_an_activity_selects_it_and_offers_what_can_be_done(window, qtbot):
    right_click(window.wheel, window.wheel.point_for("strategi").toPoint())
    assert window.view.selection == ("strategi", 0)
    texts, menu = shown_menu(qtbot)
    assert texts == [
        "Edit Activity…",
        "Duplicate",
        "Delete",
        "New Activity…",
        "Copy Wheel as Picture",
    ]
    duplicate = next(a for a in menu.actions() if a.text() == window.duplicate_action.text())
    menu.close()
    duplicate.trigger()
    assert activity(window, "strategi-2").title == "Arbejdsmarkedsstrategi (copy)"


def test_the_menu_key_opens_the_menu_of_the_selection_at_it(window, qtbot):
    from PySide6.QtGui import QContextMenuEvent

    wheel = window.wheel
    window.view.select(("strategi", 0))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), wheel.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(wheel, event)
    texts, menu = shown_menu(qtbot)
    assert texts[:3] == ["Edit Activity…", "Duplicate", "Delete"]
    at = wheel.mapFromGlobal(menu.pos())
    assert (at - wheel.point_for("strategi").toPoint()).manhattanLength() <= 2
    assert window.view.selection == ("strategi", 0)
    menu.close()


def test_a_right_click_on_an_empty_spot_adds_there(window, qtbot, monkeypatch):
    spot = empty_spot_on_12_july(window, monkeypatch)
    window.view.select(("strategi", 0))
    right_click(window.wheel, spot)
    assert window.view.selection is None  # (nothing is under the pointer)
    texts, menu = shown_menu(qtbot)
    assert texts == ["New Activity on 12 July 2022…", "Copy Wheel as Picture"]
    menu.actions()[0].trigger()
    menu.close()
    added = activity(window, "temamoede-om-unge")
    assert (added.start, added.ring) == (D(2022, 7, 12), "politik")


def test_the_list_edits_deletes_and_offers_its_menu_on_a_row(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(window.editor, "edit", lambda *a: opened.append(window.view.selection))
    table = window.activity_list
    window.list_dock.show()
    window.view.select(("strategi", 0))
    row = table.selectionModel().selectedRows()[0]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    table.doubleClicked.emit(row)
    assert opened == [("strategi", 0)] * 2
    table.customContextMenuRequested.emit(table.visualRect(row).center())
    texts, menu = shown_menu(qtbot)
    assert texts[:3] == ["Edit Activity…", "Duplicate", "Delete"]
    menu.close()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert window.document.plan.activity("strategi") is None
    window.undo_action.trigger()
    assert activity(window, "strategi") is not None


def test_the_tray_edits_deletes_and_offers_its_menu_on_an_activity(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(window.editor, "edit", lambda *a: opened.append(window.view.selection))
    tray = window.unscheduled
    window.unscheduled_dock.show()
    window.unscheduled_dock.raise_()
    row = tray.item(tray.ids().index("jobcamp"))
    tray.customContextMenuRequested.emit(tray.visualItemRect(row).center())
    assert window.view.selection == ("jobcamp", 0)
    texts, menu = shown_menu(qtbot)
    assert texts[:3] == ["Edit Activity…", "Duplicate", "Delete"]
    menu.close()
    tray.itemDoubleClicked.emit(row)
    qtbot.keyClick(tray, Qt.Key.Key_Return)
    assert opened == [("jobcamp", 0)] * 2
    qtbot.keyClick(tray, Qt.Key.Key_Delete)
    assert window.document.plan.activity("jobcamp") is None
    assert "jobcamp" not in tray.ids()


def test_duplicate(window):
    window.view.select(("strategi", 0))
    window.duplicate_action.trigger()
    assert activity(window, "strategi-2").title == "Arbejdsmarkedsstrategi (copy)"


def over_frister_on_19_may(window):
    """The widget point in the middle of the Frister ring on 19 May 2022, and the ring."""
    layout = window.wheel.layout_()
    band = layout.rings[3]
    x, y = geometry.polar(
        (band.lane_inner + band.lane_outer) / 2, layout.scale.middle(D(2022, 5, 19))
    )
    centre = window.wheel.wheel_rect().center()
    return QPointF(centre.x() + x, centre.y() + y), band


def test_dropping_from_the_tray_schedules_and_dragging_to_it_unschedules(window, qtbot):
    wheel = window.wheel
    point, _band = over_frister_on_19_may(window)
    mime = window.unscheduled.mime_for("jobcamp")
    drop = QDropEvent(
        point,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    wheel.dropEvent(drop)  # what a drop from the tray delivers (QDrag cannot run offscreen)
    assert activity(window, "jobcamp").start == D(2022, 5, 19)
    assert "jobcamp" not in window.unscheduled.ids()
    # and back: drag it from the wheel and let go over the tray
    window.unscheduled_dock.raise_()
    qtbot.waitUntil(window.unscheduled.isVisible)
    tray_centre = window.unscheduled.mapToGlobal(window.unscheduled.rect().center())
    target = wheel.mapFromGlobal(tray_centre)
    start = wheel.point_for("jobcamp").toPoint()
    qtbot.mousePress(wheel, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(wheel, QPoint(start.x() + 20, start.y()))
    qtbot.mouseMove(wheel, target)
    qtbot.mouseRelease(wheel, Qt.MouseButton.LeftButton, pos=target)
    assert activity(window, "jobcamp").start is None
    assert "jobcamp" in window.unscheduled.ids()
    other = QMimeData()
    other.setText("not ours")
    assert not other.hasFormat(ACTIVITY_MIME)


def test_a_meetings_agenda_marker_moves_with_it(window, qtbot):
    window.view.select(("strategi", 0))
    plan = window.document.plan
    from dataclasses import replace

    from aarshjul.model import edits

    meeting = replace(
        plan.activity("pulje"),
        id="moede",
        title="Udvalgsmøde",
        rrule="",
        start=D(2022, 4, 20),
        meeting=True,
    )
    window.document.apply("add", edits.add_activity(plan, meeting))
    marker = next(i for i in window.wheel.layout_().items if i.occurrence.derived_from == "moede")
    assert marker.occurrence.start == D(2022, 4, 11)  # four working days, Easter skipped
    point = window.wheel.point_for("moede")
    drag(qtbot, window, point, turned(window, point, 7))
    assert activity(window, "moede").start == D(2022, 4, 27)
    marker = next(i for i in window.wheel.layout_().items if i.occurrence.derived_from == "moede")
    assert marker.occurrence.start == D(2022, 4, 21)
    # the marker itself cannot be dragged: it follows its meeting
    before = window.document.undo_stack.count()
    x, y = geometry.polar(marker.mid_radius, marker.angle0)
    centre = window.wheel.wheel_rect().center()
    spot = QPointF(centre.x() + x, centre.y() + y)
    drag(qtbot, window, spot, turned(window, spot, 5))
    assert window.document.undo_stack.count() == before


def test_rings_and_categories_dialog(window, qtbot, monkeypatch):
    dialog = RingsDialog(window.editor, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Møder", True))
    dialog.add("ring")
    assert window.document.plan.rings[-1].name == "Møder"
    dialog.rings.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Temaer og analyser", True))
    dialog.delete("ring")
    plan = window.document.plan
    assert plan.ring("politik") is None
    assert plan.activity("budgetforhandling").ring == "temaer"
    dialog.categories.setCurrentRow(0)
    dialog.shift("category", 1)
    assert window.document.plan.categories[1].id == "introduktion"
    assert window.document.undo_stack.count() == 3
    for _ in range(3):
        window.undo_action.trigger()
    assert [r.id for r in window.document.plan.rings] == [
        "politik",
        "temaer",
        "opfoelgning",
        "frister",
    ]


def test_new_year_from_this_plan(window, tmp_path, monkeypatch):
    monkeypatch.setattr(RolloverDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    target = tmp_path / "2023.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.rollover_dialog()
    assert window.document.path == target
    assert window.document.plan.title == "Årshjul arbejdsmarkedsudvalget 2023"
    assert load_plan(target).start == D(2023, 1, 1)


def test_point_for_names_the_edges(window):
    wheel = window.wheel
    item = wheel.layout_().items_of("strategi")[0]
    centre = wheel.wheel_rect().center()
    for edge, angle in (("start", item.angle0), ("end", item.angle1)):
        point = wheel.point_for("strategi", edge)
        _r, measured = geometry.to_polar(point.x() - centre.x(), point.y() - centre.y())
        assert abs(measured - angle) < math.degrees(10 / item.mid_radius)
    with pytest.raises(LookupError):
        wheel.point_for("jobcamp")


def test_the_editor_says_every_problem_at_once_with_dates_in_words(window, qtbot):
    plan = window.document.plan
    dialog = ActivityDialog(plan, plan.activity("strategi"), "Edit", window)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("")
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-3))
    lines = dialog.error_label.text().splitlines()
    assert lines == [
        "The title must not be empty",
        "The end 29 March 2022 is before the start 1 April 2022",
    ]
    dialog.start_edit.line.setText("")
    qtbot.keyClicks(dialog.start_edit.line, "31.02")
    assert "'31.02' is not a date" in dialog.error_label.text()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()


def test_dragging_from_the_tray_shows_the_day_under_the_cursor(window, qtbot):
    wheel = window.wheel
    point, band = over_frister_on_19_may(window)
    mime = window.unscheduled.mime_for("jobcamp")  # kept alive: the event does not own it
    move = QDragMoveEvent(
        point.toPoint(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    wheel.dragMoveEvent(move)
    assert wheel.drop_hint is not None
    text = wheel.drop_hint[1]
    assert "19 May 2022" in text and "(week 20)" in text and band.ring.name in text


def test_the_drag_label_is_never_cut_off_at_the_edge(window):
    wheel = window.wheel
    text = "Thursday 19 May 2022 (week 20) – Friday 30 December 2022 (week 52)"
    for corner in (
        QPointF(wheel.width() - 2, wheel.height() - 2),
        QPointF(2, 2),
        QPointF(wheel.width() / 2, wheel.height() - 1),
    ):
        box = wheel.drag_label_box(corner, text)
        assert box.left() >= 0 and box.top() >= 0
        assert box.right() <= wheel.width() and box.bottom() <= wheel.height()


def test_a_drag_ghosts_the_activity_where_it_was_and_paints_the_wheel_once(window, qtbot):
    wheel = window.wheel
    start = wheel.point_for("strategi", "middle")
    before = wheel.grab().toImage().pixelColor(start.toPoint())
    cached = wheel._pixmap
    assert cached is not None
    target = turned(window, start, 120)
    qtbot.mousePress(wheel, Qt.MouseButton.LeftButton, pos=start.toPoint())
    for days in (10, 40, 80, 120):
        qtbot.mouseMove(wheel, turned(window, start, days))
    assert wheel._preview is not None
    assert wheel._pixmap is cached  # no frame of the drag paints the whole wheel again
    ghost = wheel.grab().toImage().pixelColor(start.toPoint())
    base = wheel.palette().base().color()
    assert ghost.lightness() > before.lightness() + 60  # washed pale
    assert ghost != base  # but still there, where it was
    qtbot.keyClick(wheel, Qt.Key.Key_Escape)
    qtbot.mouseRelease(wheel, Qt.MouseButton.LeftButton, pos=target)
    assert wheel.grab().toImage().pixelColor(start.toPoint()) == before


def test_a_nudge_moves_no_other_activity_and_its_undo_gives_the_wheel_back(window, qtbot):
    """Other activities keep their lanes while one is moved by the keys (also where
    the move needs a lane more), and an undo gives back the wheel as it was, lane for
    lane."""
    wheel = window.wheel

    def lanes() -> dict[tuple[str, int], tuple[int, int]]:
        return {
            (i.occurrence.activity.id, i.occurrence.index): (i.ring, i.lane)
            for i in wheel.layout_().items
        }

    plan = window.document.plan
    moved = [a.id for a in plan.activities if a.end is not None and not a.rrule][:8]
    for activity_id in moved:
        before = lanes()
        window.view.select((activity_id, 0))
        wheel.setFocus()
        qtbot.keyClick(wheel, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        after = lanes()
        others = [key for key in before if key[0] != activity_id]
        assert all(key in after for key in others)
        assert all(after[key] == before[key] for key in others)
        window.undo_action.trigger()
        assert lanes() == before
