"""Calendars: the plan as an .ics file, calendar files read into the plan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from aarshjul import cli
from aarshjul.calendars.export import plan_key, uid_of
from aarshjul.model import load_plan
from aarshjul.model.rollover import rollover

from .conftest import EXAMPLES, PLAN_2022, ROOT

SERIES = ROOT / "tests" / "plans" / "calendar-series.toml"
PLANS = [SERIES, PLAN_2022, *sorted(EXAMPLES.glob("*.toml"))]
D = dt.date


def export(plan_path: Path, out: Path, capsys) -> icalendar.Calendar:
    assert cli.main(["export", str(plan_path), "--ics", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    return icalendar.Calendar.from_ical(out.read_bytes())


def listed(plan_path: Path, capsys) -> list[dict]:
    assert cli.main(["list", str(plan_path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _day(value) -> dt.date:
    return value if not isinstance(value, dt.datetime) else value.date()


@pytest.mark.parametrize("plan_path", PLANS, ids=lambda p: p.stem)
def test_the_expanded_calendar_equals_the_list(plan_path, tmp_path, capsys):
    """Every occurrence a calendar program expands from the file is an occurrence
    `aarshjul list` prints, with the same dates, and none is missing: series by
    their RRULE, left-out dates by EXDATE, a moved date by its override."""
    calendar = export(plan_path, tmp_path / "plan.ics", capsys)
    plan = load_plan(plan_path)
    window = (plan.start - dt.timedelta(days=400), plan.end + dt.timedelta(days=400))
    expanded = sorted(
        (
            str(event.get("X-AARSHJUL-ID", "agenda")),
            _day(event.decoded("DTSTART")),
            _day(event.decoded("DTEND")) - dt.timedelta(days=1),  # DTEND is exclusive
        )
        for event in recurring_ical_events.of(calendar).between(*window)
    )
    rows = sorted(
        (
            "agenda" if "@agenda" in row["id"] else row["id"],
            D.fromisoformat(row["start"]),
            D.fromisoformat(row["end"]),
        )
        for row in listed(plan_path, capsys)
        if row["start"] is not None
    )
    assert expanded == rows
    assert all(event.decoded("DTSTART").__class__ is dt.date for event in calendar.walk("VEVENT"))


def test_series_left_out_and_moved_dates_are_stored_as_calendars_store_them(tmp_path, capsys):
    calendar = export(SERIES, tmp_path / "plan.ics", capsys)
    events = {str(e.get("X-AARSHJUL-ID", e["UID"])): e for e in calendar.walk("VEVENT")}
    series, moved = events["bestyrelsesmoede"], events["bestyrelsesmoede-2025-12-17"]
    assert series["RRULE"].to_ical() == b"FREQ=MONTHLY;UNTIL=20260715;BYDAY=3WE"
    assert [d.dt for d in series["EXDATE"].dts] == [D(2025, 10, 15)]  # left out, not moved
    assert moved["UID"] == series["UID"] and moved.decoded("RECURRENCE-ID") == D(2025, 12, 17)
    assert moved.decoded("DTSTART") == D(2025, 12, 10)
    # a series with a COUNT ends with its last date inside the wheel
    assert (
        events["projektuger"]["RRULE"].to_ical()
        == b"FREQ=MONTHLY;UNTIL=20260309;INTERVAL=3;BYDAY=2MO"
    )
    budget = events["budget"]
    assert budget["CATEGORIES"].cats == ["Bestyrelse"]
    assert budget["URL"] == "https://example.org/budget"
    assert "Skoleleder Anne Holm" in budget["DESCRIPTION"]
    assert budget["TRANSP"] == "TRANSPARENT"
    agenda = [e for e in calendar.walk("VEVENT") if e.get("X-AARSHJUL-KIND") == "agenda"]
    assert len(agenda) == 11  # twelve dates, two left out, one of them moved: 11 meetings
    december = next(e for e in agenda if e.decoded("DTSTART") == D(2025, 12, 4))
    assert december["SUMMARY"] == "Dagsorden ud: Bestyrelsesmøde (flyttet)"
    assert "10. december 2025" in december["DESCRIPTION"]
    assert "temadag" not in events  # no date, nothing for a calendar


def test_uids_are_the_same_in_every_export_and_after_rollover(tmp_path, capsys):
    first = export(SERIES, tmp_path / "a.ics", capsys)
    second = export(SERIES, tmp_path / "b.ics", capsys)
    uids = sorted(str(e["UID"]) for e in first.walk("VEVENT"))
    assert uids == sorted(str(e["UID"]) for e in second.walk("VEVENT"))
    assert len(set(uids)) == len(uids) - 1  # the moved occurrence shares its series' UID
    plan = load_plan(SERIES)
    later = rollover(plan, 2026)
    assert plan_key(later) == plan_key(plan) == "skovbakkeskolen-skoleaaret"
    for activity in plan.activities:
        rolled = later.activity(activity.id)
        if rolled is not None:
            assert uid_of(later, rolled) == uid_of(plan, activity)
    other = load_plan(PLAN_2022)
    assert plan_key(other) != plan_key(plan)  # two plans' activities never share a UID


def test_export_refuses_to_write_over_its_plan(tmp_path, capsys):
    copy = tmp_path / "plan.toml"
    copy.write_bytes(SERIES.read_bytes())
    assert cli.main(["export", str(copy), "--ics", str(copy)]) == 2
    assert "is the plan being read" in capsys.readouterr().err
    assert copy.read_bytes() == SERIES.read_bytes()
