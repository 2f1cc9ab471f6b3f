"""What is going on now and what comes next, seen from a given day."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Sequence

from aarshjul.model.plan import Occurrence


def now_and_next(
    occurrences: Sequence[Occurrence], today: dt.date, count: int = 6
) -> tuple[list[Occurrence], list[Occurrence]]:
    """Occurrences under way on ``today``, and the next ``count`` that begin after it.

    "Next" is in date order, deadlines before phases on the same day.
    """
    dated = [(o, o.start, o.end) for o in occurrences if o.start is not None and o.end is not None]
    now = [o for o, start, end in dated if start <= today <= end and start != end]
    now += [o for o, start, end in dated if start == end == today]
    ahead = heapq.nsmallest(  # the next few of thousands: no need to sort them all
        count,
        ((o, start, end) for o, start, end in dated if start > today),
        key=lambda d: (d[1], d[1] != d[2], d[0].activity.title.casefold()),
    )
    return now, [o for o, _start, _end in ahead]
