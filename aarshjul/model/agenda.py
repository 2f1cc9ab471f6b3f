"""What is going on now and what comes next, seen from a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aarshjul.model.plan import Occurrence


def now_and_next(
    occurrences: Sequence[Occurrence], today: dt.date, count: int = 6
) -> tuple[list[Occurrence], list[Occurrence]]:
    """Occurrences under way on ``today``, and the next ``count`` that begin after it.

    "Next" is in date order, deadlines before phases on the same day.
    """
    dated = [o for o in occurrences if o.start is not None and o.end is not None]
    now = [o for o in dated if o.start <= today <= o.end and o.start != o.end]
    now += [o for o in dated if o.start == o.end == today]
    ahead = sorted(
        (o for o in dated if o.start > today),
        key=lambda o: (o.start, o.start != o.end, o.activity.title.casefold()),
    )
    return now, ahead[:count]
