"""What a view shows: filters, search, zoom spans, now-and-next, rules in words."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul import i18n
from aarshjul.model import load_plan
from aarshjul.model.agenda import now_and_next
from aarshjul.model.filters import Filter, fold
from aarshjul.model.periods import Zoom, quarter_number, span, step
from aarshjul.model.plan import Activity, Occurrence, Plan, Undated
from aarshjul.model.recurrence import describe

from .conftest import PLAN_2022
from .helpers import DANISH_MONTHS, DANISH_WEEKDAYS

D = dt.date


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_2022)


def ids(occurrences):
    return {o.activity.id for o in occurrences}


def test_hidden_rings_and_categories_leave_the_view(plan):
    everything = Filter().visible(plan)
    no_budget = Filter(hidden_categories=frozenset({"budget"})).visible(plan)
    assert "budgetforhandling" in ids(everything)
    assert not any(o.activity.category == "budget" for o in no_budget)
    assert len(no_budget) == len(everything) - sum(
        1 for o in everything if o.activity.category == "budget"
    )
    no_ring = Filter(hidden_rings=frozenset({"frister", "temaer"})).visible(plan)
    assert {o.activity.ring for o in no_ring} == {"politik", "opfoelgning"}


def test_search_matches_every_word_in_title_description_owner_ring_or_category(plan):
    assert ids(Filter(search="budget").listed(plan)) >= {
        "budgetforhandling",
        "teknisk-budget",
        "budgetopfoelgning",
    }
    assert ids(Filter(search="PULJE arbejdsmarkedsudvalget").listed(plan)) == {"pulje"}
    assert ids(Filter(search="førtidspension").listed(plan)) == {"analyse-foertidspension"}
    assert Filter(search="xyzzy").listed(plan) == []
    assert Filter(search="  ").listed(plan) == Filter().visible(plan)


def test_search_dims_what_it_does_not_match(plan):
    dimmed = Filter(search="strategi").unmatched_ids(plan)
    assert "strategi" not in dimmed and "budgetforhandling" in dimmed
    assert Filter().unmatched_ids(plan) == set()


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_what_a_search_dims_is_every_shown_activity_it_does_not_match(plan, data):
    """Also one filter after another, on the plan and on a plan made from it (the
    activities shown are remembered per plan and hidden rings and categories)."""
    from aarshjul.model import edits

    plans = [plan, edits.remove_activity(plan, plan.activities[0].id)]
    for _ in range(3):
        shown_plan = data.draw(st.sampled_from(plans))
        rings = data.draw(st.sets(st.sampled_from([r.id for r in plan.rings])))
        categories = data.draw(st.sets(st.sampled_from([c.id for c in plan.categories])))
        search = data.draw(st.sampled_from(["budget", "frist", "plan udvalg", "x", "strategi"]))
        chosen = Filter(frozenset(rings), frozenset(categories), search)
        matched = chosen.matched_ids(shown_plan)
        assert matched is not None
        assert chosen.unmatched_ids(shown_plan) == {
            a.id for a in shown_plan.activities if a.id not in matched and chosen.shows(a)
        }


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_searches_typed_one_after_another_match_what_a_first_search_matches(plan, data):
    """A search a letter or a word longer looks only among what the last one matched;
    whatever came before, it matches what it matches on its own."""
    from aarshjul.model import edits
    from aarshjul.model import filters as filtering

    plans = [plan, edits.remove_activity(plan, plan.activities[1].id)]
    letters = st.sampled_from(list("budgetfristplanøåe "))
    text = ""
    for _ in range(data.draw(st.integers(1, 8))):
        step = data.draw(st.sampled_from(["type", "type", "back", "word", "anew"]))
        if step == "type":
            text += data.draw(letters)
        elif step == "back":
            text = text[:-1]
        elif step == "word":
            text += " " + data.draw(st.sampled_from(["bud", "fr", "plan", "ø"]))
        else:
            text = data.draw(st.text(alphabet="budgetfristplan ", max_size=6))
        shown_plan = data.draw(st.sampled_from(plans))
        typed = Filter(search=text).matched_ids(shown_plan)
        filtering._MATCHED.clear()
        alone = Filter(search=text).matched_ids(shown_plan)
        assert typed == alone
        if typed is not None:  # (what was typed is remembered again, for the next)
            Filter(search=text).matched_ids(shown_plan)


def test_fold_ignores_case_and_accents_but_keeps_danish_letters():
    assert fold("Évaluering") == "evaluering"
    assert fold("ØKONOMI") == "økonomi"
    assert fold("Århus") == "århus" != fold("Arhus")  # å is a letter of its own


def test_narrowed_to_shows_only_the_given_rings_and_categories(plan):
    narrowed = Filter().narrowed_to(plan, rings=["politik"], categories=["budget"])
    shown = narrowed.visible(plan)
    assert shown and all(
        o.activity.ring == "politik" and o.activity.category == "budget" for o in shown
    )
    assert Filter().narrowed_to(plan).visible(plan) == plan.occurrences()


def test_quarters_are_the_wheels_own_and_months_are_calendar_months():
    calendar = Plan("C", D(2022, 1, 1))
    assert span(calendar, Zoom.QUARTER, D(2022, 5, 3)) == (D(2022, 4, 1), D(2022, 7, 1))
    assert span(calendar, Zoom.MONTH, D(2022, 2, 14)) == (D(2022, 2, 1), D(2022, 3, 1))
    assert span(calendar, Zoom.YEAR, D(2022, 2, 14)) == (D(2022, 1, 1), D(2023, 1, 1))
    school = Plan("S", D(2023, 8, 1))
    assert span(school, Zoom.QUARTER, D(2024, 1, 15)) == (D(2023, 11, 1), D(2024, 2, 1))
    assert quarter_number(school, D(2023, 11, 1)) == 2
    assert span(school, Zoom.MONTH, D(2024, 2, 10)) == (D(2024, 2, 1), D(2024, 3, 1))
    mid = Plan("M", D(2022, 3, 15))  # a wheel from the middle of a month
    assert span(mid, Zoom.MONTH, D(2022, 3, 20)) == (D(2022, 3, 15), D(2022, 4, 1))
    assert span(mid, Zoom.MONTH, D(2023, 3, 2)) == (D(2023, 3, 1), D(2023, 3, 15))
    assert span(calendar, Zoom.MONTH, D(2030, 1, 1)) == (D(2022, 12, 1), D(2023, 1, 1))


def test_step_moves_by_a_period_and_stays_in_the_year():
    plan = Plan("C", D(2022, 1, 1))
    q2 = (D(2022, 4, 1), D(2022, 7, 1))
    assert step(plan, Zoom.QUARTER, q2, 1) == (D(2022, 7, 1), D(2022, 10, 1))
    assert step(plan, Zoom.QUARTER, q2, -5) == (D(2022, 1, 1), D(2022, 4, 1))
    december = (D(2022, 12, 1), D(2023, 1, 1))
    assert step(plan, Zoom.MONTH, december, 1) == december


def test_now_and_next(plan):
    now, ahead = now_and_next(plan.occurrences(), D(2022, 5, 3), count=3)
    assert ids(now) == {"strategi", "budgetanalyser", "analyse-foertidspension"}
    assert [(o.activity.id, o.start) for o in ahead] == [
        ("budgetopfoelgning", D(2022, 6, 1)),
        ("prioritering", D(2022, 6, 1)),
        ("pulje", D(2022, 6, 30)),
    ]
    _now, ahead = now_and_next(plan.occurrences(), D(2022, 6, 29), count=1)
    assert ahead[0].activity.id == "pulje"  # the deadline on 30 June
    assert now_and_next(plan.occurrences(), D(2023, 1, 1)) == ([], [])


@pytest.mark.parametrize(
    ("rule", "in_english", "in_danish"),
    [
        (
            "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
            "Every month in March, June, September and December, on the last day",
            "Hver måned i marts, juni, september og december, den sidste dag",
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
            "Every 2 weeks, on Tuesday and Thursday",
            "Hver 2. uge, tirsdag og torsdag",
        ),
        (
            "FREQ=MONTHLY;BYDAY=1MO;COUNT=6",
            "Every month, on the first Monday, 6 times",
            "Hver måned, den første mandag, 6 gange",
        ),
        (
            "FREQ=YEARLY;UNTIL=20250101",
            "Every year, until 2025-01-01",
            "Hvert år, indtil 2025-01-01",
        ),
        ("FREQ=DAILY;BYSETPOS=1", "FREQ=DAILY;BYSETPOS=1", "FREQ=DAILY;BYSETPOS=1"),
    ],
)
def test_rules_in_words(rule, in_english, in_danish):
    assert describe(rule) == in_english
    i18n.set_language("da")
    months = DANISH_MONTHS
    days = DANISH_WEEKDAYS
    assert describe(rule, months, days) == in_danish


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(-1, 10), st.sampled_from("abcAB")),
        max_size=30,
    ),
    st.integers(0, 60),
    st.integers(1, 6),
)
def test_now_and_next_for_any_occurrences(spans, offset, count):
    """Under way: phases that cover the day, then deadlines on it, in the order given;
    next: the first ``count`` to begin after it by day, deadlines first, then title."""
    first = D(2022, 1, 1)
    occurrences = []
    for k, (begin, length, title) in enumerate(spans):
        start = first + dt.timedelta(days=begin)
        end = None if length < 0 else start + dt.timedelta(days=length)
        activity = Activity(f"a{k}", title, "r", "c", start, end)
        occurrences.append(Occurrence(activity, 0, start, end if end is not None else start))
    occurrences.append(Undated(Activity("u", "U", "r", "c")))
    today = first + dt.timedelta(days=offset)
    now, ahead = now_and_next(occurrences, today, count)
    dated = [o for o in occurrences if o.start is not None]
    assert now == [o for o in dated if o.start <= today <= o.end and o.start != o.end] + [
        o for o in dated if o.start == o.end == today
    ]
    later = sorted(
        (o for o in dated if o.start > today),
        key=lambda o: (o.start, o.start != o.end, o.activity.title.casefold()),
    )
    assert ahead == later[:count]


def _fold_letter_by_letter(text: str) -> str:
    """The search's folding as it was first written, a letter at a time."""
    import unicodedata

    folded = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if char in "æøå":
            folded.append(char)
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            folded.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(folded)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(st.sampled_from("aåÅæÆøØéÉüÜñ\u0301\u030a\u212bßﬁ Ǻǻ"), st.characters()),
        max_size=20,
    )
)
def test_folding_whole_strings_is_folding_letter_by_letter(text):
    assert fold(text) == _fold_letter_by_letter(text)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_search_after_edits_matches_what_folding_each_activity_finds(plan, data):
    """The plan's search texts are kept, and after an edit only the replaced
    activities' are looked up again (unless rings or categories changed): whatever
    the edits, a search matches what folding each activity's texts then finds."""
    from aarshjul.model import edits

    for _ in range(data.draw(st.integers(1, 6))):
        chosen = data.draw(st.sampled_from(plan.activities))
        step = data.draw(st.sampled_from(["move", "title", "ring", "category", "remove", "copy"]))
        name = data.draw(st.sampled_from(["Budget", "Plan", "Frist", "Møde", "Øvrigt"]))
        try:
            if step == "move":
                plan = edits.move_activity(plan, chosen.id, data.draw(st.integers(-9, 9)))
            elif step == "title":
                plan = edits.replace_activity(plan, replace_fields(chosen, title=name))
            elif step == "ring":
                plan = edits.rename_ring(plan, chosen.ring, name)
            elif step == "category":
                category = plan.category(chosen.category)
                plan = edits.update_category(plan, category.id, name, category.color)
            elif step == "remove" and len(plan.activities) > 1:
                plan = edits.remove_activity(plan, chosen.id)
            else:
                plan = edits.duplicate_activity(plan, chosen.id)[0]
        except edits.EditError:
            continue
        search = data.draw(st.sampled_from(["b", "bu", "budget", "plan", "møde", "ø", "fr ud"]))
        rings = {r.id: r.name for r in plan.rings}
        categories = {c.id: c.name for c in plan.categories}
        words = fold(search).split()
        expected = {
            a.id
            for a in plan.activities
            if all(
                w
                in fold(
                    " ".join(
                        (a.title, a.description, a.owner, rings[a.ring], categories[a.category])
                    )
                )
                for w in words
            )
        }
        assert Filter(search=search).matched_ids(plan) == expected


def replace_fields(activity: Activity, **fields) -> Activity:
    from dataclasses import replace

    return replace(activity, **fields)
