"""Small plans for tests, written as TOML the way a user would write them."""

from __future__ import annotations

import textwrap

HEADER = """\
format = 1

[plan]
title = "Testhjul"
start = {start}

[[rings]]
id = "r1"
name = "Ring one"

[[rings]]
id = "r2"
name = "Ring two"

[[categories]]
id = "c1"
name = "Category one"
color = "#1f77b4"

[[categories]]
id = "c2"
name = "Category two"
color = "#e69f00"
"""


# a phase in ring r1 and category c1, in April and May 2022
PHASE = """
[[activities]]
id = "a1"
title = "Phase"
ring = "r1"
category = "c1"
start = 2022-04-01
end = 2022-05-31
"""


def plan_text(activities: str = "", start: str = "2022-01-01") -> str:
    """A valid plan with two rings and two categories, plus ``activities`` (TOML)."""
    return HEADER.format(start=start) + "\n" + textwrap.dedent(activities)


DANISH_MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
DANISH_WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
