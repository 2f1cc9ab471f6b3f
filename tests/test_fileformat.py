"""The TOML plan file: round trip, deterministic saving, and every validation error."""

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest

from aarshjul.model import PlanError, dumps_plan, load_plan, loads_plan, save_plan
from aarshjul.model.fileformat import FORMAT_VERSION

from .conftest import PLAN_2022
from .helpers import PHASE, plan_text

D = dt.date


def error_of(text: str) -> PlanError:
    with pytest.raises(PlanError) as info:
        loads_plan(text, "plan.toml")
    return info.value


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_load_save_load_gives_an_equal_plan_and_the_same_bytes(tmp_path):
    plan = load_plan(PLAN_2022)
    out = tmp_path / "copy.toml"
    save_plan(plan, out)
    assert load_plan(out) == plan
    first = out.read_bytes()
    save_plan(load_plan(out), out)
    assert out.read_bytes() == first


def test_the_shipped_plan_is_kept_in_the_form_the_program_writes(plan_2022_text):
    assert dumps_plan(loads_plan(plan_2022_text)) == plan_2022_text


def test_saved_file_has_one_table_per_item_in_a_stable_order():
    text = dumps_plan(loads_plan(plan_text(PHASE + PHASE.replace("a1", "a2"))))
    headers = [line for line in text.splitlines() if line.startswith("[")]
    assert headers == [
        "[plan]",
        "[[rings]]",
        "[[rings]]",
        "[[categories]]",
        "[[categories]]",
        "[[activities]]",
        "[[activities]]",
    ]
    assert text.startswith(f"format = {FORMAT_VERSION}\n")
    assert "start = 2022-04-01\n" in text  # a native TOML date, not a string


def test_multiline_description_and_quotes_survive_a_round_trip():
    text = plan_text(
        PHASE
        + 'description = """Linje ét\nLinje "to" \\\\ æøå"""\nlink = "https://x.dk/?a=1&b=2"\n'
    )
    plan = loads_plan(text)
    assert plan.activities[0].description == 'Linje ét\nLinje "to" \\ æøå'
    again = loads_plan(dumps_plan(plan))
    assert again == plan


def test_deadline_and_unscheduled_activities_round_trip():
    text = plan_text(
        """
        [[activities]]
        id = "d"
        title = "Deadline"
        ring = "r2"
        category = "c2"
        date = 2022-06-30
        rrule = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"
        owner = "Sekretariatet"

        [[activities]]
        id = "u"
        title = "Some day"
        ring = "r1"
        category = "c1"
        """
    )
    plan = loads_plan(text)
    deadline, unscheduled = plan.activities
    assert (deadline.start, deadline.end, deadline.owner) == (
        dt.date(2022, 6, 30),
        None,
        "Sekretariatet",
    )
    assert unscheduled.start is None and unscheduled.end is None
    assert loads_plan(dumps_plan(plan)) == plan


def test_locale_defaults_to_danish():
    assert loads_plan(plan_text()).locale == "da"


# -- each validation error names the place, the line and what is wrong ----------


def test_toml_syntax_error_names_the_line():
    text = plan_text(PHASE).replace('title = "Phase"', 'title = "Phase')
    err = error_of(text)
    assert len(err.problems) == 1
    assert err.problems[0].line == line_of(text, 'title = "Phase')
    assert str(err).startswith(f"plan.toml:{err.problems[0].line}: not valid TOML")


def test_unknown_key_suggests_the_right_one():
    text = plan_text(PHASE.replace('title = "Phase"', 'titel = "Phase"'))
    messages = str(error_of(text))
    assert (
        f"plan.toml:{line_of(text, 'titel')}: activities[0].titel: unknown key 'titel' (did you mean 'title'?)"
        in messages
    )
    assert "activities[0]: missing key 'title'" in messages


def test_missing_key():
    text = plan_text(PHASE.replace('category = "c1"\n', ""))
    err = error_of(text)
    assert [p.where for p in err.problems] == ["activities[0]"]
    assert "missing key 'category'" in str(err)
    assert err.problems[0].line == line_of(text, "[[activities]]")


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            'title = "Phase"',
            "title = 7",
            "activities[0].title",
            "expected text, got a whole number",
        ),
        (
            "start = 2022-04-01",
            'start = "2022-04-01"',
            "activities[0].start",
            "expected a date (YYYY-MM-DD), got text",
        ),
        (
            "start = 2022-04-01",
            "start = 2022-04-01T10:00:00",
            "activities[0].start",
            "expected a date (YYYY-MM-DD), got a date and time",
        ),
        ('ring = "r1"', "ring = true", "activities[0].ring", "expected text, got true or false"),
    ],
)
def test_wrong_types(old, new, where, message):
    text = plan_text(PHASE.replace(old, new))
    err = error_of(text)
    problem = next(p for p in err.problems if p.where == where)
    assert problem.message == message
    assert problem.line == line_of(text, new)


def test_wrong_type_of_a_whole_section():
    err = error_of(plan_text().replace("[plan]\n", "plan = 3\n[x]\n"))
    assert any(p.where == "plan" and "expected a table" in p.message for p in err.problems)


def test_unknown_ring_and_category():
    text = plan_text(
        PHASE.replace('ring = "r1"', 'ring = "r3"').replace('category = "c1"', 'category = "c11"')
    )
    messages = str(error_of(text))
    line = line_of(text, 'ring = "r3"')
    assert f":{line}: activities[0].ring: no ring has the id 'r3'" in messages
    assert "activities[0].category: no category has the id 'c11' (did you mean 'c1'?)" in messages


def test_duplicate_ids():
    text = plan_text(PHASE + PHASE)
    err = error_of(text)
    assert [(p.where, p.message) for p in err.problems] == [
        ("activities[1].id", "duplicate id 'a1'")
    ]
    assert (
        err.problems[0].line
        == [n for n, line in enumerate(text.splitlines(), 1) if line == 'id = "a1"'][1]
    )
    dup_ring = plan_text().replace('id = "r2"', 'id = "r1"')
    assert "rings[1].id: duplicate id 'r1'" in str(error_of(dup_ring))


def test_end_before_start_is_refused_not_swapped():
    text = plan_text(PHASE.replace("end = 2022-05-31", "end = 2022-03-01"))
    err = error_of(text)
    assert (
        str(err)
        == f"plan.toml:{line_of(text, 'end = 2022-03-01')}: activities[0].end: the end 2022-03-01 is before the start 2022-04-01"
    )


def test_dates_outside_the_wheels_twelve_months():
    """A phase across the wheel's edge is valid; one wholly outside it, or a deadline
    outside it, is not."""
    across = loads_plan(plan_text(PHASE.replace("end = 2022-05-31", "end = 2023-01-15")))
    assert across.activities[0].end == D(2023, 1, 15)
    assert [(o.start, o.end) for o in across.occurrences()] == [(D(2022, 4, 1), D(2023, 1, 15))]
    school = plan_text(PHASE, start="2022-08-01")
    assert (
        "activities[0].end: 2022-04-01 to 2022-05-31 lies wholly outside the wheel's twelve months (2022-08-01 to 2023-07-31)"
        in str(error_of(school))
    )
    deadline = plan_text(PHASE.replace("start = 2022-04-01\nend = 2022-05-31", "date = 2023-02-01"))
    assert "2023-02-01 lies outside the wheel's twelve months" in str(error_of(deadline))


def test_invalid_rrule():
    text = plan_text(PHASE + 'rrule = "FREQ=FORTNIGHTLY"\n')
    err = error_of(text)
    assert err.problems[0].where == "activities[0].rrule"
    assert err.problems[0].message.startswith("invalid RRULE 'FREQ=FORTNIGHTLY': ")
    assert err.problems[0].line == line_of(text, "rrule")


def test_rrule_whose_dates_miss_the_start():
    text = plan_text(PHASE + 'rrule = "FREQ=MONTHLY;BYMONTHDAY=15"\n')
    assert "activities[0].rrule: the first date 2022-04-01 is not one of the rule's dates" in str(
        error_of(text)
    )


def test_rrule_needs_a_date():
    text = plan_text(
        PHASE.replace("start = 2022-04-01\nend = 2022-05-31\n", "") + 'rrule = "FREQ=WEEKLY"\n'
    )
    assert "a recurring activity needs a 'date' or 'start'" in str(error_of(text))


@pytest.mark.parametrize("color", ["blue", "#12345", "#12345g", "1f77b4"])
def test_invalid_colour(color):
    text = plan_text().replace('"#1f77b4"', f'"{color}"')
    err = error_of(text)
    assert err.problems[0].where == "categories[0].color"
    assert (
        err.problems[0].message
        == f"'{color}' is not a colour: write it as #rrggbb, for example #1f77b4"
    )
    assert err.problems[0].line == line_of(text, f'"{color}"')


def test_newer_format_is_refused_with_advice():
    err = error_of(plan_text().replace("format = 1", "format = 2"))
    assert (
        str(err)
        == "plan.toml:1: format: this file has format 2, but this version of Årshjul reads format 1 at most: update Årshjul"
    )


def test_phase_with_start_but_no_end_and_date_with_start():
    half = plan_text(PHASE.replace("end = 2022-05-31\n", ""))
    assert "a phase needs both 'start' and 'end' (missing 'end')" in str(error_of(half))
    both = plan_text(PHASE + "date = 2022-04-02\n")
    assert "give either 'date' (a single day) or 'start' and 'end' (a phase), not both" in str(
        error_of(both)
    )


def test_every_problem_is_reported_at_once():
    text = plan_text(PHASE.replace('ring = "r1"', 'ring = "nope"') + 'colour = "red"\n').replace(
        "#e69f00", "orange"
    )
    err = error_of(text)
    assert len(err.problems) == 3
    assert all(p.line is not None for p in err.problems)


def test_errors_speak_danish_when_asked():
    from aarshjul import i18n

    i18n.set_language("da")
    text = plan_text(PHASE.replace("end = 2022-05-31", "end = 2022-03-01"))
    assert "activities[0].end: slutningen 2022-03-01 ligger før starten 2022-04-01" in str(
        error_of(text)
    )


def test_load_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(plan_text(PHASE.replace("r1", "zz", 1)), encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(path)
    assert str(info.value).startswith(f"{path}:")
    with pytest.raises(PlanError, match="no such file or folder"):
        load_plan(tmp_path / "missing.toml")
    (tmp_path / "latin1.toml").write_bytes('title = "\xe6"'.encode("latin-1"))
    with pytest.raises(PlanError, match="not UTF-8"):
        load_plan(tmp_path / "latin1.toml")


# -- saving never leaves half a file --------------------------------------------


def test_a_failed_save_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.toml"
    target.write_text(plan_text(PHASE), encoding="utf-8")
    before = target.read_bytes()
    plan = replace(loads_plan(before.decode()), title="Changed")

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="No space left"):
        save_plan(plan, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_save_keeps_the_files_permissions(tmp_path):
    target = tmp_path / "plan.toml"
    target.write_text(plan_text(PHASE), encoding="utf-8")
    target.chmod(0o640)
    save_plan(loads_plan(target.read_text()), target)
    assert target.stat().st_mode & 0o777 == 0o640


def test_saving_into_a_missing_folder_names_the_target(tmp_path):
    with pytest.raises(OSError) as info:
        save_plan(loads_plan(plan_text()), tmp_path / "no" / "plan.toml")
    assert info.value.filename == str(Path(tmp_path / "no" / "plan.toml"))


def test_the_documented_example_is_a_valid_plan_in_the_written_form():
    doc = (PLAN_2022.parent.parent / "docs" / "plan-format.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    plan = loads_plan(example, "plan-format.md")
    assert plan.start == dt.date(2024, 8, 1) and plan.last_day == dt.date(2025, 7, 31)
    assert [a.kind.value for a in plan.activities] == [
        "phase",
        "deadline",
        "deadline",
        "deadline",
        "deadline",
        "deadline",
        "unscheduled",
    ]
    talks = [o.start for o in plan.occurrences() if o.activity.id.startswith("trivselssamtale")]
    assert dt.date(2024, 12, 5) not in talks and dt.date(2024, 12, 12) in talks
    agenda = next(o for o in plan.occurrences() if o.derived_from == "bestyrelsesmoede-oktober")
    assert agenda.start == dt.date(2024, 10, 2)  # four working days before Tuesday 8 October
    assert [o.start for o in plan.occurrences_of(plan.activity("kvartalsregnskab"))] == [
        dt.date(2024, 9, 30),
        dt.date(2024, 12, 31),
        dt.date(2025, 3, 31),
        dt.date(2025, 6, 30),
    ]
    assert plan.activity("budgetlaegning").description.startswith("Bestyrelsen drøfter")


def test_ids_may_hold_any_letters_and_keep_the_rest_of_the_rule():
    """Danish ids such as 'forældremøder' are letters like any other."""
    text = plan_text(PHASE.replace('id = "a1"', 'id = "forældremøder-2025.1"'))
    plan = loads_plan(text)
    assert plan.activities[0].id == "forældremøder-2025.1"
    assert loads_plan(dumps_plan(plan)) == plan
    for bad in ("-start", "_under", "med mellemrum", "a/b"):
        err = error_of(plan_text(PHASE.replace('id = "a1"', f'id = "{bad}"')))
        assert f"'{bad}' is not a valid id" in str(err)
    err = error_of(plan_text(PHASE.replace('id = "a1"', 'id = "a1\\n"')))
    assert "is not a valid id" in str(err)  # no newline slips through at the end


def test_a_save_writes_through_a_symlink_and_refuses_a_read_only_file(tmp_path):
    shared = tmp_path / "shared" / "plan.toml"
    shared.parent.mkdir()
    save_plan(loads_plan(plan_text()), shared)
    link = tmp_path / "mine.toml"
    link.symlink_to(shared)
    plan = loads_plan(plan_text(PHASE))
    save_plan(plan, link)
    assert link.is_symlink()  # still a link, and the shared file has the change
    assert loads_plan(shared.read_text(encoding="utf-8")) == plan
    shared.chmod(0o444)
    with pytest.raises(OSError, match="read-only"):
        save_plan(loads_plan(plan_text()), link)
    assert loads_plan(shared.read_text(encoding="utf-8")) == plan


def test_a_save_clears_temporary_files_a_crash_left_behind(tmp_path):
    target = tmp_path / "plan.toml"
    save_plan(loads_plan(plan_text()), target)
    old = tmp_path / ".plan.toml.abc123.aarshjul.tmp"
    old.write_text("half a plan")
    young = tmp_path / ".plan.toml.def456.aarshjul.tmp"
    young.write_text("another save under way")
    os.utime(old, (0, 0))
    save_plan(loads_plan(plan_text(PHASE)), target)
    assert not old.exists() and young.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [young.name, "plan.toml"]


@pytest.mark.parametrize(
    ("text", "danish"),
    [
        ("[plan]\ntitle = 'a'\n[plan]\n", "3: ikke gyldig TOML: [plan] står to gange (kolonne 6)"),
        ("x = [1, 2\n", "ikke gyldig TOML: en liste lukkes ikke (']' mangler) (i slutningen"),
        ("x = 1 2\n", "1: ikke gyldig TOML: linjen fortsætter efter værdien (kolonne 7)"),
        ("= 1\n", "1: ikke gyldig TOML: ugyldig linje (kolonne 1)"),
        ("x = {a = 1, a = 2}\n", "ikke gyldig TOML: nøglen 'a' står to gange i en tabel på én"),
    ],
)
def test_the_toml_parsers_reasons_are_said_in_danish(text, danish):
    """tomli says why in English; the user reads it in the program's language, with
    the line and column, and a table's key as the file writes it."""
    from aarshjul import i18n

    i18n.set_language("da")
    with pytest.raises(PlanError) as info:
        loads_plan(text, "p.toml")
    assert danish in str(info.value)


def test_a_toml_message_no_pattern_knows_passes_as_it_is():
    from aarshjul.model.toml_errors import MESSAGES, said

    assert said("Something new in a later tomli") == "Something new in a later tomli"
    assert said("Cannot declare ('a', 'b') twice") == "Cannot declare [a.b] twice"
    assert len(set(MESSAGES)) == len(MESSAGES)
