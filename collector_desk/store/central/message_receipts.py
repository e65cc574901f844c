"""What a gateway reports: a message delivered to the phone, or not (a customer's reply is an
opt-out: opt_outs.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from collector_desk.domain.messages import MessageStatus
from collector_desk.store.central.changes import record_change
from collector_desk.store.shared.schema import Case, Message

# a receipt moves a message on from these; a late or repeated one changes nothing
_AWAITING = (MessageStatus.SENT, MessageStatus.QUEUED)


class NoSuchMessage(LookupError):
    pass


def apply_receipt(
    engine: Engine, ref: str, delivered: bool, code: str | None, now: datetime
) -> MessageStatus:
    """The message the gateway names (by our id or by its own) as delivered or failed; its
    status now. A repeated receipt is harmless."""
    with Session(engine) as session, session.begin():
        message = session.scalars(
            select(Message)
            .where(or_(Message.id == ref, Message.provider_ref == ref))
            .with_for_update()
        ).first()
        if message is None:
            raise NoSuchMessage(ref)
        if message.status not in _AWAITING:
            return message.status
        if delivered:
            message.status, message.delivered_at, message.reason = (
                MessageStatus.DELIVERED,
                now,
                None,
            )
        else:
            message.status, message.reason = MessageStatus.FAILED, (code or "undelivered")[:64]
        message.next_attempt_at = None
        record_change(session, session.get_one(Case, message.case_id), now)
        return message.status
