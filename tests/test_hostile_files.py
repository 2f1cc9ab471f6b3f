"""Hostile and odd files are refused fast, with a message and exit status 2, never a
traceback; nothing waits on a pipe or a device."""

import os
import subprocess
import sys
import time

import pytest

from aarshjul import cli
from aarshjul.model import PlanError, load_plan, loads_plan
from aarshjul.model.rollover import rollover

from .conftest import PLAN_2022, ROOT
from .helpers import PHASE, plan_text


def refused_fast(path, capsys, expected: str) -> None:
    begin = time.perf_counter()
    assert cli.main(["validate", str(path)]) == 2
    assert time.perf_counter() - begin < 2.0
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err


def test_arrays_nested_thousands_deep(tmp_path, capsys):
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    refused_fast(path, capsys, "nested too deeply")


@pytest.mark.parametrize("start", ["9999-01-01", "0001-03-01"])
def test_plans_in_the_years_9999_and_1(tmp_path, capsys, start):
    text = plan_text(
        PHASE.replace("start = 2022-04-01\nend = 2022-05-31", f"date = {start}")
        + "meeting = true\n"
    ).replace("start = 2022-01-01", f"start = {start}")
    path = tmp_path / "years.toml"
    path.write_text(text, encoding="utf-8")
    refused_fast(path, capsys, "a plan starts in a year from 1900 to 2999")


def test_a_rule_that_never_gives_a_date_is_refused_at_once(tmp_path, capsys):
    text = plan_text(
        PHASE.replace("start = 2022-04-01\nend = 2022-05-31", "date = 2022-02-28")
        + 'rrule = "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31"\n'
    )
    path = tmp_path / "never.toml"
    path.write_text(text, encoding="utf-8")
    refused_fast(path, capsys, "never gives a date")


def test_rollover_of_a_rule_that_ends_in_9999(tmp_path):
    text = plan_text(
        PHASE.replace("start = 2022-04-01\nend = 2022-05-31", "date = 2022-03-01")
        + 'rrule = "FREQ=MONTHLY;UNTIL=99991231"\n'
    )
    plan = loads_plan(text)
    new = rollover(plan, 2023)  # no OverflowError
    assert new.start.year == 2023
    out = tmp_path / "next.toml"
    source = tmp_path / "plan.toml"
    source.write_text(text, encoding="utf-8")
    assert cli.main(["rollover", str(source), "--year", "2023", "-o", str(out)]) == 0


def test_a_huge_file_and_a_huge_title_are_refused_with_the_limit(tmp_path, capsys):
    big = tmp_path / "big.toml"
    big.write_bytes(plan_text().encode() + b"# " + b"x" * 20_100_000 + b"\n")
    refused_fast(big, capsys, "a plan is at most 20 MB")
    long = tmp_path / "long.toml"
    long.write_text(plan_text(PHASE.replace('"Phase"', '"' + "Å" * 2000 + '"')), "utf-8")
    refused_fast(long, capsys, "2000 characters is too long: at most 500")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_and_a_device_are_refused_not_waited_for(tmp_path, capsys):
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    refused_fast(fifo, capsys, "a folder, a device or a pipe")
    refused_fast("/dev/zero", capsys, "a folder, a device or a pipe")
    refused_fast(tmp_path, capsys, "a folder, a device or a pipe")


def test_a_byte_order_mark_is_read_as_nothing(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + PLAN_2022.read_bytes())
    assert load_plan(path).title == load_plan(PLAN_2022).title


def test_a_hostile_file_in_a_process_of_its_own_says_why_and_exits_2(tmp_path):
    """As a user runs it: a new process, no traceback (a RecursionError once)."""
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "aarshjul", "validate", str(deep)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    with pytest.raises(PlanError):
        load_plan(deep)


def test_three_hundred_daily_meetings_make_a_few_pages_not_thousands(tmp_path, qapp):
    """The handout lists a recurring activity once, with its rule and its dates."""
    from aarshjul.render.export import export_pdf

    text = plan_text(
        PHASE.replace("start = 2022-04-01\nend = 2022-05-31", "date = 2022-01-03")
        + 'rrule = "FREQ=DAILY;COUNT=300"\nmeeting = true\n'
    )
    plan = loads_plan(text)
    assert len(plan.occurrences()) > 500  # the meetings and their agenda markers
    begin = time.perf_counter()
    pages = export_pdf(plan, tmp_path / "meetings.pdf")
    assert pages <= 8
    assert time.perf_counter() - begin < 20


@pytest.mark.parametrize(
    "rule", ["FREQ=DAILY;BYYEARDAY=366;BYMONTH=1", "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6"]
)
def test_any_rule_without_a_date_is_refused_fast(tmp_path, capsys, rule):
    """Not only the kinds named: dateutil's search stops by the year 3010."""
    text = plan_text(
        PHASE.replace("start = 2022-04-01\nend = 2022-05-31", "date = 2022-01-03")
        + f'rrule = "{rule}"\n'
    )
    path = tmp_path / "never.toml"
    path.write_text(text, encoding="utf-8")
    refused_fast(path, capsys, "is not one of the rule's dates")
