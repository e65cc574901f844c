"""A case's queue columns from its customer's accounts, for one case at a time (a payment);
an allocation import sets the same columns for all its cases in one statement."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.buckets import BucketScheme
from collector_desk.domain.cases import STOP_FLAGS
from collector_desk.store.shared.schema import CardAccount, Case, CaseFlagRow, Customer


def case_totals(session: Session, case: Case, customer: Customer, scheme: BucketScheme) -> None:
    """The case's queue columns from all of the customer's accounts."""
    accounts = session.scalars(
        select(CardAccount).where(CardAccount.customer_id == customer.id).order_by(CardAccount.id)
    ).all()
    worst = max(a.dpd for a in accounts)
    bucket = scheme.for_dpd(worst)
    case.max_dpd, case.bucket, case.segment = worst, bucket.label, bucket.segment.value
    case.currency = accounts[0].currency
    case.overdue_minor = sum(a.overdue_minor for a in accounts)
    case.balance_minor = sum(a.balance_minor for a in accounts)
    case.policy_pack, case.time_zone = customer.policy_pack or customer.country, customer.time_zone
    flags = (
        set(session.scalars(select(CaseFlagRow.flag).where(CaseFlagRow.case_id == case.id)))
        if case.id
        else set()
    )
    case.blocked = bool(flags & STOP_FLAGS)
