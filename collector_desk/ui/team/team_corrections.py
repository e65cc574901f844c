"""A team lead correcting a contact one of the team's collectors logged, at any time: the
case by its reference, its contacts with who logged them, and E (or Enter) on one opens the
same correction dialog the collectors use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from collector_desk.store.cache import actions
from collector_desk.store.cache.queue import TeamCaseHistory, team_case_history
from collector_desk.store.shared.people import UserView
from collector_desk.ui.case.correction_dialog import CorrectionDialog, corrections_text
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.case_changes import announce
from collector_desk.ui.common.tables import fill, read_only_table
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet

translate = QCoreApplication.translate


class TeamCorrections(QDialog):
    def __init__(
        self,
        engine: Engine,
        lead: UserView,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamCorrections")
        self.setWindowTitle(translate("TeamCorrections", "Correct a team member's contact"))
        offer_sheet(self, key_notes.TEAM_CORRECTIONS)  # F1
        self._engine, self._lead, self._clock = engine, lead, clock
        self._zone = ZoneInfo(lead.time_zone)
        self._history: TeamCaseHistory | None = None
        self.correction_dialog: CorrectionDialog | None = None

        self.case_ref = QLineEdit(self)
        self.case_ref.setObjectName("teamCorrectionsCase")
        self.case_ref.returnPressed.connect(self.show_case)
        caption = QLabel(translate("TeamCorrections", "&Case reference"), self)
        caption.setBuddy(self.case_ref)
        show = QPushButton(translate("TeamCorrections", "Show its contacts"), self)
        show.clicked.connect(self.show_case)
        show.setAutoDefault(False)  # Enter belongs to the field or the table it is in
        self.contacts = read_only_table(self, "teamCorrectionsContacts")
        self.contacts.setWordWrap(True)
        self.contacts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.contacts.setAccessibleName(translate("TeamCorrections", "The case's contacts"))
        self.contacts.setToolTip(
            translate("TeamCorrections", "E or Enter: correct the selected contact")
        )
        QShortcut(
            QKeySequence("E"),
            self.contacts,
            self.correct_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.contacts.activated.connect(lambda _index: self.correct_selected())  # Enter
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.case_ref, 1)
        row.addWidget(show)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.contacts, 1)
        layout.addWidget(self.message)
        self.resize(1000, 520)
        self.case_ref.setFocus()

    def show_case(self) -> None:
        self._history = team_case_history(self._engine, self._lead, self.case_ref.text())
        if self._history is None:
            fill(self.contacts, [], [])
            self.message.setText(
                translate("TeamCorrections", "No case of your team has that reference here.")
            )
            return
        h = self._history
        fill(
            self.contacts,
            [
                translate("TeamCorrections", "When"),
                translate("TeamCorrections", "Logged by"),
                translate("TeamCorrections", "Outcome"),
                translate("TeamCorrections", "Note"),
                translate("TeamCorrections", "Corrected"),
            ],
            [
                [
                    formatting.when(c.started_at, self._zone),
                    h.names.get(c.user_id, ""),
                    labels.outcome(c.outcome),
                    c.note,
                    corrections_text(c, self._zone),
                ]
                for c in h.contacts
            ],
        )
        header = self.contacts.horizontalHeader()
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)
        self.message.setText("")
        if h.contacts:
            self.contacts.setCurrentCell(0, 0)
            self.contacts.setFocus()

    def correct_selected(self) -> CorrectionDialog | None:
        row = self.contacts.currentRow()
        if self._history is None or not 0 <= row < len(self._history.contacts):
            return None
        contact = self._history.contacts[row]
        engine, lead, clock = self._engine, self._lead, self._clock
        moved: list[int] = []

        def correct(correction) -> None:
            actions.correct_contact(engine, lead, contact.id, correction, clock())
            moved.extend([] if correction.case_id is None else [correction.case_id])

        dialog = CorrectionDialog(
            contact,
            self._zone,
            correct,
            lambda ref: actions.writable_case(engine, lead, ref),
            self,
        )
        case_id = self._history.case_id
        dialog.accepted.connect(lambda: announce({case_id, *moved}, source=self))
        dialog.accepted.connect(self.show_case)
        dialog.finished.connect(lambda _result: setattr(self, "correction_dialog", None))
        self.correction_dialog = dialog
        dialog.open()
        return dialog
