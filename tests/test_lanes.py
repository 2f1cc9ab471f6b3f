"""Sub-lanes after edits: an edit moves no occurrence but those it changed (where the
ring has room for them), an undo finds the lanes it had, and a ring is dealt out anew,
in the fewest lanes, where keeping the lanes would not do."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from aarshjul import geometry
from aarshjul.model import edits, load_plan
from aarshjul.model.plan import Occurrence, Plan

from .conftest import PLAN_2022
from .test_labels import check, plans
from .test_reuse import EDITS, _crowded, _edited


def rings_of(plan: Plan, occurrences=None) -> dict[int, list[tuple[Occurrence, int]]]:
    """Each ring's occurrences (by index) with their lanes, as laid out."""
    wheel = geometry.layout(plan, 800, occurrences=occurrences)
    found: dict[int, list[tuple[Occurrence, int]]] = defaultdict(list)
    for item in wheel.items:
        found[item.ring].append((item.occurrence, item.lane))
    return found


def check_lanes(plan: Plan, ring: list[tuple[Occurrence, int]]) -> None:
    """No two occurrences that share a day share a lane, and no lane is empty."""
    scale = geometry.YearScale.of(plan)
    spans = [(geometry._span(o, scale), lane) for o, lane in ring]
    for k, ((first, last), lane) in enumerate(spans):
        for (other_first, other_last), other_lane in spans[k + 1 :]:
            if lane == other_lane:
                assert last < other_first or other_last < first
    assert {lane for _o, lane in ring} == set(
        range(max((lane for _o, lane in ring), default=-1) + 1)
    )


def fewest(plan: Plan, ring: list[tuple[Occurrence, int]]) -> bool:
    """Whether the ring's lanes are those dealt out anew."""
    occurrences = [o for o, _lane in ring]
    return [lane for _o, lane in ring] == geometry.assign_lanes(
        occurrences, geometry.YearScale.of(plan)
    )


@settings(max_examples=80, deadline=None)
@given(plan=plans(), data=st.data())
def test_an_edit_keeps_the_lanes_of_what_it_did_not_change_or_deals_the_ring_anew(plan, data):
    assume(plan.activities)
    geometry._LANES.clear()
    before = rings_of(plan)
    for ring in before.values():
        assert fewest(plan, ring)  # a plan opened: the fewest lanes
    for _ in range(data.draw(st.integers(1, 4))):
        if not plan.activities:  # (all removed)
            break
        edited = _edited(data, plan, EDITS, days=40)
        if edited is None:
            continue
        plan = edited
        after = rings_of(plan)
        for index, ring in after.items():
            check_lanes(plan, ring)
            had = {id(o): lane for o, lane in before.get(index, [])}
            kept = all(had.get(id(o), lane) == lane for o, lane in ring)
            assert kept or fewest(plan, ring)
        before = after


def test_a_move_keeps_the_moved_phase_in_its_lane_and_the_others_in_theirs():
    """On a crowded ring a greedy deal moves a thousand items a lane for a day's move
    of one; kept lanes move none of them, and the moved phase stays in its lane
    where that lane is free over its new days (not the outermost free one)."""
    geometry._LANES.clear()
    plan = _crowded(600)
    before = rings_of(plan)
    lane_of = {(o.activity.id, o.index): lane for ring in before.values() for o, lane in ring}
    scale = geometry.YearScale.of(plan)
    stayed = 0
    for activity, far in zip(plan.activities[:60], [False, True] * 30, strict=True):
        days = (45 if activity.start.month < 7 else -45) if far else 1  # type: ignore[union-attr]
        moved = edits.move_activity(plan, activity.id, days)
        after = rings_of(moved)
        for ring in after.values():
            check_lanes(moved, ring)
            for occ, lane in ring:
                key = (occ.activity.id, occ.index)
                if occ.activity.id != activity.id:
                    assert lane == lane_of[key]
                    continue
                # its own lane is free over its new days unless another item is there
                span = geometry._span(occ, scale)
                others = [
                    geometry._span(o, scale)
                    for o, other_lane in ring
                    if other_lane == lane_of[key] and o is not occ
                ]
                if all(last < span[0] or span[1] < first for first, last in others):
                    assert lane == lane_of[key]
                    stayed += far
        # back to the plan as it was: its lanes as they were
        assert {
            (o.activity.id, o.index): lane for ring in rings_of(plan).values() for o, lane in ring
        } == lane_of
    assert stayed  # (moves far enough for an outer lane to be free)


def test_an_undo_finds_the_lanes_it_had():
    geometry._LANES.clear()
    plan = _crowded(300)
    states = [plan]
    for activity in plan.activities[:6]:
        states.append(edits.move_activity(states[-1], activity.id, 11))
    lanes = [rings_of(state) for state in states]
    for state, had in reversed(list(zip(states, lanes, strict=True))):  # undone
        assert rings_of(state) == had
    for state, had in zip(states, lanes, strict=True):  # and redone
        assert rings_of(state) == had


def test_a_ring_mostly_changed_is_dealt_anew_in_the_fewest_lanes():
    """Half of the occurrences shown (a filter): the lanes are not kept with holes."""
    geometry._LANES.clear()
    plan = _crowded(300)
    rings_of(plan)
    half = plan.occurrences()[::2]
    for ring in rings_of(plan, half).values():
        check_lanes(plan, ring)
        assert fewest(plan, ring)


def test_a_lane_left_empty_deals_the_ring_anew():
    """The one phase of an outer lane moved to another ring: no empty lane remains."""
    geometry._LANES.clear()
    start = dt.date(2024, 1, 1)
    plan = _crowded(3)
    plan = Plan(
        plan.title,
        start,
        rings=plan.rings,
        categories=plan.categories,
        activities=tuple(
            a.__class__(a.id, a.title, "r0", "c", start, start + dt.timedelta(days=20))
            for a in plan.activities
        ),
    )
    ring = rings_of(plan)[0]
    assert sorted(lane for _o, lane in ring) == [0, 1, 2]
    middle = next(o.activity.id for o, lane in ring if lane == 1)
    moved = edits.move_activity(plan, middle, 0, "r1")
    ring = rings_of(moved)[0]
    check_lanes(moved, ring)
    assert sorted(lane for _o, lane in ring) == [0, 1]


def test_a_plan_opened_again_is_dealt_anew_whatever_was_laid_out_before():
    """The same file read again after edits to it (its occurrences all new objects):
    the lanes are the fewest, as at a start, not those the edits left."""
    geometry._LANES.clear()
    plan = load_plan(PLAN_2022)
    for activity in [a for a in plan.activities if a.end is not None and not a.rrule][:8]:
        rings_of(plan)
        plan = edits.move_activity(plan, activity.id, 7)
    rings_of(plan)
    again = load_plan(PLAN_2022)
    for ring in rings_of(again).values():
        assert fewest(again, ring)


@settings(max_examples=50, deadline=None)
@given(plan=plans(), size=st.sampled_from([(984, 544), (1366, 768), (600, 600)]), data=st.data())
def test_after_edits_every_occurrence_is_named_and_no_names_meet(plan, size, data):
    """The rules of the names hold for the lanes that edits leave too (which a fresh
    start would deal otherwise), not only for a plan laid out afresh."""
    assume(plan.activities)
    geometry._LANES.clear()
    geometry.layout(plan, *size)
    for _ in range(data.draw(st.integers(1, 4))):
        if not plan.activities:
            break
        edited = _edited(data, plan, EDITS, days=40)
        if edited is None:
            continue
        plan = edited
        check(geometry.layout(plan, *size), plan)
