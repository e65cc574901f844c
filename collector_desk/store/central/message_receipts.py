"""What a gateway reports: a message delivered to the phone, or not; and a customer's reply
that opts their number out of texts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.contacts import Channel, ContactPointKind
from collector_desk.domain.messages import MessageStatus
from collector_desk.store.central.changes import record_change
from collector_desk.store.shared.schema import Case, ContactPoint, Customer, Message

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


def apply_reply(engine: Engine, sender: str, text: str, now: datetime) -> int:
    """A text a customer sent back: when it is one of their pack's opt-out words (STOP, 退订),
    the number is opted out of texts on every case of its holder, and each desk holding one
    learns it on its next pull. Returns how many numbers were opted out."""
    opted = 0
    with Session(engine) as session, session.begin():
        points = session.scalars(
            select(ContactPoint).where(
                ContactPoint.value == sender, ContactPoint.kind == ContactPointKind.MOBILE
            )
        ).all()
        for point in points:
            customer = session.get_one(Customer, point.customer_id)
            pack = default_packs().get(customer.policy_pack or customer.country)
            if pack is None or not pack.messages.is_opt_out(text):
                continue
            channels = set(point.opted_out or ())
            if Channel.SMS.value in channels:
                continue
            point.opted_out = sorted(channels | {Channel.SMS.value})
            opted += 1
            for case in session.scalars(select(Case).where(Case.customer_id == customer.id)):
                record_change(session, case, now)
    return opted
