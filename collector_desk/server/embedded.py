"""The sync service inside the desktop process, on a loopback port: the demo's central store.

A real uvicorn server on a thread, the same app and protocol a deployment uses; only the
database (a SQLite file) and the address (127.0.0.1) differ. This module is the desk's one way
to the central store (pyproject.toml's import contracts): only the demo runs one in-process.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.server import auth
from collector_desk.store.central.changes import store_id
from collector_desk.store.central.schema import CENTRAL, Credential
from collector_desk.store.shared.engine import make_central_engine, make_engine, sqlite_url
from collector_desk.store.shared.migrate import upgrade
from collector_desk.store.shared.schema import User

if TYPE_CHECKING:
    import uvicorn

    from collector_desk.server.change_feed import ChangeFeed


def open_central(central_path, usernames: list[str], password: str) -> str:
    """Make the demo portfolio at central_path a central store (its side's tables only), give
    its demo users a password, and return the store's id, which the desks' cursors carry."""
    engine = make_engine(sqlite_url(central_path))  # a migration: PRAGMAs outside any tx
    try:
        upgrade(engine, CENTRAL)
        with Session(engine) as session, session.begin():
            users = session.scalars(select(User).where(User.username.in_(usernames))).all()
            without = [u for u in users if session.get(Credential, u.id) is None]
            # hashed only when someone needs it: Argon2 takes 64 MiB and a good part of a second
            hashed = auth.hash_password(password) if without else ""
            for user in without:
                session.add(Credential(user_id=user.id, password_hash=hashed, failed_logins=0))
        return store_id(engine)
    finally:
        engine.dispose()


class EmbeddedServer:
    def __init__(self, central_path) -> None:
        self.central_path = central_path
        self.url: str | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._engine: Engine | None = None
        self._feed: ChangeFeed | None = None

    def start(self, timeout_s: float = 15.0) -> str:
        import uvicorn

        from collector_desk.server.app import create_app

        self._engine = make_central_engine(sqlite_url(self.central_path))
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        app = create_app(self._engine)
        self._feed = app.state.change_feed
        config = uvicorn.Config(app, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [sock]},
            name="embedded-sync-service",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + timeout_s
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the embedded sync service did not start")
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def stop(self) -> None:
        if self._feed is not None:
            self._feed.close()  # answers the long polls: none holds the exit
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._engine is not None:
            self._engine.dispose()
