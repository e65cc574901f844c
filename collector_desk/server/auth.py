"""Passwords (argon2id) and sign-in tokens, and the brake on guessing passwords."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import Engine

from collector_desk.store.central import accounts
from collector_desk.store.shared import passwords
from collector_desk.store.shared.people import UserView

TOKEN_LIFETIME = timedelta(hours=12)  # one working day; then sign in again
# The brake on guessing counts failures per source address and typed username, known or not:
# after FREE_ATTEMPTS the next attempt of that pair waits 1 s, 2 s, 4 s ... up to MAX_LOCK.
# No account is ever locked, so a stranger elsewhere cannot shut a collector out, and the
# answer is the same whether the name exists or not.
FREE_ATTEMPTS = 3
MAX_LOCK = timedelta(minutes=15)
FORGET_FAILURES_AFTER = timedelta(days=1)  # a pair quiet this long starts again from nothing


@cache
def _dummy_hash() -> str:
    """Verified when the user does not exist, so an unknown name costs as long as a wrong
    password. Made at the first such sign-in, not at import: a hash takes 64 MiB and a good
    part of a second, which every process importing this module (a desk running the demo's
    built-in store among them) would otherwise pay at its start."""
    return passwords.hasher.hash("not a password anyone has")


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    return passwords.hasher.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class LoginRefused(Exception):
    def __init__(self, reason: str, retry_after: timedelta | None = None) -> None:
        super().__init__(reason)
        self.reason = reason  # "bad_credentials" or "locked" (this address and name wait)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class SignIn:
    token: str
    expires_at: datetime
    user: UserView


def lock_for(failures: int) -> timedelta | None:
    """No wait for the first few failures, then 1 s, 2 s, 4 s ... up to 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return None
    exponent = min(failures - FREE_ATTEMPTS, 20)  # 2**20 s is past the cap already
    return min(timedelta(seconds=2**exponent), MAX_LOCK)


def login(engine: Engine, username: str, password: str, now: datetime, source: str) -> SignIn:
    """A sign-in for a user who may sign in (neither disabled nor revoked) with the right
    password; else LoginRefused, the same for an unknown name, a wrong password and a shut
    account, after the same Argon2 work. source is the caller's address."""
    blocked = accounts.blocked_until(engine, source, username, now)
    if blocked is not None:
        raise LoginRefused("locked", blocked - now)
    stored = accounts.credential(engine, username)
    usable = stored if stored is not None and stored.may_sign_in else None
    matches = passwords.verify(_dummy_hash() if usable is None else usable.password_hash, password)
    if usable is None or not matches:
        wait = accounts.record_login_failure(
            engine, source, username, now, lock_for, FORGET_FAILURES_AFTER
        )
        raise LoginRefused("bad_credentials" if wait is None else "locked", wait)
    accounts.forget_login_failures(engine, username, source)
    if passwords.hasher.check_needs_rehash(usable.password_hash):
        accounts.store_rehash(engine, usable.user.id, passwords.hasher.hash(password))
    token = secrets.token_urlsafe(32)
    expires_at = now + TOKEN_LIFETIME
    accounts.store_token(engine, token_hash(token), usable.user.id, now, expires_at)
    return SignIn(token, expires_at, usable.user)


def user_for(engine: Engine, token: str, now: datetime) -> UserView | None:
    return accounts.user_for_token(engine, token_hash(token), now)


def logout(engine: Engine, token: str, now: datetime) -> None:
    accounts.revoke_token(engine, token_hash(token), now)
