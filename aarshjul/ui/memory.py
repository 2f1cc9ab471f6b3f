"""Python's cycle collector, kept out of the way of what the user waits for.

A plan of thousands of activities is hundreds of thousands of objects, and each
edit, search and paint makes tens of thousands more. Left to itself the collector
walks the new ones every ``YOUNG_OBJECTS``, and everything older now and then: at
50,000 activities that took some half a second of opening a plan and 50–200 ms of
an edit, to find nothing. The program's own objects form no reference cycles
(tests/test_memory.py checks edits, undo, drags, searches, zooms and reopenings):
what it lets go, reference counting frees at once.

So the work the user waits for (opening a plan, an edit and what the views make of
it, a search, a paint of the wheel) runs with the collector held off
(``held_off``), and what is alive after it is frozen: moved out of the collector's
sight, which takes no time. Cycles from elsewhere (an exception's traceback, a
library) are still freed: once the objects frozen since the last full collection
are more than twice those it left, a full collection runs when the window is idle
(the wheel unpainted for a second: ``due``, ``tidy``), so such garbage holds at
most about twice what is alive. At 5,000 activities that was one collection in a
hundred edits and searches.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_OBJECTS = 50_000  # new objects between two young collections (Python: 700)
GROWTH = 2.0  # frozen since the last full collection, against what it left: then one

_depth = 0  # held_off blocks entered and not yet left
_was_enabled = True  # the collector's state when the outermost block was entered
_grown = 0  # objects frozen since the last full collection (new ones less freed ones)
_kept = 0  # objects frozen when that was counted (0: not yet counted)


def start() -> None:
    """For a run of the window: young collections far apart (a layout of a crowded
    plan makes tens of thousands of short-lived objects; at Python's 700 an edit of
    5,000 activities ran some thirty of them)."""
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


@contextmanager
def held_off() -> Iterator[None]:
    """No collection during the block; what is alive when the outermost block ends
    is frozen (and counted towards the next full collection)."""
    global _depth, _was_enabled, _grown
    if _depth == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            _grown += gc.get_count()[0]  # new tracked objects since the last freeze
            gc.freeze()
            if _was_enabled:
                gc.enable()


def due() -> bool:
    """Whether ``tidy`` has work: the objects frozen since the last full collection
    were never counted, or have grown past ``GROWTH`` times those it left."""
    return _kept == 0 or _grown > GROWTH * _kept


def tidy() -> None:
    """When idle: the first time, count what is frozen (a walk of the objects, no
    collection: the first plan opened is alive, not garbage); later, when ``due``,
    thaw everything, collect the cycles among it and freeze again."""
    global _grown, _kept
    if _depth or not due():
        return
    if _kept:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
    _kept = max(gc.get_freeze_count(), 1)
    _grown = 0
