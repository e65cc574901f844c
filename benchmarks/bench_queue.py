"""Queue read figures on a demo cache (not part of the test suite).

    # three cases in five are the demo collector's: 1,666,667 cases give a queue of a million
    uv run collector-desk demo --cases 1666667 --data-dir /tmp/million --screenshot /tmp/m.png
    uv run python benchmarks/bench_queue.py /tmp/million/demo-cache.sqlite

Prints the median of several runs for: counting the queue, the first window of rows, a window
near the end (OFFSET), and reading one case in full for the detail pane.
"""

import statistics
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from collector_desk.demo import DEMO_COLLECTOR
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.shared.people import find_user

RUNS = 7


def measure(label: str, fn) -> None:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<34} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")


def main(path: str) -> None:
    engine = open_cache(Path(path))
    user = find_user(engine, DEMO_COLLECTOR)
    queue = CaseQueue(engine, user.id, ZoneInfo(user.time_zone))
    total = queue.count()
    print(f"cache {path}: {total:,} cases, {Path(path).stat().st_size / 2**20:,.0f} MiB")
    measure("count()", queue.count)
    measure("window(0, 200)", lambda: queue.window(0, 200))
    measure(f"window({total - 200:,}, 200)", lambda: queue.window(total - 200, 200))
    top = queue.window(0, 1)[0].case_id
    measure("detail(top case)", lambda: queue.detail(top))
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
