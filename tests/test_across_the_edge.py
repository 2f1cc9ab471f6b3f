"""A phase may run across the wheel's edge (a summer holiday across the school year's
end): it is valid, drawn up to the edge with a mark that it goes on, listed and
printed with its real dates, and kept whole by rollover."""

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul import cli
from aarshjul.geometry import continue_arrows, layout, to_polar
from aarshjul.model import Activity, PlanError, dumps_plan, load_plan, loads_plan
from aarshjul.model.rollover import rollover
from aarshjul.render.printout import Printout, handout_blocks

from .conftest import ROOT

D = dt.date
SCHOOL = ROOT / "docs" / "examples" / "school-2025.toml"


@pytest.fixture
def school():
    return load_plan(SCHOOL)


def test_the_summer_holiday_across_the_school_years_end_is_valid_and_whole(school, capsys):
    summer = school.activity("sommer")
    assert (summer.start, summer.end) == (D(2026, 6, 27), D(2026, 8, 9))
    (occ,) = [o for o in school.occurrences() if o.activity.id == "sommer"]
    assert (occ.start, occ.end) == (D(2026, 6, 27), D(2026, 8, 9))  # real dates
    assert cli.main(["list", str(SCHOOL)]) == 0
    assert "2026-06-27 – 2026-08-09" in capsys.readouterr().out
    assert loads_plan(dumps_plan(school)) == school


def test_it_is_drawn_up_to_the_edge_with_a_mark_that_it_goes_on(school):
    wheel = layout(school, 1000, 560)
    (item,) = [i for i in wheel.items if i.occurrence.activity.id == "sommer"]
    assert item.angle1 == pytest.approx(360.0)
    assert item.continues == (False, True)
    (arrow,) = continue_arrows(item)
    assert len(arrow) == 3
    others = [i for i in wheel.items if not i.is_marker and i.occurrence.activity.id != "sommer"]
    assert all(i.continues == (False, False) for i in others)


def test_it_is_printed_with_its_real_dates(school, qapp):
    blocks = handout_blocks(Printout(school, school.occurrences(), D(2025, 8, 1)))
    text = " ".join(b.html for b in blocks)
    assert "27. juni 2026 – 9. august 2026" in text


def test_a_phase_begun_before_the_wheel_is_told_in_its_first_month(school, qapp):
    summer = Activity(
        "sommer25", "Sommerferie 2025", "ferier", "ferie", D(2025, 6, 28), D(2025, 8, 10)
    )
    school = replace(school, activities=(*school.activities, summer))
    (occ,) = [o for o in school.occurrences() if o.activity.id == "sommer25"]
    assert occ.start == D(2025, 6, 28)
    wheel = layout(school, 1000, 560)
    (item,) = [i for i in wheel.items if i.occurrence.activity.id == "sommer25"]
    assert item.angle0 == 0.0 and item.continues == (True, False)
    blocks = handout_blocks(Printout(school, school.occurrences(), D(2025, 8, 1)))
    august = next(k for k, b in enumerate(blocks) if "August 2025" in b.html)
    assert "Sommerferie 2025" in blocks[august + 1].html
    assert "28. juni 2025 – 10. august 2025" in blocks[august + 1].html


def test_rollover_keeps_it_whole(school):
    new = rollover(school, 2026)
    summer = new.activity("sommer")
    assert (summer.start, summer.end) == (D(2027, 6, 27), D(2027, 8, 9))


def test_a_phase_wholly_outside_the_wheel_is_still_an_error(school):
    text = dumps_plan(school).replace("end = 2026-08-09", "end = 2026-08-09\n", 1)
    text = text.replace("start = 2026-06-27", "start = 2026-08-02", 1)
    with pytest.raises(PlanError, match="wholly outside the wheel's twelve months"):
        loads_plan(text)


@settings(max_examples=30, deadline=None)
@given(days=st.integers(0, 40), both=st.booleans())
def test_the_arrows_that_say_it_goes_on_stay_on_the_phase(days, both):
    """However few of its days are on the wheel, the arrows stay within the phase
    (one found sticking out of a phase of three days at the year's end, over
    the days before it), and two arrows do not meet."""
    school = load_plan(SCHOOL)
    last = school.last_day
    start = school.start - dt.timedelta(days=5) if both else last - dt.timedelta(days=days)
    end = last + dt.timedelta(days=20)
    long = Activity("lang", "Lang", "ferier", "ferie", start, end)
    school = replace(school, activities=(*school.activities, long))
    wheel = layout(school, 1000, 560)
    (item,) = [i for i in wheel.items if i.occurrence.activity.id == "lang"]
    assert item.continues == (both, True)
    length = item.angle1 - item.angle0
    spans = []
    for arrow in continue_arrows(item):
        turned = [(to_polar(x, y)[1] - item.angle0) % 360.0 for x, y in arrow]
        turned = [0.0 if t > 359.999 else t for t in turned]  # (the start itself)
        assert all(t <= length + 1e-6 for t in turned)
        spans.append((min(turned), max(turned)))
    spans.sort()
    assert all(a[1] <= b[0] + 1e-6 for a, b in itertools.pairwise(spans))
