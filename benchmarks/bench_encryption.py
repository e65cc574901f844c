"""What encrypting the cache costs (issue 9; not part of the test suite).

    uv run python benchmarks/bench_encryption.py [--cases 100000]

Builds a demo cache, encrypts a copy in place (the first-start migration, timed), then runs
the collector's everyday reads and one logged contact on the plain and the encrypted cache in
the same run and prints medians and the ratio.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collector_desk.demo import DEMO_COLLECTOR  # noqa: E402
from collector_desk.demo.portfolio import DemoOptions, build_demo_portfolio  # noqa: E402
from collector_desk.domain.contact_log import ContactEntry  # noqa: E402
from collector_desk.domain.contacts import Channel, Direction, Outcome  # noqa: E402
from collector_desk.store.cache.actions import log_contact  # noqa: E402
from collector_desk.store.cache.cache_file import open_cache  # noqa: E402
from collector_desk.store.cache.queue import CaseQueue  # noqa: E402
from collector_desk.store.cache.queue_query import QueueSpec, SortKey  # noqa: E402
from collector_desk.store.shared.people import find_user  # noqa: E402

RUNS = 5


def median_ms(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(path: Path, key: bytes | None) -> dict[str, float]:
    engine = open_cache(path, key)
    user = find_user(engine, DEMO_COLLECTOR)
    queue = CaseQueue(engine, user.id, ZoneInfo(user.time_zone))
    by_balance = QueueSpec(sort=SortKey.BALANCE)
    ids = queue.ids(QueueSpec(), 0, 50)
    figures = {
        "count My queue": median_ms(lambda: (queue.invalidate(), queue.count())),
        "first window (200 rows)": median_ms(lambda: queue.window(QueueSpec(), 0, 200)),
        "sort by balance, first window": median_ms(lambda: queue.window(by_balance, 0, 200)),
        "search a surname": median_ms(lambda: queue.count(replace(QueueSpec(), search="王"))),
        "open a case (detail)": median_ms(lambda: queue.detail(ids[7])),
    }
    entries = iter(ids[10:])

    def one_contact():
        entry = ContactEntry(Channel.SMS, Outcome.RIGHT_PARTY, None, Direction.INBOUND)
        log_contact(engine, user.id, next(entries), entry, datetime.now(UTC))

    figures["log a contact (one transaction)"] = median_ms(one_contact)
    engine.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    plain = build_demo_portfolio(work / "plain.sqlite", DemoOptions(cases=args.cases, seed=7))
    open_cache(plain).dispose()  # a desk's cache: its own tables, at its head
    secure = work / "encrypted.sqlite"
    shutil.copy(plain, secure)
    key = secrets.token_bytes(32)
    start = time.perf_counter()
    open_cache(secure, key).dispose()
    migration = time.perf_counter() - start
    size = plain.stat().st_size / 2**20
    print(f"{args.cases:,} cases, {size:,.0f} MiB: encrypting in place took {migration:.1f} s")
    a, b = measure(plain, None), measure(secure, key)
    print(f"{'':34} {'plain':>9} {'encrypted':>10} {'ratio':>6}")
    for name in a:
        print(f"{name:34} {a[name]:8.1f}ms {b[name]:9.1f}ms {b[name] / a[name]:5.2f}x")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
