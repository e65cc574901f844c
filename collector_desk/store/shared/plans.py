"""Repayment plans and settlements: proposing one, a team lead's decision, and watching
installments against payments.

A proposal is a fact the collector made (a plan row with a client-made id); whether it stands is
the server's: it recomputes the offer with the central balance and its own authority table, so a
desktop with stale figures or an edited config cannot grant itself a plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_plan_rules
from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.cases import CaseStatus, PlanStatus
from collector_desk.domain.plans import (
    Affordability,
    Installment,
    Offer,
    OfferKind,
    PlanError,
    authority_reasons,
    judge_plan,
    plan_offer,
    propose_plans,
    settlement_offer,
)
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.case_priority import case_priority
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import (
    Case,
    Customer,
    Payment,
    PlanInstallment,
    RepaymentPlan,
)

MAX_FIRST_DUE_DAYS = 31  # the first installment falls within a month of the agreement


@dataclass(frozen=True, slots=True)
class PlanRequest:
    kind: OfferKind
    count: int
    waived_minor: int  # fee/interest waiver for a plan, discount for a settlement
    first_due: date
    affordability: Affordability | None = None

    def to_json(self) -> dict:
        a = self.affordability
        return {
            "kind": self.kind.value,
            "count": self.count,
            "waived_minor": self.waived_minor,
            "first_due": self.first_due.isoformat(),
            "affordability": None
            if a is None
            else {
                "income_minor": a.income_minor,
                "expenses_minor": a.expenses_minor,
                "obligations_minor": a.obligations_minor,
            },
        }

    @classmethod
    def from_json(cls, data: dict) -> PlanRequest:
        a = data.get("affordability")
        return cls(
            kind=OfferKind(data["kind"]),
            count=int(data["count"]),
            waived_minor=int(data["waived_minor"]),
            first_due=date.fromisoformat(data["first_due"]),
            affordability=None if a is None else Affordability(**a),
        )


def make_offer(user: UserView, case: Case, request: PlanRequest, today: date) -> Offer:
    """The offer as this user may make it for this case today; PlanError if it cannot be made."""
    if request.first_due < today:
        raise PlanError("first_due_in_past")
    if request.first_due > today + timedelta(days=MAX_FIRST_DUE_DAYS):
        raise PlanError("first_due_too_far", days=MAX_FIRST_DUE_DAYS)
    rules = default_plan_rules()
    authority = rules.authority(user.role.value, user.username)
    pack = default_packs().get(case.policy_pack)
    if pack is None:
        raise PlanError("no_policy_pack")
    if request.kind is OfferKind.SETTLEMENT:
        return settlement_offer(
            case.balance_minor, request.waived_minor, request.first_due, authority
        )
    return plan_offer(
        case.balance_minor,
        request.count,
        request.first_due,
        authority,
        pack.max_plan_months,
        request.waived_minor,
        request.affordability,
        rules.share_bp,
        rules.rounding_for(case.currency),
    )


def customer_today(case: Case, now: datetime) -> date:
    return now.astimezone(ZoneInfo(case.time_zone)).date()


def record_plan(
    session: Session,
    user: UserView,
    case: Case,
    request: PlanRequest,
    plan_id: str,
    at: datetime,
    received_at: datetime | None = None,
) -> RepaymentPlan:
    offer = make_offer(user, case, request, customer_today(case, at))
    for other in session.scalars(
        select(RepaymentPlan).where(
            RepaymentPlan.case_id == case.id,
            RepaymentPlan.status.in_([PlanStatus.ACTIVE, PlanStatus.PENDING_APPROVAL]),
        )
    ):
        raise PlanError("plan_already_open", status=other.status)
    plan = RepaymentPlan(
        id=plan_id,
        recorded_at=at,
        server_received_at=received_at,
        case_id=case.id,
        user_id=user.id,
        status=offer.status,
        currency=case.currency,
        total_minor=offer.total_minor,
        waived_minor=offer.waived_minor,
        installment_count=offer.count,
        first_due_date=offer.first_due,
        version=1,
        kind=offer.kind.value,
        affordability=request.to_json()["affordability"],
        approval_reasons=[r.value for r in offer.approval_reasons],
    )
    session.add(plan)
    session.flush()
    session.add_all(
        PlanInstallment(
            plan_id=plan.id, seq=i.seq, due_date=i.due_date, amount_minor=i.amount_minor
        )
        for i in offer.installments
    )
    if plan.status is PlanStatus.ACTIVE:
        _activate(session, case, at)
    return plan


def _activate(session: Session, case: Case, at: datetime) -> None:
    # an agreed plan pauses collection (China: until the cardholder defaults again)
    case.status = CaseStatus.PLAN
    if case.next_action in ("callback", "plan_broken", "promise_due"):
        case.next_action, case.next_action_at = None, None
    session.flush()
    case.priority = case_priority(session, case, at).total


def decide(
    session: Session,
    user: UserView,
    plan: RepaymentPlan,
    approve: bool,
    reason: str,
    at: datetime,
    event_id: str,
    received_at: datetime | None = None,
) -> None:
    """A team lead's approval or rejection; PlanError when it may not be made."""
    if not user.role.is_lead:
        raise PlanError("not_a_team_lead")
    if plan.status is not PlanStatus.PENDING_APPROVAL:
        raise PlanError("plan_not_pending")
    reason = reason.strip()
    if not approve and not reason:
        raise PlanError("reason_required")
    case = session.get_one(Case, plan.case_id)
    if approve:
        authority = default_plan_rules().authority(user.role.value, user.username)
        kind = OfferKind(plan.kind)
        if authority_reasons(
            kind, plan.installment_count, plan.waived_minor, case.balance_minor, authority
        ):
            raise PlanError("beyond_approver_authority")
    plan.status = PlanStatus.ACTIVE if approve else PlanStatus.REJECTED
    plan.approved_by = user.id
    plan.decided_at = at
    plan.decision_reason = reason or None
    plan.version += 1
    if approve:
        _activate(session, case, at)
    record_event(
        session,
        event_id,
        user.id,
        "plan_approved" if approve else "plan_rejected",
        "repayment_plan",
        plan.id,
        {"case_id": case.id, "reason": reason} if reason else {"case_id": case.id},
        at,
        received_at,
    )


def monitor_plans(
    session: Session, now: datetime, case_ids: Iterable[int] | None = None
) -> list[int]:
    """Judge active plans against the payments made since they began: a missed installment
    breaks the plan and brings the case back to the top; a paid plan completes. Returns the
    cases whose plan changed."""
    grace = default_plan_rules().grace_days
    query = select(RepaymentPlan).where(RepaymentPlan.status == PlanStatus.ACTIVE)
    if case_ids is not None:
        query = query.where(RepaymentPlan.case_id.in_(list(case_ids)))
    changed = []
    for plan in session.scalars(query).all():
        case = session.get_one(Case, plan.case_id)
        rows = session.scalars(
            select(PlanInstallment)
            .where(PlanInstallment.plan_id == plan.id)
            .order_by(PlanInstallment.seq)
        ).all()
        installments = [Installment(r.seq, r.due_date, r.amount_minor) for r in rows]
        zone = ZoneInfo(session.get_one(Customer, case.customer_id).time_zone)
        payments = [
            (paid_at.astimezone(zone).date(), amount)
            for paid_at, amount in session.execute(
                select(Payment.paid_at, Payment.amount_minor).where(
                    Payment.case_id == case.id, Payment.paid_at >= plan.recorded_at
                )
            )
        ]
        progress = judge_plan(installments, payments, now.astimezone(zone).date(), grace)
        for row, paid in zip(rows, progress.paid_minor, strict=True):
            row.paid_minor = paid
        if progress.status is PlanStatus.ACTIVE:
            continue
        plan.status = progress.status
        plan.version += 1
        if progress.status is PlanStatus.BROKEN:
            case.status = CaseStatus.OPEN
            case.next_action, case.next_action_at = "plan_broken", now
        elif case.status is CaseStatus.PLAN:
            case.status = CaseStatus.OPEN
        session.flush()
        case.priority = case_priority(session, case, now).total
        changed.append(case.id)
    return changed


def preview(
    engine: Engine,
    user: UserView,
    case_id: int,
    kind: OfferKind,
    waived_minor: int,
    first_due: date,
    affordability: Affordability | None,
    now: datetime,
    count: int | None = None,
) -> list[Offer]:
    """What the collector may offer, before anything is agreed: the given number of
    installments, or the shortest affordable plan and longer ones. PlanError if none can be."""
    with Session(engine) as session:
        case = session.get(Case, case_id)
        if case is None or case.assigned_to != user.id:
            raise PlanError("case_not_mine")
        today = customer_today(case, now)
        if kind is OfferKind.SETTLEMENT:
            counts = [1]
        elif count:
            counts = [count]
        elif affordability is None:
            raise PlanError("affordability_required")
        else:
            rules = default_plan_rules()
            pack = default_packs().get(case.policy_pack)
            counts = [
                o.count
                for o in propose_plans(
                    case.balance_minor,
                    affordability,
                    first_due,
                    rules.authority(user.role.value, user.username),
                    pack.max_plan_months if pack else 1,
                    waived_minor,
                    rules.share_bp,
                    rules.rounding_for(case.currency),
                )
            ]
        return [
            make_offer(
                user, case, PlanRequest(kind, c, waived_minor, first_due, affordability), today
            )
            for c in counts
        ]


def monitor_my_plans(engine: Engine, user_id: int, now: datetime) -> list[int]:
    """The desktop's own check of its cases' plans, so a missed installment shows offline too;
    the server's run (admin monitor-plans, payment imports) is the one that is pulled back."""
    with Session(engine) as session, session.begin():
        mine = select(Case.id).where(Case.assigned_to == user_id, Case.status == CaseStatus.PLAN)
        return monitor_plans(session, now, list(session.scalars(mine)))
