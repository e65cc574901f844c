"""PostgreSQL databases for tests: empty ones, and ones already at the newest schema.

On CI the server must be there (a skip would hide a broken central store); on a developer's
machine without PostgreSQL these tests are skipped with the reason.
"""

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

ADMIN_URL = os.environ.get(
    "COLLECTOR_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _admin():
    return create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")


def _create(admin, name: str, template: str | None = None) -> None:
    clause = f' TEMPLATE "{template}"' if template else ""
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    except OperationalError as exc:
        admin.dispose()
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {ADMIN_URL}: {exc.orig}")


def _drop(admin, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    admin = _admin()
    name = f"cd_test_{uuid.uuid4().hex[:12]}"
    _create(admin, name)
    try:
        yield admin.url.set(database=name)
    finally:
        _drop(admin, name)
        admin.dispose()


@pytest.fixture(scope="session")
def _pg_template():
    """One database migrated to the newest schema, copied for each test that needs one."""
    from collector_desk.store.central.schema import CENTRAL
    from collector_desk.store.shared.engine import make_engine
    from collector_desk.store.shared.migrate import upgrade

    admin = _admin()
    name = f"cd_tmpl_{uuid.uuid4().hex[:12]}"
    _create(admin, name)
    engine = make_engine(admin.url.set(database=name))
    upgrade(engine, CENTRAL)
    engine.dispose()  # a template may have no open connections
    try:
        yield name
    finally:
        _drop(admin, name)
        admin.dispose()


@pytest.fixture
def pg_migrated_url(_pg_template):
    """A PostgreSQL database at the newest schema, for one test."""
    admin = _admin()
    name = f"cd_test_{uuid.uuid4().hex[:12]}"
    _create(admin, name, template=_pg_template)
    try:
        yield admin.url.set(database=name)
    finally:
        _drop(admin, name)
        admin.dispose()
