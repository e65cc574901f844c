"""The window and its background sync against a real server on loopback."""

import httpx
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.schema import Contact
from collector_desk.sync.client import SyncClient
from collector_desk.ui.shell.sync_controller import Link
from tests.live_central import desk_window, seed_cases


def _alices_synced_cache(live, tmp_path, cases: int):
    """Alice's cache after a first sync of her `cases` cases, as a desk that was online."""
    seed_cases(live.engine, "alice", cases)
    engine = open_cache(tmp_path / "alice.sqlite")
    first = SyncClient(engine, httpx.Client(base_url=live.url), live.login("alice"))
    first.sync()
    first.http.close()
    return engine


def test_a_logged_contact_is_pushed_in_the_background_and_the_bar_says_so(
    qtbot, qapp, live, tmp_path
):
    engine = _alices_synced_cache(live, tmp_path, 5)
    window, controller = desk_window(qtbot, qapp, engine, live.clock, url=live.url)
    try:
        window.log_action.trigger()  # Case → Log contact (L)
        dialog = window.log_dialog
        qtbot.keyClick(dialog.outcome, Qt.Key.Key_1)
        qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
        assert "1" in window.status_outbox.text()
        window.sync_action.trigger()  # Case → Sync now (F9)
        qtbot.waitUntil(lambda: controller.link is Link.ONLINE, timeout=10_000)
        assert "Online" in window.status_link.text()
        assert window.status_outbox.text().endswith(": 0")
        with Session(live.engine) as s:
            assert s.scalar(select(func.count()).select_from(Contact)) == 1
    finally:
        controller.shutdown()
        engine.dispose()


def test_no_server_means_offline_with_a_retry_and_nothing_lost(qtbot, qapp, live, tmp_path):
    engine = _alices_synced_cache(live, tmp_path, 2)
    window, controller = desk_window(qtbot, qapp, engine, live.clock, url="http://127.0.0.1:9")
    try:
        window.log_action.trigger()
        qtbot.keyClick(window.log_dialog.outcome, Qt.Key.Key_1)
        qtbot.keyClick(window.log_dialog.outcome, Qt.Key.Key_Return)
        controller.sync_now()
        qtbot.waitUntil(
            lambda: controller.link is Link.OFFLINE and controller.failures == 1, timeout=10_000
        )
        assert "Offline" in window.status_link.text() and "retrying in" in window.status_link.text()
        assert controller.retry_in_s is not None and 1 <= controller.retry_in_s <= 2
        with Session(engine) as s:
            assert s.scalar(select(func.count()).select_from(OutboxMutation)) == 1
    finally:
        controller.shutdown()
        engine.dispose()


def test_a_fault_on_the_server_reads_as_a_server_error_not_offline(
    qtbot, qapp, live, tmp_path, monkeypatch
):
    from collector_desk.store.central import push

    def broken(session, user, mutation, now):
        raise KeyError("a bug on the server")

    monkeypatch.setattr(push, "_log_contact", broken)
    engine = _alices_synced_cache(live, tmp_path, 2)
    window, controller = desk_window(qtbot, qapp, engine, live.clock, url=live.url)
    try:
        window.log_action.trigger()
        qtbot.keyClick(window.log_dialog.outcome, Qt.Key.Key_1)
        qtbot.keyClick(window.log_dialog.outcome, Qt.Key.Key_Return)
        controller.sync_now()
        qtbot.waitUntil(lambda: controller.link is Link.SERVER_ERROR, timeout=10_000)
        text = window.status_link.text()
        assert "Server error" in text and "retrying in" in text and "Offline" not in text
        with Session(engine) as s:  # kept, to be pushed again
            assert s.scalar(select(func.count()).select_from(OutboxMutation)) == 1
    finally:
        controller.shutdown()
        engine.dispose()


def test_a_change_the_server_found_invalid_says_which_field(qapp):
    from collector_desk.ui.common.labels import sync_reason

    assert sync_reason("invalid: entry.note") == (
        "the server could not accept this change (entry.note)"
    )
    assert sync_reason("malformed") == "the change was damaged"  # results kept from before


def test_a_fault_on_this_desk_reads_as_such_not_offline(qtbot, qapp, live, tmp_path, monkeypatch):
    """Issue 16: any exception used to read as "Offline" and retry for ever, unseen."""
    from collector_desk.store.cache import local_sync

    engine = _alices_synced_cache(live, tmp_path, 2)

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in the desk")

    monkeypatch.setattr(local_sync, "take_in", broken)
    window, controller = desk_window(qtbot, qapp, engine, live.clock, url=live.url)
    try:
        controller.sync_now()
        qtbot.waitUntil(lambda: controller.link is Link.DESK_ERROR, timeout=10_000)
        text = window.status_link.text()
        assert "this computer" in text and "retrying in" in text and "Offline" not in text
    finally:
        controller.shutdown()
        engine.dispose()
