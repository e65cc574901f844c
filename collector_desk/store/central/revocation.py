"""Revoked users and devices (a lost laptop, a leaver): the desktop may still push what it
holds, so nothing typed is lost, and is then told to wipe its cache."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.store.central.schema import RegisteredClient
from collector_desk.store.shared.schema import User


@dataclass(frozen=True, slots=True)
class Device:
    client_id: str
    last_seen: datetime
    revoked_at: datetime | None


def revoke_user(engine: Engine, username: str, now: datetime) -> bool:
    """Every desktop of this user wipes its cache at its next contact; False if no such user."""
    with Session(engine) as session, session.begin():
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None:
            return False
        user.wipe_requested_at = user.wipe_requested_at or now
        return True


def revoke_device(engine: Engine, client_id: str, now: datetime) -> bool:
    """This one desktop wipes its cache at its next contact; False if it never synced."""
    with Session(engine) as session, session.begin():
        client = session.get(RegisteredClient, client_id)
        if client is None:
            return False
        client.revoked_at = client.revoked_at or now
        return True


def devices(engine: Engine, username: str) -> list[Device]:
    """The desktops a user has synced from, most recent first (for IT to pick one)."""
    with Session(engine) as session:
        rows = session.execute(
            select(
                RegisteredClient.client_id, RegisteredClient.updated_at, RegisteredClient.revoked_at
            )
            .join(User, User.id == RegisteredClient.user_id)
            .where(User.username == username)
            .order_by(RegisteredClient.updated_at.desc())
        ).all()
    return [Device(*row) for row in rows]


def is_revoked(engine: Engine, user_id: int, client_id: str | None) -> bool:
    with Session(engine) as session:
        if session.scalar(select(User.wipe_requested_at).where(User.id == user_id)) is not None:
            return True
        if client_id is None:
            return False
        return (
            session.scalar(
                select(RegisteredClient.revoked_at).where(RegisteredClient.client_id == client_id)
            )
            is not None
        )
