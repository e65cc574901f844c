"""The tables only a desk's cache holds: its outbox, drafts, the lead's cached numbers, the
changes the server rejected and the search's surnames. None of them is ever pulled or pushed as
a table."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from collector_desk.store.shared.schema import Base, side_only
from collector_desk.store.shared.schema_version import Side
from collector_desk.store.shared.types import UTCDateTime

CACHE = Side("cache", Path(__file__).resolve().parent / "versions", head="cache_0016")
CACHE_ONLY = side_only(CACHE.name)


class OutboxMutation(Base):
    """A user action waiting to be pushed; written in the same transaction as its effects."""

    __tablename__ = "sync_outbox"
    # AUTOINCREMENT: a pushed-and-deleted mutation number must never be handed out again.
    __table_args__ = ({"sqlite_autoincrement": True, **CACHE_ONLY},)
    mutation_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64))
    args: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class KpiCache(Base):
    """Local to a lead's cache and never synced: the team's numbers as the server last
    computed them, one row per figure set, so the dashboard shows them offline."""

    __tablename__ = "kpi_cache"
    __table_args__ = CACHE_ONLY
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # "kpi" | "flow"
    period_kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # "day" | "week"
    period: Mapped[date] = mapped_column(Date, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)  # "": the team
    bucket: Mapped[str] = mapped_column(String(16), primary_key=True)  # "": not by bucket
    figures: Mapped[dict] = mapped_column(JSON)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Draft(Base):
    """What a collector is typing into the contact log, kept so a crash loses nothing.

    Local to this cache and never synced; deleted when the contact is saved.
    """

    __tablename__ = "drafts"
    __table_args__ = CACHE_ONLY
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    fields: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncIssue(Base):
    """Local cache: a change this desktop made that the server rejected, with its reason,
    until the user has seen it."""

    __tablename__ = "sync_issues"
    __table_args__ = CACHE_ONLY
    mutation_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    args: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseSurname(Base):
    """Local cache: each case's customer's surname (domain.names.surname) beside the case's
    owner and priority, so a search by a Chinese surname is counted and paged in priority order
    from one index, without reading a row of `cases` (a common surname is tens of thousands of
    them), and the hits of any other search are checked and ordered here, not in `cases`.

    Written beside the search index by a pull (store.cache.search.add_surnames) and filled by
    the upgrade that made it (cache_0012), whose triggers keep `assigned_to` and `priority`
    equal to the case's and remove the row with its case, whichever code changes them.
    """

    __tablename__ = "case_surnames"
    __table_args__ = (
        Index("ix_case_surnames_search", "assigned_to", "surname", "priority", "case_id"),
        CACHE_ONLY,
    )
    case_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    surname: Mapped[str] = mapped_column(String(200))
    assigned_to: Mapped[int | None] = mapped_column(Integer)
    priority: Mapped[int] = mapped_column(Integer)
