"""Pushes from the desks: each mutation applied exactly once, in order, in its own
transaction with the client's mark, by the same rules the desk ran (store/shared).

A business rejection (the case moved to another team meanwhile, a plan over the lead's
authority) is recorded as the mutation's result and still advances the mark, so a desk's queue
never wedges; a fault advances nothing and the desk retries.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseFlag, Role
from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, ContactPointStatus, Direction, Outcome
from collector_desk.domain.legal import LegalStage
from collector_desk.domain.refusal import Refused
from collector_desk.store.central.changes import record_change
from collector_desk.store.central.schema import Change, RegisteredClient, SyncResult
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.contact_log import ContactRejected, record_contact
from collector_desk.store.shared.flags import apply_flag
from collector_desk.store.shared.legal import apply_step
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.plans import PlanRequest, decide, record_plan
from collector_desk.store.shared.reassign import apply_move
from collector_desk.store.shared.schema import (
    Case,
    Contact,
    ContactPoint,
    LegalCase,
    RepaymentPlan,
)


class NotYourClient(PermissionError):
    """A client id already registered to another user."""


class OutOfOrder(ValueError):
    """A mutation number that skips ahead: earlier ones were never received."""


class Rejected(ValueError):
    """A business rejection: recorded as the mutation's result, and the queue moves on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def apply_push(
    engine: Engine, user: UserView, client_id: str, mutations: Sequence, now: datetime
) -> tuple[int, list[tuple[int, str, str | None]]]:
    """Apply each mutation in its own transaction, in order; returns the client's last applied
    number and (id, status, reason) for every mutation of this push, including repeats."""
    results = []
    last = 0
    for mutation in mutations:
        with Session(engine) as session, session.begin():
            client = _client(session, user, client_id, now)
            last = client.last_mutation_id
            if mutation.id <= last:  # pushed before: report what happened then
                previous = session.get(SyncResult, (client_id, mutation.id))
                results.append(
                    (
                        mutation.id,
                        previous.status if previous else "applied",
                        previous.reason if previous else None,
                    )
                )
                continue
            if mutation.id != last + 1:
                raise OutOfOrder(f"expected mutation {last + 1}, got {mutation.id}")
            status, reason = "applied", None
            try:
                with session.begin_nested():  # a rejection undoes the mutation's effects only
                    _apply(session, user, mutation.name, mutation.args, now)
            except Rejected as rejection:
                status, reason = "rejected", rejection.reason
            session.add(
                SyncResult(
                    client_id=client_id,
                    mutation_id=mutation.id,
                    status=status,
                    reason=reason,
                    recorded_at=now,
                )
            )
            client.last_mutation_id = last = mutation.id
            client.updated_at = now
            results.append((mutation.id, status, reason))
    if not mutations:
        with Session(engine) as session:
            found = session.get(RegisteredClient, client_id)
            if found is not None and found.user_id != user.id:
                raise NotYourClient(client_id)
            last = found.last_mutation_id if found else 0
    return last, results


def _client(session: Session, user: UserView, client_id: str, now: datetime) -> RegisteredClient:
    query = (
        select(RegisteredClient).where(RegisteredClient.client_id == client_id).with_for_update()
    )
    client = session.scalars(query).first()
    if client is None:
        client = RegisteredClient(
            client_id=client_id, user_id=user.id, last_mutation_id=0, updated_at=now
        )
        session.add(client)
        session.flush()
    elif client.user_id != user.id:
        raise NotYourClient(client_id)
    return client


def _apply(session: Session, user: UserView, name: str, args: dict, now: datetime) -> None:
    handler = _HANDLERS.get(name)
    if handler is None:
        raise Rejected("unknown_mutation")
    try:
        handler(session, user, args, now)
    except Refused as refused:  # the plan, legal and flag rules said no: say why
        raise Rejected(refused.code) from refused
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, Rejected):
            raise
        raise Rejected("malformed") from exc


def _writable_case(session: Session, user: UserView, case_id) -> Case:
    """A case this user may write facts about: theirs now, or theirs before it was moved
    (facts logged offline about a case that left their queue are still accepted)."""
    if not isinstance(case_id, int) or isinstance(case_id, bool):
        raise Rejected("malformed")
    case = session.get(Case, case_id)
    if case is None:
        raise Rejected("no_such_case")
    if case.assigned_to == user.id or user.role is Role.ADMIN:
        return case
    if user.role is Role.TEAM_LEAD and case.team_id == user.team_id:
        return case
    was_mine = session.scalar(
        select(Change.id)
        .where(Change.case_id == case.id, Change.previous_user_id == user.id)
        .limit(1)
    )
    if was_mine is None:
        raise Rejected("not_your_case")
    return case


def _log_contact(session: Session, user: UserView, args: dict, now: datetime) -> None:
    case = _writable_case(session, user, args["case_id"])
    contact_id = str(uuid.UUID(args["contact_id"]))
    if session.get(Contact, contact_id) is not None:
        return  # the same fact again (another client id, a restored backup): already here
    e = args["entry"]
    entry = ContactEntry(
        channel=Channel(e["channel"]),
        outcome=Outcome(e["outcome"]),
        contact_point_id=e["contact_point_id"],
        direction=Direction(e["direction"]),
        note=str(e["note"]),
        promise_amount_minor=e["promise_amount_minor"],
        promise_date=None if e["promise_date"] is None else date.fromisoformat(e["promise_date"]),
        callback_at=None if e["callback_at"] is None else datetime.fromisoformat(e["callback_at"]),
        override_reason=str(e.get("override_reason") or "")[:500],
        dialed_at=_aware(e.get("dialed_at")),
    )
    promise_id = None if args["promise_id"] is None else str(uuid.UUID(args["promise_id"]))
    at = datetime.fromisoformat(args["at"])
    if at.tzinfo is None:
        raise Rejected("malformed")
    try:
        record_contact(
            session,
            user.id,
            case,
            entry,
            at,
            contact_id,
            promise_id,
            received_at=now,
            enforce=False,
        )
    except ContactRejected as rejected:
        raise Rejected(rejected.errors[0].code) from rejected
    record_change(session, case, now)


def _aware(value: str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise Rejected("malformed")
    return moment


def _at(args: dict) -> datetime:
    """The moment an intent happened, which every intent carries."""
    moment = _aware(args["at"])
    if moment is None:
        raise Rejected("malformed")
    return moment


def _record_audit(session: Session, user: UserView, args: dict, now: datetime) -> None:
    if args["action"] == "customer_list_exported" and not user.role.is_lead:
        raise Rejected("not_a_team_lead")  # only a lead exports; anything else is a forgery
    record_event(
        session,
        str(uuid.UUID(args["id"])),
        user.id,
        str(args["action"])[:64],
        str(args["entity"])[:32],
        str(args["entity_id"])[:64],
        dict(args["detail"]),
        datetime.fromisoformat(args["recorded_at"]),
        now,
    )


def _point_of(session: Session, user: UserView, args: dict) -> tuple[Case, ContactPoint]:
    case = _writable_case(session, user, args["case_id"])
    point = session.get(ContactPoint, args["contact_point_id"])
    if point is None or point.customer_id != case.customer_id:
        raise Rejected("number_not_customers")
    return case, point


def _set_point_status(session: Session, user: UserView, args: dict, now: datetime) -> None:
    case, point = _point_of(session, user, args)
    point.status = ContactPointStatus(args["status"])
    record_change(session, case, now)


def _set_preferred(session: Session, user: UserView, args: dict, now: datetime) -> None:
    case, point = _point_of(session, user, args)
    for other in session.scalars(
        select(ContactPoint).where(ContactPoint.customer_id == point.customer_id)
    ):
        other.preferred = other.id == point.id
    record_change(session, case, now)


def _propose_plan(session: Session, user: UserView, args: dict, now: datetime) -> None:
    case = _writable_case(session, user, args["case_id"])
    plan_id = str(uuid.UUID(args["plan_id"]))
    if session.get(RepaymentPlan, plan_id) is not None:
        return
    request = PlanRequest.from_json(args["request"])
    record_plan(session, user, case, request, plan_id, _at(args), received_at=now)
    record_change(session, case, now)


def _decide_plan(session: Session, user: UserView, args: dict, now: datetime) -> None:
    plan = session.get(RepaymentPlan, str(uuid.UUID(args["plan_id"])))
    if plan is None:
        raise Rejected("no_such_plan")
    case = session.get_one(Case, plan.case_id)
    if user.role is Role.TEAM_LEAD and case.team_id != user.team_id:
        raise Rejected("not_your_team")
    if plan.version != args["version"]:
        raise Rejected("stale")  # decided or changed since the lead saw it
    decide(
        session,
        user,
        plan,
        bool(args["approve"]),
        str(args["reason"])[:500],
        _at(args),
        str(uuid.UUID(args["event_id"])),
        received_at=now,
    )
    record_change(session, case, now)


def _legal_step(session: Session, user: UserView, args: dict, now: datetime) -> None:
    case = _writable_case(session, user, args["case_id"])
    legal = session.get(LegalCase, case.id)
    if (0 if legal is None else legal.version) != args["version"]:
        raise Rejected("stale")  # moved on since this desktop saw it
    apply_step(
        session,
        user,
        case,
        LegalStage(args["to"]),
        date.fromisoformat(args["on"]),
        {str(k): bool(v) for k, v in dict(args["documents"]).items()},
        _at(args),
        str(uuid.UUID(args["event_id"])),
        received_at=now,
    )
    record_change(session, case, now)


def _set_flag(session: Session, user: UserView, args: dict, now: datetime) -> None:
    case = _writable_case(session, user, args["case_id"])
    changed = apply_flag(
        session,
        user,
        case,
        CaseFlag(args["flag"]),
        bool(args["raised"]),
        str(args["reason"])[:500],
        _at(args),
        str(uuid.UUID(args["event_id"])),
        received_at=now,
    )
    if changed:
        record_change(session, case, now)


def _reassign_case(session: Session, user: UserView, args: dict, now: datetime) -> None:
    case_id = args["case_id"]
    if not isinstance(case_id, int) or isinstance(case_id, bool):
        raise Rejected("malformed")
    case = session.get(Case, case_id)
    if case is None:
        raise Rejected("no_such_case")
    previous = apply_move(
        session,
        user,
        case,
        args["from_user_id"],
        int(args["to_user_id"]),
        _at(args),
        str(uuid.UUID(args["event_id"])),
        received_at=now,
    )
    if previous != case.assigned_to:  # both collectors' next pulls learn of it
        record_change(session, case, now, previous_user_id=previous)


_HANDLERS = {
    "log_contact": _log_contact,
    "reassign_case": _reassign_case,
    "set_flag": _set_flag,
    "legal_step": _legal_step,
    "propose_plan": _propose_plan,
    "decide_plan": _decide_plan,
    "record_audit": _record_audit,
    "set_contact_point_status": _set_point_status,
    "set_preferred_contact_point": _set_preferred,
}
