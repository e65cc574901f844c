"""How long the app takes from its process starting to the first rows on screen (issue 22; not
part of the test suite).

    uv run collector-desk demo --cases 1666667 --data-dir /tmp/million --screenshot /tmp/m.png
    uv run python benchmarks/bench_start.py /tmp/million --cases 1666667 \
        [--bundle dist/collector-desk]

Starts `collector-desk demo` on an existing demo, as a user would, several times each way:
- as installed: every module's bytecode compiled once beforehand, as an installed wheel has it
  (pip's default; uv's `compile-bytecode`, which this project sets; the bundle's archive);
- without bytecode: every module compiled from source at every start, what a desk whose
  environment forbids writing bytecode (PYTHONDONTWRITEBYTECODE) would see without it;
- the bundle, when its folder is given.

Each start is timed from launching the process to the log's line saying the first rows are on
screen (the app writes it once the main window has painted), so the figure includes the
interpreter, the imports, opening the encrypted cache and building the window, and nothing the
benchmark does itself. Beside it, the peak resident memory of the app's process and of the
demo's central store, which runs in a process of its own, over the whole run: the first
sync included, until the screenshot is saved (Linux: VmHWM). Medians of the runs after one
warm-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collector_desk.config.diagnostics import LOG_NAME  # noqa: E402
from collector_desk.ui.shell.startup import FIRST_ROWS_LOGGED  # noqa: E402


@dataclass
class Start:
    first_rows: float  # seconds from launch
    desk_peak: float  # MB, the app's own process
    store_peak: float  # MB, the demo's central store (a process of its own), 0 if unseen


def peak_mb(pid: int) -> float:
    """The process's peak resident memory so far (Linux: VmHWM), 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def timed_start(command: list[str], env: dict[str, str], logs: Path) -> Start:
    """Launch command, follow its memory until it exits, then read the log's first-rows line."""
    shutil.rmtree(logs, ignore_errors=True)
    launched = time.time()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    desk = store = 0.0
    while process.poll() is None:
        desk = max(desk, peak_mb(process.pid))
        store = max([store, *(peak_mb(child) for child in children(process.pid))])
        time.sleep(0.05)
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {process.stderr.read().decode()[-2000:]}")
    for log in logs.rglob(LOG_NAME):
        for line in log.read_text(encoding="utf-8").splitlines():
            if FIRST_ROWS_LOGGED in line:
                # the log's time is local, to the millisecond: "2026-12-05 19:31:41,173"
                stamp = time.mktime(time.strptime(line[:19], "%Y-%m-%d %H:%M:%S"))
                return Start(stamp + int(line[20:23]) / 1000 - launched, desk, store)
    raise SystemExit(f"no '{FIRST_ROWS_LOGGED}' line in the log under {logs}")


def starts(command: list[str], env: dict[str, str], logs: Path, runs: int) -> list[Start]:
    timed_start(command, env, logs)  # warm-up: the disk cache holds the files after it
    return [timed_start(command, env, logs) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path, help="an existing demo's --data-dir")
    parser.add_argument("--cases", type=int, default=1_666_667)
    parser.add_argument("--seed", type=int, help="the demo's --seed, if not the default")
    parser.add_argument("--bundle", type=Path, help="the bundle's folder (dist/collector-desk)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    demo = ["demo", "--cases", str(args.cases), "--data-dir", str(args.data_dir)]
    if args.seed is not None:
        demo += ["--seed", str(args.seed)]
    with tempfile.TemporaryDirectory() as scratch:
        demo += ["--screenshot", str(Path(scratch) / "start.png")]
        logs = Path(scratch) / "state"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(logs)}
        installed = [str(Path(sys.executable).with_name("collector-desk")), *demo]
        # Bytecode as an installed wheel has it, whatever this checkout's environment allows:
        # every module compiled once into a cache of its own, read at each start.
        compiled = Path(scratch) / "bytecode"
        compiled_env = {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(compiled)}
        # the standard library too: with a cache of its own, Python reads bytecode only there
        sources = [p for p in sys.path if p and Path(p).is_dir() and Path(p) != ROOT]
        subprocess.run(  # exit 1 for the odd file Python 3 cannot compile (a package's test data)
            [
                sys.executable,
                "-m",
                "compileall",
                "-q",
                "-j0",
                *sources,
                str(ROOT / "collector_desk"),
            ],
            env=compiled_env,
            capture_output=True,
            check=False,
        )
        empty = Path(scratch) / "no-bytecode"
        uncompiled = {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(empty)}
        ways = [
            ("as installed (bytecode compiled)", installed, compiled_env),
            ("without bytecode (compiled at each start)", installed, uncompiled),
        ]
        if args.bundle is not None:
            ways.append(("the bundle", [str(args.bundle / "collector-desk"), *demo], env))
        print(f"start to the first rows, demo of {args.cases:,} cases, median of {args.runs}:")
        for name, command, environment in ways:
            runs = starts(command, environment, logs, args.runs)
            seconds = [r.first_rows for r in runs]
            spread = f"{min(seconds):.2f}–{max(seconds):.2f}"
            print(f"  {name:<44} {statistics.median(seconds):5.2f} s  ({spread} s)", end="")
            desk = statistics.median(r.desk_peak for r in runs)
            store = statistics.median(r.store_peak for r in runs)
            print(f"   peak: window's process {desk:.0f} MB, the store's {store:.0f} MB")


if __name__ == "__main__":
    main()
