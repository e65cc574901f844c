import hashlib
import shutil
import sqlite3
from datetime import date, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.schema import CACHE, Draft, KpiCache, OutboxMutation, SyncIssue
from collector_desk.store.central.schema import (
    CENTRAL,
    AuthToken,
    BucketHistory,
    Change,
    Credential,
    RegisteredClient,
    SyncResult,
)
from collector_desk.store.shared.engine import make_engine, sqlite_url
from collector_desk.store.shared.migrate import (
    SchemaTooNew,
    downgrade,
    head_revision,
    include_object,
    script_directory,
    side_metadata,
    upgrade,
)
from collector_desk.store.shared.schema import Case, Team, User
from collector_desk.store.shared.schema_version import SHARED_HISTORY
from tests.conftest import FIXED_NOW

CACHE_ONLY = {"sync_outbox", "drafts", "kpi_cache", "sync_issues", "case_surnames"}
CENTRAL_ONLY = {"credentials", "auth_tokens", "sync_clients", "sync_results", "changes"} | {
    "bucket_history"
}


def _diff(engine, side):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        return compare_metadata(context, side_metadata(side.name))


def _tables(engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _version(engine) -> str:
    with engine.connect() as conn:
        return conn.scalar(text("SELECT version_num FROM alembic_version"))


def test_empty_cache_is_created_at_head_with_only_its_own_tables(tmp_path):
    engine = open_cache(tmp_path / "cache.sqlite")
    assert _version(engine) == head_revision(CACHE)
    assert _diff(engine, CACHE) == []
    tables = _tables(engine)
    assert tables >= CACHE_ONLY and "case_search" in tables
    assert not tables & CENTRAL_ONLY
    engine.dispose()


def test_empty_central_store_is_created_at_head_with_only_its_own_tables(tmp_path):
    engine = make_engine(sqlite_url(tmp_path / "central.sqlite"))
    upgrade(engine, CENTRAL)
    assert _version(engine) == head_revision(CENTRAL)
    assert _diff(engine, CENTRAL) == []
    tables = _tables(engine)
    assert tables >= CENTRAL_ONLY
    assert not tables & (CACHE_ONLY | {"case_search"})
    engine.dispose()


def test_a_cache_and_a_central_store_upgraded_at_once_on_two_threads_each_reach_their_head(
    tmp_path,
):
    """The demo upgrades a desk's copy while its central store is opened on another thread;
    Alembic's operations are process-wide, so two migrations at once must not mix."""
    import threading

    engines = {
        CACHE: make_engine(sqlite_url(tmp_path / "cache.sqlite")),
        CENTRAL: make_engine(sqlite_url(tmp_path / "central.sqlite")),
    }
    failures: list[BaseException] = []

    def migrate(side) -> None:
        try:
            upgrade(engines[side], side)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=migrate, args=(side,)) for side in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    for side, engine in engines.items():
        assert _version(engine) == head_revision(side)
        assert _diff(engine, side) == []
        engine.dispose()
    assert not _tables(engines[CACHE]) & CENTRAL_ONLY


def test_older_cache_is_upgraded_in_place_keeping_its_rows(tmp_path):
    path = tmp_path / "cache.sqlite"
    engine = make_engine(sqlite_url(path))
    upgrade(engine, CACHE, "0001")
    with engine.begin() as conn:
        assert "sync_outbox" not in inspect(conn).get_table_names()
        conn.execute(text("INSERT INTO teams (id, name) VALUES (1, 'Team A')"))
    engine.dispose()

    engine = open_cache(path)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT name FROM teams WHERE id = 1")) == "Team A"
        assert "sync_outbox" in inspect(conn).get_table_names()
    assert _version(engine) == head_revision(CACHE)
    engine.dispose()


def _release_0009_with_data(engine) -> None:
    """What a database of the release before the split holds: every table, each with rows
    (the demo portfolio's, plus one row in each table it leaves empty)."""
    at = FIXED_NOW
    with Session(engine) as session, session.begin():
        user_id = session.scalars(select(User.id).order_by(User.id)).first()
        case_id = session.scalars(select(Case.id).order_by(Case.id)).first()
        session.add_all(
            [
                OutboxMutation(name="log_contact", args={"case_id": case_id}, created_at=at),
                Draft(case_id=case_id, user_id=user_id, fields={"note": "typed"}, updated_at=at),
                KpiCache(
                    kind="kpi",
                    period_kind="day",
                    period=date(2026, 11, 27),
                    username="",
                    bucket="",
                    figures={"calls": 3},
                    fetched_at=at,
                ),
                SyncIssue(mutation_id=7, name="set_flag", args={}, reason="x", recorded_at=at),
                Credential(user_id=user_id, password_hash="$argon2id$stand-in", failed_logins=0),
                AuthToken(
                    token_hash="ab" * 32,
                    user_id=user_id,
                    created_at=at,
                    expires_at=at + timedelta(days=1),
                ),
                RegisteredClient(client_id="c" * 36, user_id=user_id, updated_at=at),
            ]
        )
        session.flush()
        session.add(
            SyncResult(
                client_id="c" * 36, mutation_id=1, status="applied", reason=None, recorded_at=at
            )
        )
        session.add(Change(tx=0, case_id=case_id, user_id=user_id, at=at))


def _count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model))


def _portfolio_at_0009(demo_portfolio, path):
    shutil.copy(demo_portfolio, path)
    engine = make_engine(sqlite_url(path))
    assert _version(engine) == SHARED_HISTORY.head == "0009"
    _release_0009_with_data(engine)
    counts = {m: _count(engine, m) for m in (Case, User, Team, BucketHistory)}
    engine.dispose()
    return counts


def test_a_cache_of_the_release_before_the_split_keeps_its_rows_and_loses_the_servers_tables(
    demo_portfolio, tmp_path
):
    path = tmp_path / "cache.sqlite"
    counts = _portfolio_at_0009(demo_portfolio, path)

    engine = open_cache(path)
    assert _version(engine) == head_revision(CACHE)
    assert _diff(engine, CACHE) == []
    assert not _tables(engine) & CENTRAL_ONLY
    for model in (Case, User, Team):
        assert _count(engine, model) == counts[model]
    for model in (OutboxMutation, Draft, KpiCache, SyncIssue):  # what this desk typed stays
        assert _count(engine, model) == 1
    with engine.connect() as conn:  # the search index it had is kept, not rebuilt
        assert conn.scalar(text("SELECT count(*) FROM case_search")) == counts[Case]
    engine.dispose()


def test_a_central_store_of_the_release_before_the_split_keeps_its_rows_on_sqlite(
    demo_portfolio, tmp_path
):
    path = tmp_path / "central.sqlite"
    counts = _portfolio_at_0009(demo_portfolio, path)

    engine = make_engine(sqlite_url(path))
    upgrade(engine, CENTRAL)
    assert _version(engine) == head_revision(CENTRAL)
    assert _diff(engine, CENTRAL) == []
    assert not _tables(engine) & (CACHE_ONLY | {"case_search"})
    for model in (Case, User, Team, BucketHistory):
        assert _count(engine, model) == counts[model]
    for model in (Credential, AuthToken, RegisteredClient, SyncResult):
        assert _count(engine, model) == 1
    assert _count(engine, Change) >= 1
    engine.dispose()


@pytest.mark.postgres
def test_a_central_store_of_the_release_before_the_split_keeps_its_rows_on_postgresql(pg_url):
    engine = make_engine(pg_url)
    upgrade(engine, CENTRAL, "0009")
    with Session(engine) as session, session.begin():
        session.add(Team(id=1, name="Team A"))
        session.flush()
        session.add(
            User(
                id=1,
                username="alice",
                display_name="Alice",
                role="collector",
                team_id=1,
                locale="zh_CN",
                time_zone="Asia/Shanghai",
                active=True,
                created_at=FIXED_NOW,
            )
        )
    with Session(engine) as session, session.begin():
        at = FIXED_NOW
        session.add_all(
            [
                OutboxMutation(name="log_contact", args={}, created_at=at),
                Credential(user_id=1, password_hash="$argon2id$stand-in", failed_logins=0),
                RegisteredClient(client_id="c" * 36, user_id=1, updated_at=at),
                Change(tx=0, case_id=1, user_id=1, at=at),
            ]
        )
    assert {"sync_outbox", "drafts"} <= _tables(engine)

    upgrade(engine, CENTRAL)
    assert _version(engine) == head_revision(CENTRAL)
    assert _diff(engine, CENTRAL) == []
    assert not _tables(engine) & CACHE_ONLY
    for model in (Team, User, Credential, RegisteredClient, Change):
        assert _count(engine, model) == 1
    engine.dispose()


def test_cache_from_a_newer_version_is_refused_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "cache.sqlite"
    open_cache(path).dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # fold the WAL in so the file is the whole state
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(SchemaTooNew, match="9999_from_the_future"):
        open_cache(path)

    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "cache.sqlite-wal").exists()


def test_cache_settings_survive_a_killed_process(tmp_path):
    engine = open_cache(tmp_path / "cache.sqlite")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


@pytest.mark.postgres
def test_central_store_migrates_on_postgresql_from_empty_and_from_previous(pg_url):
    engine = make_engine(pg_url)
    upgrade(engine, CENTRAL, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO teams (id, name) VALUES (1, 'Team A')"))
    upgrade(engine, CENTRAL)
    assert _version(engine) == head_revision(CENTRAL)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT name FROM teams")) == "Team A"
    assert _diff(engine, CENTRAL) == []
    engine.dispose()


def test_upgrading_a_cache_from_before_search_indexes_its_cases(demo_cache, tmp_path):
    from zoneinfo import ZoneInfo

    from collector_desk.store.cache.queue import CaseQueue
    from collector_desk.store.cache.queue_query import QueueSpec

    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    engine = make_engine(sqlite_url(path))
    with engine.begin() as conn:
        (name,) = conn.execute(text("SELECT full_name FROM customers WHERE id = 5")).one()
    downgrade(engine, CACHE, "0002")
    with engine.connect() as conn:
        assert "case_search" not in inspect(conn).get_table_names()
    engine.dispose()

    engine = open_cache(path)
    queue = CaseQueue(engine, 3, ZoneInfo("UTC"))
    spec = QueueSpec().searching(name)
    assert 5 in queue.ids(spec, 0, queue.count(spec))
    engine.dispose()


def test_each_side_branches_from_the_shared_history_and_the_fast_path_knows_its_head():
    for side in (CACHE, CENTRAL):
        assert head_revision(side) == side.head
        branch = script_directory(side).get_revision(side.head)
        while branch.down_revision != SHARED_HISTORY.head:
            branch = script_directory(side).get_revision(branch.down_revision)
        assert side.name in branch.branch_labels
    assert head_revision(SHARED_HISTORY) == SHARED_HISTORY.head
