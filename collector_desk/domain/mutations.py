"""The changes a desk records and the central store applies, as data: one model per kind,
every field bounded to what both databases hold. The desk queues them in its outbox; the
server parses each on its own (parse_mutation), so one that does not fit is refused alone."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    TypeAdapter,
    ValidationError,
)

from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contact_log import MAX_TALK_SECONDS
from collector_desk.domain.contacts import Channel, ContactPointStatus, Direction, Outcome
from collector_desk.domain.legal import LegalStage
from collector_desk.domain.plans import OfferKind

# -- bounds of every field a desk sends: what both databases' columns can hold -------------
INT32_MAX = 2**31 - 1  # Integer columns (ids, versions, mutation numbers)
INT64_MAX = 2**63 - 1  # BigInteger columns (money in minor units)
FIRST_YEAR, LAST_YEAR = 2000, 2099  # a time outside these is a broken clock or a forgery
MAX_TEXT = 10_000  # a note or a reason (Text columns; the desk caps notes at 2,000)


def _no_nul(value: str) -> str:
    if "\x00" in value:  # PostgreSQL refuses U+0000 in text
        raise ValueError("U+0000 is not allowed")
    return value


def _sane_year(value: date) -> date:  # a datetime is a date too
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"year outside {FIRST_YEAR}-{LAST_YEAR}")
    return value


def _plain_json(value: Any, depth: int = 0) -> Any:
    """An audit event's detail: JSON without U+0000, at most a few levels deep."""
    if depth > 4:
        raise ValueError("nested too deep")
    if isinstance(value, str):
        return _no_nul(value)
    if isinstance(value, dict):
        for key, item in value.items():
            _no_nul(key)
            _plain_json(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _plain_json(item, depth + 1)
    return value


Id = Annotated[int, Strict(), Field(ge=1, le=INT32_MAX)]
Version = Annotated[int, Strict(), Field(ge=0, le=INT32_MAX)]
Minor = Annotated[int, Strict(), Field(ge=0, le=INT64_MAX)]
Moment = Annotated[AwareDatetime, AfterValidator(_sane_year)]
Day = Annotated[date, AfterValidator(_sane_year)]
Flag = Annotated[bool, Strict()]
NoNul = AfterValidator(_no_nul)
Reason = Annotated[str, Field(max_length=MAX_TEXT), NoNul]
Short32 = Annotated[str, Field(max_length=32), NoNul]
Short64 = Annotated[str, Field(max_length=64), NoNul]
Detail = Annotated[dict[str, Any], Field(max_length=64), AfterValidator(_plain_json)]


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ContactEntryArgs(_Args):
    channel: Channel
    outcome: Outcome
    contact_point_id: Id | None
    direction: Direction
    note: Reason
    promise_amount_minor: Minor | None
    promise_date: Day | None
    callback_at: Moment | None
    override_reason: Reason | None = None  # absent from the oldest desks' mutations
    dialed_at: Moment | None = None
    talk_seconds: Annotated[int, Field(ge=0, le=MAX_TALK_SECONDS)] = 0  # absent: not measured


class LogContactArgs(_Args):
    case_id: Id
    contact_id: uuid.UUID
    promise_id: uuid.UUID | None
    at: Moment
    entry: ContactEntryArgs


class CorrectContactArgs(_Args):
    id: uuid.UUID  # the correction's own: pushed twice, it is recognised as the same fact
    contact_id: uuid.UUID
    reason: Reason  # required and bounded: the rule (domain/corrections.py) says so in words
    outcome: Outcome | None = None
    note: Reason | None = None
    case_id: Id | None = None
    at: Moment


class ReassignCaseArgs(_Args):
    case_id: Id
    from_user_id: Id | None  # whom the lead saw it with (None: unassigned)
    to_user_id: Id
    at: Moment
    event_id: uuid.UUID


class SetFlagArgs(_Args):
    case_id: Id
    flag: CaseFlag
    raised: Flag
    reason: Reason  # required: raising or clearing a flag says why
    at: Moment
    event_id: uuid.UUID


class LegalStepArgs(_Args):
    case_id: Id
    to: LegalStage
    on: Day
    documents: Annotated[dict[Short64, Flag], Field(max_length=64)]
    version: Version
    at: Moment
    event_id: uuid.UUID


class AffordabilityArgs(_Args):
    income_minor: Minor
    expenses_minor: Minor
    obligations_minor: Minor


class PlanRequestArgs(_Args):
    kind: OfferKind
    count: Annotated[int, Strict(), Field(ge=0, le=INT32_MAX)]
    waived_minor: Minor
    first_due: Day
    affordability: AffordabilityArgs | None = None


class ProposePlanArgs(_Args):
    case_id: Id
    plan_id: uuid.UUID
    at: Moment
    request: PlanRequestArgs


class DecidePlanArgs(_Args):
    plan_id: uuid.UUID
    approve: Flag
    reason: Reason  # may be empty for an approval; the rule asks one for a refusal
    version: Version
    at: Moment
    event_id: uuid.UUID


class RecordAuditArgs(_Args):
    id: uuid.UUID
    action: Literal["reveal_national_id", "customer_list_exported"]  # what a desk records
    entity: Short32
    entity_id: Short64
    detail: Detail
    recorded_at: Moment


class ContactPointStatusArgs(_Args):
    case_id: Id
    contact_point_id: Id
    status: ContactPointStatus


class PreferredContactPointArgs(_Args):
    case_id: Id
    contact_point_id: Id


class ConsentArgs(_Args):
    """The holder of a number or address agreed to be sent messages by a channel (or took it
    back), as the collector heard it."""

    case_id: Id
    contact_point_id: Id
    channel: Literal[Channel.SMS, Channel.EMAIL]
    given: bool
    at: Moment


class SendMessageArgs(_Args):
    """A message to send: which template, to which of the customer's numbers or addresses.
    The central store words it from its own copy of the case, so a desk cannot send text of
    its own making."""

    message_id: uuid.UUID
    case_id: Id
    contact_point_id: Id
    channel: Literal[Channel.SMS, Channel.EMAIL]
    template: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
    at: Moment


MutationId = Annotated[int, Strict(), Field(gt=0, le=INT32_MAX)]


class _Mutation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: MutationId


class LogContact(_Mutation):
    name: Literal["log_contact"]
    args: LogContactArgs


class CorrectContact(_Mutation):
    name: Literal["correct_contact"]
    args: CorrectContactArgs


class ReassignCase(_Mutation):
    name: Literal["reassign_case"]
    args: ReassignCaseArgs


class SetFlag(_Mutation):
    name: Literal["set_flag"]
    args: SetFlagArgs


class LegalStep(_Mutation):
    name: Literal["legal_step"]
    args: LegalStepArgs


class ProposePlan(_Mutation):
    name: Literal["propose_plan"]
    args: ProposePlanArgs


class DecidePlan(_Mutation):
    name: Literal["decide_plan"]
    args: DecidePlanArgs


class RecordAudit(_Mutation):
    name: Literal["record_audit"]
    args: RecordAuditArgs


class SetContactPointStatus(_Mutation):
    name: Literal["set_contact_point_status"]
    args: ContactPointStatusArgs


class SetPreferredContactPoint(_Mutation):
    name: Literal["set_preferred_contact_point"]
    args: PreferredContactPointArgs


class SendMessage(_Mutation):
    name: Literal["send_message"]
    args: SendMessageArgs


class SetConsent(_Mutation):
    name: Literal["set_consent"]
    args: ConsentArgs


Mutation = Annotated[
    LogContact
    | CorrectContact
    | ReassignCase
    | SetFlag
    | LegalStep
    | ProposePlan
    | DecidePlan
    | RecordAudit
    | SetContactPointStatus
    | SetPreferredContactPoint
    | SendMessage
    | SetConsent,
    Field(discriminator="name"),
]
MUTATION: TypeAdapter[Mutation] = TypeAdapter(Mutation)


class PushedMutation(BaseModel):
    """A mutation as it arrives: its number and kind are checked with the whole push (without
    them there is nothing to answer), its arguments one by one (see `parse_mutation`), so one
    malformed mutation is rejected on its own instead of refusing, and wedging, the queue."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: MutationId
    name: str = Field(min_length=1, max_length=64)
    args: Any = None


class InvalidMutation(ValueError):
    """A mutation whose arguments do not fit its kind; `reason` says which field."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_mutation(raw: PushedMutation) -> Mutation:
    """The typed mutation, or InvalidMutation with `unknown_mutation` or `invalid: <field>`."""
    try:
        return MUTATION.validate_python({"id": raw.id, "name": raw.name, "args": raw.args})
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "union_tag_invalid":
            raise InvalidMutation("unknown_mutation") from None
        where = [_field_name(part) for part in error["loc"][1:]]  # without the kind
        if where[:1] == ["args"] and len(where) > 1:
            where = where[1:]
        raise InvalidMutation(f"invalid: {'.'.join(where)}"[:64]) from None


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}|[0-9]{1,6}")


def _field_name(part: str | int) -> str:
    """A place in the arguments as the reason may say it: a key the desk sent (an unexpected
    field, a document code) is its text, so anything but a plain name is shown as `?`."""
    text = str(part)
    return text if _FIELD_NAME.fullmatch(text) else "?"
