"""Recording a contact: validated, judged against the policy pack, written with its promise
and the case's new state; the same on a desk (store/cache/actions.py) and on the server
(store/central/push.py)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus, PromiseStatus
from collector_desk.domain.contact_log import (
    DEFAULT_LIMITS,
    CaseContext,
    ContactEntry,
    FieldError,
    LogLimits,
    validate,
)
from collector_desk.domain.contacts import ContactPointStatus, Outcome
from collector_desk.store.shared.case_priority import case_priority
from collector_desk.store.shared.compliance import judge, record_compliance
from collector_desk.store.shared.schema import (
    Case,
    Contact,
    ContactPoint,
    Customer,
    Promise,
)

# Entry errors that depend on the case as it is now, not on what the collector typed.
CHANGED_SINCE = frozenset({"number_not_dialable", "amount_over_balance"})
PROMISE_REMINDER = time(10, 0)  # a promise comes back to the queue at 10:00 customer time


class ContactRejected(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}: {e.code}" for e in errors))
        self.errors = errors


def record_contact(
    session: Session,
    user_id: int,
    case: Case,
    entry: ContactEntry,
    at: datetime,
    contact_id: str,
    promise_id: str | None,
    limits: LogLimits = DEFAULT_LIMITS,
    received_at: datetime | None = None,
    enforce: bool = True,
) -> tuple[Contact, Promise | None, list[FieldError]]:
    """Validate and write one contact with the ids given, and bring the case up to date.

    The desktop calls this when the collector saves; the server calls it again with the same
    ids and time when the push arrives, so both judge and write the contact the same way. The
    desktop refuses a contact the policy pack forbids; the server (enforce=False) keeps one that
    already happened, since facts are accepted because they happened, and audits the breach.
    """
    customer = session.get_one(Customer, case.customer_id)
    zone = ZoneInfo(customer.time_zone)
    point = None
    if entry.contact_point_id is not None:
        point = session.get(ContactPoint, entry.contact_point_id)
        if point is None or point.customer_id != customer.id:
            raise ContactRejected([FieldError("contact_point", "number_not_customers")])
    errors = validate(
        entry,
        CaseContext(
            balance_minor=case.balance_minor,
            customer_today=at.astimezone(zone).date(),
            point_status=None if point is None else point.status,
        ),
        at,
        limits,
    )
    # On the server a contact is a fact that happened: what changed since the desk judged it
    # (the number marked wrong, the balance lowered) keeps it, for a person to review.
    kept = [] if enforce else [e for e in errors if e.code in CHANGED_SINCE]
    errors = [e for e in errors if e not in kept]
    if errors:
        raise ContactRejected(errors)
    decision = judge(
        session, case, entry.channel, entry.contact_point_id, entry.dialed_at or at, entry.direction
    )
    if enforce and decision.blocks:
        raise ContactRejected(
            [FieldError("contact_point", "contact_not_allowed", {"decision": decision})]
        )
    if enforce and decision.warnings and not entry.override_reason.strip():
        raise ContactRejected(
            [FieldError("override_reason", "override_reason_required", {"decision": decision})]
        )

    contact = Contact(
        id=contact_id,
        recorded_at=at,
        server_received_at=received_at,
        case_id=case.id,
        user_id=user_id,
        contact_point_id=entry.contact_point_id,
        channel=entry.channel,
        direction=entry.direction,
        outcome=entry.outcome,
        started_at=at,
        duration_s=entry.talk_seconds,
        note=entry.note.strip(),
    )
    session.add(contact)
    record_compliance(
        session, user_id, case, contact_id, decision, entry.override_reason, at, received_at
    )
    promise = None
    if entry.outcome is Outcome.PROMISE_TO_PAY:
        promise = Promise(
            id=promise_id,
            recorded_at=at,
            server_received_at=received_at,
            case_id=case.id,
            contact_id=contact.id,
            user_id=user_id,
            currency=case.currency,
            amount_minor=entry.promise_amount_minor,
            due_date=entry.promise_date,
            status=PromiseStatus.OPEN,
            paid_minor=0,
        )
        session.add(promise)
    if entry.outcome is Outcome.WRONG_NUMBER and point is not None:
        point.status = ContactPointStatus.WRONG_NUMBER

    if case.last_contact_at is None or case.last_contact_at <= at:
        case.last_contact_at = at
        case.last_outcome = entry.outcome
    if promise is not None:
        case.promise_status = PromiseStatus.OPEN
        case.status = CaseStatus.PROMISED
        case.next_action = "promise_due"
        case.next_action_at = datetime.combine(promise.due_date, PROMISE_REMINDER, zone)
    elif entry.callback_at is not None:
        case.next_action = "callback"
        case.next_action_at = entry.callback_at
    elif case.next_action == "callback" and case.next_action_at and case.next_action_at <= at:
        case.next_action, case.next_action_at = None, None  # the due callback was made
    session.flush()
    case.priority = case_priority(session, case, at).total
    return contact, promise, kept


def mutation_args(contact: Contact, promise: Promise | None, entry: ContactEntry) -> dict:
    """What the server needs to record the same contact: the ids, the time, the entry."""
    return {
        "case_id": contact.case_id,
        "contact_id": contact.id,
        "promise_id": None if promise is None else promise.id,
        "at": contact.started_at.isoformat(),
        "entry": {
            "channel": entry.channel.value,
            "outcome": entry.outcome.value,
            "contact_point_id": entry.contact_point_id,
            "direction": entry.direction.value,
            "note": entry.note,
            "promise_amount_minor": entry.promise_amount_minor,
            "promise_date": None if entry.promise_date is None else entry.promise_date.isoformat(),
            "callback_at": None if entry.callback_at is None else entry.callback_at.isoformat(),
            "override_reason": entry.override_reason,
            "dialed_at": None
            if entry.dialed_at is None
            else entry.dialed_at.astimezone(UTC).isoformat(),
            "talk_seconds": entry.talk_seconds,
        },
    }
