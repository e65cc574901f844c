"""Queue read figures on a demo cache (not part of the test suite).

    # three cases in five are the demo collector's: 1,666,667 cases give a queue of a million
    uv run collector-desk demo --cases 1666667 --data-dir /tmp/million --screenshot /tmp/m.png
    uv run python benchmarks/bench_queue.py /tmp/million

Opens the demo collector's cache in that folder with its key (the demo's caches are encrypted,
as a desk's are) and prints the median of several runs for: counting the queue, the first
window of rows, a window near the end (OFFSET), and reading one case in full for the detail
pane. Views, sorts and searches, each beside its bare statements, are in bench_workspace.py.
"""

import argparse
import statistics
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from collector_desk.demo import DEMO_COLLECTOR
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.queue import DEFAULT_SPEC, CaseQueue
from collector_desk.store.shared.people import find_user
from collector_desk.ui.shell.demo_desks import demo_cache_path, demo_key

RUNS = 7


def measure(label: str, fn) -> None:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<34} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")


def main(data_dir: str) -> None:
    path = demo_cache_path(Path(data_dir), DEMO_COLLECTOR)
    engine = open_cache(path, demo_key(Path(data_dir), DEMO_COLLECTOR))
    user = find_user(engine, DEMO_COLLECTOR)
    assert user is not None, f"{path} is not a demo collector's cache"
    queue = CaseQueue(engine, user.id, ZoneInfo(user.time_zone))
    total = queue.count()
    print(f"cache {path}: {total:,} cases, {path.stat().st_size / 2**20:,.0f} MiB")
    measure("count()", queue.count)
    measure("window(0, 200)", lambda: queue.window(DEFAULT_SPEC, 0, 200))
    end = max(0, total - 200)
    measure(f"window({end:,}, 200)", lambda: queue.window(DEFAULT_SPEC, end, 200))
    top = queue.window(DEFAULT_SPEC, 0, 1)[0].case_id
    measure("detail(top case)", lambda: queue.detail(top))
    engine.dispose()


def arguments() -> str:
    """The demo's data folder; --help says what the benchmark measures, and touches nothing."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data_dir", help="the folder of a demo (collector-desk demo --data-dir)")
    data_dir = parser.parse_args().data_dir
    if not (Path(data_dir) / "demo-cache.sqlite").exists():
        parser.error(f"no demo cache in {data_dir}")
    return data_dir


if __name__ == "__main__":
    main(arguments())
