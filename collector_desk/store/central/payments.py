"""Payments into the central store: balances go down, promises are judged, cases change.
All lines or none; a payment already recorded (same account and reference) is skipped."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_bucket_scheme
from collector_desk.domain.allocation import CellError
from collector_desk.domain.cases import CaseStatus, PromiseStatus
from collector_desk.domain.promises import PromiseState, apply_payment, judge
from collector_desk.store.central.allocations import ImportRefused
from collector_desk.store.central.bucket_history import note_bucket
from collector_desk.store.central.case_totals import case_totals
from collector_desk.store.central.changes import record_change
from collector_desk.store.shared.case_priority import case_priority
from collector_desk.store.shared.plans import monitor_plans
from collector_desk.store.shared.schema import CardAccount, Case, Customer, Payment, Promise

SOURCES = {"bank_transfer", "mobile_app", "counter", "auto_debit"}


@dataclass(frozen=True, slots=True)
class PaymentLine:
    account_ref: str
    amount_minor: int
    paid_at: datetime
    reference: str
    source: str


@dataclass(frozen=True, slots=True)
class PaymentsSummary:
    recorded: int
    skipped: int
    promises_kept: int


def import_payments(
    engine: Engine, lines: Sequence[tuple[int, PaymentLine]], now: datetime
) -> PaymentsSummary:
    errors: list[CellError] = []
    recorded = skipped = kept = 0
    scheme = default_bucket_scheme()
    with Session(engine) as session, session.begin():
        changed: dict[int, Case] = {}
        for number, line in lines:
            account = session.scalars(
                select(CardAccount).where(CardAccount.account_ref == line.account_ref)
            ).first()
            if account is None:
                errors.append(CellError(number, "account_ref", "no_such_account", line.account_ref))
                continue
            case = session.scalars(
                select(Case).where(Case.customer_id == account.customer_id).order_by(Case.id.desc())
            ).first()
            if case is None:
                errors.append(CellError(number, "account_ref", "no_case", line.account_ref))
                continue
            if session.scalar(
                select(Payment.id).where(
                    Payment.account_id == account.id, Payment.reference == line.reference
                )
            ):
                skipped += 1
                continue
            session.add(
                Payment(
                    id=str(uuid.uuid4()),
                    recorded_at=line.paid_at,
                    server_received_at=now,
                    case_id=case.id,
                    account_id=account.id,
                    currency=account.currency,
                    amount_minor=line.amount_minor,
                    paid_at=line.paid_at,
                    source=line.source,
                    reference=line.reference,
                )
            )
            account.balance_minor = max(0, account.balance_minor - line.amount_minor)
            account.overdue_minor = max(0, account.overdue_minor - line.amount_minor)
            if account.overdue_minor == 0:
                account.dpd, account.minimum_due_minor = 0, 0
                account.bucket = scheme.for_dpd(0).label
            kept += _judge(session, case, line.amount_minor, now)
            changed[case.id] = case
        if errors:
            raise ImportRefused(errors)
        session.flush()
        monitor_plans(session, now, list(changed))  # a payment may complete a plan
        for case in changed.values():
            customer = session.get_one(Customer, case.customer_id)
            case_totals(session, case, customer, scheme)
            session.flush()
            note_bucket(session, case, now, scheme)
            case.priority = case_priority(session, case, now).total
            record_change(session, case, now)
        recorded = len(lines) - skipped
    return PaymentsSummary(recorded, skipped, kept)


def _judge(session: Session, case: Case, amount_minor: int, now: datetime) -> int:
    """Apply the payment to the case's promises; returns how many it made kept."""
    rows = {p.id: p for p in session.scalars(select(Promise).where(Promise.case_id == case.id))}
    if not rows:
        return 0
    states = [
        PromiseState(p.id, p.due_date, p.amount_minor, p.paid_minor, p.status)
        for p in rows.values()
    ]
    today = now.astimezone(ZoneInfo(case.time_zone)).date()
    after = judge(apply_payment(states, amount_minor), today)
    newly_kept = 0
    for state in after:
        row = rows[state.key]
        if state.status is PromiseStatus.KEPT and row.status is not PromiseStatus.KEPT:
            newly_kept += 1
        row.paid_minor, row.status = state.paid_minor, state.status
    latest = max(after, key=lambda s: (s.due_date, s.key))
    case.promise_status = latest.status
    if latest.status is not PromiseStatus.OPEN and case.status is CaseStatus.PROMISED:
        case.status = CaseStatus.OPEN
        if case.next_action == "promise_due":
            case.next_action, case.next_action_at = None, None
    return newly_kept
