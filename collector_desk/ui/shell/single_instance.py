"""One Collector Desk per user and cache folder: a second start brings the first to the front.

Two windows on one cache would each hold a queue, a draft and a sync thread of their own; a
collector who double-clicks the icon wants the window they already have. A lock file in the
data folder decides who is first (Qt clears it when its process has died); a local socket then
carries the second start's "show yourself" to the first.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 1000
HELLO = b"show\n"
# printed, not shown: the second start has no window, and its console (if any) is the place
ALREADY_RUNNING = "Collector Desk is already running here: its window was brought to the front."


def instance_key(folder: Path, name: str) -> str:
    """A socket name per OS user, folder and way of running: on a terminal server many users
    share /tmp and the named-pipe namespace."""
    who = f"{getpass.getuser()}\0{folder.resolve()}\0{name}"
    return "collector-desk-" + hashlib.sha256(who.encode()).hexdigest()[:16]


class SingleInstance(QObject):
    """claim() answers whether this process is the first; the first emits `asked_to_show`
    each time another start hands over to it."""

    asked_to_show = Signal()

    def __init__(self, folder: Path, name: str, parent: QObject | None = None) -> None:
        """name: the way of running ("desk", "practice", or the demo user's "demo-NAME")."""
        super().__init__(parent)
        folder.mkdir(parents=True, exist_ok=True)
        self.key = instance_key(folder, name)
        self._lock = QLockFile(str(folder / f"{name}.lock"))
        self._lock.setStaleLockTime(0)  # only a dead process's lock is stale, never an old one
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        if not self._lock.tryLock(0):
            self._hand_over()
            return False
        QLocalServer.removeServer(self.key)  # a socket left by a crash of the first
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._greeted)
        self._server.listen(self.key)
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()

    def _hand_over(self) -> None:
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if socket.waitForConnected(WAIT_MS):
            socket.write(HELLO)
            socket.waitForBytesWritten(WAIT_MS)
            socket.disconnectFromServer()

    def _greeted(self) -> None:
        # read at once: the second start writes as soon as it connects, and no socket
        # outlives this call to be delivered signals after its server is gone
        server = self._server
        assert server is not None  # connected to its own server's signal
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket.bytesAvailable() or socket.waitForReadyRead(WAIT_MS):
                hello = bytes(socket.readAll().data())
            else:
                hello = b""
            socket.abort()
            socket.deleteLater()
            if hello.startswith(HELLO.strip()):
                self.asked_to_show.emit()


def bring_to_front(window) -> None:
    """The window, or its lock if the desk is locked: a second start must not unlock it."""
    lock = getattr(window, "idle_lock", None)
    if lock is not None:
        window = lock.front(window)
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()


def run_first(
    folder: Path, name: str, body: Callable[[SingleInstance | None], int], alone: bool = True
) -> int:
    """body(instance) if this is the first start for folder and name; otherwise hand over to
    the first and return 0. alone=False (a screenshot, not a session) runs body(None) beside
    whatever is open."""
    if not alone:
        return body(None)
    instance = SingleInstance(folder, name)
    if not instance.claim():
        print(ALREADY_RUNNING)
        return 0
    try:
        return body(instance)
    finally:
        instance.release()
