"""The key that opens a user's local cache.

Random (256 bits), per user and device, kept in the OS keyring, where there is a real one.
Where there is none, it is derived from the user's password with Argon2id and a random salt
kept beside the cache (the salt is not secret; the password never is stored), so the user
types the password at start, online or off.
"""

from __future__ import annotations

import contextlib
import secrets
from pathlib import Path

import keyring
from argon2.low_level import Type, hash_secret_raw
from keyring.errors import KeyringError

from collector_desk.sync import credentials

KEY_BYTES = 32
SALT_BYTES = 16
# OWASP's Argon2id floor is 19 MiB and 2 passes; a desktop can afford more once per start
TIME_COST, MEMORY_KIB, LANES = 3, 64 * 1024, 2


class NeedPassword(LookupError):
    """No keyring holds this cache's key: the user's password is needed to derive it."""


def salt_path(cache: Path) -> Path:
    return cache.with_name(cache.name + ".salt")


def cache_key(cache: Path, server: str, username: str, password: str | None = None) -> bytes:
    """The key for the cache at `cache`: from the keyring, made there on first use; or from
    the password, for a cache that has a salt beside it or a computer without a keyring."""
    salt_file = salt_path(cache)
    if salt_file.exists() or not credentials.usable():
        if not password:
            raise NeedPassword(str(cache))
        if not salt_file.exists():
            salt_file.parent.mkdir(parents=True, exist_ok=True)
            salt_file.write_bytes(secrets.token_bytes(SALT_BYTES))
        return derive(password, salt_file.read_bytes())
    account = f"cache-key:{username}@{server}"
    try:
        stored = keyring.get_password(credentials.SERVICE, account)
        if stored:
            return bytes.fromhex(stored)
        key = secrets.token_bytes(KEY_BYTES)
        keyring.set_password(credentials.SERVICE, account, key.hex())
        return key
    except KeyringError as exc:  # the keyring went away: the password is the way in
        raise NeedPassword(str(cache)) from exc


def derive(password: str, salt: bytes) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=TIME_COST,
        memory_cost=MEMORY_KIB,
        parallelism=LANES,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def forget(server: str, username: str) -> None:
    """Drop the keyring's copy of the key (a wiped cache needs none)."""
    with contextlib.suppress(KeyringError):
        keyring.delete_password(credentials.SERVICE, f"cache-key:{username}@{server}")
