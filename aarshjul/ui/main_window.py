"""The main window: the wheel, the activities without a date, and the File menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from aarshjul import __version__
from aarshjul.geometry import Item
from aarshjul.i18n import _
from aarshjul.model import PlanError
from aarshjul.ui.document import PlanDocument
from aarshjul.ui.formatting import format_range
from aarshjul.ui.wheel_widget import WheelWidget

FILE_FILTER = "{plans} (*.toml);;{all} (*)"


class MainWindow(QMainWindow):
    """One window per open plan."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.document = PlanDocument(self)
        self.wheel = WheelWidget(self.document, self)
        self.setCentralWidget(self.wheel)
        self._build_unscheduled_dock()
        self._build_actions()
        self._build_menus()
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.document.plan_changed.connect(self._refresh)
        self.document.path_changed.connect(self._update_title)
        self.document.modified_changed.connect(self.setWindowModified)
        self.wheel.hovered.connect(self._show_hovered)
        self.resize(1180, 900)
        self._update_title()
        self._refresh()

    # -- building -----------------------------------------------------------

    def _build_unscheduled_dock(self) -> None:
        self.unscheduled = QListWidget()
        self.unscheduled.setObjectName("unscheduledList")
        self.unscheduled.setWordWrap(True)
        self.unscheduled.setAlternatingRowColors(True)
        dock = QDockWidget(_("Without a date"), self)
        dock.setObjectName("unscheduledDock")
        dock.setWidget(self.unscheduled)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.unscheduled_dock = dock

    def _build_actions(self) -> None:
        def action(text: str, shortcut: QKeySequence.StandardKey | str | None, slot) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.open_action = action(_("&Open…"), QKeySequence.StandardKey.Open, self.open_dialog)
        self.save_action = action(_("&Save"), QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = action(_("Save &As…"), QKeySequence.StandardKey.SaveAs, self.save_as)
        self.quit_action = action(_("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.about_action = action(_("&About Årshjul"), None, self.about)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(_("&View"))
        view_menu.addAction(self.unscheduled_dock.toggleViewAction())
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(self.about_action)

    # -- showing the document -----------------------------------------------

    def _update_title(self) -> None:
        plan = self.document.plan
        name = plan.title if plan else _("No plan")
        # Qt shows "*" in place of [*] while the window is modified
        self.setWindowTitle(f"{name}[*] — Årshjul")
        self.setWindowModified(self.document.modified)

    def _refresh(self) -> None:
        plan = self.document.plan
        self._update_title()
        self.unscheduled.clear()
        has_plan = plan is not None
        self.save_action.setEnabled(has_plan)
        self.save_as_action.setEnabled(has_plan)
        if plan is None:
            self.status.setText("")
            return
        waiting = [a for a in plan.activities if a.start is None]
        for activity in waiting:
            category = plan.category(activity.category)
            row = QListWidgetItem(activity.title)
            row.setData(Qt.ItemDataRole.UserRole, activity.id)
            row.setToolTip(activity.description)
            if category:
                row.setData(Qt.ItemDataRole.DecorationRole, _swatch(category.color))
            self.unscheduled.addItem(row)
        self.unscheduled_dock.setVisible(bool(waiting) or self.unscheduled_dock.isVisible())
        self.status.setText(self._summary())

    def _summary(self) -> str:
        plan = self.document.plan
        assert plan is not None
        waiting = sum(1 for a in plan.activities if a.start is None)
        return _("{count} activities, {waiting} without a date · {first} – {last}").format(
            count=len(plan.activities),
            waiting=waiting,
            first=plan.start.strftime("%d.%m.%Y"),
            last=plan.last_day.strftime("%d.%m.%Y"),
        )

    def _show_hovered(self, item: Item | None) -> None:
        plan = self.document.plan
        if item is None or plan is None:
            self.status.setText(self._summary() if plan else "")
            return
        occ = item.occurrence
        self.status.setText(
            f"{occ.activity.title} · {format_range(occ.start, occ.end, plan.locale)}"
        )

    # -- files ---------------------------------------------------------------

    def settings(self) -> QSettings:
        return QSettings()

    def _file_filter(self) -> str:
        return FILE_FILTER.format(plans=_("Årshjul plans"), all=_("All files"))

    def _start_dir(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(self.settings().value("files/lastDirectory", str(Path.home())))

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open plan"), self._start_dir(), self._file_filter()
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open the plan at ``path``; on failure say why and keep what is open."""
        try:
            self.document.open(path)
        except PlanError as exc:
            self._error(_("The plan could not be opened"), str(exc))
            return False
        self.settings().setValue("files/lastDirectory", str(Path(path).resolve().parent))
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path) if self.document.path else self._start_dir()
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save plan as"), start, self._file_filter()
        )
        if not path:
            return False
        if not path.endswith(".toml"):
            path += ".toml"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except OSError as exc:
            self._error(
                _("The plan could not be saved"),
                _("{path}: {reason}\n\nThe file on disk is unchanged.").format(
                    path=path, reason=exc.strerror or exc
                ),
            )
            return False
        self.statusBar().showMessage(_("Saved {path}").format(path=path), 4000)
        return True

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False if the user cancels."""
        if not self.document.modified:
            return True
        answer = QMessageBox.warning(
            self,
            _("Unsaved changes"),
            _("The plan has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()

    def _error(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, title, QMessageBox.StandardButton.Ok, self
        )
        box.setInformativeText(text)
        box.exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Årshjul"),
            _(
                "<b>Årshjul {version}</b><p>A committee's year as a wheel, kept in a plain TOML "
                "file that is yours.</p>"
            ).format(version=__version__),
        )


def _swatch(color: str):
    from PySide6.QtGui import QColor, QPixmap

    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return pixmap
