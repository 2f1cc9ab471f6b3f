"""The wheel's geometry: date ↔ angle, ring radii, sub-lanes, labels and hit testing.

Pure math with no Qt, so it is tested without painting. Angles are degrees
clockwise from 12 o'clock; coordinates are relative to the wheel's centre with
y pointing down (as on a screen). Text widths come from a ``Measure`` function
that the caller provides (Qt font metrics when painting, an estimate in tests).

A layout fills a *frame* (the widget, the image or the poster's wheel area):
the wheel as large as the names around it allow, the names that do not fit on
their items in columns beside it, and a numbered list where even that fails.
Sizes are in the device's units (pixels on screen, points on paper), and no
text is smaller than ``min_text`` of them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import math
import operator
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from aarshjul.bands import (
    ELLIPSIS,
    PlainText,
    Sector,
    Style,
    centre_lines,
    day_ticks,
    elide,
    estimate_width,
    month_sectors,
    week_sectors,
    week_ticks,
    wrap,
)
from aarshjul.colors import text_color_on
from aarshjul.labels import (
    COLUMN_GAP,
    KEY,
    OUTSIDE,
    Label,
    Request,
    TextWidths,
    fit_flag,
    fit_on_item,
    place_numbers,
    place_outside,
)
from aarshjul.model.plan import AnyOccurrence, Occurrence, Plan, Ring, Undated
from aarshjul.polar import (
    LINE_HEIGHT,
    ArcText,
    Measure,
    Point,
    StraightText,
    arc_outline,
    is_flipped,
    polar,
    to_polar,
)
from aarshjul.scale import YearScale

__all__ = [
    "ELLIPSIS",
    "ArcText",
    "Measure",
    "PlainText",
    "Sector",
    "StraightText",
    "Style",
    "YearScale",
    "elide",
    "estimate_width",
    "is_flipped",
    "polar",
    "to_polar",
    "wrap",
]

TODAY = "#d70015"
DEADLINE_HALF_DAYS = 2  # a deadline keeps its lane to itself this many days either side
SCREEN_MIN_TEXT = 9.0  # px at a device pixel ratio of 1
PAPER_MIN_TEXT = 6.0  # pt


@dataclass
class RingBand:
    ring: Ring
    inner: float
    outer: float
    lanes: int
    lane_inner: float  # where the lanes begin
    lane_outer: float  # where they end, below the name strip
    name: ArcText | None = None
    name_width: float = 0.0

    def lane_bounds(self, lane: int) -> tuple[float, float]:
        """Inner and outer radius of ``lane``; lane 0 is the outermost."""
        height = (self.lane_outer - self.lane_inner) / self.lanes
        outer = self.lane_outer - lane * height
        return outer - height, outer


@dataclass  # not slotted: a layout after an edit copies most items, and a dict copies fast
class Item:
    """One occurrence on the wheel: a ring segment (phase) or a marker (deadline)."""

    occurrence: AnyOccurrence  # Undated for an item of the list of undated activities
    ring: int  # index into WheelLayout.rings
    lane: int
    angle0: float  # where it begins
    angle1: float  # where it ends (for a deadline, angle0 == angle1 is its centre)
    inner: float
    outer: float
    color: str
    label: Label | None = None
    marker_size: float = 0.0
    dimmed: bool = False
    flag: tuple[float, float] | None = None  # a deadline's marker and title flag, as angles
    title: str = ""  # the name as shown (an agenda marker's in the plan's language)
    # a phase that goes on before the shown days begin, or after they end
    continues: tuple[bool, bool] = (False, False)
    box: tuple[float, float, float, float] | None = None  # an undated activity's swatch

    is_marker: bool = field(init=False)

    def __post_init__(self) -> None:
        activity = self.occurrence.activity
        self.is_marker = activity.start is not None and activity.end is None  # a deadline

    @property
    def mid_radius(self) -> float:
        return (self.inner + self.outer) / 2

    @property
    def middle(self) -> float:
        """The angle of the item's middle (a deadline's day)."""
        return (self.angle0 + self.angle1) / 2

    @property
    def extent(self) -> tuple[float, float]:
        """The angles the item covers, a deadline's flag included."""
        return self.flag if self.flag is not None else (self.angle0, self.angle1)

    def marker_half(self) -> float:
        """Half the marker's width along the circle, in degrees."""
        return math.degrees(self.marker_size * 0.8 / max(self.mid_radius, 1.0))

    def contains(self, radius: float, angle: float, slack: float = 0.0) -> bool:
        if self.is_marker:
            flag = self.flag
            if flag is not None and self.inner <= radius <= self.outer:
                return flag[0] <= angle <= flag[1] or self._on_marker(radius, angle, slack)
            return self._on_marker(radius, angle, slack)
        return self.inner <= radius <= self.outer and self.angle0 <= angle <= self.angle1

    def _on_marker(self, radius: float, angle: float, slack: float) -> bool:
        x0, y0 = polar(self.mid_radius, self.angle0)
        x1, y1 = polar(radius, angle)
        return math.hypot(x1 - x0, y1 - y0) <= self.marker_size + slack


class KeyEntry(NamedTuple):
    """A line of the numbered list beside the wheel."""

    number: int
    occurrence: AnyOccurrence
    title: str


@dataclass
class WheelLayout:
    """Everything the painter needs, for one plan in one frame."""

    diameter: float  # of the wheel (the month band's outer edge)
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
    frame: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1
    unit: str = "px"
    min_text: float = SCREEN_MIN_TEXT
    sizes: tuple[float, ...] = ()  # the label sizes tried on items, largest first
    clear: float = 0.0  # outside labels stay beyond this radius
    today_label: Label | None = None
    keyed: list[Item] = field(default_factory=list)  # the items numbered, in the list's order
    # the items whose names stand off them and are drawn (beside the wheel, numbers),
    # in the order of ``items``: all a painter of those names and leaders looks at
    named_off: list[Item] = field(default_factory=list)
    # every item whose name is not the numbered list's alone (named_off and more)
    off_labelled: list[Item] = field(default_factory=list, repr=False, compare=False)
    key_texts: list[StraightText] = field(default_factory=list)  # the numbered list
    # for each line of key_texts, whose it is (a position in keyed; -1: "+ N more")
    key_owners: list[int] = field(default_factory=list, repr=False, compare=False)
    undated: list[Item] = field(default_factory=list)  # activities without a date, listed
    undated_heading: StraightText | None = None
    undated_left_out: int = 0  # activities without a date the frame had no room to list
    # per ring, what its items were made from: the same object in two layouts means
    # the ring's items (their shapes and the names on them) are the same
    ring_tokens: list[RingLayout] = field(default_factory=list, repr=False, compare=False)
    # per ring, its items in the order its token holds them (found by id through it)
    ring_items: list[list[Item]] = field(default_factory=list, repr=False, compare=False)
    # rings whose items a later layout took over (this one is no longer used)
    handed_on: set[int] = field(default_factory=set, repr=False, compare=False)
    # the activities whose items are faded (as laid out, or as faded since)
    faded_ids: frozenset[str] = field(default_factory=frozenset, repr=False, compare=False)
    _index: list | None = field(default=None, init=False, repr=False, compare=False)
    _off_items: _OffItems | None = field(default=None, repr=False, compare=False)
    _outside: list | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def keys(self) -> list[KeyEntry]:
        """The numbered list's entries (made when asked for: a crowded plan numbers
        thousands of names, and a layout after an edit needs none of these)."""
        return [KeyEntry(n, i.occurrence, i.title) for n, i in enumerate(self.keyed, start=1)]

    def hit(self, x: float, y: float, slack: float = 3.0) -> Item | None:
        """The item under the point ``(x, y)`` relative to the centre, if any.

        Markers win over segments (they are drawn on top); a name outside the
        wheel stands for its item. Looks up the ring by radius, then the item by
        angle in sorted lists: no scan of all items.
        """
        radius, angle = to_polar(x, y)
        if not self.rings_inner - slack <= radius <= self.rings_outer + slack:
            return self._hit_outside(x, y) if radius > self.outer else None
        found: Item | None = None
        for band_index, band in enumerate(self.rings):
            if not band.inner - slack <= radius <= band.outer + slack:
                continue
            markers, marker_angles, lanes = self._ring_index(band_index)
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

    def _hit_outside(self, x: float, y: float) -> Item | None:
        if self._outside is None:
            boxes = []
            for item in (*self.named_off, *self.undated):
                label = item.label
                if label is not None and label.placement in (OUTSIDE, KEY):
                    xs = [p[0] for p in label.outline]
                    ys = [p[1] for p in label.outline]
                    boxes.append((min(xs), min(ys), max(xs), max(ys), item))
            self._outside = boxes
        for x0, y0, x1, y1, item in self._outside:
            if x0 <= x <= x1 and y0 <= y <= y1:
                return item
        return None

    def _ring_index(
        self, band_index: int
    ) -> tuple[list[Item], list[float], list[tuple[list[float], list[Item]]]]:
        """One ring's markers by angle and its items by lane and angle, built when the
        pointer first comes to that ring: the first hover after an edit indexes one
        ring, not the wheel."""
        if self._index is None:
            self._index = [None] * len(self.rings)
        known = self._index[band_index]
        if known is not None:
            return known
        band = self.rings[band_index]
        mine = self.ring_items[band_index]
        markers = sorted(
            (i for i in mine if i.is_marker and i.flag is None), key=lambda i: i.angle0
        )
        lanes: list[list[Item]] = [[] for _ in range(band.lanes)]
        height = (band.lane_outer - band.lane_inner) / band.lanes
        for item in mine:
            if item.is_marker and item.flag is None:
                continue
            # the lanes the item covers, worked out from its radii, not searched
            if height > 0:
                first = math.floor((band.lane_outer - item.outer) / height) - 1
                last = math.ceil((band.lane_outer - item.inner) / height) + 1
            else:
                first, last = 0, band.lanes
            for lane in range(max(0, first), min(band.lanes, last)):
                inner, outer = band.lane_bounds(lane)
                if item.inner < outer - 1e-6 and inner < item.outer - 1e-6:
                    lanes[lane].append(item)
        sorted_lanes = []
        for lane_items in lanes:
            lane_items.sort(key=lambda i: i.extent[0])
            sorted_lanes.append(([i.extent[0] for i in lane_items], lane_items))
        built = (markers, [m.angle0 for m in markers], sorted_lanes)
        self._index[band_index] = built
        return built

    def prepare_fading(self) -> None:
        """Work out now what ``fade`` marks items by (the window does it when idle)."""
        for token in self.ring_tokens:
            token.ids()

    def fade(self, activity_ids: Collection[str]) -> None:
        """Mark the items of ``activity_ids`` faded and the rest not (a new search):
        nothing moves, so nothing is placed anew. Where few activities are faded or
        not as before (a search one letter longer), only their items are marked."""
        now = frozenset(activity_ids)  # (the very set, where it is one)
        before, self.faded_ids = self.faded_ids, now
        # (nothing faded before, as at a search's first letter: every one turns)
        turned = now ^ before if before else now
        if len(turned) * 4 > len(self.items):
            for token, items in zip(self.ring_tokens, self.ring_items, strict=True):
                _mark_faded(items, token, now)
            for item in self.undated:
                item.dimmed = item.occurrence.activity.id in now
            return
        for activity_id in turned:
            faded = activity_id in now
            for item in self.items_of(activity_id):
                item.dimmed = faded
        for item in self.undated:
            item.dimmed = item.occurrence.activity.id in now

    @property
    def keyed_unlisted(self) -> int:
        """How many items numbered on the wheel the list beside it had no room for (its
        last line says "+ N more")."""
        return len(self.keyed) - len({owner for owner in self.key_owners if owner >= 0})

    def unlisted(self) -> list[int]:
        """The items numbered on the wheel that the list beside it had no room for (as
        positions in ``keyed``): the names its line "+ N …" stands for."""
        listed = set(self.key_owners)
        return [k for k in range(len(self.keyed)) if k not in listed]

    def listed_at(self, x: float, y: float) -> int | None:
        """The line of the numbered list under the point ``(x, y)`` (relative to the
        centre): the position in ``keyed`` of the item it names, -1 on the line "+ N …";
        None off the list. A title of several lines is its item's on each line."""
        for text, owner in zip(self.key_texts, self.key_owners, strict=True):
            reach = text.width / 2 + text.px * 0.5  # (to the gap after the number)
            if abs(y - text.y) <= text.px * LINE_HEIGHT * 0.55 and abs(x - text.x) <= reach:
                return owner
        return None

    def items_of(self, activity_id: str) -> list[Item]:
        """The items of one activity, found through each ring's index by id (kept
        with the ring's items from one layout to the next)."""
        found: list[Item] = []
        for token, ring_items in zip(self.ring_tokens, self.ring_items, strict=True):
            found.extend(ring_items[k] for k in token.places().get(activity_id, ()))
        return found


def assign_lanes(
    occurrences: Sequence[Occurrence],
    scale: YearScale,
    spans: Sequence[tuple[int, int]] | None = None,
) -> list[int]:
    """Sub-lanes so that no two occurrences in one ring overlap in time.

    Greedy interval colouring in date order: the fewest lanes for intervals,
    and the same answer at any size (it counts days, not pixels). ``spans``: each
    occurrence's :func:`_span`, where known.
    """
    if spans is None:
        spans = [_span(o, scale) for o in occurrences]
    # by start, the longer first, so a long phase keeps the outer lane (two stable
    # sorts of numbers: the last day, latest first, then the first day)
    firsts = [first for first, _last in spans]
    lasts = [-last for _first, last in spans]
    order = sorted(sorted(range(len(spans)), key=lasts.__getitem__), key=firsts.__getitem__)
    busy: list[tuple[int, int]] = []  # (last day, lane) of lanes in use
    free: list[int] = []  # lanes whose last occurrence has ended
    count = 0
    lanes = [0] * len(spans)
    for i in order:
        first, last = spans[i]
        while busy and busy[0][0] < first:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)  # the outermost free lane
        else:
            lane, count = count, count + 1
        lanes[i] = lane
        heapq.heappush(busy, (last, lane))
    return lanes


def _span(occ: Occurrence, scale: YearScale) -> tuple[int, int]:
    first = (occ.start - scale.start).days
    last = (occ.end - scale.start).days
    if occ.activity.end is None:  # a deadline
        return first - DEADLINE_HALF_DAYS, last + DEADLINE_HALF_DAYS
    return first, last


@dataclass(frozen=True)
class _Settings:
    """What stays the same between the sizes of wheel a layout tries."""

    plan: Plan
    scale: YearScale
    names: list[str]
    week_label: str
    by_ring: list[tuple[Ring, list[Occurrence], list[int]]]
    heading: str
    dimmed: frozenset[str]
    widths: TextWidths
    measure: Measure
    today: dt.date | None
    today_text: str
    title_of: Callable[[AnyOccurrence], str]
    undated_text: str
    undated: tuple[Undated, ...]
    min_text: float
    style: Style
    colors: dict[str, str]
    title_key: object = None  # names by title_of are the same for the same key
    reuse: WheelLayout | None = None  # a layout no longer used: its kept rings' items


@dataclass
class RingLayout:
    """One ring's items as laid out, with the occurrences they were made from."""

    occurrences: list[Occurrence]
    items: list[Item]  # never handed out: layouts get copies
    dimmed: bool = False  # whether any of them is faded
    _ids: list[str] | None = None
    _places: dict[str, list[int]] | None = None
    _waiting: _RingWaiting | None = None
    # what a painter works out from these items, kept with them (by the painter's key)
    painted: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def ids(self) -> list[str]:
        """The activity of each of ``items``, by id (made once: a search fades by it)."""
        if self._ids is None:
            self._ids = list(map(_ACTIVITY_ID, self.items))
        return self._ids

    def places(self) -> dict[str, list[int]]:
        """Where each activity's items are among ``items``, by id (made once)."""
        if self._places is None:
            ids = self.ids()
            # most activities have one item: each id's last, then the ids of more
            places = {i: [k] for k, i in enumerate(ids)}
            if len(places) < len(ids):
                several = {i: [] for i, count in Counter(ids).items() if count > 1}
                for k, i in enumerate(ids):
                    if i in several:
                        several[i].append(k)
                places.update(several)
            self._places = places
        return self._places

    def waiting(self) -> _RingWaiting:
        """The items whose names found no room on them (made once): what the names
        beside the wheel and the numbers are worked out for."""
        if self._waiting is None:
            items = self.items
            unnamed = list(map(operator.is_, map(_LABEL, items), itertools.repeat(None)))
            marks = list(map(_IS_MARKER, items))
            everyone = range(len(items))
            # (unnamed and not a marker: True > False)
            phases = list(itertools.compress(everyone, map(operator.gt, unnamed, marks)))
            markers = list(itertools.compress(everyone, map(operator.and_, unnamed, marks)))
            bare = list(map(items.__getitem__, phases))
            both = bare + list(map(items.__getitem__, markers))
            angles = list(map(operator.add, map(_ANGLE0, both), map(_ANGLE1, both)))
            radii = list(map(operator.add, map(_INNER, both), map(_OUTER, both)))
            # by angle, then radius: two stable sorts of numbers, not one of pairs
            order = sorted(sorted(range(len(both)), key=radii.__getitem__), key=angles.__getitem__)
            weights = [*map(float, map(_DAYS, bare)), *[10.0] * len(markers)]
            self._waiting = _RingWaiting(
                phases,
                markers,
                weights,
                angles,
                [*map(operator.sub, map(_OUTER, bare), map(_INNER, bare)), *[-1.0] * len(markers)],
                order,
                # heaviest first, the same weight in that order (a stable sort)
                sorted(range(len(weights)), key=weights.__getitem__, reverse=True),
            )
        return self._waiting


class _RingWaiting(NamedTuple):
    """One ring's items without a name on them, phases then markers (as positions in
    the ring's items), with what the names beside the wheel and the numbers ask of
    each, in that order: its weight, twice the angle of its middle, its depth (a
    marker's -1); all of them in the numbered list's order (by angle, then
    radius, then that order); and by weight, heaviest first."""

    phases: list[int]
    markers: list[int]
    weights: list[float]
    angles: list[float]
    depths: list[float]
    order: list[int]
    heavy: list[int]

    @property
    def deepest(self) -> float:
        return max(self.depths, default=-1.0)


class _Waiting(NamedTuple):
    """The items of a whole layout whose names found no room on them, in the order of
    the layout's items (phases first), with their weights, angles and depths; and
    their positions in the numbered list's order (by angle, then inwards)."""

    items: list[Item]
    weights: list[float]
    angles: list[float]  # twice the angle of each one's middle
    depths: list[float]
    order: list[int]
    deepest: float  # the depth of the deepest phase
    # the items whose names are not known to be in the numbered list alone: those of
    # the rings not taken over from the layout before
    stale: list[Item]
    rings: list[_RingWaiting]  # each ring's, and where its items are among ``items``
    places: list[list[int]]

    def heaviest(self, count: int) -> list[int]:
        """The ``count`` heaviest (as positions in ``items``), heaviest first, the same
        weight in the order of ``items``: ``heapq.nlargest`` by weight, merged from
        each ring's items by weight (made once per ring), not found among all."""
        runs = (
            zip(
                map(operator.neg, map(wait.weights.__getitem__, wait.heavy)),
                map(place.__getitem__, wait.heavy),
                strict=True,
            )
            for wait, place in zip(self.rings, self.places, strict=True)
        )
        return [k for _weight, k in itertools.islice(heapq.merge(*runs), count)]

    @classmethod
    def of(
        cls,
        tokens: Sequence[RingLayout],
        per_ring: Sequence[list[Item]],
        taken: Collection[int] = (),
    ) -> _Waiting:
        """Put together from each ring's, which are kept with the ring's items;
        ``taken``: the rings whose items were taken over from the layout before."""
        waits = [token.waiting() for token in tokens]
        items: list[Item] = []
        weights: list[float] = []
        angles: list[float] = []
        depths: list[float] = []
        stale: list[Item] = []
        where: list[list[int]] = [[] for _ in waits]  # each ring's places in the whole
        for part in ("phases", "markers"):
            for index, (wait, ring_items) in enumerate(zip(waits, per_ring, strict=True)):
                first = len(items)
                picked = wait.phases if part == "phases" else wait.markers
                items += map(ring_items.__getitem__, picked)
                if index not in taken:
                    stale += items[first:]
                skip = 0 if part == "phases" else len(wait.phases)
                end = skip + len(picked)
                weights += wait.weights[skip:end]
                angles += wait.angles[skip:end]
                depths += wait.depths[skip:end]
                where[index] += range(first, len(items))
        # each ring's list is in order already; the rings' lists, innermost first, are
        # merged by angle alone: where two have the same angle, the inner one comes
        # first, as it would by radius (the rings do not overlap)
        runs: list[int] = []
        for wait, places in reversed(list(zip(waits, where, strict=True))):
            runs += map(places.__getitem__, wait.order)
        order = sorted(runs, key=angles.__getitem__)
        deepest = max((wait.deepest for wait in waits), default=-1.0)
        return cls(items, weights, angles, depths, order, deepest, stale, waits, where)


_RINGS: dict[tuple, RingLayout] = {}  # the latest rings laid out, newest last
RINGS_KEPT = 48


def _keep(store: dict, key: tuple, value: object) -> None:
    """``value`` remembered under ``key`` as the newest; the oldest go past RINGS_KEPT."""
    store.pop(key, None)
    store[key] = value
    while len(store) > RINGS_KEPT:
        del store[next(iter(store))]


def _same(first: Sequence[object], second: Sequence[object]) -> bool:
    """The same objects in the same order."""
    return len(first) == len(second) and all(map(operator.is_, first, second))


_IS_MARKER = operator.attrgetter("is_marker")
IS_DIMMED = operator.attrgetter("dimmed")
_LABEL = operator.attrgetter("label")
_ANGLE0 = operator.attrgetter("angle0")
_ANGLE1 = operator.attrgetter("angle1")
_INNER = operator.attrgetter("inner")
_OUTER = operator.attrgetter("outer")
_DAYS = operator.attrgetter("occurrence.days")
_ACTIVITY_ID = operator.attrgetter("occurrence.activity.id")


def _mark_faded(items: list[Item], token: RingLayout, faded: Collection[str]) -> None:
    """Mark a ring's items (in its token's order) faded where their activity is in
    ``faded``, the others not: by the token's ids, not item by item's activity."""
    for item, dimmed in zip(items, map(faded.__contains__, token.ids()), strict=True):
        item.dimmed = dimmed


def _handed_on(earlier: WheelLayout | None, index: int, token: RingLayout) -> list[Item] | None:
    """The items of ring ``index`` of ``earlier``, a layout no longer used, where they
    were made from ``token``: taken over (once) rather than copied. The names off their
    items are placed again, so only their shapes and the names on them must agree."""
    if earlier is None or index >= len(earlier.ring_tokens):
        return None
    if earlier.ring_tokens[index] is not token or index in earlier.handed_on:
        return None
    earlier.handed_on.add(index)
    return earlier.ring_items[index]


def _copy(item: Item) -> Item:
    """A shallow copy of ``item`` (its label is a tuple, shared safely)."""
    copy = object.__new__(Item)
    copy.__dict__ = item.__dict__.copy()
    return copy


class _Lanes(NamedTuple):
    """A ring's occurrences as once laid out, with their lanes and spans."""

    occurrences: list[Occurrence]
    lanes: list[int]
    spans: list[tuple[int, int]]


# per ring and days shown: the lanes last assigned, and a few before them (newest last)
_LANES: dict[tuple, list[_Lanes]] = {}
LANES_KEPT = 8  # assignments remembered per ring: an undo finds the lanes it had
# an edit that adds or takes away more of a ring's occurrences than a quarter of them
# (or 4, where that is more) or 64 (a filter, another plan) deals the ring's lanes out
# anew; so does one whose new occurrences would be compared with more than
# KEPT_LANES_WORK of the ring's in all
KEPT_LANES_SHARE = 0.25
KEPT_LANES_FEW = 4
KEPT_LANES_MANY = 64
KEPT_LANES_WORK = 250_000


def _lanes(ring_id: str, occurrences: list[Occurrence], scale: YearScale) -> list[int]:
    """The lanes of a ring's occurrences: those of an earlier assignment of the very
    same occurrences where one is remembered (after an undo, the lanes it had); else
    those of the last one kept (:func:`kept_lanes`); else :func:`assign_lanes`.
    The spans of the occurrences that stayed are taken over."""
    key = (ring_id, scale.start, scale.end)
    known = _LANES.get(key, [])
    for k in reversed(range(len(known))):
        entry = known[k]
        if _same(entry.occurrences, occurrences):  # (the newest now)
            _keep(_LANES, key, [*known[:k], *known[k + 1 :], entry])
            return entry.lanes
    lanes = None
    if known:
        last = known[-1]
        were = dict(zip(map(id, last.occurrences), last.spans, strict=True)).get
        spans = [were(id(o)) or _span(o, scale) for o in occurrences]
        lanes = kept_lanes(last.occurrences, last.lanes, occurrences, spans, scale)
    else:
        spans = [_span(o, scale) for o in occurrences]
    if lanes is None:
        lanes = assign_lanes(occurrences, scale, spans)
    entry = _Lanes(list(occurrences), lanes, spans)
    _keep(_LANES, key, [*known[1 - LANES_KEPT :], entry])
    return lanes


def kept_lanes(
    before: Sequence[Occurrence],
    lanes_before: Sequence[int],
    occurrences: Sequence[Occurrence],
    spans: Sequence[tuple[int, int]],
    scale: YearScale,
) -> list[int] | None:
    """Lanes for ``occurrences`` (with their :func:`_span`) after an edit, where
    ``before`` had ``lanes_before``: every occurrence that stayed (the same object)
    keeps its lane, so an edit moves nothing but what it changed. A new occurrence
    takes the lane its activity's occurrence had, where that lane is free over its
    days, else the outermost free lane, else a new lane inside the others, in date
    order. Where that uses more lanes than the fewest that will do, the ring dealt
    out anew (:func:`assign_lanes`); None where a lane is left empty or too much
    changed: the caller deals it out anew then."""
    where = dict(zip(map(id, before), lanes_before, strict=True)).get
    lanes = [where(id(o), -1) for o in occurrences]
    new = [k for k, lane in enumerate(lanes) if lane < 0]
    changed = max(len(new), len(before) - (len(occurrences) - len(new)))  # came or gone
    most = min(KEPT_LANES_MANY, max(KEPT_LANES_FEW, KEPT_LANES_SHARE * len(before)))
    if changed > most or len(new) * len(occurrences) > KEPT_LANES_WORK:
        return None
    if len(new) == len(occurrences):  # none stayed: another plan (or a ring all new)
        return None
    count = max(lanes_before, default=-1) + 1
    if new:
        staying = set(map(id, occurrences))
        own = {
            (o.activity.id, o.index): lane
            for o, lane in zip(before, lanes_before, strict=True)
            if id(o) not in staying
        }
        firsts = [first for first, _last in spans]
        lasts = [last for _first, last in spans]
        everyone = range(len(spans))
        for k in sorted(new, key=lambda k: (spans[k][0], -spans[k][1])):
            first, last = spans[k]
            meets = map(operator.and_, map(first.__le__, lasts), map(last.__ge__, firsts))
            busy = set(map(lanes.__getitem__, itertools.compress(everyone, meets)))
            occ = occurrences[k]
            lane = own.get((occ.activity.id, occ.index))
            if lane is None or lane >= count or lane in busy:
                lane = next((n for n in range(count) if n not in busy), count)
                count = max(count, lane + 1)  # (a lane more, innermost)
            lanes[k] = lane
    if len(set(lanes)) < count:
        return None
    if count > max(lanes_before, default=-1) + 1:  # lanes added: no more than the fewest
        fewest = assign_lanes(occurrences, scale, spans)
        if count > max(fewest, default=-1) + 1:
            return fewest  # (dealt anew already)
    return lanes


class _Split(NamedTuple):
    """Occurrences sorted into the rings that show them, as last done."""

    occurrences: list[AnyOccurrence]
    key: tuple[tuple[str, ...], YearScale, bool]  # rings shown, days shown, undated listed
    by_ring: dict[str, list[Occurrence]]
    undated: list[Undated]


# the last splits (newest first), one per rings shown and days shown: patched for the
# occurrences after an edit, and found again when the wheel zooms back
_SPLIT: list[_Split] = []
SPLITS_KEPT = 4
SPLIT_PATCHED_AT_MOST = 2000  # occurrences in the stretch that differs, at most,
SPLIT_PATCHED_SHARE = 0.25  # or this share of all of them, where that is more
SPLICE_LOOKS_AT_MOST = 16  # occurrences after the stretch looked at for a ring's place


def _split(
    occurrences: Sequence[AnyOccurrence], ring_ids: list[str], scale: YearScale, listed: bool
) -> tuple[dict[str, list[Occurrence]], list[Undated]]:
    """The dated occurrences in the shown days, by the shown ring, each ring's in the
    order given; and the occurrences without a date of the shown rings where they are
    ``listed``. After an edit the occurrences are mostly those of the last split, in
    the same order: only the stretch from the first to the last that differ is sorted
    into the rings, and put in place of that stretch of the last split."""
    key = (tuple(ring_ids), scale, listed)
    last = next((split for split in _SPLIT if split.key == key), None)
    done = None
    if last is not None:
        done = _patched_split(last, occurrences)
    if done is None:
        done = _fresh_split(occurrences, ring_ids, scale, listed)
    others = [split for split in _SPLIT if split is not last][: SPLITS_KEPT - 1]
    _SPLIT[:] = [_Split(list(occurrences), key, *done), *others]
    return {r: list(occs) for r, occs in done[0].items()}, list(done[1])


def _fresh_split(
    occurrences: Sequence[AnyOccurrence], ring_ids: Sequence[str], scale: YearScale, listed: bool
) -> tuple[dict[str, list[Occurrence]], list[Undated]]:
    by_ring_id: dict[str, list[Occurrence]] = {r: [] for r in ring_ids}
    first_day, after = scale.start, scale.end
    undated: list[Undated] = []
    shown_in = by_ring_id.get
    for occ in occurrences:
        if isinstance(occ, Undated):
            if listed and occ.activity.ring in by_ring_id:
                undated.append(occ)
        elif occ.start < after and occ.end >= first_day:
            shown = shown_in(occ.activity.ring)
            if shown is not None:
                shown.append(occ)
    return by_ring_id, undated


def _first_differing(one: Iterable[object], other: Iterable[object], most: int) -> int:
    """How many of the first of ``one`` and ``other`` are the same objects (at most
    ``most``)."""
    differ = map(operator.is_not, one, other)
    return next(itertools.compress(itertools.count(), differ), most)


def _patched_split(
    last: _Split, occurrences: Sequence[AnyOccurrence]
) -> tuple[dict[str, list[Occurrence]], list[Undated]] | None:
    """The split of ``occurrences`` made from ``last``'s; None where they differ in
    too long a stretch."""
    old, new = last.occurrences, occurrences
    most = min(len(old), len(new))
    first = _first_differing(old, new, most)
    tail = min(_first_differing(reversed(old), reversed(new), most), most - first)
    end = len(new) - tail  # the stretch that differs: old[first:-tail], new[first:end]
    gone, came = old[first : len(old) - tail], list(new[first:end])
    if not gone and not came:
        return last.by_ring, last.undated
    if len(gone) + len(came) > max(SPLIT_PATCHED_AT_MOST, SPLIT_PATCHED_SHARE * len(new)):
        return None
    ring_ids, scale, listed = last.key
    were = _fresh_split(gone, ring_ids, scale, listed)
    are = _fresh_split(came, ring_ids, scale, listed)
    by_ring = dict(last.by_ring)
    for ring_id in ring_ids:
        if were[0][ring_id] or are[0][ring_id]:
            following = (
                occ for occ in itertools.islice(new, end, None) if occ.activity.ring == ring_id
            )
            spliced = _spliced(last.by_ring[ring_id], were[0][ring_id], are[0][ring_id], following)
            if spliced is None:
                return None
            by_ring[ring_id] = spliced
    undated = last.undated
    if were[1] or are[1]:
        following = (occ for occ in itertools.islice(new, end, None) if isinstance(occ, Undated))
        spliced = _spliced(last.undated, were[1], are[1], following)
        if spliced is None:
            return None
        undated = spliced
    return by_ring, undated


def _spliced(part: list, gone: list, came: list, following: Iterator[AnyOccurrence]) -> list | None:
    """``part`` (a ring's occurrences, or the undated, of the last split) with the
    stretch of it ``gone`` replaced by ``came``; where none of ``part`` was in the
    stretch, ``came`` goes before the first of ``following`` (what comes after the
    stretch, in order) that is in ``part`` (None where that is not soon found)."""
    if gone:
        begin = _position(part, gone[0])
        return None if begin is None else [*part[:begin], *came, *part[begin + len(gone) :]]
    if not part:
        return list(came)
    for looked, occ in enumerate(following, start=1):
        found = _position(part, occ)
        if found is not None:
            return [*part[:found], *came, *part[found:]]
        if looked == SPLICE_LOOKS_AT_MOST:
            return None
    return [*part, *came]  # nothing of it follows the stretch


def _position(items: list, item: object) -> int | None:
    """Where ``item`` (this very object) is in ``items``."""
    same = map(operator.is_, items, itertools.repeat(item))
    return next(itertools.compress(itertools.count(), same), None)


def layout(
    plan: Plan,
    width: float,
    height: float | None = None,
    occurrences: Sequence[AnyOccurrence] | None = None,
    *,
    span: tuple[dt.date, dt.date] | None = None,
    month_names: Sequence[str] | None = None,
    heading: str | None = None,
    week_label: str = "Week {week}",
    dimmed: Collection[str] = (),
    measure: Measure = estimate_width,
    today: dt.date | None = None,
    today_label: str = "Today",
    undated_label: str = "Without a date",
    title_of: Callable[[AnyOccurrence], str] | None = None,
    rings: Collection[str] | None = None,
    min_text: float = SCREEN_MIN_TEXT,
    unit: str = "px",
    style: Style = Style(),
    title_key: object = None,
    reuse: WheelLayout | None = None,
    only_rings: Collection[int] | None = None,
) -> WheelLayout:
    """Lay out ``plan`` in a frame of ``width`` × ``height`` (square if no height).

    ``occurrences`` defaults to all of the plan's; ``rings`` to all its rings
    (a hidden ring gives its room to the others). ``span`` (first day, day after
    the last) zooms to part of the year, such as a quarter or a month, shown
    round the whole circle; a month shows weeks and days in its outer bands.
    ``month_names`` gives the twelve month names January first (English if not
    given), ``heading`` the large centre text (the plan's year), ``week_label``
    the week's name in a month view, ``today_label`` the words on the today hand,
    ``undated_label`` the heading of the activities without a date (listed beside
    the whole year's wheel), ``title_of`` an occurrence's name as shown (its
    activity's title if not given); ``title_key`` says that ``title_of`` names an
    occurrence as it did in an earlier layout with the same key, so a ring that did
    not change is taken from that layout (None: every ring is laid out anew).
    ``reuse`` is a layout that is no longer used (the one this one replaces): the
    items of its rings that did not change are taken over, not copied, and are its
    no more.
    Activities whose ids are in ``dimmed`` are marked so the painter can fade them.
    ``only_rings`` (indices among the rings shown): a part of the layout, to be
    painted nowhere, that lays out those rings alone and remembers them (with
    ``title_key``), so that a layout made next for the same frame takes them over
    (the window lays a crowded wheel out a ring at a time after a resize, and passes
    the parts' rings on as ``reuse``). Its other rings are empty, and no name is
    placed off its items.
    """
    height = width if height is None else height
    occurrences = plan.occurrences() if occurrences is None else occurrences
    names = (
        list(month_names)
        if month_names
        else [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
    )
    scale = YearScale.of(plan) if span is None else YearScale.between(*span)
    shown_rings = [r for r in plan.rings if rings is None or r.id in rings]
    by_ring_id, undated = _split(occurrences, [r.id for r in shown_rings], scale, span is None)
    by_ring = [(r, by_ring_id[r.id], _lanes(r.id, by_ring_id[r.id], scale)) for r in shown_rings]
    settings = _Settings(
        plan,
        scale,
        names,
        week_label,
        by_ring,
        heading or plan.year_label,
        frozenset(dimmed),
        TextWidths.of(measure),
        measure,
        today if today is not None and scale.contains(today) else None,
        today_label,
        title_of or (lambda occ: occ.activity.title),
        undated_label,
        tuple(undated),
        min_text,
        style,
        {c.id: c.color for c in plan.categories},
        title_key,
        reuse,
    )
    frame = (-width / 2, -height / 2, width / 2, height / 2)
    R = wheel_radius(width, height, min_text, len(shown_rings), style)
    wheel = _layout_at(settings, R, frame, only_rings)
    if only_rings is not None:  # (its items fresh from their rings: no name off them)
        return wheel
    off_items = wheel._off_items
    assert off_items is not None
    room = frame[2] - R - min_text  # right of the wheel
    left = _list_undated(wheel, settings, off_items)
    wheel.undated_left_out = len(settings.undated) - len(wheel.undated)
    earlier = settings.reuse
    taken = earlier.handed_on if earlier is not None else set()
    waiting = _Waiting.of(wheel.ring_tokens, wheel.ring_items, taken)
    # the names the layout before placed off their items (the rest are in the list)
    labelled = [i for i in earlier.off_labelled if i.ring in taken] if earlier is not None else []
    stale = [*waiting.stale, *labelled]
    rows = (height - min_text) / ((LINE_HEIGHT + 0.3) * max(off_items.sizes[-1], 1.0))
    # the numbered list stands in the frame's upper right corner; the names beside the
    # wheel keep clear of it. Far more names than the columns hold: the list is
    # certain, so its room is made at once.
    block = None
    if len(waiting.items) > 3 * rows:  # (by the middle's angle alone)
        middles = waiting.angles
        # the list's block is measured on its first names (as many as its columns
        # could hold) and the count of the rest
        first = heapq.nsmallest(
            _key_block_names(frame, settings.min_text), range(len(middles)), key=middles.__getitem__
        )
        listed = [waiting.items[k] for k in first]
        block = _key_block(settings, listed, frame, room, off_items.clear, len(middles))
    keyed, wheel.named_off, stale = _label_off_items(
        waiting, settings, off_items, frame[2], left, block.corner if block else None, stale
    )
    measured: tuple[list[Item], _KeyBlock] | None = None  # the list's block, as last measured
    for _attempt in range(3):
        if not keyed:
            break
        wanted = _key_block(settings, keyed, frame, room, off_items.clear)
        measured = (keyed, wanted)
        if (
            block is not None
            and wanted.left >= block.left - 1e-6
            and (wanted.bottom <= block.bottom + 1e-6)
        ):
            break  # the list fits the room made for it
        if block is not None:  # the room only grows, so the names settle
            wanted = replace(
                wanted, left=min(block.left, wanted.left), bottom=max(block.bottom, wanted.bottom)
            )
        block = wanted
        keyed, wheel.named_off, stale = _label_off_items(
            waiting, settings, off_items, frame[2], left, block.corner, stale
        )
    wheel.keyed = keyed
    wheel.off_labelled = stale
    if keyed and block is not None:
        final = (
            measured[1]
            if measured is not None and measured[0] is keyed
            else _key_block(settings, keyed, frame, room, off_items.clear)
        )
        if final.left < block.left - 1e-6 or final.bottom > block.bottom + 1e-6:
            # the names have not settled: the list takes the whole right side, down to
            # the frame's foot, and no name beside the wheel can meet it
            block = replace(final, left=min(block.left, final.left), bottom=frame[3])
            keyed, wheel.named_off, stale = _label_off_items(
                waiting, settings, off_items, frame[2], left, block.corner, stale
            )
            wheel.keyed = keyed
            wheel.off_labelled = stale
        wheel.key_texts, wheel.key_owners = _key_texts(settings, keyed, block, frame)
    wheel.unit = unit
    wheel.faded_ids = settings.dimmed
    return wheel


def _radii(
    R: float, min_text: float, rings: int, style: Style
) -> tuple[float, float, float, float, float, float]:
    """Text sizes and radii of the bands of a wheel of radius ``R``: month and week
    text, the month band's and week band's inner edges, and where the rings end and
    begin. The bands grow to hold text of ``min_text``; each ring holds its name and
    at least two lines below it, and many rings on a small wheel take the centre's room."""
    month_px = max(R * style.month_px, min_text * 1.1)
    week_px = max(R * style.week_px, min_text)
    month_inner = R - max(R * style.month_band, month_px * 1.8)
    week_inner = month_inner - max(R * style.week_band, week_px * 1.5)
    rings_outer = week_inner - R * 0.01
    name_px = max(R * style.ring_name_px, min_text)
    need = name_px * LINE_HEIGHT * 3.2 + R * style.ring_gap
    rings_inner = max(min(R * style.rings_inner, rings_outer - max(1, rings) * need), R * 0.12)
    return month_px, week_px, month_inner, week_inner, rings_outer, rings_inner


def _ring_room(R: float, min_text: float, rings: int, style: Style) -> bool:
    """Whether each ring's band holds its name with room for items below it."""
    *_, rings_outer, rings_inner = _radii(R, min_text, rings, style)
    depth = (rings_outer - rings_inner) / max(1, rings) - R * style.ring_gap
    name_px = max(R * style.ring_name_px, min_text)
    return depth >= name_px * LINE_HEIGHT * 1.6


def wheel_radius(
    width: float, height: float, min_text: float, rings: int = 1, style: Style = Style()
) -> float:
    """The wheel's radius in a frame: as large as the frame allows, less the band for
    the today label outside it, and less what columns of names beside it need where the
    frame is not wide enough for them. It depends on the frame alone, so the wheel
    keeps its size whatever the plan holds."""
    margin = min_text * 0.5
    half = min(width, height) / 2 - margin
    band = LINE_HEIGHT * 1.05 + 0.6
    largest = max(8.0, min(half / (1 + band * style.today_px), half - band * min_text))
    side = (width - height) / 2 if width > height else 0.0
    shrink = max(0.0, min_text * 9 - side)
    R = max(largest - shrink, largest * 0.72)
    while largest > R and not _ring_room(R, min_text, rings, style):
        R = min(largest, R * 1.05)  # rings come before room for names beside the wheel
    return R


def _layout_at(
    settings: _Settings,
    R: float,
    frame: tuple[float, float, float, float],
    only: Collection[int] | None = None,
) -> WheelLayout:
    """The layout with a wheel of radius ``R`` (the month band's outer edge)."""
    style, scale, min_text = settings.style, settings.scale, settings.min_text
    measure = settings.measure
    zoom = scale.text_scale
    month_px, week_px, month_inner, week_inner, rings_outer, rings_inner = _radii(
        R, min_text, len(settings.by_ring), style
    )
    outer = R

    outer_radius = (outer + month_inner) / 2
    inner_radius = (month_inner + week_inner) / 2
    months, weeks, week_labels = _calendar_bands(
        scale,
        tuple(settings.names),
        settings.week_label,
        (outer_radius, inner_radius, month_px, week_px),
        measure,
        style,
    )

    bands = _ring_bands(settings, rings_inner, rings_outer, R)
    sizes = style.sizes(R, min_text, zoom)
    items: list[Item] = []
    colors, dimmed, name = settings.colors, settings.dimmed, settings.title_of
    first_day, last_day = scale.start, scale.last_day
    per_day = 360.0 / scale.days
    marker_cap = R * 0.022
    tokens: list[RingLayout] = []
    per_ring: list[list[Item]] = []
    for index, (band, (_ring, occs, lanes)) in enumerate(zip(bands, settings.by_ring, strict=True)):
        # a ring whose occurrences, band and sizes are as in an earlier layout is taken
        # from it (copies of its items, their names on them as placed then)
        if only is not None and index not in only:  # (a part: the ring left empty)
            tokens.append(RingLayout([], []))
            per_ring.append([])
            continue
        key = previous = None
        if settings.title_key is not None:
            key = (
                index,
                band.lane_outer,
                band.lane_inner,
                band.lanes,
                tuple(sizes),
                first_day,
                last_day,
                marker_cap,
                id(settings.widths),
                id(style),
                settings.title_key,
                tuple(sorted(colors.items())),
            )
            known = previous = _RINGS.get(key)
            if known is not None and _same(known.occurrences, occs):
                ring_items = _handed_on(settings.reuse, index, known)
                if ring_items is None:
                    ring_items = [_copy(item) for item in known.items]
                    faded = known.dimmed
                else:  # (a search may have faded them since)
                    faded = any(map(IS_DIMMED, ring_items))
                if dimmed or faded:  # (nothing to mark where none is or was faded)
                    _mark_faded(ring_items, known, dimmed)
                items.extend(ring_items)
                tokens.append(known)
                per_ring.append(ring_items)
                continue
        ring_items = []
        # the ring as laid out before an edit, in the same band and sizes: an item of
        # the same occurrence in the same lane is the same item, its name on it too (a
        # deadline's flag is placed again: it depends on what else is in its lane)
        masters: list[Item | None] = []
        fresh: list[Item] = []
        earlier = (
            {id(o): k for k, o in enumerate(previous.occurrences)} if previous is not None else {}
        )
        used: set[int] = set()  # the items of the ring before that are kept
        height = (band.lane_outer - band.lane_inner) / band.lanes
        for occ, lane in zip(occs, lanes, strict=True):
            k = earlier.get(id(occ))
            if k is not None:
                master = previous.items[k]  # type: ignore[union-attr]
                if master.lane == lane:
                    item = _copy(master)
                    item.dimmed = occ.activity.id in dimmed
                    ring_items.append(item)
                    masters.append(master)
                    used.add(k)
                    continue
            outer_r = band.lane_outer - lane * height
            inner = outer_r - height
            activity = occ.activity
            color = colors.get(activity.category, "#999999")
            start, end = occ.start, occ.end
            if activity.end is None:  # a deadline
                a = ((start - first_day).days + 0.5) * per_day
                size = min(max(height * 0.4, min(2.5, height * 0.5)), marker_cap)
                item = Item(
                    occ, index, lane, a, a, inner, outer_r, color, marker_size=size, title=name(occ)
                )
            else:
                a0 = (max(start, first_day) - first_day).days * per_day
                a1 = ((min(end, last_day) - first_day).days + 1) * per_day
                item = Item(occ, index, lane, a0, a1, inner, outer_r, color, title=name(occ))
                item.continues = (start < first_day, end > last_day)
            item.dimmed = activity.id in dimmed
            ring_items.append(item)
            masters.append(None)
            fresh.append(item)
        changed_lanes = None
        if previous is not None:
            # a lane with an item come or gone: its deadlines' flags are placed again
            changed_lanes = {item.lane for item in fresh} | {
                item.lane for k, item in enumerate(previous.items) if k not in used
            }
            for item in ring_items:
                if item.is_marker and item.lane in changed_lanes:
                    item.label = item.flag = None
        _label_on_items(
            ring_items,
            settings.widths,
            sizes,
            style,
            fresh if previous is not None else None,
            changed_lanes,
        )
        # the ring's kept items share those that are as they were (a deadline whose flag
        # stands where it stood); the others are kept as copies
        kept = [
            m
            if m is not None and (not m.is_marker or (i.label, i.flag) == (m.label, m.flag))
            # (a marker's flag placed again)
            else _copy(i)
            for i, m in zip(ring_items, masters, strict=True)
        ]
        # (an item kept from the ring before is faded as it was then)
        entry = RingLayout(list(occs), kept, any(map(IS_DIMMED, kept)))
        if key is not None:
            _keep(_RINGS, key, entry)
        tokens.append(entry)
        per_ring.append(ring_items)
        items.extend(ring_items)

    today_angle = scale.middle(settings.today) if settings.today is not None else None
    number_px = sizes[-1]
    today_px = max(R * style.today_px, min_text * 1.05)
    band_px = max(number_px, today_px)
    clear = outer + LINE_HEIGHT * band_px + 0.6 * band_px
    today_label = None
    taken = None
    if today_angle is not None:
        today_label = _today_label(
            settings, today_angle, outer + LINE_HEIGHT * band_px / 2, today_px
        )
        half = math.degrees(
            settings.widths(settings.today_text, today_px, True) / 2 / (outer + band_px)
        ) + math.degrees(today_px / outer)
        taken = (today_angle - half, today_angle + half)
    off_items = _OffItems(R, frame, clear, outer + LINE_HEIGHT * band_px / 2, taken, sizes)

    items.sort(key=_IS_MARKER)  # markers on top of every ring segment
    centre = centre_lines(settings.plan, settings.heading, rings_inner, R, measure, style, min_text)
    return WheelLayout(
        2 * R,
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
        frame=frame,
        min_text=min_text,
        sizes=sizes,
        clear=clear,
        today_label=today_label,
        _off_items=off_items,
        ring_tokens=tokens,
        ring_items=per_ring,
    )


_BANDS: dict[tuple, tuple[list[Sector], list[float], list[ArcText]]] = {}


def _calendar_bands(
    scale: YearScale,
    names: tuple[str, ...],
    week_label: str,
    sizes: tuple[float, float, float, float],
    measure: Measure,
    style: Style,
) -> tuple[list[Sector], list[float], list[ArcText]]:
    """The outer bands' sectors, ticks and names: months and weeks (a month view: weeks
    and days), at the radii and text sizes ``sizes`` (outer radius, inner radius, month
    text, week text). Remembered: an edit does not change them."""
    key = (scale, names, week_label, sizes, measure, style)
    known = _BANDS.get(key)
    if known is None:
        outer_radius, inner_radius, month_px, week_px = sizes
        if scale.days <= 31:
            months = week_sectors(scale, week_label, outer_radius, month_px, measure, style)
            weeks, week_labels = day_ticks(scale, inner_radius, week_px * 1.1, measure, style)
        else:
            months = month_sectors(scale, list(names), outer_radius, month_px, measure, style)
            weeks, week_labels = week_ticks(scale, inner_radius, week_px, measure, style)
        known = (months, weeks, week_labels)
        _keep(_BANDS, key, known)
    return list(known[0]), list(known[1]), list(known[2])


def _ring_bands(settings: _Settings, inner: float, outer: float, R: float) -> list[RingBand]:
    """Every shown ring gets the same depth, whatever it holds; its name runs along a
    strip at its outer edge, from just after 12 o'clock."""
    count = len(settings.by_ring)
    if not count:
        return []
    style = settings.style
    gap = R * style.ring_gap
    height = (outer - inner - gap * (count - 1)) / count
    px = max(R * style.ring_name_px, settings.min_text)
    strip = px * LINE_HEIGHT + max(1.0, px * 0.15)
    bands = []
    top = outer
    for ring, _occs, lanes in settings.by_ring:
        n = max(lanes, default=0) + 1
        bottom = top - height
        radius = top - strip / 2
        text = ring.name.upper()
        width = settings.widths(text, px, True)
        room = 2 * math.pi * radius * 0.94
        if width > room:
            text = elide(text, room, px, settings.measure, True)
            width = settings.widths(text, px, True)
        angle = 1.2 + math.degrees(width / 2 / max(radius, 1.0))
        name = ArcText(text, radius, angle, px, style.muted, True, False)
        lane_outer = max(top - strip, bottom + 1.0)
        bands.append(
            RingBand(ring, bottom, top, n, bottom + height * 0.02, lane_outer, name, width)
        )
        top = bottom - gap
    return bands


def _label_on_items(
    items: list[Item],
    widths: TextWidths,
    sizes: Sequence[float],
    style: Style,
    fresh: Sequence[Item] | None = None,
    lanes: Collection[int] | None = None,
) -> None:
    """Names on the items of one ring: a phase's along its arc or radially, a
    deadline's on a flag in the free room of its lane beside the marker. Of the
    phases, only those in ``fresh`` are named where it is given (the rest keep the
    names they have); of the deadlines, those in ``lanes`` where it is given (a
    flag depends on what else is in its lane)."""
    by_lane: dict[int, list[Item]] = {}
    room = _text_room(items)  # (on a crowded ring none: nothing is tried item by item)
    if room <= 0.0:
        for item in items if fresh is None else fresh:
            if not item.is_marker:
                item.label = None
        return
    marker_lanes = {item.lane for item in items if item.is_marker}
    if lanes is not None:
        marker_lanes &= set(lanes)
    if room < LINE_HEIGHT * sizes[-1] - 1e-9:
        marker_lanes = set()  # no lane holds a flag's line
    to_fit = None if fresh is None else {id(item) for item in fresh}
    for item in items:
        if item.lane in marker_lanes:
            by_lane.setdefault(item.lane, []).append(item)
        if not item.is_marker and (to_fit is None or id(item) in to_fit):
            a0, a1 = item.angle0, item.angle1
            before, after = item.continues
            if before or after:  # the arrows that say it goes on keep their room
                arrow = continue_arrow_angle(item)
                a0, a1 = a0 + arrow * before, a1 - arrow * after
            item.label = fit_on_item(
                item.title,
                widths,
                item.inner,
                item.outer,
                a0,
                a1,
                sizes,
                text_color_on(item.color),
            )
    for lane_items in by_lane.values():
        lane_items.sort(key=lambda i: i.angle0 - (i.marker_half() if i.is_marker else 0.0))
        free_from = 0.0  # where the room before the next item begins
        for k, item in enumerate(lane_items):
            if not item.is_marker:
                free_from = max(free_from, item.angle1)
                continue
            following = lane_items[k + 1] if k + 1 < len(lane_items) else None
            until = 360.0
            if following is not None:
                until = following.angle0 - (following.marker_half() if following.is_marker else 0.0)
            placed = fit_flag(
                item.title,
                widths,
                item.inner,
                item.outer,
                item.angle0,
                item.marker_half(),
                (free_from, until),
                sizes,
                style.ink,
            )
            if placed is not None:
                item.label, first, last = placed
                item.flag = (first, last)
                free_from = last
            else:
                free_from = max(free_from, item.angle0 + item.marker_half())


def _text_room(items: Sequence[Item]) -> float:
    """The depth left for a line of text in the deepest of the items' lanes, padded as
    ``fit_on_item`` and ``fit_flag`` pad it."""
    deepest = max(map(operator.sub, map(_OUTER, items), map(_INNER, items)), default=0.0)
    return deepest - 2 * (0.4 + 0.02 * deepest)


@dataclass(frozen=True)
class _OffItems:
    """Where names off their items may go, for one size of wheel."""

    R: float
    frame: tuple[float, float, float, float]
    clear: float  # outside names stay beyond this radius
    number_radius: float  # key numbers sit on this circle
    taken: tuple[float, float] | None  # the today label's angles
    sizes: tuple[float, ...]


def _label_off_items(
    waiting: _Waiting,
    settings: _Settings,
    where: _OffItems,
    right: float,
    left: tuple[float, float] | None = None,
    corner: tuple[float, float] | None = None,
    stale: Sequence[Item] = (),
) -> tuple[list[Item], list[Item], list[Item]]:
    """Names that found no room on their items: outside the wheel (left of ``right``),
    else numbered. Every waiting item's name is in the numbered list alone but those
    of ``stale`` (made so) and of the items placed here. Returns the items numbered,
    in the list's order (the first is number 1); the items whose names or numbers
    are drawn off them or on them as numbers, in ``waiting``'s order; and every item
    whose name is not the list's alone (the next call's ``stale``)."""
    style = settings.style
    R, clear, sizes = where.R, where.clear, where.sizes
    frame = (where.frame[0], where.frame[1], right, where.frame[3])
    items, weights = waiting.items, waiting.weights
    smallest = sizes[-1]
    in_the_list = _key_only(smallest)
    for item in stale:
        item.label = in_the_list
    if not items:
        return [], [], []
    px = max(R * style.outside_px * settings.scale.text_scale, sizes[-1])
    rows = max(1, int((frame[3] - frame[1]) / ((LINE_HEIGHT + 0.3) * px)) + 1)
    candidates: Sequence[int] = range(len(items))
    if len(items) > 4 * rows:  # far more names than the columns hold: the heaviest try
        candidates = waiting.heaviest(4 * rows)
    placed = place_outside(
        [_request(items, weights, k) for k in candidates],
        settings.widths,
        px,
        clear,
        frame,
        style.ink,
        left,
        corner,
    )
    for k, label in placed.items():
        items[k].label = label
    # by the middle's angle, then inwards
    rest = [k for k in waiting.order if k not in placed] if placed else waiting.order
    ordered = list(map(items.__getitem__, rest))
    digit = max(settings.widths(d, smallest, True) for d in "0123456789")
    deep = LINE_HEIGHT * smallest * 1.1  # deep enough for a number of any length
    shallow = min(deep, digit + smallest)  # too shallow for a number of one digit
    depths = waiting.depths
    on_items: set[int] = set()  # positions in ``rest`` whose number is on the item
    # (on a crowded wheel no item is deep enough for a number: none is looked at)
    deep_enough = (
        () if waiting.deepest < shallow else map(shallow.__le__, map(depths.__getitem__, rest))
    )
    for position in itertools.compress(range(len(rest)), deep_enough):
        number = position + 1
        item = ordered[position]
        depth = depths[rest[position]]
        if depth < deep and depth < digit * len(str(number)) + smallest:
            continue
        on_item = fit_on_item(
            str(number),
            settings.widths,
            item.inner,
            item.outer,
            item.angle0,
            item.angle1,
            sizes[-1:],
            text_color_on(item.color),
            bold=True,
            placement=KEY,
        )
        if on_item is not None:
            item.label = on_item._replace(key=number)
            on_items.add(position)
    free: Sequence[int] = range(len(rest))
    if on_items:
        free = [p for p in free if p not in on_items]
    circle = 2 * math.pi * where.number_radius
    fits = int(circle / (digit * 1.5)) + 1  # no more numbers than the circle can hold
    if len(free) > fits:
        heavy = list(map(weights.__getitem__, rest))
        free = heapq.nlargest(fits, free, key=heavy.__getitem__)
    numbers = place_numbers(
        [(_request(items, weights, rest[p]), p + 1) for p in free],
        settings.widths,
        smallest,
        where.number_radius,
        where.taken,
        style.ink,
    )
    for k, label in numbers.items():
        items[k].label = label
    touched = sorted({*placed, *numbers, *(rest[p] for p in on_items)})
    named = [k for k in touched if items[k].label.texts]  # type: ignore[union-attr]
    return ordered, [items[k] for k in named], [items[k] for k in touched]


@lru_cache(maxsize=16)
def _key_only(px: float) -> Label:
    """The label of a name in the numbered list alone (its number is where it stands
    in the list, ``WheelLayout.keyed``): one for every such name of that size."""
    return Label(KEY, (), px, (), (), None, None)


def _request(items: list[Item], weights: list[float], k: int) -> Request:
    item = items[k]
    middle = item.middle
    return Request(k, middle, polar(item.mid_radius, middle), item.title, weights[k])


def _list_undated(
    wheel: WheelLayout, settings: _Settings, where: _OffItems
) -> tuple[float, float] | None:
    """The activities without a date, listed in the frame's lower left corner under a
    heading, each with a swatch of its colour; returns the span of y that the left
    column of names keeps (above the list), or None where nothing is listed.

    A name too long for the corner is wrapped (a word is never cut); where the
    corner is too small for the list even so, the undated activities are not on the
    wheel (``undated_left_out`` counts them: the tray in the window and the
    handout list them)."""
    if not settings.undated:
        return None
    style = settings.style
    px = max(where.R * style.outside_px, where.sizes[-1])
    widths = settings.widths
    x0, y0, _x1, y1 = where.frame
    margin = px * 0.4
    step = (LINE_HEIGHT + COLUMN_GAP) * px
    swatch = px * 0.8
    indent = swatch + px * 0.6
    titles = [(occ, settings.title_of(occ)) for occ in settings.undated]
    rows: list[tuple[Undated, tuple[str, ...]]] = [(occ, (title,)) for occ, title in titles]
    heading = widths(settings.undated_text, px, True)
    for _attempt in range(8):  # (wrapped names take lines: the list's top rises)
        lines = 1 + sum(len(r[1]) for r in rows)
        top = y1 - margin - lines * step
        if top <= 0 or top < y0 + margin:
            return None
        # the list stays off the wheel and the names' circle beside it
        reach = math.sqrt(max(0.0, where.clear**2 - min(top, y1) ** 2))
        room = -reach - COLUMN_GAP * px - (x0 + margin)
        needed = max([heading] + [indent + widths(t, px) for _o, ts in rows for t in ts])
        if needed <= room:
            break
        wrapped = [
            (occ, tuple(wrap(title, room - indent, px, settings.measure, cut=False)))
            for occ, title in titles
        ]
        if heading > room or wrapped == rows:  # (a word wider than the room)
            return None
        rows = wrapped
    else:
        return None
    left = x0 + margin
    wheel.undated_heading = StraightText(
        settings.undated_text,
        left + widths(settings.undated_text, px, True) / 2,
        top + step / 2,
        0.0,
        px,
        style.muted,
        True,
    )
    y = top + step
    colors = settings.colors
    for occ, texts in rows:
        color = colors.get(occ.activity.category, "#999999")
        cy = y + step / 2
        box = (left, cy - swatch / 2, left + swatch, cy + swatch / 2)
        item = Item(occ, -1, 0, 0.0, 0.0, 0.0, 0.0, color, box=box, title=settings.title_of(occ))
        item.dimmed = occ.activity.id in settings.dimmed
        width = max(widths(t, px) for t in texts)
        text_left = left + indent
        straight = tuple(
            StraightText(t, text_left + widths(t, px) / 2, cy + k * step, 0.0, px, style.ink)
            for k, t in enumerate(texts)
        )
        half = LINE_HEIGHT * px / 2
        outline = (
            (text_left, cy - half),
            (text_left + width, cy - half),
            (text_left + width, cy + half + (len(texts) - 1) * step),
            (text_left, cy + half + (len(texts) - 1) * step),
        )
        leader = ((left + swatch, cy), (text_left - px * 0.15, cy))
        item.label = Label(OUTSIDE, texts, px, straight, outline, leader)
        wheel.undated.append(item)
        y += step * len(texts)
    return (y0, top - margin)


def _today_label(settings: _Settings, angle: float, radius: float, px: float) -> Label:
    text = ArcText(settings.today_text, radius, angle, px, "#ffffff", True, is_flipped(angle))
    width = settings.widths(settings.today_text, px, True) + px
    return Label("today", (settings.today_text,), px, (text,), arc_outline(text, width))


KeyLine = tuple[str, float, bool]  # text, indent, is the number


@dataclass(frozen=True)
class _KeyBlock:
    """The numbered list's place: its lower left corner, its columns and their rows."""

    left: float
    bottom: float
    width: float  # of a column
    rows: int
    columns: int

    @property
    def corner(self) -> tuple[float, float]:
        return self.left, self.bottom


def _key_columns(
    settings: _Settings,
    listed: Sequence[Item],
    width: float,
    rows: int,
    columns: int,
    total: int | None = None,
) -> list[list[KeyLine]]:
    """The numbered list in ``columns`` of at most ``rows`` lines each, every title
    wrapped between words and kept in one column; where not all fit, the last line
    says how many more there are. ``listed`` may be the first ``total`` names only,
    as many as the columns could hold."""
    total = len(listed) if total is None else total
    px = settings.min_text
    indent = settings.widths("000  ", px)
    filled: list[list[KeyLine]] = [[]]
    used = 0
    for n, item in enumerate(listed):
        number = n + 1  # (the list's order is its numbers')
        wrapped = wrap(item.title, width - indent, px, settings.widths)
        last = len(filled) == columns
        more = total - n
        if used + len(wrapped) > rows - (1 if last and more > 1 else 0):
            if last or len(wrapped) > rows:
                filled[-1].append((f"+ {more} …", 0.0, False))
                break
            filled.append([])
            used = 0
        filled[-1].append((str(number), 0.0, True))
        filled[-1] += [(text, indent, False) for text in wrapped]
        used += len(wrapped)
    return [column for column in filled if column]


# font sizes: a word of the numbered list wider than this, and than the room right
# of the wheel, is cut with an ellipsis
KEY_WORD_EMS = 24


def _key_block_names(frame: tuple[float, ...], px: float) -> int:
    """How many names :func:`_key_block` can look at, at most, in ``frame``: four
    columns' worth of titles, or a name a line in as many columns as the frame could
    hold (each at least eight letters and a gap wide)."""
    step = px * LINE_HEIGHT * 1.1
    rows = max(1, int((frame[3] - frame[1] - px) // step))
    columns = int((frame[2] - frame[0]) // (9 * px)) + 1
    return rows * max(4, columns) + 2


def _key_block(
    settings: _Settings,
    listed: Sequence[Item],
    frame: tuple[float, ...],
    room: float,
    clear: float,
    total: int | None = None,
) -> _KeyBlock:
    """The numbered list in the frame's upper right corner: columns as wide as their
    widest line (titles wrap between words where the room right of the wheel is
    narrow), as many as the list needs and the room holds, as tall as their lines.
    ``listed`` may be the first ``total`` names (see :func:`_key_block_names`)."""
    px = settings.min_text
    step = px * LINE_HEIGHT * 1.1
    rows = max(1, int((frame[3] - frame[1] - px) // step))
    titles = [i.title for i in listed[: rows * 4]]
    widest = max((settings.widths(f"000  {t}", px) for t in titles), default=0.0)
    word = max((settings.widths(f"000  {w}", px) for t in titles for w in t.split()), default=0.0)
    # a word wider than the room right of the wheel and than KEY_WORD_EMS is cut with
    # an ellipsis (it could stand whole nowhere): the list keeps its corner
    word = min(word, max(room, px * KEY_WORD_EMS))
    width = min(max(room, word), max(min(room * 0.7, widest), word, px * 8))
    most = max(1, int((room * 0.85 + px) // (width + px)))
    columns = _key_columns(settings, listed, width, rows, most, total)
    count = max(1, len(columns))
    left = frame[2] - count * (width + px)
    if left < clear:  # the list reaches over the wheel: it ends above the circle
        bottom = -math.sqrt(clear * clear - max(left, 0.0) ** 2) - px
        rows = min(rows, max(0, int((bottom - frame[1] - px) // step)))
        columns = _key_columns(settings, listed, width, rows, count, total) if rows else []
    tallest = max((sum(1 for *_t, number in c if not number) for c in columns), default=0)
    height = px + step * tallest if columns else 0.0
    return _KeyBlock(left, frame[1] + height, width, rows, count)


def _key_texts(
    settings: _Settings,
    keyed: Sequence[Item],
    block: _KeyBlock,
    frame: tuple[float, float, float, float],
) -> tuple[list[StraightText], list[int]]:
    """The numbered list drawn in its block: each number before its title's first line;
    and for each line, the position in ``keyed`` of the item it names (-1 for the line
    that says how many more there are), so a search can fade the lines of the rest."""
    px = settings.min_text
    step = px * LINE_HEIGHT * 1.1
    if block.rows < 1:
        return [], []  # no room for the list in this frame: the numbers stand alone
    columns = _key_columns(settings, keyed, block.width, block.rows, block.columns)
    indent = settings.widths("000  ", px)
    result = []
    owners = []
    owner = -1
    for k, lines in enumerate(columns):
        left = block.left + px + k * (block.width + px)
        y = frame[1] + px + step / 2
        for text, offset, number in lines:
            w = settings.widths(text, px, number)
            if number:  # right-aligned before the title's first line
                owner = int(text) - 1
                x = left + indent - settings.widths("  ", px) - w / 2
                result.append(StraightText(text, x, y, 0.0, px, settings.style.muted, True, w))
                owners.append(owner)
                continue
            if offset == 0.0:  # "+ N …": the names not listed
                owner = -1
            result.append(
                StraightText(text, left + offset + w / 2, y, 0.0, px, settings.style.ink, False, w)
            )
            owners.append(owner)
            y += step
    return result, owners


def preview(
    layout: WheelLayout,
    item: Item,
    start: dt.date,
    end: dt.date,
    *,
    ring: int | None = None,
    measure: Measure = estimate_width,
) -> Item:
    """``item`` as it would stand from ``start`` to ``end`` (and in ``ring``), its name
    on it where it fits.

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
        title=item.title,
    )
    widths = TextWidths(measure)
    sizes = layout.sizes or (layout.min_text,)
    if result.is_marker:
        placed = fit_flag(
            result.title,
            widths,
            inner,
            outer,
            angle0,
            result.marker_half(),
            (0.0, 360.0),
            sizes,
            Style.ink,
        )
        if placed is not None:
            result.label, first_angle, last_angle = placed
            result.flag = (first_angle, last_angle)
    else:
        result.label = fit_on_item(
            result.title,
            widths,
            inner,
            outer,
            angle0,
            angle1,
            sizes,
            text_color_on(item.color),
        )
    return result


def moved(
    layout: WheelLayout,
    item: Item,
    days: int,
    *,
    measure: Measure = estimate_width,
) -> Item:
    """``item`` moved ``days`` along the wheel in its lane (an undated activity's
    item, in the list beside the wheel, stays where it is)."""
    occ = item.occurrence
    if isinstance(occ, Undated):
        return item
    shift = dt.timedelta(days=days)
    return preview(layout, item, occ.start + shift, occ.end + shift, measure=measure)


def continue_arrow_angle(item: Item) -> float:
    """How far along the circle (degrees) the arrow reaches that marks a phase going
    on past the shown days: never past the phase's own days (on a phase of a few
    days the arrows share them), so it is drawn on the phase and nowhere else."""
    height = item.outer - item.inner
    reach = math.degrees(min(height * 0.45, 12.0) / max(item.mid_radius, 1.0))
    room = (item.angle1 - item.angle0) / max(1, sum(item.continues)) - _arrow_inset(item)
    return max(0.0, min(reach, room))


def _arrow_inset(item: Item) -> float:
    """How far (degrees) the tip of an arrow that says a phase goes on stands back
    from the phase's cut end."""
    return math.degrees(1.5 / max(item.mid_radius, 1.0))


def continue_arrows(item: Item) -> list[list[Point]]:
    """Triangles at the cut ends of a phase that goes on past the shown days, pointing
    the way it goes on."""
    arrows = []
    height = item.outer - item.inner
    half = min(height * 0.28, 7.0)
    reach = continue_arrow_angle(item)
    r = item.mid_radius
    inset = _arrow_inset(item)
    for goes_on, edge, way in (
        (item.continues[0], item.angle0 + inset, -1.0),
        (item.continues[1], item.angle1 - inset, 1.0),
    ):
        if goes_on and reach > 0.0:
            base = edge - way * reach
            arrows.append([polar(r, edge), polar(r + half, base), polar(r - half, base)])
    return arrows


def item_shape(item: Item) -> list[Point]:
    """The item's outline as a polygon: its ring segment, or its marker and flag."""
    from aarshjul.polar import sector_polygon

    if item.box is not None:
        x0, y0, x1, y1 = item.box
        return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    if item.is_marker and item.flag is None:
        s, r, a = item.marker_size, item.mid_radius, item.angle0
        points = [(r + s, 0.0), (r, s * 0.8), (r - s, 0.0), (r, -s * 0.8)]
        turn = math.radians(a)
        result = []
        for radial, along in points:
            x, y = polar(radial, a)
            result.append((x + along * math.cos(turn), y + along * math.sin(turn)))
        return result
    a0, a1 = item.extent
    return list(sector_polygon(item.inner, item.outer, a0, a1))
