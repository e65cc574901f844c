"""Recompute a case's queue priority from what the cache knows about it now."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_bucket_scheme, default_priority_weights
from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import OutcomeGroup
from collector_desk.domain.priority import CaseFacts, Priority, facts_from_state, score
from collector_desk.store.schema import Case, Customer, Promise, SyncState


def case_facts(session: Session, case: Case, now: datetime) -> CaseFacts:
    customer_zone = ZoneInfo(session.get(Customer, case.customer_id).time_zone)
    latest = session.scalars(
        select(Promise).where(Promise.case_id == case.id).order_by(Promise.due_date.desc())
    ).first()
    return facts_from_state(
        dpd=case.max_dpd,
        days_to_roll=default_bucket_scheme().days_to_roll(case.max_dpd),
        overdue_minor=case.overdue_minor,
        next_action=case.next_action,
        next_action_at=case.next_action_at,
        last_contact_at=case.last_contact_at,
        last_contact_reached=case.last_outcome is not None
        and case.last_outcome.group is OutcomeGroup.SUCCESS,
        promise_open=latest is not None and latest.status is PromiseStatus.OPEN,
        promise_broken=latest is not None and latest.status is PromiseStatus.BROKEN,
        promise_due=None if latest is None else latest.due_date,
        now=now,
        customer_today=now.astimezone(customer_zone).date(),
    )


def case_priority(session: Session, case: Case, now: datetime) -> Priority:
    return score(case_facts(session, case, now), default_priority_weights())


REFRESHED_KEY = "priority_refreshed_at"


def refresh_due_priorities(engine: Engine, user_id: int, now: datetime) -> int:
    """Re-score the cases whose callback or promise came due since the last refresh.

    The queue orders by the stored priority; a callback booked for 15:00 must climb at 15:00,
    not when someone next touches the case. Returns how many cases were re-scored.
    """
    with Session(engine) as session, session.begin():
        state = session.get(SyncState, REFRESHED_KEY)
        since = datetime.fromisoformat(state.value) if state else None
        query = select(Case).where(
            Case.assigned_to == user_id,
            Case.next_action_at.is_not(None),
            Case.next_action_at <= now,
        )
        if since is not None:
            query = query.where(Case.next_action_at > since)
        cases = session.scalars(query).all()
        for case in cases:
            case.priority = case_priority(session, case, now).total
        if state is None:
            session.add(SyncState(key=REFRESHED_KEY, value=now.isoformat()))
        else:
            state.value = now.isoformat()
        return len(cases)
