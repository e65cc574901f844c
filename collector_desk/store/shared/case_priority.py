"""Recompute cases' queue priority from what the cache knows about them now."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_bucket_scheme, default_priority_weights
from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import Outcome, OutcomeGroup
from collector_desk.domain.priority import CaseFacts, Priority, facts_from_state, score
from collector_desk.store.shared.schema import Case, Customer, Promise, SyncState

REFRESHED_KEY = "priority_refreshed_at"
BATCH = 500


class QueueState(Protocol):
    """What scoring reads of a case: an ORM Case, or a row of the same columns."""

    max_dpd: int
    overdue_minor: int
    next_action: str | None
    next_action_at: datetime | None
    last_contact_at: datetime | None
    last_outcome: Outcome | None


class LatestPromise(Protocol):
    """An ORM Promise or a row: read-only, so a Promise's narrower types still fit."""

    @property
    def status(self) -> PromiseStatus | None: ...

    @property
    def due_date(self) -> date: ...


def facts_of(
    case: QueueState, time_zone: str, latest: LatestPromise | None, now: datetime
) -> CaseFacts:
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
        customer_today=now.astimezone(ZoneInfo(time_zone)).date(),
    )


def _latest_promises(session: Session, case_ids: Sequence[int]) -> dict[int, Promise]:
    latest: dict[int, Promise] = {}
    for promise in session.scalars(
        select(Promise).where(Promise.case_id.in_(case_ids)).order_by(Promise.due_date)
    ):
        latest[promise.case_id] = promise  # ordered by due date: the last one wins
    return latest


def case_facts(session: Session, case: Case, now: datetime) -> CaseFacts:
    time_zone = session.get_one(Customer, case.customer_id).time_zone
    return facts_of(case, time_zone, _latest_promises(session, [case.id]).get(case.id), now)


def case_priority(session: Session, case: Case, now: datetime) -> Priority:
    return score(case_facts(session, case, now), default_priority_weights())


def rescore(session: Session, case_ids: Sequence[int], now: datetime) -> None:
    """Re-score many cases with a few queries per batch, not a few per case."""
    weights = default_priority_weights()
    for start in range(0, len(case_ids), BATCH):
        chunk = case_ids[start : start + BATCH]
        latest = _latest_promises(session, chunk)
        for case, time_zone in session.execute(
            select(Case, Customer.time_zone)
            .join(Customer, Customer.id == Case.customer_id)
            .where(Case.id.in_(chunk))
        ):
            case.priority = score(
                facts_of(case, time_zone, latest.get(case.id), now), weights
            ).total
        session.flush()


def refresh_due_priorities(engine: Engine, user_id: int, now: datetime) -> int:
    """Re-score the cases whose callback or promise came due since the last refresh.

    The queue orders by the stored priority; a callback booked for 15:00 must climb at 15:00,
    not when someone next touches the case. Returns how many cases were re-scored.
    """
    with Session(engine) as session, session.begin():
        state = session.get(SyncState, REFRESHED_KEY)
        since = datetime.fromisoformat(state.value) if state else None
        query = select(Case.id).where(
            Case.assigned_to == user_id,
            Case.next_action_at.is_not(None),
            Case.next_action_at <= now,
        )
        if since is not None:
            query = query.where(Case.next_action_at > since)
        case_ids = list(session.scalars(query))
        rescore(session, case_ids, now)
        if state is None:
            session.add(SyncState(key=REFRESHED_KEY, value=now.isoformat()))
        else:
            state.value = now.isoformat()
        return len(case_ids)
