"""Naming what the wheel shows: on the item, outside the wheel, or by a number.

Pure math, no Qt: text widths come from the ``Measure`` the caller passes in
(Qt's font metrics when painting). Every function here returns a :class:`Label`
whose ``outline`` is a polygon around the text as it will be drawn, so that the
rules (no two labels meet, a label on an item stays inside it) can be checked.

The order of choice, for each occurrence:

1. on the item, along the arc or radially, on one or two lines, at the largest
   size of the ladder that fits (a deadline's title sits on a flag beside its
   marker, in the free room of its lane);
2. outside the wheel, in two columns that hug the circle, spread apart so that
   they never meet, with a leader line to the item;
3. a number, on the item where it fits and else just outside the wheel, that
   refers to the numbered list beside the wheel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from aarshjul.polar import (
    LINE_HEIGHT,
    ArcText,
    Measure,
    Point,
    Polygon,
    StraightText,
    arc_outline,
    is_flipped,
    polar,
    sector_polygon,
    straight_outline,
    to_polar,
)

ARC, RADIAL, OUTSIDE, KEY = "arc", "radial", "outside", "key"
LINE_GAP = 0.06  # between two lines of one label, in font sizes
COLUMN_GAP = 0.3  # between two outside labels, in font sizes


class Label(NamedTuple):
    """An occurrence's name as drawn."""

    placement: str  # ARC, RADIAL, OUTSIDE or KEY
    lines: tuple[str, ...]  # the text as drawn, a line each (the number for KEY)
    px: float
    texts: tuple[ArcText | StraightText, ...]
    outline: Polygon  # around the drawn text (empty for a number that found no room)
    leader: tuple[Point, ...] | None = None
    key: int | None = None


class TextWidths:
    """Text widths from a ``Measure``, each text measured once (widths scale with size).

    :meth:`of` shares one per measure, so a layout after an edit measures only the
    titles it has not seen.
    """

    _shared: dict[Measure, TextWidths] = {}  # noqa: RUF012 (a cache, not a default)

    def __init__(self, measure: Measure) -> None:
        self._measure = measure
        self._unit: dict[tuple[str, bool], float] = {}

    @classmethod
    def of(cls, measure: Measure) -> TextWidths:
        widths = cls._shared.get(measure)
        if widths is None or len(widths._unit) > 200_000:  # bounded: start afresh
            widths = cls._shared[measure] = cls(measure)
        return widths

    def __call__(self, text: str, px: float, bold: bool = False) -> float:
        key = (text, bold)
        unit = self._unit.get(key)
        if unit is None:
            unit = self._measure(text, 100.0, bold) / 100.0
            self._unit[key] = unit
        return unit * px


def split_two_lines(text: str, width_of: TextWidths) -> tuple[str, str] | None:
    """The split at a space that makes the wider of two lines narrowest; None for one word.

    Widths add up (the wheel's text is set without kerning), so each word is
    measured once.
    """
    words = text.split(" ")
    if len(words) < 2:
        return None
    widths = [width_of(w, 1.0) for w in words]
    space = width_of(" ", 1.0)
    total = sum(widths) + space * (len(words) - 1)
    best: tuple[float, int] | None = None
    first = -space
    for k in range(1, len(words)):
        first += widths[k - 1] + space
        wider = max(first, total - first - space)
        if best is None or wider < best[0]:
            best = (wider, k)
    if best is None:
        return None
    k = best[1]
    head, tail = " ".join(words[:k]), " ".join(words[k:])
    return (head, tail) if head.strip() and tail.strip() else None


# -- on the item ----------------------------------------------------------------


def _pad_angle(radius: float, px: float) -> float:
    """Degrees kept free at each end of a label along an arc."""
    return math.degrees((1.2 + 0.15 * px) / max(radius, 1.0))


def fit_on_item(
    text: str,
    width_of: TextWidths,
    inner: float,
    outer: float,
    angle0: float,
    angle1: float,
    sizes: Sequence[float],
    color: str,
    *,
    bold: bool = False,
    placement: str | None = None,
) -> Label | None:
    """``text`` inside the ring segment, or None where it fits in no way.

    Along the arc on one line, then two; then radially on one line, then two;
    each at the largest of ``sizes`` that fits. ``placement`` overrides the
    label's placement name (a number on the item is a KEY).
    """
    pad = 0.4 + 0.02 * (outer - inner)
    lo, hi = inner + pad, outer - pad
    if hi <= lo or angle1 <= angle0:
        return None
    depth = hi - lo
    smallest = sizes[-1]
    if depth < LINE_HEIGHT * smallest:  # too thin for a line along the arc
        # and radially even the wider of two lines is at least half the text
        if depth < width_of(text, smallest, bold) / 2 - smallest:
            return None
        if math.radians(angle1 - angle0) * lo < LINE_HEIGHT * smallest:
            return None  # too narrow for a line across the ring
    parts: tuple[str, str] | None = None
    for builder in (_arc_one, _arc_two, _radial_one, _radial_two):
        if builder in (_arc_two, _radial_two):
            if depth < (2 * LINE_HEIGHT + LINE_GAP) * smallest and builder is _arc_two:
                continue  # not deep enough for two lines along the arc
            if parts is None:
                parts = split_two_lines(text, width_of)
            if parts is None:
                continue
        elif depth < LINE_HEIGHT * smallest and builder is _arc_one:
            continue
        # a smaller size fits wherever a larger one does: try the smallest first
        if builder(text, parts, width_of, lo, hi, angle0, angle1, smallest, color, bold) is None:
            continue
        for px in sizes:
            label = builder(text, parts, width_of, lo, hi, angle0, angle1, px, color, bold)
            if label is not None:
                if placement is not None:
                    return label._replace(placement=placement)
                return label
    return None


def _arc_fits(width: float, radius: float, px: float, angle0: float, angle1: float) -> bool:
    h = LINE_HEIGHT * px / 2
    needed = math.degrees(width / radius) + 2 * _pad_angle(radius - h, px)
    return needed <= angle1 - angle0


def _arc_one(text, _parts, width_of, lo, hi, angle0, angle1, px, color, bold) -> Label | None:
    if hi - lo < LINE_HEIGHT * px:
        return None
    r = (lo + hi) / 2
    width = width_of(text, px, bold)
    if not _arc_fits(width, r, px, angle0, angle1):
        return None
    mid = (angle0 + angle1) / 2
    arc = ArcText(text, r, mid, px, color, bold, is_flipped(mid))
    return Label(ARC, (text,), px, (arc,), arc_outline(arc, width))


def _arc_two(text, parts, width_of, lo, hi, angle0, angle1, px, color, bold) -> Label | None:
    step = (LINE_HEIGHT + LINE_GAP) * px
    if hi - lo < step + LINE_HEIGHT * px:
        return None
    r = (lo + hi) / 2
    mid = (angle0 + angle1) / 2
    flipped = is_flipped(mid)
    # the first line reads above the second: outward on the top half, inward when flipped
    radii = (r - step / 2, r + step / 2) if flipped else (r + step / 2, r - step / 2)
    widths = [width_of(p, px, bold) for p in parts]
    if not all(_arc_fits(w, rr, px, angle0, angle1) for w, rr in zip(widths, radii, strict=True)):
        return None
    texts = tuple(
        ArcText(p, rr, mid, px, color, bold, flipped) for p, rr in zip(parts, radii, strict=True)
    )
    half = max(math.degrees(w / 2 / rr) for w, rr in zip(widths, radii, strict=True))
    h = LINE_HEIGHT * px / 2
    outline = sector_polygon(min(radii) - h, max(radii) + h, mid - half, mid + half)
    return Label(ARC, tuple(parts), px, texts, outline)


def radial_rotation(angle: float) -> float:
    """The baseline's turn for text along the radius: outward on the right, inward on the left."""
    return angle - 90.0 if angle % 360.0 <= 180.0 else angle + 90.0


def _radial(
    lines: Sequence[str], width_of, lo, hi, angle0, angle1, px, color, bold
) -> Label | None:
    count = len(lines)
    height = LINE_HEIGHT * px * count + LINE_GAP * px * (count - 1)
    widths = [width_of(t, px, bold) for t in lines]
    width = max(widths)
    if width > hi - lo - 0.4 * px:
        return None
    centre_r = (lo + hi) / 2
    r_in = centre_r - width / 2
    if r_in <= 0 or math.hypot(centre_r + width / 2, height / 2) > hi:
        return None
    half = math.degrees(math.atan2(height / 2, r_in)) + _pad_angle(r_in, px) * 0.6
    if 2 * half > angle1 - angle0:
        return None
    mid = (angle0 + angle1) / 2
    rotation = radial_rotation(mid)
    cx, cy = polar(centre_r, mid)
    a = math.radians(rotation)
    up = (math.sin(a), -math.cos(a))  # the text's "up", across the radius
    step = (LINE_HEIGHT + LINE_GAP) * px
    texts = []
    for k, line in enumerate(lines):
        offset = ((count - 1) / 2 - k) * step
        texts.append(
            StraightText(line, cx + up[0] * offset, cy + up[1] * offset, rotation, px, color, bold)
        )
    box = StraightText("", cx, cy, rotation, height / LINE_HEIGHT, color, bold)
    return Label(RADIAL, tuple(lines), px, tuple(texts), straight_outline(box, width))


def _radial_one(text, _parts, width_of, lo, hi, angle0, angle1, px, color, bold) -> Label | None:
    return _radial((text,), width_of, lo, hi, angle0, angle1, px, color, bold)


def _radial_two(text, parts, width_of, lo, hi, angle0, angle1, px, color, bold) -> Label | None:
    return _radial(parts, width_of, lo, hi, angle0, angle1, px, color, bold)


def fit_flag(
    text: str,
    width_of: TextWidths,
    inner: float,
    outer: float,
    angle: float,
    marker_half: float,
    room: tuple[float, float],
    sizes: Sequence[float],
    color: str,
) -> tuple[Label, float, float] | None:
    """A deadline's title on a flag beside its marker, inside the free ``room`` of its lane.

    Returns the label and the angles the marker and its flag span together, or
    None where the title fits on neither side.
    """
    pad = 0.4 + 0.02 * (outer - inner)
    lo, hi = inner + pad, outer - pad
    r = (lo + hi) / 2
    for px in sizes:
        if hi - lo < LINE_HEIGHT * px:
            continue
        width = width_of(text, px)
        span = math.degrees(width / r)
        gap = _pad_angle(r - LINE_HEIGHT * px / 2, px)
        after = (angle + marker_half + gap, angle + marker_half + gap + span)
        before = (angle - marker_half - gap - span, angle - marker_half - gap)
        for first, last in (after, before):
            if first - gap >= room[0] and last + gap <= room[1]:
                mid = (first + last) / 2
                arc = ArcText(text, r, mid, px, color, False, is_flipped(mid))
                label = Label(ARC, (text,), px, (arc,), arc_outline(arc, width))
                extent = (
                    (angle - marker_half, last + gap)
                    if first > angle
                    else (first - gap, angle + marker_half)
                )
                return label, extent[0], extent[1]
    return None


# -- outside the wheel ------------------------------------------------------------


class Request(NamedTuple):
    """An occurrence whose name needs a place off its item."""

    ref: int  # the caller's own reference
    angle: float  # where the item is on the wheel
    anchor: Point  # where its leader line starts
    text: str
    weight: float  # who keeps a place when there is not room for all: the heavier


@dataclass
class _Slot:
    request: Request
    lines: tuple[str, ...]
    widths: tuple[float, ...]
    pref: float  # the y it would like
    y: float = 0.0
    moved: bool = False  # sent up or down the column, where the circle leaves more room

    @property
    def height(self) -> float:
        return len(self.lines) * LINE_HEIGHT + (len(self.lines) - 1) * LINE_GAP


def spread(prefs: Sequence[float], heights: Sequence[float], lo: float, hi: float) -> list[float]:
    """Centres for boxes that want to sit at ``prefs`` (ascending) on the line from
    ``lo`` to ``hi``, as close to them as they can be without two overlapping.

    Boxes that would meet are merged into one block centred on their wishes, as
    Circos spreads ("snuggles") crowded labels; assumes they fit: sum ≤ hi − lo.
    """
    blocks: list[list[float]] = []  # first index, count, height, sum of wished tops
    for i, (pref, height) in enumerate(zip(prefs, heights, strict=True)):
        blocks.append([i, 1, height, pref - height / 2])
        while len(blocks) > 1:
            a, b = blocks[-2], blocks[-1]
            if _block_top(a, lo, hi) + a[2] <= _block_top(b, lo, hi) + 1e-9:
                break
            a[3] += b[3] - b[1] * a[2]  # b's members sit a's height lower in the merged block
            a[1] += b[1]
            a[2] += b[2]
            blocks.pop()
    centres: list[float] = []
    for block in blocks:
        top = _block_top(block, lo, hi)
        for k in range(int(block[0]), int(block[0] + block[1])):
            centres.append(top + heights[k] / 2)
            top += heights[k]
    return centres


def _block_top(block: list[float], lo: float, hi: float) -> float:
    return max(lo, min(block[3] / block[1], hi - block[2]))


class _Last:
    """A placement's last call (all but the requests' refs and where their leaders
    start, which a placement only passes on) and the labels it gave, by the requests'
    positions: where a placement is called like that again, it need not place the
    names again. An edit mostly leaves the names off their items as they were, and
    moves only items that lanes were dealt out anew for (their leaders' starts)."""

    def __init__(self) -> None:
        self.key: tuple = ()
        self.widths: TextWidths | None = None
        self.placed: list[tuple[int, Label]] = []

    def recall(
        self, key: tuple, requests: Sequence[Request], width_of: TextWidths
    ) -> dict[int, Label] | None:
        """The labels of the last call if it was like this one (``key``, in text
        widths from ``width_of``), their leaders begun at ``requests``' own anchors."""
        if self.widths is not width_of or self.key != key:
            return None
        return {requests[k].ref: _anchored(label, requests[k].anchor) for k, label in self.placed}

    def keep(
        self,
        key: tuple,
        requests: Sequence[Request],
        width_of: TextWidths,
        placed: dict[int, Label],
    ) -> dict[int, Label]:
        """Remember ``placed``, the labels of ``requests`` (by ref), and return it."""
        position = {request.ref: k for k, request in enumerate(requests)}
        self.key, self.widths = key, width_of
        self.placed = [(position[ref], label) for ref, label in placed.items()]
        return placed


def _anchored(label: Label, anchor: Point) -> Label:
    """``label`` with its leader (if any) begun at ``anchor``."""
    if not label.leader or label.leader[0] == anchor:
        return label
    return label._replace(leader=(anchor, *label.leader[1:]))


_OUTSIDE = _Last()
_NUMBERS = _Last()


def place_outside(
    requests: Sequence[Request],
    width_of: TextWidths,
    px: float,
    clear: float,
    frame: tuple[float, float, float, float],
    color: str,
    left: tuple[float, float] | None = None,
    corner: tuple[float, float] | None = None,
) -> dict[int, Label]:
    """Labels in two columns left and right of the wheel, hugging the circle of radius
    ``clear`` (which they stay out of), inside ``frame`` (x0, y0, x1, y1); ``left``
    narrows the left column to that span of y (something else stands below it), and
    ``corner`` (x, y) is the lower left corner of a block in the frame's upper right
    corner that the right column's names keep clear of (the numbered list).

    Returns a label for every request that found room; the rest need a number.
    Where they go depends on the requests' angles, names and weights, in order, not
    on where their leaders start: a call like the last one is not placed again.
    """
    key = ([(r.angle, r.text, r.weight) for r in requests], px, clear, frame, color, left, corner)
    known = _OUTSIDE.recall(key, requests, width_of)
    if known is not None:
        return known
    asked = requests
    x0, y0, x1, y1 = frame
    margin = px * 0.4
    lo, hi = y0 + margin, y1 - margin
    if hi - lo < LINE_HEIGHT * px:
        return {}
    sides: dict[int, list[_Slot]] = {1: [], -1: []}
    rows = int((hi - lo) / ((LINE_HEIGHT + COLUMN_GAP) * px)) + 1
    if len(requests) > 4 * rows:  # far more names than rows: measure only the heaviest
        requests = sorted(requests, key=lambda r: -r.weight)[: 4 * rows]
    for request in requests:
        side = 1 if request.angle % 360.0 < 180.0 else -1
        one = (request.text,)
        slot = _Slot(request, one, (width_of(request.text, px),), _pref(request.angle, clear))
        sides[side].append(slot)
    room = (hi - lo) / px
    _balance(sides, room)
    placed: dict[int, Label] = {}
    for side, slots in sides.items():
        limit = x1 if side > 0 else -x0
        top, bottom = (max(lo, left[0]), min(hi, left[1])) if left and side < 0 else (lo, hi)
        block = (corner[0] - margin, corner[1]) if corner and side > 0 else None
        for slot in _fit_column(slots, width_of, px, clear, limit - margin, top, bottom, block):
            placed[slot.request.ref] = _outside_label(slot, side, px, clear, color)
    return _OUTSIDE.keep(key, asked, width_of, placed)


def _pref(angle: float, clear: float) -> float:
    return polar(clear, angle)[1]


def _stack(slots: Sequence[_Slot]) -> float:
    return sum(s.height + COLUMN_GAP for s in slots)


def _balance(sides: dict[int, list[_Slot]], room: float) -> None:
    """Move labels near 12 and 6 o'clock to the other column while one overflows,
    the nearest first (in their order where equally near)."""
    for full, other in ((1, -1), (-1, 1)):
        stack, beside = _stack(sides[full]), _stack(sides[other])
        if stack <= room or beside + 2.6 >= room:
            continue
        nearness = [abs(math.sin(math.radians(s.request.angle))) for s in sides[full]]
        moved: set[int] = set()
        for k in sorted(range(len(nearness)), key=nearness.__getitem__):
            if stack <= room or beside + 2.6 >= room or nearness[k] > 0.26:
                break  # (only names near 12 and 6 o'clock cross over)
            slot = sides[full][k]
            moved.add(k)
            sides[other].append(slot)
            stack -= slot.height + COLUMN_GAP
            beside += slot.height + COLUMN_GAP
        sides[full] = [s for k, s in enumerate(sides[full]) if k not in moved]


def _inner_x(y_top: float, y_bottom: float, clear: float) -> float:
    """How far from the centre line a box from ``y_top`` to ``y_bottom`` must begin."""
    near = 0.0 if y_top <= 0.0 <= y_bottom else min(abs(y_top), abs(y_bottom))
    return math.sqrt(max(0.0, clear * clear - near * near))


def _fit_column(
    slots: list[_Slot],
    width_of: TextWidths,
    px: float,
    clear: float,
    limit: float,
    lo: float,
    hi: float,
    block: tuple[float, float] | None = None,
) -> list[_Slot]:
    """Spread one column's labels and keep those that fit; wraps a title in two lines
    where one is too wide, and gives up the lightest where there is not room. Above
    the y of ``block`` (x, y), names end before its x."""
    gap = COLUMN_GAP * px
    room = hi - lo
    slots = _heaviest(slots, lambda s: s.height * px + gap, room)
    slots.sort(key=lambda s: (s.pref, s.request.angle))
    while True:
        if sum(s.height * px + gap for s in slots) > room:
            slots = _heaviest(slots, lambda s: s.height * px + gap, room)
            slots.sort(key=lambda s: (s.pref, s.request.angle))
        if not slots:
            return []
        centres = spread([s.pref for s in slots], [s.height * px + gap for s in slots], lo, hi)
        failing = []
        for slot, centre in zip(slots, centres, strict=True):
            slot.y = centre
            half = slot.height * px / 2
            end = limit if block is None or centre - half > block[1] else min(limit, block[0])
            available = end - _inner_x(centre - half, centre + half, clear) - gap
            if max(slot.widths) > available:
                failing.append((slot, available, end))
        if not failing:
            return slots
        dropped = set()
        for slot, available, end in failing:
            parts = split_two_lines(slot.request.text, width_of) if len(slot.lines) == 1 else None
            widths = tuple(width_of(p, px) for p in parts) if parts else ()
            if parts and max(widths) <= available + 2 * LINE_HEIGHT * px:
                slot.lines, slot.widths = parts, widths
            elif not slot.moved and (moved := _where_it_fits(slot, px, clear, end, lo, hi)):
                slot.pref, slot.moved = moved, True  # further up or down, the circle leaves room
            else:
                dropped.add(id(slot))
        slots = [s for s in slots if id(s) not in dropped]
        slots.sort(key=lambda s: (s.pref, s.request.angle))


def _where_it_fits(slot: _Slot, px: float, clear: float, end: float, lo: float, hi: float) -> float:
    """The centre nearest to the slot's wish, towards 12 or 6 o'clock, where the circle
    leaves its text room before ``end``; 0.0 where there is none in the column."""
    room = end - max(slot.widths) - COLUMN_GAP * px
    if room <= 0:
        return 0.0
    near = math.sqrt(max(0.0, clear * clear - room * room))  # the box's edge nearest the middle
    half = slot.height * px / 2
    centre = (near + half + 0.5) * (1.0 if slot.pref >= 0 else -1.0)
    if abs(centre) <= abs(slot.pref):
        return 0.0
    return centre if lo + half <= centre <= hi - half else 0.0


def _heaviest(slots: list[_Slot], size, room: float) -> list[_Slot]:
    """The heaviest slots whose sizes add up to no more than ``room``."""
    kept, used = [], 0.0
    for slot in sorted(slots, key=lambda s: -s.request.weight):
        if used + size(slot) <= room:
            kept.append(slot)
            used += size(slot)
    return kept


def _outside_label(slot: _Slot, side: int, px: float, clear: float, color: str) -> Label:
    height = slot.height * px
    top = slot.y - height / 2
    start = _inner_x(top, top + height, clear) + COLUMN_GAP * px
    width = max(slot.widths)
    left = start if side > 0 else -start - width
    texts = []
    for k, (line, line_width) in enumerate(zip(slot.lines, slot.widths, strict=True)):
        y = top + (k + 0.5) * LINE_HEIGHT * px + k * LINE_GAP * px
        x = left + line_width / 2 if side > 0 else left + width - line_width / 2
        texts.append(StraightText(line, x, y, 0.0, px, color))
    outline = ((left, top), (left + width, top), (left + width, top + height), (left, top + height))
    elbow = polar(clear - COLUMN_GAP * px, slot.request.angle)
    end = (start - COLUMN_GAP * px * 0.5) * side, slot.y
    leader = (slot.request.anchor, *route(elbow, end, clear - COLUMN_GAP * px))
    return Label(OUTSIDE, slot.lines, px, tuple(texts), outline, leader)


def route(start: Point, end: Point, radius: float) -> tuple[Point, ...]:
    """A leader's way from ``start`` to ``end`` (both outside the circle of ``radius``)
    that never cuts across the circle: straight where it can, else round it."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, -(x0 * dx + y0 * dy) / length))
    if math.hypot(x0 + t * dx, y0 + t * dy) >= radius - 1e-6:
        return (start, end)
    a0 = to_polar(x0, y0)[1]
    a1 = to_polar(x1, y1)[1]
    turn = (a1 - a0 + 180.0) % 360.0 - 180.0  # the shorter way round
    steps = max(2, math.ceil(abs(turn) / 6.0))
    r = max(radius, math.hypot(x0, y0))
    arc = tuple(polar(r, a0 + turn * k / steps) for k in range(1, steps))
    return (start, *arc, end)


# -- numbers -------------------------------------------------------------------------


def place_numbers(
    requests: Sequence[tuple[Request, int]],
    width_of: TextWidths,
    px: float,
    radius: float,
    taken: tuple[float, float] | None,
    color: str,
) -> dict[int, Label]:
    """Key numbers on the circle of ``radius`` just outside the wheel, each near its item
    and joined to it by a leader, spread so they never meet; ``taken`` is an arc
    (angles) already used (the today label). Requests that find no room get a
    label with no outline: their number is only in the list. As the names beside
    the wheel, a call like the last one is not placed again."""
    key = ([(r.angle, r.weight, n) for r, n in requests], px, radius, taken, color)
    asked = [r for r, _n in requests]
    known = _NUMBERS.recall(key, asked, width_of)
    if known is not None:
        return known
    if not requests:
        return {}
    gap = px * 0.5
    circumference = 2 * math.pi * radius
    result = {r.ref: Label(KEY, (), px, (), (), None, n) for r, n in requests}
    fits = int(circumference / (width_of("0", px, True) + gap)) + 1
    if len(requests) > fits:  # more numbers than the circle holds: the heaviest get a place
        requests = sorted(requests, key=lambda r: -r[0].weight)[:fits]
    widths = [width_of(str(n), px, True) + gap for _r, n in requests]
    if taken is not None:
        cut = taken[1] % 360.0
        room = circumference - math.radians(taken[1] - taken[0]) * radius
    else:
        angles = sorted(r.angle % 360.0 for r, _n in requests)
        gaps = [
            ((angles[(k + 1) % len(angles)] - a) % 360.0 or 360.0, a) for k, a in enumerate(angles)
        ]
        widest, at = max(gaps)
        cut = (at + widest / 2) % 360.0
        room = circumference
    order = sorted(range(len(requests)), key=lambda k: (requests[k][0].angle - cut) % 360.0)
    kept, used = set(), 0.0
    for k in sorted(order, key=lambda k: -requests[k][0].weight):
        if used + widths[k] <= room:
            kept.add(k)
            used += widths[k]
    kept = [k for k in order if k in kept]
    prefs = [math.radians((requests[k][0].angle - cut) % 360.0) * radius for k in kept]
    centres = spread(prefs, [widths[k] for k in kept], 0.0, room) if kept else []
    h = LINE_HEIGHT * px / 2
    for k, centre in zip(kept, centres, strict=True):
        request, number = requests[k]
        angle = cut + math.degrees(centre / radius)
        text = ArcText(str(number), radius, angle, px, color, True, is_flipped(angle))
        outline = arc_outline(text, widths[k] - gap)
        elbow = polar(radius - h - px * 0.6, request.angle)
        end = polar(radius - h, angle)
        leader = (request.anchor, elbow, end)
        result[request.ref] = Label(KEY, (str(number),), px, (text,), outline, leader, number)
    return _NUMBERS.keep(key, asked, width_of, result)
