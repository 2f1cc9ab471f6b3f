"""The details of the selected activity."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from aarshjul import wording
from aarshjul.i18n import _
from aarshjul.links import clean_link
from aarshjul.model import recurrence
from aarshjul.model.changes import Changes
from aarshjul.model.plan import AnyOccurrence, Kind, Plan, Undated, meeting_of
from aarshjul.render.painter import month_names
from aarshjul.ui.formatting import (
    format_date,
    format_long_date,
    format_short_date,
    ui_locale,
    weekday_names,
)
from aarshjul.ui.view_state import ViewState


def is_safe_link(link: str) -> bool:
    """Only web and mail addresses are clickable; anything else is shown as text."""
    return clean_link(link) is not None


def details_html(plan: Plan, occ: AnyOccurrence) -> str:
    """The activity's details as rich text for the panel."""
    activity = occ.activity
    ring = plan.ring(activity.ring)
    category = plan.category(activity.category)
    rows: list[tuple[str, str]] = []
    if isinstance(occ, Undated):
        rows.append((_("Date"), escape(_("No date yet"))))
    elif activity.kind is Kind.DEADLINE:
        rows.append((_("Date"), escape(format_long_date(occ.start, ui_locale()))))
    else:
        rows.append((_("From"), escape(format_long_date(occ.start, ui_locale()))))
        rows.append((_("To"), escape(format_long_date(occ.end, ui_locale()))))
        rows.append((_("Length"), escape(_("{n} days").format(n=occ.days))))
    rows.append((_("Ring"), escape(ring.name if ring else activity.ring)))
    swatch = ""
    if category:
        swatch = f'<span style="color:{category.color}">■</span> '
    rows.append((_("Category"), swatch + escape(category.name if category else "")))
    if activity.owner:
        rows.append((_("Owner"), escape(activity.owner)))
    locale = ui_locale()
    if occ.derived_from is not None and occ.meeting_day is not None:
        meeting = plan.activity(occ.derived_from)
        rows.append(
            (
                _("For the meeting"),
                escape(
                    _("{title} on {date}, {days} working days later").format(
                        title=meeting.title if meeting else occ.activity.title,
                        date=format_long_date(occ.meeting_day, locale),
                        days=occ.agenda_days,
                    )
                ),
            )
        )
    elif activity.meeting and occ.start is not None:
        marker = plan.agenda_marker(occ)
        when = (
            _("{date}, {days} working days before").format(
                date=format_long_date(marker.start, locale), days=plan.agenda_days
            )
            if marker is not None and marker.start is not None
            else _("before the wheel's year begins")
            if plan.agenda_days > 0
            else _("no agenda is sent (agenda_days = 0)")
        )
        rows.append((_("Meeting"), escape(_("a committee meeting"))))
        rows.append((_("Agenda out"), escape(when)))
    if activity.rrule:
        words = recurrence.describe(
            activity.rrule, month_names(ui_locale()), weekday_names(ui_locale())
        )
        dates = ", ".join(
            format_short_date(o.start, ui_locale())
            for o in plan.occurrences_of(activity)
            if o.start
        )
        rows.append((_("Repeats"), escape(words) + f"<br><small>{escape(dates)}</small>"))
    if activity.link:
        cleaned = clean_link(activity.link)
        shown = escape(cleaned or activity.link)  # an international domain in punycode
        rows.append((_("Link"), f'<a href="{shown}">{shown}</a>' if cleaned else shown))
    table = "".join(
        f'<tr><td style="color:#6e6e73; padding-right:8px">{escape(k)}</td><td>{v}</td></tr>'
        for k, v in rows
    )
    description = ""
    text = wording.description(occ, _, lambda day: format_date(day, locale))
    if text:
        paragraphs = escape(text).split("\n\n")
        description = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    title = escape(wording.title(occ, _))
    return f"<h3>{title}</h3><table>{table}</table>{description}"


class DetailsPanel(QTextBrowser):
    """Shows the selected activity; links open only for web and mail addresses."""

    def __init__(self, view: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("details")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.view = view
        view.selection_changed.connect(self.refresh)
        view.document.changed.connect(self._plan_changed)
        self.refresh()

    def _plan_changed(self, changes: Changes) -> None:
        """Shown anew where the change concerns the selected activity (or the meeting
        whose agenda date it is), its ring or category, or the plan's settings."""
        selected = self.view.selection
        meeting = meeting_of(selected[0]) if selected is not None else None
        if changes.structure or (
            selected is not None
            and changes.touches((selected[0], meeting[0] if meeting else selected[0]))
        ):
            self.refresh()

    def refresh(self) -> None:
        plan = self.view.document.plan
        occ = self.view.selected_occurrence()
        if plan is None or occ is None:
            hint = escape(_("Click an activity on the wheel or in the list."))
            self.setHtml(f'<p style="color:#6e6e73">{hint}</p>')
            return
        self.setHtml(details_html(plan, occ))

    def _open_link(self, url: QUrl) -> None:
        cleaned = clean_link(url.toString())
        if cleaned is not None:  # web and mail only, a mail link without attachments
            QDesktopServices.openUrl(QUrl(cleaned))
