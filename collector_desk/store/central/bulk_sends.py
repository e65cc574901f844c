"""A lead sends one template to many of their team's cases (every promise due tomorrow): the
central store takes the list, then judges and words each recipient on its own, a slice at a
time, exactly as a collector's message would be, and keeps what became of each for the lead's
report. A recipient the rules hold back only for a time (hours, a holiday) is queued for that
time; one they refuse is kept with the reason; a case no longer the lead's team's is left out."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from collector_desk.config.message_templates import default_templates
from collector_desk.domain.cases import CaseStatus, Role
from collector_desk.domain.contacts import Channel, Relation
from collector_desk.domain.messages import Audience
from collector_desk.store.central.changes import record_change
from collector_desk.store.central.schema import BulkRecipient, BulkSend
from collector_desk.store.shared.outgoing import (
    KINDS,
    MessageRefused,
    record_message,
    word_message,
)
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import Case, ContactPoint, Message, User

MAX_RECIPIENTS = 20_000  # one request; a larger campaign is several sends
SLICE = 200  # recipients judged per transaction: progress shows, locks stay short

QUEUED, WAITING = "queued", "waiting"
NOT_IN_TEAM, NO_ADDRESS = "not_in_team", "no_address"


class BulkRefused(ValueError):
    """unknown_template, third_party_template, no_wording (the template has no text for the
    channel), id_taken (another lead's send has this id)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class BulkReport:
    id: str
    template: str
    channel: Channel
    total: int
    judged: int
    finished: bool
    outcomes: dict[str, int] = field(default_factory=dict)  # queued, waiting, refusal codes
    statuses: dict[str, int] = field(default_factory=dict)  # of the messages: sent, delivered…


def start(
    engine: Engine,
    lead: UserView,
    send_id: uuid.UUID,
    template: str,
    channel: Channel,
    case_ids: list[int],
    now: datetime,
) -> BulkReport:
    """Take the list; the same request again (a lost answer) is the same send."""
    found = default_templates().get(template)
    if found is None:
        raise BulkRefused("unknown_template")
    if found.audience is not Audience.DEBTOR:
        raise BulkRefused("third_party_template")
    if channel not in found.channels:
        raise BulkRefused("no_wording")
    with Session(engine) as session, session.begin():
        existing = session.get(BulkSend, str(send_id))
        if existing is not None:
            if existing.lead_id != lead.id:
                raise BulkRefused("id_taken")
            return _report(session, existing)
        unique = sorted(set(case_ids))
        send = BulkSend(
            id=str(send_id),
            lead_id=lead.id,
            template=template,
            channel=channel,
            total=len(unique),
            created_at=now,
        )
        session.add(send)
        session.flush()
        session.add_all(BulkRecipient(send_id=send.id, case_id=c) for c in unique)
        session.flush()
        return _report(session, send)


def report(engine: Engine, lead: UserView, send_id: uuid.UUID) -> BulkReport | None:
    """The lead's own send as it stands; None for another's or none."""
    with Session(engine) as session:
        send = session.get(BulkSend, str(send_id))
        if send is None or send.lead_id != lead.id:
            return None
        return _report(session, send)


def advance(engine: Engine, send_id: str, now: datetime, size: int = SLICE) -> bool:
    """Judge the next slice of recipients; True when none is left. Slices taken by another
    process are skipped (PostgreSQL), so several may work on one send."""
    with Session(engine) as session, session.begin():
        send = session.get_one(BulkSend, send_id)
        if send.finished_at is not None:
            return True
        lead = session.get_one(User, send.lead_id)
        recipients = session.scalars(
            select(BulkRecipient)
            .where(BulkRecipient.send_id == send_id, BulkRecipient.outcome.is_(None))
            .order_by(BulkRecipient.case_id)
            .limit(size)
            .with_for_update(skip_locked=True)
        ).all()
        for recipient in recipients:
            _judge(session, send, lead, recipient, now)
        if len(recipients) < size and not _pending(session, send_id):
            send.finished_at = now
            return True
        return False


def unfinished(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(
            session.scalars(
                select(BulkSend.id)
                .where(BulkSend.finished_at.is_(None))
                .order_by(BulkSend.created_at)
            )
        )


def _pending(session: Session, send_id: str) -> bool:
    return (
        session.scalar(
            select(BulkRecipient.case_id)
            .where(BulkRecipient.send_id == send_id, BulkRecipient.outcome.is_(None))
            .limit(1)
        )
        is not None
    )


def _judge(
    session: Session, send: BulkSend, lead: User, recipient: BulkRecipient, now: datetime
) -> None:
    case = session.get(Case, recipient.case_id)
    if (
        case is None
        or case.status is CaseStatus.CLOSED
        or (lead.role is not Role.ADMIN and case.team_id != lead.team_id)
    ):
        recipient.outcome = NOT_IN_TEAM
        return
    points = session.scalars(
        select(ContactPoint)
        .where(
            ContactPoint.customer_id == case.customer_id,
            ContactPoint.kind.in_(KINDS[send.channel]),
            ContactPoint.relation == Relation.SELF,
        )
        .order_by(ContactPoint.preferred.desc(), ContactPoint.id)
    ).all()
    # the customer's own addresses, preferred first: the first the rules allow now, else the
    # first they allow later, else the first's refusal
    first_refusal: str | None = None
    chosen = None
    for point in points:
        try:
            composed, decision = word_message(
                session, case, point, send.template, send.channel, now
            )
        except MessageRefused as refused:
            first_refusal = first_refusal or refused.code
            continue
        if decision.allowed:
            chosen = (point, composed, decision)
            break
        if decision.next_allowed_at is not None and chosen is None:
            chosen = (point, composed, decision)
        first_refusal = first_refusal or decision.codes[0]
    if chosen is None:
        recipient.outcome = (first_refusal or NO_ADDRESS)[:64]
        return
    point, composed, decision = chosen
    message = record_message(
        session,
        uuid.uuid4(),
        case,
        point,
        send.template,
        composed,
        decision,
        lead.id,
        now,
        received_at=now,
        wait_until_allowed=True,
    )
    session.flush()  # the message before the row that points at it
    recipient.outcome = QUEUED if decision.allowed else WAITING
    recipient.message_id = message.id
    record_change(session, case, now)


def _report(session: Session, send: BulkSend) -> BulkReport:
    outcomes = {
        str(outcome): n
        for outcome, n in session.execute(
            select(BulkRecipient.outcome, func.count())
            .where(BulkRecipient.send_id == send.id, BulkRecipient.outcome.is_not(None))
            .group_by(BulkRecipient.outcome)
        )
    }
    statuses = Counter(
        dict(
            session.execute(
                select(Message.status, func.count())
                .join(BulkRecipient, BulkRecipient.message_id == Message.id)
                .where(BulkRecipient.send_id == send.id)
                .group_by(Message.status)
            ).all()
        )
    )
    return BulkReport(
        id=send.id,
        template=send.template,
        channel=send.channel,
        total=send.total,
        judged=sum(outcomes.values()),
        finished=send.finished_at is not None,
        outcomes=outcomes,
        statuses={status.value: n for status, n in statuses.items()},
    )
