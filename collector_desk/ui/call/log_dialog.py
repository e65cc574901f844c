"""The contact log: outcome first, by number key; Enter saves and moves to the next case.

"No answer, next case" is three keys from the queue: L (open), 1 (No answer), Enter.
Every change is offered as a draft (draft_changed) so the window can keep it across a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from collector_desk.domain import phones
from collector_desk.domain.calls import CallRecord, Ending
from collector_desk.domain.contact_log import DIALABLE, ContactEntry, FieldError
from collector_desk.domain.contacts import Channel, Direction, Outcome, OutcomeGroup
from collector_desk.domain.money import MoneyError, parse_major
from collector_desk.domain.policy import Decision
from collector_desk.store.cache.queue import CaseDetail
from collector_desk.ui.call import field_errors
from collector_desk.ui.common import labels
from collector_desk.ui.common.theme import show_as_error
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet

translate = QCoreApplication.translate

# The order outcomes are offered in; the first ten answer to the keys 1..9, 0.
OUTCOME_ORDER = (
    Outcome.NO_ANSWER,
    Outcome.BUSY,
    Outcome.VOICEMAIL,
    Outcome.PROMISE_TO_PAY,
    Outcome.RIGHT_PARTY,
    Outcome.CALLBACK_REQUESTED,
    Outcome.REFUSED_TO_PAY,
    Outcome.WRONG_NUMBER,
    Outcome.THIRD_PARTY,
    Outcome.DISCONNECTED,
    Outcome.CLAIMS_PAID,
    Outcome.HARDSHIP,
    Outcome.DISPUTE,
    Outcome.LANGUAGE_BARRIER,
)
DIGIT_KEYS = "1234567890"
_BANNER = "padding: 6px; border-radius: 3px; border: 1px solid {0}; background: {1}; color: {2};"
BLOCKED_STYLE = _BANNER.format("#b3261e", "#fdecea", "#5f1410")
WARNING_STYLE = _BANNER.format("#b26a00", "#fff4e0", "#4a2c00")
ALLOWED_STYLE = _BANNER.format("#3b6e3b", "#eef6ee", "#1e3a1e")

Submit = Callable[[ContactEntry], list[FieldError]]
# The policy pack's verdict on an outbound contact by this channel to this number, now.
Judge = Callable[[Channel, "int | None"], Decision]


def _group_title(group: OutcomeGroup) -> str:
    return {
        OutcomeGroup.FAIL: translate("LogDialog", "Not reached"),
        OutcomeGroup.REACH: translate("LogDialog", "Someone else"),
        OutcomeGroup.SUCCESS: translate("LogDialog", "Customer reached"),
    }[group]


class LogDialog(QDialog):
    draft_changed = Signal(dict)

    def __init__(
        self,
        detail: CaseDetail,
        submit: Submit,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        draft: dict | None = None,
        parent: QWidget | None = None,
        judge: Judge | None = None,
        dialed: tuple[int, datetime] | None = None,
        call: CallRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self._judge = judge
        self._dialed = dialed  # (number, when) of the call this dialog records, if dialed here
        self._call = call  # the call as the phone reported it, when the phone reports calls
        self._decision: Decision | None = None
        self.setObjectName("logDialog")
        offer_sheet(self, key_notes.LOG)  # F1
        self._detail = detail
        self._submit = submit
        self._clock = clock
        self._zone = ZoneInfo(detail.time_zone)
        self.next_requested = False
        self.setWindowTitle(
            translate("LogDialog", "Log contact — %1").replace("%1", detail.customer_name)
        )

        self.channel = QComboBox(self)
        for channel in Channel:
            self.channel.addItem(labels.channel(channel), channel.value)
        # the customer called us: no number is needed and the caps do not count it
        self.inbound = QCheckBox(self)
        self.inbound.setObjectName("inbound")
        channel_row = QWidget(self)
        row = QHBoxLayout(channel_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.channel, 1)
        row.addWidget(self.inbound)
        self.number = QComboBox(self)
        self._fill_numbers()
        self.outcome = QListWidget(self)
        self.outcome.setObjectName("outcomeList")
        for key, outcome in zip(DIGIT_KEYS, OUTCOME_ORDER, strict=False):
            self._add_outcome(f"{key}  ", outcome)
        for outcome in OUTCOME_ORDER[len(DIGIT_KEYS) :]:
            self._add_outcome("    ", outcome)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(
            translate("LogDialog", "Amount in %1").replace("%1", detail.currency)
        )
        self.promise_date = QDateEdit(self)
        self.promise_date.setCalendarPopup(True)
        self.promise_date.setDisplayFormat("yyyy-MM-dd")
        self.callback = QDateTimeEdit(self)
        self.callback.setCalendarPopup(True)
        self.callback.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback.setTimeZone(QTimeZone(detail.time_zone.encode()))
        self._reset_times()
        self.override_reason = QLineEdit(self)
        self.override_reason.setObjectName("overrideReason")
        self.compliance = QLabel(self)
        self.compliance.setObjectName("complianceBanner")
        self.compliance.setWordWrap(True)
        self.compliance.hide()
        self.call_summary = QLabel(self)
        self.call_summary.setObjectName("callSummary")
        self.call_summary.setVisible(call is not None)

        self.errors: dict[str, QLabel] = {}
        self._rows: dict[str, QLabel] = {}  # each field's caption
        form = QFormLayout()
        self._captions: list[tuple[QLabel, str]] = []
        for key, widget in (
            ("outcome", self.outcome),
            ("channel", channel_row),
            ("contact_point", self.number),
            ("note", self.note),
            ("promise_amount", self.amount),
            ("promise_date", self.promise_date),
            ("callback_at", self.callback),
            ("override_reason", self.override_reason),
        ):
            label = QLabel(self)
            label.setBuddy(widget)
            self._captions.append((label, key))
            error = QLabel(self)
            error.setObjectName(f"error_{key}")
            show_as_error(error)
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            column = QVBoxLayout()
            column.addWidget(widget)
            column.addWidget(error)
            self._rows[key] = label
            form.addRow(label, column)

        self.buttons = QDialogButtonBox(self)
        self.save_next = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_only = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ApplyRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_next.setDefault(True)
        self.save_next.clicked.connect(lambda: self.save(next_case=True))
        self.save_only.clicked.connect(lambda: self.save(next_case=False))
        self.cancel.clicked.connect(self.reject)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, lambda: self.save(next_case=True))
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.save(next_case=False))

        # Tab goes where a collector goes: outcome, note, promise, then the rarer fields.
        order = [
            self.outcome,
            self.note,
            self.amount,
            self.promise_date,
            self.callback,
            self.override_reason,
            self.channel,
            self.number,
            self.save_next,
            self.save_only,
            self.cancel,
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

        layout = QVBoxLayout(self)
        layout.addWidget(self.call_summary)
        layout.addWidget(self.compliance)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()

        if draft:
            self.restore(draft)
        else:
            self.outcome.setCurrentRow(-1)
        for signal in (
            self.channel.currentIndexChanged,
            self.number.currentIndexChanged,
            self.outcome.currentRowChanged,
            self.note.textChanged,
            self.amount.textChanged,
            self.promise_date.dateChanged,
            self.callback.dateTimeChanged,
            self.inbound.toggled,
        ):
            signal.connect(self._changed)
        self.outcome.currentRowChanged.connect(self._enable_fields)
        self.channel.currentIndexChanged.connect(self._judge_now)
        self.number.currentIndexChanged.connect(self._judge_now)
        if dialed is not None:
            self.channel.setCurrentIndex(self.channel.findData(Channel.CALL.value))
            point = self.number.findData(dialed[0], Qt.ItemDataRole.UserRole)
            if point >= 0:
                self.number.setCurrentIndex(point)
        if call is not None:
            self.inbound.setChecked(call.direction is Direction.INBOUND)
            suggested = call.suggested_outcome
            if suggested is not None and not draft:  # the collector confirms with Enter
                self.outcome.setCurrentRow(OUTCOME_ORDER.index(suggested))
        self._enable_fields()
        self._judge_now()
        self.outcome.setFocus()

    # -- building -----------------------------------------------------------------------
    def _add_outcome(self, prefix: str, outcome: Outcome) -> None:
        item = QListWidgetItem(self.outcome)
        item.setData(Qt.ItemDataRole.UserRole, outcome.value)  # Qt hands enums back as str
        item.setData(Qt.ItemDataRole.UserRole + 1, prefix)

    def _fill_numbers(self) -> None:
        model = QStandardItemModel(self.number)
        first_usable = -1
        for point in self._detail.contact_points:
            shown = phones.display(point.value) if point.kind.is_phone else point.value
            text = (
                f"{labels.point_kind(point.kind)} {shown} · {labels.relation(point.relation)}"
                f" · {labels.point_status(point.status)}"
            )
            item = QStandardItem(text)
            item.setData(point.id, Qt.ItemDataRole.UserRole)
            if point.status not in DIALABLE:
                item.setEnabled(False)  # wrong or do-not-call: shown, never chosen
            elif first_usable < 0 or point.preferred:
                first_usable = model.rowCount()
            model.appendRow(item)
        self.number.setModel(model)
        self.number.setCurrentIndex(first_usable)

    def _reset_times(self) -> None:
        today = self._clock().astimezone(self._zone).date()
        self.promise_date.setDate(QDate(today.year, today.month, today.day).addDays(3))
        soon = self._clock() + timedelta(hours=1)
        self.callback.setDateTime(QDateTime.fromSecsSinceEpoch(int(soon.timestamp())))

    def retranslate(self) -> None:
        if self._call is not None:
            self.call_summary.setText(self._call_text(self._call))
        captions = {
            "outcome": translate("LogDialog", "&Outcome"),
            "channel": translate("LogDialog", "C&hannel"),
            "contact_point": translate("LogDialog", "N&umber used"),
            "note": translate("LogDialog", "&Note"),
            "promise_amount": translate("LogDialog", "Promised &amount"),
            "promise_date": translate("LogDialog", "Promise &date (customer's)"),
            "callback_at": translate("LogDialog", "Call &back at (customer's time)"),
            "override_reason": translate("LogDialog", "&Why go on anyway"),
        }
        for label, key in self._captions:
            label.setText(captions[key])
        for row in range(self.outcome.count()):
            item = self.outcome.item(row)
            outcome = Outcome(item.data(Qt.ItemDataRole.UserRole))
            item.setText(
                f"{item.data(Qt.ItemDataRole.UserRole + 1)}{labels.outcome(outcome)}"
                f"   ({_group_title(outcome.group)})"
            )
        self.inbound.setText(translate("LogDialog", "The customer called us"))
        self.save_next.setText(translate("LogDialog", "Save and next (Enter)"))
        self.save_only.setText(translate("LogDialog", "Save (Ctrl+S)"))

    # -- keys ---------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        # The QShortcuts cover an active window; key events that reach the dialog from a
        # field (its children pass on what they do not use) are handled here the same way.
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save(next_case=True)
            return
        if ctrl and event.key() == Qt.Key.Key_S:
            self.save(next_case=False)
            return
        text = event.text()
        if self.outcome.hasFocus() and text and text in DIGIT_KEYS:
            self.outcome.setCurrentRow(DIGIT_KEYS.index(text))
            return
        if self.outcome.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save(next_case=True)
            return
        super().keyPressEvent(event)

    # -- state --------------------------------------------------------------------------
    def selected_outcome(self) -> Outcome | None:
        item = self.outcome.currentItem()
        return None if item is None else Outcome(item.data(Qt.ItemDataRole.UserRole))

    def _enable_fields(self) -> None:
        outcome = self.selected_outcome()
        ptp = outcome is Outcome.PROMISE_TO_PAY
        self.amount.setEnabled(ptp)
        self.promise_date.setEnabled(ptp)
        self.callback.setEnabled(outcome is Outcome.CALLBACK_REQUESTED)

    def _judge_now(self, *_args) -> None:
        """Show what the policy pack says of this channel and number, and ask for a reason
        where a rebuttable rule is in the way."""
        channel = Channel(self.channel.currentData())
        point = self.number.currentData(Qt.ItemDataRole.UserRole)
        decision = None if self._judge is None else self._judge(channel, point)
        self._decision = decision
        needs_reason = decision is not None and decision.needs_reason
        # hidden by hand: QFormLayout.setRowVisible does not find a row whose field is a layout
        self._rows["override_reason"].setVisible(needs_reason)
        self.override_reason.setVisible(needs_reason)
        if not needs_reason:
            self.errors["override_reason"].hide()
        if decision is None or not (decision.blocks or decision.warnings or decision.notices):
            self.compliance.hide()
            return
        lines = []
        if not decision.allowed or decision.warnings:
            lines.append(labels.contactable(decision, self._zone))
        if needs_reason:
            lines.append(translate("LogDialog", "To go on, say why below; it is recorded."))
        lines += ["ℹ " + labels.notice(n) for n in decision.notices]
        self.compliance.setText("\n".join(lines))
        style = ALLOWED_STYLE if decision.allowed and not decision.warnings else WARNING_STYLE
        self.compliance.setStyleSheet(style if decision.allowed else BLOCKED_STYLE)
        self.compliance.setAccessibleName(self.compliance.text())
        self.compliance.show()

    @property
    def decision(self) -> Decision | None:
        return self._decision

    def fields(self) -> dict:
        """The form as plain data: what a draft keeps."""
        outcome = self.selected_outcome()
        return {
            "channel": self.channel.currentData(),
            "contact_point_id": self.number.currentData(Qt.ItemDataRole.UserRole),
            "outcome": None if outcome is None else outcome.value,
            "note": self.note.toPlainText(),
            "amount": self.amount.text(),
            "promise_date": self.promise_date.date().toString(Qt.DateFormat.ISODate),
            "callback_at": self.callback.dateTime().toSecsSinceEpoch(),
            "override_reason": self.override_reason.text(),
            "direction": (
                Direction.INBOUND if self.inbound.isChecked() else Direction.OUTBOUND
            ).value,
        }

    def restore(self, draft: dict) -> None:
        channel = self.channel.findData(draft.get("channel", Channel.CALL.value))
        self.channel.setCurrentIndex(max(channel, 0))
        point = self.number.findData(draft.get("contact_point_id"), Qt.ItemDataRole.UserRole)
        if point >= 0:
            self.number.setCurrentIndex(point)
        if draft.get("outcome"):
            self.outcome.setCurrentRow(OUTCOME_ORDER.index(Outcome(draft["outcome"])))
        self.note.setPlainText(draft.get("note", ""))
        self.amount.setText(draft.get("amount", ""))
        if draft.get("promise_date"):
            self.promise_date.setDate(
                QDate.fromString(draft["promise_date"], Qt.DateFormat.ISODate)
            )
        if draft.get("callback_at"):
            self.callback.setDateTime(QDateTime.fromSecsSinceEpoch(int(draft["callback_at"])))
        self.override_reason.setText(draft.get("override_reason", ""))
        self.inbound.setChecked(draft.get("direction") == Direction.INBOUND.value)

    def _changed(self, *_args) -> None:
        self.draft_changed.emit(self.fields())

    def _call_text(self, call: CallRecord) -> str:
        """The call as the phone measured it, on this computer's clock (the collector was
        there)."""
        clock = lambda at: at.astimezone().strftime("%H:%M:%S")  # noqa: E731
        parts = [
            translate("LogDialog", "Call %1 at %2")
            .replace(
                "%1",
                translate("LogDialog", "received")
                if call.direction is Direction.INBOUND
                else translate("LogDialog", "dialled"),
            )
            .replace("%2", clock(call.started_at))
        ]
        if call.answered_at is not None:
            parts.append(
                translate("LogDialog", "answered %1").replace("%1", clock(call.answered_at))
            )
            parts.append(
                translate("LogDialog", "talk %1").replace("%1", labels.talk_time(call.talk_seconds))
            )
        else:
            parts.append(labels.call_ending(call.ending))
        return " · ".join(parts)

    # -- saving -------------------------------------------------------------------------
    def entry(self) -> tuple[ContactEntry | None, list[FieldError]]:
        outcome = self.selected_outcome()
        if outcome is None:
            return None, [FieldError("outcome", "outcome_required")]
        amount = None
        if outcome is Outcome.PROMISE_TO_PAY and self.amount.text().strip():
            try:
                amount = parse_major(self.amount.text(), self._detail.currency)
            except MoneyError:
                return None, [FieldError("promise_amount", "amount_not_positive")]
        ptp = outcome is Outcome.PROMISE_TO_PAY
        date = self.promise_date.date()
        callback = None
        if outcome is Outcome.CALLBACK_REQUESTED:
            seconds = self.callback.dateTime().toSecsSinceEpoch()
            callback = datetime.fromtimestamp(seconds, UTC)
        return ContactEntry(
            channel=Channel(self.channel.currentData()),
            outcome=outcome,
            contact_point_id=self.number.currentData(Qt.ItemDataRole.UserRole),
            direction=Direction.INBOUND if self.inbound.isChecked() else Direction.OUTBOUND,
            note=self.note.toPlainText(),
            promise_amount_minor=amount,
            # PySide6's stubs type toPython() as object; a QDate's is a date
            promise_date=date.toPython() if ptp else None,  # type: ignore[arg-type]
            callback_at=callback,
            override_reason=self.override_reason.text().strip(),
            dialed_at=self._dialed_at(),
            talk_seconds=self._call.talk_seconds if self._dialed_at() and self._call else 0,
        ), []

    def unanswered_attempt(self) -> ContactEntry | None:
        """The attempt an unanswered call was, as its phone reported it: the caps count it
        even when the collector closes the log without saving."""
        call, dialed = self._call, self._dialed
        if call is None or dialed is None or call.suggested_outcome is None:
            return None
        if call.ending in (Ending.ANSWERED, Ending.FAILED):
            return None
        return ContactEntry(
            channel=Channel.CALL,
            outcome=call.suggested_outcome,
            contact_point_id=dialed[0],
            direction=call.direction,
            dialed_at=call.started_at,
        )

    def _dialed_at(self) -> datetime | None:
        """The dial's time, while the dialog still records the number that was dialed."""
        if self._dialed is None:
            return None
        point, at = self._dialed
        same = self.number.currentData(Qt.ItemDataRole.UserRole) == point
        return at if same and Channel(self.channel.currentData()) is Channel.CALL else None

    def save(self, next_case: bool) -> None:
        entry, errors = self.entry()
        if entry is not None:
            errors = self._submit(entry)
        if errors:
            self.show_errors(errors)
            return
        self.next_requested = next_case
        self.accept()

    def show_errors(self, errors: list[FieldError]) -> None:
        for label in self.errors.values():
            label.hide()
        for error in errors:
            label = self.errors.get(error.field, self.errors["outcome"])
            text = (
                translate("LogDialog", "Choose an outcome.")
                if error.code == "outcome_required"
                else field_errors.message(error, self._detail.currency, self._zone)
            )
            label.setText(text)
            label.show()
        first = next(iter(errors))
        widget = {
            "note": self.note,
            "promise_amount": self.amount,
            "promise_date": self.promise_date,
            "callback_at": self.callback,
            "contact_point": self.number,
            "override_reason": self.override_reason,
        }.get(first.field, self.outcome)
        widget.setFocus()
