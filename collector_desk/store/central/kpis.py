"""The team's numbers, computed centrally from the facts every desktop has pushed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_bucket_scheme
from collector_desk.domain.cases import PromiseStatus, Role
from collector_desk.domain.contacts import Direction
from collector_desk.domain.flows import FlowRow, flows
from collector_desk.domain.kpis import ContactFact, KpiRow, PaymentFact, Period, PromiseFact, kpis
from collector_desk.store.central import bucket_history
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import Case, Contact, Payment, Promise, User

MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class TeamNumbers:
    rows: list[KpiRow]
    flows: list[FlowRow]


def team_kpis(
    engine: Engine,
    lead: UserView,
    since: date,
    until: date,
    period: Period,
    username: str | None = None,
) -> TeamNumbers:
    """Rows per period for each collector of the lead's team (or one of them) and the team.
    Days are the lead's; payments, roll and cure count for the case's collector now."""
    if until < since or (until - since).days >= MAX_DAYS:
        raise ValueError("the range must run forward and cover at most a year")
    zone = ZoneInfo(lead.time_zone)
    start = datetime.combine(since, time(0), zone)
    end = datetime.combine(until + timedelta(days=1), time(0), zone)
    with Session(engine) as session:
        members = select(User.id).where(User.role == Role.COLLECTOR)
        if lead.role is not Role.ADMIN:
            members = members.where(User.team_id == lead.team_id)
        if username:
            members = members.where(User.username == username)
        ids = list(session.scalars(members))
        contacts = [
            ContactFact(user_id, at, outcome, direction, talk or 0)
            for user_id, at, outcome, direction, talk in session.execute(
                select(
                    Contact.user_id,
                    Contact.started_at,
                    Contact.outcome,
                    Contact.direction,
                    Contact.duration_s,
                )
                .where(Contact.user_id.in_(ids))
                .where(Contact.started_at >= start, Contact.started_at < end)
            )
        ]
        promise_rows = session.execute(
            select(
                Promise.user_id,
                Promise.case_id,
                Promise.due_date,
                Promise.amount_minor,
                Promise.paid_minor,
                Promise.currency,
                Promise.status,
            )
            .where(Promise.user_id.in_(ids))
            .where(Promise.due_date >= since, Promise.due_date <= until)
        ).all()
        broken_cases = {r.case_id for r in promise_rows if r.status is PromiseStatus.BROKEN}
        last_try = dict(
            session.execute(
                select(Contact.case_id, func.max(Contact.started_at))
                .where(Contact.case_id.in_(broken_cases))
                .where(Contact.direction == Direction.OUTBOUND)
                .group_by(Contact.case_id)
            ).all()
        )
        promises = [
            PromiseFact(
                r.user_id,
                r.due_date,
                r.amount_minor,
                r.paid_minor,
                r.currency,
                r.status,
                followed_up=_after(last_try.get(r.case_id), r.due_date, zone),
            )
            for r in promise_rows
        ]
        payments = [
            PaymentFact(owner, at, amount, currency)
            for owner, at, amount, currency in session.execute(
                select(Case.assigned_to, Payment.paid_at, Payment.amount_minor, Payment.currency)
                .join(Case, Case.id == Payment.case_id)
                .where(Case.assigned_to.in_(ids))
                .where(Payment.paid_at >= start, Payment.paid_at < end)
            )
            if owner is not None  # always: NULL is in no IN list
        ]
        case_tracks = bucket_history.tracks(session, ids, end)
    return TeamNumbers(
        kpis(contacts, promises, payments, zone, period),
        flows(case_tracks, default_bucket_scheme(), zone, since, until, period),
    )


def _after(last: datetime | None, due: date, zone: ZoneInfo) -> bool:
    if last is None:
        return False
    if last.tzinfo is None:  # SQLite's MAX() hands back the stored text, read as UTC
        last = last.replace(tzinfo=ZoneInfo("UTC"))
    return last >= datetime.combine(due + timedelta(days=1), time(0), zone)
