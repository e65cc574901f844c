"""Is this the user's password? Asked by the idle lock: first of the verifier kept in the
cache (offline too), then of the server, which also knows a password changed elsewhere."""

from __future__ import annotations

import httpx
from sqlalchemy import Engine

from collector_desk.store.cache.unlock import check_password, remember_password
from collector_desk.sync.client import Offline, SignedOut, sign_in

TIMEOUT_S = 5  # the lock screen waits for this at most when the network is gone


def is_users_password(engine: Engine, server: str, username: str, password: str) -> bool | None:
    """True or False; None when the cache keeps no verifier and the server cannot be asked."""
    kept = check_password(engine, username, password)
    if kept:
        return True
    try:
        with httpx.Client(base_url=server, timeout=TIMEOUT_S) as http:
            sign_in(http, username, password)
    except SignedOut:
        return False
    except Offline:
        return kept  # False: the kept verifier said no; None: nothing here can tell
    remember_password(engine, username, password)
    return True
