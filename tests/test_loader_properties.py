"""The loader, fed anything, raises nothing but its own PlanError; a valid plan comes
back from save and load unchanged."""

import contextlib
import datetime as dt
import string
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aarshjul.model import (
    Activity,
    Category,
    Plan,
    PlanError,
    Ring,
    dumps_plan,
    load_plan,
    loads_plan,
)
from aarshjul.model.fileformat import ACTIVITY_KEYS

from .conftest import PLAN_2022

D = dt.date
SOURCE = PLAN_2022.read_text(encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_plan_errors(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "plan.toml"
    path.write_bytes(data)
    with contextlib.suppress(PlanError):
        load_plan(path)


def mutations():
    """The shipped plan with a piece cut, repeated or replaced: mostly nearly valid TOML."""
    return st.tuples(
        st.integers(0, len(SOURCE)),
        st.integers(0, 60),
        st.text(alphabet=string.printable + "æøå[]{}=\"'#", max_size=30),
    ).map(lambda t: SOURCE[: t[0]] + t[2] + SOURCE[t[0] + t[1] :])


@settings(max_examples=400, deadline=None)
@given(mutations())
def test_nearly_valid_plans_raise_only_plan_errors(text):
    with contextlib.suppress(PlanError):
        loads_plan(text)


TEXT = st.text(alphabet=string.ascii_letters + "æøåÆØÅ -.,:!?'\"\\\n\t\u201c\u201d", max_size=40)


@st.composite
def plans(draw) -> Plan:
    start = D(draw(st.integers(1990, 2090)), draw(st.sampled_from([1, 8])), 1)
    plan = Plan(
        draw(TEXT.filter(lambda t: t.strip())),
        start,
        organisation=draw(TEXT),
        locale=draw(st.sampled_from(["da", "en_GB", "en"])),
        agenda_days=draw(st.integers(0, 30)),
        rings=[Ring("r", draw(TEXT.filter(str.strip)))],
        categories=[
            Category(
                "c", draw(TEXT.filter(str.strip)), draw(st.sampled_from(["#336699", "#abcdef"]))
            )
        ],
    )
    for k in range(draw(st.integers(0, 8))):
        first = start + dt.timedelta(days=draw(st.integers(0, plan.days - 1)))
        kind = draw(st.sampled_from(["phase", "deadline", "none"]))
        plan = replace(
            plan,
            activities=(
                *plan.activities,
                Activity(
                    f"a{k}",
                    draw(TEXT.filter(str.strip)).strip() or f"A {k}",
                    "r",
                    "c",
                    None if kind == "none" else first,
                    first + dt.timedelta(days=draw(st.integers(0, 60)))
                    if kind == "phase"
                    else None,
                    description=draw(TEXT),
                    owner=draw(TEXT).strip(),
                    meeting=kind == "deadline" and draw(st.booleans()),
                ),
            ),
        )
    return plan


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_a_valid_plan_survives_save_and_load_unchanged(plan):
    text = dumps_plan(plan)
    again = loads_plan(text)
    assert again == plan
    assert dumps_plan(again) == text  # and saves to the same bytes


ACTIVITY_VALUES = st.one_of(
    st.sampled_from(["", " ", "a1", "A 1", "_x", "x y", "r", "c", "r2", "møde", "\t", "a" * 201]),
    st.text(max_size=12),
    st.just("t" * 501),
    st.dates(D(2021, 6, 1), D(2023, 6, 1)),
    st.datetimes(dt.datetime(2022, 1, 1), dt.datetime(2022, 12, 31)),
    st.booleans(),
    st.integers(-2, 2),
    st.lists(st.dates(D(2022, 1, 1), D(2022, 12, 31)), max_size=2),
)
ACTIVITY_TABLE_KEYS = st.sampled_from(
    ["id", "title", "ring", "category", "date", "start", "end", "meeting", "owner", "link",
     "description", "rrule", "series", "uid", "exdates", "colour", "Id"]
)  # fmt: skip


def _outcome(text):
    try:
        return loads_plan(text)
    except PlanError as exc:
        return [(p.where, p.message, p.line) for p in exc.problems]


@st.composite
def activity_tables(draw) -> dict:
    """An activity's table, mostly well formed, with a key or two set to anything or
    taken out: the tables on both sides of every check."""
    day = st.dates(D(2021, 12, 1), D(2023, 1, 31))
    table = {
        "id": draw(st.sampled_from(["a1", "a2", "æ-1"])),
        "title": draw(TEXT),
        "ring": draw(st.sampled_from(["r", "x", ""])),
        "category": "c",
    }
    kind = draw(st.sampled_from(["deadline", "phase", "none"]))
    if kind == "deadline":
        table["date"] = draw(day)
    elif kind == "phase":
        table["start"], table["end"] = draw(day), draw(day)
    for key, value in draw(
        st.lists(st.tuples(ACTIVITY_TABLE_KEYS, st.none() | ACTIVITY_VALUES), max_size=2)
    ):
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value
    return table


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(activity_tables(), max_size=4))
def test_activities_read_at_once_read_as_key_by_key(tables):
    """A well-formed activity is read at once (``_well_formed``): any table, well formed
    or not, gives the plan or the problems that reading it key by key gives."""
    assert_read_alike(tables)


def assert_read_alike(tables: list[dict]) -> None:
    import tomli_w

    from aarshjul.model import fileformat

    data = {
        "format": 1,
        "plan": {"title": "P", "start": D(2022, 1, 1)},
        "rings": [{"id": "r", "name": "R"}],
        "categories": [{"id": "c", "name": "C", "color": "#336699"}],
        "activities": tables,
    }
    text = tomli_w.dumps(data)
    at_once = _outcome(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fileformat, "_well_formed", lambda table, ids: None)
        key_by_key = _outcome(text)
    assert at_once == key_by_key


def test_every_key_set_to_each_kind_of_value_reads_as_key_by_key():
    """Each key of a well-formed deadline and phase set to each kind of value (or taken
    out), one at a time: reading at once gives what reading key by key gives."""
    values = [
        *["", " ", "a1", "_x", "x y", "r", "x", "c", "\t", "a" * 200, "a" * 201, "t" * 500],
        *["t" * 501, "FREQ=WEEKLY;COUNT=2", D(2022, 3, 1), D(2022, 2, 1), D(2030, 1, 1)],
        *[dt.datetime(2022, 3, 1, 12), True, 0, 1.5, [D(2022, 3, 8)], {"a": 1}, None],
    ]
    keys = [*ACTIVITY_KEYS, "colour"]
    deadline = {"id": "a1", "title": "T", "ring": "r", "category": "c", "date": D(2022, 3, 1)}
    phase = {**deadline, "start": D(2022, 3, 1), "end": D(2022, 3, 9)}
    del phase["date"]
    compared = 0
    for base in (deadline, phase):
        for key in keys:
            for value in values:
                table = {**base, key: value} if value is not None else dict(base)
                if value is None:
                    table.pop(key, None)
                assert_read_alike([table])
                assert_read_alike([base, table])  # (the same id twice, unless it is changed)
                compared += 1
    assert compared == 2 * len(keys) * len(values)
