"""The desk locks itself when nobody has touched it for a while, and on F12.

Locking hides every window that shows customer data: the main window, the team window and
any open dialog, with what is typed in them kept, so a screen left on at lunch shows nothing
but the lock. The user's password unlocks it, checked against the verifier kept in their
cache (store.unlock), so it works offline; the sync thread goes on working meanwhile. The check
(an Argon2 hash, perhaps a question to the server) runs off the GUI thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from collector_desk.ui.common.ops import BackgroundOp, report_error
from collector_desk.ui.common.theme import show_as_error

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
CHECK_MS = 15_000
FREE_TRIES = 5  # wrong passwords before the Unlock button rests
REST_MS = 30_000
TRANSIENT = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}

# password -> True (it is theirs), False (it is not), None (nothing here can tell); called off
# the GUI thread
Check = Callable[[str], "bool | None"]


class LockScreen(QWidget):
    unlock_requested = Signal(str)

    def __init__(self, display_name: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("lockScreen")
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.who = QLabel(display_name, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        show_as_error(self.message)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.who):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.setContentsMargins(48, 24, 48, 24)
        self.resize(520, 300)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Lock", "Collector Desk — locked"))
        self.title.setText(translate("Lock", "Collector Desk is locked"))
        self.password.setPlaceholderText(translate("Lock", "Your password"))
        self.password.setAccessibleName(translate("Lock", "Password"))
        self.unlock_button.setText(translate("Lock", "&Unlock"))

    def _submit(self) -> None:
        if self.unlock_button.isEnabled():
            self.unlock_requested.emit(self.password.text())

    def rest(self, resting: bool) -> None:
        """After too many wrong passwords, nothing can be typed for a while."""
        self.password.setEnabled(not resting)
        self.unlock_button.setEnabled(not resting)
        if not resting:
            self.message.clear()
            self.password.setFocus()

    def checking(self, busy: bool) -> None:
        """While the password is checked: nothing more can be typed, and the lock says so."""
        self.password.setReadOnly(busy)
        self.unlock_button.setEnabled(not busy)
        if busy:
            self.message.setText(translate("Lock", "Checking your password…"))
        else:
            self.message.clear()
            self.password.setFocus()

    def refuse(self, text: str) -> None:
        self.message.setText(text)
        self.password.clear()
        self.password.setFocus()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class IdleLock(QObject):
    """Watches the whole application's input; locks after `minutes` without any (0: never)."""

    def __init__(
        self,
        display_name: str,
        minutes: int,
        check: Check,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self._check = check
        self._clock = clock
        self._last_input = clock()
        self._hidden: list[QWidget] = []
        self._active: QWidget | None = None
        self._failures = 0
        self._op: BackgroundOp[bool | None] | None = None
        self.screen = LockScreen(display_name)
        self.screen.unlock_requested.connect(self.try_unlock)
        app = QApplication.instance()
        assert app is not None  # made inside a running application
        app.installEventFilter(self)
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check_idle)
        if minutes > 0:
            self._timer.start()

    @property
    def locked(self) -> bool:
        return self.screen.isVisible()

    def front(self, window: QWidget) -> QWidget:
        """What to bring to the front for `window`: the lock itself while locked."""
        return self.screen if self.locked else window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and not self.locked:
            self._last_input = self._clock()
        return False

    def check_idle(self) -> None:
        idle = self._clock() - self._last_input
        if self.minutes > 0 and not self.locked and idle >= self.minutes * 60:
            self.lock()

    def lock(self) -> None:
        if self.locked:
            return
        self._active = QApplication.activeWindow()
        shown = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.screen
        ]
        for popup in (w for w in shown if w.windowType() in TRANSIENT):
            popup.hide()  # an open menu or tooltip: gone, not brought back
        self._hidden = [w for w in shown if w.windowType() not in TRANSIENT]
        if self._hidden:  # the lock stands where the desk stood, at its size
            desk = max(self._hidden, key=lambda w: w.width() * w.height())
            self.screen.setGeometry(desk.geometry())
        for widget in self._hidden:
            widget.hide()
        self.screen.message.clear()
        self.screen.password.clear()
        self.screen.show()
        self.screen.activateWindow()
        self.screen.password.setFocus()
        log.info("locked, %d window(s) hidden", len(self._hidden))

    @property
    def checking(self) -> bool:
        return self._op is not None and self._op.running

    def try_unlock(self, password: str) -> None:
        if not password:
            self._judged(False)
            return
        if self.checking:
            return
        self.screen.checking(True)
        check = self._check
        self._op = (
            BackgroundOp(self.screen, lambda _progress: check(password), self._judged)
            .failure(self._check_failed)
            .run_in_background()
        )

    def _check_failed(self, error: Exception) -> None:
        self.screen.checking(False)
        report_error(error)

    def _judged(self, verdict: bool | None) -> None:
        self.screen.checking(False)
        if not self.locked:
            return  # stopped meanwhile
        if verdict:
            self._failures = 0
            self._unlock()
            return
        if verdict is None:
            self.screen.refuse(
                translate(
                    "Lock",
                    "This computer cannot check your password yet and the server cannot be "
                    "reached. Your work is kept: connect to the network and try again.",
                )
            )
            return
        self._failures += 1
        log.warning("unlock refused: wrong password (%d in a row)", self._failures)
        if self._failures >= FREE_TRIES:
            self._failures = 0
            self.screen.rest(True)
            QTimer.singleShot(REST_MS, self, lambda: self.screen.rest(False))
            self.screen.refuse(
                translate("Lock", "Too many wrong passwords: try again in %1 seconds.").replace(
                    "%1", str(REST_MS // 1000)
                )
            )
            return
        self.screen.refuse(translate("Lock", "That is not your password. Nothing was unlocked."))

    def _unlock(self) -> None:
        self.screen.hide()
        self._hidden = [w for w in self._hidden if isValid(w)]  # a dialog may have gone
        for widget in self._hidden:
            widget.show()
        if self._active is not None and self._active in self._hidden:
            self._active.activateWindow()
        self._hidden, self._active = [], None
        self._last_input = self._clock()
        log.info("unlocked")

    def stop(self) -> None:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(self)
        self._timer.stop()
        self.screen.close()
