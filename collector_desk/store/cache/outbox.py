"""The outbox: every user action is queued here in the transaction that makes its effects."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.schema import SyncState


def client_id(session: Session) -> str:
    """This cache's id as a sync client, made once and kept."""
    found = session.get(SyncState, "client_id")
    if found is None:
        found = SyncState(key="client_id", value=str(uuid.uuid4()))
        session.add(found)
        session.flush()
    return found.value


def enqueue(session: Session, name: str, args: dict, now: datetime) -> OutboxMutation:
    """Queue a mutation; the caller's transaction decides whether it and its effects exist."""
    client_id(session)
    mutation = OutboxMutation(name=name, args=args, created_at=now, attempts=0)
    session.add(mutation)
    session.flush()  # hands out the mutation number now, inside the transaction
    return mutation


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxMutation)) or 0
