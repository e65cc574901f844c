"""The policy pack's verdict on a contact, from what the store knows of the case.

The desktop asks before a dial and again when the contact is saved; the server asks once more
when the contact arrives, with the attempts of every collector, so a cap is counted over the
whole team and not just this desktop.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.contacts import Channel, Direction, Outcome
from collector_desk.domain.messages import MessageStatus
from collector_desk.domain.policy import (
    Attempt,
    CaseState,
    Decision,
    PastContact,
    Point,
    may_contact,
)
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.schema import (
    Case,
    CaseFlagRow,
    Contact,
    ContactPoint,
    Customer,
    LegalCase,
    Message,
)

# Audit events that a contact gives rise to get ids made from the contact's, so the desktop
# and the server write the same event once, whichever sees it first.
_AUDIT_NAMESPACE = uuid.UUID("0d8c7d1e-5b7a-4f4e-9a53-5d3c2b8f7a10")


def case_state(session: Session, case: Case) -> CaseState:
    flags = session.scalars(select(CaseFlagRow.flag).where(CaseFlagRow.case_id == case.id))
    legal = session.get(LegalCase, case.id)
    points = session.scalars(
        select(ContactPoint).where(ContactPoint.customer_id == case.customer_id)
    )
    customer_region = session.scalar(select(Customer.region).where(Customer.id == case.customer_id))
    return CaseState(
        zone=ZoneInfo(case.time_zone),
        flags=frozenset(flags),
        legal_stage=None if legal is None else legal.stage,
        points=tuple(_point(p) for p in points),
        region=customer_region,
    )


def _point(p: ContactPoint) -> Point:
    opted = frozenset(Channel(c) for c in p.opted_out or ())
    agreed = frozenset(Channel(c) for c in p.consented or ())
    return Point(p.id, p.relation, p.status, p.kind, _tail(p), opted, agreed)


def _tail(point: ContactPoint) -> str:
    return point.value[-2:] if point.kind.is_phone else ""


def history(session: Session, case_id: int, leaving_out: str | None = None) -> list[PastContact]:
    """The case's contacts and messages as the rules count them; `leaving_out`: a message
    being judged again as it is sent, which must not count against itself."""
    rows = session.execute(
        select(
            Contact.started_at,
            Contact.channel,
            Contact.direction,
            Contact.outcome,
            Contact.contact_point_id,
        ).where(Contact.case_id == case_id)
    )
    past = [PastContact(*row) for row in rows]
    # a message counts as an attempt that reached the number and as a written contact, never
    # as a conversation; one the rules refused never went out
    messages = session.execute(
        select(Message.recorded_at, Message.channel, Message.contact_point_id).where(
            Message.case_id == case_id,
            Message.status != MessageStatus.REFUSED,
            Message.id != (leaving_out or ""),
        )
    )
    past += [
        PastContact(at, channel, Direction.OUTBOUND, Outcome.NO_ANSWER, point_id)
        for at, channel, point_id in messages
    ]
    return past


def judge(
    session: Session,
    case: Case,
    channel: Channel,
    point_id: int | None,
    at: datetime,
    direction: Direction = Direction.OUTBOUND,
    leaving_out: str | None = None,
) -> Decision:
    state = case_state(session, case)
    point = next((p for p in state.points if p.id == point_id), None)
    pack = default_packs().get(case.policy_pack)
    past = history(session, case.id, leaving_out)
    return may_contact(pack, Attempt(channel, point, direction), state, past, at)


def judge_case(session: Session, case: Case, at: datetime) -> tuple[Decision, dict[int, Decision]]:
    """A call to the case, and to each of the customer's numbers, judged now from one read of
    the case's state and history: what the detail pane shows."""
    state = case_state(session, case)
    past = history(session, case.id)
    pack = default_packs().get(case.policy_pack)
    on_case = may_contact(pack, Attempt(Channel.CALL), state, past, at)
    return on_case, {
        p.id: may_contact(pack, Attempt(Channel.CALL, p), state, past, at) for p in state.points
    }


def record_compliance(
    session: Session,
    user_id: int,
    case: Case,
    contact_id: str,
    decision: Decision,
    override_reason: str,
    at: datetime,
    received_at: datetime | None,
) -> None:
    """An override of a rebuttable rule with its reason, or, on the server, a contact that broke
    a rule (it happened, so it is kept) for the team lead to see."""
    reason = override_reason.strip()
    if decision.blocks or (decision.warnings and not reason):
        action = "compliance_breach"
    elif decision.warnings:
        action = "compliance_override"
    else:
        return
    event_id = str(uuid.uuid5(_AUDIT_NAMESPACE, f"{contact_id}:{action}"))
    detail = {"rules": decision.codes, "contact_id": contact_id}
    if reason:
        detail["reason"] = reason
    record_event(session, event_id, user_id, action, "case", str(case.id), detail, at, received_at)


def dial_check(
    engine: Engine, user_id: int, case_id: int, point_id: int | None, channel: Channel, at: datetime
) -> Decision:
    """Before the collector dials (or sends): what the pack says, judged from the cache."""
    with Session(engine) as session:
        case = session.get(Case, case_id)
        if case is None or case.assigned_to != user_id:
            raise PermissionError("not this user's case")
        return judge(session, case, channel, point_id, at)
