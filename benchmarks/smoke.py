"""Every benchmark once at a small size, so an API change that breaks one fails CI (its figures
at that size mean nothing; the README's are measured at full size by hand).

    uv run python benchmarks/smoke.py

Needs Qt's offscreen platform for the demo and the workspace benchmark, and PostgreSQL on
127.0.0.1:5432 (database `test`) for the import and sync benchmarks, as the tests do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(*args: str) -> None:
    started = time.perf_counter()
    print(f"-- {' '.join(args)}", flush=True)
    done = subprocess.run(
        [sys.executable, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n")
        raise SystemExit(f"{args[0]} failed (exit {done.returncode})")
    print(f"   ok in {time.perf_counter() - started:.1f} s", flush=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        demo = Path(scratch) / "demo"
        run(
            "-m",
            "collector_desk.cli",
            "demo",
            "--cases",
            "1500",
            "--data-dir",
            str(demo),
            "--screenshot",
            str(Path(scratch) / "demo.png"),
        )
        run(str(HERE / "bench_queue.py"), str(demo))
        run(str(HERE / "bench_workspace.py"), str(demo))
        run(str(HERE / "bench_start.py"), str(demo), "--cases", "1500", "--runs", "1")
    run(str(HERE / "bench_demo.py"), "--cases", "25000")  # past the inline size: a worker
    run(str(HERE / "bench_encryption.py"), "--cases", "1500")
    run(str(HERE / "bench_sync.py"), "--cases", "300", "--clients", "4")
    run(str(HERE / "bench_sync.py"), "--only", "notify", "--changes", "2", "--poll-every", "2")
    for db in ("sqlite", "postgres"):
        run(str(HERE / "bench_import.py"), "--lines", "2000", "--db", db)
    run(str(HERE / "bench_phone.py"), "--calls", "3")  # CI installs baresip-core


if __name__ == "__main__":
    main()
