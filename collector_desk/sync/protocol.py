"""The sync messages, shared by the desktop and the service (validated with pydantic)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    field_validator,
)

from collector_desk.domain.kpis import Period
from collector_desk.domain.mutations import (  # the mutations travel inside a push
    Mutation,
    PushedMutation,
)

CLIENT_HEADER = "X-Client-Id"  # which desktop is asking: a revoked one is told to wipe
MAX_MUTATIONS = 1000  # per push; a desktop back from a long outage pushes in several

_ENVELOPES: TypeAdapter[list[PushedMutation]] = TypeAdapter(
    Annotated[list[PushedMutation], Field(max_length=MAX_MUTATIONS)]
)


class PushRequest(BaseModel):
    """The OpenAPI document shows each mutation kind; the push itself checks only each
    mutation's envelope, and the server parses its arguments one mutation at a time."""

    model_config = ConfigDict(extra="forbid")
    client_id: str = Field(pattern=r"^[0-9a-f-]{36}$")
    mutations: list[PushedMutation] = Field(max_length=MAX_MUTATIONS)

    @field_validator("mutations", mode="plain", json_schema_input_type=list[Mutation])
    @classmethod
    def _envelopes(cls, value: Any) -> list[PushedMutation]:
        return _ENVELOPES.validate_python(value)


class MutationResult(BaseModel):
    id: int
    status: Literal["applied", "rejected"]
    reason: str | None = None


class PushResponse(BaseModel):
    server_time: datetime | None = None  # to warn when the desktop's clock is off
    revoked: bool = False  # what was pushed is kept; now wipe the cache
    last_mutation_id: int
    results: list[MutationResult]


class PullResponse(BaseModel):
    """Whole cases as the server has them now, cases that left this user's scope, and where
    to go on from. While `more` is true the client asks again with `cursor` (or, during a
    first sync, with `after_case` and `bound`)."""

    cursor: str | None
    server_time: datetime | None = None
    people: dict[str, Any] = Field(default_factory=lambda: {"teams": [], "users": []})
    cases: list[dict[str, Any]]
    removed: list[int]
    more: bool
    after_case: int | None = None
    bound: str | None = None


class ManifestResponse(BaseModel):
    """The cases in the user's scope now, so a desktop can drop what it should not hold even
    if a removal was never pulled. Asked for with a limit, a page of them in id order, and
    `next_after` says where the next page starts (None on the last page)."""

    case_ids: list[int]
    next_after: int | None = None


MANIFEST_PAGE = 50_000  # ids a desk asks for at once: a million in scope stays a few MB


# -- the team lead's numbers (GET /api/v1/team/kpis) ------------------------------------
class MoneyOut(BaseModel):
    """One currency's money figures of a row, in its minor units."""

    currency: str = Field(pattern=r"^[A-Z]{3}$")
    promised_minor: int
    kept_minor: int
    kept_rate: float | None
    collected_minor: int


# Desks released before money was reported per currency require these four fields and show
# them as yuan (their team window was never given another currency): they carry the CNY
# figures only, so such a desk shows true, if partial, figures rather than dollars added to
# yuan. Current desks read `money`.
LEGACY_CURRENCY = "CNY"
_LEGACY = "Deprecated: the figures in CNY only, for desks that predate `money`."


class KpiOut(BaseModel):
    period: date
    username: str | None  # None: the whole team
    contacts: int
    seconds: int  # worked, as counted for contacts per hour
    hours: float
    contacts_per_hour: float | None
    right_party: int
    rpc_rate: float | None
    promises: int
    promise_rate: float | None
    broken_no_follow_up: int
    talk_seconds: int = 0  # on the line, as the phones measured (a server before this: 0)
    # one entry per currency, in code order; none is ever a sum across currencies (a server
    # older than this field sends none: its sums mixed currencies)
    money: list[MoneyOut] = Field(default_factory=list)
    promised_minor: int = Field(0, description=_LEGACY, json_schema_extra={"deprecated": True})
    kept_minor: int = Field(0, description=_LEGACY, json_schema_extra={"deprecated": True})
    kept_rate: float | None = Field(
        None, description=_LEGACY, json_schema_extra={"deprecated": True}
    )
    collected_minor: int = Field(0, description=_LEGACY, json_schema_extra={"deprecated": True})


class FlowOut(BaseModel):
    period: date
    username: str | None  # None: the whole team
    bucket: str  # where the cases stood at the period's start
    cases: int
    rolled: int
    cured: int
    roll_rate: float | None
    cure_rate: float | None


class KpiReport(BaseModel):
    computed_at: datetime
    since: date
    until: date
    period: Period
    rows: list[KpiOut]
    flows: list[FlowOut]


class ChangesResponse(BaseModel):
    """A long poll's answer: whether the change log holds news for this desk (then pull)."""

    changed: bool


# -- a lead's bulk send (POST/GET /api/v1/team/bulk-messages) ----------------------------
MAX_BULK_RECIPIENTS = 20_000


class BulkSendRequest(BaseModel):
    """One template to many of the lead's team's cases; `id` is made by the desk, so sending
    the request again after a lost answer is the same send."""

    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID
    template: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_]+$")
    channel: Literal["sms", "email"]
    case_ids: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] = Field(
        min_length=1, max_length=MAX_BULK_RECIPIENTS
    )


class BulkSendReport(BaseModel):
    """How far the service is (`judged` of `total`), what became of each recipient by outcome
    (`queued`, `waiting` for allowed hours, or the refusal's code), and the sent messages by
    status (queued, sent, delivered, failed, refused)."""

    id: uuid.UUID
    template: str
    channel: str
    total: int
    judged: int
    finished: bool
    outcomes: dict[str, int]
    statuses: dict[str, int]
