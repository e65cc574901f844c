"""`collector-desk run` starting with no network: the last user's cache opens, read-write."""

import httpx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from collector_desk.domain.contacts import Outcome
from collector_desk.store.cache.cache_file import WrongKey, is_plain, open_cache
from collector_desk.sync import credentials
from collector_desk.sync.client import SyncClient
from collector_desk.ui.call.log_dialog import OUTCOME_ORDER
from collector_desk.ui.shell.desk import cache_path, run_desk
from collector_desk.ui.shell.layout_memory import settings_for
from collector_desk.ui.shell.main_window import MainWindow
from tests.live_central import seed_cases


def _app_loop(app) -> int:
    """The application's own loop, where the whole start happens; ended by the start, by the
    test, or after a deadline (code 99) if neither does."""
    deadline = QTimer(singleShot=True, interval=60_000)
    deadline.timeout.connect(lambda: app.exit(99))
    deadline.start()
    try:
        return app.exec()
    finally:
        deadline.stop()  # a late exit would end whatever loop runs next


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
        shown = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not shown:  # still starting: the cache opens in the background
            return
        poll.stop()
        window = shown[0]
        seen["rows"] = window.model.rowCount()
        seen["user"] = window._user.username
        window.log_action.trigger()  # and work: the cache is writable offline
        dialog = window.log_dialog
        # the customer called us: no pack's hours bind an inbound call, so this runs at any
        # hour of the real clock the desk starts with
        dialog.inbound.setChecked(True)
        dialog.outcome.setCurrentRow(OUTCOME_ORDER.index(Outcome.RIGHT_PARTY))
        dialog.save(next_case=False)
        seen["waiting"] = window.status_outbox.text()
        window.close()
        QApplication.exit(0)

    poll = QTimer(interval=100)
    poll.timeout.connect(look_and_quit)
    poll.start()
    try:
        assert run_desk(server, data, "en", allow_http=False, run_loop=_app_loop) == 0
    finally:
        poll.stop()
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
    assert run_desk(server, data, "en", allow_http=False, run_loop=_app_loop) == 2
    assert "not been synced for more than 7 days" in said[0]


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_a_first_start_signs_in_fills_the_cache_and_opens_the_window(qapp, live, tmp_path):
    from collector_desk.ui.shell.sign_in import SignInDialog
    from tests.live_central import PASSWORD

    seed_cases(live.engine, "alice", 2)
    seen = {}

    def sign_in_then_look():
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        dialog = next((w for w in shown if isinstance(w, SignInDialog)), None)
        if dialog is not None and "typed" not in seen:
            seen["typed"] = True
            dialog.username.setText("alice")
            dialog.password.setText(PASSWORD)
            dialog.sign_in.click()
        window = next((w for w in shown if isinstance(w, MainWindow)), None)
        if window is not None:
            poll.stop()
            seen["rows"] = window.model.rowCount()
            window.close()
            QApplication.exit(0)

    poll = QTimer(interval=100)
    poll.timeout.connect(sign_in_then_look)
    poll.start()
    try:
        assert run_desk(live.url, tmp_path / "data", "en", False, run_loop=_app_loop) == 0
    finally:
        poll.stop()
    assert seen == {"typed": True, "rows": 2}  # signed in, then the first sync filled the cache
    assert credentials.load_token(live.url, "alice")  # the next start needs no password
