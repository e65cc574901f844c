"""Refer a case to legal, or move it to its next legal stage, with the documents on file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from collector_desk.config.loaders import default_legal_rules
from collector_desk.domain.legal import NEXT, LegalError, LegalStage, checklist
from collector_desk.store.shared.legal import LegalView
from collector_desk.ui.common.theme import show_as_error
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet

translate = QCoreApplication.translate

Step = Callable[[LegalStage, date, dict[str, bool]], None]


class LegalDialog(QDialog):
    def __init__(
        self, legal: LegalView, step: Step, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("legalDialog")
        offer_sheet(self, key_notes.LEGAL)  # F1
        self.setWindowTitle(translate("LegalDialog", "Legal"))
        self._step = step
        self.stage = QComboBox(self)
        choices = [LegalStage.REFERRED] if legal.stage is None else sorted(NEXT[legal.stage])
        for stage in choices:
            self.stage.addItem(legal_stage(stage), stage.value)
        self.on = QDateEdit(self)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setCalendarPopup(True)
        self.on.setDate(QDate(today))  # type: ignore[call-overload]  # stubs omit QDate(date)
        self.documents = QListWidget(self)
        self.documents.setObjectName("legalDocuments")
        for doc in checklist(default_legal_rules()):
            item = QListWidgetItem(document_name(doc), self.documents)
            item.setData(Qt.ItemDataRole.UserRole, doc)
            checked = legal.documents.get(doc, False)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.error = QLabel(self)
        self.error.setObjectName("legalError")
        show_as_error(self.error)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("LegalDialog", "&Stage"), self.stage)
        form.addRow(translate("LegalDialog", "&On"), self.on)
        form.addRow(translate("LegalDialog", "&Documents on file"), self.documents)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if legal.stage is None and legal.not_eligible:
            why = QLabel(
                translate("LegalDialog", "Not suggested for legal: %1").replace(
                    "%1", "; ".join(eligibility_reason(r) for r in legal.not_eligible)
                ),
                self,
            )
            why.setWordWrap(True)
            layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def checked(self) -> dict[str, bool]:
        out = {}
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            out[item.data(Qt.ItemDataRole.UserRole)] = item.checkState() == Qt.CheckState.Checked
        return out

    def submit(self) -> None:
        try:
            self._step(
                LegalStage(self.stage.currentData()),
                cast(date, self.on.date().toPython()),  # PySide6 types it as object
                self.checked(),
            )
        except LegalError as error:
            self.error.setText(legal_error(error))
            return
        self.accept()


def legal_stage(stage: LegalStage) -> str:
    return {
        LegalStage.REFERRED: translate("LegalStage", "Referred"),
        LegalStage.FILED: translate("LegalStage", "Filed"),
        LegalStage.JUDGMENT: translate("LegalStage", "Judgment"),
        LegalStage.ENFORCEMENT: translate("LegalStage", "Enforcement"),
        LegalStage.CLOSED: translate("LegalStage", "Closed"),
    }[stage]


def document_name(code: str) -> str:
    return {
        "card_agreement": translate("LegalDocument", "Card agreement"),
        "statement_of_account": translate("LegalDocument", "Statement of account"),
        "contact_history": translate("LegalDocument", "Contact history"),
        "final_notice": translate("LegalDocument", "Final notice sent"),
        "complaint_filed": translate("LegalDocument", "Complaint filed with the court"),
        "court_fee_receipt": translate("LegalDocument", "Court fee receipt"),
        "judgment_copy": translate("LegalDocument", "Copy of the judgment"),
        "enforcement_application": translate("LegalDocument", "Enforcement application"),
    }.get(code, code)


def eligibility_reason(code: str) -> str:
    return {
        "already_in_legal": translate("LegalDialog", "already in legal"),
        "dpd_below_threshold": translate("LegalDialog", "not late enough"),
        "balance_below_threshold": translate("LegalDialog", "balance too small"),
        "too_few_attempts": translate("LegalDialog", "too few contact attempts"),
        "blocking_flag": translate("LegalDialog", "a flag sends it elsewhere"),
        "active_plan": translate("LegalDialog", "a plan is active"),
        "open_promise": translate("LegalDialog", "a promise is open"),
    }.get(code, code)


def legal_error(error: LegalError) -> str:
    p = error.params
    if error.code == "not_eligible":
        return translate("LegalDialog", "This case may not go to legal: %1").replace(
            "%1", "; ".join(eligibility_reason(r) for r in cast("list[str]", p.get("reasons", [])))
        )
    if error.code == "documents_missing":
        return translate("LegalDialog", "Missing documents: %1").replace(
            "%1", ", ".join(document_name(d) for d in cast("list[str]", p.get("documents", [])))
        )
    return {
        "stage_not_allowed": translate("LegalDialog", "The case cannot move to that stage now."),
        "date_in_future": translate("LegalDialog", "The date is in the future."),
        "date_before_previous_stage": translate(
            "LegalDialog", "The date is before the previous stage's."
        ),
        "case_not_mine": translate("LegalDialog", "This case is no longer assigned to you."),
    }.get(error.code, error.code)
