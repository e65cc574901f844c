"""The change log: one row per change to a case, written in the transaction that made it, and
read by pulls in commit order with a cursor that never steps over a late commit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, or_, select, text, tuple_
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.store.central import change_notice
from collector_desk.store.central.schema import Change
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import (
    Case,
    SyncState,
)

MAX_BIGINT = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Cursor:
    store: str
    tx: int
    id: int

    def text(self) -> str:
        return f"{self.store}.{self.tx}.{self.id}"

    @classmethod
    def parse(cls, value: str) -> Cursor:
        """The cursor `value` spells; ValueError if no store makes one like it (both numbers
        are BigInteger columns: a part outside them would fail the query, not the parse)."""
        store, tx, id_ = value.split(".")
        numbers = [int(part) for part in (tx, id_) if part.isascii() and part.isdigit()]
        if len(numbers) != 2 or max(numbers) > MAX_BIGINT:
            raise ValueError("not a cursor")
        return cls(str(uuid.UUID(store)), *numbers)


def record_change(
    session: Session,
    case: Case,
    now: datetime,
    previous_user_id: int | None = None,
    previous_team_id: int | None = None,
) -> None:
    """Note that a case changed, in the transaction that changed it."""
    postgres = session.get_bind().dialect.name == "postgresql"
    session.add(
        Change(
            tx=text("pg_current_xact_id()::text::bigint") if postgres else 0,
            case_id=case.id,
            user_id=case.assigned_to,
            previous_user_id=previous_user_id,
            team_id=case.team_id,
            previous_team_id=previous_team_id,
            at=now,
        )
    )
    session.flush()
    change_notice.note(
        session, (case.assigned_to, previous_user_id), (case.team_id, previous_team_id)
    )


def store_id(engine: Engine) -> str:
    """This central store's identity, so a cursor from another store is recognised."""
    with Session(engine) as session, session.begin():
        found = session.get(SyncState, "store_id")
        if found is None:
            found = SyncState(key="store_id", value=str(uuid.uuid4()))
            session.add(found)
        return found.value


def _visible_bound(conn: Connection) -> int | None:
    """On PostgreSQL: every change with a smaller tx has committed (or never will)."""
    if conn.dialect.name != "postgresql":
        return None
    return conn.scalar(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))


def bound_cursor(conn: Connection, store: str) -> Cursor:
    """Where incremental pulls start after a full read made now."""
    bound = _visible_bound(conn)
    query = select(Change.tx, Change.id).order_by(Change.tx.desc(), Change.id.desc()).limit(1)
    if bound is not None:
        query = query.where(Change.tx < bound)
    row = conn.execute(query).first()
    return Cursor(store, *(row if row else (0, 0)))


def _change_scope(user: UserView):
    if user.role is Role.ADMIN:
        return text("1 = 1")
    if user.role is Role.TEAM_LEAD:
        return or_(Change.team_id == user.team_id, Change.previous_team_id == user.team_id)
    return or_(Change.user_id == user.id, Change.previous_user_id == user.id)


def changed_cases(
    conn: Connection, user: UserView, cursor: Cursor, limit: int
) -> tuple[list[int], Cursor, bool]:
    """Case ids changed after cursor in this user's scope, in commit order, and the new cursor.

    Reads only changes of transactions older than every one still running, so a transaction
    that took its number early and commits late is delivered, never stepped over.
    """
    bound = _visible_bound(conn)
    query = (
        select(Change.tx, Change.id, Change.case_id)
        .where(tuple_(Change.tx, Change.id) > tuple_(cursor.tx, cursor.id), _change_scope(user))
        .order_by(Change.tx, Change.id)
        .limit(limit + 1)
    )
    if bound is not None:
        query = query.where(Change.tx < bound)
    rows = conn.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    if not rows:
        return [], cursor, False
    last = rows[-1]
    return (
        list(dict.fromkeys(r.case_id for r in rows)),
        Cursor(cursor.store, last.tx, last.id),
        more,
    )


def committed_after(conn: Connection, user: UserView, cursor: Cursor) -> bool:
    """Whether a committed change in this user's scope lies after cursor, readable by a pull or
    not yet (held back while an older transaction runs): a long poll keeps looking for it."""
    query = select(Change.id).where(
        tuple_(Change.tx, Change.id) > tuple_(cursor.tx, cursor.id), _change_scope(user)
    )
    return conn.scalar(query.limit(1)) is not None
