"""A message to a customer, worded from a template and judged by the customer's policy pack the
same way on the desk (the preview, and the queue entry an outage keeps) and in the central
store (what is sent, judged again when it arrives)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_legal_rules, letterhead, message_settings
from collector_desk.config.message_templates import default_templates
from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.cases import PlanStatus, PromiseStatus
from collector_desk.domain.contacts import Channel, ContactPointKind, Relation
from collector_desk.domain.messages import (
    Audience,
    CannotCompose,
    Composed,
    MessageFacts,
    MessageStatus,
    compose,
)
from collector_desk.domain.policy import Decision
from collector_desk.store.shared.compliance import judge
from collector_desk.store.shared.schema import (
    CardAccount,
    Case,
    ContactPoint,
    Customer,
    Message,
    PlanInstallment,
    Promise,
    RepaymentPlan,
    User,
)

# a message's preview shows where the unsubscribe link goes; the server signs each one
PREVIEW_TOKEN = "…"


def unsubscribe_link(token: str) -> str:
    return message_settings().unsubscribe_url.format(token=token)


class MessageRefused(ValueError):
    """Why this message cannot go to this point: a code (wrong_kind, wrong_audience,
    unknown_template, no_wording, no_channel, missing_values) or the pack's rule codes."""

    def __init__(self, code: str, decision: Decision | None = None, missing=()) -> None:
        super().__init__(code)
        self.code = code
        self.decision = decision
        self.missing = tuple(missing)


def message_facts(session: Session, case: Case, now: datetime, token: str) -> MessageFacts:
    customer = session.get_one(Customer, case.customer_id)
    language = customer.preferred_language
    today = now.astimezone(ZoneInfo(customer.time_zone)).date()
    settings = message_settings()
    accounts = session.scalars(
        select(CardAccount)
        .where(CardAccount.customer_id == customer.id, CardAccount.overdue_minor > 0)
        .order_by(CardAccount.due_date, CardAccount.id)
    ).all()
    # a reminder asks payment by the account's own due date while it is still ahead, else
    # within the bank's few days: never by a date already gone
    soonest = next((a.due_date for a in accounts if a.due_date >= today), None)
    due = soonest or today + timedelta(days=settings.pay_within_days)
    promise = session.scalars(
        select(Promise)
        .where(Promise.case_id == case.id, Promise.status == PromiseStatus.OPEN)
        .order_by(Promise.due_date.desc())
    ).first()
    plan = session.scalars(
        select(RepaymentPlan).where(
            RepaymentPlan.case_id == case.id, RepaymentPlan.status == PlanStatus.ACTIVE
        )
    ).first()
    installment = (
        None
        if plan is None
        else session.scalars(
            select(PlanInstallment)
            .where(PlanInstallment.plan_id == plan.id)
            .order_by(PlanInstallment.seq)
        ).first()
    )
    head = letterhead()
    pack = default_packs().get(case.policy_pack)
    opt_out = {} if pack is None else pack.messages.opt_out_text
    collector = session.get(User, case.assigned_to)
    return MessageFacts(
        language=language,
        customer_name=customer.full_name,
        bank_name=head.get(f"institution_{language}", head["institution"]),
        callback_number=head["phone"],
        collector_name="" if collector is None else collector.display_name,
        currency=case.currency,
        overdue_minor=case.overdue_minor,
        card_last4=accounts[0].card_last4 if accounts else "",
        due_date=due,
        deadline=today + timedelta(days=default_legal_rules().notice_days),
        promise=None if promise is None else (promise.amount_minor, promise.due_date),
        plan=None
        if plan is None or installment is None
        else (installment.amount_minor, plan.installment_count, plan.first_due_date),
        opt_out=opt_out.get(language) or opt_out.get(language.split("_")[0], ""),
        unsubscribe_link=unsubscribe_link(token),
    )


# which points a channel writes to: an SMS to a mobile, an e-mail to an address
KINDS = {Channel.SMS: {ContactPointKind.MOBILE}, Channel.EMAIL: {ContactPointKind.EMAIL}}


def word_message(
    session: Session,
    case: Case,
    point: ContactPoint,
    template_key: str,
    channel: Channel,
    now: datetime,
    token: str = PREVIEW_TOKEN,
) -> tuple[Composed, Decision]:
    """The message as this customer reads it and the pack's verdict on sending it now;
    MessageRefused when it cannot be written at all."""
    template = default_templates().get(template_key)
    if template is None:
        raise MessageRefused("unknown_template")
    if point.customer_id != case.customer_id or point.kind not in KINDS.get(channel, set()):
        raise MessageRefused("wrong_kind")
    third_party = point.relation is not Relation.SELF
    if third_party != (template.audience is Audience.THIRD_PARTY):
        raise MessageRefused("wrong_audience")
    try:
        composed = compose(template, channel, message_facts(session, case, now, token))
    except CannotCompose as cannot:
        raise MessageRefused(cannot.reason, missing=cannot.missing) from cannot
    return composed, judge(session, case, channel, point.id, now)


def record_message(
    session: Session,
    message_id: uuid.UUID | str,
    case: Case,
    point: ContactPoint,
    template_key: str,
    composed: Composed,
    decision: Decision,
    user_id: int,
    at: datetime,
    received_at: datetime | None = None,
    wait_until_allowed: bool = False,
) -> Message:
    """The message as a fact of the case: queued to be sent, or refused with the pack's first
    reason (the central store keeps a refusal so the desk's history shows why). With
    wait_until_allowed, a message the rules hold back only for a time (hours, a holiday, a
    day's cap) is queued for that time instead: a lead's evening send goes in the morning."""
    later = wait_until_allowed and not decision.allowed and decision.next_allowed_at is not None
    refused = not decision.allowed and not later
    message = Message(
        id=str(message_id),
        recorded_at=at,
        server_received_at=received_at,
        case_id=case.id,
        contact_point_id=point.id,
        user_id=user_id,
        channel=composed.channel,
        template=template_key,
        language=composed.language,
        subject=composed.subject,
        body=composed.body,
        status=MessageStatus.REFUSED if refused else MessageStatus.QUEUED,
        reason=decision.codes[0][:64] if refused else None,
        attempts=0,
        # the central store's sender takes it from the moment it arrived
        next_attempt_at=None if refused else decision.next_allowed_at if later else received_at,
    )
    session.add(message)
    return message
