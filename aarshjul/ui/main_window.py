"""The main window: the wheel, its panels, the menus and the toolbar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QPainter,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QUndoView,
    QWidget,
)

from aarshjul import __version__, wording
from aarshjul.geometry import Item, WheelLayout
from aarshjul.i18n import LANGUAGE_KEY, LANGUAGES, N_, NAMES, _, language, reason, translator
from aarshjul.model import Activity, Plan, PlanError, filters, load_plan, save_plan
from aarshjul.model.periods import Zoom
from aarshjul.model.rollover import rollover
from aarshjul.paths import is_shipped_plan
from aarshjul.ui import recent, recovery
from aarshjul.ui.activity_list import KEY_ROLE, ActivityList
from aarshjul.ui.details_panel import DetailsPanel
from aarshjul.ui.dialogs import ask_save, ask_save_path, choose, place_on_screen, run_modal
from aarshjul.ui.document import PlanDocument
from aarshjul.ui.editing import EditController
from aarshjul.ui.formatting import format_date, format_range, ui_locale
from aarshjul.ui.legend import Legend
from aarshjul.ui.tray import UnscheduledTray
from aarshjul.ui.upcoming import UpcomingPanel
from aarshjul.ui.view_state import ViewState
from aarshjul.ui.wheel_widget import WheelWidget

if TYPE_CHECKING:  # printing, exports and dialogs are imported when first used
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from aarshjul.render.printout import Printout
    from aarshjul.ui.calendar_dialogs import PublishDialog

NEXT_START = {  # said in the language chosen
    "da": N_("Årshjul speaks Danish from the next start."),
    "en": N_("Årshjul speaks English from the next start."),
}
PAPER_KEY = "export/pdfPaper"  # the PDF's paper and orientation, as last chosen
PICTURE_SIZE = (1600, 1600)  # px: Export Image and Copy Wheel as Picture
PICTURE_DPI = 200  # 20 cm wide where it is pasted into a document
FILE_FILTER = "{plans} (*.toml);;{all} (*)"
CALENDAR_SUFFIXES = (".ics", ".ical", ".ifb")


class MainWindow(QMainWindow):
    """One window per open plan."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.document = PlanDocument(self)
        self.view = ViewState(self.document, self)
        self.editor = EditController(self.document, self.view, self)
        self.editor.refused.connect(self._refused)
        self.wheel = WheelWidget(self.view, self)
        self.wheel.drag_finished.connect(self.editor.finish_drag)
        self.wheel.create_requested.connect(self.editor.add)
        self.wheel.schedule_requested.connect(self.editor.schedule)
        self.wheel.nudge_requested.connect(self.editor.nudge)
        self.wheel.delete_requested.connect(self.editor.delete)
        self.wheel.edit_requested.connect(self.editor.edit)
        self.wheel.menu_requested.connect(self.show_menu)
        if today is not None:
            self.wheel.set_today(today)
        self.setCentralWidget(self.wheel)
        self.setAcceptDrops(True)  # a plan or a calendar file dropped on the window
        self.setDockNestingEnabled(True)
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.held_notice = ""  # who else has the plan open, as last said
        self._autosave_timer = QTimer(self)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start(recovery.INTERVAL_MS)
        # when idle, a few activities at a time: what a search will look in
        self._preparing: tuple[Plan, list[Activity]] | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_some)
        self.status = QLabel()
        # on the right, never under a message: a message shown before the window (a
        # plan open elsewhere) was written over the summary on the left
        self.statusBar().addPermanentWidget(self.status)
        self.document.plan_changed.connect(self._refresh)
        self.document.path_changed.connect(self._update_title)
        self.document.disk_changed.connect(self._disk_changed)
        self.document.held_by.connect(self._held_by)
        self.document.modified_changed.connect(self.setWindowModified)
        self.view.zoom_changed.connect(self._zoom_changed)
        self.wheel.hovered.connect(self._show_hovered)
        self.view.selection_changed.connect(self._describe_wheel)
        self.fit_to_screen()
        self._restore_layout()
        self._update_title()
        self._refresh()
        self._zoom_changed()

    # -- building -----------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        """Now and next at the top right, the details under it, and the legend, the
        tray and the history as tabs below; the list of activities at the bottom."""
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.upcoming = UpcomingPanel(self.view)
        self.upcoming_dock = self._dock(_("Now and next"), "upcomingDock", self.upcoming, right)
        self.details = DetailsPanel(self.view)
        self.details_dock = self._dock(_("Details"), "detailsDock", self.details, right)
        self.legend = Legend(self.view)
        self.legend_dock = self._dock(_("Legend"), "legendDock", self.legend, right)
        self.unscheduled = UnscheduledTray(self.view)
        self.wheel.tray = self.unscheduled
        self.unscheduled.edit_requested.connect(lambda: self.editor.edit())
        self.unscheduled.delete_requested.connect(self.editor.delete)
        self.unscheduled.menu_requested.connect(self.show_menu)
        self.unscheduled_dock = self._dock(
            _("Without a date"), "unscheduledDock", self.unscheduled, right
        )
        self.history = QUndoView(self.document.undo_stack)
        self.history.setObjectName("history")
        self.history.setEmptyLabel(_("<the plan as opened>"))
        self.history_dock = self._dock(_("History"), "historyDock", self.history, right)
        self.tabifyDockWidget(self.legend_dock, self.unscheduled_dock)
        self.tabifyDockWidget(self.unscheduled_dock, self.history_dock)
        self.legend_dock.raise_()
        self.activity_list = ActivityList(self.view)
        self.activity_list.edit_requested.connect(lambda: self.editor.edit())
        self.activity_list.delete_requested.connect(self.editor.delete)
        self.activity_list.menu_requested.connect(self.show_menu)
        self.list_dock = self._dock(
            _("Activities"), "listDock", self.activity_list, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.resizeDocks([self.upcoming_dock], [self._dock_width()], Qt.Orientation.Horizontal)
        self.resizeDocks(
            [self.upcoming_dock, self.details_dock, self.legend_dock],
            [170, 190, 230],
            Qt.Orientation.Vertical,
        )
        self.resizeDocks([self.list_dock], [150], Qt.Orientation.Vertical)

    def _dock_width(self) -> int:
        """Wide enough for the tab titles of the docks tabbed together, uncut."""
        metrics = self.fontMetrics()
        titles = [
            d.windowTitle() for d in (self.legend_dock, self.unscheduled_dock, self.history_dock)
        ]
        # a tab is its text and some 28 px of padding in the usual styles
        return max(300, sum(metrics.horizontalAdvance(t) + 36 for t in titles) + 16)

    def fit_to_screen(self, wanted: QSize | None = None) -> None:
        """Size and place the window inside the screen's available area (a laptop's
        1366×768 less its panels), centred."""
        wanted = wanted or QSize(1280, 860)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(wanted)
            return
        area = screen.availableGeometry()
        frame = QSize(16, 48)  # the window manager's border and title bar
        width = min(wanted.width(), area.width() - frame.width())
        height = min(wanted.height(), area.height() - frame.height())
        self.resize(max(width, 640), max(height, 480))
        self.move(
            area.left() + (area.width() - self.width() - frame.width()) // 2,
            area.top() + (area.height() - self.height() - frame.height()) // 2,
        )

    def _action(
        self,
        text: str,
        shortcut: QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
        tip: str = "",
    ) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(
                f"{tip} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                if shortcut
                else tip
            )
        act.triggered.connect(slot)
        return act

    def _build_actions(self) -> None:
        a = self._action
        self.new_action = a(
            _("&New Plan…"),
            QKeySequence.StandardKey.New,
            self.new_plan_dialog,
            _("A wheel of its own: an empty year to fill"),
        )
        self.open_action = a(_("&Open…"), QKeySequence.StandardKey.Open, self.open_dialog)
        self.save_action = a(_("&Save"), QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = a(_("Save &As…"), QKeySequence.StandardKey.SaveAs, self.save_as)
        self.versions_action = a(
            _("&Versions…"),
            None,
            self.versions_dialog,
            _("Look at the last saves of this plan and take one back"),
        )
        self.export_pdf_action = a(
            _("&Export PDF…"),
            "Ctrl+E",
            self.export_pdf_dialog,
            _("The wheel and a month-by-month handout as PDF"),
        )
        self.export_image_action = a(
            _("Export Ima&ge…"),
            None,
            self.export_image_dialog,
            _("The wheel with its title and legend as a picture (PNG or SVG)"),
        )
        self.copy_wheel_action = a(
            _("&Copy Wheel as Picture"),
            "Ctrl+Shift+C",
            self.copy_wheel,
            _("The wheel with its title and legend on the clipboard, to paste into a slide"),
        )
        self.export_calendar_action = a(
            _("Export &Calendar…"),
            None,
            self.export_calendar_dialog,
            _("The activities as calendar events (.ics) for Outlook and other calendars"),
        )
        self.import_calendar_action = a(
            _("&Import Calendar…"),
            None,
            self.import_calendar_dialog,
            _("Take events from a calendar file (.ics) into the plan"),
        )
        self.publish_action = a(
            _("P&ublish to Calendar…"),
            None,
            self.publish_dialog,
            _("Keep a shared calendar (CalDAV) in step with the plan"),
        )
        self.print_action = a(_("&Print…"), QKeySequence.StandardKey.Print, self.print_dialog)
        self.preview_action = a(_("Print Pre&view…"), "Ctrl+Shift+P", self.print_preview)
        self.quit_action = a(_("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = a(_("&About Årshjul"), None, self.about)
        self.shortcuts_action = a(
            _("&Keyboard Shortcuts"),
            QKeySequence.StandardKey.HelpContents,
            self.show_shortcuts,
            _("Every key the window knows"),
        )

        self.zoom_actions: dict[Zoom, QAction] = {}
        group = QActionGroup(self)
        for zoom, text, key, tip in (
            (Zoom.YEAR, _("Year"), "Ctrl+0", _("Show the whole year")),
            (Zoom.QUARTER, _("Quarter"), "Ctrl+2", _("Show a quarter")),
            (Zoom.MONTH, _("Month"), "Ctrl+3", _("Show a month")),
        ):
            act = a(text, key, lambda _checked=False, z=zoom: self.view.set_zoom(z), tip)
            act.setCheckable(True)
            group.addAction(act)
            self.zoom_actions[zoom] = act
        self.zoom_in_action = a(
            _("Zoom &In"),
            QKeySequence.StandardKey.ZoomIn,
            lambda: self.view.set_zoom(self.view.zoom.closer()),
        )
        self.zoom_out_action = a(
            _("Zoom &Out"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: self.view.set_zoom(self.view.zoom.wider()),
        )
        self.previous_action = a(
            _("Previous"),
            "Alt+Left",
            lambda: self.view.step(-1),
            _("The previous quarter or month"),
        )
        self.next_action = a(
            _("Next"), "Alt+Right", lambda: self.view.step(1), _("The next quarter or month")
        )
        self.today_action = a(_("Today"), "Ctrl+T", self.go_to_today, _("Show the current month"))
        self.find_action = a(_("&Find…"), QKeySequence.StandardKey.Find, self.focus_search)
        self.find_next_action = a(
            _("Find &Next"),
            QKeySequence.StandardKey.FindNext,
            lambda: self.find_next(1),
            _("The next activity the search finds (Enter in the search field)"),
        )
        self.find_previous_action = a(
            _("Find Pre&vious"),
            QKeySequence.StandardKey.FindPrevious,
            lambda: self.find_next(-1),
            _("The activity before, of those the search finds (Shift+Enter)"),
        )
        self.rollover_action = a(
            _("&New Year from This Plan…"),
            None,
            self.rollover_dialog,
            _("Next year's wheel from this one"),
        )
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, _("Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, _("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.add_action = a(
            _("&New Activity…"), "Ctrl+Shift+N", lambda: self.editor.add(), _("Add an activity")
        )
        self.edit_action = a(_("&Edit Activity…"), "F2", lambda: self.editor.edit())
        self.duplicate_action = a(_("D&uplicate"), "Ctrl+D", self.editor.duplicate)
        self.delete_action = a(_("&Delete"), None, self.editor.delete)
        self.rings_action = a(_("&Rings and Categories…"), None, self.rings_dialog)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.recent_menu = recent.RecentMenu(self.open_recent, file_menu)
        for act in (
            self.new_action,
            self.open_action,
            self.recent_menu.menuAction(),
            None,
            self.save_action,
            self.save_as_action,
            self.versions_action,
            self.rollover_action,
            None,
            self.export_pdf_action,
            self.export_image_action,
            self.preview_action,
            self.print_action,
            None,
            self.export_calendar_action,
            self.import_calendar_action,
            self.publish_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if act is None else file_menu.addAction(act)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        for act in (
            self.undo_action,
            self.redo_action,
            None,
            self.add_action,
            self.edit_action,
            self.duplicate_action,
            self.delete_action,
            None,
            self.copy_wheel_action,
            None,
            self.rings_action,
        ):
            edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
        view_menu = self.menuBar().addMenu(_("&View"))
        for act in (
            *self.zoom_actions.values(),
            None,
            self.zoom_in_action,
            self.zoom_out_action,
            self.previous_action,
            self.next_action,
            self.today_action,
            None,
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
            None,
        ):
            view_menu.addSeparator() if act is None else view_menu.addAction(act)
        view_menu.addMenu(self._language_menu())
        view_menu.addSeparator()
        for dock in (
            self.details_dock,
            self.legend_dock,
            self.upcoming_dock,
            self.unscheduled_dock,
            self.history_dock,
            self.list_dock,
        ):
            view_menu.addAction(dock.toggleViewAction())
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def context_menu(self, day: dt.date | None = None, ring: str | None = None) -> QMenu:
        """The menu of a right click: what can be done to the selected activity; a new
        activity on ``day`` in ``ring`` where those are given (an empty spot of a
        ring), else a new one; and the wheel as a picture."""
        menu = QMenu(self)
        if self.view.selection is not None:
            for act in (self.edit_action, self.duplicate_action, self.delete_action):
                menu.addAction(act)
            menu.addSeparator()
        if day is not None and ring is not None:
            here = menu.addAction(
                _("New Activity on {date}…").format(date=format_date(day, ui_locale()))
            )
            here.triggered.connect(lambda: self.editor.add(day, ring))
        else:
            menu.addAction(self.add_action)
        menu.addSeparator()
        menu.addAction(self.copy_wheel_action)
        return menu

    def show_menu(self, where: QPoint, day: dt.date | None = None, ring: str | None = None) -> None:
        if self.document.plan is None:
            return
        menu = self.context_menu(day, ring)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    def _language_menu(self) -> QMenu:
        """View › Language: each language in its own words; the choice is kept and
        taken at the next start (the window is built in one language)."""
        menu = QMenu(_("&Language"), self)
        group = QActionGroup(menu)
        saved = self.settings().value(LANGUAGE_KEY)
        for code in LANGUAGES:
            act = menu.addAction(NAMES[code])
            act.setCheckable(True)
            act.setChecked(code == (saved if saved in LANGUAGES else language()))
            group.addAction(act)
            act.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
        return menu

    def choose_language(self, code: str) -> None:
        """Keep ``code`` as the language of the next start, and say so in it."""
        self.settings().setValue(LANGUAGE_KEY, code)
        if code == language():
            self.statusBar().clearMessage()
            return
        self.statusBar().showMessage(translator(code)(NEXT_START[code]), 10000)

    def _build_toolbar(self) -> None:
        bar = QToolBar(_("Toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.add_action)
        # the menu's undo actions name the change ("Fortryd Flyt …"); the toolbar's
        # keep a short text and name it in their tooltip, so the toolbar stays put
        stack = self.document.undo_stack
        for text, menu_action, slot, can, name in (
            (_("Undo"), self.undo_action, stack.undo, stack.canUndoChanged, stack.undoTextChanged),
            (_("Redo"), self.redo_action, stack.redo, stack.canRedoChanged, stack.redoTextChanged),
        ):
            button = QAction(text, self)
            button.setEnabled(menu_action.isEnabled())
            button.triggered.connect(slot)
            can.connect(button.setEnabled)
            name.connect(lambda change, b=button, t=text: b.setToolTip(f"{t} {change}".strip()))
            bar.addAction(button)
        bar.addSeparator()
        for act in self.zoom_actions.values():
            bar.addAction(act)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addAction(self.today_action)
        bar.addAction(self.next_action)
        bar.addSeparator()
        self.search = QLineEdit()
        self.search.setObjectName("searchField")  # a stable handle for tests and scripts
        self.search.setPlaceholderText(_("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search the activities"))
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self.view.set_search)
        self.search.returnPressed.connect(self._search_return)
        escape = QAction(self.search)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self._search_escape)
        self.search.addAction(escape)
        bar.addWidget(self.search)
        bar.addSeparator()
        bar.addAction(self.export_pdf_action)
        bar.addAction(self.print_action)
        self.addToolBar(bar)

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
        self._describe_wheel()
        for act in (
            self.save_action,
            self.save_as_action,
            self.export_pdf_action,
            self.export_image_action,
            self.copy_wheel_action,
            self.export_calendar_action,
            self.print_action,
            self.preview_action,
            self.rollover_action,
            self.add_action,
            self.edit_action,
            self.duplicate_action,
            self.delete_action,
            self.rings_action,
        ):
            act.setEnabled(plan is not None)
        self.status.setText(self._summary() if plan else "")

    def _zoom_changed(self) -> None:
        self.zoom_actions[self.view.zoom].setChecked(True)
        zoomed = self.view.zoom is not Zoom.YEAR
        self.previous_action.setEnabled(zoomed)
        self.next_action.setEnabled(zoomed)

    def _summary(self) -> str:
        plan = self.document.plan
        assert plan is not None
        waiting = len(plan.undated())  # (remembered from plan to plan: an edit or a
        # hover's end at 50,000 activities need not look at every one)
        return _("{count} activities, {waiting} without a date · {first} – {last}").format(
            count=len(plan.activities),
            waiting=waiting,
            first=plan.start.strftime("%d.%m.%Y"),
            last=plan.last_day.strftime("%d.%m.%Y"),
        )

    def _describe_wheel(self) -> None:
        """What a screen reader says of the wheel: the plan, and what is selected."""
        plan = self.document.plan
        self.wheel.setAccessibleName(
            _("Wheel: {title}").format(title=plan.title) if plan else _("Wheel")
        )
        occurrence = self.view.selected_occurrence()
        if occurrence is None or plan is None:
            self.wheel.setAccessibleDescription(_("Nothing is selected."))
            return
        said = wording.title(occurrence, _)
        if occurrence.start is not None:
            said += f", {format_range(occurrence.start, occurrence.end, ui_locale())}"
        self.wheel.setAccessibleDescription(_("Selected: {what}").format(what=said))

    def _show_hovered(self, item: Item | None) -> None:
        plan = self.document.plan
        if item is None or plan is None:
            self.status.setText(self._summary() if plan else "")
            return
        occ = item.occurrence
        self.status.setText(
            f"{wording.title(occ, _)} · {format_range(occ.start, occ.end, ui_locale())}"
        )

    def _refused(self, why: str) -> None:
        self.statusBar().showMessage(
            _("Not changed: {reason}").format(reason=why[:1].upper() + why[1:]), 8000
        )

    def rings_dialog(self) -> None:
        if self.document.plan is not None:
            from aarshjul.ui.rings_dialog import RingsDialog

            run_modal(RingsDialog(self.editor, self))

    def new_plan_dialog(self) -> bool:
        """A new, empty plan: ask for its year, title and language, save it, open it."""
        from aarshjul.ui.new_plan_dialog import NewPlanDialog

        dialog = NewPlanDialog(self.document.plan, self.wheel.today(), self)
        if run_modal(dialog) != NewPlanDialog.DialogCode.Accepted:
            return False
        plan = dialog.plan()
        name = f"{plan.year_label.replace('/', '-')}.toml"
        return self._save_new(_("Save the new plan as"), name, lambda: plan)

    def rollover_dialog(self) -> bool:
        """Next year's plan: ask for the year and what comes along, save it, open it."""
        plan = self.document.plan
        if plan is None:
            return False
        from aarshjul.ui.rollover_dialog import RolloverDialog

        dialog = RolloverDialog(plan, self)
        if run_modal(dialog) != RolloverDialog.DialogCode.Accepted:
            return False
        year, keep = dialog.year(), dialog.keep_unscheduled()
        return self._save_new(
            _("Save next year's plan as"),
            f"{year}.toml",
            lambda: rollover(plan, year, keep_unscheduled=keep),
        )

    def _save_new(self, title: str, name: str, make: Callable[[], Plan]) -> bool:
        """Ask where (``name`` offered in the folder last used), ask to save what is
        open, then write the plan ``make`` gives there and open it."""
        path = ask_save_path(
            self, title, str(Path(self._start_dir()) / name), self._file_filter(), ".toml"
        )
        if path is None or not self.maybe_save():
            return False
        try:
            save_plan(make(), path)
        except OSError as exc:
            self._error(_("The plan could not be saved"), f"{path}: {reason(exc)}")
            return False
        return self.open_path(path)

    def go_to_today(self) -> None:
        plan = self.document.plan
        today = self.wheel.today()
        if plan is None:
            return
        if not plan.contains(today):
            self.statusBar().showMessage(_("Today is not in this plan's year."), 5000)
            return
        self.view.set_zoom(Zoom.MONTH, today)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def find_next(self, step: int = 1) -> bool:
        """Select the activity after the selected one (``step`` -1: before it) in the
        list's order, round from the end to the start: with a search, the next match.
        False where the list shows none."""
        rows = self.activity_list.source.rowCount()
        if self.document.plan is None or rows == 0:
            if self.search.text():
                self.statusBar().showMessage(_("No activity matches the search."), 5000)
            return False
        selection = self.view.selection
        current = self.activity_list.source.row_of(selection) if selection else -1
        if current < 0:  # (none selected, or not listed: from the start, or the end)
            current = -1 if step > 0 else 0
        row = (current + step) % rows
        key = self.activity_list.source.index(row, 0).data(KEY_ROLE)
        self.view.select(tuple(key))
        return True

    def _search_return(self) -> None:
        """Enter in the search field: the next match (Shift+Enter the one before)."""
        shift = QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        self.find_next(-1 if shift else 1)

    def _search_escape(self) -> None:
        """Escape in the search field: the search cleared, then back to the wheel."""
        if self.search.text():
            self.search.clear()
        else:
            self.wheel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- files ---------------------------------------------------------------

    def settings(self) -> QSettings:
        return QSettings()

    def _file_filter(self) -> str:
        return FILE_FILTER.format(plans=_("Årshjul plans"), all=_("All files"))

    def _start_dir(self) -> str:
        """Where a file dialog starts: the open plan's folder, else the last one used
        (never the shipped plans' folder: that is the installation's)."""
        path = self.document.path
        if path is not None and not is_shipped_plan(path):
            return str(path.parent)
        return str(self.settings().value("files/lastDirectory", str(Path.home())))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.wheel.cancel_drag():
            return
        super().keyPressEvent(event)

    def open_recent(self, path: Path) -> bool:
        """A plan from File › Open Recent; one that is gone is taken off the list."""
        if not path.exists():
            recent.forget(self.settings(), path)
            self._error(
                _("The plan could not be opened"),
                _("{path} is no longer there; it is taken off the list.").format(path=path),
            )
            return False
        return self.maybe_save() and self.open_path(path)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open plan"), self._start_dir(), self._file_filter()
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open the plan at ``path``; on failure say why and keep what is open. Unsaved
        work on it that a crash left behind is offered back."""
        try:
            self.document.open(path)
        except PlanError as exc:
            self._error(_("The plan could not be opened"), str(exc))
            return False
        if not is_shipped_plan(Path(path)):
            self.settings().setValue("files/lastDirectory", str(Path(path).resolve().parent))
            recent.remember(self.settings(), Path(path))
        left = recovery.found(self.document.path)
        if left is not None and left[0] != self.document.plan:
            if self.ask_restore(left[1]):
                self.document.apply(_("Restore unsaved work"), left[0])
            else:
                recovery.discard(self.document.path)
        self.wheel.after_painted(self._prepare_search)
        return True

    PREPARED_AT_ONCE = 500  # activities whose search texts are folded per idle moment

    def _prepare_search(self) -> None:
        """Fold the search texts of the open plan's activities a few at a time while the
        window is idle: the first letter typed into the search field then looks at
        texts ready (on a plan of 50,000 activities folding them takes a third of a
        second)."""
        plan = self.document.plan
        if plan is not None:
            self._preparing = (plan, list(plan.activities))
            self._prepare_timer.start()

    def preparing(self) -> bool:
        """Whether the window is still doing what it does while idle after opening a
        plan (folding the search texts): a window at rest has done it."""
        return self._preparing is not None

    def _prepare_some(self) -> None:
        if self._preparing is not None:
            plan, left = self._preparing
            filters.prepare(
                plan, left[-self.PREPARED_AT_ONCE :], last=len(left) <= self.PREPARED_AT_ONCE
            )
            del left[-self.PREPARED_AT_ONCE :]
            if left:
                return
            self.view.filter.prepare(plan)  # (and what a first letter fades by,
            self.view.visible_ids()  # and lists by)
            self.wheel.prepare_search()
        self._preparing = None
        self._prepare_timer.stop()

    def ask_restore(self, written: dt.datetime) -> bool:
        """Unsaved work from a crash was found: restore it?"""
        answer = QMessageBox.question(
            self,
            _("Unsaved work found"),
            _(
                "Årshjul did not close cleanly. Unsaved work on this plan from {time} was "
                "kept. Restore it?"
            ).format(time=format_date(written.date(), ui_locale()) + written.strftime(" %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def autosave(self) -> None:
        """Every 30 seconds: unsaved work to the recovery file, in case of a crash."""
        plan = self.document.plan
        if plan is not None and self.document.modified:
            recovery.write(plan, self.document.path)

    def save(self) -> bool:
        if self.document.path is None or is_shipped_plan(self.document.path):
            return self.save_as()  # the shipped plan is a template: keep the user's copy apart
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = self._start_dir()
        if self.document.path is not None and not is_shipped_plan(self.document.path):
            start = str(self.document.path)
        elif self.document.path is not None:
            start = str(Path(self._start_dir()) / self.document.path.name)
        path = ask_save_path(self, _("Save plan as"), start, self._file_filter(), ".toml")
        return path is not None and self._save_to(path)

    def _held_by(self, holder) -> None:
        """Someone else has the plan open: say who and since when."""
        text = _(
            "{user} on {host} has had this plan open since {time}. Saving may replace "
            "their changes; Årshjul asks before it does."
        ).format(
            user=holder.user,
            host=holder.host,
            time=format_date(holder.since.date(), ui_locale(), with_year=False)
            + holder.since.strftime(" %H:%M"),
        )
        self.statusBar().showMessage(text, 20000)
        self.held_notice = text

    def _disk_changed(self) -> None:
        """Someone else changed the open file: take their plan where nothing of ours is
        unsaved, else ask."""
        path = self.document.path
        if path is None:
            return
        if not path.exists():
            self.statusBar().showMessage(
                _("{name} was removed or moved on disk; Save writes it again").format(
                    name=path.name
                ),
                10000,
            )
            return
        if not self.document.modified:
            try:
                self.document.reload()
            except PlanError as exc:
                self._error(_("The plan changed on disk and cannot be read"), str(exc))
                return
            self.statusBar().showMessage(
                _("{name} was changed elsewhere and is shown as it is now").format(name=path.name),
                10000,
            )
            return
        choice = self.ask_disk_conflict(path)
        if choice == "theirs":
            try:
                self.document.reload()
            except PlanError as exc:
                self._error(_("The plan changed on disk and cannot be read"), str(exc))
        elif choice == "copy":
            self.save_as()

    def ask_disk_conflict(self, path: Path) -> str:
        """Their change on disk against our unsaved edits: "theirs" (reload), "copy"
        (keep ours and save it as a copy) or "mine" (keep ours for now)."""
        answer = choose(
            self,
            _("Changed on disk"),
            _("{name} was changed by someone else while you have unsaved changes.").format(
                name=path.name
            ),
            [
                (_("Keep mine, save as a copy…"), QMessageBox.ButtonRole.AcceptRole),
                (_("Reload theirs"), QMessageBox.ButtonRole.DestructiveRole),
            ],
            details=self._differences(path),
            icon=QMessageBox.Icon.Warning,
            cancel=_("Keep mine for now"),
        )
        return {0: "copy", 1: "theirs"}.get(answer, "mine") if answer is not None else "mine"

    def _differences(self, path: Path) -> str:
        """What differs between the plan on disk and ours, activity by activity."""
        ours = self.document.plan
        try:
            theirs = load_plan(path)
        except PlanError as exc:
            return str(exc)
        if ours is None:
            return ""
        mine = {a.id: a for a in ours.activities}
        other = {a.id: a for a in theirs.activities}
        lines = [
            _("Only in yours: {title}").format(title=mine[k].title)
            for k in mine.keys() - other.keys()
        ]
        lines += [
            _("Only on disk: {title}").format(title=other[k].title)
            for k in other.keys() - mine.keys()
        ]
        lines += [
            _("Changed: {title}").format(title=mine[k].title)
            for k in mine.keys() & other.keys()
            if mine[k] != other[k]
        ]
        return "\n".join(sorted(lines)) or _(
            "The activities are the same; the plan's settings differ."
        )

    def _save_to(self, path: Path) -> bool:
        if (
            path == self.document.path
            and self.document.changed_on_disk()
            and path.exists()
            and not self._overwrite_theirs(path)
        ):
            return False
        from aarshjul.ui import versions  # (imported at the first save, not at start)

        versions.keep(path)  # the file as it was, in case the save is regretted
        try:
            self.document.save(path)
        except OSError as exc:
            self._error(
                _("The plan could not be saved"),
                _("{path}: {reason}\n\nThe file on disk is unchanged.").format(
                    path=path, reason=reason(exc)
                ),
            )
            return False
        recovery.discard(path)
        recent.remember(self.settings(), path)
        self.statusBar().showMessage(_("Saved {path}").format(path=path), 4000)
        return True

    def versions_dialog(self) -> bool:
        """File › Versions…: restore an earlier version of the plan as one undo step."""
        path = self.document.path
        if path is None:
            return False
        from aarshjul.ui.versions import VersionsDialog

        dialog = VersionsDialog(path, self)
        if run_modal(dialog) != VersionsDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        when = dialog.chosen_time
        label = when.strftime("%H:%M") if when else ""
        self.document.apply(_("Restore the version from {time}").format(time=label), dialog.chosen)
        return True

    def _overwrite_theirs(self, path: Path) -> bool:
        """Save over a file someone else changed since we read it? Never without asking."""
        answer = QMessageBox.warning(
            self,
            _("Changed on disk"),
            _(
                "{name} was changed by someone else since you opened it. Saving replaces "
                "their changes. Save anyway?"
            ).format(name=path.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

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

    # -- printing and exporting -------------------------------------------------

    def printout(self) -> Printout | None:
        """What the window prints: the plan less what the legend hides."""
        from aarshjul.render.printout import Printout

        plan = self.document.plan
        if plan is None:
            return None
        today = self.wheel.today()
        return Printout(
            plan, self.view.visible(), dt.date.today(), today if plan.contains(today) else None
        )

    def _export_start(self, suffix: str) -> str:
        """The name an export dialog offers: the plan's file's, with ``suffix``, in the
        folder a file dialog starts in (never the shipped plans' folder)."""
        stem = self.document.path.stem if self.document.path else "aarshjul"
        return str(Path(self._start_dir()) / f"{stem}{suffix}")

    def export_pdf_dialog(self) -> bool:
        plan = self.document.plan
        if plan is None:
            return False
        filters: dict[str, tuple[str, bool]] = {}  # each paper and orientation's filter
        for paper in ("A4", "A3"):
            for landscape, name in (
                (False, _("PDF, {paper} portrait")),
                (True, _("PDF, {paper} landscape")),
            ):
                filters[f"{name.format(paper=paper)} (*.pdf)"] = (paper, landscape)
        last = str(self.settings().value(PAPER_KEY, ""))
        asked = ask_save(
            self,
            _("Export PDF"),
            self._export_start(".pdf"),
            ";;".join(filters),
            ".pdf",
            last if last in filters else "",
        )
        if asked is None:
            return False
        path, chosen = asked
        paper, landscape = filters.get(chosen, ("A4", False))
        if chosen in filters:
            self.settings().setValue(PAPER_KEY, chosen)
        printout = self.printout()
        assert printout is not None
        try:
            from aarshjul.render.export import export_pdf

            pages = export_pdf(
                plan,
                path,
                paper=paper,
                landscape=landscape,
                occurrences=printout.occurrences,
                today=printout.today,
            )
        except OSError as exc:
            self._error(_("The PDF could not be written"), f"{path}: {reason(exc)}")
            return False
        self.statusBar().showMessage(
            _("Wrote {path} ({pages} pages)").format(path=path, pages=pages), 5000
        )
        return True

    def export_image_dialog(self) -> bool:
        """The poster (title, wheel, legend) as a PNG or SVG picture, for slides,
        documents and the web; the picture shows what the window prints."""
        plan, printout = self.document.plan, self.printout()
        if plan is None or printout is None:
            return False
        path = ask_save_path(
            self,
            _("Export Image"),
            self._export_start(".png"),
            f"{_('PNG images')} (*.png);;{_('SVG images')} (*.svg)",
            (".png", ".svg"),
        )
        if path is None:
            return False
        from aarshjul.render.export import export_png, export_svg

        write = export_svg if path.suffix.lower() == ".svg" else export_png
        try:
            layout = write(
                plan,
                path,
                *PICTURE_SIZE,
                dpi=PICTURE_DPI,
                occurrences=printout.occurrences,
                today=printout.today,
            )
        except OSError as exc:
            self._error(_("The picture could not be written"), f"{path}: {reason(exc)}")
            return False
        said = _("Wrote {path}").format(path=path)
        self.statusBar().showMessage(f"{said}{self._left_out(layout)}", 8000)
        return True

    def copy_wheel(self) -> bool:
        """The poster as a picture on the clipboard, to paste into a slide, a document
        or a mail; what the window prints."""
        plan, printout = self.document.plan, self.printout()
        if plan is None or printout is None:
            return False
        from aarshjul.render.export import poster_image

        image, layout = poster_image(
            plan,
            *PICTURE_SIZE,
            dpi=PICTURE_DPI,
            occurrences=printout.occurrences,
            today=printout.today,
        )
        QGuiApplication.clipboard().setImage(image)
        said = _("The wheel is on the clipboard as a picture")
        self.statusBar().showMessage(f"{said}{self._left_out(layout)}", 8000)
        return True

    @staticmethod
    def _left_out(layout: WheelLayout) -> str:
        """What a picture of the poster had no room for, said after what was done."""
        said = []
        undated, unlisted = layout.undated_left_out, layout.keyed_unlisted
        if undated:
            said.append(_("the list without a date ({count}) left out").format(count=undated))
        if unlisted:
            said.append(_("{count} numbers not in the list").format(count=unlisted))
        return f" ({'; '.join(said)})" if said else ""

    # -- calendars ---------------------------------------------------------------------

    def export_calendar_dialog(self) -> bool:
        """The plan's activities as an .ics file, for Outlook and other calendars."""
        plan = self.document.plan
        if plan is None:
            return False
        path = ask_save_path(
            self,
            _("Export calendar"),
            self._export_start(".ics"),
            f"{_('Calendar files')} (*.ics)",
            ".ics",
        )
        if path is None:
            return False
        from aarshjul.calendars.export import to_ics  # loaded when first used
        from aarshjul.model.fileformat import write_atomically
        from aarshjul.render.dates import saying

        data = to_ics(plan, say=saying(plan.locale))
        try:
            write_atomically(path, data)
        except OSError as exc:
            self._error(_("The calendar could not be written"), f"{path}: {reason(exc)}")
            return False
        self.statusBar().showMessage(
            _("Wrote {path} ({events} events)").format(
                path=path, events=data.count(b"BEGIN:VEVENT")
            ),
            5000,
        )
        return True

    def import_calendar_dialog(self, path: str | Path | None = None) -> bool:
        """Events of a calendar file into the plan, as one undo step, after a preview of
        what is added, updated and skipped."""
        from aarshjul.calendars.importing import (
            CalendarError,
            apply_import,
            read_calendar,
            read_calendar_file,
        )
        from aarshjul.ui.calendar_dialogs import ImportDialog

        plan = self.document.plan
        if plan is None:
            return False
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                _("Import calendar"),
                self._start_dir(),
                f"{_('Calendar files')} ({' '.join('*' + s for s in CALENDAR_SUFFIXES)})"
                f";;{_('All files')} (*)",
            )
            if not chosen:
                return False
            path = chosen
        source = Path(path)
        try:
            incoming = read_calendar(read_calendar_file(source), plan)
        except (OSError, CalendarError) as exc:
            why = reason(exc) if isinstance(exc, OSError) else str(exc)
            self._error(_("The calendar could not be read"), f"{source}: {why}")
            return False
        dialog = ImportDialog(plan, incoming, source.name, self)
        if run_modal(dialog) != ImportDialog.DialogCode.Accepted:
            return False
        chosen_events = dialog.chosen()
        ring, category, meetings = dialog.ring(), dialog.category(), dialog.meetings()
        return self.editor.apply(
            _("Import {name}").format(name=source.name),
            lambda p: apply_import(p, chosen_events, ring, category, meetings=meetings).plan,
        )

    def publish_dialog(self) -> PublishDialog | None:
        """Publish the plan as it is in the window to a shared CalDAV calendar."""
        from aarshjul.render.dates import saying
        from aarshjul.ui.calendar_dialogs import PublishDialog

        plan = self.document.plan
        if plan is None:
            return None
        dialog = PublishDialog(plan, saying(plan.locale), self.settings(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        place_on_screen(dialog, self)
        dialog.open()
        return dialog

    def _printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from aarshjul.render.export import PDF_DPI
        from aarshjul.render.printout import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        printer.setResolution(PDF_DPI)  # lay the pages out exactly as the PDF export does
        plan = self.document.plan
        if plan is not None:
            printer.setDocName(plan.title)
        return printer

    def _paint_on(self, printer: QPrinter) -> None:
        printout = self.printout()
        if printout is None:
            return
        with QPainter(printer) as painter:
            from aarshjul.render.printout import paint_pages

            paint_pages(painter, printer, printout)

    def print_dialog(self) -> None:
        printer = self._printer()
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        if run_modal(dialog) == QPrintDialog.DialogCode.Accepted:
            self._paint_on(printer)

    def print_preview(self) -> QPrintPreviewDialog:
        """The print preview, showing the pages that Print sends to the printer."""
        printer = self._printer()
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(_("Print Preview"))
        dialog.paintRequested.connect(self._paint_on)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resize(1000, 800)
        place_on_screen(dialog, self)
        dialog.open()
        return dialog

    # -- window life --------------------------------------------------------------

    def _restore_layout(self) -> None:
        state = self.settings().value("window/state")
        geometry = self.settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            screen = self.screen()
            if screen is not None and not screen.availableGeometry().contains(self.frameGeometry()):
                self.fit_to_screen(self.size())  # saved on a larger screen: fit this one
        if isinstance(state, QByteArray):
            self.restoreState(state)

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> Path | None:
        """The one plan (.toml) or calendar file (.ics) a drag brings, or None."""
        urls = event.mimeData().urls()
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() in (".toml", *CALENDAR_SUFFIXES) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        # (over the wheel, which takes only its activities' drags, the move comes here)
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """A plan dropped on the window is opened (after asking to save what is open); a
        calendar file is imported into the plan, after its preview."""
        path = self._dropped_file(event)
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        # after the drop has ended: a dialog inside it would hold the program it came from
        QTimer.singleShot(0, lambda: self._take_dropped(path))

    def _take_dropped(self, path: Path) -> bool:
        if path.suffix.lower() in CALENDAR_SUFFIXES:
            return self.import_calendar_dialog(path)
        return self.maybe_save() and self.open_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            recovery.discard(self.document.path)  # a clean close: nothing to recover
            self.document.close()
            self.settings().setValue("window/geometry", self.saveGeometry())
            self.settings().setValue("window/state", self.saveState())
            event.accept()
        else:
            event.ignore()

    def _error(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, title, QMessageBox.StandardButton.Ok, self
        )
        box.setInformativeText(text)
        run_modal(box)

    # the wheel's own keys (its actions' shortcuts are read from the menus)
    WHEEL_KEYS = (
        ("Tab", N_("select the next activity in date order")),
        ("{shift}+Tab", N_("select the one before")),
        ("←  →", N_("move the selected activity a day")),
        ("{shift}+←  →", N_("move it a week")),
        ("Enter", N_("edit it")),
        ("Delete", N_("delete it")),
        ("Esc", N_("cancel a drag")),
        (N_("Menu key"), N_("the menu of the selected activity")),
        (N_("Ctrl + mouse wheel"), N_("zoom in or out where the mouse is")),
    )

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do): every menu command that has a key, then the wheel's."""
        rows = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for act in menu.actions() if isinstance(menu, QMenu) else ():
                keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys and not act.isSeparator():
                    rows.append((keys, act.text().replace("&", "").rstrip("…")))
        # "Shift" as Qt names it in the menus ("Skift" in Danish)
        shift = QKeySequence("Shift+A").toString(QKeySequence.SequenceFormat.NativeText)[:-2]
        rows += [(_(keys).format(shift=shift), _(text)) for keys, text in self.WHEEL_KEYS]
        return rows

    def show_shortcuts(self) -> None:
        """Help › Keyboard Shortcuts: the keys and what they do, in a table."""
        from html import escape

        lines = "".join(
            f"<tr><td style='padding-right:16px'><b>{escape(keys)}</b></td>"
            f"<td>{escape(text)}</td></tr>"
            for keys, text in self.shortcuts()
        )
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            _("Keyboard Shortcuts"),
            f"<table>{lines}</table>",
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("shortcutsBox")
        run_modal(box)

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Årshjul"),
            _(
                "<b>Årshjul {version}</b><p>A committee's year as a wheel, kept in a plain TOML "
                "file that is yours.</p>"
            ).format(version=__version__),
        )
