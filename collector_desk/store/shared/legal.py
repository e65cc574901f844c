"""A case's way through legal: suggestion, referral and each later stage, with its documents.

The stage is mutable state the server owns: the desktop records the step at once (so the
collector's contact rules change at once) and sends it as an intent with the version it saw;
the server checks the step again against its own copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_legal_rules
from collector_desk.domain.cases import CaseStatus, PlanStatus, PromiseStatus
from collector_desk.domain.contacts import Direction
from collector_desk.domain.legal import (
    LegalError,
    LegalFacts,
    LegalStage,
    advance,
    eligibility,
)
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.case_priority import case_priority
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import (
    Case,
    CaseFlagRow,
    Contact,
    LegalCase,
    RepaymentPlan,
)


@dataclass(frozen=True, slots=True)
class LegalView:
    stage: LegalStage | None
    stage_dates: dict[str, str]
    documents: dict[str, bool]
    version: int
    not_eligible: tuple[str, ...]  # why the case is not suggested (empty: suggested)


def legal_facts(session: Session, case: Case, now: datetime) -> LegalFacts:
    rules = default_legal_rules()
    legal = session.get(LegalCase, case.id)
    since = now - timedelta(days=rules.lookback_days)
    attempts = session.scalar(
        select(func.count())
        .select_from(Contact)
        .where(
            Contact.case_id == case.id,
            Contact.direction == Direction.OUTBOUND,
            Contact.started_at >= since,
        )
    )
    active_plan = session.scalar(
        select(func.count())
        .select_from(RepaymentPlan)
        .where(RepaymentPlan.case_id == case.id, RepaymentPlan.status == PlanStatus.ACTIVE)
    )
    flags = frozenset(
        session.scalars(select(CaseFlagRow.flag).where(CaseFlagRow.case_id == case.id))
    )
    return LegalFacts(
        dpd=case.max_dpd,
        balance_minor=case.balance_minor,
        attempts_in_lookback=attempts or 0,
        flags=flags,
        active_plan=bool(active_plan),
        open_promise=case.promise_status is PromiseStatus.OPEN,
        stage=None if legal is None else LegalStage(legal.stage),
    )


def legal_view(session: Session, case: Case, now: datetime) -> LegalView:
    legal = session.get(LegalCase, case.id)
    return LegalView(
        stage=None if legal is None else LegalStage(legal.stage),
        stage_dates=dict(legal.stage_dates) if legal else {},
        documents=dict(legal.documents) if legal else {},
        version=legal.version if legal else 0,
        not_eligible=tuple(eligibility(legal_facts(session, case, now), default_legal_rules())),
    )


def apply_step(
    session: Session,
    user: UserView,
    case: Case,
    to: LegalStage,
    on: date,
    documents: dict[str, bool],
    at: datetime,
    event_id: str,
    received_at: datetime | None = None,
) -> LegalCase:
    """Move the case one legal stage, or raise LegalError and change nothing."""
    rules = default_legal_rules()
    legal = session.get(LegalCase, case.id)
    today = at.astimezone(ZoneInfo(case.time_zone)).date()
    if legal is None:
        reasons = eligibility(legal_facts(session, case, at), rules)
        if reasons:
            raise LegalError("not_eligible", reasons=reasons)
    current = None if legal is None else LegalStage(legal.stage)
    merged = {**(legal.documents if legal else {}), **{k: bool(v) for k, v in documents.items()}}
    dates = advance(current, to, on, legal.stage_dates if legal else {}, merged, rules, today)
    if legal is None:
        legal = LegalCase(case_id=case.id, referred_by=user.id, version=0)
        session.add(legal)
    legal.stage, legal.stage_dates, legal.documents = to.value, dates, merged
    legal.version += 1
    legal.updated_at = at
    case.status = CaseStatus.CLOSED if to is LegalStage.CLOSED else CaseStatus.LEGAL
    case.closed_at = at if to is LegalStage.CLOSED else None
    detail = {"stage": to.value, "on": on.isoformat()}
    record_event(
        session, event_id, user.id, "legal_stage", "case", str(case.id), detail, at, received_at
    )
    session.flush()
    case.priority = case_priority(session, case, at).total
    return legal
