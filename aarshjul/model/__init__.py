"""The plan: dataclasses, calendar math and the TOML file format.

Nothing in this package imports Qt, so the command line, the exports and the
tests use it without a display.
"""

from aarshjul.model.errors import PlanError, Problem
from aarshjul.model.fileformat import dumps_plan, load_plan, loads_plan, save_plan
from aarshjul.model.plan import (
    Activity,
    AnyOccurrence,
    Category,
    Kind,
    Occurrence,
    Plan,
    Ring,
    Undated,
)

__all__ = [
    "Activity",
    "AnyOccurrence",
    "Category",
    "Kind",
    "Occurrence",
    "Plan",
    "PlanError",
    "Problem",
    "Ring",
    "Undated",
    "dumps_plan",
    "load_plan",
    "loads_plan",
    "save_plan",
]
