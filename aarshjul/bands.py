"""The wheel's own words: month and week bands, the days of a month view, and the
centre's year and title; and the style they are drawn in. No Qt."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from aarshjul.model.plan import Plan
from aarshjul.polar import ArcText, Measure, is_flipped
from aarshjul.scale import YearScale

ELLIPSIS = "…"
WEEKEND = "#c0392b"


def estimate_width(text: str, px: float, bold: bool = False) -> float:
    """A font-free width estimate (average glyph of a sans-serif font)."""
    return len(text) * px * (0.58 if bold else 0.54)


@dataclass(frozen=True)
class PlainText:
    """A straight, horizontally centred line of text (the centre title)."""

    text: str
    y: float
    px: float
    color: str
    bold: bool = False


@dataclass(frozen=True)
class Sector:
    angle0: float
    angle1: float
    label: ArcText | None
    shaded: bool


@dataclass(frozen=True)
class Style:
    """Sizes relative to the wheel's radius, and the wheel's neutral colours.

    Every text size is a share of the radius, but never under the layout's
    ``min_text``; the bands grow to hold their text at that size.
    """

    month_band: float = 0.075
    week_band: float = 0.04
    rings_inner: float = 0.2
    ring_gap: float = 0.008
    month_px: float = 0.034
    week_px: float = 0.0175
    label_px: float = 0.028
    outside_px: float = 0.03
    ring_name_px: float = 0.0185
    title_px: float = 0.04
    year_px: float = 0.085
    today_px: float = 0.024

    ink: str = "#1d1d1f"
    muted: str = "#6e6e73"

    def sizes(self, R: float, min_text: float, zoom: float) -> tuple[float, ...]:
        """The label sizes to try on an item, largest first; none under the floor."""
        floor = min_text * zoom
        top = max(floor, R * self.label_px * zoom)
        ladder = [top * f for f in (1.0, 0.9, 0.8, 0.7)]
        return tuple(dict.fromkeys([px for px in ladder if px > floor] + [floor]))


def elide(text: str, width: float, px: float, measure: Measure, bold: bool = False) -> str:
    """``text`` cut with an ellipsis to fit ``width``; "" if not even a letter fits.

    Only for the wheel's own words (month names, the centre title), never an
    activity's name: those are placed whole, or outside, or numbered.
    """
    if measure(text, px, bold) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if measure(text[:mid].rstrip() + ELLIPSIS, px, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo > 0 else ""


def wrap(
    text: str, width: float, px: float, measure: Measure, bold: bool = False, cut: bool = True
) -> list[str]:
    """Greedy word wrap into lines no wider than ``width``; a word longer than a line
    is elided where ``cut``, else left whole."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(lines[-1] + " " + word, px, bold) <= width:
            lines[-1] += " " + word
        else:
            lines.append((elide(word, width, px, measure, bold) or word[:1]) if cut else word)
    return lines


def month_sectors(
    scale: YearScale,
    names: list[str],
    radius: float,
    px: float,
    measure: Measure,
    style: Style,
) -> list[Sector]:
    sectors = []
    month = scale.start.replace(day=1)
    while month < scale.end:
        begin = max(month, scale.start)
        end = min(_add_months(month, 1), scale.end)
        name = names[month.month - 1]
        sectors.append(
            _sector(
                scale,
                begin,
                end,
                name[:1].upper() + name[1:],
                radius,
                px,
                measure,
                style,
                shaded=month.month % 2 == 0,
            )
        )
        month = _add_months(month, 1)
    return sectors


def _sector(
    scale: YearScale,
    begin: dt.date,
    end: dt.date,
    name: str,
    radius: float,
    px: float,
    measure: Measure,
    style: Style,
    shaded: bool,
) -> Sector:
    a0 = scale.angle(begin)
    a1 = scale.angle(end) if end < scale.end else 360.0
    width = math.radians(a1 - a0) * radius * 0.92
    text = elide(name, width, px, measure, True)
    mid = (a0 + a1) / 2
    label = ArcText(text, radius, mid, px, style.ink, True, is_flipped(mid)) if text else None
    return Sector(a0, a1, label, shaded)


def week_sectors(
    scale: YearScale, week_label: str, radius: float, px: float, measure: Measure, style: Style
) -> list[Sector]:
    """A month view's outer band: its ISO weeks."""
    sectors = []
    monday = scale.start - dt.timedelta(days=scale.start.weekday())
    while monday < scale.end:
        begin = max(monday, scale.start)
        end = min(monday + dt.timedelta(days=7), scale.end)
        week = monday.isocalendar().week
        name = week_label.format(week=week) if (end - begin).days >= 3 else str(week)
        sectors.append(
            _sector(scale, begin, end, name, radius, px, measure, style, shaded=week % 2 == 0)
        )
        monday += dt.timedelta(days=7)
    return sectors


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def week_ticks(
    scale: YearScale, radius: float, px: float, measure: Measure, style: Style
) -> tuple[list[float], list[ArcText]]:
    boundaries: list[float] = []
    labels: list[ArcText] = []
    monday = scale.start - dt.timedelta(days=scale.start.weekday())
    while monday < scale.end:
        begin = max(monday, scale.start)
        end = min(monday + dt.timedelta(days=7), scale.end)
        if monday >= scale.start:
            boundaries.append(scale.angle(monday))
        a0 = scale.angle(begin)
        a1 = scale.angle(end) if end < scale.end else 360.0
        number = str(monday.isocalendar().week)
        room = math.radians(a1 - a0) * radius
        if (end - begin).days >= 4 and measure(number, px, False) <= room * 0.9:
            mid = (a0 + a1) / 2
            labels.append(ArcText(number, radius, mid, px, style.muted, False, is_flipped(mid)))
        monday += dt.timedelta(days=7)
    return boundaries, labels


def day_ticks(
    scale: YearScale, radius: float, px: float, measure: Measure, style: Style
) -> tuple[list[float], list[ArcText]]:
    """A month view's inner band: a tick and the number of every day, weekends in red."""
    boundaries: list[float] = []
    labels: list[ArcText] = []
    for n in range(scale.days):
        day = scale.start + dt.timedelta(days=n)
        boundaries.append(scale.angle(day))
        mid = scale.middle(day)
        color = WEEKEND if day.weekday() >= 5 else style.muted
        labels.append(ArcText(str(day.day), radius, mid, px, color, False, is_flipped(mid)))
    return boundaries, labels


def centre_lines(
    plan: Plan,
    heading: str,
    rings_inner: float,
    R: float,
    measure: Measure,
    style: Style,
    min_text: float,
) -> list[PlainText]:
    """The year large, the title under it (smaller type before it is cut), the organisation."""
    width = rings_inner * 1.55
    year_px = max(R * style.year_px, min_text * 1.3)
    title_px = max(R * style.title_px, min_text)
    while True:
        title_lines = wrap(plan.title, width, title_px, measure, True)
        cut = any(line.endswith(ELLIPSIS) for line in title_lines) or len(title_lines) > 3
        if not cut or title_px * 0.92 < max(R * style.title_px * 0.6, min_text):
            break
        title_px *= 0.92
    if cut:  # a title that cannot be shown whole is left to the window's title and the poster
        title_lines = []
    org_px = max(R * style.title_px * 0.62, min_text)
    org = plan.organisation
    org_lines = [org] if org and measure(org, org_px, False) <= width else []
    while measure(heading, year_px, True) > width * 1.1 and year_px * 0.9 >= title_px:
        year_px *= 0.9
    rows = (
        [(heading, year_px, year_px * 1.05, True, style.ink)]
        + [(t, title_px, title_px * 1.25, True, style.ink) for t in title_lines]
        + [(t, org_px, org_px * 1.9, False, style.muted) for t in org_lines]
    )
    while len(rows) > 1 and sum(row[2] for row in rows) > rings_inner * 1.7:
        rows.pop()  # a small wheel keeps the year and as much of the rest as fits
    y = -sum(row[2] for row in rows) / 2
    result = []
    for text, px, height, bold, color in rows:
        result.append(PlainText(text, y + height / 2, px, color, bold))
        y += height
    return result
