"""Earlier versions of a plan: before a save replaces the file, its previous content
is kept in the user's data folder (not beside the plan), the last 20 of each plan.
File › Versions… shows them and restores one as an edit that can be undone."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aarshjul.i18n import _
from aarshjul.model import Plan, PlanError, load_plan
from aarshjul.model.fileformat import write_atomically
from aarshjul.ui.formatting import format_date, ui_locale

KEEP = 20


def versions_folder(path: Path) -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return Path(base or Path.home() / ".aarshjul") / "versions" / key


def keep(path: Path) -> None:
    """Keep the file's present content as a version before a save replaces it; a
    failure here never stops the save."""
    try:
        data = path.read_bytes()
    except OSError:
        return
    folder = versions_folder(path)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        newest = sorted(folder.glob("*.toml"))
        if newest and newest[-1].read_bytes() == data:
            return  # unchanged since the version kept last
        write_atomically(folder / f"{stamp}.toml", data)
        for old in sorted(folder.glob("*.toml"))[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def versions(path: Path) -> list[tuple[dt.datetime, Path]]:
    """The kept versions of the plan at ``path``, newest first."""
    found = []
    for file in versions_folder(path).glob("*.toml"):
        try:
            found.append((dt.datetime.strptime(file.stem, "%Y%m%dT%H%M%S%f"), file))
        except ValueError:
            continue
    return sorted(found, reverse=True)


class VersionsDialog(QDialog):
    """File › Versions…: the kept versions, newest first; Restore takes one back."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(_("Earlier versions of {name}").format(name=path.name))
        self.chosen: Plan | None = None
        self.chosen_time: dt.datetime | None = None
        self.list = QListWidget()
        for when, file in versions(path):
            try:
                plan = load_plan(file)
            except PlanError:
                continue
            text = _("{date} {time}: {title}, {count} activities").format(
                date=format_date(when.date(), ui_locale()),
                time=when.strftime("%H:%M:%S"),
                title=plan.title,
                count=len(plan.activities),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (when, file))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            _("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(self.list.count() > 0)
        buttons.accepted.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        when, file = item.data(Qt.ItemDataRole.UserRole)
        try:
            self.chosen, self.chosen_time = load_plan(file), when
        except PlanError:
            return
        self.accept()
