"""Who has a plan open: a lock file beside it, as office programs write one. No Qt.

``.~lock.<name>#`` holds "user,host,pid,time". It warns, it does not forbid: a
second person is told who has the plan open and since when.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from dataclasses import dataclass
from pathlib import Path

STALE = dt.timedelta(hours=12)  # a lock this old was left by a crash


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: dt.datetime

    def is_me(self) -> bool:
        return self.host == _host() and self.pid == os.getpid()


def _host() -> str:
    """This machine's name, as ``socket.gethostname()`` gives it (socket is not
    imported for it at every start)."""
    try:
        return os.uname().nodename
    except AttributeError:  # (Windows)
        import socket

        return socket.gethostname()


def lock_path(plan: Path) -> Path:
    return plan.with_name(f".~lock.{plan.name}#")


def holder(plan: Path) -> Holder | None:
    """Who else has ``plan`` open now, from its lock file; None if nobody (or a lock
    that is stale, or ours)."""
    try:
        user, host, pid, since = lock_path(plan).read_text(encoding="utf-8").split(",", 3)
        found = Holder(user, host, int(pid), dt.datetime.fromisoformat(since.strip()))
    except (OSError, ValueError):
        return None
    if found.is_me() or dt.datetime.now() - found.since > STALE:
        return None
    if found.host == _host() and not _alive(found.pid):
        return None  # a crashed program on this machine
    return found


def take(plan: Path) -> bool:
    """Write our lock beside ``plan``; False where the folder does not let us."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    text = f"{user},{_host()},{os.getpid()},{now}"
    try:
        lock_path(plan).write_text(text, encoding="utf-8")
    except OSError:
        return False
    return True


def release(plan: Path) -> None:
    """Remove our lock (and only ours)."""
    path = lock_path(plan)
    try:
        _user, host, pid, _since = path.read_text(encoding="utf-8").split(",", 3)
        if host == _host() and int(pid) == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
