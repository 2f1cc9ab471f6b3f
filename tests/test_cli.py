"""The aarshjul command: validate, list, export, and the window's default plan."""

import json
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from aarshjul import cli
from aarshjul.i18n import set_language
from aarshjul.paths import shipped_plan

from .conftest import PLAN_2022, ROOT
from .helpers import plan_text


def test_validate_prints_a_one_line_summary(capsys):
    assert cli.main(["validate", str(PLAN_2022)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert "valid" in out and "16 activities" in out and "4 without a date" in out


def test_validate_reports_errors_without_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text(plan_text().replace("format = 1", "format = 9"), encoding="utf-8")
    assert cli.main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:1: format: this file has format 9")
    assert cli.main(["validate", str(tmp_path / "missing.toml")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    set_language("da")
    assert cli.main(["validate", str(tmp_path / "missing.toml")]) == 2
    assert (
        capsys.readouterr().err == f"{tmp_path / 'missing.toml'}: filen eller mappen findes ikke\n"
    )


def test_list_prints_occurrences_in_date_order_unscheduled_last(capsys):
    assert cli.main(["list", str(PLAN_2022)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 22
    assert lines[0].startswith("2022-01-01 – 2022-03-31")
    assert lines[-1].startswith("no date yet") and "jobCAMP 22" in lines[-1]


def test_list_json(capsys):
    assert cli.main(["list", str(PLAN_2022), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 22
    for row in rows:
        assert {"id", "title", "ring", "category", "start", "end"} <= set(row)
    scheduled = [r for r in rows if r["start"] is not None]
    assert [r["start"] for r in scheduled] == sorted(r["start"] for r in scheduled)
    assert all(r["start"] is None and r["end"] is None for r in rows[len(scheduled) :])
    pool = [r for r in rows if r["id"] == "pulje"]
    assert [(r["start"], r["end"]) for r in pool] == [
        ("2022-03-31", "2022-03-31"),
        ("2022-06-30", "2022-06-30"),
        ("2022-09-30", "2022-09-30"),
        ("2022-12-31", "2022-12-31"),
    ]
    negotiation = next(r for r in rows if r["id"] == "budgetforhandling")
    assert (negotiation["start"], negotiation["end"]) == ("2022-08-01", "2022-10-31")


def test_export_png(tmp_path, capsys, qapp):
    out = tmp_path / "hjul.png"
    assert cli.main(["export", str(PLAN_2022), "--png", str(out), "--size", "800x600"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)


@pytest.mark.parametrize("size", ["big", "0x0", "100"])
def test_export_refuses_a_bad_size(tmp_path, size, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["export", str(PLAN_2022), "--png", str(tmp_path / "x.png"), "--size", size])
    assert info.value.code == 2
    assert "size" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_export_to_a_missing_folder_says_where(tmp_path, capsys, qapp):
    target = tmp_path / "nope" / "x.png"
    assert cli.main(["export", str(PLAN_2022), "--png", str(target)]) == 2
    assert str(target) in capsys.readouterr().err


def test_no_argument_opens_the_shipped_plan(monkeypatch):
    opened = []
    monkeypatch.setattr("aarshjul.ui.app.run", lambda path: opened.append(path) or 0)
    assert cli.main([]) == 0
    assert cli.main([str(PLAN_2022)]) == 0
    assert opened == [shipped_plan(), PLAN_2022]
    assert shipped_plan().read_bytes() == PLAN_2022.read_bytes()


def test_the_installed_command_runs_without_a_display(tmp_path):
    """The console entry point, as a user runs it, from another folder."""
    script = ROOT / ".venv" / "bin" / "aarshjul"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "aarshjul"]
    env = {"PATH": "/usr/bin:/bin", "AARSHJUL_LANG": "da", "HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*command, *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60
        )

    result = run("validate", str(PLAN_2022))
    assert result.returncode == 0, result.stderr
    assert "gyldig" in result.stdout
    out = tmp_path / "w.png"
    result = run("export", str(PLAN_2022), "--png", str(out), "--size", "400x400")
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000
    broken = tmp_path / "b.toml"
    broken.write_text("format = 1\n[plan\n", encoding="utf-8")
    result = run("validate", str(broken))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    # the window with no screen, or one named that no server answers: our sentence,
    # Qt's words under it, exit status 2 (an abort is -6)
    for display, said in (
        (None, "hverken DISPLAY eller WAYLAND_DISPLAY er sat"),
        (":97", "DISPLAY=:97"),
    ):
        if display:
            env["DISPLAY"] = display
        window = run(str(PLAN_2022))
        assert window.returncode == 2
        assert window.stderr.startswith("aarshjul: vinduet kan ikke åbne: ingen skærm svarer")
        assert f"({said})" in window.stderr and window.stderr.splitlines()[1].startswith("  ")
        assert "Traceback" not in window.stderr
    assert result.stderr.startswith(f"{broken}:2: ikke gyldig TOML")


def test_a_closed_pipe_ends_list_quietly(tmp_path):
    """`aarshjul list big.toml | head -1`: no message, exit 0, as other Unix tools."""
    import datetime as dt

    from aarshjul.model import Activity, Category, Plan, Ring, save_plan

    activities = tuple(
        Activity(
            f"a{k}",
            f"A rather long title number {k}",
            "r",
            "c",
            dt.date(2024, 1, 1) + dt.timedelta(days=k % 366),
        )
        for k in range(4000)
    )
    plan = Plan(
        "Big",
        dt.date(2024, 1, 1),
        rings=(Ring("r", "R"),),
        categories=(Category("c", "C", "#336699"),),
        activities=activities,
    )
    path = tmp_path / "big.toml"
    save_plan(plan, path)
    run = subprocess.Popen(
        [sys.executable, "-m", "aarshjul", "list", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert run.stdout is not None and run.stderr is not None
    assert run.stdout.readline()
    run.stdout.close()  # the reader goes away, as `head -1` does
    error = run.stderr.read().decode()
    assert run.wait(timeout=60) == 0
    assert error == ""


def test_one_parser_reads_a_plan_alone_and_every_command(monkeypatch, capsys):
    opened = []
    monkeypatch.setattr(cli, "_gui", lambda path: opened.append(path) or 0)
    assert cli.main([str(PLAN_2022)]) == 0
    assert cli.main(["--lang", "en", str(PLAN_2022)]) == 0
    assert cli.main([]) == 0
    assert cli.main(["open", str(PLAN_2022)]) == 0
    assert opened == [PLAN_2022, PLAN_2022, None, PLAN_2022]
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "validate" in capsys.readouterr().out  # the one help names every command
    # a plan alone, or nothing, is read without the parser: as the parser reads it
    for arguments in ([], [str(PLAN_2022)], ["plan with spaces.toml"], [""]):
        read = cli._parser().parse_args(cli._with_command(arguments))
        assert cli._plain_open(arguments) == (read.plan,)
    for arguments in (["--lang", "en"], ["validate"], ["-h"], ["a.toml", "b.toml"]):
        assert cli._plain_open(arguments) is None


def test_rollover_years_have_one_source_for_the_command_line_and_the_dialog(qapp, tmp_path, capsys):
    from aarshjul.model import load_plan
    from aarshjul.model.rollover import rollover_years
    from aarshjul.ui.rollover_dialog import RolloverDialog

    plan = load_plan(PLAN_2022)
    years = rollover_years(plan)
    dialog = RolloverDialog(plan)
    assert (dialog.year_box.minimum(), dialog.year_box.maximum()) == (years[0], years[-1])
    out = tmp_path / "x.toml"
    assert cli.main(["rollover", str(PLAN_2022), "--year", str(years[-1] + 1), "-o", str(out)]) == 2
    assert f"choose from {years[0]} to {years[-1]}" in capsys.readouterr().err
    assert cli.main(["rollover", str(PLAN_2022), "--year", str(years[-1]), "-o", str(out)]) == 0


def test_no_command_writes_over_its_own_input(tmp_path, capsys):
    plan = tmp_path / "P.toml"
    plan.write_bytes(PLAN_2022.read_bytes())
    assert cli.main(["export", str(plan), "--pdf", str(plan)]) == 2
    assert "is the plan being read" in capsys.readouterr().err
    assert cli.main(["rollover", str(plan), "--year", "2023", "-o", str(plan), "--force"]) == 2
    assert plan.read_bytes() == PLAN_2022.read_bytes()


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--help"], "brug: aarshjul [PLAN] | aarshjul COMMAND …"),
        (["export", "--help"], "brug: aarshjul export [-h]"),
        (["validate"], "aarshjul validate: fejl: disse argumenter mangler: PLAN"),
        (["validate", "a.toml", "b.toml"], "aarshjul: fejl: ukendte argumenter: b.toml"),
        (["--lang"], "aarshjul: fejl: argument --lang: kræver én værdi"),
        (["--lang", "xx"], "argument --lang: ugyldigt valg: 'xx' (vælg mellem 'da', 'en')"),
        (["export", "P.toml", "--landscape=1"], "argument --landscape: tager ingen værdi"),
    ],
)
def test_the_parser_speaks_danish_and_names_the_command(capsys, arguments, said):
    """Help and argument errors in the program's language, argparse's own words too,
    with the command named as it is typed ("aarshjul export"); argparse is left as it
    was found."""
    import argparse

    found = vars(argparse)["_"], vars(argparse)["ngettext"]
    set_language("da")
    with pytest.raises(SystemExit) as info:
        cli.main(arguments)
    out, err = capsys.readouterr()
    assert said in out + err
    assert info.value.code == (0 if "--help" in arguments else 2)
    for english in ("usage:", "error:", "positional arguments", "options:", "show this help"):
        assert english not in out + err
    assert "COMMAND … export" not in out + err
    assert (vars(argparse)["_"], vars(argparse)["ngettext"]) == found


def test_an_export_says_what_found_no_room_in_the_picture(tmp_path, capsys, qapp):
    small, large = tmp_path / "small.png", tmp_path / "large.svg"
    assert cli.main(["export", str(PLAN_2022), "--png", str(small), "--size", "400x300"]) == 0
    err = capsys.readouterr().err
    assert f"{small}: the list of activities without a date (4) is not in the picture" in err
    assert "400×300 has no room" in err and small.exists()
    assert cli.main(["export", str(PLAN_2022), "--svg", str(large), "--size", "800x600"]) == 0
    assert capsys.readouterr().err == ""


def test_an_export_says_how_many_numbers_its_list_has_no_room_for(tmp_path, capsys, qapp):
    crowded = ROOT / "docs" / "examples" / "crowded-2024.toml"
    out = tmp_path / "small.png"
    assert cli.main(["export", str(crowded), "--png", str(out), "--size", "800x600"]) == 0
    err = capsys.readouterr().err
    assert "of the numbers on the wheel are not in the list beside it" in err
    assert cli.main(["export", str(crowded), "--png", str(out), "--size", "1366x768"]) == 0
    assert capsys.readouterr().err == ""
