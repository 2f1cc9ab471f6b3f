"""A plan that loads is the only plan that can be saved: every edit is checked by the
loader's rules before it is applied; a series that loses its rule asks what becomes of
its moved occurrences; random edits and undos always leave a plan that loads."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aarshjul.model import dumps_plan, edits, load_plan, loads_plan
from aarshjul.model.fileformat import plan_problems
from aarshjul.ui.editing import EditController, Scope

from .conftest import PLAN_2022

D = dt.date


def move_one_pool_deadline(window):
    """Detach the pool's March deadline, as a drag of one occurrence does."""
    controller = window.editor
    assert controller.apply(
        "Move one", lambda p: edits.detach_occurrence(p, "pulje", 0, days=-3)[0]
    )
    plan = window.document.plan
    (single,) = edits.moved_occurrences(plan, "pulje")
    return single


def test_taking_the_date_from_a_series_asks_about_its_moved_occurrences(open_window, monkeypatch):
    window = open_window()
    single = move_one_pool_deadline(window)
    asked = []
    monkeypatch.setattr(EditController, "ask_moved", lambda self, s: asked.append(s.id) or True)
    assert window.editor.unschedule("pulje")
    assert asked == ["pulje"]
    plan = window.document.plan
    kept = plan.activity(single.id)
    assert kept is not None and kept.series == ""  # an activity of its own now
    assert loads_plan(dumps_plan(plan)) == plan  # and the plan loads
    window.document.undo_stack.undo()
    monkeypatch.setattr(EditController, "ask_moved", lambda self, s: False)
    assert window.editor.unschedule("pulje")
    assert window.document.plan.activity(single.id) is None  # deleted, as chosen
    window.document.undo_stack.undo()
    monkeypatch.setattr(EditController, "ask_moved", lambda self, s: None)
    assert not window.editor.unschedule("pulje")  # cancelled: nothing changes


def test_an_edit_that_would_not_load_is_refused_with_the_reason(open_window):
    window = open_window()
    refused = []
    window.editor.refused.connect(refused.append)
    before = window.document.plan

    def breaks(plan):
        activity = plan.activity("strategi")
        return edits._with_activities(
            plan,
            [
                a if a.id != "strategi" else edits.replace(activity, series="nothing")
                for a in plan.activities
            ],
        )

    assert not window.editor.apply("Break it", breaks)
    assert window.document.plan is before
    assert refused and "no recurring activity has the id 'nothing'" in refused[0]


def test_retyping_a_rule_keeps_the_left_out_dates_that_are_still_its_own(open_window, qtbot):
    from aarshjul.ui.activity_dialog import ActivityDialog

    window = open_window()
    move_one_pool_deadline(window)
    plan = window.document.plan
    series = plan.activity("pulje")
    assert series.exdates == (D(2022, 3, 31),)
    dialog = ActivityDialog(plan, series, "Edit", window)
    qtbot.addWidget(dialog)
    dialog.repeat_box.setCurrentIndex(6)  # own rule, retyped
    dialog.rule_edit.setText(series.rrule.replace(";", " ;").replace(" ;", ";"))
    assert dialog.activity().exdates == (D(2022, 3, 31),)
    dialog.rule_edit.setText("FREQ=MONTHLY;BYMONTHDAY=-1")  # still holds 31 March
    assert dialog.activity().exdates == (D(2022, 3, 31),)
    dialog.rule_edit.setText("FREQ=MONTHLY;BYMONTHDAY=30")  # 31 March is none of its dates
    assert dialog.activity().exdates == ()


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["move", "resize", "detach", "unschedule", "schedule", "delete", "undo"]),
        st.sampled_from(
            [
                "strategi",
                "pulje",
                "budgetopfoelgning",
                "beskaeftigelsesplan",
                "jobcamp",
                "introduktion",
            ]
        ),
        st.integers(-40, 40),
    ),
    max_size=12,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(OPERATIONS)
def test_random_edits_and_undos_always_leave_a_plan_that_loads(
    open_window, monkeypatch, operations
):
    monkeypatch.setattr(EditController, "ask_moved", lambda self, s: True)
    monkeypatch.setattr(EditController, "ask_scope", lambda self, a, q: Scope.THIS)
    window = open_window()
    controller, stack = window.editor, window.document.undo_stack
    original = PLAN_2022.read_bytes()
    for name, activity_id, days in operations:
        plan = window.document.plan
        if name == "undo":
            stack.undo()
        elif name == "move":
            controller.apply("m", lambda p, a=activity_id, d=days: edits.move_activity(p, a, d))
        elif name == "resize":
            controller.apply(
                "r", lambda p, a=activity_id, d=days: edits.resize_activity(p, a, "end", d)
            )
        elif name == "detach" and plan.activity(activity_id) and plan.activity(activity_id).rrule:
            controller.apply(
                "d", lambda p, a=activity_id, d=days: edits.detach_occurrence(p, a, 1, d)[0]
            )
        elif name == "unschedule":
            controller.unschedule(activity_id)
        elif name == "schedule":
            controller.schedule(activity_id, D(2022, 6, 1) + dt.timedelta(days=days), None)
        elif name == "delete" and plan.activity(activity_id):
            controller.apply("x", lambda p, a=activity_id: edits.remove_activity(p, a))
        current = window.document.plan
        assert loads_plan(dumps_plan(current)) == current  # it loads, the same
    while stack.canUndo():
        stack.undo()
    assert dumps_plan(window.document.plan).encode() == original
    assert load_plan(PLAN_2022) == window.document.plan


BROKEN_FIELDS = st.sampled_from(
    [
        {"title": ""},
        {"ring": "no-such-ring"},
        {"category": "no-such-category"},
        {"id": "budgetforhandling"},  # another activity's id
        {"id": "not an id!"},
        {"series": "no-such-series"},
        {"rrule": "FREQ=NEVER"},
        {"start": D(2022, 5, 10), "end": D(2022, 5, 1)},
        {"start": D(1800, 1, 1), "end": None},
        {"title": "x" * 100_000},
        {"rrule": ""},  # a series' children lose their parent's rule
        {"title": "Nyt navn"},  # fine
        {"start": D(2022, 6, 1), "end": D(2022, 6, 9)},  # fine
    ]
)


@given(
    st.lists(st.tuples(st.integers(0, 10_000), BROKEN_FIELDS), min_size=1, max_size=3),
    st.integers(0, 2),
)
@settings(max_examples=150, deadline=None)
def test_checking_only_what_an_edit_changed_says_what_a_full_check_says(changes, removed):
    """The loader's rules on the activities an edit made anew, with the rest as they
    were, find the very problems the rules on the whole plan find."""
    before = load_plan(PLAN_2022)
    activities = list(before.activities)
    for index, fields in changes:
        k = index % len(activities)
        activities[k] = edits.replace(activities[k], **fields)
    del activities[:removed]
    after = edits.replace(before, activities=activities)
    assert plan_problems(after, before) == plan_problems(after)
