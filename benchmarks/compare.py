"""The window's figures of this checkout against an earlier commit, taken in turns.

Run ``.venv/bin/python benchmarks/compare.py REV`` (``--sizes 500 5000``,
``--rounds N``, ``--repeats N``). A machine whose speed drifts by half from one
hour to the next makes figures taken at different times worth little side by side:
this takes them in turns, in one sitting. It checks REV out in a temporary git
worktree and runs ``benchmarks/interactive.py`` (this checkout's, so both are
measured alike) once per round for each code, the earlier first, each with its
own ``aarshjul`` package (``PYTHONPATH``). Prints, per plan size and action, the
median over the rounds of each run's median, and the change. The PDF is left out
unless ``--pdf`` (``interactive.py --no-pdf``): it is slow, and it is the handout's,
not the window's. ``--full-repaint`` passes on to both runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run(tree: Path, sizes: list[int], repeats: int, pdf: bool, full: bool = False) -> dict:
    """One run of the interactive benchmark on the code in ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    args = [sys.executable, str(HERE / "interactive.py"), "--repeats", str(repeats)]
    args += [] if pdf else ["--no-pdf"]
    args += ["--full-repaint"] if full else []
    args += ["--sizes"]
    done = subprocess.run(
        [*args, *map(str, sizes)], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("rev", help="the earlier commit (anything git rev-parse takes)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[5000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="also the PDF export")
    parser.add_argument(
        "--full-repaint", action="store_true", help="interactive.py --full-repaint, for both"
    )
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", args.rev],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as folder:
        earlier = Path(folder) / "earlier"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(earlier), commit],
            check=True,
        )
        try:
            runs: dict[str, list[dict]] = {"before": [], "after": []}
            for _ in range(args.rounds):  # in turns, so both see the machine alike
                for name, tree in (("before", earlier), ("after", ROOT)):
                    runs[name].append(
                        run(tree, args.sizes, args.repeats, args.pdf, args.full_repaint)
                    )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)],
                check=False,
            )
    calibrations = [r["calibration_ms"] for rs in runs.values() for r in rs]
    print(
        f"before: {commit}; after: this checkout; {args.rounds} rounds in turns; "
        f"calibration {min(calibrations)}–{max(calibrations)} ms; median ms"
    )
    for size in map(str, args.sizes):
        print(f"\n{size} activities\n")
        print("| action | before | after | change |\n| --- | ---: | ---: | ---: |")
        actions = runs["after"][0]["results"][size]
        for action in actions:
            before = statistics.median(r["results"][size][action] for r in runs["before"])
            after = statistics.median(r["results"][size][action] for r in runs["after"])
            change = f"{(after - before) / before:+.0%}" if before else ""
            print(f"| {action} | {before:g} | {after:g} | {change} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
