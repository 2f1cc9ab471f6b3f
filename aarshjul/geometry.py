"""The wheel's geometry: date ↔ angle, ring radii, sub-lanes, labels and hit testing.

Pure math with no Qt, so it is tested without painting. Angles are degrees
clockwise from 12 o'clock; coordinates are relative to the wheel's centre with
y pointing down (as on a screen). Text widths come from a ``Measure`` function
that the caller provides (Qt font metrics when painting, an estimate in tests).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from aarshjul.colors import text_color_on
from aarshjul.model.plan import Kind, Occurrence, Plan, Ring

#: width of ``text`` at a pixel size, bold or not
Measure = Callable[[str, float, bool], float]

ELLIPSIS = "…"
WEEKEND = "#c0392b"
DEADLINE_HALF_DAYS = 2  # a deadline keeps its lane to itself this many days either side


def estimate_width(text: str, px: float, bold: bool = False) -> float:
    """A font-free width estimate (average glyph of a sans-serif font)."""
    return len(text) * px * (0.58 if bold else 0.54)


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


def polar(radius: float, angle: float) -> tuple[float, float]:
    """The point at ``radius`` and ``angle`` (degrees clockwise from 12 o'clock)."""
    a = math.radians(angle)
    return radius * math.sin(a), -radius * math.cos(a)


def to_polar(x: float, y: float) -> tuple[float, float]:
    """``(radius, angle)`` of a point relative to the centre."""
    return math.hypot(x, y), math.degrees(math.atan2(x, -y)) % 360.0


def is_flipped(angle: float) -> bool:
    """Text centred at ``angle`` is turned so it never reads upside down."""
    return 90.0 < angle % 360.0 < 270.0


@dataclass(frozen=True)
class ArcText:
    """A line of text bent along a circle, centred at ``angle``."""

    text: str
    radius: float
    angle: float
    px: float
    color: str
    bold: bool = False
    flipped: bool = False


@dataclass(frozen=True)
class PlainText:
    """A straight, horizontally centred line of text (the centre title)."""

    text: str
    y: float
    px: float
    color: str
    bold: bool = False


@dataclass
class RingBand:
    ring: Ring
    inner: float
    outer: float
    lanes: int
    lane_inner: float  # where the lanes begin, below the name strip
    lane_outer: float
    name: ArcText | None = None

    def lane_bounds(self, lane: int) -> tuple[float, float]:
        """Inner and outer radius of ``lane``; lane 0 is the outermost."""
        height = (self.lane_outer - self.lane_inner) / self.lanes
        outer = self.lane_outer - lane * height
        return outer - height, outer


@dataclass
class Item:
    """One occurrence on the wheel: a ring segment (phase) or a marker (deadline)."""

    occurrence: Occurrence
    ring: int  # index into WheelLayout.rings
    lane: int
    angle0: float  # where it begins
    angle1: float  # where it ends (for a deadline, angle0 == angle1 is its centre)
    inner: float
    outer: float
    color: str
    label: list[ArcText] = field(default_factory=list)
    marker_size: float = 0.0
    dimmed: bool = False

    is_marker: bool = field(init=False)

    def __post_init__(self) -> None:
        self.is_marker = self.occurrence.kind is Kind.DEADLINE

    @property
    def mid_radius(self) -> float:
        return (self.inner + self.outer) / 2

    def contains(self, radius: float, angle: float, slack: float = 0.0) -> bool:
        if self.is_marker:
            x0, y0 = polar(self.mid_radius, self.angle0)
            x1, y1 = polar(radius, angle)
            return math.hypot(x1 - x0, y1 - y0) <= self.marker_size + slack
        return self.inner <= radius <= self.outer and self.angle0 <= angle <= self.angle1


@dataclass(frozen=True)
class Sector:
    angle0: float
    angle1: float
    label: ArcText | None
    shaded: bool


@dataclass
class WheelLayout:
    """Everything the painter needs, for one plan at one diameter."""

    diameter: float
    scale: YearScale
    outer: float  # radius of the month band's outer edge
    month_inner: float
    week_inner: float
    rings_outer: float
    rings_inner: float
    months: list[Sector]
    weeks: list[float]  # angles of week boundaries (Mondays)
    week_labels: list[ArcText]
    rings: list[RingBand]
    items: list[Item]
    centre: list[PlainText]
    today: float | None
    _index: list | None = field(default=None, init=False, repr=False, compare=False)

    def hit(self, x: float, y: float, slack: float = 3.0) -> Item | None:
        """The item under the point ``(x, y)`` relative to the centre, if any.

        Markers win over segments (they are drawn on top). Looks up the ring by
        radius, then the item by angle in sorted lists: no scan of all items.
        """
        radius, angle = to_polar(x, y)
        if not self.rings_inner - slack <= radius <= self.rings_outer + slack:
            return None
        index = self._hit_index()
        found: Item | None = None
        for band_index, band in enumerate(self.rings):
            if not band.inner - slack <= radius <= band.outer + slack:
                continue
            markers, marker_angles, lanes = index[band_index]
            reach = max((m.marker_size for m in markers), default=0.0) + slack
            window = math.degrees(reach / max(radius, 1.0))
            lo = bisect.bisect_left(marker_angles, angle - window)
            hi = bisect.bisect_right(marker_angles, angle + window)
            for marker in markers[lo:hi]:
                if marker.contains(radius, angle, slack):
                    return marker
            height = (band.lane_outer - band.lane_inner) / band.lanes
            lane = math.floor((band.lane_outer - radius) / height) if height > 0 else 0
            if 0 <= lane < band.lanes and found is None:
                starts, items = lanes[lane]
                k = bisect.bisect_right(starts, angle) - 1
                if k >= 0 and items[k].contains(radius, angle):
                    found = items[k]
        return found

    def _hit_index(
        self,
    ) -> list[tuple[list[Item], list[float], list[tuple[list[float], list[Item]]]]]:
        if self._index is None:
            index = []
            for band_index, band in enumerate(self.rings):
                mine = [i for i in self.items if i.ring == band_index]
                markers = sorted((i for i in mine if i.is_marker), key=lambda i: i.angle0)
                lanes: list[list[Item]] = [[] for _ in range(band.lanes)]
                for item in mine:
                    if item.is_marker:
                        continue
                    for lane in range(band.lanes):  # every lane the segment covers
                        inner, outer = band.lane_bounds(lane)
                        if item.inner < outer - 1e-6 and inner < item.outer - 1e-6:
                            lanes[lane].append(item)
                sorted_lanes = []
                for lane_items in lanes:
                    lane_items.sort(key=lambda i: i.angle0)
                    sorted_lanes.append(([i.angle0 for i in lane_items], lane_items))
                index.append((markers, [m.angle0 for m in markers], sorted_lanes))
            self._index = index
        return self._index

    def items_of(self, activity_id: str) -> list[Item]:
        return [i for i in self.items if i.occurrence.activity.id == activity_id]


def assign_lanes(occurrences: Sequence[Occurrence], scale: YearScale) -> list[int]:
    """Sub-lanes so that no two occurrences in one ring overlap in time.

    Greedy interval colouring in date order: the fewest lanes for intervals,
    and the same answer at any size (it counts days, not pixels).
    """
    # by start, the longer first, so a long phase keeps the outer lane
    spans = [_span(o, scale) for o in occurrences]
    order = sorted(range(len(occurrences)), key=lambda i: (spans[i][0], -spans[i][1]))
    lane_ends: list[int] = []
    lanes = [0] * len(occurrences)
    for i in order:
        first, last = spans[i]
        for lane, end in enumerate(lane_ends):
            if end < first:
                lane_ends[lane] = last
                lanes[i] = lane
                break
        else:
            lanes[i] = len(lane_ends)
            lane_ends.append(last)
    return lanes


def lane_depths(
    occurrences: Sequence[Occurrence], lanes: Sequence[int], count: int, scale: YearScale
) -> list[int]:
    """How many lanes each occurrence may fill: its own and the free ones inside it.

    An occurrence that overlaps nothing below it in time widens inwards, so a
    ring with sub-lanes is only split where activities really overlap.
    """
    spans = [_span(o, scale) for o in occurrences]
    per_lane: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for span, lane in zip(spans, lanes, strict=True):
        per_lane[lane].append(span)
    for lane_spans in per_lane:
        lane_spans.sort()  # disjoint within a lane, so sorted by start is sorted by end too

    def busy(lane: int, first: int, last: int) -> bool:
        lane_spans = per_lane[lane]
        k = bisect.bisect_left(lane_spans, (first, first))
        before = lane_spans[k - 1] if k > 0 else None
        after = lane_spans[k] if k < len(lane_spans) else None
        return bool((before and before[1] >= first) or (after and after[0] <= last))

    depths = []
    for (first, last), lane in zip(spans, lanes, strict=True):
        depth = 1
        while lane + depth < count and not busy(lane + depth, first, last):
            depth += 1
        depths.append(depth)
    return depths


def _span(occ: Occurrence, scale: YearScale) -> tuple[int, int]:
    assert occ.start is not None and occ.end is not None
    first = (occ.start - scale.start).days
    last = (occ.end - scale.start).days
    if occ.kind is Kind.DEADLINE:
        return first - DEADLINE_HALF_DAYS, last + DEADLINE_HALF_DAYS
    return first, last


def elide(text: str, width: float, px: float, measure: Measure, bold: bool = False) -> str:
    """``text`` cut with an ellipsis to fit ``width``; "" if not even a letter fits."""
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


def split_two_lines(text: str) -> tuple[str, str] | None:
    """Split at the space nearest the middle; None for a single word."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return None
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut], text[cut + 1 :]


def wrap(text: str, width: float, px: float, measure: Measure, bold: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than ``width`` (long words are elided)."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(lines[-1] + " " + word, px, bold) <= width:
            lines[-1] += " " + word
        else:
            lines.append(elide(word, width, px, measure, bold) or word[:1])
    return lines


@dataclass(frozen=True)
class Style:
    """Sizes relative to the outer radius, and the wheel's neutral colours."""

    month_band: float = 0.075
    week_band: float = 0.04
    rings_inner: float = 0.27
    ring_gap: float = 0.008
    month_px: float = 0.034
    week_px: float = 0.0175
    label_px: float = 0.027
    ring_name_px: float = 0.0185
    title_px: float = 0.04
    year_px: float = 0.085
    min_label_px: float = 7.0
    # legible floors for a small wheel (a laptop window), in pixels
    min_month_px: float = 10.0
    min_week_px: float = 7.0
    min_ring_name_px: float = 7.5
    min_base_label_px: float = 9.0

    def px(self, R: float, ratio: float, floor: float) -> float:
        """A text size: a share of the radius, but never under ``floor`` pixels."""
        return max(R * ratio, floor)

    ink: str = "#1d1d1f"
    muted: str = "#6e6e73"


def layout(
    plan: Plan,
    diameter: float,
    occurrences: Sequence[Occurrence] | None = None,
    *,
    span: tuple[dt.date, dt.date] | None = None,
    month_names: Sequence[str] | None = None,
    heading: str | None = None,
    week_label: str = "Week {week}",
    dimmed: Collection[str] = (),
    measure: Measure = estimate_width,
    today: dt.date | None = None,
    style: Style = Style(),
) -> WheelLayout:
    """Lay out ``plan`` in a circle of ``diameter`` centred on the origin.

    ``occurrences`` defaults to all of the plan's. ``span`` (first day, day
    after the last) zooms to part of the year, such as a quarter or a month,
    shown round the whole circle; a month shows weeks and days in its outer
    bands. ``month_names`` gives the twelve month names January first (English
    if not given), ``heading`` the large centre text (the plan's year),
    ``week_label`` the week's name in a month view. Activities whose ids are in
    ``dimmed`` are marked so the painter can fade them.
    """
    occurrences = plan.occurrences() if occurrences is None else occurrences
    names = (
        list(month_names)
        if month_names
        else [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
    )
    scale = YearScale.of(plan) if span is None else YearScale.between(*span)
    R = diameter / 2
    outer = R * 0.985
    month_inner = outer - R * style.month_band
    week_inner = month_inner - R * style.week_band
    rings_outer = week_inner - R * 0.01
    rings_inner = R * style.rings_inner

    outer_radius = (outer + month_inner) / 2
    inner_radius = (month_inner + week_inner) / 2
    if scale.days <= 31:
        month_px = style.px(R, style.month_px, style.min_month_px)
        day_px = style.px(R, style.week_px * 1.15, style.min_week_px)
        months = _week_sectors(scale, week_label, outer_radius, month_px, measure, style)
        weeks, week_labels = _days(scale, inner_radius, day_px, measure, style)
    else:
        month_px = style.px(R, style.month_px, style.min_month_px)
        week_px = style.px(R, style.week_px, style.min_week_px)
        months = _months(scale, names, outer_radius, month_px, measure, style)
        weeks, week_labels = _weeks(scale, inner_radius, week_px, measure, style)

    shown = [
        o
        for o in occurrences
        if o.start is not None
        and o.end is not None
        and o.start < scale.end
        and o.end >= scale.start
    ]
    by_ring: dict[str, list[Occurrence]] = {r.id: [] for r in plan.rings}
    for occ in shown:
        by_ring.setdefault(occ.activity.ring, []).append(occ)
    lanes_of = {ring_id: assign_lanes(occs, scale) for ring_id, occs in by_ring.items()}
    bands = _ring_bands(plan.rings, lanes_of, rings_inner, rings_outer, R, measure, style)

    colors = {c.id: c.color for c in plan.categories}
    faded = set(dimmed)
    items: list[Item] = []
    for index, band in enumerate(bands):
        occs = by_ring.get(band.ring.id, [])
        lanes = lanes_of[band.ring.id]
        depths = lane_depths(occs, lanes, band.lanes, scale)
        ring_items = []
        for occ, lane, depth in zip(occs, lanes, depths, strict=True):
            outer_r = band.lane_bounds(lane)[1]
            inner = band.lane_bounds(lane + depth - 1)[0]
            color = colors.get(occ.activity.category, "#999999")
            assert occ.start is not None and occ.end is not None
            if occ.kind is Kind.DEADLINE:
                a = scale.middle(occ.start)
                size = min((outer_r - inner) * 0.32, R * 0.022)
                item = Item(occ, index, lane, a, a, inner, outer_r, color, marker_size=size)
            else:
                first = max(occ.start, scale.start)
                last = min(occ.end, scale.last_day)
                a0, a1 = scale.angle(first), scale.angle_after(last)
                item = Item(occ, index, lane, a0, a1, inner, outer_r, color)
            item.dimmed = occ.activity.id in faded
            ring_items.append(item)
        _label_ring(ring_items, R, measure, style)
        items.extend(ring_items)

    items.sort(key=lambda i: i.is_marker)  # markers on top of every ring segment
    centre = _centre(plan, heading or plan.year_label, rings_inner, R, measure, style)
    today_angle = scale.middle(today) if today is not None and scale.contains(today) else None
    return WheelLayout(
        diameter,
        scale,
        outer,
        month_inner,
        week_inner,
        rings_outer,
        rings_inner,
        months,
        weeks,
        week_labels,
        bands,
        items,
        centre,
        today_angle,
    )


def _months(
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


def _week_sectors(
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


def _weeks(
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


def _days(
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


def _ring_bands(
    rings: list[Ring],
    lanes_of: dict[str, list[int]],
    inner: float,
    outer: float,
    R: float,
    measure: Measure,
    style: Style,
) -> list[RingBand]:
    if not rings:
        return []
    counts = [max(lanes_of.get(r.id, [0]) or [0]) + 1 for r in rings]
    weights = [1 + 0.55 * (n - 1) for n in counts]
    gap = R * style.ring_gap
    room = outer - inner - gap * (len(rings) - 1)
    unit = room / sum(weights)
    name_px = style.px(R, style.ring_name_px, style.min_ring_name_px)
    bands = []
    top = outer
    for ring, n, w in zip(rings, counts, weights, strict=True):
        height = unit * w
        bottom = top - height
        strip = min(name_px * 1.5, height * 0.35)
        px = min(name_px, strip * 0.75)
        radius = top - strip / 2
        name = None
        if px >= style.min_label_px * 0.85:
            text = ring.name.upper()
            # the name starts just after 12 o'clock and runs clockwise
            angle = 1.2 + math.degrees(measure(text, px, True) / 2 / radius)
            name = ArcText(text, radius, angle, px, style.muted, True, False)
        bands.append(RingBand(ring, bottom, top, n, bottom + height * 0.03, top - strip, name))
        top = bottom - gap
    return bands


def _label_ring(items: list[Item], R: float, measure: Measure, style: Style) -> None:
    """Fit each item's title in the room its lane leaves it."""
    by_lane: dict[int, list[Item]] = {}
    for item in items:
        by_lane.setdefault(item.lane, []).append(item)
    base_px = style.px(R, style.label_px, style.min_base_label_px)
    for lane_items in by_lane.values():
        lane_items.sort(key=lambda i: i.angle0)
        occupied = 0.0  # where the last item or label placed in this lane ends
        for k, item in enumerate(lane_items):
            if item.is_marker:
                following = lane_items[k + 1].angle0 if k + 1 < len(lane_items) else 360.0
                end = _label_marker(item, occupied, following, base_px, measure, style)
                occupied = max(occupied, end)
            else:
                _label_phase(item, base_px, measure, style)
                occupied = max(occupied, item.angle1)


def _label_phase(item: Item, base_px: float, measure: Measure, style: Style) -> None:
    """One line along the arc, else two, else one elided line; smaller type before eliding."""
    title = item.occurrence.activity.title
    height = item.outer - item.inner
    top_px = min(base_px, height * 0.4)
    if top_px < style.min_label_px:
        return
    color = text_color_on(item.color)
    mid = (item.angle0 + item.angle1) / 2
    flipped = is_flipped(mid)
    span = math.radians(item.angle1 - item.angle0)
    r = item.mid_radius
    sizes = [px for px in (top_px, top_px * 0.88, top_px * 0.76) if px >= style.min_label_px]

    def room(radius: float, px: float) -> float:
        return span * radius - 1.2 * px

    for px in sizes:
        if measure(title, px, False) <= room(r, px):
            item.label = [ArcText(title, r, mid, px, color, False, flipped)]
            return
    parts = split_two_lines(title)
    for px in sizes:
        if not parts or height < px * 2.6:
            break
        offset = px * 0.62
        # the first line reads above the second: outward on the top half, inward when flipped
        r1, r2 = (r - offset, r + offset) if flipped else (r + offset, r - offset)
        if measure(parts[0], px, False) <= room(r1, px):
            line2 = elide(parts[1], room(r2, px), px, measure)
            if len(line2.rstrip(ELLIPSIS)) >= 3:
                item.label = [
                    ArcText(parts[0], r1, mid, px, color, False, flipped),
                    ArcText(line2, r2, mid, px, color, False, flipped),
                ]
                return
    px = sizes[-1]
    text = elide(title, room(r, px), px, measure)
    if len(text.rstrip(ELLIPSIS)) >= 3:
        item.label = [ArcText(text, r, mid, px, color, False, flipped)]


def _label_marker(
    item: Item, previous: float, following: float, base_px: float, measure: Measure, style: Style
) -> float:
    """A deadline's label runs from its marker into the free room beside it in its lane.

    ``previous`` is where the room before the marker begins, ``following`` where
    the room after it ends; returns where the marker and its label end. The label
    goes clockwise (after the marker) where the title fits there, else
    counter-clockwise; where neither side has room, the longer side gets it elided.
    """
    title = item.occurrence.activity.title
    px = min(base_px * 0.9, (item.outer - item.inner) * 0.38)
    r = item.mid_radius
    marker_end = item.angle0 + math.degrees(item.marker_size / r)
    if px < style.min_label_px:
        return marker_end
    gap = math.degrees((item.marker_size + px * 0.4) / r)
    margin = math.degrees(px * 0.5 / r)
    after = min(following - margin, item.angle0 + 90.0, 360.0) - (item.angle0 + gap)
    before = (item.angle0 - gap) - max(previous + margin, item.angle0 - 90.0, 0.0)
    width = measure(title, px, False)
    fits_after = math.radians(after) * r >= width
    fits_before = math.radians(before) * r >= width
    clockwise = fits_after or (not fits_before and after >= before)
    text = elide(title, math.radians(after if clockwise else before) * r, px, measure)
    if len(text.rstrip(ELLIPSIS)) < 3:
        return marker_end
    half = math.degrees(measure(text, px, False) / 2 / r)
    mid = item.angle0 + gap + half if clockwise else item.angle0 - gap - half
    item.label = [ArcText(text, r, mid, px, style.ink, False, is_flipped(mid))]
    return mid + half if clockwise else marker_end


def _centre(
    plan: Plan, heading: str, rings_inner: float, R: float, measure: Measure, style: Style
) -> list[PlainText]:
    """The year large, the title under it (smaller type before it is cut), the organisation."""
    width = rings_inner * 1.55
    year_px = R * style.year_px
    title_px = R * style.title_px
    while True:
        title_lines = wrap(plan.title, width, title_px, measure, True)
        cut = any(line.endswith(ELLIPSIS) for line in title_lines) or len(title_lines) > 3
        if not cut or title_px < R * style.title_px * 0.6:
            break
        title_px *= 0.92
    title_lines = title_lines[:3]
    org_px = R * style.title_px * 0.62
    org_lines = [elide(plan.organisation, width, org_px, measure)] if plan.organisation else []
    while measure(heading, year_px, True) > width * 1.1 and year_px > title_px:
        year_px *= 0.9
    rows = (
        [(heading, year_px, year_px * 1.05, True, style.ink)]
        + [(t, title_px, title_px * 1.25, True, style.ink) for t in title_lines]
        + [(t, org_px, org_px * 1.9, False, style.muted) for t in org_lines]
    )
    y = -sum(row[2] for row in rows) / 2
    result = []
    for text, px, height, bold, color in rows:
        result.append(PlainText(text, y + height / 2, px, color, bold))
        y += height
    return result


def preview(
    layout: WheelLayout,
    item: Item,
    start: dt.date,
    end: dt.date,
    *,
    ring: int | None = None,
    measure: Measure = estimate_width,
    style: Style = Style(),
) -> Item:
    """``item`` as it would stand from ``start`` to ``end`` (and in ``ring``), label fitted.

    What a drag paints per frame: one item, not a new layout of the whole wheel.
    In another ring it takes the ring's whole depth until it is dropped there.
    """
    occ = item.occurrence
    shown = Occurrence(occ.activity, occ.index, start, end, occ.derived_from)
    scale = layout.scale
    first = min(max(start, scale.start), scale.last_day)
    last = min(max(end, first), scale.last_day)
    inner, outer = item.inner, item.outer
    if ring is not None and ring != item.ring:
        band = layout.rings[ring]
        inner, outer = band.lane_inner, band.lane_outer
    if item.is_marker:
        angle0 = angle1 = scale.middle(first)
    else:
        angle0, angle1 = scale.angle(first), scale.angle_after(last)
    result = Item(
        shown,
        item.ring if ring is None else ring,
        item.lane,
        angle0,
        angle1,
        inner,
        outer,
        item.color,
        marker_size=item.marker_size,
    )
    R = layout.diameter / 2
    if result.is_marker:
        _label_marker(
            result, 0.0, 360.0, style.px(R, style.label_px, style.min_base_label_px), measure, style
        )
    else:
        _label_phase(result, style.px(R, style.label_px, style.min_base_label_px), measure, style)
    return result


def moved(
    layout: WheelLayout,
    item: Item,
    days: int,
    *,
    measure: Measure = estimate_width,
    style: Style = Style(),
) -> Item:
    """``item`` moved ``days`` along the wheel in its lane."""
    occ = item.occurrence
    assert occ.start is not None and occ.end is not None
    shift = dt.timedelta(days=days)
    return preview(layout, item, occ.start + shift, occ.end + shift, measure=measure, style=style)
