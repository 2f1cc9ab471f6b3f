"""Crash recovery: unsaved work is kept every 30 seconds in the user's data folder and
offered back after a crash; a save or a clean close removes it."""

import shutil

from aarshjul.model import edits
from aarshjul.ui import recovery
from aarshjul.ui.main_window import MainWindow

from .conftest import PLAN_2022


def test_unsaved_work_survives_a_crash_and_is_offered_back(open_window, qtbot, monkeypatch):
    window = open_window()
    path = window.document.path
    window.editor.apply("Move", lambda p: edits.move_activity(p, "strategi", 5))
    edited = window.document.plan
    window.autosave()  # what the 30-second timer does
    kept = recovery.recovery_file(path)
    assert kept.exists() and str(kept).startswith(str(recovery.recovery_folder()))
    assert kept.parent != path.parent  # in the user's data folder, not beside the plan
    # the program dies here: the next start opens the plan again
    asked = []
    monkeypatch.setattr(MainWindow, "ask_restore", lambda self, when: asked.append(when) or True)
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.open_path(path)
    assert asked  # with when it was written
    assert second.document.plan == edited and second.document.modified
    assert second.save()
    assert not kept.exists()  # a save removes it


def test_a_clean_close_leaves_nothing_to_recover(open_window, monkeypatch, tmp_path):
    window = open_window()
    path = window.document.path
    window.editor.apply("Move", lambda p: edits.move_activity(p, "strategi", 5))
    window.autosave()
    assert recovery.recovery_file(path).exists()
    window.close()  # asked to save: the tests answer "discard"
    assert not recovery.recovery_file(path).exists()


def test_no_recovery_file_without_unsaved_work(open_window, tmp_path):
    window = open_window()
    window.autosave()
    assert not recovery.recovery_file(window.document.path).exists()
    other = tmp_path / "other.toml"
    shutil.copy(PLAN_2022, other)
    assert recovery.found(other) is None
