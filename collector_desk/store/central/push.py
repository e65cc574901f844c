"""Pushes from the desks: each mutation applied exactly once, in order, in its own
transaction with the client's mark, by the same rules the desk ran (store/shared).

A business rejection (the case moved to another team meanwhile, a plan over the lead's
authority) is recorded as the mutation's result and still advances the mark, so a desk's queue
never wedges; a fault advances nothing and the desk retries.
"""

from __future__ import annotations

import logging
import traceback
import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from collector_desk.config.loaders import correction_window
from collector_desk.domain.cases import Role
from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel
from collector_desk.domain.corrections import Correction
from collector_desk.domain.mutations import (
    INT32_MAX,
    CorrectContact,
    DecidePlan,
    InvalidMutation,
    LegalStep,
    LogContact,
    Mutation,
    ProposePlan,
    PushedMutation,
    ReassignCase,
    RecordAudit,
    SendMessage,
    SetConsent,
    SetContactPointStatus,
    SetFlag,
    SetPreferredContactPoint,
    parse_mutation,
)
from collector_desk.domain.plans import Affordability
from collector_desk.domain.refusal import Refused
from collector_desk.store.central.changes import record_change
from collector_desk.store.central.schema import Change, RegisteredClient, SyncResult
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.contact_log import ContactRejected, record_contact
from collector_desk.store.shared.corrections import apply_correction
from collector_desk.store.shared.flags import apply_flag
from collector_desk.store.shared.legal import apply_step
from collector_desk.store.shared.outgoing import MessageRefused, record_message, word_message
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.plans import PlanRequest, decide, record_plan
from collector_desk.store.shared.reassign import apply_move
from collector_desk.store.shared.schema import (
    Case,
    Contact,
    ContactCorrection,
    ContactPoint,
    LegalCase,
    Message,
    RepaymentPlan,
)

log = logging.getLogger(__name__)

# A contact that happened is kept even when the case changed before it arrived; what no longer
# fits is an audit event a lead sees in the team's trail (GET /api/v1/team/audit?action=...).
KEPT_FOR_REVIEW = {
    "number_not_dialable": "contact_on_unavailable_number",  # marked wrong or DNC meanwhile
    "amount_over_balance": "promise_over_balance",  # the balance went down meanwhile
}


class NotYourClient(PermissionError):
    """A client id already registered to another user."""


class OutOfOrder(ValueError):
    """A mutation number that skips ahead: earlier ones were never received."""


class ServerFault(RuntimeError):
    """A mutation failed for a reason that is no rule's: a bug. Nothing of it was applied."""

    def __init__(self, mutation_id: int, name: str) -> None:
        super().__init__(f"mutation {mutation_id} could not be applied")
        self.mutation_id = mutation_id
        self.name = name


class Rejected(ValueError):
    """A business rejection: recorded as the mutation's result, and the queue moves on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def apply_push(
    engine: Engine,
    user: UserView,
    client_id: str,
    mutations: Sequence[PushedMutation],
    now: datetime,
) -> tuple[int, list[tuple[int, str, str | None]]]:
    """Apply the mutations in order, in one transaction with one durable commit; each in a
    savepoint of its own, so each succeeds or fails alone. Returns the client's last applied
    number and (id, status, reason) for every mutation of this push, including repeats.

    A mutation whose arguments do not fit its kind is rejected on its own (`invalid: <field>`)
    and the mark moves on. Any other failure is a bug here: logged with the mutation's number
    and kind only, its savepoint rolled back, what came before it in the push committed, and
    ServerFault raised (the desk retries from the mark, so nothing is applied twice)."""
    results: list[tuple[int, str, str | None]] = []
    last = 0
    refusal: Exception | None = None
    if mutations:
        with Session(engine) as session, session.begin():
            client = _client(session, user, client_id, now)  # locked until the commit
            last = client.last_mutation_id
            for pushed in mutations:
                if pushed.id <= last:  # pushed before: report what happened then
                    previous = session.get(SyncResult, (client_id, pushed.id))
                    results.append(
                        (
                            pushed.id,
                            previous.status if previous else "applied",
                            previous.reason if previous else None,
                        )
                    )
                    continue
                if pushed.id != last + 1:  # what came before the gap is kept
                    refusal = OutOfOrder(f"expected mutation {last + 1}, got {pushed.id}")
                    break
                try:
                    status, reason = _apply_one(session, user, pushed, now)
                except Exception as exc:
                    # never the message or the arguments: they may hold notes, names, numbers
                    log.error(
                        "push: mutation %d (%s) of client %s failed with %s; nothing applied\n%s",
                        pushed.id,
                        pushed.name if pushed.name in KINDS else "?",
                        client_id,
                        type(exc).__name__,
                        "".join(traceback.format_tb(exc.__traceback__)),
                    )
                    refusal = ServerFault(pushed.id, pushed.name)
                    break
                session.add(
                    SyncResult(
                        client_id=client_id,
                        mutation_id=pushed.id,
                        status=status,
                        reason=reason,
                        recorded_at=now,
                    )
                )
                client.last_mutation_id = last = pushed.id
                client.updated_at = now
                results.append((pushed.id, status, reason))
    if refusal is not None:  # raised once what came before it is committed
        raise refusal
    if not mutations:
        with Session(engine) as session:
            found = session.get(RegisteredClient, client_id)
            if found is not None and found.user_id != user.id:
                raise NotYourClient(client_id)
            last = found.last_mutation_id if found else 0
    return last, results


def _apply_one(
    session: Session, user: UserView, pushed: PushedMutation, now: datetime
) -> tuple[str, str | None]:
    """One mutation in its own savepoint: applied, or rejected with its effects undone. A bug
    (any other exception) rolls the savepoint back and propagates."""
    try:
        mutation = parse_mutation(pushed)
    except InvalidMutation as invalid:
        return "rejected", invalid.reason
    try:
        with session.begin_nested():
            _apply(session, user, mutation, now)
    except InvalidMutation as invalid:
        return "rejected", invalid.reason
    except Rejected as rejection:
        with session.begin_nested():
            _undo_on_the_desk(session, mutation, now)
        return "rejected", rejection.reason
    return "applied", None


def _undo_on_the_desk(session: Session, mutation: Mutation, now: datetime) -> None:
    """A refused correction was already shown on the desk that made it: the contact's case is
    marked changed, so that desk's next pull brings the contact back as the server holds it."""
    if isinstance(mutation, CorrectContact):
        contact = session.get(Contact, str(mutation.args.contact_id))
        if contact is not None:
            record_change(session, session.get_one(Case, contact.case_id), now)


def _client(session: Session, user: UserView, client_id: str, now: datetime) -> RegisteredClient:
    """This desk's mark, locked for the mutation; registered on its first push. Two pushes
    racing to register the same id: the loser's insert fails and it takes the winner's row."""
    query = (
        select(RegisteredClient).where(RegisteredClient.client_id == client_id).with_for_update()
    )
    client = session.scalars(query).first()
    if client is None:
        try:
            with session.begin_nested():
                client = RegisteredClient(
                    client_id=client_id, user_id=user.id, last_mutation_id=0, updated_at=now
                )
                session.add(client)
                session.flush()
        except IntegrityError:
            client = session.scalars(query.execution_options(populate_existing=True)).one()
    if client.user_id != user.id:
        raise NotYourClient(client_id)
    return client


def _writable_case(session: Session, user: UserView, case_id: int, state: bool = False) -> Case:
    """A case this user may write about: theirs now, or, for facts, theirs before it was moved
    (a call logged offline about a case that left their queue happened, and is kept).

    A change of state (a flag, a number's status, the preferred number, a legal step, a plan)
    is taken only from the case's owner now, or its team's lead: a former owner's arrives as
    `moved_meanwhile` and stays on their desk's list of refused changes."""
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
    if state:
        raise Rejected("moved_meanwhile")
    return case


def _log_contact(session: Session, user: UserView, m: LogContact, now: datetime) -> None:
    args = m.args
    case = _writable_case(session, user, args.case_id)
    contact_id = str(args.contact_id)
    if session.get(Contact, contact_id) is not None:
        return  # the same fact again (another client id, a restored backup): already here
    e = args.entry
    entry = ContactEntry(
        channel=e.channel,
        outcome=e.outcome,
        contact_point_id=e.contact_point_id,
        direction=e.direction,
        note=e.note,
        promise_amount_minor=e.promise_amount_minor,
        promise_date=e.promise_date,
        callback_at=e.callback_at,
        override_reason=(e.override_reason or "")[:500],
        dialed_at=e.dialed_at,
        talk_seconds=e.talk_seconds,
    )
    promise_id = None if args.promise_id is None else str(args.promise_id)
    try:
        _contact, _promise, kept = record_contact(
            session,
            user.id,
            case,
            entry,
            args.at,
            contact_id,
            promise_id,
            received_at=now,
            enforce=False,
        )
    except ContactRejected as rejected:
        raise Rejected(rejected.errors[0].code) from rejected
    for error in kept:  # what no longer fits becomes work for a person, never a deletion
        record_event(
            session,
            str(uuid.uuid5(uuid.UUID(contact_id), error.code)),  # the same fact, the same event
            user.id,
            KEPT_FOR_REVIEW[error.code],
            "case",
            str(case.id),
            {"contact_id": contact_id, "promise_id": promise_id, "code": error.code}
            | {k: v for k, v in error.params.items() if isinstance(v, int | str)},
            args.at,
            now,
        )
    record_change(session, case, now)


def _correct_contact(session: Session, user: UserView, m: CorrectContact, now: datetime) -> None:
    """Judged again here, by the server's clock and the user's role now; a correction is the
    contact's case's state, so only the case's owner now (or its lead) makes one, and a move
    goes only to a case the user may write about too."""
    args = m.args
    correction_id = str(args.id)
    if session.get(ContactCorrection, correction_id) is not None:
        return  # the same fact again: already here
    contact = session.get(Contact, str(args.contact_id))
    if contact is None:
        raise Rejected("no_such_contact")
    old_case = _writable_case(session, user, contact.case_id, state=True)
    new_case = old_case
    if args.case_id is not None and args.case_id != old_case.id:
        new_case = _writable_case(session, user, args.case_id, state=True)
    correction = Correction(
        reason=args.reason, outcome=args.outcome, note=args.note, case_id=args.case_id
    )
    apply_correction(
        session,
        user,
        contact,
        correction,
        correction_id,
        args.at,
        now,
        correction_window(),
        received_at=now,
    )
    for case in dict.fromkeys((old_case, new_case)):
        record_change(session, case, now)


def _case_ids(value: object) -> list[int] | None:
    """A list of case ids an audit event names, each within the id column's range."""
    if not isinstance(value, list):
        return None
    ids = [i for i in value if isinstance(i, int) and not isinstance(i, bool)]
    if len(ids) != len(value) or not all(1 <= i <= INT32_MAX for i in ids):
        return None
    return ids


def _record_audit(session: Session, user: UserView, m: RecordAudit, now: datetime) -> None:
    """Only what a desk records, about what its user may see: a reveal of the customer of a
    case they may write about; a lead's export of their own team's cases."""
    args = m.args
    if args.action == "customer_list_exported":
        if not user.role.is_lead:
            raise Rejected("not_a_team_lead")  # only a lead exports; anything else is a forgery
        listed = _case_ids(args.detail.get("case_ids", []))
        if listed is None:
            raise Rejected("invalid: detail.case_ids")
        if user.role is Role.TEAM_LEAD and listed:
            foreign = session.scalar(
                select(Case.id).where(Case.id.in_(listed), Case.team_id != user.team_id).limit(1)
            )
            if foreign is not None:
                raise Rejected("not_your_team")
    else:  # reveal_national_id
        about = _case_ids([args.detail.get("case_id")])
        if about is None or args.entity != "customer":
            raise Rejected("invalid: detail.case_id")
        case = _writable_case(session, user, about[0])
        if str(case.customer_id) != args.entity_id:
            raise Rejected("not_your_case")
    record_event(
        session,
        str(args.id),
        user.id,
        args.action,
        args.entity,
        args.entity_id,
        dict(args.detail),
        args.recorded_at,
        now,
    )


def _point_of(
    session: Session, user: UserView, case_id: int, point_id: int
) -> tuple[Case, ContactPoint]:
    case = _writable_case(session, user, case_id, state=True)
    point = session.get(ContactPoint, point_id)
    if point is None or point.customer_id != case.customer_id:
        raise Rejected("number_not_customers")
    return case, point


def _set_point_status(
    session: Session, user: UserView, m: SetContactPointStatus, now: datetime
) -> None:
    case, point = _point_of(session, user, m.args.case_id, m.args.contact_point_id)
    point.status = m.args.status
    record_change(session, case, now)


def _set_consent(session: Session, user: UserView, m: SetConsent, now: datetime) -> None:
    """Kept as the point's state and in the audit trail: who heard the customer agree (or take
    it back), when, for which channel; never the number."""
    args = m.args
    case, point = _point_of(session, user, args.case_id, args.contact_point_id)
    channels = set(point.consented or ())
    if args.given == (args.channel.value in channels):
        return  # already so
    point.consented = sorted(channels ^ {args.channel.value})
    record_event(
        session,
        str(uuid.uuid4()),  # a push applies each mutation once
        user.id,
        "consent_given" if args.given else "consent_withdrawn",
        "contact_point",
        str(point.id),
        {"channel": args.channel.value, "case_id": case.id},
        args.at,
        received_at=now,
    )
    record_change(session, case, now)


def _set_preferred(
    session: Session, user: UserView, m: SetPreferredContactPoint, now: datetime
) -> None:
    case, point = _point_of(session, user, m.args.case_id, m.args.contact_point_id)
    for other in session.scalars(
        select(ContactPoint).where(ContactPoint.customer_id == point.customer_id)
    ):
        other.preferred = other.id == point.id
    record_change(session, case, now)


def _propose_plan(session: Session, user: UserView, m: ProposePlan, now: datetime) -> None:
    args = m.args
    case = _writable_case(session, user, args.case_id, state=True)
    plan_id = str(args.plan_id)
    if session.get(RepaymentPlan, plan_id) is not None:
        return
    r = args.request
    a = r.affordability
    request = PlanRequest(
        kind=r.kind,
        count=r.count,
        waived_minor=r.waived_minor,
        first_due=r.first_due,
        affordability=None
        if a is None
        else Affordability(a.income_minor, a.expenses_minor, a.obligations_minor),
    )
    record_plan(session, user, case, request, plan_id, args.at, received_at=now)
    record_change(session, case, now)


def _decide_plan(session: Session, user: UserView, m: DecidePlan, now: datetime) -> None:
    args = m.args
    plan = session.get(RepaymentPlan, str(args.plan_id))
    if plan is None:
        raise Rejected("no_such_plan")
    case = session.get_one(Case, plan.case_id)
    if user.role is Role.TEAM_LEAD and case.team_id != user.team_id:
        raise Rejected("not_your_team")
    if plan.version != args.version:
        raise Rejected("stale")  # decided or changed since the lead saw it
    decide(
        session,
        user,
        plan,
        args.approve,
        args.reason[:500],
        args.at,
        str(args.event_id),
        received_at=now,
    )
    record_change(session, case, now)


def _legal_step(session: Session, user: UserView, m: LegalStep, now: datetime) -> None:
    args = m.args
    case = _writable_case(session, user, args.case_id, state=True)
    legal = session.get(LegalCase, case.id)
    if (0 if legal is None else legal.version) != args.version:
        raise Rejected("stale")  # moved on since this desktop saw it
    apply_step(
        session,
        user,
        case,
        args.to,
        args.on,
        dict(args.documents),
        args.at,
        str(args.event_id),
        received_at=now,
    )
    record_change(session, case, now)


def _set_flag(session: Session, user: UserView, m: SetFlag, now: datetime) -> None:
    args = m.args
    case = _writable_case(session, user, args.case_id, state=True)
    changed = apply_flag(
        session,
        user,
        case,
        args.flag,
        args.raised,
        args.reason[:500],
        args.at,
        str(args.event_id),
        received_at=now,
    )
    if changed:
        record_change(session, case, now)


def _reassign_case(session: Session, user: UserView, m: ReassignCase, now: datetime) -> None:
    args = m.args
    case = session.get(Case, args.case_id)
    if case is None:
        raise Rejected("no_such_case")
    previous = apply_move(
        session,
        user,
        case,
        args.from_user_id,
        args.to_user_id,
        args.at,
        str(args.event_id),
        received_at=now,
    )
    if previous != case.assigned_to:  # both collectors' next pulls learn of it
        record_change(session, case, now, previous_user_id=previous)


def _send_message(session: Session, user: UserView, m: SendMessage, now: datetime) -> None:
    """Judged again here, with the store's own history (another desk's call, a cap reached
    while this one was offline): a message the pack now refuses is kept as refused, never sent.
    The text is worded from the store's copy of the case, not taken from the desk."""
    args = m.args
    if session.get(Message, str(args.message_id)) is not None:
        return  # a retried push: recorded once
    case, point = _point_of(session, user, args.case_id, args.contact_point_id)
    try:
        composed, decision = word_message(
            session, case, point, args.template, Channel(args.channel), now
        )
    except MessageRefused as refused:
        raise Rejected(refused.code) from refused
    record_message(
        session,
        args.message_id,
        case,
        point,
        args.template,
        composed,
        decision,
        user.id,
        args.at,
        received_at=now,
    )
    record_change(session, case, now)


def _apply(session: Session, user: UserView, mutation: Mutation, now: datetime) -> None:
    """Run the mutation's rule. A refusal by a rule becomes Rejected; anything else that goes
    wrong is a bug here and propagates (the push answers 500, nothing advances)."""
    try:
        match mutation:
            case LogContact():
                _log_contact(session, user, mutation, now)
            case CorrectContact():
                _correct_contact(session, user, mutation, now)
            case ReassignCase():
                _reassign_case(session, user, mutation, now)
            case SetFlag():
                _set_flag(session, user, mutation, now)
            case LegalStep():
                _legal_step(session, user, mutation, now)
            case ProposePlan():
                _propose_plan(session, user, mutation, now)
            case DecidePlan():
                _decide_plan(session, user, mutation, now)
            case RecordAudit():
                _record_audit(session, user, mutation, now)
            case SetContactPointStatus():
                _set_point_status(session, user, mutation, now)
            case SetPreferredContactPoint():
                _set_preferred(session, user, mutation, now)
            case SendMessage():
                _send_message(session, user, mutation, now)
            case SetConsent():
                _set_consent(session, user, mutation, now)
    except Refused as refused:  # the plan, legal and flag rules said no: say why
        raise Rejected(refused.code) from refused


KINDS = (
    "log_contact",
    "correct_contact",
    "reassign_case",
    "set_flag",
    "legal_step",
    "propose_plan",
    "decide_plan",
    "record_audit",
    "set_contact_point_status",
    "set_preferred_contact_point",
    "send_message",
    "set_consent",
)
