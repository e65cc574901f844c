"""Sign in to the central server; or, with no network, open the last user's cache."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from collector_desk.ui.common.ops import BackgroundOp, report_error
from collector_desk.ui.common.theme import show_as_error

translate = QCoreApplication.translate

# attempt(username, password) -> a token, or raises one of the sync client's errors; it runs
# off the GUI thread, so a slow server never freezes the dialog
Attempt = Callable[[str, str], str]


class SignInDialog(QDialog):
    OFFLINE = 2  # result code: work offline from the cache already on this computer

    def __init__(
        self,
        server: str,
        username: str,
        attempt: Attempt,
        keyring_ok: bool,
        can_work_offline: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(translate("SignIn", "Sign in to Collector Desk"))
        self._attempt = attempt
        self._can_work_offline = can_work_offline
        self.token: str | None = None
        self._op: BackgroundOp[str] | None = None
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        show_as_error(self.message)
        self.message.hide()
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setText(
            ""
            if keyring_ok
            else translate(
                "SignIn",
                "This computer has no secure keyring, so Collector Desk will not "
                "remember your sign-in: you will be asked each time you start it.",
            )
        )
        self.keyring_note.setVisible(not keyring_ok)

        form = QFormLayout()
        form.addRow(translate("SignIn", "Server"), QLabel(server, self))
        form.addRow(translate("SignIn", "&User name"), self.username)
        form.addRow(translate("SignIn", "&Password"), self.password)
        buttons = QDialogButtonBox(self)
        self.sign_in = buttons.addButton(
            translate("SignIn", "Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.offline = QPushButton(translate("SignIn", "Work offline"), self)
        buttons.addButton(self.offline, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self.try_sign_in)
        self.offline.clicked.connect(lambda: self.done(self.OFFLINE))
        buttons.rejected.connect(self.reject)
        self.offline.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.keyring_note)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    @property
    def signing_in(self) -> bool:
        """True while the server is being asked (the dialog stays responsive meanwhile)."""
        return self._op is not None and self._op.running

    def try_sign_in(self) -> None:
        username = self.username.text().strip()
        if not username or not self.password.text():
            self._say(translate("SignIn", "Enter your user name and password."))
            return
        if self.signing_in:
            return
        password = self.password.text()
        self._busy(True)
        self._op = (
            BackgroundOp(self, lambda _progress: self._attempt(username, password), self._signed_in)
            .failure(lambda error: self._refused(username, error))
            .run_in_background()
        )

    def _signed_in(self, token: str) -> None:
        self._busy(False)
        self.token = token
        self.accept()

    def _refused(self, username: str, error: Exception) -> None:
        from collector_desk.sync.client import Offline, SignedOut

        self._busy(False)
        if isinstance(error, SignedOut):
            locked = str(error) == "locked"
            self._say(
                translate("SignIn", "Too many failed attempts: wait a moment and try again.")
                if locked
                else translate("SignIn", "The user name or password is wrong.")
            )
            self.password.clear()
            self.password.setFocus()
        elif isinstance(error, Offline):
            self._say(translate("SignIn", "The server cannot be reached."))
            self.offline.setVisible(self._can_work_offline(username))
        else:
            report_error(error)

    def _busy(self, busy: bool) -> None:
        self.sign_in.setEnabled(not busy)
        self.sign_in.setText(
            translate("SignIn", "Signing in…") if busy else translate("SignIn", "Sign in")
        )
        self.username.setReadOnly(busy)
        self.password.setReadOnly(busy)

    def done(self, result: int) -> None:
        if self._op is not None:
            self._op.cancel()  # closed while the server was asked: its answer is dropped
        super().done(result)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
