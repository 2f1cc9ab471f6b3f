"""File › New Plan…: an empty year of its own, saved and opened."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from aarshjul import i18n
from aarshjul.model import load_plan, loads_plan
from aarshjul.model.fileformat import dumps_plan
from aarshjul.model.new_plan import new_plan
from aarshjul.paths import shipped_plan
from aarshjul.ui.new_plan_dialog import NewPlanDialog, first_day_suggested

from .conftest import PLAN_2022

D = dt.date


@settings(max_examples=40, deadline=None)
@given(
    st.text(min_size=1, max_size=40).filter(str.strip),
    st.dates(D(1900, 1, 1), D(2999, 12, 31)),
    st.sampled_from(["da", "en_GB"]),
    st.booleans(),
)
def test_a_new_plan_is_a_valid_file_that_loads_as_made(title, start, locale, like):
    """Whatever the title, first day and language: saved, it loads as the plan made,
    with a ring and a category to put activities in and no activity yet."""
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in title):
        return  # (a title with control characters is refused by the file format)
    plan = new_plan(title, start, locale=locale, like=load_plan(PLAN_2022) if like else None)
    assert loads_plan(dumps_plan(plan)) == plan
    assert plan.rings and plan.categories and not plan.activities
    assert plan.start == start and plan.title == title.strip()


def test_the_starter_rings_speak_the_plans_language():
    danish = new_plan("Årshjul 2027", D(2027, 1, 1), locale="da")
    english = new_plan("Board 2027", D(2027, 1, 1), locale="en_GB")
    assert [r.name for r in danish.rings] == ["Møder og beslutninger", "Aktiviteter", "Frister"]
    assert [r.name for r in english.rings] == ["Meetings and decisions", "Activities", "Deadlines"]
    assert [r.id for r in danish.rings] == [r.id for r in english.rings]
    like = load_plan(PLAN_2022)
    copied = new_plan("Næste udvalg", D(2027, 8, 1), organisation=" Kommune ", like=like)
    assert (copied.rings, copied.categories) == (like.rings, like.categories)
    assert copied.agenda_days == like.agenda_days and copied.organisation == "Kommune"


@pytest.mark.parametrize(
    ("today", "first"), [(D(2026, 3, 2), D(2026, 1, 1)), (D(2026, 12, 3), D(2027, 1, 1))]
)
def test_the_first_day_suggested_is_the_coming_year_from_july(today, first):
    assert first_day_suggested(today) == first


def test_the_dialog_suggests_a_title_until_one_is_typed_and_says_what_is_missing(qapp):
    i18n.set_language("da")
    dialog = NewPlanDialog(None, D(2026, 12, 3))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.title_field.text() == "Årshjul 2027" and ok.isEnabled()
    assert not dialog.like_box.isEnabled()  # (no plan open to take rings from)
    dialog.start_field.setDate(dialog.start_field.date().addMonths(7))  # 1 August 2027
    assert dialog.title_field.text() == "Årshjul 2027/28"
    dialog.title_field.clear()
    assert not ok.isEnabled() and dialog.problem_label.text() == "Planen skal have en titel"
    dialog.title_field.setText("Skolebestyrelsen")
    dialog.title_field.setModified(True)  # (as typing it does)
    dialog.start_field.setDate(dialog.start_field.date().addYears(-200))
    assert "1900 til 2999" in dialog.problem_label.text() and not ok.isEnabled()
    dialog.start_field.setDate(dialog.start_field.date().addYears(200))
    assert dialog.title_field.text() == "Skolebestyrelsen" and ok.isEnabled()
    plan = dialog.plan()
    assert (plan.title, plan.start, plan.locale) == ("Skolebestyrelsen", D(2027, 8, 1), "da")


def test_new_plan_in_the_window_is_saved_and_opened(open_window, tmp_path, monkeypatch):
    window = open_window(today=D(2026, 12, 3))
    window.document.apply("edit", window.document.plan)  # unsaved work: asked about first
    asked = []
    monkeypatch.setattr(window, "maybe_save", lambda: asked.append(True) or True)
    monkeypatch.setattr(NewPlanDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    offered = []

    def save_name(_parent, _title, start, _filters, _selected):
        offered.append(start)
        return str(tmp_path / "udvalg"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert window.new_plan_dialog()
    assert asked and offered == [str(tmp_path / "2027.toml")]
    target = tmp_path / "udvalg.toml"
    assert window.document.path == target and not window.document.modified
    plan = window.document.plan
    assert load_plan(target) == plan and not plan.activities
    assert plan.rings == load_plan(PLAN_2022).rings  # as in the plan that was open
    assert window.wheel.layout_() is not None
    said = [window.upcoming.item(k).text() for k in range(window.upcoming.count())]
    assert said[-1] == "No activities yet: add one with New Activity."
    assert window.menuBar().actions()[0].menu().actions()[0] is window.new_action


def test_dialogs_do_not_start_in_the_shipped_plans_folder(open_window, tmp_path, monkeypatch):
    """From the shipped 2022 plan, Save As and New Year from This Plan offer the folder
    last used (here the test's), not the installation's."""
    window = open_window()  # (a copy of the 2022 plan in tmp_path opened first)
    assert window.open_path(shipped_plan())
    offered = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _p, _t, start, _f, _selected: offered.append(start) or ("", ""),
    )
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert not window.save_as()
    assert not window.rollover_dialog()
    assert offered == [str(tmp_path / "2022.toml"), str(tmp_path / "2023.toml")]
