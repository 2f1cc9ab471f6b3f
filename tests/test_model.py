"""The plan model: kinds, the wheel's year, occurrences and recurrence."""

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul.model import Activity, Kind, Plan, Ring, edits, load_plan
from aarshjul.model import plan as plan_module
from aarshjul.model.recurrence import RecurrenceError, expand, parse

from .conftest import EXAMPLES, PLAN_2022

D = dt.date


def plan(start=None, activities=()):
    start = start or D(2022, 1, 1)
    return Plan(title="T", start=start, rings=(Ring("r", "R"),), activities=tuple(activities))


def test_kind_follows_the_dates():
    assert Activity("a", "A", "r", "c", D(2022, 4, 1), D(2022, 5, 31)).kind is Kind.PHASE
    assert Activity("a", "A", "r", "c", D(2022, 4, 1)).kind is Kind.DEADLINE
    assert Activity("a", "A", "r", "c").kind is Kind.UNSCHEDULED


@pytest.mark.parametrize(
    ("start", "days", "last", "label"),
    [
        (D(2022, 1, 1), 365, D(2022, 12, 31), "2022"),
        (D(2024, 1, 1), 366, D(2024, 12, 31), "2024"),
        (D(2022, 8, 1), 365, D(2023, 7, 31), "2022/23"),
        (D(2023, 8, 1), 366, D(2024, 7, 31), "2023/24"),  # holds 29 February 2024
    ],
)
def test_the_wheel_covers_twelve_months(start, days, last, label):
    p = plan(start)
    assert p.days == days
    assert p.last_day == last
    assert p.year_label == label
    assert p.contains(start) and p.contains(last)
    assert not p.contains(start - dt.timedelta(days=1)) and not p.contains(p.end)


def test_occurrences_in_date_order_with_unscheduled_last():
    p = plan(
        activities=[
            Activity("later", "Later", "r", "c", D(2022, 9, 1)),
            Activity("none", "No date", "r", "c"),
            Activity("first", "First", "r", "c", D(2022, 2, 1), D(2022, 3, 1)),
        ]
    )
    assert [o.activity.id for o in p.occurrences()] == ["first", "later", "none"]
    deadline = p.occurrences()[1]
    assert deadline.start == deadline.end == D(2022, 9, 1)
    assert p.occurrences()[2].start is None


def test_quarterly_deadline_on_the_last_day_of_the_month():
    pool = Activity(
        "pool",
        "Pool",
        "r",
        "c",
        D(2022, 3, 31),
        rrule="FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
    )
    occs = plan(activities=[pool]).occurrences()
    assert [o.start for o in occs] == [
        D(2022, 3, 31),
        D(2022, 6, 30),
        D(2022, 9, 30),
        D(2022, 12, 31),
    ]
    assert [o.index for o in occs] == [0, 1, 2, 3]


def test_recurring_phase_keeps_its_length_and_its_real_dates_past_the_edge():
    weekly = Activity(
        "w", "Week", "r", "c", D(2022, 12, 19), D(2022, 12, 25), rrule="FREQ=WEEKLY;COUNT=5"
    )
    occs = plan(activities=[weekly]).occurrences()
    assert [(o.start, o.end) for o in occs] == [
        (D(2022, 12, 19), D(2022, 12, 25)),
        (D(2022, 12, 26), D(2023, 1, 1)),  # drawn up to the wheel's end, listed as it is
    ]


def test_recurrence_in_a_school_year_wheel_crosses_new_year():
    monthly = Activity("m", "Monthly", "r", "c", D(2022, 8, 15), rrule="FREQ=MONTHLY")
    occs = plan(D(2022, 8, 1), [monthly]).occurrences()
    assert len(occs) == 12
    assert occs[-1].start == D(2023, 7, 15)


def test_yearly_rule_on_29_february_in_a_leap_year():
    assert expand(
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", D(2024, 2, 29), D(2024, 1, 1), D(2024, 12, 31)
    ) == [D(2024, 2, 29)]


@pytest.mark.parametrize(
    "rule", ["", "FREQ=SOMETIMES", "FREQ=MONTHLY;BYMONTH=13", "DTSTART:20220101\nRRULE:FREQ=DAILY"]
)
def test_invalid_rules_are_refused(rule):
    with pytest.raises(RecurrenceError):
        parse(rule, D(2022, 1, 1))


def test_rrule_prefix_is_accepted():
    assert expand("RRULE:FREQ=MONTHLY;COUNT=2", D(2022, 1, 5), D(2022, 1, 1), D(2022, 12, 31)) == [
        D(2022, 1, 5),
        D(2022, 2, 5),
    ]


def test_a_plan_and_what_it_holds_cannot_change_in_place():
    """The model is immutable: a plan kept for undo, or occurrences remembered for an
    activity, cannot be changed under the one who keeps them."""
    meeting = Activity("m", "Møde", "r", "c", D(2022, 1, 10), exdates=[D(2022, 2, 10)])
    whole = plan(activities=[meeting])
    assert isinstance(whole.activities, tuple) and isinstance(whole.rings, tuple)
    assert meeting.exdates == (D(2022, 2, 10),)  # a list given is copied into a tuple
    with pytest.raises(dataclasses.FrozenInstanceError):
        meeting.start = D(2022, 1, 11)  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        whole.title = "Other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        whole.activities.append(meeting)  # type: ignore[attr-defined]


def test_remembered_occurrences_follow_a_change_of_dates_or_of_the_wheel():
    """Occurrences are remembered per activity object; an activity with other dates,
    rule or left-out days, or another wheel, is never answered from that memory."""
    meeting = Activity("m", "Møde", "r", "c", D(2022, 1, 10), rrule="FREQ=MONTHLY;COUNT=3")
    first = plan(activities=[meeting])
    assert [o.start for o in first.occurrences()] == [
        D(2022, 1, 10),
        D(2022, 2, 10),
        D(2022, 3, 10),
    ]
    assert first.occurrences_of(meeting) == plan(activities=[meeting]).occurrences_of(meeting)
    left_out = dataclasses.replace(meeting, exdates=(D(2022, 2, 10),))
    assert [o.start for o in plan(activities=[left_out]).occurrences()] == [
        D(2022, 1, 10),
        D(2022, 3, 10),
    ]
    moved = dataclasses.replace(meeting, start=D(2022, 1, 11))
    assert next(o.start for o in plan(activities=[moved]).occurrences()) == D(2022, 1, 11)
    later = plan(D(2022, 2, 1), activities=[moved])  # the same activity, another wheel
    assert [o.start for o in later.occurrences()] == [D(2022, 2, 11), D(2022, 3, 11)]
    assert [o.start for o in first.occurrences()] == [
        D(2022, 1, 10),
        D(2022, 2, 10),
        D(2022, 3, 10),
    ]


def test_remembered_agenda_markers_follow_the_plans_working_days():
    """A meeting's agenda marker is remembered with its meeting; a plan with other
    working days before its meetings gets markers of its own."""
    from dataclasses import replace

    meeting = Activity("m", "Møde", "r", "c", D(2022, 3, 10), meeting=True)  # a Thursday
    four = plan(activities=[meeting])
    marker = next(o for o in four.occurrences() if o.derived_from == "m")
    assert marker.start == D(2022, 3, 4)
    assert next(o for o in four.occurrences() if o.derived_from == "m") is marker
    two = replace(four, agenda_days=2)
    assert next(o for o in two.occurrences() if o.derived_from == "m").start == D(2022, 3, 8)
    assert not [o for o in replace(four, agenda_days=0).occurrences() if o.derived_from]


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_dated_occurrences_after_edits_are_those_of_a_fresh_start(data):
    """A plan made by an edit takes the last plan's dated occurrences and patches in
    those of the activities that changed: the same list, in the same order (ties in
    plan order), as sorting every activity's anew; and its activities without a date
    are the last plan's where the edit did not touch one."""
    path = data.draw(st.sampled_from([PLAN_2022, *sorted(EXAMPLES.glob("*.toml"))]))
    plan = load_plan(path)
    plan.dated()
    for _ in range(data.draw(st.integers(1, 5))):
        chosen = data.draw(st.sampled_from(plan.activities))
        other = data.draw(st.sampled_from(plan.activities))
        steps = ["move", "twin", "unschedule", "schedule", "title", "remove", "copy"]
        step = data.draw(st.sampled_from(steps))
        try:
            if step == "remove" and len(plan.activities) > 1:
                plan = edits.remove_activity(plan, chosen.id)
            elif step == "copy":
                plan = edits.duplicate_activity(plan, chosen.id)[0]
            elif step == "move":
                plan = edits.move_activity(plan, chosen.id, data.draw(st.integers(-40, 40)))
            elif step == "schedule":
                day = plan.start + dt.timedelta(days=data.draw(st.integers(0, 364)))
                plan = edits.schedule(plan, chosen.id, day)
            elif step == "twin":  # the same dates and title as another: a tie
                twin = dataclasses.replace(
                    chosen,
                    title=other.title,
                    start=other.start,
                    end=other.end,
                    rrule=other.rrule,
                    exdates=other.exdates,
                )
                plan = edits.replace_activity(plan, twin)
            elif step == "unschedule":
                plan = edits.unschedule(plan, chosen.id)
            else:
                plan = edits.replace_activity(plan, dataclasses.replace(chosen, title=other.title))
        except edits.EditError:
            continue
        patched, undated = plan.dated(), plan.undated()
        remembered = list(plan_module._DATED), list(plan_module._UNDATED)
        plan_module._DATED.clear()
        plan_module._UNDATED.clear()
        fresh = plan.dated()
        assert [id(o) for o in patched] == [id(o) for o in fresh]
        assert [id(o) for o in undated] == [id(o) for o in plan.undated()]
        # the next edit patches this one's
        plan_module._DATED[:], plan_module._UNDATED[:] = remembered


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_activities_found_by_id_are_those_a_scan_finds(data):
    """Activities are found by their places, shared by the plans an edit makes: the
    very activities, in plan order, that looking at each one finds."""
    plan = load_plan(data.draw(st.sampled_from([PLAN_2022, *sorted(EXAMPLES.glob("*.toml"))])))
    for _ in range(data.draw(st.integers(1, 5))):
        chosen = data.draw(st.sampled_from(plan.activities))
        step = data.draw(st.sampled_from(["move", "remove", "duplicate", "twice", "turn"]))
        try:
            if step == "move":
                plan = edits.move_activity(plan, chosen.id, data.draw(st.integers(-9, 9)))
            elif step == "remove":
                plan = edits.remove_activity(plan, chosen.id)
            elif step == "duplicate":
                plan = edits.duplicate_activity(plan, chosen.id)[0]
            elif step == "twice":  # a plan that repeats an id (never saved): the first wins
                plan = dataclasses.replace(plan, activities=(*plan.activities, chosen))
            else:
                plan = dataclasses.replace(plan, activities=plan.activities[::-1])
        except edits.EditError:
            continue
        ids = {a.id for a in plan.activities}
        asked = data.draw(st.sets(st.sampled_from(sorted(ids | {"no-such-id"})), max_size=4))
        for i in asked:
            assert plan.activity(i) is next((a for a in plan.activities if a.id == i), None)
        found = plan.activities_with(asked)
        assert [id(a) for a in found] == [id(a) for a in plan.activities if a.id in asked]


@pytest.mark.parametrize(
    ("rule", "english", "danish"),
    [
        ("FREQ=WEEKLY;FOO=1", "there is no part called FOO", "der er ingen del, der hedder FOO"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY cannot be XX", "BYDAY kan ikke være XX"),
    ],
)
def test_a_rule_dateutil_refuses_is_refused_in_our_words(rule, english, danish):
    from aarshjul import i18n

    for language, words in (("en", english), ("da", danish)):
        i18n.set_language(language)
        with pytest.raises(RecurrenceError) as info:
            parse(rule, dt.date(2022, 1, 3))
        assert str(info.value) == words


def test_a_rule_ends_by_count_or_until_not_both():
    with pytest.raises(RecurrenceError, match="COUNT or by UNTIL, not both"):
        parse("FREQ=WEEKLY;COUNT=3;UNTIL=20220315", dt.date(2022, 1, 3))


@pytest.mark.parametrize("until", ["2022", "March", "3.4.2022", "15.3.2022", "20221399"])
def test_an_until_that_is_not_a_day_is_refused_not_read_as_a_day_of_today(until):
    """dateutil read UNTIL=2022 as today's month and day in 2022: the series ended on
    another day each day the plan was opened."""
    with pytest.raises(RecurrenceError, match="UNTIL"):
        parse(f"FREQ=WEEKLY;UNTIL={until}", dt.date(2022, 1, 3))


@pytest.mark.parametrize(
    "until",
    ["20220315", "20220315T120000Z", "20220315T235959", "2022-03-15", "2022-03-15T12:00:00Z"],
)
def test_until_is_a_day_or_a_time_on_that_day(until):
    days = expand(f"FREQ=WEEKLY;UNTIL={until}", D(2022, 1, 3), D(2022, 1, 1), D(2022, 12, 31))
    assert days[-1] == D(2022, 3, 14) and len(days) == 11
