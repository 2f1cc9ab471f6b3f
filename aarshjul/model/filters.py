"""What a view shows: hidden rings and categories, and a search."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from aarshjul.model.plan import Activity, AnyOccurrence, Plan, replaced_in_place

_ACTIVITY = attrgetter("activity")
_ID = attrgetter("id")


def activity_ids(occurrences: Iterable[AnyOccurrence]) -> list[str]:
    """Each occurrence's activity's id, in order (two lookups of one attribute each
    take half the time of one lookup of two)."""
    return list(map(_ID, map(_ACTIVITY, occurrences)))


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case without accents, for searching ("é" finds "e"); æ, ø and å stay
    themselves, being letters of their own in Danish.

    Whole strings, not letter by letter: of æ, ø and å only å comes apart into a
    letter and a mark, so the text is split at it and each part stripped of marks."""
    lowered = unicodedata.normalize("NFC", text.casefold())
    if lowered.isascii():
        return lowered
    return "å".join(_unmarked(part) for part in lowered.split("å"))


def _unmarked(text: str) -> str:
    """``text`` in compatibility form without its combining marks ("é" becomes "e")."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=256)
def _words(search: str) -> tuple[str, ...]:
    return tuple(fold(search).split())


def _matches(words: tuple[str, ...], haystack: str) -> bool:
    return all(word in haystack for word in words)


def _refines(words: tuple[str, ...], before: tuple[str, ...]) -> bool:
    """Whether what ``words`` match, ``before`` matches too: each word before is in one
    of the words now."""
    return all(any(w in v for v in words) for w in before)


_HAYSTACKS: dict[int, tuple[Activity, tuple[str, ...], str]] = {}
_HAYSTACKS_LIMIT = 200_000  # activities remembered; past this the memory starts again


def prepare(plan: Plan, activities: Iterable[Activity], last: bool = False) -> None:
    """Fold the texts a search looks in for ``activities`` of ``plan`` now, so that the
    first keystroke of a search does not (the window does it when idle, a few at a
    time); with the ``last`` few, put the plan's texts together in plan order."""
    haystack = _haystacks(plan)
    for a in activities:
        haystack(a)
    if last:
        _texts(plan)


def _haystacks(plan: Plan) -> Callable[[Activity], str]:
    """:func:`_haystack` of an activity of ``plan``, with its ring's and category's names."""
    rings = {r.id: r.name for r in plan.rings}
    categories = {c.id: c.name for c in plan.categories}
    return lambda a: _haystack(a, rings.get(a.ring, ""), categories.get(a.category, ""))


def _haystack(activity: Activity, ring: str, category: str) -> str:
    """The folded text a search looks in: title, description, owner, ring and category.

    Prepared once per activity and its ring's and category's names, not per keystroke.
    """
    words = (activity.title, activity.description, activity.owner, ring, category)
    known = _HAYSTACKS.get(id(activity))
    if known is not None and known[0] is activity and known[1] == words:
        return known[2]
    if len(_HAYSTACKS) > _HAYSTACKS_LIMIT:
        _HAYSTACKS.clear()
    text = fold(" ".join(words))
    _HAYSTACKS[id(activity)] = (activity, words, text)  # holding it keeps its id its own
    return text


# the last plan's activities' search texts, in plan order
_TEXTS: list[tuple[Plan, list[str]]] = []
_TEXTS_PATCHED_AT_MOST = 64  # activities an edit replaced, past which all are looked up


def _texts(plan: Plan) -> list[str]:
    """Each activity's search text (:func:`_haystack`), in plan order: kept for the
    plan on screen, and for a plan made from it by an edit that replaced a few
    activities (the same rings and categories), only theirs are looked up again."""
    last = _TEXTS[0] if _TEXTS else None
    if last is not None and last[0] is plan:
        return last[1]
    haystack = _haystacks(plan)
    activities = plan.activities
    texts = None
    if last is not None:
        before = last[0]
        same_names = before.rings == plan.rings and before.categories == plan.categories
        differ = replaced_in_place(before.activities, activities) if same_names else None
        if differ is not None and len(differ) <= _TEXTS_PATCHED_AT_MOST:
            texts = list(last[1])
            for k in differ:
                texts[k] = haystack(activities[k])
    if texts is None:
        texts = list(map(haystack, activities))
    _TEXTS[:] = [(plan, texts)]
    return texts


# the last search: its plan, and the ids, the activities and their texts it matched
_MATCHED: dict[tuple[str, ...], tuple[Plan, frozenset[str], list[Activity], list[str]]] = {}
_SHOWN: dict[tuple[frozenset[str], frozenset[str]], tuple[Plan, frozenset[str]]] = {}


@dataclass(frozen=True)
class Filter:
    """Rings and categories to hide, and search words that must all match."""

    hidden_rings: frozenset[str] = field(default_factory=frozenset)
    hidden_categories: frozenset[str] = field(default_factory=frozenset)
    search: str = ""

    def shows(self, activity: Activity) -> bool:
        """Is the activity's ring and category shown?"""
        return activity.ring not in self.hidden_rings and (
            activity.category not in self.hidden_categories
        )

    @property
    def words(self) -> tuple[str, ...]:
        """The folded search words."""
        return _words(self.search)

    def visible(self, plan: Plan) -> list[AnyOccurrence]:
        """The occurrences the wheel draws: every one whose ring and category are shown."""
        if not self.hidden_rings and not self.hidden_categories:
            return list(plan.occurrences())  # all of them: no test per occurrence
        return [o for o in plan.occurrences() if self.shows(o.activity)]

    def listed(self, plan: Plan, visible: list[AnyOccurrence] | None = None) -> list[AnyOccurrence]:
        """The occurrences a list shows: shown and matching the search (``visible``
        is :meth:`visible`'s answer, where the caller has it already)."""
        shown = self.visible(plan) if visible is None else visible
        if not self.words:
            return list(shown)
        return self.listed_by_ids(plan, shown, activity_ids(shown))[0]

    def listed_by_ids(
        self, plan: Plan, shown: Sequence[AnyOccurrence], ids: Sequence[str]
    ) -> tuple[list[AnyOccurrence], list[str]]:
        """:meth:`listed` of ``shown``, whose activities' ids are ``ids`` (in order, as
        :func:`activity_ids` gives them): those matching the search, with their ids."""
        if not self.words:
            return list(shown), list(ids)
        flags = list(map(self._matched(plan).__contains__, ids))
        return list(compress(shown, flags)), list(compress(ids, flags))

    def matched_ids(self, plan: Plan) -> frozenset[str] | None:
        """Ids of the activities the search matches; None where there is no search."""
        return self._matched(plan) if self.words else None

    def unmatched_ids(self, plan: Plan) -> frozenset[str]:
        """Ids of shown activities that the search does not match (the wheel dims them)."""
        if not self.words:
            return frozenset()
        return self._shown_ids(plan) - self._matched(plan)

    def prepare(self, plan: Plan) -> None:
        """Work out now what every search of ``plan`` under these hidden rings and
        categories starts from (the window does it when idle)."""
        self._shown_ids(plan)

    def _shown_ids(self, plan: Plan) -> frozenset[str]:
        """Ids of the activities whose ring and category are shown, worked out once per
        plan and hidden rings and categories (not again at every keystroke)."""
        key = (self.hidden_rings, self.hidden_categories)
        known = _SHOWN.get(key)
        if known is not None and known[0] is plan:
            return known[1]
        shown = frozenset(a.id for a in plan.activities if self.shows(a))
        _SHOWN.clear()  # (one plan at a time: the one on screen)
        _SHOWN[key] = (plan, shown)
        return shown

    def _matched(self, plan: Plan) -> frozenset[str]:
        """Ids of the activities in whose title, description, owner, ring or category
        every search word occurs; worked out once per plan and words: the wheel and
        the list both ask after every keystroke."""
        words = self.words
        known = _MATCHED.get(words)
        if known is not None and known[0] is plan:
            return known[1]
        # a search a letter (or a word) longer matches some of what the last one did:
        # where each word before is in one of the words now, only those are looked at
        among: Sequence[Activity] = plan.activities
        texts: list[str] | None = None
        for before, (last_plan, _ids, found, their_texts) in _MATCHED.items():
            if last_plan is plan and _refines(words, before):
                among, texts = found, their_texts
        if texts is None:
            texts = _texts(plan)
        if len(words) == 1:
            word = words[0]
            keep = [word in text for text in texts]
        else:
            keep = [_matches(words, text) for text in texts]
        activities = list(compress(among, keep))
        matched = frozenset(a.id for a in activities)
        _MATCHED.clear()  # one plan and search at a time: the one on screen
        _MATCHED[words] = (plan, matched, activities, list(compress(texts, keep)))
        return matched

    def narrows(self, other: Filter) -> bool:
        """Whether all that this filter lists, ``other`` lists too: the same rings and
        categories shown, and a search a letter or a word longer."""
        return (self.hidden_rings, self.hidden_categories) == (
            other.hidden_rings,
            other.hidden_categories,
        ) and _refines(self.words, other.words)

    def with_hidden(
        self, *, rings: Iterable[str] | None = None, categories: Iterable[str] | None = None
    ) -> Filter:
        return replace(
            self,
            hidden_rings=self.hidden_rings if rings is None else frozenset(rings),
            hidden_categories=self.hidden_categories
            if categories is None
            else frozenset(categories),
        )

    def narrowed_to(
        self, plan: Plan, rings: Iterable[str] = (), categories: Iterable[str] = ()
    ) -> Filter:
        """A filter showing only the given rings and categories (all where none is given)."""
        rings, categories = set(rings), set(categories)
        return self.with_hidden(
            rings={r.id for r in plan.rings if rings and r.id not in rings},
            categories={c.id for c in plan.categories if categories and c.id not in categories},
        )
