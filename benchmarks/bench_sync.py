"""Sync figures for issue 4 (not part of the test suite).

    uv run python benchmarks/bench_sync.py [--cases 5000] [--clients 200] [--only pulls]
    uv run python benchmarks/bench_sync.py --only notify [--changes 20]

First sync of a collector's queue with its history (rows per second, and against a bare
SQLite bulk insert of the same rows in the same run); an incremental sync of 100 changes;
pushing 1,000 offline mutations; and pull requests per second for many clients against
PostgreSQL (on 127.0.0.1:5432, database `test`) when it answers. `--only pulls`: the pulls of
many clients against real `collector-desk server` processes, one and then two, on one
PostgreSQL database in the same run. `--only notify`: changes in seconds (issue 20), how long
from a change committed to a desk's cache holding it, by long poll and LISTEN/NOTIFY beside
the 30 s poll alone.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collector_desk.demo.portfolio import DEMO_USERS, DemoOptions, build_demo_portfolio  # noqa: E402
from collector_desk.domain.contact_log import ContactEntry  # noqa: E402
from collector_desk.domain.contacts import Channel, Direction, Outcome  # noqa: E402
from collector_desk.server.embedded import open_central  # noqa: E402
from collector_desk.store.cache.actions import log_contact  # noqa: E402
from collector_desk.store.cache.cache_file import open_cache  # noqa: E402
from collector_desk.store.cache.local_sync import SNAPSHOT_TABLES  # noqa: E402
from collector_desk.store.central.changes import record_change  # noqa: E402
from collector_desk.store.central.schema import CENTRAL  # noqa: E402
from collector_desk.store.shared.engine import make_engine, sqlite_url  # noqa: E402
from collector_desk.store.shared.migrate import side_metadata, upgrade  # noqa: E402
from collector_desk.store.shared.schema import Case, ContactPoint, User  # noqa: E402
from collector_desk.sync.client import SyncClient, sign_in  # noqa: E402
from tests.live_central import LiveServer  # noqa: E402
from tests.service_process import Service  # noqa: E402

PASSWORD = "bench-password"


class Clock:
    def __call__(self):
        return datetime.now(UTC)


def rows_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    total = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SNAPSHOT_TABLES)
    conn.close()
    return total


def bare_insert_seconds(source: Path, scratch: Path) -> float:
    """The same rows copied table by table with executemany into an empty cache."""
    engine = open_cache(scratch)
    engine.dispose()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(scratch)
    dst.execute("PRAGMA foreign_keys=OFF")
    start = time.perf_counter()
    for table in ("teams", "users", *SNAPSHOT_TABLES):
        rows = src.execute(f"SELECT * FROM {table}").fetchall()
        if rows:
            marks = ",".join("?" * len(rows[0]))
            dst.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    dst.commit()
    elapsed = time.perf_counter() - start
    src.close()
    dst.close()
    return elapsed


def copy_to(source_engine, target_engine) -> None:
    """Every table of a central store into another (SQLite demo into PostgreSQL)."""
    tables = side_metadata(CENTRAL.name).sorted_tables
    with source_engine.connect() as src, target_engine.begin() as dst:
        for table in tables:
            rows = [dict(r._mapping) for r in src.execute(select(table))]
            if rows:
                dst.execute(insert(table), rows)
        if target_engine.dialect.name == "postgresql":
            for table in tables:
                column = table.c.get("id")
                if (
                    column is not None
                    and column.autoincrement is not False
                    and str(column.type).upper() in ("INTEGER", "BIGINT")
                ):
                    dst.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT max(id) FROM {table.name}), 1))"
                        )
                    )


PULLS_PER_CLIENT = 10


async def _pulling_clients(
    port: int, target: str, token: str, clients: int
) -> tuple[float, list[float], float]:
    """`clients` desks at once, each on its own kept-alive connection, each pulling
    PULLS_PER_CLIENT times in a row; the seconds it took, every pull's latency and the median
    answer's size in bytes. Plain asyncio streams: the load costs little CPU on the cores the
    servers and PostgreSQL use (the figure printed says how little)."""
    request = (
        f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\r\n"
    ).encode()
    latencies: list[float] = []
    sizes: list[int] = []

    async def one_desk() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(PULLS_PER_CLIENT):
            started = time.perf_counter()
            writer.write(request)
            status = await reader.readline()
            if b" 200 " not in status:
                raise RuntimeError(f"a pull failed: {status!r}")
            length = 0
            while (line := await reader.readline()) != b"\r\n":
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            sizes.append(length)
        writer.close()
        await writer.wait_closed()

    started = time.perf_counter()
    await asyncio.gather(*(one_desk() for _ in range(clients)))
    return time.perf_counter() - started, latencies, statistics.median(sizes)


def up_to_date_cursor(url: str, token: str) -> str:
    """Where a desk that has taken in every case of the demo collector pulls from."""
    with httpx.Client(base_url=url, timeout=120) as http:
        auth = {"Authorization": f"Bearer {token}"}
        page = http.get("/api/v1/sync/pull", params={"limit": 1000}, headers=auth).json()
        while page["more"]:
            params = {"after_case": page["after_case"], "bound": page["bound"], "limit": 1000}
            page = http.get("/api/v1/sync/pull", params=params, headers=auth).json()
    return page["cursor"]


def pulls_by_processes(central_engine, pg: str, clients: int) -> None:
    """Incremental pulls (nothing new: the 30-second poll of a desk that is up to date) from
    `clients` desks at once, against one and then two `collector-desk server` processes
    (--workers) over one PostgreSQL database holding the demo portfolio."""
    try:
        admin = create_engine(pg, isolation_level="AUTOCOMMIT")
        name = f"cd_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no PostgreSQL here: say so, do not fake a figure
        print(f"PostgreSQL pull benchmark by processes skipped: {exc}")
        return
    url = admin.url.set(database=name)
    engine = make_engine(url)
    try:
        upgrade(engine, CENTRAL)
        copy_to(central_engine, engine)
        engine.dispose()
        for processes in (1, 2):
            plain = url.render_as_string(hide_password=False)  # handed over, never printed
            service = Service(plain, "--workers", f"{processes}")
            try:
                with httpx.Client(base_url=service.url) as http:
                    token = sign_in(http, "demo", PASSWORD)
                target = f"/api/v1/sync/pull?cursor={up_to_date_cursor(service.url, token)}"
                port = int(service.url.rsplit(":", 1)[1])
                cpu = time.process_time()
                elapsed, latencies, size = asyncio.run(
                    _pulling_clients(port, target, token, clients)
                )
                cpu = time.process_time() - cpu
            finally:
                service.stop()
            latencies.sort()
            print(
                f"PostgreSQL, {processes} server process{'es' if processes > 1 else ''}: "
                f"{len(latencies):,} incremental pulls from {clients} clients at once in "
                f"{elapsed:.1f} s = {len(latencies) / elapsed:,.0f} pulls/s; median "
                f"{statistics.median(latencies) * 1000:.0f} ms, p95 "
                f"{latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms; {size:,.0f} bytes "
                f"an answer (the clients used {cpu / elapsed:.0%} of a core)",
                flush=True,
            )
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--only", choices=["pulls", "notify"], default=None, help="one part only")
    parser.add_argument("--changes", type=int, default=20, help="notify: changes measured")
    parser.add_argument("--port", type=int, default=18640, help="notify: the service's port")
    parser.add_argument(
        "--poll-every", type=float, default=30.0, help="notify: the periodic sync (s)"
    )
    args = parser.parse_args()
    if args.only == "notify":
        bench_notify(args.pg, args.changes, args.port, args.poll_every)
        return
    work = Path(tempfile.mkdtemp())
    central = work / "central.sqlite"
    build_demo_portfolio(central, DemoOptions(cases=args.cases, seed=7))
    open_central(central, [u for u, _, _ in DEMO_USERS], PASSWORD)
    central_engine = make_engine(sqlite_url(central))
    if args.only == "pulls":
        pulls_by_processes(central_engine, args.pg, args.clients)
        central_engine.dispose()
        return
    server = LiveServer(central_engine, Clock())
    rows = rows_in(central)

    cache = work / "desk.sqlite"
    engine = open_cache(cache)
    http = httpx.Client(base_url=server.url, timeout=120)
    client = SyncClient(engine, http, sign_in(http, "demo", PASSWORD))
    start = time.perf_counter()
    report = client.sync()
    first = time.perf_counter() - start
    bare = bare_insert_seconds(central, work / "bare.sqlite")
    print(
        f"first sync: {report.cases_received:,} cases, {rows:,} rows in {first:.2f} s = "
        f"{rows / first:,.0f} rows/s; bare SQLite insert of the same rows {bare:.2f} s "
        f"({first / bare:.1f}x)"
    )

    secure = work / "desk-encrypted.sqlite"
    secure_engine = open_cache(secure, secrets.token_bytes(32))
    secure_client = SyncClient(secure_engine, http, sign_in(http, "demo", PASSWORD))
    start = time.perf_counter()
    secure_client.sync()
    encrypted = time.perf_counter() - start
    secure_engine.dispose()
    print(
        f"first sync into an encrypted cache: {encrypted:.2f} s "
        f"({encrypted / first:.2f}x the plain cache's in this run)"
    )

    now = datetime.now(UTC)
    with Session(central_engine) as session, session.begin():
        for case in session.scalars(select(Case).order_by(Case.id).limit(100)):
            case.priority += 1
            record_change(session, case, now)
    start = time.perf_counter()
    report = client.sync()
    print(
        f"incremental sync of 100 changed cases: {time.perf_counter() - start:.3f} s "
        f"({report.cases_received} received)"
    )

    with Session(engine) as session:
        pairs = session.execute(
            select(Case.id, func.min(ContactPoint.id))
            .join(ContactPoint, ContactPoint.customer_id == Case.customer_id)
            .where(ContactPoint.status.in_(("valid", "unverified")), ContactPoint.kind != "email")
            .group_by(Case.id)
            .limit(1000)
        ).all()
    at = datetime.now(UTC)
    for n, (case_id, point_id) in enumerate(pairs):
        log_contact(
            engine,
            3,
            case_id,
            # inbound: no contact hours or caps apply, so the bench runs at any hour
            ContactEntry(Channel.CALL, Outcome.RIGHT_PARTY, point_id, Direction.INBOUND),
            at + timedelta(milliseconds=n),
        )
    start = time.perf_counter()
    pushed, rejected = client.push()
    elapsed = time.perf_counter() - start
    print(
        f"push of {len(pairs)} offline mutations: {elapsed:.2f} s = "
        f"{pushed / elapsed:,.0f} mutations/s ({rejected} rejected)"
    )
    http.close()
    server.stop()
    engine.dispose()

    try:
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        name = f"cd_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no PostgreSQL here: say so, do not fake a figure
        print(f"PostgreSQL pull benchmark skipped: {exc}")
        return
    pg = make_engine(admin.url.set(database=name))
    try:
        upgrade(pg, CENTRAL)
        copy_to(central_engine, pg)
        server = LiveServer(pg, Clock())
        with httpx.Client(base_url=server.url) as http:
            token = sign_in(http, "demo", PASSWORD)
            cursor = http.get(
                "/api/v1/sync/pull",
                params={"limit": 1000},
                headers={"Authorization": f"Bearer {token}"},
            ).json()
            while cursor["more"]:
                cursor = http.get(
                    "/api/v1/sync/pull",
                    headers={"Authorization": f"Bearer {token}"},
                    params={
                        "after_case": cursor["after_case"],
                        "bound": cursor["bound"],
                        "limit": 1000,
                    },
                ).json()
        up_to_date = cursor["cursor"]
        requests = args.clients * 10
        latencies: list[float] = []

        def one_client(_):
            with httpx.Client(base_url=server.url, timeout=60) as c:
                for _ in range(10):
                    t = time.perf_counter()
                    c.get(
                        "/api/v1/sync/pull",
                        params={"cursor": up_to_date},
                        headers={"Authorization": f"Bearer {token}"},
                    ).raise_for_status()
                    latencies.append(time.perf_counter() - t)

        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=64) as pool:
            list(pool.map(one_client, range(args.clients)))
        elapsed = time.perf_counter() - start
        latencies.sort()
        print(
            f"PostgreSQL: {requests:,} incremental pulls from {args.clients} clients in "
            f"{elapsed:.1f} s = {requests / elapsed:,.0f} pulls/s; median "
            f"{statistics.median(latencies) * 1000:.0f} ms, p95 "
            f"{latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms (one server process)"
        )
        server.stop()
        pulls_by_processes(central_engine, args.pg, args.clients)
    finally:
        pg.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        central_engine.dispose()


def _percentiles(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered):.2f} s, p95 {p95:.2f} s"


def bench_notify(pg_url: str, changes: int, port: int, poll_every: float = 30.0) -> None:
    """Changes in seconds on PostgreSQL (word by LISTEN/NOTIFY; the changes written by
    another connection, as another process would) and on the SQLite embedded store (word
    in-process), each beside the 30 s poll alone in the same run."""
    from collector_desk.store.shared.engine import make_central_engine

    work = Path(tempfile.mkdtemp())
    try:
        admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
        name = f"cd_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no PostgreSQL here: say so, do not fake a figure
        print(f"changes in seconds on PostgreSQL: skipped, no PostgreSQL ({exc})")
    else:
        pg = make_engine(admin.url.set(database=name))
        writer = make_engine(admin.url.set(database=name))
        try:
            upgrade(pg, CENTRAL)
            _notify_run("PostgreSQL, LISTEN/NOTIFY", pg, writer, changes, port, work, poll_every)
        finally:
            writer.dispose()
            pg.dispose()
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    path = work / "central.sqlite"
    plain = make_engine(sqlite_url(path))
    upgrade(plain, CENTRAL)
    plain.dispose()
    central = make_central_engine(sqlite_url(path))
    try:
        _notify_run(
            "SQLite embedded, in-process", central, central, changes, port + 1, work, poll_every
        )
    finally:
        central.dispose()


def _notify_run(
    store: str, central, writer, changes: int, port: int, work: Path, poll_every: float
) -> None:
    """Cases moved one at a time from alice to bob through `writer`, at random moments
    (0.5-3 s apart); two desktops of bob's: one with the long poll beside its 30 s sync, one
    with the 30 s sync alone (started at a random moment in its interval). For each case: from
    its commit to the end of the sync that put it in the desk's cache."""
    import random
    import threading

    import uvicorn

    from collector_desk.server.app import create_app
    from collector_desk.store.cache import local_sync
    from collector_desk.sync.change_watch import watch
    from tests.live_central import PASSWORD as TEST_PASSWORD
    from tests.live_central import _seed, seed_cases

    _seed(central, datetime.now(UTC))
    ids = seed_cases(central, "alice", changes)
    app = create_app(central, Clock())
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    url = f"http://127.0.0.1:{port}"
    committed: dict[int, float] = {}
    alone = f"{poll_every:g} s poll only"
    arrived: dict[str, dict[int, float]] = {"long poll": {}, alone: {}}
    lock = threading.Lock()
    done = threading.Event()

    def desk(label: str):
        engine = open_cache(work / f"{store[:6]}-{label.replace(' ', '-')}.sqlite")
        http = httpx.Client(base_url=url, timeout=60)
        client = SyncClient(engine, http, sign_in(http, "bob", TEST_PASSWORD))
        client.sync()

        def sync_and_note() -> None:
            client.sync()
            at = time.perf_counter()
            with Session(engine) as session:
                held = set(session.scalars(select(Case.id)))
            with lock:
                for case_id in held:
                    arrived[label].setdefault(case_id, at)

        return client, sync_and_note

    watched, watched_sync = desk("long poll")
    polled, polled_sync = desk(alone)
    woken = threading.Event()

    def watched_loop() -> None:  # what the desk's sync controller does, without Qt
        while True:
            if woken.wait(poll_every):
                woken.clear()
            if done.is_set():
                return
            watched_sync()

    def polled_loop() -> None:
        done.wait(random.uniform(0, poll_every))
        while not done.is_set():
            polled_sync()
            done.wait(poll_every)

    watcher = watch(watched, woken.set)
    threads = [threading.Thread(target=f, daemon=True) for f in (watched_loop, polled_loop)]
    for thread in threads:
        thread.start()
    postgres = central.dialect.name == "postgresql"
    while local_sync.cursor(watched.engine) is None or (
        postgres and not app.state.change_feed.listening.is_set()
    ):
        time.sleep(0.05)
    time.sleep(0.5)  # the long poll is open
    with Session(writer) as session:
        bob = session.scalars(select(User.id).where(User.username == "bob")).one()
    for case_id in ids:
        time.sleep(random.uniform(0.5, 3.0))
        with Session(writer) as session, session.begin():
            case = session.get_one(Case, case_id)
            before, case.assigned_to = case.assigned_to, bob
            record_change(session, case, datetime.now(UTC), previous_user_id=before)
        committed[case_id] = time.perf_counter()
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        with lock:
            if all(len(got.keys() & committed.keys()) == changes for got in arrived.values()):
                break
        time.sleep(0.1)
    done.set()
    woken.set()
    watcher.stop()
    for thread in threads:
        thread.join(timeout=60)
    for label, got in arrived.items():
        delays = [got[c] - committed[c] for c in committed if c in got]
        missing = changes - len(delays)
        print(
            f"changes in seconds, {store}, {label}: {len(delays)} of {changes} changes, from "
            f"commit to the desk's cache: {_percentiles(delays) if delays else 'none arrived'}"
            + (f" ({missing} not arrived within 45 s)" if missing else "")
        )
    app.state.change_feed.close()
    server.should_exit = True
    for client in (watched, polled):
        client.http.close()
        client.engine.dispose()


if __name__ == "__main__":
    main()
