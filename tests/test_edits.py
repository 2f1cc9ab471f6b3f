"""Edits as pure functions, meetings and their agenda, next year's wheel."""

import datetime as dt

import pytest

from aarshjul import cli, wording
from aarshjul.i18n import translator
from aarshjul.model import Activity, Plan, dumps_plan, edits, load_plan, loads_plan
from aarshjul.model.edits import EditError
from aarshjul.model.rollover import rollover, same_day, same_weekday_and_week
from aarshjul.model.workdays import is_working_day, working_days_before

from .conftest import PLAN_2022
from .helpers import plan_text

D = dt.date


@pytest.fixture
def plan():
    return load_plan(PLAN_2022)


def starts(plan, activity_id):
    return [o.start for o in plan.occurrences_of(plan.activity(activity_id))]


def test_edits_never_change_the_plan_they_are_given(plan):
    before = dumps_plan(plan)
    edits.move_activity(plan, "budgetforhandling", 7)
    edits.remove_activity(plan, "strategi")
    edits.add_ring(plan, "Ny ring")
    assert dumps_plan(plan) == before


def test_move_keeps_the_length_and_can_change_ring(plan):
    moved = edits.move_activity(plan, "budgetforhandling", 14, ring="temaer")
    activity = moved.activity("budgetforhandling")
    assert (activity.start, activity.end, activity.ring) == (
        D(2022, 8, 15),
        D(2022, 11, 14),
        "temaer",
    )


def test_moves_wholly_outside_the_year_are_refused_across_its_edge_kept(plan):
    with pytest.raises(EditError, match="wholly outside the wheel's twelve months"):
        edits.move_activity(plan, "beskaeftigelsesplan", 70)
    across = edits.move_activity(plan, "beskaeftigelsesplan", 10).activity("beskaeftigelsesplan")
    assert (across.start, across.end) == (D(2022, 11, 11), D(2023, 1, 10))  # whole, real dates


def test_resize_edges_and_never_past_each_other(plan):
    longer = edits.resize_activity(plan, "strategi", "end", 10).activity("strategi")
    assert (longer.start, longer.end) == (D(2022, 4, 1), D(2022, 6, 10))
    shorter = edits.resize_activity(plan, "strategi", "start", 100).activity("strategi")
    assert shorter.start == shorter.end == D(2022, 5, 31)
    with pytest.raises(EditError):
        edits.resize_activity(plan, "pulje", "end", 1)  # a deadline has no edges


def test_moving_a_whole_series_moves_every_date(plan):
    earlier = edits.move_activity(plan, "pulje", -1)
    assert starts(earlier, "pulje") == [
        D(2022, 3, 30),
        D(2022, 6, 29),
        D(2022, 9, 29),
        D(2022, 12, 30),
    ]
    assert earlier.activity("pulje").rrule == "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-2"
    later = edits.move_activity(plan, "budgetopfoelgning", 3)
    assert starts(later, "budgetopfoelgning") == [
        D(2022, 4, 4),
        D(2022, 6, 4),
        D(2022, 9, 4),
        D(2022, 11, 4),
    ]
    with pytest.raises(EditError, match="one at a time"):
        edits.move_activity(plan, "pulje", 1)  # past the last day of the month
    weekly = Activity(
        "w", "Weekly", "politik", "budget", D(2022, 1, 4), rrule="FREQ=WEEKLY;BYDAY=TU"
    )
    plan = edits.add_activity(plan, weekly)
    assert starts(edits.move_activity(plan, "w", 2), "w")[:2] == [D(2022, 1, 6), D(2022, 1, 13)]


def test_one_occurrence_moves_out_of_its_series_and_survives_a_reload(plan):
    changed, new_id = edits.detach_occurrence(plan, "pulje", 1, days=-2)
    assert starts(changed, "pulje") == [D(2022, 3, 31), D(2022, 9, 30), D(2022, 12, 31)]
    single = changed.activity(new_id)
    assert (single.start, single.end, single.series, single.rrule) == (
        D(2022, 6, 28),
        None,
        "pulje",
        "",
    )
    again = loads_plan(dumps_plan(changed))
    assert again == changed
    assert "exdates = [\n    2022-06-30,\n]" in dumps_plan(
        changed
    ) or "exdates = [2022-06-30]" in dumps_plan(changed)
    # deleting the series keeps the moved occurrence as an activity of its own
    without = edits.remove_activity(changed, "pulje")
    assert without.activity(new_id).series == ""
    loads_plan(dumps_plan(without))


def test_detaching_a_phase_edge(plan):
    changed, new_id = edits.detach_occurrence(plan, "budgetopfoelgning", 2, days=5, edge="end")
    single = changed.activity(new_id)
    assert (single.start, single.end) == (D(2022, 9, 1), D(2022, 10, 5))
    assert D(2022, 9, 1) in changed.activity("budgetopfoelgning").exdates


def test_add_duplicate_remove_and_ids(plan):
    copy_plan, copy_id = edits.duplicate_activity(plan, "strategi")
    assert copy_id == "strategi-2"
    index = [a.id for a in copy_plan.activities].index("strategi")
    assert copy_plan.activities[index + 1].id == copy_id
    assert copy_plan.activity(copy_id).title == "Arbejdsmarkedsstrategi (copy)"
    assert edits.unique_id(plan, "Møde i udvalget") == "moede-i-udvalget"
    with pytest.raises(EditError, match="duplicate id"):
        edits.add_activity(plan, plan.activity("strategi"))
    with pytest.raises(EditError, match="title must not be empty"):
        edits.replace_activity(plan, Activity("strategi", " ", "politik", "budget"))
    assert edits.remove_activity(plan, "strategi").activity("strategi") is None


def test_schedule_and_unschedule(plan):
    scheduled = edits.schedule(plan, "jobcamp", D(2022, 5, 19), ring="politik")
    assert (scheduled.activity("jobcamp").start, scheduled.activity("jobcamp").ring) == (
        D(2022, 5, 19),
        "politik",
    )
    back = edits.unschedule(plan, "pulje").activity("pulje")
    assert back.start is None and back.rrule == "" and back.exdates == ()


def test_rings_and_categories(plan):
    added, ring_id = edits.add_ring(plan, "Møder")
    assert ring_id == "moeder" and added.rings[-1].name == "Møder"
    assert edits.move_ring(added, "moeder", -10).rings[0].id == "moeder"
    assert edits.rename_ring(plan, "politik", "Politik").ring("politik").name == "Politik"
    with pytest.raises(EditError, match="choose a ring"):
        edits.remove_ring(plan, "politik")
    moved = edits.remove_ring(plan, "politik", move_to="temaer")
    assert moved.ring("politik") is None
    assert moved.activity("budgetforhandling").ring == "temaer"
    recoloured = edits.update_category(plan, "budget", color="#123456")
    assert recoloured.category("budget").color == "#123456"
    with pytest.raises(EditError, match="not a colour"):
        edits.update_category(plan, "budget", color="orange")
    without = edits.remove_category(plan, "budget", move_to="strategi")
    assert all(a.category != "budget" for a in without.activities)
    loads_plan(dumps_plan(without))


# -- meetings and their agenda ------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting", "agenda"),
    [
        (D(2022, 3, 10), D(2022, 3, 4)),  # Thursday: four working days back is Friday
        (D(2022, 4, 20), D(2022, 4, 11)),  # after Easter: skips Maundy Thursday to Easter Monday
        (D(2022, 5, 17), D(2022, 5, 10)),  # Store Bededag (13 May 2022) is a holiday
        (D(2024, 5, 1), D(2024, 4, 25)),  # 2024 Easter is in March; nothing skipped
        (D(2024, 4, 30), D(2024, 4, 24)),  # Store Bededag was abolished in 2024: 26 April works
        (D(2022, 12, 30), D(2022, 12, 23)),  # Christmas: 25-26 December (and the weekend) skipped
        (D(2023, 1, 3), D(2022, 12, 28)),  # New Year's Day (a Sunday) and the weekend skipped
    ],
)
def test_agenda_goes_out_four_working_days_before(meeting, agenda):
    assert working_days_before(meeting, 4) == agenda
    assert is_working_day(agenda)


def test_meetings_get_a_derived_agenda_marker_that_moves_with_them():
    text = plan_text("""
        [[activities]]
        id = "moede"
        title = "Udvalgsmøde"
        ring = "r1"
        category = "c1"
        date = 2022-04-20
        meeting = true
        """).replace("start = 2022-01-01", "start = 2022-01-01\nagenda_days = 4")
    plan = loads_plan(text)
    occurrences = plan.occurrences()
    agenda = next(o for o in occurrences if o.derived_from == "moede")
    assert agenda.start == D(2022, 4, 11)  # Easter: 14, 15 and 18 April are holidays
    # data, not words: the marker knows its meeting; words are made where it is shown
    assert (agenda.activity.title, agenda.meeting_day, agenda.agenda_days) == (
        "Udvalgsmøde",
        D(2022, 4, 20),
        4,
    )
    assert wording.title(agenda, translator("en")) == "Agenda out: Udvalgsmøde"
    assert wording.title(agenda, translator("da")) == "Dagsorden ud: Udvalgsmøde"
    moved = edits.move_activity(plan, "moede", 7)
    assert next(o for o in moved.occurrences() if o.derived_from == "moede").start == D(2022, 4, 21)
    assert "meeting = true" in dumps_plan(plan)
    assert loads_plan(dumps_plan(plan)) == plan


def test_agenda_days_and_meeting_are_validated():
    bad = plan_text().replace("start = 2022-01-01", "start = 2022-01-01\nagenda_days = 99")
    with pytest.raises(Exception, match="agenda_days: 99 is not a number of working days"):
        loads_plan(bad)


# -- next year's wheel -----------------------------------------------------------------


def test_rollover_keeps_month_and_day_and_moves_the_title(plan):
    new = rollover(plan, 2023)
    assert new.title == "Årshjul arbejdsmarkedsudvalget 2023"
    assert (new.start, new.last_day) == (D(2023, 1, 1), D(2023, 12, 31))
    negotiation = new.activity("budgetforhandling")
    assert (negotiation.start, negotiation.end) == (D(2023, 8, 1), D(2023, 10, 31))
    assert starts(new, "pulje") == [D(2023, 3, 31), D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]
    assert len(new.activities) == len(plan.activities)
    assert len(rollover(plan, 2023, keep_unscheduled=False).activities) == 12
    loads_plan(dumps_plan(new))


def test_rollover_leap_day_and_meetings():
    assert same_day(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert same_weekday_and_week(D(2022, 4, 20), 1) == D(2023, 4, 19)  # Wednesday of week 16
    assert same_weekday_and_week(D(2020, 12, 31), 1) == D(2021, 12, 30)  # week 53 → week 52
    plan = Plan(
        "Leap 2024",
        D(2024, 1, 1),
        rings=load_plan(PLAN_2022).rings,
        categories=load_plan(PLAN_2022).categories,
        activities=(
            Activity("leap", "Skuddag", "politik", "budget", D(2024, 2, 29)),
            Activity("m", "Møde", "politik", "budget", D(2024, 4, 17), meeting=True),
            Activity("weekly", "Ugentlig", "politik", "budget", D(2024, 1, 2), rrule="FREQ=WEEKLY"),
        ),
    )
    new = rollover(plan, 2025)
    assert new.title == "Leap 2025"
    assert new.activity("leap").start == D(2025, 2, 28)
    assert new.activity("m").start == D(2025, 4, 16)  # Wednesday, ISO week 16
    assert new.activity("weekly").start == D(2025, 1, 7)  # the series carries on: Tuesdays
    assert new.occurrences_of(new.activity("weekly"))[0].start.weekday() == 1


def test_rollover_command_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "2023.toml"
    assert cli.main(["rollover", str(PLAN_2022), "--year", "2023", "-o", str(out)]) == 0
    first = out.read_bytes()
    assert load_plan(out).start == D(2023, 1, 1)
    out.write_text("mine", encoding="utf-8")
    assert cli.main(["rollover", str(PLAN_2022), "--year", "2023", "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"
    assert (
        cli.main(
            [
                "rollover",
                str(PLAN_2022),
                "--year",
                "2023",
                "-o",
                str(out),
                "--force",
                "--without-unscheduled",
            ]
        )
        == 0
    )
    assert len(load_plan(out).activities) == 12 and out.read_bytes() != first


@pytest.mark.parametrize("until", ["20220331", "2022-03-31"])
def test_rollover_moves_an_until_written_either_way_a_year_on(until):
    source = load_plan(PLAN_2022)
    series = Activity(
        "s", "Serie", "politik", "budget", D(2022, 1, 4), rrule=f"FREQ=WEEKLY;UNTIL={until}"
    )
    plan = Plan(
        "Serier 2022",
        D(2022, 1, 1),
        rings=source.rings,
        categories=source.categories,
        activities=(series,),
    )
    new = rollover(plan, 2023)
    dates = [o.start for o in new.occurrences_of(new.activity("s"))]
    assert dates[0] == D(2023, 1, 4) and dates[-1] == D(2023, 3, 29)  # the same days, to 31 March
