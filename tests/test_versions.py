"""Earlier versions: each save keeps the file as it was in the user's data folder,
the last 20; File › Versions… restores one as an edit that can be undone."""

from PySide6.QtWidgets import QDialog

from aarshjul.model import edits, load_plan
from aarshjul.ui import versions
from aarshjul.ui.versions import VersionsDialog


def test_every_save_keeps_the_version_before_it_and_twenty_at_most(open_window):
    window = open_window()
    path = window.document.path
    first = load_plan(path)
    for days in range(1, 25):
        window.editor.apply(f"Move {days}", lambda p: edits.move_activity(p, "strategi", 1))
        assert window.save()
    kept = versions.versions(path)
    assert len(kept) == versions.KEEP
    assert all(file.parent != path.parent for _when, file in kept)  # not beside the plan
    assert kept[0][0] > kept[-1][0]  # newest first
    assert load_plan(kept[0][1]) != load_plan(path)  # the one before the last save
    assert all(load_plan(f) != first for _w, f in kept)  # the oldest fell off


def test_versions_restores_one_as_an_undoable_edit(open_window, qtbot, monkeypatch):
    window = open_window()
    path = window.document.path
    before = window.document.plan
    window.editor.apply("Move", lambda p: edits.move_activity(p, "strategi", 7))
    assert window.save()

    def choose_oldest(dialog):
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        dialog.restore()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(VersionsDialog, "exec", choose_oldest)
    assert window.versions_dialog()
    assert window.document.plan == before and window.document.modified
    window.document.undo_stack.undo()
    assert window.document.plan == load_plan(path)
