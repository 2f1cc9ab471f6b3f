"""Dialogs that open inside the screen and are gone when closed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from aarshjul.i18n import _

FRAME = QSize(16, 48)  # a window manager's border and title bar, about


def place_on_screen(dialog: QWidget, parent: QWidget | None = None) -> None:
    """Size ``dialog`` to fit the available area of its screen (a laptop's 1366×768
    less its panels) and centre it on ``parent``, wholly inside that area."""
    screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    wanted = dialog.size().expandedTo(dialog.sizeHint())
    size = wanted.boundedTo(area.size() - FRAME)
    dialog.resize(size)
    outer = QRect(QPoint(0, 0), size + FRAME)
    outer.moveCenter(parent.frameGeometry().center() if parent else area.center())
    outer.moveLeft(max(area.left(), min(outer.left(), area.right() - outer.width() + 1)))
    outer.moveTop(max(area.top(), min(outer.top(), area.bottom() - outer.height() + 1)))
    dialog.move(outer.topLeft())


def run_modal(dialog: QDialog) -> int:
    """Show ``dialog`` inside the screen and wait for it; it is deleted afterwards (its
    answers can still be read until control returns to the event loop)."""
    place_on_screen(dialog, dialog.parentWidget())
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def ask_save_path(
    parent: QWidget, title: str, start: str, filters: str, suffix: str | tuple[str, ...]
) -> Path | None:
    """Where to write a file, ``suffix`` added to a name without it; an existing file of
    the name with its suffix is replaced only if the user says so (the file dialog
    asked about the name as typed, not as written). Of several suffixes (one per
    filter), a name ending in none of them gets the chosen filter's (else the first)."""
    asked = ask_save(parent, title, start, filters, suffix)
    return asked[0] if asked else None


def ask_save(
    parent: QWidget,
    title: str,
    start: str,
    filters: str,
    suffix: str | tuple[str, ...],
    selected: str = "",
) -> tuple[Path, str] | None:
    """As ``ask_save_path``, with the filter chosen (``selected`` offered first)."""
    path, chosen_filter = QFileDialog.getSaveFileName(parent, title, start, filters, selected)
    if not path:
        return None
    chosen = Path(path)
    suffixes = (suffix,) if isinstance(suffix, str) else suffix
    if chosen.suffix.lower() not in suffixes:
        added = next((s for s in suffixes if f"*{s}" in chosen_filter), suffixes[0])
        chosen = chosen.with_name(chosen.name + added)
        if chosen.exists():
            answer = QMessageBox.question(
                parent,
                title,
                _("{name} exists already. Replace it?").format(name=chosen.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
    return chosen, chosen_filter


def choose(
    parent: QWidget,
    title: str,
    text: str,
    options: list[tuple[str, QMessageBox.ButtonRole]],
    *,
    details: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    cancel: str = "",
) -> int | None:
    """Ask a question with these answers (the first is the default, Escape cancels);
    the index of the answer given, or None."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(_("Show details to see what differs."))
        box.setDetailedText(details)
    buttons = [box.addButton(label, role) for label, role in options]
    escape = (
        box.addButton(cancel, QMessageBox.ButtonRole.RejectRole)
        if cancel
        else box.addButton(QMessageBox.StandardButton.Cancel)
    )
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(escape)
    run_modal(box)
    clicked = box.clickedButton()
    return next((k for k, button in enumerate(buttons) if clicked is button), None)
