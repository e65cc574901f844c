"""Users and the cache's own record of who is signed in."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from collector_desk.domain.cases import Role
from collector_desk.store.shared.schema import SyncState, User


@dataclass(frozen=True, slots=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: Role
    time_zone: str
    team_id: int | None = None


def find_user(engine: Engine, username: str) -> UserView | None:
    with engine.connect() as conn:
        row = conn.execute(select(User).where(User.username == username)).first()
    if row is None:
        return None
    return UserView(row.id, row.username, row.display_name, row.role, row.time_zone, row.team_id)


def read_state(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        return conn.scalar(select(SyncState.value).where(SyncState.key == key))
