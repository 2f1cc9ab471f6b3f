"""How long from starting Python to the window with the 2022 wheel painted.

Run ``.venv/bin/python benchmarks/startup.py`` (offscreen unless a display is
set). Prints JSON with the median of 7 runs in milliseconds, and its ratio to a bare
PySide6 window started the same way in the same run; each run is a new process,
measured from its interpreter's start. The package is compiled to bytecode first,
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
import time
from pathlib import Path

RUN = """
import os, time
from PySide6.QtCore import QTimer
from aarshjul.paths import shipped_plan
from aarshjul.ui.app import create_application
from aarshjul.ui.main_window import MainWindow
app = create_application()
window = MainWindow()
window.open_path(shipped_plan())
window.show()
def painted():
    window.wheel.grab()
    print(round((time.time() - float(os.environ["STARTED"])) * 1000))
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


BARE = """
import os, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def painted():
    window.grab()
    print(round((time.time() - float(os.environ["STARTED"])) * 1000))
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


def once(script: str = RUN) -> int:
    """One new process: from just before it starts to its window painted."""
    env = dict(os.environ)
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
    runs, bare = [], []
    for _ in range(7):  # taken in turns, so both see the machine alike
        runs.append(once())
        bare.append(once(BARE))
    median, baseline = statistics.median(runs), statistics.median(bare)
    print(
        json.dumps(
            {
                "unit": "milliseconds",
                "machine": machine(),
                "median_to_painted_window": median,
                "bare_pyside6_window": baseline,
                "ratio_to_bare": round(median / baseline, 2),
                "runs": runs,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
