"""Raise or clear a case's flags; every change needs a reason, which goes to the audit trail."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from collector_desk.domain.cases import CaseFlag
from collector_desk.store.shared.flags import FlagRefused
from collector_desk.ui.common import labels
from collector_desk.ui.common.theme import show_as_error
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet

translate = QCoreApplication.translate

Change = Callable[[CaseFlag, bool, str], object]  # what it returns is not read


class FlagDialog(QDialog):
    def __init__(
        self, current: Iterable[CaseFlag], change: Change, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("flagDialog")
        offer_sheet(self, key_notes.FLAGS)  # F1
        self.setWindowTitle(translate("FlagDialog", "Flags"))
        self._current = set(current)
        self._change = change
        self.flags = QListWidget(self)
        for flag in CaseFlag:
            item = QListWidgetItem(labels.flag(flag), self.flags)
            item.setData(Qt.ItemDataRole.UserRole, flag.value)
            on = flag in self._current
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.flags.setAccessibleName(translate("FlagDialog", "Flags on this case"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("flagReason")
        self.error = QLabel(self)
        show_as_error(self.error)
        caption = QLabel(translate("FlagDialog", "&Why (recorded in the audit trail)"), self)
        caption.setBuddy(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.flags)
        layout.addWidget(caption)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def changes(self) -> list[tuple[CaseFlag, bool]]:
        out = []
        for i in range(self.flags.count()):
            item = self.flags.item(i)
            flag = CaseFlag(item.data(Qt.ItemDataRole.UserRole))
            on = item.checkState() == Qt.CheckState.Checked
            if on != (flag in self._current):
                out.append((flag, on))
        return out

    def submit(self) -> None:
        changes = self.changes()
        if changes and not self.reason.text().strip():
            self.error.setText(translate("FlagDialog", "Say why the flags change."))
            self.reason.setFocus()
            return
        try:
            for flag, on in changes:
                self._change(flag, on, self.reason.text())
        except FlagRefused as refused:
            self.error.setText(refused.code)
            return
        self.accept()

    def suggest(self, flag: CaseFlag, reason: str) -> None:
        """Tick the flag a call asked for, with the call's words as the reason to confirm."""
        for row in range(self.flags.count()):
            item = self.flags.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == flag.value:
                item.setCheckState(Qt.CheckState.Checked)
                self.flags.setCurrentItem(item)
        self.reason.setText(reason)
        self.reason.setFocus()
