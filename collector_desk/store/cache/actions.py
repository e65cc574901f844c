"""What a user does on the desk, each in one transaction of the cache: the effect, judged by
the rules the server runs too (store/shared), and the outbox mutation that carries it to the
central store. No desk write path bypasses the outbox; the server applies the same rule again
when the mutation arrives (store/central/push.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import correction_window
from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contact_log import DEFAULT_LIMITS, ContactEntry, FieldError, LogLimits
from collector_desk.domain.contacts import Outcome
from collector_desk.domain.corrections import Correction
from collector_desk.domain.legal import LegalError, LegalStage
from collector_desk.domain.plans import PlanError
from collector_desk.store.cache.outbox import enqueue
from collector_desk.store.cache.schema import Draft
from collector_desk.store.shared.contact_log import ContactRejected, mutation_args, record_contact
from collector_desk.store.shared.corrections import CorrectionRefused, apply_correction
from collector_desk.store.shared.flags import FlagRefused, apply_flag
from collector_desk.store.shared.legal import apply_step
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.plans import PlanRequest, decide, record_plan
from collector_desk.store.shared.reassign import ReassignRefused, apply_move
from collector_desk.store.shared.schema import Case, Contact, LegalCase, RepaymentPlan, new_uuid


@dataclass(frozen=True, slots=True)
class LoggedContact:
    contact_id: str
    promise_id: str | None
    mutation_id: int
    priority: int


def log_contact(
    engine: Engine,
    user_id: int,
    case_id: int,
    entry: ContactEntry,
    now: datetime,
    limits: LogLimits = DEFAULT_LIMITS,
) -> LoggedContact:
    """Record a contact on this desktop, or raise ContactRejected and change nothing."""
    with Session(engine) as session, session.begin():
        case = session.get(Case, case_id)
        if case is None or case.assigned_to != user_id:
            raise ContactRejected([FieldError("case", "case_not_mine")])
        ptp = entry.outcome is Outcome.PROMISE_TO_PAY
        contact, promise, _kept = record_contact(
            session, user_id, case, entry, now, new_uuid(), new_uuid() if ptp else None, limits
        )
        mutation = enqueue(session, "log_contact", mutation_args(contact, promise, entry), now)
        session.execute(delete(Draft).where(Draft.case_id == case.id))
        return LoggedContact(
            contact.id, promise.id if promise else None, mutation.mutation_id, case.priority
        )


def correct_contact(
    engine: Engine,
    user: UserView,
    contact_id: str,
    correction: Correction,
    now: datetime,
    window: timedelta | None = None,
) -> str:
    """Correct a contact on this desk and queue the correction; returns the correction's id.
    Raises CorrectionRefused and changes nothing when it may not be made. The window is checked
    here by the desk's clock as a courtesy; the server checks again by its own."""
    with Session(engine) as session, session.begin():
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise CorrectionRefused("no_such_contact", "contact")
        for case_id in dict.fromkeys((contact.case_id, correction.case_id or contact.case_id)):
            case = session.get(Case, case_id)
            if case is None or (case.assigned_to != user.id and not user.role.is_lead):
                raise CorrectionRefused("case_not_mine", "case")
        correction_id = new_uuid()
        apply_correction(
            session,
            user,
            contact,
            correction,
            correction_id,
            now,
            now,
            correction_window() if window is None else window,
        )
        enqueue(
            session,
            "correct_contact",
            {
                "id": correction_id,
                "contact_id": contact.id,
                "reason": correction.reason.strip(),
                "outcome": None if correction.outcome is None else correction.outcome.value,
                "note": correction.note,
                "case_id": correction.case_id,
                "at": now.isoformat(),
            },
            now,
        )
        return correction_id


def writable_case(engine: Engine, user: UserView, case_ref: str) -> int | None:
    """The id of the case with this reference, if this user may move a contact to it here."""
    with Session(engine) as session:
        case = session.scalars(select(Case).where(Case.case_ref == case_ref.strip())).first()
    if case is None or (case.assigned_to != user.id and not user.role.is_lead):
        return None
    return case.id


def set_flag(
    engine: Engine,
    user: UserView,
    case_id: int,
    flag: CaseFlag,
    raised: bool,
    reason: str,
    now: datetime,
) -> bool:
    with Session(engine) as session, session.begin():
        case = session.get(Case, case_id)
        if case is None or case.assigned_to != user.id:
            raise FlagRefused("case_not_mine")
        event_id = new_uuid()
        if not apply_flag(session, user, case, flag, raised, reason, now, event_id):
            return False
        enqueue(
            session,
            "set_flag",
            {
                "case_id": case.id,
                "flag": flag.value,
                "raised": raised,
                "reason": reason.strip(),
                "at": now.isoformat(),
                "event_id": event_id,
            },
            now,
        )
        return True


def legal_step(
    engine: Engine,
    user: UserView,
    case_id: int,
    to: LegalStage,
    on: date,
    documents: dict[str, bool],
    now: datetime,
) -> None:
    with Session(engine) as session, session.begin():
        case = session.get(Case, case_id)
        if case is None or case.assigned_to != user.id:
            raise LegalError("case_not_mine")
        legal = session.get(LegalCase, case.id)
        seen = 0 if legal is None else legal.version
        event_id = new_uuid()
        apply_step(session, user, case, to, on, documents, now, event_id)
        enqueue(
            session,
            "legal_step",
            {
                "case_id": case.id,
                "to": to.value,
                "on": on.isoformat(),
                "documents": documents,
                "version": seen,
                "at": now.isoformat(),
                "event_id": event_id,
            },
            now,
        )


def propose_plan(
    engine: Engine, user: UserView, case_id: int, request: PlanRequest, now: datetime
) -> RepaymentPlan:
    """Record the collector's offer on this desktop: active within their authority, otherwise
    waiting for a team lead. Raises PlanError and writes nothing if it cannot be made."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        case = session.get(Case, case_id)
        if case is None or case.assigned_to != user.id:
            raise PlanError("case_not_mine")
        plan = record_plan(session, user, case, request, new_uuid(), now)
        enqueue(
            session,
            "propose_plan",
            {
                "case_id": case.id,
                "plan_id": plan.id,
                "at": now.isoformat(),
                "request": request.to_json(),
            },
            now,
        )
        return plan


def decide_plan(
    engine: Engine, user: UserView, plan_id: str, approve: bool, reason: str, now: datetime
) -> None:
    with Session(engine) as session, session.begin():
        plan = session.get(RepaymentPlan, plan_id)
        if plan is None:
            raise PlanError("no_such_plan")
        seen = plan.version
        event_id = new_uuid()
        decide(session, user, plan, approve, reason, now, event_id)
        enqueue(
            session,
            "decide_plan",
            {
                "plan_id": plan.id,
                "approve": approve,
                "reason": reason,
                "version": seen,
                "at": now.isoformat(),
                "event_id": event_id,
            },
            now,
        )


def reassign(
    engine: Engine, lead: UserView, case_ids: Sequence[int], to_user_id: int, now: datetime
) -> dict[int, str | None]:
    """Move cases in the lead's cache and queue one intent each; returns, per case, None when
    queued or the code of why not (nothing is written for a refused case)."""
    results: dict[int, str | None] = {}
    with Session(engine) as session, session.begin():
        for case_id in case_ids:
            case = session.get(Case, case_id)
            if case is None:
                results[case_id] = "no_such_case"
                continue
            seen_with = case.assigned_to
            event_id = new_uuid()
            try:
                with session.begin_nested():
                    apply_move(session, lead, case, seen_with, to_user_id, now, event_id)
            except ReassignRefused as refused:
                results[case_id] = refused.code
                continue
            if seen_with == to_user_id:
                results[case_id] = None
                continue
            enqueue(
                session,
                "reassign_case",
                {
                    "case_id": case_id,
                    "from_user_id": seen_with,
                    "to_user_id": to_user_id,
                    "at": now.isoformat(),
                    "event_id": event_id,
                },
                now,
            )
            results[case_id] = None
    return results
