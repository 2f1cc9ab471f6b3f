"""An occurrence's title and description in words, in a language passed in.

The model gives data (an agenda marker knows its meeting, the meeting's day and
the count of working days); the wheel and the printouts say it in the plan's
language, the panels in the program's. No Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from aarshjul.i18n import N_, Translator
from aarshjul.model.plan import AnyOccurrence

AGENDA_OUT = N_("Agenda out: {title}")
AGENDA_SENT = N_(
    "The agenda and appendices go out {days} working days before the meeting on {date}."
)


def title(occ: AnyOccurrence, tr: Translator) -> str:
    """What the occurrence is called: its activity's title, or "Agenda out: <meeting>"."""
    if occ.derived_from is not None:
        return tr(AGENDA_OUT).format(title=occ.activity.title)
    return occ.activity.title


def description(occ: AnyOccurrence, tr: Translator, say: Callable[[dt.date], str]) -> str:
    """The occurrence's description; for an agenda marker, when its meeting is."""
    if occ.derived_from is not None and occ.meeting_day is not None:
        return tr(AGENDA_SENT).format(days=occ.agenda_days, date=say(occ.meeting_day))
    return occ.activity.description
