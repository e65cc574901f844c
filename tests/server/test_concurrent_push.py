"""Pushes from many desks at once to a SQLite central store wait their turn for the write lock
instead of failing with "database is locked"."""

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, Outcome
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.engine import make_central_engine, make_engine, sqlite_url
from collector_desk.store.shared.schema import Case, Contact, ContactPoint, SyncState
from tests.live_central import seed_cases

DESKS = ("alice", "alice", "bob", "bob", "carol", "carol")  # two desks each
CONTACTS = 15  # per desk, each pushed in its own transaction on the server


def _log_all(client) -> None:
    with Session(client.engine) as s:
        cases = list(s.scalars(select(Case.id).order_by(Case.id)))
        assert cases, "the desk has its cases"
        user_id = s.get(Case, cases[0]).assigned_to
        points = {
            case_id: s.scalars(
                select(ContactPoint.id)
                .join(Case, Case.customer_id == ContactPoint.customer_id)
                .where(Case.id == case_id)
            ).first()
            for case_id in cases
        }
    for n in range(CONTACTS):
        case_id = cases[n % len(cases)]
        log_contact(
            client.engine,
            user_id,
            case_id,
            ContactEntry(Channel.CALL, Outcome.NO_ANSWER, points[case_id]),
            client.clock(),
        )


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_concurrent_pushes_to_a_sqlite_central_store_are_all_applied(live, desk):
    for username, start in (("alice", 1), ("bob", 20), ("carol", 40)):
        seed_cases(live.engine, username, 5, start=start)
    desks = [desk(username) for username in DESKS]
    for client in desks:
        client.sync()
        _log_all(client)
    barrier = threading.Barrier(len(desks))
    failures: list[BaseException] = []

    def push(client):
        barrier.wait()
        try:
            client.push()
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=push, args=(c,)) for c in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    for client in desks:
        with Session(client.engine) as s:
            assert s.scalar(select(func.count()).select_from(OutboxMutation)) == 0
    with Session(live.engine) as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == CONTACTS * len(desks)


def test_the_central_engine_waits_for_the_write_lock_and_the_cache_engine_still_writes(
    tmp_path,
):
    central = make_central_engine(sqlite_url(tmp_path / "central.sqlite"))
    cache = make_engine(sqlite_url(tmp_path / "cache.sqlite"))
    for engine in (central, cache):
        SyncState.__table__.create(engine)
    holder = central.connect()
    holder.execute(select(SyncState.value))  # BEGIN IMMEDIATE: holds the write lock
    started = threading.Event()
    done: list[str] = []

    def writer():
        with Session(central) as s, s.begin():
            started.set()
            s.merge(SyncState(key="k", value="second"))
        done.append("written")

    thread = threading.Thread(target=writer)
    thread.start()
    started.wait(5)
    thread.join(0.3)
    assert done == []  # waiting its turn, not failed
    holder.execute(SyncState.__table__.insert().values(key="first", value="1"))
    holder.commit()
    holder.close()
    thread.join(10)
    assert done == ["written"]
    reads = central.execution_options(reads_only=True)
    with reads.connect() as conn:  # a read does not take the lock
        assert conn.scalar(select(func.count()).select_from(SyncState)) == 2
    with Session(cache) as s, s.begin():
        s.merge(SyncState(key="k", value="cache"))
    with Session(cache) as s:
        assert s.get(SyncState, "k").value == "cache"
    central.dispose()
    cache.dispose()
