import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer

from collector_desk.sync.client import sign_in
from collector_desk.ui.common.i18n import Translations
from collector_desk.ui.shell.desk import cache_path, sign_in_attempt
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


SLOW_S = 5  # the slow server: a sign-in answered after 5 s


class _SlowSignIn(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        time.sleep(SLOW_S)
        body = json.dumps({"token": "slow-" + "t" * 40}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


@pytest.fixture
def slow_server():
    """A server on loopback that takes SLOW_S seconds to answer a sign-in."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowSignIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:
        self.count += event.type() == QEvent.Type.Paint
        return False


def test_the_window_keeps_painting_while_the_server_takes_5_s_to_sign_in(qtbot, qapp, slow_server):
    Translations(qapp).set_language("en")
    dialog = SignInDialog(
        slow_server, "alice", sign_in_attempt(slow_server), True, lambda _name: False
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.password, PASSWORD)
    paints, ticks = _Paints(), []
    dialog.installEventFilter(paints)
    timer = QTimer(interval=50)  # what a window needs to stay alive: its timers and repaints
    timer.timeout.connect(lambda: (ticks.append(time.monotonic()), dialog.update()))
    timer.start()

    clicked = time.monotonic()
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert time.monotonic() - clicked < 1  # the click came back at once
    assert dialog.signing_in and not dialog.sign_in.isEnabled()
    qtbot.waitUntil(lambda: not dialog.signing_in, timeout=(SLOW_S + 10) * 1000)
    timer.stop()
    waited = time.monotonic() - clicked

    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.token.startswith("slow-")
    assert waited >= SLOW_S - 0.1  # the server did take its time
    assert len(ticks) >= 40  # 50 ms apart for 5 s: about 100; a frozen window would get 1
    assert max(b - a for a, b in pairwise(ticks)) < 1  # and never stopped for long
    assert paints.count >= 40
    print(f"{len(ticks)} timer ticks and {paints.count} paints in {waited:.1f} s of sign-in")
