"""Crash recovery: unsaved work is written every 30 seconds to the user's data
folder, and offered back after a crash. A save or a clean close removes it."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from aarshjul.model import Plan, PlanError, dumps_plan, loads_plan
from aarshjul.model.fileformat import write_atomically

INTERVAL_MS = 30_000


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".aarshjul") / "recovery"


def recovery_file(path: Path | None) -> Path:
    """Where the unsaved work on the plan at ``path`` (or a plan never saved) is kept."""
    key = str(path.resolve()) if path is not None else "unsaved"
    return recovery_folder() / f"{hashlib.sha256(key.encode()).hexdigest()[:16]}.toml"


def write(plan: Plan, path: Path | None) -> None:
    """Keep ``plan`` as the unsaved work on ``path``; a failure is not the user's problem."""
    target = recovery_file(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        header = f"# unsaved work on {path or 'a new plan'}\n"
        write_atomically(target, (header + dumps_plan(plan)).encode("utf-8"))
    except OSError:
        pass


def found(path: Path | None) -> tuple[Plan, dt.datetime] | None:
    """Unsaved work kept for ``path`` by a program that did not close cleanly, and when."""
    target = recovery_file(path)
    try:
        text = target.read_text(encoding="utf-8")
        written = dt.datetime.fromtimestamp(target.stat().st_mtime)
        return loads_plan(text, str(target)), written
    except (OSError, PlanError):
        return None


def discard(path: Path | None) -> None:
    recovery_file(path).unlink(missing_ok=True)
