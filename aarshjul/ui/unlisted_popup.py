"""The names the numbered list beside the wheel had no room for, in a popup list."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from aarshjul.i18n import _

WIDEST = 420  # px: a longer name is cut by the list, its whole name in its tooltip
TALLEST_SHARE = 0.6  # of the screen's height: more rows scroll


class UnlistedPopup(QListWidget):
    """Each name as its number and title; a click, or Enter on one, chooses it (and
    closes the list); Escape or a click elsewhere closes it."""

    chosen = Signal(object)  # (activity id, occurrence index)

    def __init__(self, entries: list[tuple[int, str, str, int]], parent: QWidget) -> None:
        """``entries``: number, title, activity id and occurrence index of each."""
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setObjectName("unlistedPopup")
        self.setAccessibleName(_("Numbered activities not listed beside the wheel"))
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, title, activity_id, index in entries:
            row = QListWidgetItem(f"{number}  {title}")
            row.setToolTip(title)
            row.setData(Qt.ItemDataRole.UserRole, (activity_id, index))
            self.addItem(row)
        self.setCurrentRow(0)
        self.itemClicked.connect(self._choose)
        self.itemActivated.connect(self._choose)

    def _choose(self, row: QListWidgetItem) -> None:
        self.chosen.emit(row.data(Qt.ItemDataRole.UserRole))
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._choose(self.currentItem())
            return
        super().keyPressEvent(event)

    def open_at(self, where: QPoint) -> None:
        """Shows the list with its top left corner at ``where`` (global), as large as its
        names need up to WIDEST and a share of the screen, and kept on the screen."""
        rows = max(1, self.count())
        row = max(self.sizeHintForRow(0), 1)
        frame = 2 * self.frameWidth()
        screen = QGuiApplication.screenAt(where) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen else QRect(0, 0, 1024, 768)
        scroll = self.verticalScrollBar().sizeHint().width()
        width = min(self.sizeHintForColumn(0) + frame + scroll + 4, WIDEST, room.width())
        height = min(rows * row + frame, int(room.height() * TALLEST_SHARE))
        x = min(max(where.x(), room.left()), room.right() - width)
        y = min(max(where.y(), room.top()), room.bottom() - height)
        self.setGeometry(x, y, width, height)
        self.show()
        self.setFocus(Qt.FocusReason.PopupFocusReason)
