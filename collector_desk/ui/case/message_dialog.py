"""Write a message from the case (Ctrl+M): pick a template with the arrow keys, see it as the
customer will read it (their language, the SMS's segments), the pack's verdict, and queue it
(Ctrl+Enter). It waits in the outbox through an outage; the central store sends it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from collector_desk.domain import phones
from collector_desk.domain.contacts import Channel, ContactPointKind
from collector_desk.domain.messages import Composed, Template
from collector_desk.domain.policy import Decision
from collector_desk.store.cache.queue import CaseDetail, ContactPointView
from collector_desk.store.shared.outgoing import MessageRefused
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet

translate = QCoreApplication.translate

Preview = Callable[[int, str, Channel], tuple[Composed, Decision]]  # point, template, channel
Send = Callable[[int, str, Channel], object]

_KIND = {Channel.SMS: ContactPointKind.MOBILE, Channel.EMAIL: ContactPointKind.EMAIL}


class MessageDialog(QDialog):
    sent = Signal()

    def __init__(
        self,
        detail: CaseDetail,
        templates: Mapping[str, Template],
        preview: Preview,
        send: Send,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageDialog")
        offer_sheet(self, key_notes.MESSAGE)  # F1
        self._detail, self._preview, self._send = detail, preview, send
        self._zone = ZoneInfo(detail.time_zone)
        self._templates = templates
        self._allowed = False
        self.setWindowTitle(
            translate("MessageDialog", "Message to %1").replace("%1", detail.customer_name)
        )
        self.templates = QListWidget(self)
        self.templates.setObjectName("messageTemplates")
        language = formatting.ui_locale()
        for key, template in templates.items():
            title = template.title.get(language) or template.title.get("en") or key
            item = QListWidgetItem(title, self.templates)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.channel = QComboBox(self)
        self.channel.setObjectName("messageChannel")
        self.to = QComboBox(self)
        self.to.setObjectName("messageTo")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("messagePreview")
        self.text.setReadOnly(True)
        self.length = QLabel(self)
        self.length.setObjectName("messageLength")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("messageVerdict")
        self.verdict.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.send_button = QPushButton(translate("MessageDialog", "Send (Ctrl+Enter)"), self)
        self.send_button.setObjectName("messageSend")
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.clicked.connect(self.send)
        buttons.rejected.connect(self.reject)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.send)

        form = QFormLayout()
        form.addRow(translate("MessageDialog", "&Template"), self.templates)
        form.addRow(translate("MessageDialog", "&Channel"), self.channel)
        form.addRow(translate("MessageDialog", "T&o"), self.to)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("MessageDialog", "As the customer will read it:"), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.length)
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)
        self.resize(560, 560)

        self.templates.currentRowChanged.connect(lambda _row: self._template_changed())
        self.channel.currentIndexChanged.connect(lambda _i: self._channel_changed())
        self.to.currentIndexChanged.connect(lambda _i: self.refresh())
        self.templates.setCurrentRow(0)
        self.templates.setFocus()

    def _key(self) -> str | None:
        item = self.templates.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _template_changed(self) -> None:
        key = self._key()
        self.channel.blockSignals(True)
        chosen = self.channel.currentData()
        self.channel.clear()
        if key is not None:
            for channel in self._templates[key].channels:
                self.channel.addItem(labels.channel(channel), channel.value)
        at = self.channel.findData(chosen)
        self.channel.setCurrentIndex(at if at >= 0 else 0)
        self.channel.blockSignals(False)
        self._channel_changed()

    def _points(self, channel: Channel) -> list[ContactPointView]:
        return [p for p in self._detail.contact_points if p.kind is _KIND[channel]]

    def _channel_changed(self) -> None:
        self.to.blockSignals(True)
        self.to.clear()
        channel = self._channel()
        if channel is not None:
            for p in self._points(channel):
                shown = phones.display(p.value) if p.kind.is_phone else p.value
                whose = labels.relation(p.relation)
                self.to.addItem(f"{shown} · {whose} · {labels.point_status(p.status)}", p.id)
            preferred = next((i for i, p in enumerate(self._points(channel)) if p.preferred), 0)
            self.to.setCurrentIndex(preferred)
        self.to.blockSignals(False)
        self.refresh()

    def _channel(self) -> Channel | None:
        value = self.channel.currentData()
        return None if value is None else Channel(value)

    def refresh(self) -> None:
        """The preview, its length and the pack's verdict for what is chosen now."""
        key, channel, point = self._key(), self._channel(), self.to.currentData()
        self._allowed = False
        self.text.clear()
        self.length.clear()
        if key is None or channel is None:
            self.verdict.setText(translate("MessageDialog", "This template has no channel here."))
            return
        if point is None:
            self.verdict.setText(
                translate("MessageDialog", "The customer has no number or address for this.")
            )
            return
        try:
            composed, decision = self._preview(int(point), key, channel)
        except MessageRefused as refused:
            self.verdict.setText("✗ " + labels.message_refusal(refused.code, refused.missing))
            return
        if composed.subject is not None:
            self.text.setPlainText(
                translate("MessageDialog", "Subject: %1").replace("%1", composed.subject)
                + "\n\n"
                + composed.body
            )
        else:
            self.text.setPlainText(composed.body)
        length = composed.length
        if length is not None:
            segments = length.segments  # lupdate finds a plural only when its count is a name
            self.length.setText(
                translate("MessageDialog", "%n text(s)", None, segments)
                + " · "
                + translate("MessageDialog", "%1 characters, up to %2 a text")
                .replace("%1", str(length.units))
                .replace("%2", str(length.per_segment))
            )
        self._allowed = decision.allowed
        self.verdict.setText(labels.contactable(decision, self._zone))
        self.send_button.setEnabled(decision.allowed)

    def send(self) -> None:
        key, channel, point = self._key(), self._channel(), self.to.currentData()
        if not self._allowed or key is None or channel is None or point is None:
            return
        try:
            self._send(int(point), key, channel)
        except MessageRefused as refused:
            if refused.decision is not None:
                self.verdict.setText(labels.contactable(refused.decision, self._zone))
            else:
                self.verdict.setText("✗ " + labels.message_refusal(refused.code, refused.missing))
            self._allowed = False
            self.send_button.setEnabled(False)
            return
        self.sent.emit()
        self.accept()
