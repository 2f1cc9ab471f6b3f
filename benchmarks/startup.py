"""How long from starting Python to the window with the 2022 wheel painted.

Run ``.venv/bin/python benchmarks/startup.py`` (offscreen unless a display is
set). Prints JSON with the median of 9 runs in milliseconds, and its ratio to a bare
PySide6 window started the same way in the same run; each run is a new process,
measured from just before it starts until its window has been painted whole, the
first time, by the event loop (as a user sees it appear: every widget of the window,
not the wheel alone). The program is started as the ``aarshjul`` command starts it:
``aarshjul.cli.main`` with the shipped plan, so the command line's own imports count.
A third figure is the bare window in a process that first imports the Qt classes the
program's modules use: what PySide6 itself costs the program, before any of its own
code runs. The three are taken in turns. The package is compiled to bytecode first,
as an installed program is: with ``PYTHONDONTWRITEBYTECODE`` set (as on this
project's machine) every start would otherwise compile every module again.
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Installed on the window as it is shown (on the window alone: a filter on the whole
# application would be called for every event of every widget, and cost tens of
# milliseconds): the window's first paint event starts a zero timer, which runs once
# that pass of painting (the window first, then every widget in it) is over.
WATCH = """
import os, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

class FirstPaint(QObject):
    def __init__(self, parent):
        super().__init__(parent)
        self.seen = False

    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self):
        print(round((time.time() - float(os.environ["STARTED"])) * 1000))
        QCoreApplication.quit()

def watch(window):
    window.installEventFilter(watcher := FirstPaint(window))
"""

RUN = """
from aarshjul import cli  # what the ``aarshjul`` command imports first
from aarshjul.paths import shipped_plan
from aarshjul.ui.main_window import MainWindow
{watch}
shown = MainWindow.show

def show(window):
    watch(window)
    shown(window)

MainWindow.show = show
cli.main([str(shipped_plan())])
"""


BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
{imports}
{watch}
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
watch(window)
window.show()
app.exec()
"""


# Prints the Qt classes (by module) that the program's modules hold at start-up: the
# bare window with these imported shows what PySide6 itself costs the program (the
# types and their Python enums are made as each class is first imported).
CLASSES = """
import json, sys
from PySide6.QtCore import QTimer
from aarshjul import cli
from aarshjul.ui.main_window import MainWindow
from aarshjul.ui.app import create_application
used = {}
for name, module in list(sys.modules.items()):
    if name.startswith("aarshjul") and module is not None:
        for key, value in vars(module).items():
            where = getattr(value, "__module__", None) or ""
            if isinstance(value, type) and where.startswith("PySide6.Qt"):
                used.setdefault(where, set()).add(key)
print(json.dumps({k: sorted(v) for k, v in used.items()}))
"""


def qt_imports() -> str:
    """``from PySide6.QtX import …`` lines for the Qt classes the program imports."""
    out = subprocess.run(
        [sys.executable, "-c", CLASSES],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    ).stdout
    used = json.loads(out.strip().splitlines()[-1])
    return "\n".join(f"from {module} import {', '.join(names)}" for module, names in used.items())


def once(script: str = RUN, imports: str = "") -> int:
    """One new process: from just before it starts to its window painted. It starts
    as on a first start, with settings and data in a folder of its own: the user's
    saved window (its size, its panels) neither steers the figure nor is touched."""
    script = script.format(watch=WATCH, imports=imports)
    with tempfile.TemporaryDirectory(prefix="aarshjul-startup-") as folder:
        env = dict(os.environ, XDG_CONFIG_HOME=folder, XDG_DATA_HOME=folder)
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        env["STARTED"] = repr(time.time())
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
        ).stdout
    return int(out.strip().splitlines()[-1])


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from render import machine  # (in this process only: the runs start afresh)

    package = Path(__file__).resolve().parent.parent / "aarshjul"
    compileall.compile_dir(package, quiet=1)
    imports = qt_imports()
    runs, bare, classes = [], [], []
    for _ in range(9):  # taken in turns, so all see the machine alike
        runs.append(once())
        bare.append(once(BARE))
        classes.append(once(BARE, imports))
    median, baseline = statistics.median(runs), statistics.median(bare)
    print(
        json.dumps(
            {
                "unit": "milliseconds",
                "machine": machine(),
                "median_to_painted_window": median,
                "bare_pyside6_window": baseline,
                "ratio_to_bare": round(median / baseline, 2),
                # a bare window in a process that imported the program's Qt classes
                "bare_window_with_the_qt_classes": statistics.median(classes),
                "its_ratio_to_bare": round(statistics.median(classes) / baseline, 2),
                "runs": runs,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
