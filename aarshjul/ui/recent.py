"""File › Open Recent: the plans last opened or saved, newest first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from aarshjul.i18n import _
from aarshjul.paths import is_shipped_plan

KEY = "files/recent"
KEPT = 8


def remembered(settings: QSettings) -> list[Path]:
    """The plans remembered, newest first."""
    text = settings.value(KEY, "")
    return [Path(line) for line in str(text or "").split("\n") if line]


def remember(settings: QSettings, path: Path) -> None:
    """``path`` first in the list (the shipped plans are not remembered: ``aarshjul``
    opens them anyway)."""
    path = path.resolve()
    if is_shipped_plan(path) or "\n" in str(path):
        return
    kept = [p for p in remembered(settings) if p != path]
    settings.setValue(KEY, "\n".join(map(str, [path, *kept][:KEPT])))


def forget(settings: QSettings, path: Path | None = None) -> None:
    """``path`` taken off the list; the whole list where it is None."""
    kept = [p for p in remembered(settings) if path is not None and p != path.resolve()]
    settings.setValue(KEY, "\n".join(map(str, kept)))


def shown(path: Path) -> str:
    """The file's name and its folder, the home folder as ~."""
    folder, home = path.parent, Path.home()
    if folder == home:
        where = "~"
    elif folder.is_relative_to(home):
        where = f"~/{folder.relative_to(home)}"
    else:
        where = str(folder)
    return f"{path.name}  —  {where}"


class RecentMenu(QMenu):
    """Filled as it opens: a plan per line, then Clear. ``open_plan`` gets the one
    chosen."""

    def __init__(self, open_plan: Callable[[Path], object], parent: QWidget) -> None:
        super().__init__(_("Open &Recent"), parent)
        self.setObjectName("recentMenu")
        self._open = open_plan
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        paths = remembered(QSettings())
        for n, path in enumerate(paths, start=1):
            act = self.addAction(f"&{n}  " + shown(path).replace("&", "&&"))
            act.setStatusTip(str(path))
            act.triggered.connect(lambda _checked=False, p=path: self._open(p))
        if not paths:
            self.addAction(_("No plans opened yet")).setEnabled(False)
        self.addSeparator()
        clear = self.addAction(_("&Clear the List"), lambda: forget(QSettings()))
        clear.setEnabled(bool(paths))
