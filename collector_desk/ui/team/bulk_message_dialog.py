"""A lead messages the cases found on the Workload tab (every promise due tomorrow): one
template, one channel, sent by the central store, which judges each case on its own; the
dialog follows the send and reports what became of each case."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from collector_desk.domain.messages import Audience, MessageStatus, Template
from collector_desk.sync.outcomes import BulkSendRefused, NotALead, Offline
from collector_desk.sync.protocol import BulkSendReport, BulkSendRequest
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.tables import fill, read_only_table
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet

if TYPE_CHECKING:
    from collector_desk.sync.client import SyncClient

translate = QCoreApplication.translate

# puts a question to the server on the sync thread; the answer (or its exception) comes back
Ask = Callable[[Callable[["SyncClient"], object], Callable[[object], None]], None]
POLL_MS = 1000


class BulkMessageDialog(QDialog):
    def __init__(
        self,
        case_ids: list[int],
        templates: Mapping[str, Template],
        ask: Ask | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkMessageDialog")
        offer_sheet(self, key_notes.BULK_MESSAGE)  # F1
        self.setWindowTitle(translate("BulkMessage", "Message these cases"))
        self._case_ids, self._ask = list(case_ids), ask
        self._send_id = uuid.uuid4()  # one send, however often the request goes
        self.report: BulkSendReport | None = None
        self._templates = {k: t for k, t in templates.items() if t.audience is Audience.DEBTOR}

        count = len(self._case_ids)
        self.cases = QLabel(translate("BulkMessage", "%n case(s) found.", None, count), self)
        self.template = QComboBox(self)
        self.template.setObjectName("bulkTemplate")
        language = formatting.ui_locale()
        for key, template in self._templates.items():
            self.template.addItem(
                template.title.get(language) or template.title.get("en") or key, key
            )
        self.channel = QComboBox(self)
        self.channel.setObjectName("bulkChannel")
        self.template.currentIndexChanged.connect(lambda _i: self._fill_channels())
        note = QLabel(
            translate(
                "BulkMessage",
                "The central store writes each message in its customer's language and judges "
                "each case by its own rules: a case the rules refuse is reported and left "
                "out; one held back by the hours is sent when they allow.",
            ),
            self,
        )
        note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("bulkProgress")
        self.progress.setRange(0, max(count, 1))
        self.progress.setValue(0)
        self.outcomes = read_only_table(self, "bulkOutcomes")
        self.outcomes.horizontalHeader().setStretchLastSection(False)
        self.outcomes.setAccessibleName(translate("BulkMessage", "What became of the cases"))
        self.statuses = QLabel(self)
        self.statuses.setObjectName("bulkStatuses")
        self.message = QLabel(self)
        self.message.setObjectName("bulkMessage")
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.send_button = QPushButton(translate("BulkMessage", "Send (Ctrl+Enter)"), self)
        self.send_button.setObjectName("bulkSend")
        self.refresh_button = QPushButton(translate("BulkMessage", "Refresh (F5)"), self)
        self.refresh_button.setEnabled(False)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self.send)
        self.refresh_button.clicked.connect(self.poll)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.send)
        QShortcut(QKeySequence("F5"), self, self.poll)
        self._timer = QTimer(self, singleShot=True, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)

        form = QFormLayout()
        form.addRow(translate("BulkMessage", "&Template"), self.template)
        form.addRow(translate("BulkMessage", "&Channel"), self.channel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.cases)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcomes, 1)
        layout.addWidget(self.statuses)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, 480)
        self._fill_channels()
        if ask is None:
            self._refuse(
                translate(
                    "BulkMessage",
                    "Bulk messages are sent by the central store: this desk has no server.",
                )
            )
        elif not self._case_ids:
            self._refuse(translate("BulkMessage", "Find cases first."))
        self.template.setFocus()

    def _fill_channels(self) -> None:
        self.channel.clear()
        template = self._templates.get(self.template.currentData())
        for channel in () if template is None else template.channels:
            self.channel.addItem(labels.channel(channel), channel.value)

    def _refuse(self, text: str) -> None:
        self.send_button.setEnabled(False)
        self.message.setText(text)

    # -- talking to the server ------------------------------------------------------------
    def send(self) -> None:
        if self._ask is None or not self.send_button.isEnabled() or not self.channel.count():
            return
        request = BulkSendRequest(
            id=self._send_id,
            template=str(self.template.currentData()),
            channel="email" if self.channel.currentData() == "email" else "sms",
            case_ids=self._case_ids,
        )
        self.send_button.setEnabled(False)
        self.template.setEnabled(False)
        self.channel.setEnabled(False)
        self.message.setText(translate("BulkMessage", "Sending the list to the central store…"))
        self._ask(lambda client: client.start_bulk_send(request), self._answered)

    def poll(self) -> None:
        if self._ask is None or self.report is None:
            return
        send_id = self._send_id
        self._ask(lambda client: client.bulk_send_report(send_id), self._answered)

    def _answered(self, answer: object) -> None:
        if isinstance(answer, BulkSendReport):
            self._show(answer)
            return
        if self.report is None:  # not taken: the lead may try again, with the same id
            self.send_button.setEnabled(True)
            self.template.setEnabled(True)
            self.channel.setEnabled(True)
        if isinstance(answer, BulkSendRefused):
            self.message.setText(labels.message_refusal(answer.code))
        elif isinstance(answer, NotALead):
            self.message.setText(translate("BulkMessage", "Only team leads send in bulk."))
        elif isinstance(answer, Offline):
            self.message.setText(
                translate("BulkMessage", "The central store cannot be reached; try again.")
            )
        else:
            self.message.setText(
                translate("BulkMessage", "The send failed: %1").replace("%1", type(answer).__name__)
            )
        if self.report is not None and not self.report.finished:
            self._timer.start()

    def _show(self, report: BulkSendReport) -> None:
        self.report = report
        self.refresh_button.setEnabled(True)
        self.progress.setRange(0, max(report.total, 1))
        self.progress.setValue(report.judged)
        rows = sorted(report.outcomes.items(), key=lambda kv: (-kv[1], kv[0]))
        fill(
            self.outcomes,
            [translate("BulkMessage", "What became of them"), translate("BulkMessage", "Cases")],
            [[labels.bulk_outcome(code), formatting.number(n)] for code, n in rows],
        )
        self.outcomes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.statuses.setText(
            translate("BulkMessage", "Messages: %1").replace(
                "%1",
                ", ".join(
                    f"{labels.message_status(MessageStatus(s))} {formatting.number(n)}"
                    for s, n in sorted(report.statuses.items())
                )
                or "—",
            )
        )
        if report.finished:
            self.message.setText(
                translate(
                    "BulkMessage", "Every case judged (%1). F5 shows how the sending goes."
                ).replace("%1", formatting.number(report.total))
            )
        else:
            self.message.setText(
                translate("BulkMessage", "Judging case %1 of %2…")
                .replace("%1", formatting.number(report.judged))
                .replace("%2", formatting.number(report.total))
            )
            self._timer.start()

    def done(self, result: int) -> None:
        self._timer.stop()  # the send goes on in the central store
        super().done(result)
