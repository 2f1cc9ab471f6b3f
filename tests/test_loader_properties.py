"""The loader, fed anything, raises nothing but its own PlanError; a valid plan comes
back from save and load unchanged."""

import contextlib
import datetime as dt
import string
from dataclasses import replace

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
