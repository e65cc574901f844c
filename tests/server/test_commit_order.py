"""A pull must never step over a change whose transaction commits after a later one's."""

import pytest
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.store.central.changes import Cursor, changed_cases, record_change, store_id
from collector_desk.store.shared.engine import make_engine
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import Case
from tests.live_central import Clock, _seed, seed_cases

ADMIN = UserView(0, "admin", "Admin", Role.ADMIN, "UTC")


@pytest.mark.postgres
def test_a_transaction_that_numbered_first_and_commits_last_is_still_pulled(pg_migrated_url):
    engine = make_engine(pg_migrated_url)
    now = Clock().now
    _seed(engine, now)
    seed_cases(engine, "alice", 2)
    store = store_id(engine)
    with engine.connect() as conn:
        start, start_cursor, _ = changed_cases(conn, ADMIN, Cursor(store, 0, 0), 1000)
    assert start == [1, 2]

    early = Session(engine)
    early.begin()
    record_change(early, early.get(Case, 1), now)  # takes its transaction id first ...
    with Session(engine) as late, late.begin():
        record_change(late, late.get(Case, 2), now)  # ... this one commits first

    with engine.connect() as conn:
        seen, cursor, _ = changed_cases(conn, ADMIN, start_cursor, 1000)
    # Without the snapshot bound, case 2 would be delivered and the cursor would move past
    # case 1's change, which no later pull would then return.
    assert seen == []
    assert cursor == start_cursor

    early.commit()
    early.close()
    with engine.connect() as conn:
        seen, cursor, _ = changed_cases(conn, ADMIN, cursor, 1000)
    assert seen == [1, 2]
    with engine.connect() as conn:
        assert changed_cases(conn, ADMIN, cursor, 1000)[0] == []
    engine.dispose()


def test_sqlite_serialises_writers_so_the_row_order_is_the_commit_order(tmp_path):
    from collector_desk.store.central.schema import CENTRAL
    from collector_desk.store.shared.engine import sqlite_url
    from collector_desk.store.shared.migrate import upgrade

    engine = make_engine(sqlite_url(tmp_path / "central.sqlite"))
    upgrade(engine, CENTRAL)
    now = Clock().now
    _seed(engine, now)
    seed_cases(engine, "alice", 3)
    store = store_id(engine)
    with engine.connect() as conn:
        first, cursor, _ = changed_cases(conn, ADMIN, Cursor(store, 0, 0), 2)
        rest, cursor, more = changed_cases(conn, ADMIN, cursor, 2)
    assert (first, rest, more) == ([1, 2], [3], False)
    engine.dispose()
