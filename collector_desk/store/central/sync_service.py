"""The central store's side of sync: applying pushed mutations exactly once, the change log,
and reading whole cases for pulls, always within the asking user's scope."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select, text, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session

from collector_desk.domain.cases import CaseFlag, Role
from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, ContactPointStatus, Direction, Outcome
from collector_desk.domain.legal import LegalStage
from collector_desk.domain.refusal import Refused
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.contact_log import ContactRejected, record_contact
from collector_desk.store.shared.flags import apply_flag
from collector_desk.store.shared.legal import apply_step
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.plans import PlanRequest, decide, record_plan
from collector_desk.store.shared.reassign import apply_move
from collector_desk.store.shared.rows import to_json
from collector_desk.store.shared.schema import (
    Base,
    CardAccount,
    Case,
    CaseFlagRow,
    Change,
    Contact,
    ContactPoint,
    Customer,
    LegalCase,
    Note,
    Payment,
    PlanInstallment,
    Promise,
    RepaymentPlan,
    SyncClient,
    SyncResult,
    SyncState,
    Team,
    User,
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


@dataclass(frozen=True, slots=True)
class Cursor:
    store: str
    tx: int
    id: int

    def text(self) -> str:
        return f"{self.store}.{self.tx}.{self.id}"

    @classmethod
    def parse(cls, value: str) -> Cursor:
        store, tx, id_ = value.split(".")
        return cls(str(uuid.UUID(store)), int(tx), int(id_))


# -- push ---------------------------------------------------------------------------------


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
            found = session.get(SyncClient, client_id)
            if found is not None and found.user_id != user.id:
                raise NotYourClient(client_id)
            last = found.last_mutation_id if found else 0
    return last, results


def _client(session: Session, user: UserView, client_id: str, now: datetime) -> SyncClient:
    query = select(SyncClient).where(SyncClient.client_id == client_id).with_for_update()
    client = session.scalars(query).first()
    if client is None:
        client = SyncClient(
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


# -- the change log -----------------------------------------------------------------------


def record_change(
    session: Session,
    case: Case,
    now: datetime,
    previous_user_id: int | None = None,
    previous_team_id: int | None = None,
) -> None:
    """Note that a case changed, in the transaction that changed it."""
    postgres = session.get_bind().dialect.name == "postgresql"
    session.add(
        Change(
            tx=text("pg_current_xact_id()::text::bigint") if postgres else 0,
            case_id=case.id,
            user_id=case.assigned_to,
            previous_user_id=previous_user_id,
            team_id=case.team_id,
            previous_team_id=previous_team_id,
            at=now,
        )
    )
    session.flush()


def store_id(engine: Engine) -> str:
    """This central store's identity, so a cursor from another store is recognised."""
    with Session(engine) as session, session.begin():
        found = session.get(SyncState, "store_id")
        if found is None:
            found = SyncState(key="store_id", value=str(uuid.uuid4()))
            session.add(found)
        return found.value


def _visible_bound(conn: Connection) -> int | None:
    """On PostgreSQL: every change with a smaller tx has committed (or never will)."""
    if conn.dialect.name != "postgresql":
        return None
    return conn.scalar(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))


def bound_cursor(conn: Connection, store: str) -> Cursor:
    """Where incremental pulls start after a full read made now."""
    bound = _visible_bound(conn)
    query = select(Change.tx, Change.id).order_by(Change.tx.desc(), Change.id.desc()).limit(1)
    if bound is not None:
        query = query.where(Change.tx < bound)
    row = conn.execute(query).first()
    return Cursor(store, *(row if row else (0, 0)))


def _scope(user: UserView):
    if user.role is Role.ADMIN:
        return text("1 = 1")
    if user.role is Role.TEAM_LEAD:
        return Case.team_id == user.team_id
    return Case.assigned_to == user.id


def _change_scope(user: UserView):
    if user.role is Role.ADMIN:
        return text("1 = 1")
    if user.role is Role.TEAM_LEAD:
        return or_(Change.team_id == user.team_id, Change.previous_team_id == user.team_id)
    return or_(Change.user_id == user.id, Change.previous_user_id == user.id)


def changed_cases(
    conn: Connection, user: UserView, cursor: Cursor, limit: int
) -> tuple[list[int], Cursor, bool]:
    """Case ids changed after cursor in this user's scope, in commit order, and the new cursor.

    Reads only changes of transactions older than every one still running, so a transaction
    that took its number early and commits late is delivered, never stepped over.
    """
    bound = _visible_bound(conn)
    query = (
        select(Change.tx, Change.id, Change.case_id)
        .where(tuple_(Change.tx, Change.id) > tuple_(cursor.tx, cursor.id), _change_scope(user))
        .order_by(Change.tx, Change.id)
        .limit(limit + 1)
    )
    if bound is not None:
        query = query.where(Change.tx < bound)
    rows = conn.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    if not rows:
        return [], cursor, False
    last = rows[-1]
    return (
        list(dict.fromkeys(r.case_id for r in rows)),
        Cursor(cursor.store, last.tx, last.id),
        more,
    )


def cases_in_scope(conn: Connection, user: UserView, after_case: int, limit: int) -> list[int]:
    return list(
        conn.scalars(
            select(Case.id).where(_scope(user), Case.id > after_case).order_by(Case.id).limit(limit)
        )
    )


def snapshots(
    conn: Connection, user: UserView, case_ids: Sequence[int]
) -> tuple[list[dict], list[int]]:
    """Whole cases as they are now, for those of case_ids still in scope; the rest removed."""
    with Session(bind=conn) as session:
        cases = {
            c.id: c
            for c in session.scalars(select(Case).where(Case.id.in_(case_ids), _scope(user)))
        }
        removed = [i for i in case_ids if i not in cases]
        if not cases:
            return [], removed
        ids = list(cases)
        customers = {
            c.id: c
            for c in session.scalars(
                select(Customer).where(Customer.id.in_({c.customer_id for c in cases.values()}))
            )
        }

        def by(
            model: type[Base], column: InstrumentedAttribute[Any], keys: Iterable[Any]
        ) -> dict[Any, list[dict[str, Any]]]:
            grouped: dict[Any, list[dict[str, Any]]] = {}
            for row in session.scalars(select(model).where(column.in_(keys))):
                grouped.setdefault(getattr(row, column.key), []).append(to_json(row))
            return grouped

        accounts = by(CardAccount, CardAccount.customer_id, customers)
        points = by(ContactPoint, ContactPoint.customer_id, customers)
        flags = by(CaseFlagRow, CaseFlagRow.case_id, ids)
        contacts = by(Contact, Contact.case_id, ids)
        promises = by(Promise, Promise.case_id, ids)
        payments = by(Payment, Payment.case_id, ids)
        notes = by(Note, Note.case_id, ids)
        plans = by(RepaymentPlan, RepaymentPlan.case_id, ids)
        legal = by(LegalCase, LegalCase.case_id, ids)
        plan_ids = [p["id"] for rows in plans.values() for p in rows]
        installments = by(PlanInstallment, PlanInstallment.plan_id, plan_ids)
        out = []
        for case_id, case in cases.items():
            case_plans = plans.get(case_id, [])
            out.append(
                {
                    "cases": [to_json(case)],
                    "customers": [to_json(customers[case.customer_id])],
                    "card_accounts": accounts.get(case.customer_id, []),
                    "contact_points": points.get(case.customer_id, []),
                    "case_flags": flags.get(case_id, []),
                    "contacts": contacts.get(case_id, []),
                    "promises": promises.get(case_id, []),
                    "payments": payments.get(case_id, []),
                    "notes": notes.get(case_id, []),
                    "repayment_plans": case_plans,
                    "legal_cases": legal.get(case_id, []),
                    "plan_installments": [
                        i for p in case_plans for i in installments.get(p["id"], [])
                    ],
                }
            )
        return out, removed


def count_changes(conn: Connection) -> int:
    return conn.scalar(select(func.count()).select_from(Change)) or 0


def people(conn: Connection, snapshots_: Sequence[dict], me: UserView | None = None) -> dict:
    """The users (and their teams) that pulled cases refer to: assignees and authors; the
    asking user, whom a team lead's cache needs although no case is assigned to them; and for a
    lead, every member of the team, so cases can move to a collector who has none yet."""
    user_ids: set[int] = set() if me is None else {me.id}
    if me is not None and me.role is Role.TEAM_LEAD:
        user_ids.update(conn.scalars(select(User.id).where(User.team_id == me.team_id)))
    for snap in snapshots_:
        for table, keys in (
            ("cases", ("assigned_to",)),
            ("contacts", ("user_id",)),
            ("promises", ("user_id",)),
            ("notes", ("user_id",)),
            ("case_flags", ("raised_by",)),
            ("repayment_plans", ("user_id", "approved_by")),
        ):
            for row in snap.get(table, []):
                user_ids.update(row[k] for k in keys if row.get(k) is not None)
    if not user_ids:
        return {"teams": [], "users": []}
    with Session(bind=conn) as session:
        users = session.scalars(select(User).where(User.id.in_(user_ids))).all()
        team_ids = {u.team_id for u in users if u.team_id is not None}
        teams = session.scalars(select(Team).where(Team.id.in_(team_ids))).all()
        return {"teams": [to_json(t) for t in teams], "users": [to_json(u) for u in users]}


def scope_ids(conn: Connection, user: UserView) -> list[int]:
    return list(conn.scalars(select(Case.id).where(_scope(user)).order_by(Case.id)))
