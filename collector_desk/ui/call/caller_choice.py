"""An incoming number found on several of my cases: the collector picks whose call it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from collector_desk.domain.contacts import Relation
from collector_desk.store.cache.caller_id import CallerMatch
from collector_desk.ui.common import labels

translate = QCoreApplication.translate


class CallerChoice(QDialog):
    def __init__(self, matches: list[CallerMatch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerChoice")
        self.matches = matches
        self.setWindowTitle(translate("CallerChoice", "Whose call is it?"))
        self.list = QListWidget(self)
        for match in matches:
            whose = (
                "" if match.relation is Relation.SELF else f" ({labels.relation(match.relation)})"
            )
            self.list.addItem(f"{match.case_ref} · {match.customer_name}{whose}")
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(translate("CallerChoice", "This number is on several of your cases:"), self)
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> CallerMatch | None:
        row = self.list.currentRow()
        return self.matches[row] if 0 <= row < len(self.matches) else None
