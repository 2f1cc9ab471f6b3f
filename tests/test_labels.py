"""Every visible occurrence named, no two names meeting, names on items inside them,
no text under the minimum: checked on generated plans, sizes and zooms."""

import datetime as dt
import heapq
import itertools
import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point as ShapelyPoint
from shapely.geometry import Polygon

from aarshjul import geometry
from aarshjul.geometry import (
    PAPER_MIN_TEXT,
    SCREEN_MIN_TEXT,
    estimate_width,
    item_shape,
    layout,
)
from aarshjul.labels import TextWidths, spread
from aarshjul.model import Activity, Category, Plan, Ring, load_plan
from aarshjul.model.periods import Zoom, span
from aarshjul.polar import arc_outline, polar, straight_outline

from .conftest import PLAN_2022, ROOT
from .test_reuse import _crowded

D = dt.date
WORDS = [
    "Budget",
    "Opfølgning",
    "Kvalitetsrapport",
    "Udvalgsmøde",
    "Temadrøftelse",
    "Høring",
    "af",
    "beskæftigelsesplan",
    "strategi",
    "for",
    "det",
    "kommende",
    "år",
    "Board",
    "meeting",
    "Annual",
    "review",
    "of",
    "the",
    "Audit",
    "Sommerferie",
    "Skolestart",
    "Forældremøde",
    "Frist",
    "Evaluering",
    "pulje",
    "og",
]


def polygon(points) -> Polygon:
    shape = Polygon(points)
    return shape if shape.is_valid else shape.buffer(0)


@st.composite
def plans(draw) -> Plan:
    month = draw(st.sampled_from([1, 8, 4]))
    start = D(draw(st.integers(2022, 2027)), month, 1)
    rings = [
        Ring(f"r{k}", draw(st.sampled_from(WORDS)) + f" {k}")
        for k in range(draw(st.integers(1, 6)))
    ]
    categories = [Category("c0", "C", "#336699"), Category("c1", "D", "#f0e442")]
    plan = Plan("Plan", start, rings=rings, categories=categories, agenda_days=3)
    days = plan.days
    for k in range(draw(st.integers(0, 45))):
        first = start + dt.timedelta(days=draw(st.integers(0, days - 1)))
        if draw(st.integers(0, 9)) == 0:  # now and then an activity without a date
            words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
            plan = replace(
                plan,
                activities=(
                    *plan.activities,
                    Activity(f"u{k}", " ".join([*words, str(k)]), rings[0].id, "c0"),
                ),
            )
        deadline = draw(st.booleans())
        end = None
        if not deadline:
            end = first + dt.timedelta(days=draw(st.integers(0, 90)))  # may cross the edge
        title = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
        plan = replace(
            plan,
            activities=(
                *plan.activities,
                Activity(
                    f"a{k}",
                    f"{title} {k}",
                    draw(st.sampled_from(rings)).id,
                    draw(st.sampled_from(categories)).id,
                    first,
                    end,
                    meeting=deadline and draw(st.booleans()),
                ),
            ),
        )
    return plan


def check(wheel, plan: Plan) -> None:
    """The rules of the issue, for one layout."""
    floor = wheel.min_text - 1e-6
    labels: list[tuple[str, Polygon]] = []
    wheel_disc = ShapelyPoint(0, 0).buffer(wheel.outer, 64)
    for band in wheel.rings:
        assert band.name is not None and band.name.px >= floor
        labels.append((f"ring {band.ring.id}", polygon(arc_outline(band.name, band.name_width))))
    for text in wheel.week_labels + [m.label for m in wheel.months if m.label] + wheel.centre:
        assert text.px >= floor
    for text in wheel.key_texts:
        assert text.px >= floor
        assert text.width > 0
        labels.append((f"list {text.text}", polygon(straight_outline(text, text.width))))
    if wheel.today_label is not None:
        assert wheel.today_label.px >= floor
        labels.append(("today", polygon(wheel.today_label.outline)))
    numbers = {k.number for k in wheel.keys}
    for item in wheel.items:
        label = item.label
        name = f"{item.occurrence.activity.id}#{item.occurrence.index}"
        assert label is not None, f"{name} has no name"
        assert label.px >= floor, name
        if label.placement == "key":
            assert label.key in numbers
            if label.outline:
                labels.append((name, polygon(label.outline)))
            continue
        assert " ".join(label.lines) == item.occurrence.activity.title, name
        box = polygon(label.outline)
        labels.append((name, box))
        if label.placement in ("arc", "radial"):
            shape = polygon(item_shape(item)).buffer(0.75)
            assert box.difference(shape).area <= 0.02 * box.area + 1.0, f"{name} leaves its item"
        else:
            assert label.placement == "outside", label.placement
            assert label.leader, name
            assert box.intersection(wheel_disc).area < 0.5, f"{name} lies on the wheel"
            x0, y0, x1, y1 = wheel.frame
            bx0, by0, bx1, by1 = box.bounds
            assert x0 - 0.5 <= bx0 and bx1 <= x1 + 0.5 and y0 - 0.5 <= by0 and by1 <= y1 + 0.5
    for item in wheel.undated:  # listed beside the wheel, off it and whole
        assert item.occurrence.start is None
        box = polygon(item.label.outline)
        assert box.intersection(wheel_disc).area < 0.5
        # (wrapped at its spaces: a run of spaces is one)
        assert " ".join(item.label.lines).split() == item.occurrence.activity.title.split()
        labels.append((item.occurrence.activity.id, box))
    for i, (a, pa) in enumerate(labels):
        for b, pb in labels[i + 1 :]:
            if pa.bounds[2] < pb.bounds[0] or pb.bounds[2] < pa.bounds[0]:
                continue
            assert pa.intersection(pb).area < 0.5, f"{a} and {b} overlap"
    assert len(wheel.items) == sum(
        1
        for o in plan.occurrences()
        if o.start is not None and o.start < wheel.scale.end and o.end >= wheel.scale.start
    )
    check_pointer(wheel)


def check_pointer(wheel) -> None:
    """What the pointer finds: a number off the wheel is its item's; each line of the
    numbered list says whose it is; "+ N …" stands for the numbered names not listed."""
    for item in wheel.keyed:
        xs = [x for x, _y in item.label.outline]
        ys = [y for _x, y in item.label.outline]
        if item.label.outline and math.hypot(*_centre(xs, ys)) > wheel.outer:
            assert wheel.hit(*_centre(xs, ys), slack=0.0) is item
    owners = set()
    for line, owner in zip(wheel.key_texts, wheel.key_owners, strict=True):
        assert wheel.listed_at(line.x, line.y) == owner
        owners.add(owner)
    unlisted = wheel.unlisted()
    assert sorted({*unlisted, *owners} - {-1}) == list(range(len(wheel.keyed)))
    assert (-1 in owners) == bool(unlisted) or not wheel.key_texts


def _centre(xs, ys) -> tuple[float, float]:
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plans(),
    st.integers(400, 1400),
    st.integers(340, 1000),
    st.sampled_from([Zoom.YEAR, Zoom.QUARTER, Zoom.MONTH]),
    st.booleans(),
    st.data(),
)
def test_every_occurrence_is_named_and_no_names_meet(plan, width, height, zoom, paper, data):
    day = plan.start + dt.timedelta(days=data.draw(st.integers(0, plan.days - 1)))
    shown = None if zoom is Zoom.YEAR else span(plan, zoom, day)
    min_text = PAPER_MIN_TEXT if paper else SCREEN_MIN_TEXT
    today = day if data.draw(st.booleans()) else None
    wheel = layout(plan, width, height, span=shown, today=today, min_text=min_text)
    check(wheel, plan)


def test_the_2022_wheel_names_everything_on_a_laptop():
    plan = load_plan(PLAN_2022)
    wheel = layout(plan, 984, 544, today=D(2022, 5, 3))
    check(wheel, plan)
    assert len(wheel.items) == 18 and not wheel.keys
    on_items = [i for i in wheel.items if i.label.placement in ("arc", "radial")]
    assert len(on_items) >= 5


@pytest.mark.parametrize("size", [(640, 480), (800, 600), (500, 500)])
def test_the_activities_without_a_date_are_listed_in_a_small_frame(size):
    """Where the corner beside the wheel is narrow, the long names of the activities
    without a date are wrapped (a word is never cut), not left out."""
    plan = load_plan(PLAN_2022)
    wheel = layout(plan, *size)
    check(wheel, plan)
    assert len(wheel.undated) == 4 and wheel.undated_left_out == 0
    assert any(len(item.label.lines) > 1 for item in wheel.undated)
    words = {w for item in wheel.undated for w in item.occurrence.activity.title.split()}
    assert {w for item in wheel.undated for line in item.label.lines for w in line.split()} == (
        words
    )


def test_where_no_frame_lists_them_the_layout_counts_those_left_out():
    plan = load_plan(PLAN_2022)
    wheel = layout(plan, 400, 300)
    assert not wheel.undated and wheel.undated_left_out == 4
    assert layout(plan, 1366, 768).undated_left_out == 0


@pytest.mark.parametrize("size", [(768, 1366), (600, 800), (1366, 768)])
def test_a_word_longer_than_the_frame_keeps_the_numbered_list_in_its_corner(size):
    """A title of one endless word is cut with an ellipsis in the numbered list (whole
    it could stand nowhere): the list stays in the frame and meets no other name."""
    plan = crowded_plan()
    endless = replace(plan.activities[0], id="endless", title="x" * 300)
    plan = replace(plan, activities=(*plan.activities, endless))
    wheel = layout(plan, *size)
    check(wheel, plan)
    x0, _y0, x1, _y1 = wheel.frame
    for text in wheel.key_texts:
        assert x0 - 0.5 <= text.x - text.width / 2 and text.x + text.width / 2 <= x1 + 0.5


def test_zoomed_views_name_everything_in_larger_type():
    plan = load_plan(PLAN_2022)
    year = layout(plan, 984, 544)
    for zoom in (Zoom.QUARTER, Zoom.MONTH):
        zoomed = layout(plan, 984, 544, span=span(plan, zoom, D(2022, 3, 10)))
        check(zoomed, plan)
        assert not zoomed.keys
        assert min(i.label.px for i in zoomed.items) > min(i.label.px for i in year.items)


def crowded_plan(count: int = 150) -> Plan:
    plan = Plan(
        "Crowded",
        D(2024, 1, 1),
        rings=[Ring("a", "Drift"), Ring("b", "Politik"), Ring("c", "Frister")],
        categories=[Category("k", "Kvalitet", "#0072b2"), Category("b", "Budget", "#e69f00")],
    )
    for k in range(count):
        if k < 60:  # sixty in March, in one ring
            first = D(2024, 3, 1) + dt.timedelta(days=k % 28)
            end = first + dt.timedelta(days=k % 5) if k % 3 else None
            plan = replace(
                plan,
                activities=(
                    *plan.activities,
                    Activity(f"m{k}", f"Kvalitetsrapport {k}", "a", "k", first, end),
                ),
            )
        else:
            first = D(2024, 1, 1) + dt.timedelta(days=(k * 37) % 360)
            end = first + dt.timedelta(days=k % 20) if k % 2 else None
            ring = "bc"[k % 2]
            plan = replace(
                plan,
                activities=(
                    *plan.activities,
                    Activity(f"b{k}", f"Budgetopfølgning {k}", ring, "b", first, end),
                ),
            )
    return plan


@pytest.mark.parametrize("size", [(984, 544), (1600, 1600), (527, 700)])
def test_a_crowded_plan_has_no_overlaps(size):
    plan = crowded_plan()
    wheel = layout(plan, *size)
    check(wheel, plan)


def test_spread_keeps_order_and_room():
    prefs = [0, 1, 2, 3, 50, 51, 99]
    heights = [10] * len(prefs)
    centres = spread(prefs, heights, -20, 100)
    assert centres == sorted(centres)
    assert all(b - a >= 10 - 1e-9 for a, b in itertools.pairwise(centres))
    assert centres[0] >= -15 and centres[-1] <= 95
    assert spread([5.0], [4.0], 0, 100) == [5.0]  # alone, a box stays where it wants


def test_text_widths_are_measured_once_and_scale():
    calls = []

    def measure(text, px, bold=False):
        calls.append(text)
        return estimate_width(text, px, bold)

    widths = TextWidths(measure)
    assert widths("Budget", 10) == pytest.approx(estimate_width("Budget", 10))
    assert widths("Budget", 20) == pytest.approx(estimate_width("Budget", 20))
    assert calls == ["Budget"]


def test_names_that_do_not_settle_beside_the_list_give_way_to_it():
    """Found by hypothesis: each placing of the names beside the wheel put one more in
    the numbered list, which then grew down over a name placed in the last round."""
    plan = load_plan(ROOT / "tests" / "plans" / "unsettled-list.toml")
    wheel = layout(plan, 762, 494)
    check(wheel, plan)
    numbers = {int(t.text) for t in wheel.key_texts if t.bold and t.text.isdigit()}
    assert wheel.keys and numbers == {k.number for k in wheel.keys}


def _balanced_one_at_a_time(sides, room):
    """The columns' balance as first written: each time the nearest to 12 or 6 o'clock
    of the full column (the first where equally near) crosses while it overflows."""
    import math

    from aarshjul.labels import _stack

    for full, other in ((1, -1), (-1, 1)):
        while _stack(sides[full]) > room and _stack(sides[other]) + 2.6 < room:
            slot = min(sides[full], key=lambda s: abs(math.sin(math.radians(s.request.angle))))
            if abs(math.sin(math.radians(slot.request.angle))) > 0.26:
                break
            sides[full].remove(slot)
            sides[other].append(slot)


NEAR_12_AND_6 = st.sampled_from([0, 5, 10, 15, 16, 164, 165, 175, 180, 185, 190, 350, 355, 359])
NAMES = st.lists(st.tuples(st.one_of(NEAR_12_AND_6, st.integers(0, 359)), st.integers(1, 2)))


@settings(max_examples=300, deadline=None)
@given(
    NAMES.filter(lambda names: len(names) <= 40),
    NAMES.filter(lambda names: len(names) <= 8),
    st.booleans(),
    st.data(),
)
def test_the_columns_balance_as_when_names_crossed_one_at_a_time(crowded, few, left, data):
    """Names near 12 and 6 o'clock cross to the other column, the nearest first, while
    one column overflows and the other has room: the same columns, in the same order,
    as moving one name at a time (each step a search of the whole column)."""
    import math

    from aarshjul.labels import Request, _balance, _Slot, _stack

    def sides():
        made: dict[int, list[_Slot]] = {1: [], -1: []}
        names = [(1, n) for n in crowded] + [(-1, n) for n in few]
        for k, (side, (angle, lines)) in enumerate(names):
            text = ("x",) * lines
            slot = _Slot(Request(k, float(angle), (0.0, 0.0), "x", 1.0), text, (1.0,) * lines, 0.0)
            made[-side if left else side].append(slot)
        return made

    def refs(columns: dict[int, list[_Slot]]) -> dict[int, list[int]]:
        return {side: [s.request.ref for s in slots] for side, slots in columns.items()}

    ours, theirs = sides(), sides()
    full, other = (-1, 1) if left else (1, -1)
    # mostly a room the crowded column overflows and the other has room in
    low, high = math.ceil(_stack(ours[other]) + 2.6), math.floor(_stack(ours[full]))
    room = data.draw(st.integers(low, high - 1) if low < high else st.integers(2, 60))
    _balance(ours, room + 0.5)  # (a room between the sums of heights)
    _balanced_one_at_a_time(theirs, room + 0.5)
    assert refs(ours) == refs(theirs)
    event("some crossed" if refs(ours) != refs(sides()) else "none crossed")


_placed_names = st.lists(
    st.tuples(
        st.floats(0.0, 359.9),
        st.sampled_from(["Budget", "Møde", "Frist for høringssvar til udvalget", "Q", "Plan 2"]),
        st.sampled_from([1.0, 3.0, 10.0, 30.0, 91.0]),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(names=_placed_names, data=st.data())
def test_names_placed_as_last_time_are_the_names_placed_anew(names, data):
    """Names beside the wheel and numbers placed for requests like the last ones (their
    refs and where their leaders start aside: an edit moved their items to other
    lanes) are what placing them anew gives."""
    from aarshjul.labels import Request, place_numbers, place_outside

    widths = TextWidths(estimate_width)
    frame = (-300.0, -170.0, 300.0, 170.0)

    def requests(first_ref: int, depth: float, shown=names) -> list[Request]:
        return [
            Request(first_ref + 7 * k, a, polar(90.0 + depth * (k % 5), a), t, w)
            for k, (a, t, w) in enumerate(shown)
        ]

    numbered = [(r, k + 1) for k, r in enumerate(requests(0, 1.0))]
    before = requests(0, 1.0)
    place_outside(before, widths, 9.0, 140.0, frame, "#333", None, (200.0, -60.0))
    place_numbers(numbered, widths, 9.0, 20.0, (10.0, 30.0), "#333")
    # as before, or one of them moved, renamed or longer
    shown = list(names)
    if shown and (change := data.draw(st.sampled_from(["none", "angle", "text", "weight"]))):
        k = data.draw(st.integers(0, len(shown) - 1))
        if change == "weight":  # the lightest, which a crowded circle leaves out
            k = min(range(len(shown)), key=lambda j: (shown[j][2], -j))
        a, t, w = shown[k]
        shown[k] = {
            "none": (a, t, w),
            "angle": ((a + 40.0) % 360.0, t, w),
            "text": (a, t + " og budget", w),
            "weight": (a, t, w + 1000.0),
        }[change]
    after = requests(data.draw(st.integers(1, 5)), data.draw(st.floats(0.5, 3.0)), shown)
    again = [(r, n) for r, (_old, n) in zip(after, numbered, strict=True)]
    outside = (after, widths, 9.0, 140.0, frame, "#333", None, (200.0, -60.0))
    assert place_outside(*outside) == _anew(place_outside, *outside)
    numbers = (again, widths, 9.0, 20.0, (10.0, 30.0), "#333")
    assert place_numbers(*numbers) == _anew(place_numbers, *numbers)


def _anew(place, *args):
    """``place`` (a placement of names off their items) called with nothing
    remembered from the calls before."""
    from aarshjul import labels

    kept = labels._OUTSIDE, labels._NUMBERS
    labels._OUTSIDE, labels._NUMBERS = labels._Last(), labels._Last()
    try:
        return place(*args)
    finally:
        labels._OUTSIDE, labels._NUMBERS = kept


def test_numbers_placed_after_a_name_grew_heavier_are_placed_anew():
    """On a circle too small for every number, the heaviest keep a place: a name made
    heavier by an edit (a longer phase) is not given the last call's numbers."""
    from aarshjul.labels import Request, place_numbers

    widths = TextWidths(estimate_width)
    numbered = [(Request(k, k * 6.0, (0.0, 0.0), "Q", 1.0), k + 1) for k in range(40)]
    first = place_numbers(numbered, widths, 9.0, 20.0, (10.0, 30.0), "#333")
    assert not first[39].outline  # (no room on the circle for the last)
    heavier = [*numbered[:39], (numbered[39][0]._replace(weight=90.0), 40)]
    again = place_numbers(heavier, widths, 9.0, 20.0, (10.0, 30.0), "#333")
    assert again[39].outline
    assert again == _anew(place_numbers, heavier, widths, 9.0, 20.0, (10.0, 30.0), "#333")


def test_names_beside_the_wheel_after_a_name_grew_heavier_are_placed_anew():
    """Where the columns cannot hold every name, the heaviest keep a place: a name made
    heavier by an edit is not given the last call's places."""
    from aarshjul.labels import Request, place_outside

    widths = TextWidths(estimate_width)
    frame = (-300.0, -60.0, 300.0, 60.0)  # a few rows a side
    names = [Request(k, 5.0 + k * 8.5, (0.0, 0.0), f"Møde {k}", 1.0) for k in range(40)]
    first = place_outside(names, widths, 9.0, 140.0, frame, "#333")
    left_out = next(k for k in range(40) if k not in first)
    heavier = list(names)
    heavier[left_out] = names[left_out]._replace(weight=90.0)
    again = place_outside(heavier, widths, 9.0, 140.0, frame, "#333")
    assert left_out in again
    assert again == _anew(place_outside, heavier, widths, 9.0, 140.0, frame, "#333")


_ring_items = st.lists(
    st.tuples(
        st.integers(0, 3),  # lane
        st.floats(0.0, 350.0),  # where it begins
        st.one_of(st.just(0.0), st.floats(0.5, 40.0)),  # how far it reaches (0: a deadline)
        st.sampled_from(["I", "Møde", "M9", "Budgetopfølgning og høring"]),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(
    deep=st.one_of(st.floats(0.5, 30.0), st.floats(-1.5, 4.0).map(lambda d: (d, "near a line"))),
    drawn=_ring_items,
    px=st.sampled_from([6.0, 9.0, 11.0]),
)
def test_names_on_items_are_as_when_every_item_is_tried(deep, drawn, px):
    """Lanes too thin for a name's padding, or for a line of the smallest text, are not
    tried item by item: the names on items and the deadlines' flags are those found
    when every item is tried."""
    import copy
    import math

    from aarshjul import geometry
    from aarshjul.geometry import Item, Style, _label_on_items
    from aarshjul.model.plan import Occurrence
    from aarshjul.polar import LINE_HEIGHT

    # (a tuple: the room for text a little under or over a line of the smallest size)
    depth = (LINE_HEIGHT * px + deep[0] + 0.8) / 0.96 if isinstance(deep, tuple) else deep
    outer_edge = 220.0
    items = []
    for k, (lane, first, reach, title) in enumerate(drawn):
        day = D(2024, 1, 1) + dt.timedelta(days=int(first))
        end = None if reach == 0.0 else day + dt.timedelta(days=int(reach))
        activity = Activity(f"a{k}", title, "r", "c", day, end)
        outer = outer_edge - lane * depth
        item = Item(
            Occurrence(activity, 0, day, end or day),
            0,
            lane,
            first,
            first if end is None else first + max(reach, 0.5),
            outer - depth,
            outer,
            "#0072b2",
            marker_size=min(2.5, depth * 0.5),
            title=title,
        )
        items.append(item)
    items.sort(key=lambda i: i.angle0)
    widths = TextWidths(estimate_width)
    sizes = (px * 1.3, px)
    tried = copy.deepcopy(items)
    _label_on_items(items, widths, sizes, Style())
    room = geometry._text_room(items)
    event(f"room for a line: {room >= LINE_HEIGHT * px}")
    event(
        f"a flag where a line just fits: {any(i.flag for i in items) and room < LINE_HEIGHT * px + 3}"
    )
    real = geometry._text_room
    geometry._text_room = lambda items: math.inf  # every item tried
    try:
        _label_on_items(tried, widths, sizes, Style())
    finally:
        geometry._text_room = real
    assert [(i.label, i.flag) for i in items] == [(i.label, i.flag) for i in tried]


@settings(max_examples=60, deadline=None)
@given(plan=plans(), width=st.sampled_from([260, 400, 800]), data=st.data())
def test_the_heaviest_names_without_room_are_those_a_sort_of_all_finds(plan, width, data):
    """The names tried beside the wheel first, merged from each ring's by weight: the
    same, in the same order, as the largest weights among all of them (ties by place)."""
    wheel = geometry.layout(plan, width)
    waiting = geometry._Waiting.of(wheel.ring_tokens, wheel.ring_items)
    count = data.draw(st.integers(0, len(waiting.items) + 2))
    assert waiting.heaviest(count) == heapq.nlargest(
        count, range(len(waiting.items)), key=waiting.weights.__getitem__
    )


def test_the_heaviest_of_a_crowded_wheel_are_those_a_sort_of_all_finds():
    wheel = geometry.layout(_crowded(900), 700)
    waiting = geometry._Waiting.of(wheel.ring_tokens, wheel.ring_items)
    assert len(waiting.items) > 400
    for count in (1, 37, 240, len(waiting.items)):
        assert waiting.heaviest(count) == heapq.nlargest(
            count, range(len(waiting.items)), key=waiting.weights.__getitem__
        )
