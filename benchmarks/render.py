"""Timing of the wheel's hot paths at 50, 500 and 5,000 activities.

Run it with ``.venv/bin/python benchmarks/render.py`` (add ``--quick`` for fewer
repeats). It prints JSON: for each plan size, the median milliseconds of

- ``layout_and_paint``: a full layout and paint of the wheel at 1600×1600 into
  a QImage, from nothing remembered (what opening a plan or resizing costs; an
  edit in the window reuses the rings it did not change, and
  ``benchmarks/interactive.py`` measures that);
- ``occurrences``: expanding the plan's recurrences into occurrences;
- ``layout``: the wheel's geometry from the occurrences, every name placed (on
  its item, beside the wheel or by number), at 1600×1600, and
  ``layout_laptop`` the same in a laptop window's wheel (984×544);
- ``paint``: painting a laid-out wheel (no ring images or paths kept);
- ``drag_frame``: one frame of a drag, as the widget repaints it per mouse
  move: the cached wheel without the dragged activity blitted, the activity
  moved a day and painted on top;
- ``hit_test_10k``: hit-testing 10,000 points spread over the wheel;
- ``label_changed_ring``: naming on their items the fullest ring's items at
  1366×768 after an edit made a quarter of them anew (in the lanes they came to);
- ``load``: reading and validating the plan file;
- ``export_pdf``: writing the PDF (wheel and handout).

``calibration_ms`` times a fixed loop of plain Python in the same run: this
machine's speed varies by half from hour to hour, and the ratio tells a slow
hour from a slow change. A script, not a test: speed is measured here, not
asserted in the suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

from aarshjul import geometry
from aarshjul.model import Activity, Category, Plan, Ring, load_plan, save_plan
from aarshjul.model import plan as plan_module
from aarshjul.render import painter as painter_module
from aarshjul.render.export import ensure_gui_application, export_pdf
from aarshjul.render.painter import (
    fit_transform,
    measure,
    paint_item,
    paint_wheel,
    wheel_layout,
)

SIZES = (50, 500, 5000)
WORDS = (
    "Budget",
    "møde",
    "frist",
    "opfølgning",
    "analyse",
    "strategi",
    "høring",
    "plan",
    "temadag",
    "indstilling",
    "orientering",
    "evaluering",
    "dialog",
    "rapport",
)
COLOURS = ("#56b4e9", "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#f0e442", "#999999")


def synthetic_plan(count: int, seed: int = 1) -> Plan:
    """A plan of ``count`` activities: phases, deadlines and a few without a date."""
    rnd = random.Random(seed)
    plan = Plan(
        f"Benchmark {count}",
        dt.date(2024, 1, 1),
        organisation="Benchmark",
        rings=tuple(Ring(f"r{i}", f"Ring {i + 1}") for i in range(5)),
        categories=tuple(Category(f"c{i}", f"Kategori {i + 1}", c) for i, c in enumerate(COLOURS)),
    )
    activities: list[Activity] = []
    for i in range(count):
        title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 4))).capitalize()
        start = plan.start + dt.timedelta(days=rnd.randrange(plan.days))
        kind = rnd.random()
        end = None
        if kind < 0.7:
            end = min(start + dt.timedelta(days=rnd.randint(0, 45)), plan.last_day)
        elif kind > 0.95:
            start = None
        activities.append(
            Activity(
                f"a{i}",
                title,
                f"r{rnd.randrange(5)}",
                f"c{rnd.randrange(len(COLOURS))}",
                start,
                end,
            )
        )
    return replace(plan, activities=tuple(activities))


def forget() -> None:
    """Nothing remembered from an earlier run: the occurrences of each activity, the
    rings laid out, the ring images and paths painted. The window reuses them after
    an edit (``benchmarks/interactive.py`` measures that); here each step starts
    from nothing, as on opening a plan or resizing the window."""
    plan_module._EXPANDED.clear()
    plan_module._MARKERS.clear()
    plan_module._DATED.clear()
    geometry._RINGS.clear()
    geometry._SPLIT.clear()
    geometry._LANES.clear()
    painter_module._LAYERS.clear()
    painter_module.annulus_sector.cache_clear()
    painter_module._diamond.cache_clear()


def median_ms(function, repeats: int, before=None) -> float:
    """Median milliseconds of ``function``; ``before`` (untimed) runs ahead of each."""
    function()  # warm caches (fonts, metrics)
    times = []
    for _ in range(repeats):
        if before is not None:
            before()
        begin = time.perf_counter()
        function()
        times.append((time.perf_counter() - begin) * 1000)
    return round(statistics.median(times), 2)


def bench(count: int, repeats: int, folder: Path) -> dict[str, float]:
    plan = synthetic_plan(count)
    side = 1600
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, side, side)

    def layout_and_paint() -> None:
        layout = wheel_layout(plan, side)
        image.fill(Qt.GlobalColor.white)
        with QPainter(image) as painter:
            paint_wheel(painter, layout, rect)

    layout = wheel_layout(plan, side)
    occurrences = plan.occurrences()

    def paint_only() -> None:
        image.fill(Qt.GlobalColor.white)
        with QPainter(image) as painter:
            paint_wheel(painter, layout, rect)

    dragged = max((i for i in layout.items if not i.is_marker), key=lambda i: i.angle1 - i.angle0)
    cache = QPixmap(side, side)
    cache.fill(Qt.GlobalColor.white)
    with QPainter(cache) as painter:
        paint_wheel(painter, layout, rect, skip={dragged.occurrence.activity.id})
    frame = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    step = [0]

    def drag_frame() -> None:
        step[0] = (step[0] + 1) % 30
        item = geometry.moved(layout, dragged, step[0], measure=measure())
        with QPainter(frame) as painter:
            painter.drawPixmap(0, 0, cache)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setWorldTransform(fit_transform(layout, rect))
            paint_item(painter, item, emphasis=2.5)

    rnd = random.Random(2)
    points = [
        (rnd.uniform(-side / 2, side / 2), rnd.uniform(-side / 2, side / 2)) for _ in range(10_000)
    ]

    def hit_test() -> None:
        for x, y in points:
            layout.hit(x, y)

    laptop = wheel_layout(plan, 1366, 768, occurrences)
    fullest = max(laptop.ring_items, key=len)
    widths = geometry.TextWidths.of(measure())
    ring: list[geometry.Item] = []

    def copy_ring() -> None:
        ring[:] = [geometry._copy(item) for item in fullest]

    def label_changed_ring() -> None:
        fresh = ring[::4]
        lanes = {item.lane for item in fresh}
        geometry._label_on_items(ring, widths, laptop.sizes, geometry.Style(), fresh, lanes)

    path = folder / f"plan-{count}.toml"
    save_plan(plan, path)
    pdf = folder / f"plan-{count}.pdf"
    return {
        "layout_and_paint": median_ms(layout_and_paint, repeats, forget),
        "occurrences": median_ms(plan.occurrences, repeats, forget),
        "layout": median_ms(lambda: wheel_layout(plan, side, None, occurrences), repeats, forget),
        "layout_laptop": median_ms(
            lambda: wheel_layout(plan, 984, 544, occurrences), repeats, forget
        ),
        "paint": median_ms(paint_only, repeats, forget),
        "drag_frame": median_ms(drag_frame, repeats * 5),
        "hit_test_10k": median_ms(hit_test, repeats),
        "label_changed_ring": median_ms(label_changed_ring, repeats, copy_ring),
        "load": median_ms(lambda: load_plan(path), repeats),
        "export_pdf": median_ms(lambda: export_pdf(plan, pdf), max(3, repeats // 3)),
    }


def machine() -> str:
    """The processor, cores, system and Qt binding the figures were taken with."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(
                (line.split(":", 1)[1].strip() for line in info if line.startswith("model name")),
                model,
            )
    except OSError:
        pass
    import PySide6

    return (
        f"{model} ({platform.machine()}), {os.cpu_count()} cores, {platform.system()}, "
        f"PySide6 {PySide6.__version__}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats instead of 15")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args()
    ensure_gui_application()
    repeats = 3 if args.quick else 15
    # the machine's speed at the time: figures from slower moments scale with it
    calibration = median_ms(lambda: sum(range(2_000_000)), repeats)
    with tempfile.TemporaryDirectory() as folder:
        results = {str(n): bench(n, repeats, Path(folder)) for n in args.sizes}
    print(
        json.dumps(
            {
                "unit": "median milliseconds",
                "machine": machine(),
                "python": sys.version.split()[0],
                "calibration_ms": calibration,  # sum(range(2_000_000)) in this Python
                "results": results,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
