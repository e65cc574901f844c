"""How long the demo takes to be ready, phase by phase (issue 22; not part of the test suite).

    uv run python benchmarks/bench_demo.py [--cases 1666667] [--data-dir DIR]

Builds the demo as `collector-desk demo --rebuild` does (the central store and the demo
collector's encrypted cache, three cases in five of the portfolio) and prints each phase as
the progress dialog names it, the total, and the peak memory of this process and of the
worker that makes the cases. Beside it, in the same run, the bare floor: SQLite writing the
finished central store's rows once more (`VACUUM INTO`, no Python in the loop).
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import threading
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collector_desk.ui.shell.demo_desks import (  # noqa: E402
    DEMO_CENTRAL_NAME,
    DemoLaunch,
    open_or_build_demo,
)


class PhaseClock:
    """Stands in for the progress dialog: notes when each labelled phase starts, and samples
    this process's resident memory so each phase gets its own peak (Linux: /proc)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.phases: list[list] = [["Starting", self.started, 0.0]]
        self._sampling = threading.Thread(target=self._sample, daemon=True)
        self._sampling.start()

    def _sample(self) -> None:
        status = Path("/proc/self/status")
        while status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    current = self.phases[-1]
                    current[2] = max(current[2], int(line.split()[1]) / 1024)
            time.sleep(0.1)

    def __call__(self, done: int, total: int) -> None:
        pass

    def label(self, text: str) -> None:
        self.phases.append([text, time.perf_counter(), 0.0])

    def check(self) -> None:
        pass

    def report(self, ended: float) -> None:
        marks = [*self.phases, ["", ended, 0.0]]
        for (name, at, peak), (_, until, _) in pairwise(marks):
            print(f"  {name:<48} {until - at:7.1f} s   peak {peak:4.0f} MB")
        ready = "ready (central store and the collector's cache)"
        print(f"  {ready:<48} {ended - self.started:7.1f} s")


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KB


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_666_667)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = args.data_dir or Path(scratch)
        launch = DemoLaunch(data_dir, args.cases, seed=1, language="en", rebuild=True)
        clock = PhaseClock()
        engine = open_or_build_demo(launch, clock)
        ended = time.perf_counter()
        engine.dispose()
        print(f"demo of {args.cases:,} cases")
        clock.report(ended)
        print(f"  peak memory: {peak_mb(resource.RUSAGE_SELF):.0f} MB here, ", end="")
        print(f"{peak_mb(resource.RUSAGE_CHILDREN):.0f} MB in the case maker")
        central = data_dir / DEMO_CENTRAL_NAME
        bare = Path(scratch) / "bare.sqlite"
        started = time.perf_counter()
        with sqlite3.connect(central) as conn:
            conn.execute("VACUUM INTO ?", (str(bare),))
        floor = time.perf_counter() - started
        print(f"  bare floor: SQLite rewrites the central store's rows in {floor:.1f} s", end="")
        print(f" (the demo takes {(ended - clock.started) / floor:.0f}x)")


if __name__ == "__main__":
    main()
