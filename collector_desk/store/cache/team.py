"""The team lead's view of the team, from the lead's cache: workload per collector, cases
picked by filter, and a rebalance proposal to confirm before anything moves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, and_, case, func, or_, select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseFlag, CaseStatus, PlanStatus, PromiseStatus, Role
from collector_desk.domain.workload import CaseLoad, Move, rebalance
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import (
    Case,
    CaseFlagRow,
    Contact,
    Customer,
    Promise,
    RepaymentPlan,
    User,
)


@dataclass(frozen=True, slots=True)
class Workload:
    user_id: int
    name: str
    cases: int
    overdue: dict[str, int]  # minor units by currency: yuan and dollars are never one sum
    callbacks_due_today: int
    open_promises: int
    untouched: int
    contacts_today: int


@dataclass(frozen=True, slots=True)
class CaseFilter:
    buckets: frozenset[str] = frozenset()
    dpd_min: int | None = None
    dpd_max: int | None = None
    balance_min_minor: int | None = None
    balance_max_minor: int | None = None
    currency: str | None = None  # a balance is in one currency: bounds never compare two
    segments: frozenset[str] = frozenset()
    flags: frozenset[CaseFlag] = frozenset()
    collectors: frozenset[int] = frozenset()
    promise_due_on: date | None = None  # an open promise falls due that day (a reminder's list)


def _team_cases(lead: UserView):
    open_cases = Case.status != CaseStatus.CLOSED
    if lead.role is Role.ADMIN:
        return open_cases
    return and_(open_cases, Case.team_id == lead.team_id)


def workload(
    engine: Engine, lead: UserView, now: datetime, untouched_days: int = 7
) -> list[Workload]:
    zone = ZoneInfo(lead.time_zone)
    day_start = datetime.combine(now.astimezone(zone).date(), time(0), zone)
    day_end = day_start + timedelta(days=1)
    stale = now - timedelta(days=untouched_days)
    with Session(engine) as session:
        query = select(User.id, User.display_name).where(
            User.active.is_(True), User.role == Role.COLLECTOR
        )
        if lead.role is not Role.ADMIN:
            query = query.where(User.team_id == lead.team_id)
        members = session.execute(query.order_by(User.display_name)).all()
        per_case = dict(
            (row.assigned_to, row)
            for row in session.execute(
                select(
                    Case.assigned_to,
                    func.count().label("cases"),
                    func.sum(
                        case(
                            (
                                and_(
                                    Case.next_action == "callback",
                                    Case.next_action_at < day_end,
                                ),
                                1,
                            ),
                            else_=0,
                        )
                    ).label("callbacks"),
                    func.sum(case((Case.promise_status == PromiseStatus.OPEN, 1), else_=0)).label(
                        "promises"
                    ),
                    func.sum(
                        case(
                            (or_(Case.last_contact_at.is_(None), Case.last_contact_at < stale), 1),
                            else_=0,
                        )
                    ).label("untouched"),
                )
                .where(_team_cases(lead))
                .group_by(Case.assigned_to)
            )
        )
        overdue: dict[int | None, dict[str, int]] = {}
        for owner, currency, amount in session.execute(
            select(Case.assigned_to, Case.currency, func.sum(Case.overdue_minor))
            .where(_team_cases(lead))
            .group_by(Case.assigned_to, Case.currency)
            .order_by(Case.currency)
        ):
            overdue.setdefault(owner, {})[currency] = int(amount or 0)
        contacts = dict(
            session.execute(
                select(Contact.user_id, func.count())
                .where(Contact.started_at >= day_start, Contact.started_at < day_end)
                .group_by(Contact.user_id)
            ).all()
        )
    out = []
    for user_id, name in members:
        row = per_case.get(user_id)
        out.append(
            Workload(
                user_id,
                name,
                row.cases if row else 0,
                overdue.get(user_id, {}),
                int(row.callbacks or 0) if row else 0,
                int(row.promises or 0) if row else 0,
                int(row.untouched or 0) if row else 0,
                contacts.get(user_id, 0),
            )
        )
    return out


def team_currencies(engine: Engine, lead: UserView) -> list[str]:
    """The currencies of the team's open cases, most cases first."""
    query = (
        select(Case.currency)
        .where(_team_cases(lead))
        .group_by(Case.currency)
        .order_by(func.count().desc(), Case.currency)
    )
    with Session(engine) as session:
        return list(session.scalars(query))


def select_cases(engine: Engine, lead: UserView, f: CaseFilter) -> list[int]:
    """Open cases of the team matching every condition given."""
    query = select(Case.id).where(_team_cases(lead)).order_by(Case.id)
    if f.buckets:
        query = query.where(Case.bucket.in_(sorted(f.buckets)))
    if f.dpd_min is not None:
        query = query.where(Case.max_dpd >= f.dpd_min)
    if f.dpd_max is not None:
        query = query.where(Case.max_dpd <= f.dpd_max)
    if f.currency is not None:
        query = query.where(Case.currency == f.currency)
    if f.balance_min_minor is not None:
        query = query.where(Case.balance_minor >= f.balance_min_minor)
    if f.balance_max_minor is not None:
        query = query.where(Case.balance_minor <= f.balance_max_minor)
    if f.segments:
        query = query.where(Case.segment.in_(sorted(f.segments)))
    if f.collectors:
        query = query.where(Case.assigned_to.in_(sorted(f.collectors)))
    if f.flags:
        flagged = select(CaseFlagRow.case_id).where(CaseFlagRow.flag.in_(sorted(f.flags)))
        query = query.where(Case.id.in_(flagged))
    if f.promise_due_on is not None:
        due = select(Promise.case_id).where(
            Promise.status == PromiseStatus.OPEN, Promise.due_date == f.promise_due_on
        )
        query = query.where(Case.id.in_(due))
    with Session(engine) as session:
        return list(session.scalars(query))


def propose_rebalance(
    engine: Engine, lead: UserView, collectors: Sequence[int], case_ids: Sequence[int] | None = None
) -> list[Move]:
    """Moves that even out the team's open cases (or only `case_ids`, e.g. a filter's) over
    `collectors`; cases with an open promise or an active plan stay."""
    with Session(engine) as session:
        query = select(
            Case.id, Case.assigned_to, Case.overdue_minor, Case.promise_status, Case.currency
        ).where(_team_cases(lead))
        if case_ids is not None:
            query = query.where(Case.id.in_(list(case_ids)))
        planned = set(
            session.scalars(
                select(RepaymentPlan.case_id).where(RepaymentPlan.status == PlanStatus.ACTIVE)
            )
        )
        loads = [
            CaseLoad(cid, owner, overdue, promise is PromiseStatus.OPEN or cid in planned, code)
            for cid, owner, overdue, promise, code in session.execute(query)
            if owner is not None
        ]
    return rebalance(loads, collectors)


@dataclass(frozen=True, slots=True)
class Approval:
    """A plan or settlement waiting for the lead: the offer, what the customer said they can
    pay, and how the case has gone so far."""

    plan_id: str
    case_id: int
    case_ref: str
    customer_name: str
    collector: str
    kind: str
    installment_count: int
    total_minor: int
    waived_minor: int
    balance_minor: int
    currency: str
    affordability: dict | None
    reasons: tuple[str, ...]
    proposed_at: datetime
    recent_outcomes: tuple[str, ...]  # the case's last contacts, newest first


def pending_approvals(engine: Engine, lead: UserView) -> list[Approval]:
    with Session(engine) as session:
        query = (
            select(RepaymentPlan, Case, Customer.full_name, User.display_name)
            .join(Case, Case.id == RepaymentPlan.case_id)
            .join(Customer, Customer.id == Case.customer_id)
            .join(User, User.id == RepaymentPlan.user_id)
            .where(RepaymentPlan.status == PlanStatus.PENDING_APPROVAL)
            .order_by(RepaymentPlan.recorded_at)
        )
        if lead.role is not Role.ADMIN:
            query = query.where(Case.team_id == lead.team_id)
        out = []
        for plan, case_, name, collector in session.execute(query):
            outcomes = session.scalars(
                select(Contact.outcome)
                .where(Contact.case_id == case_.id)
                .order_by(Contact.started_at.desc())
                .limit(5)
            ).all()
            out.append(
                Approval(
                    plan.id,
                    case_.id,
                    case_.case_ref,
                    name,
                    collector,
                    plan.kind,
                    plan.installment_count,
                    plan.total_minor,
                    plan.waived_minor,
                    case_.balance_minor,
                    plan.currency,
                    plan.affordability,
                    tuple(plan.approval_reasons or ()),
                    plan.recorded_at,
                    tuple(o.value for o in outcomes),
                )
            )
        return out


def case_currencies(engine: Engine, case_ids: Sequence[int]) -> dict[int, str]:
    """Each case's currency, to show a proposal's amounts in their own."""
    with Session(engine) as session:
        query = select(Case.id, Case.currency).where(Case.id.in_(list(case_ids)))
        return {case_id: currency for case_id, currency in session.execute(query)}


def case_refs(engine: Engine, case_ids: Sequence[int]) -> dict[int, str]:
    """The case numbers people read, for ids a proposal or a refusal names."""
    with Session(engine) as session:
        query = select(Case.id, Case.case_ref).where(Case.id.in_(list(case_ids)))
        return {case_id: ref for case_id, ref in session.execute(query)}
