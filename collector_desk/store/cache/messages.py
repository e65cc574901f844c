"""Messages written on the desk: previewed from the cache, queued with the outbox (so an outage
keeps them like any fact), sent by the central store once it has judged them again."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel
from collector_desk.domain.messages import Composed
from collector_desk.domain.policy import Decision
from collector_desk.store.cache.outbox import enqueue
from collector_desk.store.shared.outgoing import MessageRefused, record_message, word_message
from collector_desk.store.shared.schema import Case, ContactPoint, Message


def _mine(session: Session, user_id: int, case_id: int, point_id: int) -> tuple[Case, ContactPoint]:
    case = session.get(Case, case_id)
    point = session.get(ContactPoint, point_id)
    if case is None or case.assigned_to != user_id:
        raise PermissionError("not this user's case")
    if point is None or point.customer_id != case.customer_id:
        raise MessageRefused("wrong_kind")
    return case, point


def preview(
    engine: Engine,
    user_id: int,
    case_id: int,
    point_id: int,
    template_key: str,
    channel: Channel,
    now: datetime,
) -> tuple[Composed, Decision]:
    """What the customer would read, and whether the pack lets it go now."""
    with Session(engine) as session:
        case, point = _mine(session, user_id, case_id, point_id)
        return word_message(session, case, point, template_key, channel, now)


def queue_message(
    engine: Engine,
    user_id: int,
    case_id: int,
    point_id: int,
    template_key: str,
    channel: Channel,
    now: datetime,
) -> Message:
    """Queue the message for the central store to send; MessageRefused (nothing queued) when
    the pack blocks it now or it cannot be written for this case."""
    with Session(engine) as session, session.begin():
        case, point = _mine(session, user_id, case_id, point_id)
        composed, decision = word_message(session, case, point, template_key, channel, now)
        if not decision.allowed:
            raise MessageRefused("blocked", decision)
        message_id = uuid.uuid4()
        message = record_message(
            session, message_id, case, point, template_key, composed, decision, user_id, now
        )
        enqueue(
            session,
            "send_message",
            {
                "message_id": str(message_id),
                "case_id": case_id,
                "contact_point_id": point_id,
                "channel": channel.value,
                "template": template_key,
                "at": now.isoformat(),
            },
            now,
        )
        session.flush()
        session.expunge(message)
        return message


def messages_of(engine: Engine, case_id: int) -> list[Message]:
    with Session(engine, expire_on_commit=False) as session:
        return list(
            session.scalars(
                select(Message)
                .where(Message.case_id == case_id)
                .order_by(Message.recorded_at.desc(), Message.id)
            )
        )
