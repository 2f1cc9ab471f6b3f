"""Test configuration: Qt offscreen, settings in a temporary folder, English messages.

Set here, before anything imports Qt, so that no caller has to set them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="aarshjul-test-config-")
os.environ["AARSHJUL_LANG"] = "en"

import pytest

from aarshjul import i18n

ROOT = Path(__file__).resolve().parent.parent
PLAN_2022 = ROOT / "plans" / "2022.toml"


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
