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


def test_a_logged_contact_is_pushed_in_the_background_and_the_bar_says_so(
    qtbot, qapp, live, tmp_path
):
    seed_cases(live.engine, "alice", 5)
    engine = open_cache(tmp_path / "alice.sqlite")
    first = SyncClient(engine, httpx.Client(base_url=live.url), live.login("alice"))
    first.sync()
    first.http.close()
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
    seed_cases(live.engine, "alice", 2)
    engine = open_cache(tmp_path / "alice.sqlite")
    first = SyncClient(engine, httpx.Client(base_url=live.url), live.login("alice"))
    first.sync()
    first.http.close()
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
