"""Correct a contact logged by mistake: its outcome, its note, or the case it belongs to, with
the reason; and how a corrected contact reads in the case's history.

The correction is appended beside the contact (store/shared/corrections.py): the history shows
the contact as it is now and, beside it, what it was, who corrected it, when and why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from collector_desk.domain.contact_log import CALL_ONLY, FieldError
from collector_desk.domain.contacts import Channel, Outcome
from collector_desk.domain.corrections import MAX_REASON_CHARS, NOT_BY_CORRECTION, Correction
from collector_desk.store.cache import actions
from collector_desk.store.cache.queue import CaseDetail, ContactView, CorrectionView
from collector_desk.store.shared.corrections import CorrectionRefused
from collector_desk.store.shared.people import UserView
from collector_desk.ui.call import field_errors
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.case_changes import announce
from collector_desk.ui.common.theme import show_as_error
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet

translate = QCoreApplication.translate

Correct = Callable[[Correction], object]  # raises CorrectionRefused; what it returns is unread
FindCase = Callable[[str], int | None]  # a case reference -> its id, if the user may write it


def refusal(code: str, params: Mapping[str, object] | None = None) -> str:
    """Why a correction may not be made, in the user's language (the desk's check and the
    server's refusal alike)."""
    texts = {
        "correction_reason_required": translate(
            "Correction", "Say why the contact is corrected; the reason is kept with it."
        ),
        "correction_reason_too_long": translate(
            "Correction", "The reason is too long (at most %1 characters)."
        ).replace("%1", str((params or {}).get("max", MAX_REASON_CHARS))),
        "correction_changes_nothing": translate(
            "Correction", "Nothing is changed: choose another outcome, edit the note or the case."
        ),
        "correction_outcome_needs_new_contact": translate(
            "Correction",
            "A promise or a requested callback is not made by a correction: log it as a new "
            "contact.",
        ),
        "correction_contact_has_promise": translate(
            "Correction",
            "This contact made a promise: its outcome and case stay. Keep or break the promise "
            "itself; the note may still be corrected.",
        ),
        "correction_not_your_contact": translate(
            "Correction",
            "Only the collector who logged this contact, or a team lead, may correct it.",
        ),
        "correction_window_passed": translate(
            "Correction", "The time to correct this contact has passed; ask your team lead."
        ),
        "no_such_contact": translate("Correction", "This contact is not on this desk."),
        "case_not_mine": translate("Correction", "That case is not one you may write about."),
        "no_such_case": translate("Correction", "No case you may write about has that reference."),
    }
    if code in texts:
        return texts[code]
    return field_errors.message(FieldError("", code, dict(params or {})))


def history_text(view: CorrectionView, zone: ZoneInfo) -> str:
    """One correction as the history shows it: what it was, who, when, why."""
    before = view.before
    parts = []
    if isinstance(before.get("outcome"), str):
        parts.append(labels.outcome(Outcome(str(before["outcome"]))))
    if "note" in before:
        note = str(before["note"] or "")
        parts.append(f"“{note}”" if note else translate("Correction", "no note"))
    if "case_id" in before:
        parts.append(translate("Correction", "on another case"))
    return (
        translate("Correction", "✎ Was: %1 — corrected by %2, %3: %4")
        .replace("%1", " · ".join(parts))
        .replace("%2", view.by or "?")
        .replace("%3", formatting.when(view.at, zone))
        .replace("%4", view.reason)
    )


def corrections_text(contact: ContactView, zone: ZoneInfo, separator: str = "\n") -> str:
    """Every correction of the contact, oldest first: the first says what was logged."""
    return separator.join(history_text(c, zone) for c in contact.corrections)


class CorrectionDialog(QDialog):
    def __init__(
        self,
        contact: ContactView,
        zone: ZoneInfo,
        correct: Correct,
        find_case: FindCase,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        self.setWindowTitle(translate("Correction", "Correct a contact"))
        offer_sheet(self, key_notes.CORRECTION)  # F1
        self._contact = contact
        self._correct = correct
        self._find_case = find_case

        heading = QLabel(
            translate("Correction", "%1 · %2 · logged as “%3”")
            .replace("%1", formatting.when(contact.started_at, zone))
            .replace("%2", labels.channel(contact.channel))
            .replace("%3", labels.outcome(contact.outcome)),
            self,
        )
        heading.setWordWrap(True)
        explanation = QLabel(
            translate(
                "Correction",
                "The contact stays in the history as it was logged; this correction is kept "
                "beside it with your reason, and the team lead can see it.",
            ),
            self,
        )
        explanation.setWordWrap(True)

        self.outcome = QComboBox(self)
        self.outcome.setObjectName("correctionOutcome")
        for value in Outcome:
            if value in NOT_BY_CORRECTION and value is not contact.outcome:
                continue  # made by logging a new contact, never by a correction
            if value in CALL_ONLY and contact.channel is not Channel.CALL:
                continue
            self.outcome.addItem(labels.outcome(value), value.value)
        self.outcome.setCurrentIndex(self.outcome.findData(contact.outcome.value))
        self.note = QPlainTextEdit(contact.note, self)
        self.note.setObjectName("correctionNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.case_ref = QLineEdit(self)
        self.case_ref.setObjectName("correctionCase")
        self.case_ref.setPlaceholderText(
            translate("Correction", "empty: stays on this case; or the other case's reference")
        )
        self.reason = QLineEdit(self)
        self.reason.setObjectName("correctionReason")
        self.reason.setMaxLength(MAX_REASON_CHARS)
        self.error = QLabel(self)
        self.error.setObjectName("correctionError")
        self.error.setWordWrap(True)
        show_as_error(self.error)

        form = QFormLayout()
        for caption, field in (
            (translate("Correction", "&Outcome"), self.outcome),
            (translate("Correction", "&Note"), self.note),
            (translate("Correction", "Move to &case"), self.case_ref),
            (translate("Correction", "&Why (required, kept with the correction)"), self.reason),
        ):
            label = QLabel(caption, self)
            label.setBuddy(field)
            field.setAccessibleName(caption.replace("&", ""))
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(
            translate("Correction", "Correct"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.outcome.setFocus()

    def correction(self) -> Correction | None:
        """What the fields ask for; None (and the error shown) if the case is not found."""
        outcome = Outcome(self.outcome.currentData())
        note = self.note.toPlainText()
        case_id = None
        if self.case_ref.text().strip():
            case_id = self._find_case(self.case_ref.text())
            if case_id is None:
                self._show("no_such_case", self.case_ref)
                return None
        return Correction(
            reason=self.reason.text(),
            outcome=None if outcome is self._contact.outcome else outcome,
            note=None if note.strip() == self._contact.note else note,
            case_id=case_id,
        )

    def submit(self) -> None:
        correction = self.correction()
        if correction is None:
            return
        try:
            self._correct(correction)
        except CorrectionRefused as refused:
            where = {"reason": self.reason, "note": self.note, "case": self.case_ref}
            self._show(refused.code, where.get(refused.field, self.outcome), refused.params)
            return
        self.accept()

    def _show(self, code: str, field: QWidget, params: Mapping[str, object] | None = None) -> None:
        self.error.setText(refusal(code, params))
        field.setFocus()


def for_contact(
    detail: CaseDetail | None,
    contact_id: str,
    engine: Engine,
    user: UserView,
    clock: Callable[[], datetime],
    parent: QWidget | None = None,
) -> CorrectionDialog | None:
    """The dialog for one contact of the case shown, wired to the desk's action; the case a
    contact moves to is announced as changed too (the one it leaves is the caller's)."""
    contact = next((c for c in (detail.contacts if detail else ()) if c.id == contact_id), None)
    if contact is None:
        return None

    def correct(correction: Correction) -> None:
        actions.correct_contact(engine, user, contact_id, correction, clock())
        if correction.case_id is not None:
            dialog.accepted.connect(lambda: announce({correction.case_id}, source=parent))

    dialog = CorrectionDialog(
        contact,
        ZoneInfo(user.time_zone),
        correct,
        lambda ref: actions.writable_case(engine, user, ref),
        parent,
    )
    return dialog
