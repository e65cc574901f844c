"""`collector-desk run` starting with no network: the last user's cache opens, read-write."""

import httpx
import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from collector_desk.domain.contacts import Channel, Outcome
from collector_desk.store.cache.cache_file import WrongKey, is_plain, open_cache
from collector_desk.sync import credentials
from collector_desk.sync.client import SyncClient
from collector_desk.ui.call.log_dialog import OUTCOME_ORDER
from collector_desk.ui.shell.desk import cache_path, run_desk
from collector_desk.ui.shell.layout_memory import settings_for
from collector_desk.ui.shell.main_window import MainWindow
from tests.live_central import seed_cases


def _signed_in_yesterday(live, tmp_path, engine, token) -> None:
    """Alice's token stayed in the keyring, she was the last user here, and this morning the
    server cannot be reached."""
    engine.dispose()
    assert credentials.save_token(live.url, "alice", token)
    settings_for("desk").setValue(f"last_user/{live.url}", "alice")
    live.stop()


def test_no_network_at_start_opens_the_last_users_cache(qapp, live, tmp_path):
    seed_cases(live.engine, "alice", 3)
    server, data = live.url, tmp_path / "data"
    # yesterday: alice signed in here and synced; her token stayed in the keyring
    engine = open_cache(cache_path(data, server, "alice"))
    client = SyncClient(engine, httpx.Client(base_url=server), live.login("alice"))
    client.sync()
    client.http.close()
    _signed_in_yesterday(live, tmp_path, engine, client.token)

    seen = {}

    def look_and_quit():
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen["rows"] = window.model.rowCount()
        seen["user"] = window._user.username
        window.log_action.trigger()  # and work: the cache is writable offline
        dialog = window.log_dialog
        # a text message: China's hours bind calls and visits, so this runs at any hour
        dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.SMS.value))
        dialog.outcome.setCurrentRow(OUTCOME_ORDER.index(Outcome.RIGHT_PARTY))
        dialog.save(next_case=False)
        seen["waiting"] = window.status_outbox.text()
        window.close()
        loop.quit()

    # A local event loop, not the application's: quitting that would end every later one.
    loop = QEventLoop()
    QTimer.singleShot(1500, look_and_quit)
    assert run_desk(server, data, "en", allow_http=False, run_loop=lambda _app: loop.exec()) == 0
    assert seen == {"rows": 3, "user": "alice", "waiting": "Changes waiting to sync: 1"}
    # yesterday's plain cache was encrypted on this first start, with a key kept in the keyring
    cache = cache_path(data, server, "alice")
    assert not is_plain(cache)
    assert sorted(f.name for f in cache.parent.iterdir()) == [cache.name]
    with pytest.raises(WrongKey):
        open_cache(cache)


def test_a_cache_not_synced_for_too_long_stays_locked_offline(qapp, live, tmp_path, monkeypatch):
    from datetime import UTC, datetime, timedelta

    from collector_desk.store.cache import local_sync
    from collector_desk.sync import cache_keys

    seed_cases(live.engine, "alice", 1)
    server, data = live.url, tmp_path / "data"
    cache = cache_path(data, server, "alice")
    engine = open_cache(cache, cache_keys.cache_key(cache, server, "alice"))
    client = SyncClient(engine, httpx.Client(base_url=server), live.login("alice"))
    client.sync()
    client.http.close()
    local_sync.note_synced(engine, datetime.now(UTC) - timedelta(days=8))  # a week in a drawer
    _signed_in_yesterday(live, tmp_path, engine, client.token)
    said = []
    monkeypatch.setattr(
        "collector_desk.ui.shell.desk.QMessageBox.critical", lambda *args: said.append(args[2])
    )
    assert run_desk(server, data, "en", allow_http=False, run_loop=lambda _app: 0) == 2
    assert "not been synced for more than 7 days" in said[0]
