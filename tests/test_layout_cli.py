"""`aarshjul layout --json`: what the window's wheel and the poster draw, audited."""

import json

import pytest

from aarshjul import cli
from aarshjul.model import load_plan

from .audit import audit
from .conftest import PLAN_2022, ROOT

EXAMPLES = ROOT / "docs" / "examples"
PLANS = {
    "2022": PLAN_2022,
    "school": EXAMPLES / "school-2025.toml",
    "english": EXAMPLES / "board-2026.toml",
    "crowded": EXAMPLES / "crowded-2024.toml",
}


def layout(capsys, *args: str) -> dict:
    assert cli.main(["layout", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_2022_wheel_at_laptop_size_names_all_22_occurrences(capsys):
    report = layout(capsys, str(PLAN_2022), "--size", "1000x560", "--today", "2022-05-03")
    assert report["unit"] == "px"
    assert len(report["items"]) == 22 == len(load_plan(PLAN_2022).occurrences())
    assert audit(report, 9) == []
    assert all(i["label"]["placement"] != "key" for i in report["items"])
    placements = {i["label"]["placement"] for i in report["items"]}
    assert {"arc", "outside"} <= placements
    cx, cy = report["centre"]
    assert (cx, cy) == pytest.approx((500, 280), abs=1)
    assert 240 < report["radius"] < 280
    assert report["today"]["lines"] == ["I dag · 3. maj"]


def test_the_2022_poster_on_a4_names_all_22_in_points(capsys):
    report = layout(capsys, str(PLAN_2022), "--paper", "A4", "--today", "2022-05-03")
    assert report["unit"] == "pt"
    assert len(report["items"]) == 22
    assert audit(report, 6) == []
    cx, cy = report["centre"]
    assert 0 < cx < 595 and 0 < cy < 842  # on the A4 page, in points
    assert min(i["label"]["font_size"] for i in report["items"]) >= 6


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize(
    "view",
    [
        ("--size", "1000x560"),
        ("--size", "1000x560", "--zoom", "quarter", "--period", "1"),
        ("--size", "1000x560", "--zoom", "quarter", "--period", "3"),
        ("--size", "1000x560", "--zoom", "month", "--period", "3"),
        ("--size", "1000x560", "--zoom", "month", "--period", "8"),
        ("--paper", "A4"),
        ("--paper", "A3", "--landscape"),
    ],
    ids=["year", "q1", "q3", "march", "august", "a4", "a3-landscape"],
)
def test_every_plan_and_view_names_everything_without_overlaps(capsys, name, view):
    report = layout(capsys, str(PLANS[name]), *view, "--today", "2025-03-10")
    minimum = 6 if "--paper" in view else 9
    assert audit(report, minimum) == []
    assert report["items"]


def test_zoomed_views_use_larger_type_than_the_year(capsys):
    plan = str(EXAMPLES / "school-2025.toml")
    year = layout(capsys, plan, "--size", "1000x560")
    quarter = layout(capsys, plan, "--size", "1000x560", "--zoom", "quarter", "--period", "2")
    size = lambda r: min(i["label"]["font_size"] for i in r["items"])  # noqa: E731
    assert size(quarter) > size(year)


def test_layout_refuses_a_period_out_of_range_and_a_zoomed_poster(capsys):
    assert cli.main(["layout", str(PLAN_2022), "--zoom", "quarter", "--period", "5"]) == 2
    assert "periods 1 to 4" in capsys.readouterr().err
    assert cli.main(["layout", str(PLAN_2022), "--paper", "A4", "--zoom", "month"]) == 2
    assert "whole year" in capsys.readouterr().err
