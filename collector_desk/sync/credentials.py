"""Where a sign-in token is kept: the operating system's keyring, or nowhere.

On a headless Linux without Secret Service keyring falls back to its "fail" backend, and with
keyrings.alt installed it would quietly write a plaintext file. Both count as no keyring here
(as Poetry's password manager does): the user is told, and signs in each time instead.
"""

from __future__ import annotations

import contextlib

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

SERVICE = "collector-desk"
_UNSAFE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)  # the chainer wraps several
    return list(inner) if inner is not None else [backend]


def usable(backend: KeyringBackend | None = None) -> bool:
    """True only for a real, encrypted keyring (Windows Credential Locker, Secret Service,
    KWallet, macOS Keychain)."""
    backend = backend or keyring.get_keyring()
    real = [
        b
        for b in _backends(backend)
        if not type(b).__module__.startswith(_UNSAFE_MODULES)
        and "plaintext" not in type(b).__name__.lower()
    ]
    return bool(real) and backend.priority > 0


# The keyring each platform's desktops use, and the module that backend cannot work without.
PLATFORM_KEYRING = {
    "linux": ("keyring.backends.SecretService", "secretstorage"),
    "win32": ("keyring.backends.Windows", "win32ctypes"),
    "darwin": ("keyring.backends.macOS", "keyring.backends.macOS.api"),
}


def describe_keyring() -> tuple[str, bool, dict[str, str]]:
    """For `collector-desk info`: the keyring in use, whether it counts as real, and each
    backend this installation carries with its priority or why it cannot serve here."""
    from keyring.backend import KeyringBackend, get_all_keyring

    get_all_keyring()  # registers every backend the installed entry points name
    known = {}
    for cls in KeyringBackend._classes:
        try:
            known[cls.__module__] = f"priority {cls.priority}"
        except Exception as exc:  # keyring's own way of saying "not here": a reason
            known[cls.__module__] = f"not usable here: {exc}"
    active = keyring.get_keyring()
    return f"{type(active).__module__}.{type(active).__name__}", usable(active), known


def platform_keyring_missing(platform: str, known: dict[str, str]) -> str | None:
    """What of this platform's keyring the installation lacks (a frozen bundle can lose a
    backend's module or its dependency); None when it is all there."""
    import importlib.util

    if platform not in PLATFORM_KEYRING:
        return None
    backend, needs = PLATFORM_KEYRING[platform]
    if backend not in known:
        return backend
    if importlib.util.find_spec(needs) is None:
        return needs
    return None


def _account(server: str, username: str) -> str:
    return f"{username}@{server}"


def save_token(server: str, username: str, token: str) -> bool:
    """Keep the token (never the password); False when there is no safe place for it."""
    if not usable():
        return False
    try:
        keyring.set_password(SERVICE, _account(server, username), token)
    except KeyringError:
        return False
    return True


def load_token(server: str, username: str) -> str | None:
    if not usable():
        return None
    try:
        return keyring.get_password(SERVICE, _account(server, username))
    except KeyringError:
        return None


def forget_token(server: str, username: str) -> None:
    if not usable():
        return
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, _account(server, username))
