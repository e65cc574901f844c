"""Offer a repayment plan or a settlement: affordability in, offers out, one agreed.

Enter recalculates; Ctrl+Enter agrees the selected offer. An offer within the collector's
authority becomes active at once; one beyond it is sent to the team lead and waits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from collector_desk.domain.money import MoneyError, parse_major
from collector_desk.domain.plans import Affordability, Offer, OfferKind, PlanError
from collector_desk.store.cache.queue import CaseDetail
from collector_desk.store.shared.plans import PlanRequest
from collector_desk.store.shared.schema import RepaymentPlan
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.theme import show_as_error
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.shortcut_sheet import offer_sheet

translate = QCoreApplication.translate

Preview = Callable[[OfferKind, int, date, "Affordability | None", "int | None"], list[Offer]]
Agree = Callable[[PlanRequest], RepaymentPlan]


class PlanDialog(QDialog):
    agreed = Signal(str)  # plan id

    def __init__(
        self,
        detail: CaseDetail,
        preview: Preview,
        agree: Agree,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        offer_sheet(self, key_notes.PLAN)  # F1
        self._detail = detail
        self._preview = preview
        self._agree = agree
        self._offers: list[Offer] = []
        self._currency = detail.currency
        self.plan: RepaymentPlan | None = None
        self.setWindowTitle(
            translate("PlanDialog", "Repayment plan — %1").replace("%1", detail.customer_name)
        )

        self.kind = QComboBox(self)
        self.kind.addItem(translate("PlanDialog", "Installment plan"), OfferKind.PLAN.value)
        self.kind.addItem(translate("PlanDialog", "Settlement (one payment)"), "settlement")
        self.income = self._amount()
        self.expenses = self._amount()
        self.obligations = self._amount()
        self.waived = self._amount()
        self.months = QSpinBox(self)
        self.months.setRange(0, 120)
        self.months.setSpecialValueText(translate("PlanDialog", "suggest"))
        self.first_due = QDateEdit(self)
        self.first_due.setCalendarPopup(True)
        self.first_due.setDisplayFormat("yyyy-MM-dd")
        today = now.astimezone(ZoneInfo(detail.time_zone)).date()
        # PySide6 converts a date; its stubs leave that constructor out
        self.first_due.setDate(QDate(today + timedelta(days=7)))  # type: ignore[call-overload]

        self.offers = QTableWidget(self)
        self.offers.setObjectName("offers")
        self.offers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.offers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.offers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.offers.verticalHeader().setVisible(False)
        self.offers.horizontalHeader().setStretchLastSection(True)
        self.offers.currentCellChanged.connect(lambda *_: self._show_schedule())
        self.schedule = QTableWidget(self)
        self.schedule.setObjectName("schedule")
        self.schedule.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.schedule.verticalHeader().setVisible(False)
        self.schedule.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setObjectName("planMessage")
        self.message.setWordWrap(True)

        form = QFormLayout()
        balance = formatting.money(detail.balance_minor, detail.currency)
        form.addRow(translate("PlanDialog", "Balance"), QLabel(balance, self))
        for caption, widget in (
            (translate("PlanDialog", "&Kind"), self.kind),
            (translate("PlanDialog", "Monthly &income"), self.income),
            (translate("PlanDialog", "Monthly &expenses"), self.expenses),
            (translate("PlanDialog", "Other debts' &payments a month"), self.obligations),
            (translate("PlanDialog", "&Waiver or discount"), self.waived),
            (translate("PlanDialog", "&Months (0: suggest)"), self.months),
            (translate("PlanDialog", "&First payment on (customer's date)"), self.first_due),
        ):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            form.addRow(label, widget)

        self.buttons = QDialogButtonBox(self)
        self.calculate = self.buttons.addButton(
            translate("PlanDialog", "Calculate (Enter)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.agree_button = self.buttons.addButton(
            translate("PlanDialog", "Agree (Ctrl+Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.calculate.setDefault(True)
        self.calculate.clicked.connect(self.recalculate)
        self.agree_button.clicked.connect(self.agree)
        self.close_button.clicked.connect(self.reject)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.agree)

        # the tables have no caption on screen: a screen reader still names them
        self.offers.setAccessibleName(translate("PlanDialog", "Plans the customer can afford"))
        self.schedule.setAccessibleName(translate("PlanDialog", "Payment schedule"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.offers, 1)
        layout.addWidget(self.schedule, 2)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 720)
        self.income.setFocus()

    def keyPressEvent(self, event) -> None:
        # the shortcut covers an active window; keys a field passes on are handled the same way
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.agree()
            return
        super().keyPressEvent(event)

    def _amount(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(self._currency_hint())
        edit.returnPressed.connect(self.recalculate)
        return edit

    def _currency_hint(self) -> str:
        return translate("PlanDialog", "Amount in %1").replace("%1", self._currency)

    # -- reading the form ---------------------------------------------------------------
    def _minor(self, edit: QLineEdit, field: str, required: bool) -> int:
        text = edit.text().strip()
        if not text:
            if required:
                raise PlanError("amount_required", field=field)
            return 0
        try:
            return parse_major(text, self._currency)
        except MoneyError as error:
            raise PlanError("amount_not_valid", field=field) from error

    def _inputs(self) -> tuple[OfferKind, int, date, Affordability | None, int | None]:
        kind = OfferKind(self.kind.currentData())
        filled = any(e.text().strip() for e in (self.income, self.expenses, self.obligations))
        affordability = None
        if filled or (kind is OfferKind.PLAN and not self.months.value()):
            affordability = Affordability(
                self._minor(self.income, "income", True),
                self._minor(self.expenses, "expenses", False),
                self._minor(self.obligations, "obligations", False),
            )
        waived = self._minor(self.waived, "waived", False)
        return (
            kind,
            waived,
            cast(date, self.first_due.date().toPython()),  # PySide6 types it as object
            affordability,
            self.months.value() or None,
        )

    # -- actions --------------------------------------------------------------------------
    def recalculate(self) -> None:
        try:
            self._offers = self._preview(*self._inputs())
        except PlanError as error:
            self._offers = []
            self._fill_offers()
            self._say(plan_error(error), error=True)
            return
        self._fill_offers()
        self._say("")
        if self._offers:
            self.offers.selectRow(0)
            self.offers.setFocus()

    def agree(self) -> None:
        row = self.offers.currentRow()
        if not 0 <= row < len(self._offers):
            self._say(translate("PlanDialog", "Calculate and choose an offer first."), error=True)
            return
        offer = self._offers[row]
        kind, _waived, _first, affordability, _months = self._inputs()
        request = PlanRequest(kind, offer.count, offer.waived_minor, offer.first_due, affordability)
        try:
            self.plan = self._agree(request)
        except PlanError as error:
            self._say(plan_error(error), error=True)
            return
        if offer.needs_approval:
            self._say(
                translate("PlanDialog", "Sent to the team lead for approval: %1").replace(
                    "%1", "; ".join(approval_reason(r) for r in offer.approval_reasons)
                )
            )
        else:
            self._say(translate("PlanDialog", "Agreed: the plan is active."))
        self.agree_button.setEnabled(False)
        self.agreed.emit(self.plan.id)

    # -- showing --------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        show_as_error(self.message, error)

    def _fill_offers(self) -> None:
        money = lambda minor: formatting.money(minor, self._currency)  # noqa: E731
        headers = [
            translate("PlanDialog", "Installments"),
            translate("PlanDialog", "Each"),
            translate("PlanDialog", "Last"),
            translate("PlanDialog", "Total"),
            translate("PlanDialog", "Approval"),
        ]
        self.offers.clear()
        self.offers.setColumnCount(len(headers))
        self.offers.setHorizontalHeaderLabels(headers)
        self.offers.setRowCount(len(self._offers))
        for r, offer in enumerate(self._offers):
            cells = [
                str(offer.count),
                money(offer.installments[0].amount_minor),
                money(offer.installments[-1].amount_minor),
                money(offer.total_minor),
                "; ".join(approval_reason(x) for x in offer.approval_reasons)
                or translate("PlanDialog", "within your authority"),
            ]
            for c, text in enumerate(cells):
                self.offers.setItem(r, c, QTableWidgetItem(text))
        self.offers.resizeColumnsToContents()
        self._show_schedule()

    def _show_schedule(self) -> None:
        row = self.offers.currentRow()
        offer = self._offers[row] if 0 <= row < len(self._offers) else None
        items = offer.installments if offer else ()
        self.schedule.clear()
        self.schedule.setColumnCount(3)
        self.schedule.setHorizontalHeaderLabels(
            [
                translate("PlanDialog", "No."),
                translate("PlanDialog", "Due"),
                translate("PlanDialog", "Amount"),
            ]
        )
        self.schedule.setRowCount(len(items))
        for r, inst in enumerate(items):
            for c, text in enumerate(
                [
                    str(inst.seq),
                    formatting.date_text(inst.due_date),
                    formatting.money(inst.amount_minor, self._currency),
                ]
            ):
                self.schedule.setItem(r, c, QTableWidgetItem(text))


def approval_reason(code: str) -> str:
    return {
        "months_over_authority": translate("PlanDialog", "longer than your authority"),
        "waiver_over_authority": translate("PlanDialog", "waiver beyond your authority"),
        "discount_over_authority": translate("PlanDialog", "discount beyond your authority"),
        "over_affordability": translate("PlanDialog", "more a month than the customer can pay"),
    }.get(code, code)


def plan_error(error: PlanError) -> str:
    p = error.params
    days, months = labels.count(p, "days"), labels.count(p, "months")  # plain names for lupdate
    field = {
        "income": translate("PlanDialog", "income"),
        "expenses": translate("PlanDialog", "expenses"),
        "obligations": translate("PlanDialog", "other debts' payments"),
        "waived": translate("PlanDialog", "waiver or discount"),
    }.get(str(p.get("field", "")), "")
    return {
        "amount_required": translate("PlanDialog", "Enter the %1.").replace("%1", field),
        "amount_not_valid": translate(
            "PlanDialog", "The %1 must be an amount, like 8000 or 8000.50."
        ).replace("%1", field),
        "affordability_required": translate(
            "PlanDialog", "Enter the customer's income and expenses, or a number of months."
        ),
        "affordability_not_amount": translate("PlanDialog", "Amounts may not be negative."),
        "first_due_in_past": translate("PlanDialog", "The first payment date is in the past."),
        "first_due_too_far": translate(
            "PlanDialog",
            "The first payment must fall within %n day(s).",
            None,
            days,
        ),
        "count_over_pack_limit": translate(
            "PlanDialog", "The rules allow at most %n month(s).", None, months
        ),
        "waiver_out_of_range": translate("PlanDialog", "The waiver must be less than the balance."),
        "discount_out_of_range": translate(
            "PlanDialog", "The discount must be less than the balance."
        ),
        "installment_below_rounding": translate(
            "PlanDialog", "Too many installments for this amount."
        ),
        "plan_already_open": translate(
            "PlanDialog", "This case already has a plan that is active or waiting for approval."
        ),
        "case_not_mine": translate("PlanDialog", "This case is no longer assigned to you."),
    }.get(error.code, error.code)
