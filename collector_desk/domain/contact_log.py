"""What makes a logged contact acceptable, before anything is written.

Errors are codes with the field they belong to; the UI words them in the collector's language
and shows each beside its field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from collector_desk.domain.contacts import Channel, ContactPointStatus, Direction, Outcome

# Outcomes that only a call can have: a text message is never "busy".
CALL_ONLY = frozenset({Outcome.NO_ANSWER, Outcome.BUSY, Outcome.VOICEMAIL, Outcome.DISCONNECTED})
# Outcomes a lead will ask about: the collector must say what happened.
NOTE_REQUIRED = frozenset(
    {Outcome.REFUSED_TO_PAY, Outcome.DISPUTE, Outcome.HARDSHIP, Outcome.CLAIMS_PAID}
)
NEEDS_NUMBER = frozenset({Channel.CALL, Channel.SMS})
DIALABLE = frozenset({ContactPointStatus.VALID, ContactPointStatus.UNVERIFIED})


MAX_TALK_SECONDS = 12 * 3600  # a phone that reports more has lost track of the call


@dataclass(frozen=True, slots=True)
class LogLimits:
    max_promise_days: int = 30  # how far ahead a promise date may be
    max_callback_days: int = 30
    max_note_chars: int = 2000


DEFAULT_LIMITS = LogLimits()


@dataclass(frozen=True, slots=True)
class ContactEntry:
    channel: Channel
    outcome: Outcome
    contact_point_id: int | None = None
    direction: Direction = Direction.OUTBOUND
    note: str = ""
    promise_amount_minor: int | None = None
    promise_date: date | None = None
    callback_at: datetime | None = None
    # a rebuttable rule the collector chose to go past, and why (kept in the audit trail)
    override_reason: str = ""
    # when the dial was allowed: the rules are judged as of then, not as of the save
    dialed_at: datetime | None = None
    # seconds the customer was on the line, as the phone measured it (0: not measured)
    talk_seconds: int = 0


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CaseContext:
    """What validation needs to know about the case, read in the same transaction."""

    balance_minor: int
    customer_today: date  # in the customer's own time zone
    point_status: ContactPointStatus | None  # of the chosen number, None if none chosen


def validate(
    entry: ContactEntry, case: CaseContext, now: datetime, limits: LogLimits = DEFAULT_LIMITS
) -> list[FieldError]:
    errors: list[FieldError] = []
    if entry.outcome in CALL_ONLY and entry.channel is not Channel.CALL:
        errors.append(FieldError("outcome", "outcome_not_for_channel"))
    if entry.channel in NEEDS_NUMBER and entry.direction is Direction.OUTBOUND:
        if entry.contact_point_id is None:
            errors.append(FieldError("contact_point", "number_required"))
        elif case.point_status is not None and case.point_status not in DIALABLE:
            errors.append(
                FieldError("contact_point", "number_not_dialable", {"status": case.point_status})
            )
    note = entry.note.strip()
    if entry.outcome in NOTE_REQUIRED and not note:
        errors.append(FieldError("note", "note_required"))
    if len(entry.note) > limits.max_note_chars:
        errors.append(FieldError("note", "note_too_long", {"max": limits.max_note_chars}))
    talk = entry.talk_seconds
    if not 0 <= talk <= MAX_TALK_SECONDS or (talk and entry.channel is not Channel.CALL):
        errors.append(FieldError("talk_seconds", "talk_time_impossible"))
    errors += _promise_errors(entry, case, limits)
    errors += _callback_errors(entry, now, limits)
    return errors


def _promise_errors(entry: ContactEntry, case: CaseContext, limits: LogLimits) -> list[FieldError]:
    has_promise = entry.promise_amount_minor is not None or entry.promise_date is not None
    if entry.outcome is not Outcome.PROMISE_TO_PAY:
        return [FieldError("promise_amount", "promise_without_ptp")] if has_promise else []
    errors = []
    amount = entry.promise_amount_minor
    if amount is None:
        errors.append(FieldError("promise_amount", "amount_required"))
    elif isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        errors.append(FieldError("promise_amount", "amount_not_positive"))
    elif amount > case.balance_minor:
        errors.append(
            FieldError("promise_amount", "amount_over_balance", {"balance": case.balance_minor})
        )
    due = entry.promise_date
    if due is None:
        errors.append(FieldError("promise_date", "date_required"))
    elif due < case.customer_today:
        errors.append(FieldError("promise_date", "date_in_past"))
    elif due > case.customer_today + timedelta(days=limits.max_promise_days):
        errors.append(FieldError("promise_date", "date_too_far", {"days": limits.max_promise_days}))
    return errors


def _callback_errors(entry: ContactEntry, now: datetime, limits: LogLimits) -> list[FieldError]:
    at = entry.callback_at
    if entry.outcome is Outcome.CALLBACK_REQUESTED and at is None:
        return [FieldError("callback_at", "callback_required")]
    if at is None:
        return []
    if at.tzinfo is None:
        raise ValueError("callback time must be timezone-aware")
    if at <= now:
        return [FieldError("callback_at", "callback_in_past")]
    if at > now + timedelta(days=limits.max_callback_days):
        return [FieldError("callback_at", "callback_too_far", {"days": limits.max_callback_days})]
    return []
