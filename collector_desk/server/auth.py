"""Passwords (argon2id) and sign-in tokens, and the brake on guessing passwords."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine

from collector_desk.store.central import accounts
from collector_desk.store.shared import passwords
from collector_desk.store.shared.people import UserView

TOKEN_LIFETIME = timedelta(hours=12)  # one working day; then sign in again
FREE_ATTEMPTS = 3  # failures before each further one locks the account for a while
MAX_LOCK = timedelta(minutes=15)

# Verified when the user does not exist, so an unknown name costs as long as a wrong password.
_DUMMY_HASH = passwords.hasher.hash("not a password anyone has")


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    return passwords.hasher.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class LoginRefused(Exception):
    def __init__(self, reason: str, retry_after: timedelta | None = None) -> None:
        super().__init__(reason)
        self.reason = reason  # "bad_credentials" or "locked"
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class SignIn:
    token: str
    expires_at: datetime
    user: UserView


def lock_for(failures: int) -> timedelta | None:
    """No lock for the first few failures, then 1 s, 2 s, 4 s ... up to 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return None
    exponent = min(failures - FREE_ATTEMPTS, 20)  # 2**20 s is past the cap already
    return min(timedelta(seconds=2**exponent), MAX_LOCK)


def login(engine: Engine, username: str, password: str, now: datetime) -> SignIn:
    stored = accounts.credential(engine, username)
    if stored is None or not stored.active:
        passwords.verify(_DUMMY_HASH, password)
        raise LoginRefused("bad_credentials")
    if stored.locked_until is not None and stored.locked_until > now:
        raise LoginRefused("locked", stored.locked_until - now)
    if not passwords.verify(stored.password_hash, password):
        lock = lock_for(stored.failed_logins + 1)
        accounts.record_failure(engine, stored.user.id, None if lock is None else now + lock)
        raise LoginRefused("locked" if lock else "bad_credentials", lock)
    rehash = (
        passwords.hasher.hash(password)
        if passwords.hasher.check_needs_rehash(stored.password_hash)
        else None
    )
    accounts.record_success(engine, stored.user.id, rehash)
    token = secrets.token_urlsafe(32)
    expires_at = now + TOKEN_LIFETIME
    accounts.store_token(engine, token_hash(token), stored.user.id, now, expires_at)
    return SignIn(token, expires_at, stored.user)


def user_for(engine: Engine, token: str, now: datetime) -> UserView | None:
    return accounts.user_for_token(engine, token_hash(token), now)


def logout(engine: Engine, token: str, now: datetime) -> None:
    accounts.revoke_token(engine, token_hash(token), now)
