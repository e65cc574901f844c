"""Allocation imports at bank scale: rows/s and peak memory, beside a bare load of the same rows.

    uv run python benchmarks/bench_import.py --lines 100000 --db sqlite
    uv run python benchmarks/bench_import.py --lines 1000000 --db postgres

Writes a generated allocation file (names from the demo's pools: never real people; about 1.3
account lines per case, one in five cases also with a home number), creates a central store at
the newest schema with its collectors, imports the file through `import_allocation_file` (the
path `collector-desk admin import-allocation` takes) in a child process, and then loads the same
file's raw text into a plain table of text columns the fastest way the database has (COPY on
PostgreSQL, executemany on SQLite) in another child process: the floor any import stands on.
Each figure is printed beside that floor, with each child's peak resident memory.

PostgreSQL: COLLECTOR_DESK_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/test)
names a server where a scratch database may be created and dropped.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from collector_desk.demo.names import NamePools, cn_mobile, cn_resident_id
from collector_desk.domain.allocation import COLUMNS
from collector_desk.domain.cases import Role
from collector_desk.store.central.schema import CENTRAL
from collector_desk.store.shared.engine import make_central_engine
from collector_desk.store.shared.migrate import upgrade
from collector_desk.store.shared.schema import Team, User

ADMIN_URL = os.environ.get(
    "COLLECTOR_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
COLLECTORS = [f"collector{i:02d}" for i in range(20)]


def write_allocation(path: Path, lines: int, seed: int = 7) -> int:
    """A valid allocation file of `lines` account lines; returns how many cases it holds."""
    rng = random.Random(seed)
    pools = NamePools.build(seed)
    today = datetime.now(UTC).date()
    written = case = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(COLUMNS)
        while written < lines:
            case += 1
            name = pools.cn_name(rng)
            birth = date(1960, 1, 1) + timedelta(days=rng.randrange(15000))
            national_id = cn_resident_id("110105", birth, case % 1000)
            mobile = cn_mobile(rng)
            home = f"010 {rng.randrange(6000_0000, 6999_9999)}" if case % 5 == 0 else ""
            collector = COLLECTORS[case % len(COLLECTORS)]
            for account in range(1 + (case % 3 == 0)):
                if written == lines:
                    break
                dpd = rng.choice((0, rng.randrange(1, 30), rng.randrange(30, 200)))
                balance = rng.randrange(1_000_00, 80_000_00)
                overdue = min(balance, rng.randrange(0, 20_000_00)) if dpd else 0
                out.writerow(
                    (
                        f"K{case:09d}",
                        collector,
                        f"C{case:09d}",
                        name,
                        national_id,
                        "CN",
                        "Asia/Shanghai",
                        "zh_CN",
                        mobile,
                        home,
                        "",
                        f"A{case:09d}{account}",
                        f"{rng.randrange(10000):04d}",
                        rng.choice(("standard", "gold", "platinum")),
                        "CNY",
                        "100000.00",
                        f"{balance / 100:.2f}",
                        f"{overdue / 100:.2f}",
                        f"{overdue / 1000:.2f}",
                        dpd,
                        (today - timedelta(days=dpd)).isoformat(),
                    )
                )
                written += 1
    return case


def _collectors(url: str) -> None:
    engine = make_central_engine(url)
    upgrade(engine, CENTRAL)
    now = datetime.now(UTC)
    with Session(engine) as session, session.begin():
        team = Team(name="Bench")
        session.add(team)
        session.flush()
        session.add_all(
            User(
                username=name,
                display_name=name,
                role=Role.COLLECTOR,
                team_id=team.id,
                active=True,
                created_at=now,
            )
            for name in COLLECTORS
        )
    engine.dispose()


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def child_import(url: str, path: str) -> None:
    from collector_desk.server.imports import import_allocation_file

    engine = make_central_engine(url)
    started = time.perf_counter()
    summary = import_allocation_file(engine, Path(path))
    seconds = time.perf_counter() - started
    engine.dispose()
    workers = _peak_mb(resource.RUSAGE_CHILDREN)  # the largest of the line-checking workers
    print(f"{seconds:.2f} {_peak_mb():.0f} {workers:.0f} {summary.cases_new} {summary.accounts}")


def child_bare(url: str, path: str) -> None:
    """The same rows' raw text into a table of text columns, nothing checked or merged."""
    engine = create_engine(url)
    started = time.perf_counter()
    with engine.begin() as conn, open(path, newline="", encoding="utf-8") as fh:
        rows = csv.reader(fh)
        header = next(rows)
        conn.exec_driver_sql(f"CREATE TABLE bare ({', '.join(f'{c} TEXT' for c in header)})")
        raw = conn.connection.driver_connection
        if conn.dialect.name == "postgresql":
            with raw.cursor() as cursor, cursor.copy("COPY bare FROM STDIN") as copy:  # type: ignore[union-attr]
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(header))
            raw.executemany(f"INSERT INTO bare VALUES ({marks})", rows)  # type: ignore[union-attr]
    seconds = time.perf_counter() - started
    engine.dispose()
    print(f"{seconds:.2f} {_peak_mb():.0f}")


def _child(kind: str, url: str, path: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, url, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"the {kind} run failed:\n{out.stderr[-3000:]}")
    return out.stdout.split()


def _database(kind: str, folder: Path) -> tuple[str, callable]:
    if kind == "sqlite":
        return f"sqlite+pysqlite:///{folder / f'central-{uuid.uuid4().hex[:6]}.sqlite'}", (
            lambda: None
        )
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"bench_import_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return admin.url.set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = folder / "allocation.csv"
        started = time.perf_counter()
        cases = write_allocation(path, args.lines)
        size = path.stat().st_size / 1e6
        print(
            f"file: {args.lines:,} lines, {cases:,} cases, {size:.0f} MB "
            f"(written in {time.perf_counter() - started:.1f} s)"
        )
        url, drop = _database(args.db, folder)
        try:
            _collectors(url)
            seconds, peak, worker_peak, new, accounts = _child("import", url, path)
            assert int(accounts) == args.lines and int(new) == cases, (accounts, new)
            bare_url, bare_drop = _database(args.db, folder)
            try:
                bare_seconds, bare_peak = _child("bare", bare_url, path)
            finally:
                bare_drop()
        finally:
            drop()
    rate, bare_rate = args.lines / float(seconds), args.lines / float(bare_seconds)
    print(
        f"{args.db}: import {float(seconds):.1f} s ({rate:,.0f} lines/s, peak {peak} MB, "
        f"each checking worker {worker_peak} MB); "
        f"bare load {float(bare_seconds):.1f} s ({bare_rate:,.0f} lines/s, peak {bare_peak} MB); "
        f"import takes {float(seconds) / float(bare_seconds):.1f}x the bare load"
    )


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        {"import": child_import, "bare": child_bare}[sys.argv[2]](sys.argv[3], sys.argv[4])
    else:
        main()
