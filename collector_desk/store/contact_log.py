"""Logging a contact: validate, then one transaction for the facts, the case and the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, delete
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
from collector_desk.store.case_priority import case_priority
from collector_desk.store.outbox import enqueue
from collector_desk.store.schema import (
    Case,
    Contact,
    ContactPoint,
    Customer,
    Draft,
    Promise,
    new_uuid,
)

PROMISE_REMINDER = time(10, 0)  # a promise comes back to the queue at 10:00 customer time


class ContactRejected(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}: {e.code}" for e in errors))
        self.errors = errors


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
    """Record a contact, or raise ContactRejected and change nothing."""
    with Session(engine) as session, session.begin():
        case = session.get(Case, case_id)
        if case is None or case.assigned_to != user_id:
            raise ContactRejected([FieldError("case", "case_not_mine")])
        customer = session.get(Customer, case.customer_id)
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
                customer_today=now.astimezone(zone).date(),
                point_status=None if point is None else point.status,
            ),
            now,
            limits,
        )
        if errors:
            raise ContactRejected(errors)

        contact = Contact(
            id=new_uuid(),
            recorded_at=now,
            case_id=case.id,
            user_id=user_id,
            contact_point_id=entry.contact_point_id,
            channel=entry.channel,
            direction=entry.direction,
            outcome=entry.outcome,
            started_at=now,
            duration_s=0,
            note=entry.note.strip(),
        )
        session.add(contact)
        promise = None
        if entry.outcome is Outcome.PROMISE_TO_PAY:
            promise = Promise(
                id=new_uuid(),
                recorded_at=now,
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

        case.last_contact_at = now
        case.last_outcome = entry.outcome
        if promise is not None:
            case.promise_status = PromiseStatus.OPEN
            case.status = CaseStatus.PROMISED
            case.next_action = "promise_due"
            case.next_action_at = datetime.combine(promise.due_date, PROMISE_REMINDER, zone)
        elif entry.callback_at is not None:
            case.next_action = "callback"
            case.next_action_at = entry.callback_at
        elif case.next_action == "callback" and case.next_action_at and case.next_action_at <= now:
            case.next_action, case.next_action_at = None, None  # the due callback was made
        session.flush()
        case.priority = case_priority(session, case, now).total

        mutation = enqueue(session, "log_contact", _mutation_args(contact, promise, point), now)
        session.execute(delete(Draft).where(Draft.case_id == case.id))
        return LoggedContact(
            contact.id, promise.id if promise else None, mutation.mutation_id, case.priority
        )


def _mutation_args(contact: Contact, promise: Promise | None, point: ContactPoint | None) -> dict:
    """What the server needs to apply the same facts: ids and codes, times as ISO text."""
    args: dict = {
        "contact": {
            "id": contact.id,
            "case_id": contact.case_id,
            "contact_point_id": contact.contact_point_id,
            "channel": contact.channel.value,
            "direction": contact.direction.value,
            "outcome": contact.outcome.value,
            "started_at": contact.started_at.isoformat(),
            "note": contact.note,
        }
    }
    if promise is not None:
        args["promise"] = {
            "id": promise.id,
            "amount_minor": promise.amount_minor,
            "currency": promise.currency,
            "due_date": promise.due_date.isoformat(),
        }
    if point is not None and point.status is ContactPointStatus.WRONG_NUMBER:
        args["contact_point_status"] = {"id": point.id, "status": point.status.value}
    return args
