"""Other people's changes: the window watches its file, takes their changes where
nothing of ours is unsaved, asks where something is, and never saves over them
unasked."""

from PySide6.QtWidgets import QMessageBox

from aarshjul.model import dumps_plan, edits, load_plan
from aarshjul.ui.main_window import MainWindow


def their_change(path, title="Deres titel"):
    """A colleague's save: another program writes the file anew."""
    plan = load_plan(path)
    plan.title = title
    path.write_text(dumps_plan(plan), encoding="utf-8")


def test_their_change_reloads_keeping_the_selection_and_the_view(open_window, qtbot):
    window = open_window()
    window.view.select(("budgetforhandling", 0))
    path = window.document.path
    their_change(path)
    qtbot.waitUntil(lambda: window.document.plan.title == "Deres titel", timeout=5000)
    assert window.view.selection == ("budgetforhandling", 0)
    assert not window.document.modified


def test_their_change_with_our_unsaved_edits_asks_and_can_take_theirs(
    open_window, qtbot, monkeypatch
):
    window = open_window()
    asked = []
    monkeypatch.setattr(
        MainWindow, "ask_disk_conflict", lambda self, path: asked.append(path) or "theirs"
    )
    window.editor.apply("Move", lambda p: edits.move_activity(p, "strategi", 3))
    their_change(window.document.path)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert window.document.plan.title == "Deres titel"
    assert window.document.plan.activity("strategi") == load_plan(window.document.path).activity(
        "strategi"
    )


def test_save_never_writes_over_their_change_unasked(open_window, qtbot, monkeypatch):
    window = open_window()
    monkeypatch.setattr(MainWindow, "ask_disk_conflict", lambda self, path: "mine")
    window.editor.apply("Move", lambda p: edits.move_activity(p, "strategi", 3))
    path = window.document.path
    their_change(path)
    warned = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda *a, **k: warned.append(a) or QMessageBox.StandardButton.Cancel,
    )
    assert not window.save()
    assert warned and load_plan(path).title == "Deres titel"  # theirs is kept
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert window.save()
    assert load_plan(path).activity("strategi") == window.document.plan.activity("strategi")
