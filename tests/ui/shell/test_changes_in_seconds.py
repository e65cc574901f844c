"""Changes in seconds: a desk with its periodic sync at 30 s learns of a change that concerns
it from its long poll, not from its timer; a change elsewhere leaves it alone; and with the
server gone the long poll fails quietly while the periodic sync carries on."""

import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.store.cache.actions import reassign
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import Case, User
from collector_desk.sync.client import SyncClient
from collector_desk.ui.shell.sync_controller import SYNC_EVERY_MS, Link
from tests.live_central import desk_window, seed_cases

BOUND_MS = 5_000  # the goal is 2 s; the benchmark reports the figure, this only bounds it


def _held(engine) -> set[int]:
    with Session(engine) as s:
        return set(s.scalars(select(Case.id)))


def _bobs_window(qtbot, qapp, live, tmp_path):
    """Bob's desk, synced once and watching, its next periodic sync 30 s away."""
    engine = open_cache(tmp_path / "bob.sqlite")
    first = SyncClient(engine, httpx.Client(base_url=live.url), live.login("bob"))
    first.sync()
    first.http.close()
    _window, controller = desk_window(qtbot, qapp, engine, live.clock, "bob", url=live.url)
    controller.sync_now()
    qtbot.waitUntil(lambda: controller._watcher is not None, timeout=10_000)
    qtbot.waitUntil(lambda: live.app.state.change_feed.waiting == 1, timeout=10_000)
    assert controller._timer.interval() == SYNC_EVERY_MS
    return engine, controller


def test_a_case_moved_to_a_collector_is_on_their_desk_in_seconds(qtbot, qapp, live, desk, tmp_path):
    ids = seed_cases(live.engine, "alice", 3)
    lead = desk("lead")
    lead.sync()
    engine, controller = _bobs_window(qtbot, qapp, live, tmp_path)
    try:
        assert _held(engine) == set()
        leader, bob = find_user(lead.engine, "lead"), find_user(lead.engine, "bob")
        reassign(lead.engine, leader, ids[:2], bob.id, live.clock.now)
        lead.sync()  # the push commits the move
        qtbot.waitUntil(lambda: _held(engine) == set(ids[:2]), timeout=BOUND_MS)
    finally:
        controller.shutdown()
        engine.dispose()


def test_a_change_outside_the_desk_s_scope_does_not_wake_it(qtbot, qapp, live, desk, tmp_path):
    (carols,) = seed_cases(live.engine, "carol", 1, start=50)  # team B
    (bobs,) = seed_cases(live.engine, "bob", 1, start=60)
    engine, controller = _bobs_window(qtbot, qapp, live, tmp_path)
    syncs = []
    controller.changed.connect(lambda: syncs.append(controller.link))
    try:
        carol = desk("carol")
        carol.sync()
        from tests.server.test_sync import _log

        _log(carol, carols)
        carol.sync()  # carol's contact: a change for her and team B
        qtbot.wait(2_000)
        assert Link.SYNCING not in syncs
        bob_elsewhere = desk("bob")  # bob on a second desktop: his own scope, so it wakes
        bob_elsewhere.sync()
        _log(bob_elsewhere, bobs)
        bob_elsewhere.sync()
        qtbot.waitUntil(lambda: Link.SYNCING in syncs, timeout=BOUND_MS)
    finally:
        controller.shutdown()
        engine.dispose()


def test_with_the_server_gone_the_desk_falls_back_to_its_periodic_sync_quietly(
    qtbot, qapp, live, tmp_path
):
    engine, controller = _bobs_window(qtbot, qapp, live, tmp_path)
    watcher = controller._watcher
    try:
        live.stop()  # the network cut: the long poll is answered, the next one finds no one
        qtbot.waitUntil(lambda: watcher.failures >= 1, timeout=30_000)  # a busy machine
        assert watcher.running
        assert controller.link is Link.ONLINE and controller.last_error is None
        assert controller._timer.isActive() and controller._timer.interval() == SYNC_EVERY_MS
    finally:
        controller.shutdown()
        engine.dispose()


MOVE_IN_ANOTHER_PROCESS = """
import sys
from datetime import UTC, datetime
from sqlalchemy import select
from sqlalchemy.orm import Session
from collector_desk.store.central.changes import record_change
from collector_desk.store.shared.engine import make_engine
from collector_desk.store.shared.schema import Case, User

engine = make_engine(sys.argv[1])
with Session(engine) as session, session.begin():
    bob = session.scalars(select(User).where(User.username == "bob")).one()
    case = session.get_one(Case, int(sys.argv[2]))
    before = case.assigned_to
    case.assigned_to = bob.id
    record_change(session, case, datetime.now(UTC), previous_user_id=before)
"""


@pytest.mark.parametrize("central_url", ["postgres"], indirect=True)
def test_a_change_written_by_another_process_reaches_the_desk_by_listen_notify(
    qtbot, qapp, live, tmp_path
):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    engine, controller = _bobs_window(qtbot, qapp, live, tmp_path)
    try:
        qtbot.waitUntil(live.app.state.change_feed.listening.is_set, timeout=10_000)
        url = live.engine.url.render_as_string(hide_password=False)
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-c", MOVE_IN_ANOTHER_PROCESS, url, str(case_id)], check=True
        )
        committed = time.monotonic()
        assert committed - started < 30  # the other process is done: its commit is in
        qtbot.waitUntil(lambda: _held(engine) == {case_id}, timeout=BOUND_MS)
        with Session(engine) as s:
            assert s.scalar(select(User.username).join(Case, Case.assigned_to == User.id)) == "bob"
    finally:
        controller.shutdown()
        engine.dispose()
