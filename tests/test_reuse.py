"""After an edit the wheel reuses what did not change: the rings laid out before, the
images of rings painted before. What it draws must be what a fresh start draws."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from aarshjul import geometry
from aarshjul.labels import KEY, OUTSIDE
from aarshjul.layout_report import report
from aarshjul.model import edits, load_plan
from aarshjul.model.plan import Activity, Category, Plan, Ring
from aarshjul.render import painter as painting
from aarshjul.render.painter import paint_wheel, wheel_layout

from .conftest import EXAMPLES, PLAN_2022

PLANS = [PLAN_2022, *sorted(EXAMPLES.glob("*.toml"))]
SIZE = (984, 544)
# hypothesis settings of the tests below: no deadline, and the loaded plans shared
SLOW_AND_SHARED = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}


def forget(lanes: bool = True) -> None:
    """No remembered rings, lanes, ring images or names' image: a fresh start. With ``lanes`` false
    the lanes are kept: a fresh start that finds the lanes that edits left (an edit
    moves no occurrence but those it changed, so those lanes are not a fresh start's)."""
    geometry._RINGS.clear()
    if lanes:
        geometry._LANES.clear()
    geometry._SPLIT.clear()
    painting._LAYERS.clear()
    painting._TEXTS.clear()  # (the names off their items, drawn from an image)


def laid_out(plan, today, **options):
    return wheel_layout(plan, *SIZE, plan.occurrences(), today=today, **options)


def drawn(layout) -> tuple:
    """The report of a layout, and which of its items are faded; the layout's list of
    names drawn off their items must be what a scan of its items finds."""
    off = [
        i
        for i in layout.items
        if i.label is not None and i.label.placement in (OUTSIDE, KEY) and i.label.texts
    ]
    assert list(map(id, layout.named_off)) == list(map(id, off))
    faded = [(i.occurrence.activity.id, i.occurrence.index, i.dimmed) for i in layout.items]
    return report(layout), sorted(faded)


EDITS = ("move", "ring", "remove", "copy", "unschedule", "schedule")


def _edited(data, plan: Plan, kinds: Sequence[str], days: int = 30) -> Plan | None:
    """``plan`` after one edit of a kind drawn from ``kinds`` (moves by up to ``days``,
    into another ring for "ring"), of an activity with dates and no rule where the
    kinds are moves and unschedules; None where the edit is refused."""
    kind = data.draw(st.sampled_from(kinds))
    if set(kinds) <= {"move", "unschedule"}:
        among = [a.id for a in plan.activities if a.start is not None and not a.rrule]
    else:
        among = sorted(a.id for a in plan.activities)
    chosen = data.draw(st.sampled_from(among))
    try:
        if kind in ("move", "ring"):
            ring = (
                data.draw(st.sampled_from([r.id for r in plan.rings])) if kind == "ring" else None
            )
            return edits.move_activity(plan, chosen, data.draw(st.integers(-days, days)), ring)
        if kind == "remove":
            return edits.remove_activity(plan, chosen)
        if kind == "copy":
            return edits.duplicate_activity(plan, chosen)[0]
        if kind == "unschedule":
            return edits.unschedule(plan, chosen)
        day = plan.start + dt.timedelta(days=data.draw(st.integers(0, 364)))
        return edits.schedule(plan, chosen, day)
    except edits.EditError:
        return None


@pytest.fixture(scope="module")
def loaded():
    return {path.stem: load_plan(path) for path in PLANS}


@settings(
    max_examples=30,
    **SLOW_AND_SHARED,
)
@given(data=st.data())
def test_a_layout_after_edits_is_the_layout_of_a_fresh_start(qapp, loaded, data):
    """Also where the new layout takes over the items of the one it replaces (as the
    window does), a search having faded some of them since."""
    plan = loaded[data.draw(st.sampled_from(sorted(loaded)))]
    today = plan.start + dt.timedelta(days=data.draw(st.integers(0, 364)))
    ids = sorted(a.id for a in plan.activities)
    # (no search as often as some: what a search faded must not stay faded after it)
    searches = st.one_of(st.just(frozenset()), st.frozensets(st.sampled_from(ids), min_size=1))
    previous = laid_out(plan, today)  # remembered
    for _ in range(data.draw(st.integers(1, 3))):
        # unscheduling grows the list of undated activities: the names left of the wheel move
        edited = _edited(data, plan, ("move", "unschedule"), days=20)
        if edited is None:
            continue
        plan = edited
        previous.fade(data.draw(searches))
        dimmed = data.draw(searches)
        # another day: the today label takes other angles, so other names are numbered
        today = plan.start + dt.timedelta(days=data.draw(st.integers(0, 364)))
        taking_over = data.draw(st.booleans())
        reuse = previous if taking_over else None
        warm = drawn(laid_out(plan, today, dimmed=dimmed, reuse=reuse))
        other = data.draw(searches)  # the same plan again, searched for something else
        again = drawn(laid_out(plan, today, dimmed=other))
        forget(lanes=False)
        assert again == drawn(laid_out(plan, today, dimmed=other))
        forget(lanes=False)
        previous = laid_out(plan, today, dimmed=dimmed)
        assert warm == drawn(previous)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_searches_one_after_another_fade_what_the_last_one_fades(qapp, loaded, data):
    """A search a letter longer marks only the activities that changed; whatever the
    searches before, the items are faded as in a layout made with the last one."""
    plan = loaded[data.draw(st.sampled_from(sorted(loaded)))]
    today = plan.start + dt.timedelta(days=100)
    ids = sorted(a.id for a in plan.activities)
    faded = data.draw(st.frozensets(st.sampled_from(ids)))
    layout = laid_out(plan, today, dimmed=faded)
    for _ in range(data.draw(st.integers(1, 4))):
        if data.draw(st.booleans()):  # a few more or fewer
            turned = data.draw(st.frozensets(st.sampled_from(ids), max_size=3))
            faded = faded ^ turned
        else:
            faded = data.draw(st.frozensets(st.sampled_from(ids)))
        layout.fade(faded)
    fresh = laid_out(plan, today, dimmed=faded)
    assert drawn(layout)[1] == drawn(fresh)[1]
    assert all(i.dimmed == (i.occurrence.activity.id in faded) for i in layout.undated)


def _image(layout) -> QImage:
    image = QImage(SIZE[0] + 16, SIZE[1] + 16, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    with QPainter(image) as p:
        paint_wheel(p, layout, QRectF(8, 8, *SIZE), layered=True)
    return image


@pytest.mark.parametrize("search", ["", "kvalitet", "budgetopfølgning 1"])
def test_ring_images_paint_what_painting_item_by_item_paints(qapp, loaded, monkeypatch, search):
    """The wheel from ring images, some of them from before an edit, against the
    wheel painted item by item: the same picture, to antialiasing's rounding. A
    search fades a ring's image and paints what matches over it; painting item by
    item fades each item that does not match."""
    plan = loaded["crowded-2024"]
    today = plan.start + dt.timedelta(days=100)
    _image(laid_out(plan, today))  # ring images remembered
    moved = next(a for a in plan.activities if a.end is not None and not a.rrule)
    plan = edits.move_activity(plan, moved.id, 9)
    layout = laid_out(plan, today)
    if search:
        words = search.split()
        layout.fade(
            {a.id for a in plan.activities if not all(w in a.title.casefold() for w in words)}
        )
        assert any(i.dimmed for i in layout.items) and not all(i.dimmed for i in layout.items)
    tokens = {id(t) for t in layout.ring_tokens}
    waiting = sum(1 for key in painting._LAYERS if key[0] in tokens)
    assert waiting == len(layout.rings) - 1  # the images of the rings the edit left alone
    layered = _image(layout)
    monkeypatch.setattr(painting, "_paint_ring_layers", lambda *a: False)
    direct = _image(layout)
    differ = 0
    for y in range(layered.height()):
        for x in range(0, layered.width(), 2):
            a, b = layered.pixelColor(x, y), direct.pixelColor(x, y)
            gap = max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
            assert gap <= 24, (x, y, a.name(), b.name())
            differ += gap > 2
    assert differ < layered.width() * layered.height() // 2 * 0.01


def _ring_images(layout) -> list[QImage]:
    """Each ring's image as the window paints it (the newest image of each ring)."""
    _image(layout)
    tokens = [id(t) for t in layout.ring_tokens]
    found = {key[0]: value[1] for key, value in painting._LAYERS.items()}
    return [found[t] for t in tokens]


@settings(
    max_examples=25,
    **SLOW_AND_SHARED,
)
@given(data=st.data())
def test_a_ring_image_patched_after_edits_is_the_image_painted_anew(qapp, loaded, data):
    """After an edit, a ring's image is the earlier one with only the sectors that
    changed painted again: to the pixel, the image a fresh start paints."""
    plan = loaded[data.draw(st.sampled_from(sorted(loaded)))]
    today = plan.start + dt.timedelta(days=data.draw(st.integers(0, 364)))
    forget()
    patched = _ring_images(laid_out(plan, today))
    for _ in range(data.draw(st.integers(1, 3))):
        edited = _edited(data, plan, ("move", "unschedule"))
        if edited is None:
            continue
        plan = edited
        patched = _ring_images(laid_out(plan, today))
    forget(lanes=False)
    fresh = _ring_images(laid_out(plan, today))
    assert len(patched) == len(fresh)
    for a, b in zip(patched, fresh, strict=True):
        assert a == b


def test_items_of_an_activity_found_by_index_are_those_a_scan_finds(qapp, loaded):
    """Each ring keeps an index of its items by id, from one layout to the next: it
    finds the very items, in the same order, as looking at every item."""
    for plan in loaded.values():
        moved = next(a.id for a in plan.activities if a.start is not None and not a.rrule)
        for version in (plan, edits.move_activity(plan, moved, 3)):
            layout = laid_out(version, version.start)
            for activity in version.activities:
                scanned = [i for i in layout.items if i.occurrence.activity.id == activity.id]
                found = layout.items_of(activity.id)
                assert len(found) == len(scanned)
                assert all(a is b for a, b in zip(found, scanned, strict=True))


def _crowded(count: int) -> Plan:
    """More names than the wheel has room for beside it or as numbers round it."""
    rnd = random.Random(7)
    start = dt.date(2024, 1, 1)
    activities = []
    for k in range(count):
        first = start + dt.timedelta(days=rnd.randrange(366))
        last = min(first + dt.timedelta(days=rnd.randrange(30)), dt.date(2024, 12, 31))
        ring = f"r{k % 3}"
        activities.append(Activity(f"a{k}", f"Aktivitet {k}", ring, "c", first, last))
    return Plan(
        "Travlt år",
        start,
        rings=tuple(Ring(f"r{i}", f"Ring {i}") for i in range(3)),
        categories=(Category("c", "Alt", "#1f77b4"),),
        activities=tuple(activities),
    )


def test_names_that_lose_their_place_go_to_the_list_in_a_layout_taken_over(qapp):
    """Long phases added to one ring take numbers round the wheel from names in the
    other rings, whose items the next layout takes over: those names must be in the
    numbered list alone again, as in a fresh layout."""
    plan = _crowded(1500)
    today = dt.date(2024, 3, 1)
    forget()
    before = laid_out(plan, today)
    longest = max(plan.activities, key=lambda a: (a.end - a.start).days)  # type: ignore[operator]
    for _ in range(12):
        plan = edits.duplicate_activity(plan, longest.id)[0]
    taken_over = laid_out(plan, today, reuse=before)
    assert before.handed_on  # the other rings were taken over
    forget(lanes=False)
    assert drawn(taken_over) == drawn(laid_out(plan, today))


@settings(
    max_examples=60,
    **SLOW_AND_SHARED,
)
@given(data=st.data())
def test_occurrences_sorted_into_rings_after_edits_as_anew(qapp, loaded, data):
    """The occurrences sorted into rings, patched after edits that move (to another
    ring too), remove, copy, unschedule and schedule activities, are those sorted
    anew; with rings hidden, and zoomed to a quarter."""
    plan = loaded[data.draw(st.sampled_from(sorted(loaded)))]
    ring_ids = [r.id for r in plan.rings]
    shown = data.draw(st.lists(st.sampled_from(ring_ids), min_size=1, unique=True))
    zoomed = data.draw(st.booleans())
    first = plan.start + dt.timedelta(days=data.draw(st.integers(0, 270)))
    scale = (
        geometry.YearScale.between(first, first + dt.timedelta(days=92))
        if zoomed
        else geometry.YearScale.of(plan)
    )
    geometry._SPLIT.clear()
    geometry._split(plan.occurrences(), shown, scale, not zoomed)
    for _ in range(data.draw(st.integers(1, 4))):
        edited = _edited(data, plan, EDITS, days=60)
        if edited is None:
            continue
        plan = edited
        occurrences = plan.occurrences()
        patched = geometry._split(occurrences, shown, scale, not zoomed)
        fresh = geometry._fresh_split(occurrences, shown, scale, not zoomed)
        assert list(map(id, patched[1])) == list(map(id, fresh[1]))
        assert {r: list(map(id, o)) for r, o in patched[0].items()} == {
            r: list(map(id, o)) for r, o in fresh[0].items()
        }


@settings(max_examples=40, **SLOW_AND_SHARED)
@given(data=st.data())
def test_occurrences_sorted_into_rings_for_views_one_after_another_as_anew(qapp, loaded, data):
    """Splits for several views are kept (the year, a quarter, rings hidden) and found
    again when the wheel returns to one, after edits made meanwhile too."""
    plan = loaded[data.draw(st.sampled_from(sorted(loaded)))]
    ring_ids = [r.id for r in plan.rings]
    first = plan.start + dt.timedelta(days=data.draw(st.integers(0, 270)))
    views = [
        (ring_ids, geometry.YearScale.of(plan), True),
        (ring_ids, geometry.YearScale.between(first, first + dt.timedelta(days=92)), False),
        (ring_ids[:1], geometry.YearScale.of(plan), True),
    ]
    geometry._SPLIT.clear()
    for _ in range(data.draw(st.integers(2, 8))):
        if data.draw(st.booleans()):
            edited = _edited(data, plan, EDITS, days=60)
            plan = edited if edited is not None else plan
        shown, scale, listed = views[data.draw(st.integers(0, len(views) - 1))]
        occurrences = plan.occurrences()
        split = geometry._split(occurrences, shown, scale, listed)
        fresh = geometry._fresh_split(occurrences, shown, scale, listed)
        assert list(map(id, split[1])) == list(map(id, fresh[1]))
        assert {r: list(map(id, o)) for r, o in split[0].items()} == {
            r: list(map(id, o)) for r, o in fresh[0].items()
        }
    assert len(geometry._SPLIT) <= geometry.SPLITS_KEPT


def test_a_move_across_many_occurrences_is_patched_where_they_are_a_small_share(qapp, monkeypatch):
    """A move far in a big plan changes a long stretch of the occurrences (at 50,000
    activities a drag of a few weeks passes thousands): where that stretch is at most
    a share of them all it is patched, not sorted anew, and gives the same rings."""
    monkeypatch.setattr(geometry, "SPLIT_PATCHED_AT_MOST", 20)  # the share decides
    plan = _crowded(400)
    scale = geometry.YearScale.of(plan)
    ring_ids = [r.id for r in plan.rings]
    occurrences = plan.occurrences()
    geometry._SPLIT.clear()
    geometry._split(occurrences, ring_ids, scale, True)
    patched: list[bool] = []
    patch = geometry._patched_split

    def watched(*args):
        done = patch(*args)
        patched.append(done is not None)
        return done

    monkeypatch.setattr(geometry, "_patched_split", watched)
    for share in (0.25, 0.0):
        monkeypatch.setattr(geometry, "SPLIT_PATCHED_SHARE", share)
        plan = edits.move_activity(plan, plan.activities[0].id, 25)
        new = plan.occurrences()
        same = len(new)
        first = geometry._first_differing(occurrences, new, same)
        tail = geometry._first_differing(reversed(occurrences), reversed(new), same)
        assert 20 < 2 * (same - tail - first) <= 0.25 * same  # longer than the count
        split = geometry._split(new, ring_ids, scale, True)
        fresh = geometry._fresh_split(new, ring_ids, scale, True)
        assert {r: list(map(id, o)) for r, o in split[0].items()} == {
            r: list(map(id, o)) for r, o in fresh[0].items()
        }
        occurrences = new
    assert patched == [True, False]


def test_an_edit_patches_its_ring_and_a_ring_mostly_made_anew_is_painted_whole(
    qapp, loaded, monkeypatch
):
    """A move of one activity by a day paints only where its ring changed (the ring's
    image is patched); where most of a ring's items are not those of the ring before
    (its lanes dealt out anew), where they differ is not worked out at all."""
    plan = loaded["2022"]
    outcomes: list[bool] = []
    patch = painting._patched

    def watched(*args, **kwargs):
        image = patch(*args, **kwargs)
        outcomes.append(image is not None)
        return image

    monkeypatch.setattr(painting, "_patched", watched)
    forget()
    _image(laid_out(plan, plan.start))
    moved = next(a.id for a in plan.activities if a.start is not None and not a.rrule)
    _image(laid_out(edits.move_activity(plan, moved, 1), plan.start))
    assert outcomes and all(outcomes)

    token = laid_out(plan, plan.start).ring_tokens[0]
    copies = [geometry._copy(item) for item in token.items]
    assert painting._dirty(token, geometry.RingLayout(token.occurrences, copies), 0.3) is None
    one_copied = [copies[0], *token.items[1:]]
    spans = painting._dirty(token, geometry.RingLayout(token.occurrences, one_copied), 0.3)
    assert spans == []  # (the copy looks as the item it copies)
