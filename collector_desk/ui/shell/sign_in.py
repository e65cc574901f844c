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

from collector_desk.ui.common.theme import show_as_error

translate = QCoreApplication.translate

# attempt(username, password) -> a token, or raises one of the sync client's errors
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

    def try_sign_in(self) -> None:
        from collector_desk.sync.client import Offline, SignedOut

        username = self.username.text().strip()
        if not username or not self.password.text():
            self._say(translate("SignIn", "Enter your user name and password."))
            return
        try:
            self.token = self._attempt(username, self.password.text())
        except SignedOut as refused:
            locked = str(refused) == "locked"
            self._say(
                translate("SignIn", "Too many failed attempts: wait a moment and try again.")
                if locked
                else translate("SignIn", "The user name or password is wrong.")
            )
            self.password.clear()
            return
        except Offline:
            self._say(translate("SignIn", "The server cannot be reached."))
            self.offline.setVisible(self._can_work_offline(username))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
