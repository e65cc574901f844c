"""The tables both sides hold: a desk's cache (SQLite) and the central store.

The desk's own tables are in store/cache/schema.py, the central store's in
store/central/schema.py; each is marked with its side (SIDE_KEY in the table's info), and each
database is migrated to hold its side's tables and these (store/shared/migrate.py).

Entities that the server owns (users, customers, accounts, cases) have integer ids handed out
centrally. Facts that a desktop may create offline (contacts, promises, payments, notes, audit
events) have client-made UUIDs, so a fact pushed twice is recognised as the same fact.

The case row carries a few denormalized queue columns (worst DPD, bucket, overdue and balance
totals, last contact, priority): the queue sorts and filters a million cases in SQL on indexes,
which it could not do by aggregating accounts and contacts per row.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from collector_desk.domain.cases import CaseFlag, CaseStatus, PlanStatus, PromiseStatus, Role
from collector_desk.domain.contacts import (
    Channel,
    ContactPointKind,
    ContactPointStatus,
    Direction,
    Outcome,
    Relation,
)
from collector_desk.domain.messages import MessageStatus
from collector_desk.store.shared.types import MinorUnits, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


def str_enum(cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value as plain text: readable, portable, no native DB enum."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


SIDE_KEY = "side"  # Table.info[SIDE_KEY]: "cache" or "central"; absent for a shared table


def side_only(side: str) -> dict:
    """The __table_args__ entry of a table that only one side's database holds."""
    return {"info": {SIDE_KEY: side}}


Currency = String(3)
Uuid = String(36)


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    locale: Mapped[str] = mapped_column(String(16), default="zh_CN")
    time_zone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # revoked: every desktop of this user pushes what it holds, then wipes its cache
    wipe_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_ref: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    national_id: Mapped[str] = mapped_column(String(32))
    birth_date: Mapped[date | None] = mapped_column(Date)
    preferred_language: Mapped[str] = mapped_column(String(16))
    country: Mapped[str] = mapped_column(String(2))
    time_zone: Mapped[str] = mapped_column(String(64))  # IANA name, from the home address
    # ISO 3166-2 subdivision without the country ("NSW"), for regional public holidays
    region: Mapped[str | None] = mapped_column(String(3))
    policy_pack: Mapped[str | None] = mapped_column(String(16))  # overrides the portfolio's
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    contact_points: Mapped[list[ContactPoint]] = relationship(back_populates="customer")
    accounts: Mapped[list[CardAccount]] = relationship(back_populates="customer")


class ContactPoint(Base):
    __tablename__ = "contact_points"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[ContactPointKind] = mapped_column(str_enum(ContactPointKind))
    value: Mapped[str] = mapped_column(String(300))  # E.164 for phones
    relation: Mapped[Relation] = mapped_column(str_enum(Relation))
    holder_name: Mapped[str | None] = mapped_column(String(200))  # for third parties
    status: Mapped[ContactPointStatus] = mapped_column(str_enum(ContactPointStatus))
    time_zone: Mapped[str | None] = mapped_column(String(64))
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    # channels its holder opted out of (["sms"]): a STOP reply, an unsubscribe link
    opted_out: Mapped[list | None] = mapped_column(JSON)
    # channels its holder agreed to be sent (["sms"]), where a pack needs that first
    consented: Mapped[list | None] = mapped_column(JSON)

    customer: Mapped[Customer] = relationship(back_populates="contact_points")


class CardAccount(Base):
    __tablename__ = "card_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    account_ref: Mapped[str] = mapped_column(String(32), unique=True)
    card_last4: Mapped[str] = mapped_column(String(4), index=True)
    product: Mapped[str] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(Currency)
    credit_limit_minor: Mapped[int] = mapped_column(MinorUnits)
    balance_minor: Mapped[int] = mapped_column(MinorUnits)
    overdue_minor: Mapped[int] = mapped_column(MinorUnits)
    minimum_due_minor: Mapped[int] = mapped_column(MinorUnits)
    dpd: Mapped[int] = mapped_column(Integer)
    bucket: Mapped[str] = mapped_column(String(16))
    due_date: Mapped[date] = mapped_column(Date)
    opened_on: Mapped[date] = mapped_column(Date)
    charged_off: Mapped[bool] = mapped_column(Boolean, default=False)

    customer: Mapped[Customer] = relationship(back_populates="accounts")


# Cases a collector still works; the queue's indexes cover only these (closed cases are few and
# leave the cache after retention), which keeps every sortable column index-ordered.
OPEN_CASES = "status <> 'closed'"
# Queue columns that sort on an index, so a view of a million cases pages without a sort.
INDEXED_SORTS = (
    "priority",
    "overdue_minor",
    "balance_minor",
    "max_dpd",
    "last_contact_at",
    "next_action_at",
    "assigned_at",
)


# Carried in the priority index so "contactable now" can be decided from the index alone.
CONTACTABILITY_COLUMNS = ("policy_pack", "time_zone", "blocked")


# The queue's sort and filter indexes serve the desk's million-row views; the central store
# never sorts a queue, and each of them would cost every case it writes (an allocation import
# of a million lines spent half its merge keeping them).
DESK_ONLY = side_only("cache")["info"]


def _open_index(column: str) -> Index:
    extra = CONTACTABILITY_COLUMNS if column == "priority" else ()
    return Index(
        f"ix_cases_open_{column}",
        "assigned_to",
        column,
        "id",
        *extra,
        sqlite_where=text(OPEN_CASES),
        postgresql_where=text(OPEN_CASES),
        info=DESK_ONLY,
    )


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_queue", "assigned_to", "priority", "id"),
        Index("ix_cases_next_action", "assigned_to", "next_action_at"),
        # "Broken promises" in priority order, sinking included, from this index alone
        Index(
            "ix_cases_promise_status",
            "assigned_to",
            "promise_status",
            "priority",
            "id",
            *CONTACTABILITY_COLUMNS,
            sqlite_where=text(OPEN_CASES),
            postgresql_where=text(OPEN_CASES),
            info=DESK_ONLY,
        ),
        *(_open_index(column) for column in INDEXED_SORTS),
        # "Callbacks due" and "Promises due today" (next_action fixed, next_action_at a range)
        # counted, paged in their own order and split by contactability from this index alone
        # (status too: SQLite reads the row for a column of the index's own WHERE otherwise)
        Index(
            "ix_cases_open_due",
            "assigned_to",
            "next_action",
            "next_action_at",
            "id",
            "status",
            *CONTACTABILITY_COLUMNS,
            sqlite_where=text(OPEN_CASES),
            postgresql_where=text(OPEN_CASES),
            info=DESK_ONLY,
        ),
        # closed cases past retention, found at each sync without reading every case
        Index("ix_cases_closed", "status", "closed_at"),
        # counts of open cases per (pack, zone, stop flag) without sorting a million rows
        Index(
            "ix_cases_open_contact_groups",
            "assigned_to",
            *CONTACTABILITY_COLUMNS,
            sqlite_where=text(OPEN_CASES),
            postgresql_where=text(OPEN_CASES),
            info=DESK_ONLY,
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_ref: Mapped[str] = mapped_column(String(32), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    status: Mapped[CaseStatus] = mapped_column(str_enum(CaseStatus))
    segment: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(Currency)
    max_dpd: Mapped[int] = mapped_column(Integer)
    bucket: Mapped[str] = mapped_column(String(16))
    overdue_minor: Mapped[int] = mapped_column(MinorUnits)
    balance_minor: Mapped[int] = mapped_column(MinorUnits)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    next_action: Mapped[str | None] = mapped_column(String(200))
    next_action_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_outcome: Mapped[Outcome | None] = mapped_column(str_enum(Outcome))
    promise_status: Mapped[PromiseStatus | None] = mapped_column(str_enum(PromiseStatus))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # a desktop drops a closed case (and its customer's data) some days after this
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)  # server-side optimistic check
    # Copies from the customer and the flags, so the queue can sink the cases that may not be
    # contacted now without a join: kept in step by whoever writes customers or flags.
    policy_pack: Mapped[str] = mapped_column(String(16), server_default="CN")
    time_zone: Mapped[str] = mapped_column(String(64), server_default="Asia/Shanghai")
    blocked: Mapped[bool] = mapped_column(Boolean, server_default="0")

    customer: Mapped[Customer] = relationship()
    flags: Mapped[list[CaseFlagRow]] = relationship(back_populates="case")


class CaseFlagRow(Base):
    __tablename__ = "case_flags"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    flag: Mapped[CaseFlag] = mapped_column(str_enum(CaseFlag), primary_key=True)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    raised_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship(back_populates="flags")


class _Fact:
    """Append-only: recorded once with a client-made id, both clocks kept."""

    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the client's clock
    server_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Contact(_Fact, Base):
    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_case_time", "case_id", "started_at"),)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    contact_point_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact_points.id"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    direction: Mapped[Direction] = mapped_column(str_enum(Direction))
    outcome: Mapped[Outcome] = mapped_column(str_enum(Outcome))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_s: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class Message(_Fact, Base):
    """A written message to a customer (SMS or e-mail), composed from a template on a desk and
    sent by the central store, which judges it again first; its status comes back with the
    case. The text is kept as the customer read it."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_case_time", "case_id", "recorded_at"),)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    contact_point_id: Mapped[int] = mapped_column(ForeignKey("contact_points.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    template: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[MessageStatus] = mapped_column(str_enum(MessageStatus))
    reason: Mapped[str | None] = mapped_column(String(64))  # a refusal's or a failure's code
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # a queued one's turn
    provider_ref: Mapped[str | None] = mapped_column(String(128))  # the gateway's id for it


class ContactCorrection(_Fact, Base):
    """A contact corrected after it was logged: who, when, why, and the fields as they were and
    as they became. Append-only: the contact row holds the current values (what the queue, the
    caps and the KPIs read), the first correction's `before` the values as logged."""

    __tablename__ = "contact_corrections"
    __table_args__ = (Index("ix_contact_corrections_contact", "contact_id", "recorded_at"),)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"))
    # the contact's case now (a later move carries it along): a pull sends it with that case
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text)
    before: Mapped[dict] = mapped_column(JSON)  # {"outcome": ..., "note": ..., "case_id": ...}
    after: Mapped[dict] = mapped_column(JSON)


class Promise(_Fact, Base):
    __tablename__ = "promises"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    currency: Mapped[str] = mapped_column(Currency)
    amount_minor: Mapped[int] = mapped_column(MinorUnits)
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[PromiseStatus] = mapped_column(str_enum(PromiseStatus))
    paid_minor: Mapped[int] = mapped_column(MinorUnits, default=0)


class Payment(_Fact, Base):
    __tablename__ = "payments"
    __table_args__ = (Index("ix_payments_case_time", "case_id", "paid_at"),)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("card_accounts.id"), index=True)
    currency: Mapped[str] = mapped_column(Currency)
    amount_minor: Mapped[int] = mapped_column(MinorUnits)
    paid_at: Mapped[datetime] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(String(32))  # bank transfer, app, counter, ...
    reference: Mapped[str] = mapped_column(String(64))


class RepaymentPlan(_Fact, Base):
    __tablename__ = "repayment_plans"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[PlanStatus] = mapped_column(str_enum(PlanStatus))
    currency: Mapped[str] = mapped_column(Currency)
    total_minor: Mapped[int] = mapped_column(MinorUnits)
    waived_minor: Mapped[int] = mapped_column(MinorUnits, default=0)
    installment_count: Mapped[int] = mapped_column(Integer)
    first_due_date: Mapped[date] = mapped_column(Date)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(16), server_default="plan")  # plan | settlement
    # what the customer said they can pay from: {"income_minor": ..., ...}; the lead sees it
    affordability: Mapped[dict | None] = mapped_column(JSON)
    # why the offer is beyond its maker's authority (codes), empty when within it
    approval_reasons: Mapped[list | None] = mapped_column(JSON)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)

    installments: Mapped[list[PlanInstallment]] = relationship(back_populates="plan")


class PlanInstallment(Base):
    __tablename__ = "plan_installments"
    plan_id: Mapped[str] = mapped_column(ForeignKey("repayment_plans.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    due_date: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(MinorUnits)
    paid_minor: Mapped[int] = mapped_column(MinorUnits, default=0)

    plan: Mapped[RepaymentPlan] = relationship(back_populates="installments")


class LegalCase(Base):
    """A case's way through legal: its stage, the date of each stage, the documents checklist.

    Mutable state the server owns: a desktop sends intents with the version it saw."""

    __tablename__ = "legal_cases"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    stage: Mapped[str] = mapped_column(String(16))
    stage_dates: Mapped[dict] = mapped_column(JSON)  # stage -> ISO date it was reached
    documents: Mapped[dict] = mapped_column(JSON)  # document code -> collected (bool)
    referred_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Note(_Fact, Base):
    __tablename__ = "notes"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)


class AuditEvent(_Fact, Base):
    """Who did what to which record, and why. `detail` holds ids, codes and the reason the user
    typed for an override or a decision; never names, numbers or ID numbers."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_time", "recorded_at"),)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class SyncState(Base):
    """Small key/value facts about this database: on a desk, its client id, pull cursor, last
    sync and signed-in user; in the central store, the store's own id."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
