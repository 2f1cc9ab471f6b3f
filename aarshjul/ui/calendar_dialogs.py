"""File › Export calendar…, Import calendar… and Publish to calendar…: the plan's
activities into the calendars people live in, and their meetings back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aarshjul.calendars.importing import ACTION_WORDS, Action, Incoming
from aarshjul.calendars.publish import PublishError, PublishReport, publish
from aarshjul.i18n import N_, _
from aarshjul.model import recurrence
from aarshjul.model.plan import Plan
from aarshjul.ui.formatting import format_short_date, ui_locale

COLUMNS = ("", N_("What happens"), N_("Dates"), N_("Title"), N_("Why"))


def _dates(item: Incoming, plan: Plan) -> str:
    """The event's days; with the year where one lies outside the plan's year."""
    if item.start is None:
        return ""
    last = item.end or item.start
    if plan.contains(item.start) and plan.contains(last):
        say = format_short_date
    else:

        def say(day: dt.date, locale: str) -> str:
            return f"{format_short_date(day, locale)} {day.year}"

    first = say(item.start, ui_locale())
    text = (
        first
        if item.end is None or item.end == item.start
        else (f"{first} – {say(item.end, ui_locale())}")
    )
    if item.rrule:
        times = len(recurrence.expand(item.rrule, item.start, plan.start, plan.last_day))
        times += len(item.moved) - len(item.exdates)
        text += " · " + _("{n} times").format(n=times)
    return text


class ImportDialog(QDialog):
    """What an import adds, updates or skips; the user picks the ring and category for
    new events, whether they are meetings, and which events to take."""

    def __init__(self, plan: Plan, incoming: list[Incoming], source: str, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(_("Import calendar"))
        self.incoming = incoming
        layout = QVBoxLayout(self)
        counts = {a: sum(1 for i in incoming if i.action is a) for a in Action}
        summary = QLabel(
            _(
                "{source}: {added} to add, {updated} to update, {same} already in the plan, "
                "{skipped} skipped."
            ).format(
                source=source,
                added=counts[Action.ADD],
                updated=counts[Action.UPDATE],
                same=counts[Action.SAME],
                skipped=counts[Action.SKIP],
            )
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        form = QFormLayout()
        self.ring_box = QComboBox()
        self.ring_box.setObjectName("importRing")
        for ring in plan.rings:
            self.ring_box.addItem(ring.name, ring.id)
        self.category_box = QComboBox()
        self.category_box.setObjectName("importCategory")
        for category in plan.categories:
            self.category_box.addItem(category.name, category.id)
        self._guess_category(plan)
        form.addRow(_("New events go in the ring"), self.ring_box)
        form.addRow(_("with the category"), self.category_box)
        self.meetings_box = QCheckBox(_("They are meetings (show when their agenda goes out)"))
        self.meetings_box.setObjectName("importMeetings")
        form.addRow(self.meetings_box)
        layout.addLayout(form)
        self.table = QTableWidget(len(incoming), len(COLUMNS))
        self.table.setObjectName("importEvents")
        self.table.setHorizontalHeaderLabels([_(c) if c else "" for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for row, item in enumerate(incoming):
            tick = QTableWidgetItem()
            if item.takes:
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                tick.setCheckState(Qt.CheckState.Checked)
            else:
                tick.setFlags(Qt.ItemFlag.NoItemFlags)
            self.table.setItem(row, 0, tick)
            for column, text in enumerate(
                (_(ACTION_WORDS[item.action]), _dates(item, plan), item.title, item.reason), start=1
            ):
                cell = QTableWidgetItem(text)
                if not item.takes:
                    cell.setForeground(self.palette().placeholderText())
                if text:
                    cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Import"))
        self.ok_button.setEnabled(any(i.takes for i in incoming))
        self.table.itemChanged.connect(self._ticked)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def _guess_category(self, plan: Plan) -> None:
        """The plan's category named like the events' own (CATEGORIES), if one is."""
        names = {c.name.casefold(): k for k, c in enumerate(plan.categories)}
        for item in self.incoming:
            for name in item.categories:
                if name.casefold() in names:
                    self.category_box.setCurrentIndex(names[name.casefold()])
                    return

    def _ticked(self) -> None:
        self.ok_button.setEnabled(bool(self.chosen()))

    def chosen(self) -> list[Incoming]:
        """The events ticked to be taken."""
        ticked = []
        for row, item in enumerate(self.incoming):
            tick = self.table.item(row, 0)
            if item.takes and tick is not None and tick.checkState() == Qt.CheckState.Checked:
                ticked.append(item)
        return ticked

    def ring(self) -> str:
        return str(self.ring_box.currentData())

    def category(self) -> str:
        return str(self.category_box.currentData())

    def meetings(self) -> bool:
        return self.meetings_box.isChecked()


class _Publisher(QThread):
    """Publishes in the background, so that the window keeps answering."""

    finished_with = Signal(object)  # a PublishReport, or the PublishError's message

    def __init__(self, work: Callable[[], PublishReport], parent: QWidget):
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            self.finished_with.emit(self._work())
        except PublishError as exc:
            self.finished_with.emit(str(exc))


class PublishDialog(QDialog):
    """Where to publish (a CalDAV calendar's address and user), the password (never
    kept), then what publishing did. The address and user are remembered."""

    published = Signal(object)  # the PublishReport of a publishing that went through

    def __init__(
        self, plan: Plan, say: Callable[[dt.date], str], settings: QSettings, parent: QWidget
    ):
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(_("Publish to calendar"))
        self.plan, self.say, self.settings = plan, say, settings
        self.worker: _Publisher | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The plan's activities go into a shared calendar (CalDAV: Nextcloud, SOGo, "
                "Radicale, Fastmail, iCloud …) that everyone can subscribe to. Publishing "
                "again changes what changed and removes what the plan no longer has; other "
                "events in the calendar are left alone."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url_edit = QLineEdit(str(settings.value("calendar/url", "") or ""))
        self.url_edit.setObjectName("publishUrl")
        self.url_edit.setPlaceholderText("https://cloud.example.dk/remote.php/dav/calendars/…")
        self.user_edit = QLineEdit(str(settings.value("calendar/user", "") or ""))
        self.user_edit.setObjectName("publishUser")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("publishPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Calendar address"), self.url_edit)
        form.addRow(_("User name"), self.user_edit)
        form.addRow(_("Password (not saved)"), self.password_edit)
        layout.addLayout(form)
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("publishResult")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.publish_button = QPushButton(_("Publish"))
        self.publish_button.setObjectName("publishButton")
        self.publish_button.setDefault(True)
        buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.publish_button.clicked.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.url_edit.textChanged.connect(self._ready)
        self._ready()
        self.resize(620, 300)

    def _ready(self) -> None:
        idle = self.worker is None
        self.publish_button.setEnabled(idle and bool(self.url_edit.text().strip()))

    def start(self) -> None:
        """Publish in the background; the dialog says what happened."""
        url, user = self.url_edit.text().strip(), self.user_edit.text().strip()
        password = self.password_edit.text()
        self.settings.setValue("calendar/url", url)
        self.settings.setValue("calendar/user", user)
        self.outcome_label.setText(_("Publishing to {url} …").format(url=url))
        plan, say = self.plan, self.say
        self.worker = _Publisher(lambda: publish(plan, url, user, password, say=say), self)
        self.worker.finished_with.connect(self._done)
        self._ready()
        self.worker.start()

    def _done(self, outcome: object) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
        self.worker = None
        self._ready()
        if isinstance(outcome, PublishReport):
            text = _(
                "Published: {created} created, {updated} updated, {deleted} deleted, "
                "{same} unchanged."
            ).format(
                created=len(outcome.created),
                updated=len(outcome.updated),
                deleted=len(outcome.deleted),
                same=len(outcome.unchanged),
            )
            if outcome.foreign:
                text += " " + _(
                    "{n} events of the calendar have the UID of an activity but were not put "
                    "there by this plan; they were left alone."
                ).format(n=len(outcome.foreign))
            self.outcome_label.setText(text)
            self.published.emit(outcome)
        else:
            self.outcome_label.setText(_("Not published. {reason}").format(reason=outcome))

    def reject(self) -> None:
        if self.worker is not None:  # let it finish: a half-published calendar is worse
            self.worker.wait()
        super().reject()
