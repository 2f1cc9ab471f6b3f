"""plans/2022.toml against the committee's own 2022 wheel (../shared/seed)."""

import datetime as dt
import re

import pytest

from aarshjul.model import Kind, load_plan

from .conftest import PLAN_2022, ROOT

D = dt.date
SEED = ROOT.parent / "shared" / "seed" / "000_803900a89830a097.txt"

# id: (first start, first end) of every item the seed dates; None where it gives no date
EXPECTED = {
    "introduktion": (D(2022, 1, 1), D(2022, 3, 31)),
    "noegleydelser": (D(2022, 1, 1), D(2022, 3, 31)),
    "helhedsorienteret": (D(2022, 1, 1), D(2022, 3, 31)),
    "strategi": (D(2022, 4, 1), D(2022, 5, 31)),
    "budgetanalyser": (D(2022, 4, 1), D(2022, 5, 31)),
    "analyse-foertidspension": (D(2022, 4, 1), D(2022, 5, 31)),
    "prioritering": (D(2022, 6, 1), D(2022, 6, 30)),
    "teknisk-budget": (D(2022, 8, 1), D(2022, 8, 31)),
    "budgetforhandling": (D(2022, 8, 1), D(2022, 10, 31)),
    "beskaeftigelsesplan": (D(2022, 11, 1), D(2022, 12, 31)),
    "udarbejdelse-beskaeftigelsesplan": None,
    "maalopfoelgning": None,
    "budgetopfoelgning": (D(2022, 4, 1), D(2022, 4, 30)),
    "pulje": (D(2022, 3, 31), None),
    "borgerraadgiver": None,
    "jobcamp": None,
}


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_2022)


def test_every_seed_item_is_in_the_plan_with_its_dates(plan):
    assert {a.id for a in plan.activities} == set(EXPECTED)
    for activity in plan.activities:
        expected = EXPECTED[activity.id]
        actual = None if activity.start is None else (activity.start, activity.end)
        assert actual == expected, activity.id


def test_the_wheel_is_the_2022_calendar_year_in_danish(plan):
    assert (plan.start, plan.last_day, plan.locale) == (D(2022, 1, 1), D(2022, 12, 31), "da")
    assert plan.title == "Årshjul arbejdsmarkedsudvalget 2022"
    assert plan.organisation == "Norddjurs Kommune"


def test_budget_follow_up_in_april_june_september_and_november(plan):
    occs = plan.occurrences_of(plan.activity("budgetopfoelgning"))
    assert [(o.start, o.end) for o in occs] == [
        (D(2022, 4, 1), D(2022, 4, 30)),
        (D(2022, 6, 1), D(2022, 6, 30)),
        (D(2022, 9, 1), D(2022, 9, 30)),
        (D(2022, 11, 1), D(2022, 11, 30)),
    ]


def test_the_pool_has_four_deadlines_and_says_which_day_was_chosen(plan):
    pool = plan.activity("pulje")
    assert pool.kind is Kind.DEADLINE
    assert [o.start.month for o in plan.occurrences_of(pool)] == [3, 6, 9, 12]
    assert "sidste dag" in pool.description
    assert "0,250 mio. kr." in pool.description


def test_unscheduled_items_say_the_seed_gives_no_date(plan):
    for activity in plan.activities:
        if activity.start is None:
            assert "angiver" in activity.description, activity.id


def test_every_activity_has_a_description_and_a_readable_colour(plan):
    for activity in plan.activities:
        assert activity.description.strip(), activity.id
    assert len({c.color for c in plan.categories}) == len(plan.categories)


@pytest.mark.skipif(not SEED.exists(), reason="the seed material lies outside this checkout")
def test_titles_are_the_seeds_danish_words():
    seed = re.sub(r"[\s-]+", " ", SEED.read_text(encoding="utf-8")).casefold()
    plan = load_plan(PLAN_2022)
    words = {
        "introduktion": "Løbende introduktion til området",
        "strategi": "Arbejdsmarkeds strategi",
        "budgetanalyser": "Budgetanalyser på udvalgte AU områder",
        "prioritering": "Prioritering af indsatsområde for det kommende budgetår",
        "teknisk-budget": "Behandling af teknisk budget",
        "budgetforhandling": "Budgetforhandling",
        "beskaeftigelsesplan": "Beskæftigelses plan",
        "noegleydelser": "Beskrivelse af nøgleydelser",
        "helhedsorienteret": "Helhedsorienteret indsats",
        "udarbejdelse-beskaeftigelsesplan": "Udarbejdelse af beskæftigelsesplan",
        "maalopfoelgning": "Halvårlig målopfølgning på beskæftigelsesplan",
        "budgetopfoelgning": "Budgetopfølgning",
        "borgerraadgiver": "Orientering fra borgerrådgiver",
        "jobcamp": "jobCAMP 22",
    }
    for activity_id, phrase in words.items():
        assert phrase.casefold() in seed, phrase
        title = plan.activity(activity_id).title.replace("-", " ").casefold()
        assert title.replace(" ", "") == phrase.casefold().replace(" ", ""), activity_id
