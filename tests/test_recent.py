"""File › Open Recent: the plans last opened or saved, newest first."""

import datetime as dt
import shutil

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from aarshjul.paths import shipped_plan
from aarshjul.ui import recent

from .conftest import PLAN_2022

D = dt.date


def entries(window) -> list[str]:
    window.recent_menu.fill()
    return [a.statusTip() for a in window.recent_menu.actions() if a.statusTip()]


def test_opened_and_saved_plans_are_remembered_newest_first(open_window, tmp_path, monkeypatch):
    window = open_window()  # (a copy of the 2022 plan in tmp_path)
    first = tmp_path / "2022.toml"
    other = tmp_path / "other folder" / "b&c.toml"
    other.parent.mkdir()
    shutil.copy(PLAN_2022, other)
    assert window.open_path(other)
    assert window.open_path(shipped_plan())  # (the shipped plan is not remembered)
    assert entries(window) == [str(other), str(first)]
    assert window.recent_menu.actions()[0].text().startswith("&1  b&&c.toml  —  ")
    saved = tmp_path / "saved.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    assert window.save_as()
    assert entries(window) == [str(saved), str(other), str(first)]
    assert window.open_path(first)  # opened again: first again, once
    assert entries(window) == [str(first), str(saved), str(other)]


def test_a_recent_plan_opens_and_one_gone_is_taken_off(open_window, tmp_path, qtbot):
    window = open_window()
    other = tmp_path / "other.toml"
    shutil.copy(PLAN_2022, other)
    assert window.open_path(other)
    assert window.open_path(tmp_path / "2022.toml")
    window.recent_menu.fill()
    window.recent_menu.actions()[1].trigger()  # (the one before)
    assert window.document.path == other
    other.unlink()
    assert not window.open_recent(other)
    assert entries(window) == [str(tmp_path / "2022.toml")]
    assert window.document.path == other  # (what was open stays open)


def test_the_list_keeps_eight_and_clears(qapp, tmp_path):
    settings = QSettings()
    recent.forget(settings)
    for k in range(10):
        recent.remember(settings, tmp_path / f"{k}.toml")
    assert recent.remembered(settings) == [tmp_path / f"{k}.toml" for k in range(9, 1, -1)]
    recent.forget(settings, tmp_path / "5.toml")
    assert tmp_path / "5.toml" not in recent.remembered(settings)
    recent.forget(settings)
    assert recent.remembered(settings) == []


def dropped(window, path, qtbot):
    """A file dragged over the wheel and dropped there, its events sent as Qt sends them
    (QDrag cannot run offscreen): to the wheel, and on to the window where it leaves
    them. Whether the window took the drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    middle = window.wheel.rect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind, where in ((QDragEnterEvent, middle), (QDragMoveEvent, middle)):
        event = kind(where, Qt.DropAction.CopyAction, mime, buttons, keys)
        QApplication.sendEvent(window.wheel, event)
        if not event.isAccepted():
            return False
    drop = QDropEvent(QPointF(middle), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window.wheel, drop)
    qtbot.wait(10)  # (taken after the drop has ended)
    return drop.isAccepted()


def test_a_plan_dropped_on_the_window_opens_and_a_calendar_is_imported(
    open_window, tmp_path, qtbot, monkeypatch
):
    window = open_window()
    other = tmp_path / "other.toml"
    shutil.copy(PLAN_2022, other)
    assert dropped(window, other, qtbot)
    assert window.document.path == other
    imported = []
    monkeypatch.setattr(window, "import_calendar_dialog", lambda path: imported.append(path))
    calendar = tmp_path / "Udvalg.ICS"
    calendar.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n", encoding="utf-8")
    assert dropped(window, calendar, qtbot)
    assert imported == [calendar]
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    assert not dropped(window, notes, qtbot)  # (not taken: the drag is refused)
    assert window.document.path == other
