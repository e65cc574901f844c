import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.shared.engine import make_engine, sqlite_url
from collector_desk.store.shared.migrate import (
    SchemaTooNew,
    downgrade,
    head_revision,
    include_object,
    upgrade,
)
from collector_desk.store.shared.schema import Base


def _diff(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        return compare_metadata(context, Base.metadata)


def test_empty_cache_is_created_at_head_and_matches_the_model(tmp_path):
    engine = open_cache(tmp_path / "cache.sqlite")
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
    assert _diff(engine) == []
    engine.dispose()


def test_older_cache_is_upgraded_in_place_keeping_its_rows(tmp_path):
    path = tmp_path / "cache.sqlite"
    engine = make_engine(sqlite_url(path))
    upgrade(engine, "0001")
    with engine.begin() as conn:
        assert "sync_outbox" not in inspect(conn).get_table_names()
        conn.execute(text("INSERT INTO teams (id, name) VALUES (1, 'Team A')"))
    engine.dispose()

    engine = open_cache(path)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT name FROM teams WHERE id = 1")) == "Team A"
        assert "sync_outbox" in inspect(conn).get_table_names()
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
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
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO teams (id, name) VALUES (1, 'Team A')"))
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        assert conn.scalar(text("SELECT name FROM teams")) == "Team A"
    assert _diff(engine) == []
    engine.dispose()


def test_upgrading_a_cache_from_before_search_indexes_its_cases(demo_cache, tmp_path):
    import shutil
    from zoneinfo import ZoneInfo

    from collector_desk.store.cache.queue import CaseQueue
    from collector_desk.store.cache.queue_query import QueueSpec

    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    engine = make_engine(sqlite_url(path))
    with engine.begin() as conn:
        (name,) = conn.execute(text("SELECT full_name FROM customers WHERE id = 5")).one()
    downgrade(engine, "0002")
    with engine.connect() as conn:
        assert "case_search" not in inspect(conn).get_table_names()
    engine.dispose()

    engine = open_cache(path)
    queue = CaseQueue(engine, 3, ZoneInfo("UTC"))
    spec = QueueSpec().searching(name)
    assert 5 in queue.ids(spec, 0, queue.count(spec))
    engine.dispose()


def test_the_fast_path_knows_the_newest_migration():
    from collector_desk.store.shared.schema_version import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD
