"""Sync figures for issue 4 (not part of the test suite).

    uv run python benchmarks/bench_sync.py [--cases 5000] [--clients 200] [--only pulls]

First sync of a collector's queue with its history (rows per second, and against a bare
SQLite bulk insert of the same rows in the same run); an incremental sync of 100 changes;
pushing 1,000 offline mutations; and pull requests per second for many clients against
PostgreSQL (on 127.0.0.1:5432, database `test`) when it answers. `--only pulls`: the pulls of
many clients against real `collector-desk server` processes, one and then two, on one
PostgreSQL database in the same run.
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
from collector_desk.store.shared.schema import Case, ContactPoint  # noqa: E402
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
    parser.add_argument("--only", choices=["pulls"], default=None, help="one part only")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
