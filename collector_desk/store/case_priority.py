"""Recompute a case's queue priority from what the cache knows about it now."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_bucket_scheme, default_priority_weights
from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import OutcomeGroup
from collector_desk.domain.priority import CaseFacts, Priority, score
from collector_desk.store.schema import Case, Customer, Promise


def case_facts(session: Session, case: Case, now: datetime) -> CaseFacts:
    customer_zone = ZoneInfo(session.get(Customer, case.customer_id).time_zone)
    today = now.astimezone(customer_zone).date()
    latest = session.scalars(
        select(Promise).where(Promise.case_id == case.id).order_by(Promise.due_date.desc())
    ).first()
    broken_days = None
    if latest is not None and latest.status is PromiseStatus.BROKEN:
        broken_days = (today - latest.due_date).days
    last = case.last_contact_at
    reached = (
        (now - last).days
        if last is not None
        and case.last_outcome is not None
        and case.last_outcome.group is OutcomeGroup.SUCCESS
        else None
    )
    return CaseFacts(
        dpd=case.max_dpd,
        days_to_roll=default_bucket_scheme().days_to_roll(case.max_dpd),
        overdue_major=case.overdue_minor // 100,
        callback_due=case.next_action == "callback"
        and case.next_action_at is not None
        and case.next_action_at <= now,
        promise_broken_days_ago=broken_days,
        promise_due_today=case.next_action == "promise_due"
        and case.next_action_at is not None
        and case.next_action_at.astimezone(customer_zone).date() == today,
        days_since_contact=None if last is None else (now - last).days,
        reached_days_ago=reached,
    )


def case_priority(session: Session, case: Case, now: datetime) -> Priority:
    return score(case_facts(session, case, now), default_priority_weights())
