"""A nudge and its undo with and without the texts kept (97edb98, 3c61bb4), in one
process.

Run ``.venv/bin/python benchmarks/texts_kept.py [--size 5000]``. The machine's
speed drifts by more than these changes save between two runs, so this takes
both in one window, in alternate blocks of ten steps (a nudge of the benchmark's
phase, then its undo, each timed from the key press or the undo until the event
loop has painted): "kept" is the code as it is; "drawn" paints the names off
their items and the numbered list as text on every paint and places the names
beside the wheel and the numbers anew on every layout, as before those commits.
Prints the median milliseconds a step of each, and the calibration.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interactive import _held_in_the_middle, _timed_loop
from render import machine, synthetic_plan

from aarshjul import labels
from aarshjul.model import save_plan
from aarshjul.render import painter
from aarshjul.ui.app import create_application
from aarshjul.ui.main_window import MainWindow


def _drawn_texts(device_painter, layout, skip) -> bool:
    painter._paint_names_off(device_painter, painter._named_off(layout, skip))
    return False


class _Forgetful(labels._Last):
    """A placement's memory that remembers nothing: every call places anew."""

    def recall(self, key, requests, width_of):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--blocks", type=int, default=16)
    args = parser.parse_args()
    app = create_application()
    folder = Path(tempfile.mkdtemp())
    path = folder / "plan.toml"
    save_plan(synthetic_plan(args.size), path)
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.open_path(path)
    while window.preparing():
        app.processEvents()
    for _ in range(5):
        app.processEvents()
    wheel = window.wheel
    layout = wheel.layout_()
    assert layout is not None
    item = next(  # the benchmark's phase
        i
        for i in sorted(layout.items, key=lambda i: i.angle0 - i.angle1)
        if not i.is_marker and _held_in_the_middle(wheel, i)
    )
    window.view.select((item.occurrence.activity.id, item.occurrence.index))
    wheel.setFocus()
    kept = (painter._paint_texts_off_items, labels._OUTSIDE, labels._NUMBERS)
    drawn = (_drawn_texts, _Forgetful(), _Forgetful())

    def use(code) -> None:
        painter._paint_texts_off_items, labels._OUTSIDE, labels._NUMBERS = code

    def step(k: int) -> float:
        begin = time.perf_counter()
        if k % 2 == 0:
            QTest.keyClick(wheel, Qt.Key.Key_Right)
        else:
            window.undo_action.trigger()
        for _ in range(4):
            app.processEvents()
        return (time.perf_counter() - begin) * 1000

    times: dict[str, list[float]] = {"kept": [], "drawn": []}
    for block in range(args.blocks):
        for name in ("kept", "drawn") if block % 2 == 0 else ("drawn", "kept"):
            use(kept if name == "kept" else drawn)
            for k in range(2):  # (the texts image made again, placements remembered)
                step(k)
            times[name] += [step(k) for k in range(10)]
    use(kept)
    window.document.undo_stack.setClean()
    window.close()
    print(
        json.dumps(
            {
                "unit": "median milliseconds a step (a nudge or its undo)",
                "machine": machine(),
                "calibration_ms": round(_timed_loop(), 1),
                "activities": args.size,
                "kept": round(statistics.median(times["kept"]), 1),
                "drawn": round(statistics.median(times["drawn"]), 1),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
