"""What is going on now and what comes next, seen from a given day."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Sequence

from aarshjul.model.plan import AnyOccurrence, Occurrence, Undated


def now_and_next(
    occurrences: Sequence[AnyOccurrence], today: dt.date, count: int = 6
) -> tuple[list[Occurrence], list[Occurrence]]:
    """Occurrences under way on ``today``, and the next ``count`` that begin after it.

    "Next" is in date order, deadlines before phases on the same day.
    """
    under_way: list[Occurrence] = []  # phases, in the order given
    due: list[Occurrence] = []  # deadlines today, after the phases
    later: list[Occurrence] = []
    for o in occurrences:  # one pass: a plan of 50,000 activities has 100,000 of them
        if isinstance(o, Undated):
            continue
        start, end = o.start, o.end
        if start > today:
            later.append(o)
        elif end >= today:
            if start != end:
                under_way.append(o)
            elif start == today:
                due.append(o)
    ahead = heapq.nsmallest(  # the next few of thousands: no need to sort them all
        count, later, key=lambda o: (o.start, o.start != o.end, o.activity.title.casefold())
    )
    return under_way + due, ahead
