"""The selected case at a glance: who, how much, how late, what stops collection, the history."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from collector_desk.config.loaders import default_legal_rules
from collector_desk.config.message_templates import default_templates
from collector_desk.domain import masking, phones
from collector_desk.domain.legal import LegalStage, checklist
from collector_desk.domain.policy import Decision
from collector_desk.store.cache.queue import CaseDetail, ContactView
from collector_desk.ui.case.correction_dialog import corrections_text
from collector_desk.ui.case.legal_dialog import document_name, eligibility_reason, legal_stage
from collector_desk.ui.case.plan_dialog import approval_reason
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.tables import fill, read_only_table

translate = QCoreApplication.translate


# One key in the contact points table acts on the selected number; C calls it.
# M records (or takes back) the holder's consent to messages by the point's own channel.
POINT_KEYS = {
    "W": "wrong_number",
    "D": "do_not_call",
    "P": "preferred",
    "C": "dial",
    "M": "consent",
}
CORRECT_KEY = "E"  # in the contacts table: correct the selected contact


class DetailPane(QWidget):
    reveal_requested = Signal(int)  # case id
    point_action = Signal(int, int, str)  # case id, contact point id, one of POINT_KEYS' values
    correct_requested = Signal(int, str)  # case id, contact id: E in the contacts table

    def __init__(self, display_zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = display_zone
        self._detail: CaseDetail | None = None
        self.setObjectName("detailPane")

        self.name = QLabel(self)
        self.name.setObjectName("customerName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.flags_banner = QLabel(self)
        self.flags_banner.setObjectName("flagsBanner")
        self.flags_banner.setStyleSheet(
            "QLabel#flagsBanner { background: #b3261e; color: white; font-weight: bold;"
            " padding: 6px; border-radius: 3px; }"
        )
        self.flags_banner.setWordWrap(True)
        self.flags_banner.hide()
        # why a dial was refused and when it may be tried again; stays until the next case
        self.dial_banner = QLabel(self)
        self.dial_banner.setObjectName("dialBanner")
        self.dial_banner.setStyleSheet(
            "QLabel#dialBanner { background: #fdecea; color: #5f1410; border: 1px solid #b3261e;"
            " padding: 6px; border-radius: 3px; }"
        )
        self.dial_banner.setWordWrap(True)
        self.dial_banner.hide()

        self.summary = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key in (
            "case",
            "national_id",
            "language",
            "local_time",
            "status",
            "overdue",
            "balance",
            "priority",
        ):
            value = QLabel(self)
            value.setObjectName(f"field_{key}")
            value.setWordWrap(key == "priority")
            self.fields[key] = value
            if key == "national_id":
                self.reveal = QPushButton(self)
                self.reveal.setObjectName("revealId")
                self.reveal.setShortcut(QKeySequence("Ctrl+I"))
                self.reveal.clicked.connect(self._ask_reveal)
                row = QHBoxLayout()
                row.addWidget(value)
                row.addWidget(self.reveal)
                row.addStretch(1)
                self.summary.addRow(QLabel(self), row)
            else:
                self.summary.addRow(QLabel(self), value)

        self.tabs = QTabWidget(self)
        self.accounts = read_only_table(self)
        self.points = read_only_table(self)
        self.contacts = read_only_table(self)
        self.contacts.setWordWrap(True)
        self.contacts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.promises = read_only_table(self)
        self.plans = read_only_table(self)
        self.payments = read_only_table(self)
        self.notes = read_only_table(self)
        self.messages = read_only_table(self)
        self.legal = QLabel(self)
        self.legal.setObjectName("legalSummary")
        self.legal.setWordWrap(True)
        self.legal.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for table in (
            self.accounts,
            self.points,
            self.contacts,
            self.promises,
            self.plans,
            self.payments,
            self.notes,
            self.messages,
            self.legal,
        ):
            self.tabs.addTab(table, "")

        for key, action in POINT_KEYS.items():
            QShortcut(
                QKeySequence(key),
                self.points,
                lambda a=action: self._point_key(a),
                context=Qt.ShortcutContext.WidgetShortcut,
            )

        # E corrects the selected contact; the same from its context menu
        QShortcut(
            QKeySequence(CORRECT_KEY),
            self.contacts,
            self._ask_correction,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.correct_action = QAction(self.contacts)
        self.correct_action.setObjectName("correctContact")
        self.correct_action.triggered.connect(self._ask_correction)
        self.contacts.addAction(self.correct_action)
        self.contacts.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.flags_banner)
        layout.addWidget(self.dial_banner)
        layout.addLayout(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.placeholder)
        self.retranslate()
        self.show_case(None)

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    def retranslate(self) -> None:
        captions = {
            "case": translate("DetailPane", "Case"),
            "national_id": translate("DetailPane", "ID number"),
            "language": translate("DetailPane", "Language"),
            "local_time": translate("DetailPane", "Customer's local time"),
            "status": translate("DetailPane", "Status"),
            "overdue": translate("DetailPane", "Overdue"),
            "balance": translate("DetailPane", "Balance"),
            "priority": translate("DetailPane", "Priority"),
        }
        for row, key in enumerate(captions):
            item = self.summary.itemAt(row, QFormLayout.ItemRole.LabelRole)
            caption = None if item is None else item.widget()
            assert isinstance(caption, QLabel)  # each row was added with a QLabel caption
            caption.setText(captions[key])
        for i, title in enumerate(
            (
                translate("DetailPane", "Accounts"),
                translate("DetailPane", "Contact points"),
                translate("DetailPane", "Contacts"),
                translate("DetailPane", "Promises"),
                translate("DetailPane", "Plans"),
                translate("DetailPane", "Payments"),
                translate("DetailPane", "Notes"),
                translate("DetailPane", "Messages"),
                translate("DetailPane", "Legal"),
            )
        ):
            self.tabs.setTabText(i, title)
            page = self.tabs.widget(i)
            assert page is not None
            page.setAccessibleName(title)  # a tab's page is named by its tab
        self.reveal.setText(translate("DetailPane", "Show (Ctrl+I)"))
        self.reveal.setToolTip(translate("DetailPane", "Show the full number; this is recorded"))
        self.points.setToolTip(
            translate(
                "DetailPane",
                "C: call · W: wrong number · D: do not call · P: preferred · "
                "M: agreed to messages (again: taken back)",
            )
        )
        self.placeholder.setText(
            translate("DetailPane", "Select a case in the queue to see it here.")
        )
        self.correct_action.setText(translate("DetailPane", "Correct… (E)"))
        self.contacts.setToolTip(
            translate("DetailPane", "E: correct the selected contact (the original is kept)")
        )
        self.show_case(self._detail)

    def show_case(self, detail: CaseDetail | None) -> None:
        self._detail = detail
        has = detail is not None
        for widget in (self.name, self.tabs):
            widget.setVisible(has)
        for i in range(self.summary.rowCount()):
            self.summary.setRowVisible(i, has)
        self.placeholder.setVisible(not has)
        self.dial_banner.hide()
        if detail is None:
            self.flags_banner.hide()
            return
        zone = ZoneInfo(detail.time_zone)
        self.name.setText(detail.customer_name)
        f = self.fields
        f["case"].setText(f"{detail.case_ref} · {detail.customer_ref}")
        f["national_id"].setText(masking.mask_national_id(detail.national_id))
        self.reveal.setEnabled(True)
        f["language"].setText(labels.language(detail.preferred_language))
        now = detail.as_of or datetime.now(UTC)
        verdict = labels.contactable(detail.case_decision, zone) if detail.case_decision else ""
        f["local_time"].setText(f"{formatting.when(now, zone)} ({detail.time_zone}) · {verdict}")
        dpd = detail.dpd
        f["status"].setText(
            f"{labels.case_status(detail.status)} · "
            f"{labels.segment(detail.segment)} · {detail.bucket} / "
            + translate("DetailPane", "%n day(s) past due", None, dpd)
        )
        f["overdue"].setText(formatting.money(detail.overdue_minor, detail.currency))
        f["balance"].setText(formatting.money(detail.balance_minor, detail.currency))
        parts = " · ".join(
            f"{labels.priority_component(name)} {points:+d}"
            for name, points in detail.priority_parts
        )
        f["priority"].setText(f"{detail.priority}   {parts}" if parts else str(detail.priority))
        if detail.flags:
            self.flags_banner.setText("⚠ " + " · ".join(labels.flag(x) for x in detail.flags))
            self.flags_banner.show()
        else:
            self.flags_banner.hide()
        self._fill_tables(detail)
        self._fill_messages(detail)
        self._explain_points(detail)
        self._fill_legal(detail)

    def _fill_messages(self, d: CaseDetail) -> None:
        """Each message with its status; the text as the customer read it on hover."""
        points = {p.id: p for p in d.contact_points}

        def to(point_id: int) -> str:
            p = points.get(point_id)
            if p is None:
                return ""
            return phones.display(p.value) if p.kind.is_phone else p.value

        language = formatting.ui_locale()
        templates = default_templates()

        def title(key: str) -> str:
            template = templates.get(key)
            found = None if template is None else template.title
            return (found or {}).get(language) or (found or {}).get("en") or key

        fill(
            self.messages,
            [
                translate("DetailPane", "When"),
                translate("DetailPane", "Channel"),
                translate("DetailPane", "Message"),
                translate("DetailPane", "To"),
                translate("DetailPane", "Status"),
            ],
            [
                [
                    formatting.when(m.recorded_at, self._zone),
                    labels.channel(m.channel),
                    title(m.template),
                    to(m.contact_point_id),
                    labels.message_status(m.status)
                    + (f": {labels.message_reason(m.reason)}" if m.reason else ""),
                ]
                for m in d.messages
            ],
        )
        for row, m in enumerate(d.messages):
            item = self.messages.item(row, 2)
            if item is not None:
                item.setToolTip(m.body if m.subject is None else f"{m.subject}\n\n{m.body}")

    def _explain_points(self, d: CaseDetail) -> None:
        """The full verdict on each number as its tooltip: the short one fits the column."""
        zone = ZoneInfo(d.time_zone)
        for row, p in enumerate(d.contact_points):
            decision = d.point_decisions.get(p.id)
            item = self.points.item(row, 4)
            if decision is not None and item is not None and p.kind.is_phone:
                item.setToolTip(labels.contactable(decision, zone))

    def _fill_legal(self, d: CaseDetail) -> None:
        legal = d.legal
        if legal is None:
            self.legal.setText("")
            return
        if legal.stage is None:
            head = (
                translate("DetailPane", "Suggested for legal review (Ctrl+Shift+L).")
                if not legal.not_eligible
                else translate("DetailPane", "Not suggested for legal: %1").replace(
                    "%1", "; ".join(eligibility_reason(r) for r in legal.not_eligible)
                )
            )
        else:
            head = translate("DetailPane", "Legal stage: %1").replace(
                "%1", legal_stage(legal.stage)
            )
        lines = [head]
        lines += [
            f"{legal_stage(LegalStage(stage))}: {on}" for stage, on in legal.stage_dates.items()
        ]
        lines += [
            ("☑ " if legal.documents.get(doc) else "☐ ") + document_name(doc)
            for doc in checklist(default_legal_rules())
        ]
        self.legal.setText("\n".join(lines))

    def show_national_id(self, full: str) -> None:
        """The unmasked number, after the reveal was recorded; masked again on the next case."""
        self.fields["national_id"].setText(full)
        self.reveal.setEnabled(False)

    def _ask_reveal(self) -> None:
        if self._detail is not None:
            self.reveal_requested.emit(self._detail.case_id)

    def show_dial_refused(self, decision: Decision) -> None:
        if self._detail is None:
            return
        zone = ZoneInfo(self._detail.time_zone)
        self.dial_banner.setText(
            translate("DetailPane", "Not dialed: %1").replace(
                "%1", labels.contactable(decision, zone).removeprefix("✗ ")
            )
        )
        self.dial_banner.show()

    def selected_point(self) -> int | None:
        row = self.points.currentRow()
        if self._detail is None or not 0 <= row < len(self._detail.contact_points):
            return None
        return self._detail.contact_points[row].id

    def selected_contact(self) -> ContactView | None:
        row = self.contacts.currentRow()
        if self._detail is None or not 0 <= row < len(self._detail.contacts):
            return None
        return self._detail.contacts[row]

    def _ask_correction(self) -> None:
        contact = self.selected_contact()
        if self._detail is not None and contact is not None and contact.id:
            self.correct_requested.emit(self._detail.case_id, contact.id)

    def _point_key(self, action: str) -> None:
        row = self.points.currentRow()
        if self._detail is None or not 0 <= row < len(self._detail.contact_points):
            return
        self.point_action.emit(self._detail.case_id, self._detail.contact_points[row].id, action)

    def _fill_tables(self, d: CaseDetail) -> None:
        zone = ZoneInfo(d.time_zone)
        fill(
            self.plans,
            [
                translate("DetailPane", "Status"),
                translate("DetailPane", "Installments"),
                translate("DetailPane", "Total"),
                translate("DetailPane", "Waived"),
                translate("DetailPane", "First due"),
                translate("DetailPane", "Approval"),
            ],
            [
                [
                    labels.plan_status(p.status),
                    str(p.installment_count),
                    formatting.money(p.total_minor, p.currency),
                    formatting.money(p.waived_minor, p.currency),
                    formatting.date_text(p.first_due_date),
                    p.decision_reason or "; ".join(approval_reason(r) for r in p.approval_reasons),
                ]
                for p in d.plans
            ],
        )
        fill(
            self.accounts,
            [
                translate("DetailPane", "Card"),
                translate("DetailPane", "Product"),
                translate("DetailPane", "Bucket / DPD"),
                translate("DetailPane", "Overdue"),
                translate("DetailPane", "Minimum due"),
                translate("DetailPane", "Balance"),
                translate("DetailPane", "Credit limit"),
                translate("DetailPane", "Due date"),
            ],
            [
                [
                    masking.mask_card(a.card_last4),
                    labels.product(a.product),
                    f"{a.bucket} / {a.dpd}",
                    formatting.money(a.overdue_minor, a.currency),
                    formatting.money(a.minimum_due_minor, a.currency),
                    formatting.money(a.balance_minor, a.currency),
                    formatting.money(a.credit_limit_minor, a.currency),
                    formatting.date_text(a.due_date),
                ]
                for a in d.accounts
            ],
        )
        fill(
            self.points,
            [
                translate("DetailPane", "Type"),
                translate("DetailPane", "Number or address"),
                translate("DetailPane", "Whose"),
                translate("DetailPane", "Status"),
                translate("DetailPane", "Call now (C)"),
            ],
            [
                [
                    labels.point_kind(p.kind),
                    phones.display(p.value) if p.kind.is_phone else p.value,
                    labels.relation(p.relation) + (f" ({p.holder_name})" if p.holder_name else ""),
                    labels.point_status(p.status)
                    + (" ★" if p.preferred else "")
                    + "".join(
                        " · " + translate("DetailPane", "no %1").replace("%1", labels.channel(c))
                        for c in sorted(p.opted_out)
                    )
                    + "".join(
                        " · "
                        + translate("DetailPane", "agreed to %1").replace("%1", labels.channel(c))
                        for c in sorted(p.consented)
                    ),
                    labels.contactable(d.point_decisions[p.id], zone, short=True)
                    if p.kind.is_phone and p.id in d.point_decisions
                    else "",
                ]
                for p in d.contact_points
            ],
        )
        fill(
            self.contacts,
            [
                translate("DetailPane", "When"),
                translate("DetailPane", "Channel"),
                translate("DetailPane", "Outcome"),
                translate("DetailPane", "Note"),
                translate("DetailPane", "Corrected"),
            ],
            [
                [
                    formatting.when(c.started_at, self._zone),
                    labels.channel(c.channel),
                    labels.outcome(c.outcome),
                    c.note,
                    corrections_text(c, self._zone),
                ]
                for c in d.contacts
            ],
        )
        for row, c in enumerate(d.contacts):
            item = self.contacts.item(row, 4)
            if c.corrections and item is not None:
                item.setToolTip(corrections_text(c, self._zone))
        # a correction is read beside its contact in full: the last column takes the width
        # left (stretched) and its text wraps, rows growing to fit whatever the pane's width
        header = self.contacts.horizontalHeader()
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)
        fill(
            self.promises,
            [
                translate("DetailPane", "Due"),
                translate("DetailPane", "Amount"),
                translate("DetailPane", "Paid"),
                translate("DetailPane", "Status"),
            ],
            [
                [
                    formatting.date_text(p.due_date),
                    formatting.money(p.amount_minor, p.currency),
                    formatting.money(p.paid_minor, p.currency),
                    labels.promise_status(p.status),
                ]
                for p in d.promises
            ],
        )
        fill(
            self.payments,
            [
                translate("DetailPane", "Paid at"),
                translate("DetailPane", "Amount"),
                translate("DetailPane", "Source"),
            ],
            [
                [
                    formatting.when(p.paid_at, self._zone),
                    formatting.money(p.amount_minor, p.currency),
                    labels.payment_source(p.source),
                ]
                for p in d.payments
            ],
        )
        fill(self.notes, [translate("DetailPane", "Note")], [[n] for n in d.notes])
