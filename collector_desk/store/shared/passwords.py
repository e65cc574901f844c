"""Argon2id password hashes: the central store's credentials and a desk's unlock verifier."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

hasher = PasswordHasher()


def verify(hashed: str, password: str) -> bool:
    """True only if the password matches; a wrong password or a damaged hash is False."""
    try:
        return hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
