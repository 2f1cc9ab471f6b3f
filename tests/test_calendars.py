"""Calendars: the plan as an .ics file, calendar files read into the plan."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events
from caldav.davclient import DAVClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from aarshjul import cli
from aarshjul.calendars.export import plan_key, to_ics, uid_of
from aarshjul.calendars.importing import Action, apply_import, read_calendar
from aarshjul.model import edits, load_plan
from aarshjul.model.fileformat import plan_problems
from aarshjul.model.plan import Activity, Category, Plan, Ring
from aarshjul.model.rollover import rollover

from .conftest import EXAMPLES, PLAN_2022, ROOT
from .test_loader_properties import TEXT

SERIES = ROOT / "tests" / "plans" / "calendar-series.toml"
PLANS = [SERIES, PLAN_2022, *sorted(EXAMPLES.glob("*.toml"))]
D = dt.date


def export(plan_path: Path, out: Path, capsys) -> Any:
    assert cli.main(["export", str(plan_path), "--ics", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    calendar: Any = icalendar.Calendar.from_ical(out.read_bytes())  # loosely typed for tests
    return calendar


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


OUTLOOK = ROOT / "tests" / "calendars" / "outlook.ics"


def imported(tmp_path, capsys, *extra, plan=PLAN_2022, ics=OUTLOOK):
    copy = tmp_path / "plan.toml"
    if not copy.exists():
        copy.write_bytes(plan.read_bytes())
    code = cli.main(
        [
            "import",
            str(copy),
            "--ics",
            str(ics),
            "--ring",
            "politik",
            "--category",
            "budget",
            *extra,
        ]
    )
    out, err = capsys.readouterr()
    return code, out, err, copy


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"])
def test_an_outlook_file_imports_onto_its_own_days_in_any_time_zone(
    tmp_path, capsys, monkeypatch, zone
):
    """Outlook's "Romance Standard Time", a meeting at 00:30, a series with EXDATE and
    an override, all-day and timed events, a time in UTC: each lands on the day it has
    where it happens, whatever the machine's zone."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        code, out, err, copy = imported(tmp_path, capsys, "--meetings")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert code == 0, err
    plan = load_plan(copy)
    before = load_plan(PLAN_2022)
    new = [a for a in plan.activities if before.activity(a.id) is None]
    by_title = {a.title: a for a in new}
    meeting = by_title["Udvalgsmøde"]
    assert meeting.start == D(2022, 1, 11) and meeting.end is None  # 00:30 Copenhagen time
    assert meeting.rrule.startswith("FREQ=MONTHLY;UNTIL=20221214")
    assert meeting.exdates == (D(2022, 7, 12), D(2022, 9, 13))  # left out; moved
    assert meeting.meeting and meeting.ring == "politik" and meeting.category == "budget"
    assert meeting.uid.startswith("040000008200E00074C5B7101A82E008")
    assert "Rådhuset, mødelokale 1" in meeting.description
    moved = by_title["Udvalgsmøde (flyttet)"]
    assert moved.series == meeting.id and moved.start == D(2022, 9, 15)
    seminar = by_title["Budgetseminar"]
    assert (seminar.start, seminar.end) == (D(2022, 3, 28), D(2022, 4, 1))  # DTEND exclusive
    hearing = by_title["Frist for høringssvar"]
    assert hearing.start == D(2022, 6, 1) and hearing.end is None
    assert hearing.owner == "Jens Jensen" and hearing.link == "https://example.org/hoering"
    assert by_title["Temadrøftelse"].start == D(2022, 8, 20)  # 22:30 UTC is 00:30 in Denmark
    assert "Næste års første møde" not in by_title and "Aflyst workshop" not in by_title
    assert "outside the wheel's twelve months" in out and "the event is cancelled" in out
    assert "4 added, 0 updated, 0 unchanged, 2 skipped" in out
    listed_days = {(r["title"], r["start"]) for r in listed(copy, capsys)}
    assert ("Udvalgsmøde", "2022-09-13") not in listed_days
    assert ("Udvalgsmøde (flyttet)", "2022-09-15") in listed_days


def test_importing_twice_adds_nothing_and_a_changed_file_updates(tmp_path, capsys):
    code, out, _err, copy = imported(tmp_path, capsys)
    assert code == 0
    first = copy.read_text(encoding="utf-8")
    code, out, _err, copy = imported(tmp_path, capsys)
    assert code == 0 and "0 added, 0 updated, 4 unchanged, 2 skipped" in out
    assert "nothing to write" in out
    assert copy.read_text(encoding="utf-8") == first
    changed = tmp_path / "changed.ics"
    changed.write_bytes(
        OUTLOOK.read_bytes().replace(b"SUMMARY:Budgetseminar", b"SUMMARY:Budgetseminar 2022")
    )
    code, out, _err, copy = imported(tmp_path, capsys, ics=changed)
    assert "0 added, 1 updated, 3 unchanged" in out
    plan = load_plan(copy)
    assert [a.title for a in plan.activities].count("Budgetseminar 2022") == 1
    assert "Budgetseminar" not in [a.title for a in plan.activities]


def test_an_export_imported_into_its_own_plan_changes_nothing(tmp_path, capsys):
    """The round trip: every activity's event is found by its UID and is as the plan
    has it (owner line, kinds, series, moved dates); agenda dates are not taken."""
    ics = tmp_path / "plan.ics"
    export(SERIES, ics, capsys)
    copy = tmp_path / "plan.toml"
    copy.write_bytes(SERIES.read_bytes())
    code = cli.main(
        ["import", str(copy), "--ics", str(ics), "--ring", "moeder", "--category", "ferie"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "0 added, 0 updated, 4 unchanged, 11 skipped" in out  # the 11 agenda dates
    assert copy.read_bytes() == SERIES.read_bytes()


def test_an_export_imported_into_an_empty_plan_gives_the_same_occurrences(tmp_path, capsys):
    ics = tmp_path / "plan.ics"
    export(SERIES, ics, capsys)
    source = load_plan(SERIES)
    empty = tmp_path / "empty.toml"
    empty.write_text(
        SERIES.read_text(encoding="utf-8").split("[[activities]]")[0], encoding="utf-8"
    )
    code = cli.main(
        ["import", str(empty), "--ics", str(ics), "--ring", "moeder", "--category", "ferie"]
    )
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()
    plan = load_plan(empty)
    assert sorted((o.activity.title, o.start, o.end) for o in plan.occurrences()) == sorted(
        (o.activity.title, o.start, o.end) for o in source.occurrences() if o.start is not None
    )
    assert {a.id for a in plan.activities} == {a.id for a in source.activities if a.start}


def test_import_says_where_and_what_and_writes_nothing_on_bad_input(tmp_path, capsys):
    bad = tmp_path / "bad.ics"
    bad.write_text("this is not a calendar", encoding="utf-8")
    code, _out, err, copy = imported(tmp_path, capsys, ics=bad)
    assert code == 2 and f"{bad}: this is not a calendar file" in err
    assert "the line 'this is not a calendar' cannot be read" in err  # (not icalendar's words)
    assert copy.read_bytes() == PLAN_2022.read_bytes()
    code = cli.main(
        ["import", str(copy), "--ics", str(OUTLOOK), "--ring", "nope", "--category", "budget"]
    )
    assert code == 2 and "--ring nope: the plan has no such id" in capsys.readouterr().err
    assert copy.read_bytes() == PLAN_2022.read_bytes()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    """A real CalDAV server (Radicale) on 127.0.0.1, with one user and one calendar."""
    folder = tmp_path_factory.mktemp("radicale")
    (folder / "users").write_text("anne:hemmelig\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(folder / "users"),
            "--auth-htpasswd-encryption",
            "plain",
            "--storage-filesystem-folder",
            str(folder / "store"),
            "--logging-level",
            "error",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("Radicale did not start")
                time.sleep(0.1)
        client = DAVClient(
            url=f"http://127.0.0.1:{port}/",
            username="anne",
            password="hemmelig",
            enable_rfc6764=False,
        )
        calendar: Any = client.principal().make_calendar(name="Udvalget", cal_id="udvalget")
        yield client, str(calendar.url)
    finally:
        server.terminate()
        server.wait(10)


def events_in(client, url):
    """The calendar's events as (UID, RECURRENCE-ID or None, SUMMARY, DTSTART)."""
    calendar = client.calendar(url=url)
    found = []
    for item in calendar.events():
        for event in icalendar.Calendar.from_ical(item.data).walk("VEVENT"):
            recurrence_id = event.get("RECURRENCE-ID")
            found.append(
                (
                    str(event["UID"]),
                    recurrence_id.dt if recurrence_id is not None else None,
                    str(event["SUMMARY"]),
                    event.decoded("DTSTART"),
                )
            )
    return sorted(found, key=str)


def publish_cli(plan_path, url, capsys, password="hemmelig"):
    os.environ["AARSHJUL_CALDAV_PASSWORD"] = password
    try:
        code = cli.main(["publish", str(plan_path), "--caldav", url, "--user", "anne"])
    finally:
        del os.environ["AARSHJUL_CALDAV_PASSWORD"]
    out, err = capsys.readouterr()
    return code, out, err


def test_publishing_twice_keeps_one_event_per_activity_and_leaves_others_alone(
    radicale, tmp_path, capsys
):
    client, url = radicale
    calendar = client.calendar(url=url)
    foreign = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone//EN\r\nBEGIN:VEVENT\r\n"
        "UID:lunch@example.org\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20250903T120000Z\r\n"
        "SUMMARY:Frokost\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    calendar.save_event(foreign)
    plan_path = tmp_path / "plan.toml"
    plan_path.write_bytes(SERIES.read_bytes())
    code, out, err = publish_cli(plan_path, url, capsys)
    assert code == 0, err
    assert "15 created, 0 updated, 0 deleted, 0 unchanged" in out  # 4 activities, 11 agenda dates
    first = events_in(client, url)
    code, out, err = publish_cli(plan_path, url, capsys)
    assert "0 created, 0 updated, 0 deleted, 15 unchanged" in out
    assert events_in(client, url) == first
    ours = [e for e in first if e[0] != "lunch@example.org"]
    assert len({(uid, rid) for uid, rid, _s, _d in ours}) == len(ours) == 16  # + the override
    # the plan changes: a deadline moves, the summer holiday goes, a title changes
    text = SERIES.read_text(encoding="utf-8")
    text = text.replace("date = 2026-03-13", "date = 2026-03-20")
    text = text.replace('title = "Projektuge"', 'title = "Projektuge med temadag"')
    text = text.replace(
        text[
            text.index('[[activities]]\nid = "sommerferie"') : text.index(
                '[[activities]]\nid = "budget"'
            )
        ],
        "",
    )
    plan_path.write_text(text, encoding="utf-8")
    code, out, err = publish_cli(plan_path, url, capsys)
    assert "0 created, 2 updated, 1 deleted, 12 unchanged" in out, out
    after = events_in(client, url)
    assert (
        "lunch@example.org",
        None,
        "Frokost",
        dt.datetime(2025, 9, 3, 12, tzinfo=dt.UTC),
    ) in after
    budget = [e for e in after if e[0].startswith("budget@")]
    assert [e[3] for e in budget] == [D(2026, 3, 20)]
    assert not [e for e in after if e[0].startswith("sommerferie@")]
    assert plan_path.read_text(encoding="utf-8") == text  # publishing only reads the plan


def test_a_server_that_refuses_gets_a_message_and_exit_status_2(radicale, tmp_path, capsys):
    _client, url = radicale
    plan_path = tmp_path / "plan.toml"
    plan_path.write_bytes(SERIES.read_bytes())
    code, _out, err = publish_cli(plan_path, url, capsys, password="forkert")
    assert code == 2 and "refused the user name or password" in err
    code, _out, err = publish_cli(plan_path, url.replace("udvalget", "findes-ikke"), capsys)
    assert code == 2 and "there is no calendar at this address" in err
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    code, _out, err = publish_cli(plan_path, f"http://127.0.0.1:{closed}/anne/x/", capsys)
    assert code == 2 and "cannot be reached: Connection refused" in err
    assert plan_path.read_bytes() == SERIES.read_bytes()


def test_the_window_imports_a_calendar_as_one_undo_step(open_window, monkeypatch):
    """File › Import calendar…: the preview lists what is added and skipped and why; the
    ring, category, meetings and ticks chosen there are what the plan gets, in one
    undo step."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from aarshjul.ui.calendar_dialogs import ImportDialog

    window = open_window()
    seen = {}

    def answer(dialog):
        rows = dialog.table.rowCount()
        seen["rows"] = [[dialog.table.item(r, c).text() for c in range(1, 5)] for r in range(rows)]
        seen["enabled"] = [
            bool(dialog.table.item(r, 0).flags() & Qt.ItemFlag.ItemIsEnabled) for r in range(rows)
        ]
        dialog.ring_box.setCurrentIndex(dialog.ring_box.findData("frister"))
        dialog.meetings_box.setChecked(True)
        seminar = next(r for r in range(rows) if dialog.table.item(r, 3).text() == "Budgetseminar")
        dialog.table.item(seminar, 0).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", answer)
    stack = window.document.undo_stack
    before = stack.count()
    assert window.import_calendar_dialog(OUTLOOK)
    assert seen["rows"][4][:3] == ["skip", "10 Jan 2023", "Næste års første møde"]
    assert seen["rows"][5][3] == "the event is cancelled"
    assert seen["enabled"] == [True, True, True, True, False, False]
    assert stack.count() == before + 1
    plan = window.document.plan
    titles = {a.title: a for a in plan.activities}
    assert "Budgetseminar" not in titles  # unticked
    meeting = titles["Udvalgsmøde"]
    assert meeting.ring == "frister" and meeting.category == "budget" and meeting.meeting
    assert titles["Udvalgsmøde (flyttet)"].series == meeting.id
    stack.undo()
    assert "Udvalgsmøde" not in {a.title for a in window.document.plan.activities}


def test_the_window_says_why_a_file_is_not_a_calendar(open_window, tmp_path, monkeypatch):
    window = open_window()
    errors = []
    monkeypatch.setattr(window, "_error", lambda title, text: errors.append((title, text)))
    bad = tmp_path / "notes.ics"
    bad.write_text("BEGIN:VCALENDAR\nthis is not\n", encoding="utf-8")
    assert not window.import_calendar_dialog(bad)
    assert errors and errors[0][1].startswith(f"{bad}: this is not a calendar file")
    assert window.document.undo_stack.count() == 0


def test_the_window_exports_a_calendar(open_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = open_window()
    target = tmp_path / "udvalg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.export_calendar_dialog()
    calendar = icalendar.Calendar.from_ical((tmp_path / "udvalg.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 12  # 16 activities, 4 of them without a date


def test_the_window_publishes_in_the_background_and_says_what_happened(
    radicale, open_window, qtbot
):
    client, url = radicale
    window = open_window()
    dialog = window.publish_dialog()
    assert dialog is not None
    dialog.url_edit.setText(url.replace("udvalget", "vindue"))
    client.principal().make_calendar(name="Vindue", cal_id="vindue")
    dialog.user_edit.setText("anne")
    dialog.password_edit.setText("forkert")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20_000)
    assert "refused the user name or password" in dialog.outcome_label.text()
    dialog.password_edit.setText("hemmelig")
    with qtbot.waitSignal(dialog.published, timeout=20_000) as published:
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert len(published.args[0].created) == 12
    assert "12 created" in dialog.outcome_label.text()
    settings = window.settings()
    assert settings.value("calendar/url") == url.replace("udvalget", "vindue")
    assert settings.value("calendar/user") == "anne"
    assert "hemmelig" not in str([settings.value(k) for k in settings.allKeys()])
    dialog.close()


RULES = ["FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY", "FREQ=MONTHLY;COUNT=4", "FREQ=DAILY;INTERVAL=9"]


@st.composite
def calendar_plans(draw):
    """Plans with phases, deadlines, meetings, series with left-out and moved dates."""
    start = D(draw(st.integers(1995, 2085)), draw(st.sampled_from([1, 8])), 1)
    plan = Plan(
        draw(TEXT.filter(str.strip)),
        start,
        organisation=draw(TEXT),
        locale=draw(st.sampled_from(["da", "en_GB"])),
        agenda_days=draw(st.integers(0, 10)),
        rings=[Ring("r", "R")],
        categories=[Category("c", draw(TEXT.filter(str.strip)), "#336699")],
    )
    for k in range(draw(st.integers(1, 6))):
        first = start + dt.timedelta(days=draw(st.integers(0, plan.days - 1)))
        kind = draw(st.sampled_from(["phase", "deadline", "none", "series"]))
        rule = draw(st.sampled_from(RULES)) if kind == "series" else ""
        length = draw(st.integers(0, 20))
        activity = Activity(
            f"a{k}",
            draw(TEXT.filter(str.strip)),
            "r",
            "c",
            None if kind == "none" else first,
            first + dt.timedelta(days=length) if kind == "phase" or (rule and length % 2) else None,
            description=draw(TEXT),
            owner=draw(TEXT).strip(),
            link=draw(st.sampled_from(["", "https://example.org/x"])),
            rrule=rule,
            meeting=kind in ("deadline", "series") and draw(st.booleans()),
        )
        plan = replace(plan, activities=(*plan.activities, activity))
        if rule:
            dates = [o.start for o in plan.occurrences_of(activity)]
            left = draw(st.lists(st.sampled_from(dates), max_size=2, unique=True))
            activity = replace(activity, exdates=tuple(sorted(d for d in left if d != first)))
            plan = replace(plan, activities=(*plan.activities[:-1], activity))
            if draw(st.booleans()):
                index = next(o.index for o in plan.occurrences_of(activity))
                days = draw(st.integers(-5, 5))
                with contextlib.suppress(edits.EditError):
                    plan, _new = edits.detach_occurrence(plan, activity.id, index, days)
    assert not plan_problems(plan)
    return plan


def _occurrences(plan):
    """Each dated occurrence's days, and what its activity says."""
    found = []
    for o in plan.occurrences():
        if o.start is not None:
            a = o.activity
            found.append((a.title, o.start, o.end, a.meeting, a.description, a.owner, a.link))
    return sorted(found)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendar_plans())
def test_any_plan_comes_back_from_its_calendar(plan):
    """Export, then import into the same plan: nothing to add or update. Import into
    the plan without its activities: the same occurrences, days and meetings."""
    data = to_ics(plan)
    again = read_calendar(data, plan)
    assert [i for i in again if i.takes] == []
    assert all(i.action is Action.SAME or "agenda" in i.reason for i in again)
    empty = replace(plan, activities=[])
    incoming = read_calendar(data, empty)
    result = apply_import(empty, incoming, "r", "c")
    assert not plan_problems(result.plan)
    assert _occurrences(result.plan) == _occurrences(plan)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_import_refuses_a_pipe_instead_of_waiting_for_it(tmp_path, capsys):
    fifo = tmp_path / "calendar.ics"
    os.mkfifo(fifo)
    code, _out, err, copy = imported(tmp_path, capsys, ics=fifo)
    assert code == 2 and "not a calendar file: a folder, a device or a pipe" in err
    assert copy.read_bytes() == PLAN_2022.read_bytes()


@pytest.mark.parametrize("until", ["2022-03-31", "20220331T100000Z", "2022-03-31T10:00:00Z"])
def test_an_until_written_otherwise_is_exported_as_a_day(until):
    """A rule's UNTIL written with dashes or a time stopped the .ics export with a
    traceback from icalendar; it is the day, as RFC 5545 writes it."""
    from aarshjul.model.recurrence import describe

    source = load_plan(PLAN_2022)
    first = source.activities[0]
    series = replace(first, rrule=f"FREQ=WEEKLY;UNTIL={until}", start=D(2022, 1, 3), end=None)
    plan = replace(source, activities=(series,))
    calendar = icalendar.Calendar.from_ical(to_ics(plan))
    rules = [str(e.get("rrule").to_ical(), "ascii") for e in calendar.walk("VEVENT")]
    assert rules == ["FREQ=WEEKLY;UNTIL=20220328"]  # (the last Monday on or before it)
    assert describe(series.rrule).endswith("until 2022-03-31")


def test_only_a_web_or_mail_link_becomes_the_events_url():
    """A link of any text (line breaks in it) stopped the .ics export with icalendar's
    ValueError; a calendar's URL is a web or mail address, as the details open."""
    source = load_plan(PLAN_2022)
    first = source.activities[0]
    plan = replace(
        source,
        activities=(
            replace(first, id="a", link="a\nb\nc"),
            replace(first, id="b", link=" https://eksempel.dk/møde "),
            replace(first, id="c", link="file:///etc/passwd"),
        ),
    )
    calendar = icalendar.Calendar.from_ical(to_ics(plan))
    urls = {str(e.get("x-aarshjul-id")): e.get("url") for e in calendar.walk("VEVENT")}
    assert urls == {"a": None, "b": "https://eksempel.dk/møde", "c": None}


def test_control_characters_are_left_out_of_the_calendar():
    """RFC 5545 allows no control character in TEXT; a plan file can hold them written
    as escapes (\\u0007), and they went into the .ics as they were."""
    source = load_plan(PLAN_2022)
    first = source.activities[0]
    odd = replace(first, description="før\x00efter \x1b[31mrød\x07\ttab\nlinje", owner="A\x00B")
    data = to_ics(replace(source, activities=(odd,)))
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data)
    event = next(iter(icalendar.Calendar.from_ical(data).walk("VEVENT")))
    assert str(event.get("description")).startswith("førefter [31mrød\ttab\nlinje")
