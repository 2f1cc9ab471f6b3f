"""A new plan: an empty year, with rings and categories to start from."""

from __future__ import annotations

import datetime as dt

from aarshjul.i18n import N_, translator
from aarshjul.model.plan import Category, Plan, Ring

# a plan needs a ring and a category; a new committee's wheel starts with these (in
# the plan's language), to be renamed, added to or taken away
STARTER_RINGS = (
    ("meetings", N_("Meetings and decisions")),
    ("activities", N_("Activities")),
    ("deadlines", N_("Deadlines")),
)
STARTER_CATEGORIES = (  # (colours of the Okabe–Ito set, as the shipped plans)
    ("meetings", N_("Meetings"), "#0072b2"),
    ("deadlines", N_("Deadlines"), "#d55e00"),
    ("other", N_("Other"), "#009e73"),
)


def new_plan(
    title: str,
    start: dt.date,
    *,
    organisation: str = "",
    locale: str = "da",
    like: Plan | None = None,
) -> Plan:
    """An empty plan of the twelve months from ``start``: with the rings, categories
    and agenda days of ``like`` where it is given, else the starter rings and
    categories in the plan's language."""
    if like is not None:
        return Plan(
            title.strip(),
            start,
            organisation.strip(),
            locale,
            like.agenda_days,
            like.rings,
            like.categories,
        )
    tr = translator(locale)
    return Plan(
        title.strip(),
        start,
        organisation.strip(),
        locale,
        rings=tuple(Ring(id, tr(name)) for id, name in STARTER_RINGS),
        categories=tuple(Category(id, tr(name), color) for id, name, color in STARTER_CATEGORIES),
    )
