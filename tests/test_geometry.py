"""Wheel geometry without painting: angles, lanes, labels and hit testing."""

import datetime as dt
import math
import random
from dataclasses import replace

import pytest

from aarshjul import geometry
from aarshjul.geometry import (
    ELLIPSIS,
    ArcText,
    YearScale,
    elide,
    estimate_width,
    is_flipped,
    layout,
)
from aarshjul.model import Activity, Category, Kind, Plan, Ring, load_plan

from .conftest import EXAMPLES, PLAN_2022
from .helpers import DANISH_MONTHS

D = dt.date


def test_leap_year_angles():
    scale = YearScale(D(2024, 1, 1), 366)
    assert scale.angle(D(2024, 1, 1)) == 0
    assert scale.angle(D(2024, 2, 29)) == pytest.approx(59 * 360 / 366)
    assert scale.angle(D(2024, 3, 1)) == pytest.approx(60 * 360 / 366)
    assert scale.angle(D(2024, 7, 2)) == pytest.approx(180)  # day 183 of 366 begins at 6 o'clock
    assert scale.angle_after(D(2024, 12, 31)) == pytest.approx(360)
    assert scale.day_at(scale.middle(D(2024, 2, 29))) == D(2024, 2, 29)


def test_school_year_wheel_starts_in_august_at_twelve_oclock():
    plan = Plan("School", D(2023, 8, 1))
    scale = YearScale.of(plan)
    assert scale.days == 366  # August 2023 to July 2024 holds 29 February
    assert scale.angle(D(2023, 8, 1)) == 0
    assert scale.angle(D(2024, 1, 1)) == pytest.approx(153 * 360 / 366)
    assert scale.day_at(359.999) == D(2024, 7, 31)
    assert scale.day_at(0) == D(2023, 8, 1)


def test_every_day_maps_to_its_angle_and_back():
    scale = YearScale(D(2022, 1, 1), 365)
    for n in range(365):
        day = D(2022, 1, 1) + dt.timedelta(days=n)
        assert scale.day_at(scale.middle(day)) == day
        assert scale.day_at(scale.angle(day) + 1e-9) == day


def test_polar_round_trip_and_screen_orientation():
    assert geometry.polar(10, 0) == pytest.approx((0, -10))  # 12 o'clock is up
    assert geometry.polar(10, 90) == pytest.approx((10, 0))  # clockwise: 3 o'clock
    for angle in (0, 45, 135, 200, 359):
        assert geometry.to_polar(*geometry.polar(7, angle)) == pytest.approx((7, angle))


def random_plan(seed: int, count: int = 200) -> Plan:
    rnd = random.Random(seed)
    plan = Plan(
        "Random",
        D(2024, 1, 1),
        rings=[Ring(f"r{i}", f"Ring {i}") for i in range(3)],
        categories=[Category("c", "C", "#336699")],
    )
    for i in range(count):
        start = D(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
        if rnd.random() < 0.3:
            end = None
        else:
            end = min(start + dt.timedelta(days=rnd.randrange(60)), plan.last_day)
        plan = replace(
            plan,
            activities=(
                *plan.activities,
                Activity(f"a{i}", f"Activity number {i}", f"r{rnd.randrange(3)}", "c", start, end),
            ),
        )
    return plan


@pytest.mark.parametrize("seed", range(5))
def test_no_two_items_in_a_ring_overlap(seed):
    wheel = layout(random_plan(seed), 1600)
    items = wheel.items
    for a in items:
        for b in items:
            if a is b or a.ring != b.ring:
                continue
            radial = a.inner < b.outer - 1e-6 and b.inner < a.outer - 1e-6
            if not radial:
                continue
            if a.is_marker or b.is_marker:
                da = a.occurrence.start
                db = b.occurrence.start
                # a marker keeps DEADLINE_HALF_DAYS either side to itself
                if a.is_marker and b.is_marker:
                    assert da is not None and db is not None
                    assert abs((da - db).days) > 2 * geometry.DEADLINE_HALF_DAYS
                continue
            assert a.angle1 <= b.angle0 + 1e-9 or b.angle1 <= a.angle0 + 1e-9


def test_overlapping_phases_get_sub_lanes_of_equal_thickness():
    plan = load_plan(PLAN_2022)
    wheel = layout(plan, 1600)
    by_id = {i.occurrence.activity.id: i for i in wheel.items}
    negotiation, technical = by_id["budgetforhandling"], by_id["teknisk-budget"]
    assert negotiation.ring == technical.ring
    assert negotiation.lane != technical.lane
    band = wheel.rings[negotiation.ring]
    assert band.lanes == 2
    # the introduction overlaps nothing, yet it is no thicker than the budget phases
    intro = by_id["introduktion"]
    thickness = {round(i.outer - i.inner, 6) for i in (intro, negotiation, technical)}
    assert len(thickness) == 1


def test_ring_depth_does_not_change_when_an_activity_is_added():
    plan = load_plan(PLAN_2022)
    before = [r for b in layout(plan, 1000, 560).rings for r in (b.inner, b.outer)]
    plan = replace(
        plan,
        activities=(
            *plan.activities,
            Activity("moede", "Udvalgsmøde", "opfoelgning", "opfoelgning", D(2022, 7, 4)),
        ),
    )
    plan = replace(
        plan,
        activities=(
            *plan.activities,
            Activity("x", "Overlap", "opfoelgning", "opfoelgning", D(2022, 4, 2), D(2022, 4, 20)),
        ),
    )
    after = layout(plan, 1000, 560)
    assert [r for b in after.rings for r in (b.inner, b.outer)] == pytest.approx(before)
    assert all(b.name is not None for b in after.rings)


def test_a_hidden_ring_gives_its_room_to_the_others():
    plan = load_plan(PLAN_2022)
    every = layout(plan, 1000, 560)
    three = layout(plan, 1000, 560, rings={"politik", "temaer", "frister"})
    assert [b.ring.id for b in three.rings] == ["politik", "temaer", "frister"]
    depth = every.rings[0].outer - every.rings[0].inner
    assert three.rings[0].outer - three.rings[0].inner > depth * 1.25
    assert all(i.occurrence.activity.ring != "opfoelgning" for i in three.items)


def test_lanes_do_not_depend_on_the_size():
    plan = random_plan(1)
    small = [(i.occurrence.activity.id, i.lane) for i in layout(plan, 400).items]
    large = [(i.occurrence.activity.id, i.lane) for i in layout(plan, 4000).items]
    assert small == large


@pytest.mark.parametrize("seed", range(3))
def test_labels_never_read_upside_down(seed):
    wheel = layout(random_plan(seed, 80), 2400)
    texts = [t for i in wheel.items if i.label for t in i.label.texts if isinstance(t, ArcText)]
    texts += [m.label for m in wheel.months if m.label] + wheel.week_labels
    assert texts
    for text in texts:
        assert text.flipped == is_flipped(text.angle)
    assert is_flipped(180) and not is_flipped(0) and not is_flipped(350) and not is_flipped(80)


def test_phase_labels_along_the_arc_fit_it():
    wheel = layout(random_plan(3, 60), 1600)
    arcs = 0
    for item in wheel.items:
        if item.is_marker or item.label is None or item.label.placement != "arc":
            continue
        for text in item.label.texts:
            assert isinstance(text, ArcText)
            width = estimate_width(text.text, text.px)
            arc = math.radians(item.angle1 - item.angle0) * text.radius
            assert width <= arc
            assert item.inner <= text.radius <= item.outer
            arcs += 1
    assert arcs >= 5


def test_elide():
    assert elide("Budgetforhandling", 1000, 10, estimate_width) == "Budgetforhandling"
    short = elide("Budgetforhandling", 50, 10, estimate_width)
    assert short.endswith(ELLIPSIS) and estimate_width(short, 10) <= 50
    assert elide("Budget", 1, 10, estimate_width) == ""


def test_hit_test_finds_what_is_drawn_there():
    plan = load_plan(PLAN_2022)
    wheel = layout(plan, 1000)
    for item in wheel.items:
        angle = item.angle0 if item.is_marker else (item.angle0 + item.angle1) / 2
        x, y = geometry.polar(item.mid_radius, angle)
        hit = wheel.hit(x, y)
        assert hit is not None
        assert hit.occurrence == item.occurrence
    assert wheel.hit(0, 0) is None  # the centre
    assert wheel.hit(*geometry.polar(wheel.outer - 1, 10)) is None  # the month band
    gap = geometry.polar(wheel.rings[0].lane_outer - 2, 195)  # July: nothing in ring 1
    assert wheel.hit(*gap) is None


@pytest.mark.parametrize("name", ["crowded-2024.toml", "school-2025.toml"])
def test_hit_test_agrees_with_a_scan_of_every_item(name):
    """The index answers what a scan of every segment would, at random points."""
    plan = load_plan(EXAMPLES / name)
    wheel = layout(plan, 900)
    segments = [i for i in wheel.items if not i.is_marker]
    rng = random.Random(7)
    for _ in range(3000):
        radius = rng.uniform(wheel.rings_inner, wheel.rings_outer)
        angle = rng.uniform(0.0, 360.0)
        hit = wheel.hit(*geometry.polar(radius, angle))
        under = [i for i in segments if i.contains(radius, angle)]
        if hit is None:
            assert not under
        elif not hit.is_marker:
            assert hit in under


def test_today_line_only_inside_the_year():
    plan = load_plan(PLAN_2022)
    assert layout(plan, 800, today=D(2022, 7, 2)).today == pytest.approx(
        YearScale.of(plan).middle(D(2022, 7, 2))
    )
    assert layout(plan, 800, today=D(2023, 1, 1)).today is None


def test_month_names_come_from_the_caller_and_weeks_are_iso():
    plan = load_plan(PLAN_2022)
    names = DANISH_MONTHS
    wheel = layout(plan, 1600, month_names=names)
    assert [m.label.text for m in wheel.months] == [n.capitalize() for n in names]
    numbers = [int(t.text) for t in wheel.week_labels]
    # 1-2 January 2022 belong to ISO week 52 of 2021: two days, too few for a number;
    # 26-31 December are six days of week 52
    assert numbers == list(range(1, 53))
    assert len(wheel.weeks) == 52  # Mondays in 2022


def test_centre_shows_year_title_and_organisation():
    plan = load_plan(PLAN_2022)
    wheel = layout(plan, 1600)
    lines = [t.text for t in wheel.centre]
    assert lines[0] == "2022"
    assert " ".join(lines[1:-1]) == plan.title
    assert lines[-1] == "Norddjurs Kommune"


def test_unscheduled_activities_are_not_drawn():
    plan = load_plan(PLAN_2022)
    drawn = {i.occurrence.activity.id for i in layout(plan, 800).items}
    assert "jobcamp" not in drawn
    assert all(i.occurrence.kind is not Kind.UNSCHEDULED for i in layout(plan, 800).items)


def test_a_small_wheel_keeps_its_ring_names_and_legible_text():
    wheel = layout(load_plan(PLAN_2022), 640)
    assert all(band.name is not None and band.name.px >= 9 for band in wheel.rings)
    assert min(t.px for t in wheel.week_labels) >= 9
    assert min(m.label.px for m in wheel.months) >= 9
    assert min(t.px for t in wheel.centre) >= 9


@pytest.mark.parametrize("path", [PLAN_2022, *sorted(EXAMPLES.glob("*.toml"))])
def test_each_rings_index_and_waiting_names_are_what_a_scan_of_its_items_finds(path):
    """A ring's index by activity id and its items without a name on them (what the
    names off the items are placed from), against a plain scan of the ring's items."""
    plan = load_plan(path)
    wheel = layout(plan, 600, 400, min_text=7)
    if path == PLAN_2022:  # (its meetings recur: an activity with several items)
        assert any(len(where) > 1 for t in wheel.ring_tokens for where in t.places().values())
    for token in wheel.ring_tokens:
        items = token.items
        places: dict[str, list[int]] = {}
        for k, item in enumerate(items):
            places.setdefault(item.occurrence.activity.id, []).append(k)
        assert token.places() == places
        waiting = token.waiting()
        phases = [k for k, i in enumerate(items) if i.label is None and not i.is_marker]
        markers = [k for k, i in enumerate(items) if i.label is None and i.is_marker]
        both = [items[k] for k in (*phases, *markers)]
        assert (waiting.phases, waiting.markers) == (phases, markers)
        assert waiting.weights == [10.0 if i.is_marker else float(i.occurrence.days) for i in both]
        assert waiting.angles == [i.angle0 + i.angle1 for i in both]
        assert waiting.depths == [-1.0 if i.is_marker else i.outer - i.inner for i in both]
        assert waiting.order == sorted(
            range(len(both)),
            key=lambda k: (both[k].angle0 + both[k].angle1, both[k].inner + both[k].outer),
        )


def test_a_month_views_week_names_are_in_the_words_given_each_time():
    """The calendar bands are remembered between layouts; a month view laid out again
    with other words for "week" names its weeks in those words."""
    plan = load_plan(PLAN_2022)
    march = (D(2022, 3, 1), D(2022, 4, 1))
    for word in ("Week", "Uge", "Week"):
        wheel = layout(plan, 800, span=march, week_label=word + " {week}")
        names = [s.label.text for s in wheel.months if s.label is not None]
        assert names and all(n.startswith(word + " ") or n.isdigit() for n in names), names
        assert any(n.startswith(word + " ") for n in names)
