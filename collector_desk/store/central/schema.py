"""The tables only the central store holds: passwords and sign-ins, each desk's mark of what it
has pushed and what became of it, the change log pulls read, and buckets over time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from collector_desk.domain.contacts import Channel
from collector_desk.store.shared.schema import Base, Uuid, side_only, str_enum
from collector_desk.store.shared.schema_version import Side
from collector_desk.store.shared.types import UTCDateTime

CENTRAL = Side("central", Path(__file__).resolve().parent / "versions", head="central_0018")
CENTRAL_ONLY = side_only(CENTRAL.name)


class Credential(Base):
    """Central store only: a user's password hash. (failed_logins and locked_until are no
    longer used: the brake on guessing is per address and name, LoginFailure.)"""

    __tablename__ = "credentials"
    __table_args__ = CENTRAL_ONLY
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginFailure(Base):
    """Central store only: failed sign-ins per source address and typed username, known or not,
    so the next attempt of that pair waits; nobody else's sign-in is slowed."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_last", "last_failed_at"), CENTRAL_ONLY)
    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuthToken(Base):
    """Central store only: a sign-in, kept as the hash of its token so a leaked table is
    useless; it expires, and can be revoked."""

    __tablename__ = "auth_tokens"
    __table_args__ = CENTRAL_ONLY
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class BucketHistory(Base):
    """Central store: a case's days past due each time its bucket changes (allocation and
    payment imports), so roll and cure can be read for any past period without keeping a
    daily snapshot of every case."""

    __tablename__ = "bucket_history"
    __table_args__ = (Index("ix_bucket_history_case_time", "case_id", "changed_at"), CENTRAL_ONLY)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    max_dpd: Mapped[int] = mapped_column(Integer)


class RegisteredClient(Base):
    """Central store: per desktop, the last mutation number applied, in the same transaction
    as that mutation's effects; a repeated push is recognised and skipped."""

    __tablename__ = "sync_clients"
    __table_args__ = CENTRAL_ONLY
    client_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    last_mutation_id: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # revoked (a lost laptop): this desktop pushes what it holds, then wipes its cache
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SyncResult(Base):
    """Central store: what became of each pushed mutation, so a client whose response was
    lost can still learn it, and a rejection is never silent."""

    __tablename__ = "sync_results"
    __table_args__ = CENTRAL_ONLY
    client_id: Mapped[str] = mapped_column(ForeignKey("sync_clients.client_id"), primary_key=True)
    mutation_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # applied | rejected
    reason: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Change(Base):
    """Central store: one row per change to a case, read by pulls in commit order.

    `tx` orders by transaction: on PostgreSQL the writing transaction's id, and a pull only
    reads rows whose transaction is older than every transaction still running (the snapshot's
    xmin), so a transaction that took its number first but commits last is never skipped. On
    SQLite, writers are serialised and `tx` is the row id.
    """

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_order", "tx", "id"), CENTRAL_ONLY)
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    tx: Mapped[int] = mapped_column(BigInteger, default=0)
    case_id: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(Integer)  # the case's collector after
    previous_user_id: Mapped[int | None] = mapped_column(Integer)  # and before, on a move
    team_id: Mapped[int | None] = mapped_column(Integer)
    previous_team_id: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class BulkSend(Base):
    """Central store: one template a lead sends to many of their team's cases, worked through
    by the service a slice at a time; its id is made by the lead's desk, so a request sent
    again is the same send."""

    __tablename__ = "bulk_sends"
    __table_args__ = CENTRAL_ONLY
    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    template: Mapped[str] = mapped_column(String(64))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    total: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class BulkRecipient(Base):
    """Central store: one case of a bulk send and what became of it: `queued` (goes now),
    `waiting` (queued for the first moment the rules allow), or the refusal's code; None until
    the service has judged it."""

    __tablename__ = "bulk_recipients"
    __table_args__ = CENTRAL_ONLY
    send_id: Mapped[str] = mapped_column(ForeignKey("bulk_sends.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outcome: Mapped[str | None] = mapped_column(String(64))
    message_id: Mapped[str | None] = mapped_column(ForeignKey("messages.id"), index=True)
