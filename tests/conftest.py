"""Test configuration: Qt offscreen on a laptop-sized screen, settings in a temporary
folder, English messages.

Set here, before anything imports Qt, so that no caller has to set them.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# the offscreen screen is a laptop's: 1366×768 at a device pixel ratio of 1
_SCREEN = Path(__file__).resolve().parent / "laptop-screen.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="aarshjul-test-config-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="aarshjul-test-data-")  # recovery files
for _folder in (os.environ["XDG_CONFIG_HOME"], os.environ["XDG_DATA_HOME"]):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)  # gone when the run ends
os.environ["AARSHJUL_LANG"] = "en"

import pytest  # noqa: E402 (after the environment that Qt reads)

from aarshjul import i18n  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PLAN_2022 = ROOT / "plans" / "2022.toml"
EXAMPLES = ROOT / "docs" / "examples"


@pytest.fixture(autouse=True)
def english():
    """Every test starts in English; a test that checks Danish switches itself."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def plan_2022_text() -> str:
    return PLAN_2022.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    """Modal dialogs never block a test: an unasked question is answered "discard"."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: discard)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: discard)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "about", lambda *a, **k: None)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))


@pytest.fixture
def open_window(qtbot, tmp_path):
    """A factory: a main window on a copy of the 2022 plan, shown offscreen."""
    import shutil

    from aarshjul.ui.app import create_application
    from aarshjul.ui.main_window import MainWindow

    def make(today=None, size=(1280, 900), hide_docks=False):
        from PySide6.QtCore import QSettings

        create_application()
        QSettings().clear()  # a first start: not the panels an earlier test's window left
        path = tmp_path / "2022.toml"
        shutil.copy(PLAN_2022, path)
        window = MainWindow(today=today)
        qtbot.addWidget(window)
        assert window.open_path(path)
        window.resize(*size)
        if hide_docks:  # a large wheel: drags land on whole days
            for dock in (
                window.details_dock,
                window.legend_dock,
                window.upcoming_dock,
                window.history_dock,
                window.list_dock,
            ):
                dock.hide()
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture(autouse=True, scope="session")
def application(qapp):
    """One QApplication for the whole run, made first: an export's QGuiApplication made
    before it would keep the window tests from making theirs."""
    return qapp
