"""The one error type that loading a plan raises."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a plan file: where it is and what is wrong."""

    where: str  # "activities[3].end", or "" for the file as a whole
    message: str
    line: int | None = None

    def format(self, file: str) -> str:
        place = file if self.line is None else f"{file}:{self.line}"
        return (
            f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        )


class PlanError(Exception):
    """A plan file that cannot be read, with every problem found in it."""

    def __init__(self, file: str, problems: list[Problem]):
        self.file = file
        self.problems = problems
        super().__init__("\n".join(p.format(file) for p in problems))
