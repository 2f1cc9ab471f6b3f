"""The shown days as angles: the first at 12 o'clock, clockwise round the circle. No Qt."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from aarshjul.model.plan import Plan


@dataclass(frozen=True)
class YearScale:
    """Maps the shown days to angles: the first day at 12 o'clock, clockwise.

    Usually the plan's twelve months; a zoomed view shows a quarter or a month
    round the whole circle.
    """

    start: dt.date
    days: int

    @classmethod
    def of(cls, plan: Plan) -> YearScale:
        return cls(plan.start, plan.days)

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> YearScale:
        """The days from ``start`` up to, not including, ``end``."""
        return cls(start, (end - start).days)

    @property
    def end(self) -> dt.date:
        """The first day after the shown days."""
        return self.start + dt.timedelta(days=self.days)

    @property
    def last_day(self) -> dt.date:
        return self.end - dt.timedelta(days=1)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day < self.end

    def angle(self, day: dt.date) -> float:
        """The angle where ``day`` begins."""
        return (day - self.start).days * 360.0 / self.days

    def angle_after(self, day: dt.date) -> float:
        """The angle where ``day`` ends (where the next day begins)."""
        return self.angle(day) + 360.0 / self.days

    def middle(self, day: dt.date) -> float:
        return self.angle(day) + 180.0 / self.days

    def day_at(self, angle: float) -> dt.date:
        """The day whose span holds ``angle``."""
        index = math.floor((angle % 360.0) * self.days / 360.0)
        return self.start + dt.timedelta(days=min(max(index, 0), self.days - 1))

    @property
    def text_scale(self) -> float:
        """How much larger names are than in the year view: a zoomed view uses its room."""
        if self.days > 200:
            return 1.0
        return 1.1 if self.days > 45 else 1.12
