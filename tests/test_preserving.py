"""A save changes only the lines of what changed: comments, blank lines, key order
and string styles elsewhere stay as the person wrote them."""

import datetime as dt
import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul.model import Activity, dumps_plan, edits, loads_plan, save_plan
from aarshjul.model.preserving import dumps_preserving

from .conftest import ROOT

EXAMPLE = re.search(
    r"```toml\n(.*?)```", (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8"), re.S
).group(1)
D = dt.date


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def test_moving_an_activity_changes_its_two_lines_and_nothing_else(tmp_path):
    plan = loads_plan(EXAMPLE)
    first = plan.activities[0]
    moved = edits.move_activity(plan, first.id, 3)
    path = tmp_path / "plan.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    written = save_plan(moved, path, EXAMPLE)
    assert loads_plan(written) == moved
    assert len(changed_lines(EXAMPLE, written)) == 4  # start and end, before and after
    assert comments(written) == comments(EXAMPLE)


def test_adding_and_deleting_keep_every_comment():
    plan = loads_plan(EXAMPLE)
    added = edits.add_activity(
        plan, Activity("ny", "Ny aktivitet", plan.rings[0].id, plan.categories[0].id, D(2024, 9, 9))
    )
    written = dumps_preserving(added, EXAMPLE)
    assert loads_plan(written) == added
    assert comments(written) == comments(EXAMPLE)
    assert written.startswith(EXAMPLE.rstrip()[:200])
    gone = edits.remove_activity(plan, plan.activities[-1].id)
    assert loads_plan(dumps_preserving(gone, EXAMPLE)) == gone


def test_a_plan_written_from_nothing_keeps_the_fixed_order():
    plan = loads_plan(EXAMPLE)
    assert dumps_plan(plan) != EXAMPLE  # the example's own layout is not the fixed one
    assert dumps_plan(loads_plan(dumps_plan(plan))) == dumps_plan(plan)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["move", "delete", "add", "retitle"]),
            st.integers(0, 9),
            st.integers(-20, 20),
        ),
        max_size=6,
    )
)
def test_random_edits_keep_the_comments_and_load_back_the_same(steps):
    plan = loads_plan(EXAMPLE)
    deleted = False
    for name, k, days in steps:
        ids = [a.id for a in plan.activities]
        if not ids and name != "add":
            continue
        target = ids[k % len(ids)] if ids else None
        try:
            if name == "move" and target:
                plan = edits.move_activity(plan, target, days)
            elif name == "delete" and target:
                plan = edits.remove_activity(plan, target)
                deleted = True  # a deleted activity takes its own comments along
            elif name == "retitle" and target:
                activity = plan.activity(target)
                plan = edits.replace_activity(
                    plan, edits.replace(activity, title=f"Ny # titel {days}\nlinje")
                )
            elif name == "add":
                plan = edits.add_activity(
                    plan,
                    Activity(
                        f"n{k}{days}", "Ny", plan.rings[0].id, plan.categories[0].id, D(2024, 10, 1)
                    ),
                )
        except edits.EditError:
            continue
    written = dumps_preserving(plan, EXAMPLE)
    assert loads_plan(written) == plan
    if not deleted:
        assert set(comments(EXAMPLE)) <= set(comments(written))


def test_the_window_saves_over_a_commented_plan_keeping_its_comments(open_window, tmp_path):
    window = open_window()
    path = tmp_path / "kommenteret.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    assert window.open_path(path)
    first = window.document.plan.activities[0]
    window.editor.apply("Move", lambda p: edits.move_activity(p, first.id, 2))
    assert window.save()
    written = path.read_text(encoding="utf-8")
    assert comments(written) == comments(EXAMPLE)
    assert len(changed_lines(EXAMPLE, written)) == 4
