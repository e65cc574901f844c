"""Small actions on a customer's record from the detail pane, each one transaction + outbox.

Revealing a masked identifier is read access to personal data: it leaves an audit fact (ids
and codes only) that is synced like any other fact.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel, ContactPointStatus
from collector_desk.store.cache.outbox import enqueue
from collector_desk.store.shared.schema import AuditEvent, Case, ContactPoint, Customer, new_uuid


class NotYourCase(PermissionError):
    pass


def _my_case(session: Session, user_id: int, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.assigned_to != user_id:
        raise NotYourCase(case_id)
    return case


def reveal_national_id(engine: Engine, user_id: int, case_id: int, now: datetime) -> str:
    with Session(engine) as session, session.begin():
        case = _my_case(session, user_id, case_id)
        customer = session.get_one(Customer, case.customer_id)
        event = AuditEvent(
            id=new_uuid(),
            recorded_at=now,
            user_id=user_id,
            action="reveal_national_id",
            entity="customer",
            entity_id=str(customer.id),
            detail={"case_id": case_id},
        )
        session.add(event)
        enqueue(
            session,
            "record_audit",
            {
                "id": event.id,
                "action": event.action,
                "entity": event.entity,
                "entity_id": event.entity_id,
                "detail": event.detail,
                "recorded_at": now.isoformat(),
            },
            now,
        )
        return customer.national_id


def set_point_status(
    engine: Engine,
    user_id: int,
    case_id: int,
    point_id: int,
    status: ContactPointStatus,
    now: datetime,
) -> None:
    with Session(engine) as session, session.begin():
        point = _point(session, user_id, case_id, point_id)
        point.status = status
        enqueue(
            session,
            "set_contact_point_status",
            {"case_id": case_id, "contact_point_id": point_id, "status": status.value},
            now,
        )


def set_consent(
    engine: Engine,
    user_id: int,
    case_id: int,
    point_id: int,
    channel: Channel,
    given: bool,
    now: datetime,
) -> None:
    """The holder agreed to messages by this channel at this point (or took it back)."""
    with Session(engine) as session, session.begin():
        point = _point(session, user_id, case_id, point_id)
        channels = set(point.consented or ())
        point.consented = sorted(
            channels | {channel.value} if given else channels - {channel.value}
        )
        enqueue(
            session,
            "set_consent",
            {
                "case_id": case_id,
                "contact_point_id": point_id,
                "channel": channel.value,
                "given": given,
                "at": now.isoformat(),
            },
            now,
        )


def set_preferred(engine: Engine, user_id: int, case_id: int, point_id: int, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        point = _point(session, user_id, case_id, point_id)
        session.execute(
            update(ContactPoint)
            .where(ContactPoint.customer_id == point.customer_id)
            .values(preferred=False)
        )
        point.preferred = True
        enqueue(
            session,
            "set_preferred_contact_point",
            {"case_id": case_id, "contact_point_id": point_id},
            now,
        )


def _point(session: Session, user_id: int, case_id: int, point_id: int) -> ContactPoint:
    case = _my_case(session, user_id, case_id)
    point = session.get(ContactPoint, point_id)
    if point is None or point.customer_id != case.customer_id:
        raise NotYourCase(case_id)
    return point
