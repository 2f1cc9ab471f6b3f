"""What an edit changed: the activities added, removed or changed, by id, and
whether the rings, the categories or the plan's settings changed.

Worked out by comparing two plans by identity (the model is immutable, and an
edit shares every activity it did not touch), so the cost is that of the
change, not of the plan. Views update only what concerns them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aarshjul.model.plan import Plan, replaced_in_place

_NOTHING: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Changes:
    """The difference between the plan before and after an edit, undo or redo."""

    added: frozenset[str] = _NOTHING  # ids of activities that came
    removed: frozenset[str] = _NOTHING  # ids of activities that went
    changed: frozenset[str] = _NOTHING  # ids of activities that are there before and after
    order: bool = False  # the activities' order changed
    rings: bool = False  # rings came, went, moved or were renamed
    categories: bool = False  # categories came, went, moved, or changed name or colour
    settings: bool = False  # title, organisation, start, language or agenda days
    replaced: bool = False  # another plan, or the plan read again: everything changed

    @classmethod
    def everything(cls) -> Changes:
        """A new plan: every view starts afresh."""
        return cls(order=True, rings=True, categories=True, settings=True, replaced=True)

    @classmethod
    def between(cls, before: Plan | None, after: Plan | None) -> Changes:
        """What makes ``after`` differ from ``before``."""
        if before is None or after is None:
            return cls.everything()
        added, removed, changed, order = _activities(before, after)
        return cls(
            added,
            removed,
            changed,
            order,
            rings=before.rings != after.rings,
            categories=before.categories != after.categories,
            settings=(
                before.title,
                before.organisation,
                before.start,
                before.locale,
                before.agenda_days,
            )
            != (after.title, after.organisation, after.start, after.locale, after.agenda_days),
        )

    @property
    def activities(self) -> frozenset[str]:
        """Every activity id the change touched: added, removed or changed."""
        return self.added | self.removed | self.changed

    @property
    def structure(self) -> bool:
        """Whether more than activities changed: rings, categories or settings."""
        return self.rings or self.categories or self.settings or self.replaced

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.order or self.structure)

    def touches(self, ids: Iterable[str]) -> bool:
        """Whether one of ``ids`` was added, removed or changed."""
        touched = self.activities
        return any(i in touched for i in ids) if touched else False

    def __or__(self, other: Changes) -> Changes:
        """Two changes one after the other, as one (an id both added and removed by
        them counts as changed)."""
        added = (self.added - other.removed) | (other.added - self.removed)
        removed = (self.removed - other.added) | (other.removed - self.added)
        both = (self.added & other.removed) | (self.removed & other.added)
        changed = (self.changed | other.changed | both) - added - removed
        return Changes(
            frozenset(added),
            frozenset(removed),
            frozenset(changed),
            self.order or other.order,
            self.rings or other.rings,
            self.categories or other.categories,
            self.settings or other.settings,
            self.replaced or other.replaced,
        )


def _activities(
    before: Plan, after: Plan
) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
    """Activities added, removed and changed, and whether their order changed."""
    old, new = before.activities, after.activities
    if old is new:
        return _NOTHING, _NOTHING, _NOTHING, False
    places = replaced_in_place(old, new)  # the common edit: a few activities replaced
    if places is not None:
        return _NOTHING, _NOTHING, frozenset(new[k].id for k in places), False
    old_by_id = {a.id: a for a in old}
    new_by_id = {a.id: a for a in new}
    added = new_by_id.keys() - old_by_id.keys()
    removed = old_by_id.keys() - new_by_id.keys()
    changed = {i for i, a in new_by_id.items() if i in old_by_id and old_by_id[i] is not a}
    kept_old = [a.id for a in old if a.id not in removed]
    kept_new = [a.id for a in new if a.id not in added]
    return frozenset(added), frozenset(removed), frozenset(changed), kept_old != kept_new
