"""Other people's changes: the window watches its file, takes their changes where
nothing of ours is unsaved, asks where something is, and never saves over them
unasked."""

from dataclasses import replace

from PySide6.QtWidgets import QMessageBox

from aarshjul.model import dumps_plan, edits, load_plan
from aarshjul.ui.main_window import MainWindow


def their_change(path, title="Deres titel"):
    """A colleague's save: another program writes the file anew."""
    plan = replace(load_plan(path), title=title)
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


def test_a_lock_file_says_who_has_the_plan_open(open_window, tmp_path):
    """As office programs do: the plan's lock names us while we have it open, and a
    second user is told who and since when."""
    import datetime as dt

    from aarshjul.model import lockfile

    window = open_window()
    path = window.document.path
    lock = lockfile.lock_path(path)
    assert lock.exists() and lockfile.holder(path) is None  # ours: nobody else
    since = dt.datetime.now().replace(microsecond=0) - dt.timedelta(minutes=5)
    lock.write_text(f"kirsten,raadhus-pc,4242,{since.isoformat()}", encoding="utf-8")
    other = lockfile.holder(path)
    assert other is not None and other.user == "kirsten" and other.since == since
    second = open_window()  # a second window (another person) opens the same plan
    assert second.open_path(path)
    assert "kirsten on raadhus-pc has had this plan open since" in second.held_notice
    second.close()
    assert not lock.exists() or lockfile.holder(path) is None


def test_a_stale_lock_from_a_crash_says_nothing(tmp_path):
    import datetime as dt

    from aarshjul.model import lockfile

    plan = tmp_path / "plan.toml"
    plan.write_text("", encoding="utf-8")
    old = dt.datetime.now() - dt.timedelta(days=2)
    lockfile.lock_path(plan).write_text(f"a,elsewhere,1,{old.isoformat()}", encoding="utf-8")
    assert lockfile.holder(plan) is None
