"""One pass over the messages waiting to be sent: each judged again by its pack at the moment it
goes (a text queued at 21:59 waits for the morning), sent through its channel, and its status
recorded as a change of its case, so every desk holding the case learns it on its next pull.

A message is sent inside its own transaction with its row locked (PostgreSQL), so two service
processes never send it twice; a crash after the gateway took it leaves it queued, and the
retry carries the same idempotency key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel
from collector_desk.domain.messages import MessageStatus
from collector_desk.server.sending.channels import Outgoing, Retry, Sender, Undeliverable
from collector_desk.store.central.changes import record_change
from collector_desk.store.central.opt_outs import unsubscribe_token
from collector_desk.store.shared.compliance import judge
from collector_desk.store.shared.outgoing import PREVIEW_TOKEN, unsubscribe_link
from collector_desk.store.shared.schema import Case, ContactPoint, Message

# after the 1st, 2nd, ... failure that may pass; after the last, the message has failed
RETRY_AFTER = (
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(minutes=30),
    timedelta(hours=2),
)
BATCH = 100


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    refused: int = 0
    waiting: int = 0  # held back by the rules until a later time, or no channel configured

    @property
    def handled(self) -> int:
        return self.sent + self.retrying + self.failed + self.refused + self.waiting


def due(engine: Engine, now: datetime, limit: int = BATCH) -> list[str]:
    with Session(engine) as session:
        return list(
            session.scalars(
                select(Message.id)
                .where(Message.status == MessageStatus.QUEUED, Message.next_attempt_at <= now)
                .order_by(Message.next_attempt_at, Message.id)
                .limit(limit)
            )
        )


def send_due(engine: Engine, senders: Mapping[Channel, Sender], now: datetime) -> SendReport:
    report = SendReport()
    for message_id in due(engine, now):
        _send_one(engine, message_id, senders, now, report)
    return report


def _outgoing(session: Session, message: Message, to: str) -> Outgoing:
    """The message as it leaves: an e-mail's unsubscribe link signed for it here, so the link
    never travels to a desk (the stored text keeps the placeholder the desk's preview shows)."""
    body, link = message.body, None
    if message.channel is Channel.EMAIL:
        placeholder = unsubscribe_link(PREVIEW_TOKEN)
        if placeholder in body:
            link = unsubscribe_link(unsubscribe_token(session, message.id))
            body = body.replace(placeholder, link)
    return Outgoing(message.id, to, body, message.subject, message.language, link)


def _send_one(
    engine: Engine,
    message_id: str,
    senders: Mapping[Channel, Sender],
    now: datetime,
    report: SendReport,
) -> None:
    with Session(engine) as session, session.begin():
        message = session.get(Message, message_id, with_for_update=True)
        if message is None or message.status is not MessageStatus.QUEUED:
            return  # another process sent it meanwhile
        case = session.get_one(Case, message.case_id)
        point = session.get_one(ContactPoint, message.contact_point_id)
        decision = judge(session, case, message.channel, point.id, now, leaving_out=message.id)
        if not decision.allowed:
            if decision.next_allowed_at is not None:  # hours, a holiday, a cap: later
                message.next_attempt_at = decision.next_allowed_at
                report.waiting += 1
            else:  # a stop flag, an opt-out, a wrong number since it was queued: never
                message.status = MessageStatus.REFUSED
                message.reason = decision.codes[0][:64]
                message.next_attempt_at = None
                report.refused += 1
            record_change(session, case, now)
            return
        sender = senders.get(message.channel)
        if sender is None:
            message.next_attempt_at = now + RETRY_AFTER[-1]  # IT has not configured it yet
            report.waiting += 1
            return
        outgoing = _outgoing(session, message, point.value)
        message.attempts += 1
        try:
            sent = sender.send(outgoing)
        except Undeliverable as exc:
            message.status, message.reason, message.next_attempt_at = (
                MessageStatus.FAILED,
                exc.code,
                None,
            )
            report.failed += 1
        except Retry as exc:
            message.reason = exc.code
            if message.attempts > len(RETRY_AFTER):
                message.status, message.next_attempt_at = MessageStatus.FAILED, None
                report.failed += 1
            else:
                message.next_attempt_at = now + RETRY_AFTER[message.attempts - 1]
                report.retrying += 1
        else:
            message.status, message.reason = MessageStatus.SENT, None
            message.sent_at, message.provider_ref, message.next_attempt_at = (
                now,
                sent.provider_ref,
                None,
            )
            report.sent += 1
        record_change(session, case, now)
