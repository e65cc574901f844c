"""The team lead's desk: the team's workload, moving cases, and the approvals inbox.

Offered only to team leads and admins (the server refuses anyone else anyway). Everything here
reads the lead's cache and writes intents to the outbox: it works offline, and the server's
verdict on each change comes back through the sync-issues list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from collector_desk.config.message_templates import default_templates
from collector_desk.domain.contacts import Outcome
from collector_desk.domain.money import MoneyError, parse_major
from collector_desk.domain.plans import PlanError
from collector_desk.domain.workload import Move
from collector_desk.store.cache import actions, case_export, team
from collector_desk.store.shared.people import UserView
from collector_desk.ui.case.plan_dialog import approval_reason
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.case_changes import CaseChange, announce, case_changes
from collector_desk.ui.common.tables import fill, read_only_table
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet
from collector_desk.ui.shell.sync_controller import SyncController
from collector_desk.ui.team.bulk_message_dialog import BulkMessageDialog
from collector_desk.ui.team.dashboard import Dashboard
from collector_desk.ui.team.team_corrections import TeamCorrections

translate = QCoreApplication.translate


def _installments(n: int) -> str:
    # lupdate finds a plural text only when its count is a plain name
    return translate("TeamWindow", "%n installment(s)", None, n)


class TeamWindow(QDialog):
    def __init__(
        self,
        engine: Engine,
        lead: UserView,
        clock: Callable[[], datetime],
        currency: str = "CNY",
        parent: QWidget | None = None,
        sync: SyncController | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamWindow")
        offer_sheet(self, key_notes.TEAM)  # F1
        self.setWindowTitle(translate("TeamWindow", "Team"))
        self._engine, self._lead, self._clock = engine, lead, clock
        self._currency = currency
        self._sync = sync
        self._moves: list[Move] = []
        self._selected: list[int] = []
        self._approvals: list[team.Approval] = []
        self._stale = False  # cases changed while the window was hidden
        self.corrections: TeamCorrections | None = None

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._workload_tab(), translate("TeamWindow", "Workload"))
        self.tabs.addTab(self._approvals_tab(), translate("TeamWindow", "Approvals"))
        self.dashboard = Dashboard(engine, lead, clock, self)
        self.tabs.addTab(self.dashboard, translate("TeamWindow", "Numbers"))
        if sync is not None:
            self.dashboard.fetch_requested.connect(sync.fetch_kpis)
            sync.kpis_fetched.connect(self.dashboard.fetched)
        else:  # no server configured: the cache is all there is
            self.dashboard.fetch_requested.connect(lambda _r: self.dashboard.not_connected())
        self.message = QLabel(self)
        self.message.setObjectName("teamMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        self.resize(1200, 780)
        self.refresh()
        self.dashboard.refresh()
        case_changes().changed.connect(self._on_case_change)

    # -- building -------------------------------------------------------------------------
    def _workload_tab(self) -> QWidget:
        page = QWidget(self)
        self.workload = read_only_table(page, "workload")
        self.bucket = QLineEdit(page)
        self.bucket.setPlaceholderText("M1, M2")
        self.dpd_min, self.dpd_max = QSpinBox(page), QSpinBox(page)
        for box in (self.dpd_min, self.dpd_max):
            box.setRange(0, 9999)
        self.dpd_max.setValue(9999)
        self.balance_min = QLineEdit(page)
        self.balance_currency = QComboBox(page)
        self.balance_currency.setAccessibleName(translate("TeamWindow", "Currency of the balance"))
        self.from_collector = QComboBox(page)
        self.promise_due = QComboBox(page)
        self.promise_due.setObjectName("promiseDue")
        for text, days in (
            (translate("TeamWindow", "any day"), None),
            (translate("TeamWindow", "today"), 0),
            (translate("TeamWindow", "tomorrow"), 1),
        ):
            self.promise_due.addItem(text, days)
        self.to_collector = QComboBox(page)
        self.find_button = QPushButton(translate("TeamWindow", "Find cases"), page)
        self.export_cases = QPushButton(translate("TeamWindow", "Export these cases…"), page)
        self.export_cases.setToolTip(
            translate("TeamWindow", "A customer list: the export is recorded in the audit trail")
        )
        self.export_cases.clicked.connect(lambda: self.export_selected())
        self.move_button = QPushButton(translate("TeamWindow", "Move them to"), page)
        self.propose = QPushButton(translate("TeamWindow", "Propose a rebalance"), page)
        self.confirm = QPushButton(translate("TeamWindow", "Confirm the moves"), page)
        self.confirm.setEnabled(False)
        self.moves = read_only_table(page, "moves")
        self.find_button.clicked.connect(self.find_cases)
        self.move_button.clicked.connect(self.move_selected)
        self.propose.clicked.connect(self.propose_rebalance)
        self.confirm.clicked.connect(self.confirm_moves)
        self.message_cases = QPushButton(translate("TeamWindow", "Message these cases…"), page)
        self.message_cases.setToolTip(
            translate("TeamWindow", "One template to every case found, sent by the central store")
        )
        self.message_cases.clicked.connect(lambda: self.message_selected())
        self.correct = QPushButton(translate("TeamWindow", "Correct a contact…"), page)
        self.correct.clicked.connect(self.open_corrections)

        # the filter on one line: the workload above and the moves below keep the room
        filters = QHBoxLayout()
        self.bucket.setMaximumWidth(120)
        self.balance_min.setMaximumWidth(120)
        for text, widget in (
            (translate("TeamWindow", "Buckets"), self.bucket),
            (translate("TeamWindow", "Days past due"), self.dpd_min),
            ("–", self.dpd_max),
            (translate("TeamWindow", "Balance at least"), self.balance_min),
            ("", self.balance_currency),
            (translate("TeamWindow", "Now with"), self.from_collector),
            (translate("TeamWindow", "Promise due"), self.promise_due),
        ):
            label = QLabel(text, page)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for control in (
            self.find_button,
            self.export_cases,
            self.message_cases,
            self.move_button,
            self.to_collector,
            self.propose,
            self.confirm,
            self.correct,
        ):
            buttons.addWidget(control)
        buttons.addStretch(1)
        self.workload.setAccessibleName(translate("TeamWindow", "Each collector's workload"))
        self.moves.setAccessibleName(translate("TeamWindow", "Cases to move"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.workload, 1)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.moves, 1)
        return page

    def _approvals_tab(self) -> QWidget:
        page = QWidget(self)
        self.inbox = read_only_table(page, "approvals")
        self.inbox.currentCellChanged.connect(lambda *_: self._show_approval())
        self.approval_detail = QLabel(page)
        self.approval_detail.setObjectName("approvalDetail")
        self.approval_detail.setWordWrap(True)
        self.decision_reason = QLineEdit(page)
        self.decision_reason.setObjectName("decisionReason")
        self.decision_reason.setPlaceholderText(
            translate("TeamWindow", "Reason (required to reject)")
        )
        self.inbox.setAccessibleName(translate("TeamWindow", "Waiting for your approval"))
        self.decision_reason.setAccessibleName(translate("TeamWindow", "Reason"))
        self.approve = QPushButton(translate("TeamWindow", "Approve"), page)
        self.reject_button = QPushButton(translate("TeamWindow", "Reject"), page)
        self.approve.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        row = QHBoxLayout()
        row.addWidget(self.decision_reason, 1)
        row.addWidget(self.approve)
        row.addWidget(self.reject_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.inbox, 2)
        layout.addWidget(self.approval_detail, 1)
        layout.addLayout(row)
        return page

    # -- reading ----------------------------------------------------------------------------
    def _on_case_change(self, change: CaseChange) -> None:
        """Cases changed elsewhere (a sync brought a plan to approve, a case moved): the
        workload and the inbox are read again, what the lead chose staying chosen; while
        the window is hidden (closed, or the desk locked), when it shows again."""
        if change.source is self:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def _fill_currencies(self) -> None:
        chosen = self.balance_currency.currentText()
        currencies = team.team_currencies(self._engine, self._lead) or [self._currency]
        self.balance_currency.clear()
        self.balance_currency.addItems(currencies)
        for keep in (chosen, self._currency):
            if keep in currencies:
                self.balance_currency.setCurrentIndex(currencies.index(keep))
                break

    def refresh(self) -> None:
        chosen = (
            self.from_collector.currentData(),
            self.to_collector.currentData(),
            a.plan_id if (a := self._current_approval()) is not None else None,
        )
        rows = team.workload(self._engine, self._lead, self._clock())
        self._fill_currencies()
        fill(
            self.workload,
            [
                translate("TeamWindow", "Collector"),
                translate("TeamWindow", "Cases"),
                translate("TeamWindow", "Overdue"),
                translate("TeamWindow", "Callbacks due today"),
                translate("TeamWindow", "Open promises"),
                translate("TeamWindow", "Untouched 7 days"),
                translate("TeamWindow", "Contacts today"),
            ],
            [
                [
                    w.name,
                    formatting.number(w.cases),
                    formatting.money_lines(w.overdue),  # one line per currency
                    formatting.number(w.callbacks_due_today),
                    formatting.number(w.open_promises),
                    formatting.number(w.untouched),
                    formatting.number(w.contacts_today),
                ]
                for w in rows
            ],
        )
        self.workload.resizeRowsToContents()  # room for each currency's line
        self._collectors = [(w.user_id, w.name) for w in rows]
        self.dashboard.set_collectors(self._collectors)
        for combo, anyone in ((self.from_collector, True), (self.to_collector, False)):
            combo.clear()
            if anyone:
                combo.addItem(translate("TeamWindow", "anyone"), None)
            for user_id, name in self._collectors:
                combo.addItem(name, user_id)
        self._approvals = team.pending_approvals(self._engine, self._lead)
        fill(
            self.inbox,
            [
                translate("TeamWindow", "Case"),
                translate("TeamWindow", "Collector"),
                translate("TeamWindow", "Offer"),
                translate("TeamWindow", "Total"),
                translate("TeamWindow", "Why it needs you"),
            ],
            [
                [
                    a.case_ref,
                    a.collector,
                    _installments(a.installment_count),
                    formatting.money(a.total_minor, a.currency),
                    "; ".join(approval_reason(r) for r in a.reasons),
                ]
                for a in self._approvals
            ],
        )
        self.tabs.setTabText(
            1, translate("TeamWindow", "Approvals (%1)").replace("%1", str(len(self._approvals)))
        )
        from_id, to_id, plan_id = chosen
        for combo, user_id in ((self.from_collector, from_id), (self.to_collector, to_id)):
            if user_id is not None and combo.findData(user_id) >= 0:
                combo.setCurrentIndex(combo.findData(user_id))
        plan_ids = [a.plan_id for a in self._approvals]
        if plan_id in plan_ids:
            self.inbox.setCurrentCell(plan_ids.index(plan_id), 0)
        self._show_approval()

    def _filter(self) -> team.CaseFilter:
        buckets = frozenset(b.strip() for b in self.bucket.text().split(",") if b.strip())
        balance, currency = None, None
        if self.balance_min.text().strip():
            currency = self.balance_currency.currentText() or self._currency
            balance = parse_major(self.balance_min.text(), currency)
        owner = self.from_collector.currentData()
        days = self.promise_due.currentData()
        today = self._clock().astimezone(ZoneInfo(self._lead.time_zone)).date()
        return team.CaseFilter(
            buckets=buckets,
            dpd_min=self.dpd_min.value() or None,
            dpd_max=self.dpd_max.value() if self.dpd_max.value() < 9999 else None,
            balance_min_minor=balance,
            currency=currency,
            collectors=frozenset() if owner is None else frozenset({owner}),
            promise_due_on=None if days is None else today + timedelta(days=days),
        )

    # -- acting -----------------------------------------------------------------------------
    def find_cases(self) -> list[int]:
        try:
            self._selected = team.select_cases(self._engine, self._lead, self._filter())
        except MoneyError:
            self._say(translate("TeamWindow", "The balance must be an amount, like 5000."))
            return []
        n = len(self._selected)
        self._say(translate("TeamWindow", "%n case(s) match.", None, n))
        return self._selected

    def message_selected(self) -> BulkMessageDialog:
        """The cases found, messaged with one template by the central store."""
        ask = None if self._sync is None else self._sync.ask
        dialog = BulkMessageDialog(self._selected, default_templates(), ask, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_selected(self, path: Path | None = None) -> int | None:
        """The cases found, as a customer list (CSV or XLSX), audited for the server."""
        if not self._selected:
            self._say(translate("TeamWindow", "Find cases first."))
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                translate("TeamWindow", "Export these cases"),
                "cases.xlsx",
                translate("TeamWindow", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            count = case_export.export_case_list(
                self._engine, self._lead, self._selected, path, self._clock()
            )
        except (OSError, case_export.ExportRefused) as error:
            self._say(translate("TeamWindow", "Could not export: %1").replace("%1", str(error)))
            return None
        self._say(
            translate(
                "TeamWindow", "%n case(s) exported to %1; recorded in the audit trail.", None, count
            ).replace("%1", str(path))
        )
        announce(source=self)  # no case changed; the audit event waits in the outbox
        return count

    def open_corrections(self) -> TeamCorrections:
        """A collector's contact corrected by the lead, after the collector's window too."""
        dialog = TeamCorrections(self._engine, self._lead, self._clock, self)
        dialog.finished.connect(lambda _result: setattr(self, "corrections", None))
        self.corrections = dialog
        dialog.open()
        return dialog

    def move_selected(self) -> None:
        to = self.to_collector.currentData()
        if not self._selected or to is None:
            self._say(translate("TeamWindow", "Find cases and choose a collector first."))
            return
        results = actions.reassign(self._engine, self._lead, self._selected, to, self._clock())
        self._report(results)

    def propose_rebalance(self) -> list[Move]:
        collectors = [user_id for user_id, _ in self._collectors]
        chosen = self._selected or None
        self._moves = team.propose_rebalance(self._engine, self._lead, collectors, chosen)
        names = dict(self._collectors)
        refs = team.case_refs(self._engine, [m.case_id for m in self._moves])
        currency = team.case_currencies(self._engine, [m.case_id for m in self._moves])
        fill(
            self.moves,
            [
                translate("TeamWindow", "Case"),
                translate("TeamWindow", "From"),
                translate("TeamWindow", "To"),
                translate("TeamWindow", "Overdue"),
            ],
            [
                [
                    refs.get(m.case_id, str(m.case_id)),
                    names.get(m.from_id, str(m.from_id)),
                    names.get(m.to_id, str(m.to_id)),
                    formatting.money(m.overdue_minor, currency[m.case_id]),
                ]
                for m in self._moves
            ],
        )
        self.confirm.setEnabled(bool(self._moves))
        n = len(self._moves)
        self._say(
            translate(
                "TeamWindow",
                "%n move(s) proposed; cases with an open promise or plan stay. Nothing moves "
                "until you confirm.",
                None,
                n,
            )
        )
        return self._moves

    def confirm_moves(self) -> None:
        results: dict[int, str | None] = {}
        for to in sorted({m.to_id for m in self._moves}):
            ids = [m.case_id for m in self._moves if m.to_id == to]
            results.update(actions.reassign(self._engine, self._lead, ids, to, self._clock()))
        self._moves = []
        self.confirm.setEnabled(False)
        self._report(results)

    def _report(self, results: dict[int, str | None]) -> None:
        done = [c for c, why in results.items() if why is None]
        refused = {c: why for c, why in results.items() if why is not None}
        refs = team.case_refs(self._engine, list(refused))
        n = len(done)
        text = translate("TeamWindow", "%n case(s) queued to move.", None, n)
        if refused:
            text += " " + translate("TeamWindow", "Not moved: %1").replace(
                "%1",
                "; ".join(f"{refs.get(c, c)}: {labels.sync_reason(w)}" for c, w in refused.items()),
            )
        self._say(text)
        self.refresh()
        announce(done, source=self)

    def _current_approval(self) -> team.Approval | None:
        row = self.inbox.currentRow()
        return self._approvals[row] if 0 <= row < len(self._approvals) else None

    def _show_approval(self) -> None:
        a = self._current_approval()
        self.approve.setEnabled(a is not None)
        self.reject_button.setEnabled(a is not None)
        if a is None:
            self.approval_detail.setText("")
            return
        money = lambda m: formatting.money(m, a.currency)  # noqa: E731
        n = a.installment_count
        lines = [
            f"{a.case_ref} · {a.customer_name} · {a.collector}",
            translate(
                "TeamWindow",
                "Balance %1, waived %2, to pay %3 in %n installment(s)",
                None,
                n,
            )
            .replace("%1", money(a.balance_minor))
            .replace("%2", money(a.waived_minor))
            .replace("%3", money(a.total_minor)),
        ]
        f = a.affordability
        if f:
            lines.append(
                translate("TeamWindow", "Income %1, expenses %2, other debts %3 a month")
                .replace("%1", money(f["income_minor"]))
                .replace("%2", money(f["expenses_minor"]))
                .replace("%3", money(f["obligations_minor"]))
            )
        if a.recent_outcomes:
            lines.append(
                translate("TeamWindow", "Last contacts: %1").replace(
                    "%1", ", ".join(labels.outcome(Outcome(o)) for o in a.recent_outcomes)
                )
            )
        self.approval_detail.setText("\n".join(lines))

    def decide(self, approve: bool) -> None:
        a = self._current_approval()
        if a is None:
            return
        try:
            actions.decide_plan(
                self._engine,
                self._lead,
                a.plan_id,
                approve,
                self.decision_reason.text(),
                self._clock(),
            )
        except PlanError as error:
            self._say(labels.sync_reason(error.code))
            return
        self.decision_reason.clear()
        done = (
            translate("TeamWindow", "Approved: %1")
            if approve
            else translate("TeamWindow", "Rejected: %1")
        )
        self._say(done.replace("%1", a.case_ref))
        self.refresh()
        announce({a.case_id}, source=self)

    def _say(self, text: str) -> None:
        self.message.setText(text)
