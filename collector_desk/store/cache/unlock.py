"""What unlocks a desk that locked itself while nobody used it: an Argon2id hash of the user's
password, kept in their own (encrypted, never synced) cache, so unlocking works offline.

It is written at each password sign-in that the server accepted, and replaced when the server
accepts a password the hash does not match (the password was changed elsewhere).
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.store.shared.passwords import hasher, verify
from collector_desk.store.shared.schema import SyncState


def _key(username: str) -> str:
    return f"unlock_verifier/{username}"


def remember_password(engine: Engine, username: str, password: str) -> None:
    with Session(engine) as session, session.begin():
        session.merge(SyncState(key=_key(username), value=hasher.hash(password)))


def check_password(engine: Engine, username: str, password: str) -> bool | None:
    """True or False against the kept hash; None when this cache keeps none for the user."""
    with engine.connect() as conn:
        stored = conn.scalar(select(SyncState.value).where(SyncState.key == _key(username)))
    if stored is None:
        return None
    return verify(stored, password)
