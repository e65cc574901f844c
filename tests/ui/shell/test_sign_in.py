from pathlib import Path

import httpx
from PySide6.QtCore import Qt

from collector_desk.sync.client import sign_in
from collector_desk.ui.common.i18n import Translations
from collector_desk.ui.shell.desk import cache_path
from collector_desk.ui.shell.sign_in import SignInDialog
from tests.live_central import PASSWORD


def _dialog(qtbot, qapp, url, cache_exists=False):
    Translations(qapp).set_language("en")

    def attempt(name, password):
        with httpx.Client(base_url=url, timeout=5) as http:
            return sign_in(http, name, password)

    dialog = SignInDialog(
        url, "alice", attempt, keyring_ok=False, can_work_offline=lambda name: cache_exists
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_wrong_password_says_so_and_the_right_one_signs_in(qtbot, qapp, live):
    dialog = _dialog(qtbot, qapp, live.url)
    assert dialog.keyring_note.isVisible()  # told plainly that nothing will be remembered
    qtbot.keyClicks(dialog.password, "not it")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.signing_in)
    assert dialog.isVisible() and "wrong" in dialog.message.text()
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.signing_in)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.token and len(dialog.token) > 30


def test_no_server_offers_to_work_offline_when_a_cache_exists(qtbot, qapp):
    dialog = _dialog(qtbot, qapp, "http://127.0.0.1:9", cache_exists=True)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.signing_in)
    assert "cannot be reached" in dialog.message.text()
    assert dialog.offline.isVisible()
    qtbot.mouseClick(dialog.offline, Qt.MouseButton.LeftButton)
    assert dialog.result() == SignInDialog.OFFLINE


def test_each_user_and_server_has_a_cache_of_their_own(tmp_path: Path):
    a = cache_path(tmp_path, "https://desk.bank", "alice")
    b = cache_path(tmp_path, "https://desk.bank", "bob")
    c = cache_path(tmp_path, "https://other.bank:8443", "alice")
    assert len({a, b, c}) == 3
    assert all(p.parent == tmp_path / "caches" for p in (a, b, c))
