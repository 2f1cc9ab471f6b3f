"""What a user of the window feels: from an event to the repainted window.

Run ``.venv/bin/python benchmarks/interactive.py`` (``--sizes 500 5000 50000`` for
other plans, ``--repeats N``). It opens generated plans in the real main window
at 1366×768 (offscreen) and drives it with real events (QTest): a keystroke in
the search field (every letter of "budget"; then the first letter alone, and
clearing the search at one stroke, as often as ``--repeats``), an arrow-key
nudge, its undo and redo, a click that selects another activity, a drag's first
and later frames and its drop, the first hover, a zoom change, the steps of a
window resized by dragging its edge and the wheel laid out for the size it
settles at (a crowded wheel is shown scaled until then, ``resize_laid_out``
includes the wait of ``SIZE_SETTLES_MS`` after the last step, and
``resize_longest_pass`` is the longest the window meanwhile does not answer:
the longest pass of its event loop); it also times
loading the plan and the PDF handout. Each figure runs from the event until the
window has repainted, median milliseconds: until the event loop has handled the
event and painted what it made out of date, in as many passes as paint something
(as it does for a user; each action is checked to have painted the wheel). ``--full-repaint``
repaints the whole window after each event instead (``QWidget.repaint()``), the
widgets nothing changed in too: the way figures before December 2026 were taken,
about 10 ms more. Each figure is taken from a window at rest: what it does when
idle after a paint, and while idle after opening a plan (folding the search
texts), is done first. (Before 82f6114 the second was not waited for: at 50,000
activities the edits and searches measured after opening carried some of it.)
Peak memory is the process's largest resident size after each plan (it only
grows).

A script, not a test: speed is measured here, not asserted in the suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import machine, synthetic_plan

from aarshjul.model import load_plan, save_plan
from aarshjul.model.periods import Zoom
from aarshjul.render.export import export_pdf
from aarshjul.ui.app import create_application
from aarshjul.ui.main_window import MainWindow


def _timed_loop() -> float:
    begin = time.perf_counter()
    sum(range(2_000_000))
    return (time.perf_counter() - begin) * 1000


def _held_in_the_middle(wheel, item) -> bool:
    """Whether pressing the pixel at ``item``'s middle takes hold of it, to move it."""
    point = QPointF(wheel.point_for(item.occurrence.activity.id, "middle").toPoint())
    hit = wheel.item_at(point)
    return (
        hit is not None
        and hit.occurrence.activity.id == item.occurrence.activity.id
        and wheel._grip(hit, point) == "move"
    )


class PaintCounter(QObject):
    """Counts the paint events of the widgets it watches, and the wheel's apart."""

    def __init__(self, wheel: QObject) -> None:
        super().__init__()
        self.wheel = wheel
        self.count = 0
        self.wheel_count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.wheel_count += watched is self.wheel
        return False


def _preparing(window: MainWindow) -> bool:
    """Whether the window still does its idle work after opening a plan (code before
    ``MainWindow.preparing`` existed, as compare.py runs: its state, where it had it)."""
    ask = getattr(window, "preparing", None)
    if ask is not None:
        return ask()
    return getattr(window, "_preparing", None) is not None


PASSES_AT_MOST = 8  # of the event loop, until one paints nothing


def median(times: list[float]) -> float:
    return round(statistics.median(times), 1)


def bench(
    count: int, repeats: int, folder: Path, pdf: bool = True, full_repaint: bool = False
) -> dict[str, float]:
    app = QApplication.instance()
    assert app is not None
    plan = synthetic_plan(count)
    path = folder / f"plan-{count}.toml"
    save_plan(plan, path)
    load_plan(path)  # a plan the window would refuse stops here, not in a modal dialog
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    wheel = window.wheel
    paints = PaintCounter(wheel)
    for widget in (window, *window.findChildren(QWidget)):
        widget.installEventFilter(paints)

    def settle() -> float:
        """Handle what is pending until a pass of the event loop paints nothing (what
        an event's handlers put off, such as the list's scroll bar after a search, is
        painted in a later pass); returns when the last paint ended."""
        app.processEvents()  # the event handled, what it made out of date painted
        if full_repaint:
            window.repaint()  # everything visible painted again, unchanged or not
        painted_until = time.perf_counter()
        for _ in range(PASSES_AT_MOST):
            before = paints.count
            app.processEvents()
            if paints.count == before:
                break
            painted_until = time.perf_counter()
        return painted_until

    def timed(action) -> float:
        # from a window at rest, as a user finds it: what it does when idle after a
        # paint (freeing the layout it replaced) is done before the next event, and so
        # is what it does while idle after opening a plan (folding the search texts,
        # half a second at 50,000 activities, a few milliseconds per pass)
        settle()
        while _preparing(window):
            app.processEvents()
        painted = paints.wheel_count
        begin = time.perf_counter()
        action()
        elapsed = (settle() - begin) * 1000
        if paints.wheel_count == painted:  # a figure without its paint would flatter
            raise RuntimeError(f"the wheel was not painted: {action}")
        return elapsed

    results: dict[str, float] = {}
    results["load"] = median([timed(lambda: window.open_path(path)) for _ in range(2)])
    layout = wheel.layout_()
    assert layout is not None
    # the longest phase that a press on its middle takes hold of, to hover, nudge and
    # drag (lanes thinner than a pixel: the pixel pressed may belong to another)
    item = next(
        (
            i
            for i in sorted(layout.items, key=lambda i: i.angle0 - i.angle1)
            if not i.is_marker and _held_in_the_middle(wheel, i)
        ),
        max((i for i in layout.items if not i.is_marker), key=lambda i: i.angle1 - i.angle0),
    )
    activity = item.occurrence.activity.id
    point = wheel.point_for(activity, "middle").toPoint()
    results["first_hover"] = round(timed(lambda: QTest.mouseMove(wheel, point)), 1)

    search = window.search
    keys, firsts, clears = [], [], []
    for k in range(repeats):  # "budget" typed, then cleared at one stroke, each time
        for n, letter in enumerate("budget"[:repeats]):
            if k == 0 or n == 0:  # every letter the first time, later the first alone
                took = timed(lambda letter=letter: QTest.keyClicks(search, letter))
                if k == 0:
                    keys.append(took)
                if n == 0:
                    firsts.append(took)
            else:
                QTest.keyClicks(search, letter)
                settle()
        search.selectAll()
        clears.append(timed(lambda: QTest.keyClick(search, Qt.Key.Key_Backspace)))
    results["search_keystroke"] = median(keys)
    results["search_first_letter"] = median(firsts)
    results["search_cleared"] = median(clears)

    window.view.select((activity, item.occurrence.index))
    wheel.setFocus()
    settle()
    nudges, undos, redos = [], [], []
    for _ in range(repeats):  # a nudge, its undo and redo, each a step of its own
        nudges.append(timed(lambda: QTest.keyClick(wheel, Qt.Key.Key_Right)))
        undos.append(timed(lambda: window.undo_action.trigger()))
        redos.append(timed(lambda: window.redo_action.trigger()))
        window.undo_action.trigger()
        settle()
    results["nudge"] = median(nudges)
    results["undo"] = median(undos)
    results["redo"] = median(redos)

    # a click on another activity selects it: the wheel, the details and the list follow
    others = sorted(
        (i for i in layout.items if not i.is_marker and i.occurrence.activity.id != activity),
        key=lambda i: i.angle0 - i.angle1,
    )[:2]
    clicks = []
    for k in range(repeats):
        other = others[k % len(others)].occurrence.activity.id
        where = wheel.point_for(other, "middle").toPoint()
        clicks.append(
            timed(
                lambda w=where: QTest.mouseClick(
                    wheel, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, w
                )
            )
        )
    results["selection"] = median(clicks)
    window.view.select((activity, item.occurrence.index))
    wheel.setFocus()
    settle()

    firsts, frames, drops = [], [], []
    for _ in range(repeats):
        layout = wheel.layout_()
        assert layout is not None
        start = wheel.point_for(activity, "middle").toPoint()
        QTest.mousePress(wheel, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        settle()
        firsts.append(timed(lambda s=start: QTest.mouseMove(wheel, s + QPoint(12, 4))))
        for step in range(2, 8):
            frames.append(
                timed(lambda s=start, k=step: QTest.mouseMove(wheel, s + QPoint(6 * k, 2 * k)))
            )
        end = start + QPoint(48, 16)
        drops.append(
            timed(
                lambda e=end: QTest.mouseRelease(
                    wheel, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, e
                )
            )
        )
        window.undo_action.trigger()
        settle()
    results["drag_first_frame"] = median(firsts)
    results["drag_frame"] = median(frames)
    results["drop"] = median(drops)
    results["zoom_change"] = median(
        [
            timed(lambda z=zoom: window.view.set_zoom(z, plan.start))
            for zoom in (Zoom.QUARTER, Zoom.MONTH, Zoom.YEAR)
        ]
    )
    # the window's lower edge dragged up: steps of 6 px, each a size not seen before; a
    # crowded wheel is shown scaled meanwhile, and laid out once the size has settled
    # (and the longest pass of the event loop meanwhile: how long the window does not
    # answer; a crowded wheel is laid out and painted a ring at a time)
    steps, laid_out, longest = [], [], []
    for k in range(repeats):
        begin = time.perf_counter()
        for step in range(1, 5):
            height = 768 - 24 * k - 6 * step
            begin = time.perf_counter()
            steps.append(timed(lambda h=height: window.resize(1366, h)))
        passes = []
        while wheel.is_scaled():  # (the last step's event to the wheel laid out for it)
            start = time.perf_counter()
            app.processEvents()
            passes.append(time.perf_counter() - start)
        start = time.perf_counter()
        end = settle()
        passes.append(end - start)
        laid_out.append((end - begin) * 1000)
        longest.append(max(passes) * 1000)
    window.resize(1366, 768)
    settle()
    results["resize_step"] = median(steps)
    results["resize_laid_out"] = median(laid_out)
    results["resize_longest_pass"] = median(longest)
    if pdf:
        begin = time.perf_counter()
        export_pdf(window.document.plan, folder / f"plan-{count}.pdf")  # type: ignore[arg-type]
        results["pdf_export"] = round((time.perf_counter() - begin) * 1000)
    results["peak_memory_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    window.document.undo_stack.clear()
    window.document.undo_stack.setClean()
    window.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-pdf", action="store_true", help="leave the PDF handout out")
    parser.add_argument(
        "--full-repaint",
        action="store_true",
        help="repaint the whole window after each event (figures before December 2026)",
    )
    args = parser.parse_args()
    calibration = median([_timed_loop() for _ in range(9)])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder  # a first start, no saved window state
        os.environ["XDG_DATA_HOME"] = folder
        create_application()
        QSettings().clear()
        results = {
            str(n): bench(
                n, args.repeats, Path(folder), pdf=not args.no_pdf, full_repaint=args.full_repaint
            )
            for n in args.sizes
        }
    print(
        json.dumps(
            {
                "unit": "median milliseconds from the event to the repainted window",
                "machine": machine(),
                "python": sys.version.split()[0],
                # sum(range(2_000_000)), as benchmarks/render.py times it: this machine's
                # speed varies by half from hour to hour; compare runs of like calibration
                "calibration_ms": calibration,
                "results": results,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
