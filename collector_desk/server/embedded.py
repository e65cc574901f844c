"""The demo's central store, started by the desk on a loopback port.

A real uvicorn server in a process of its own, the same app and protocol a deployment uses;
only the database (a SQLite file) and the address (127.0.0.1) differ. This module is the desk's
one way to the central store (pyproject.toml's import contracts): only the demo starts one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import socket
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.server import auth
from collector_desk.store.central.changes import store_id
from collector_desk.store.central.schema import CENTRAL, Credential
from collector_desk.store.shared.engine import make_central_engine, make_engine, sqlite_url
from collector_desk.store.shared.migrate import upgrade
from collector_desk.store.shared.schema import User

if TYPE_CHECKING:
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
    """The demo's central store, served by a process of its own on a loopback port.

    Its own process, as the bank's server is its own machine: the service's imports, its
    Argon2 checks at sign-in (64 MiB each) and its side of a first sync of a million cases
    weigh on that process, not on the window's. It stops when stop() asks or when the desk's
    process is gone (the pipe between them closes), so none is left behind."""

    def __init__(self, central_path) -> None:
        self.central_path = central_path
        self.url: str | None = None
        self._process: BaseProcess | None = None
        self._pipe: Connection | None = None

    def start(self, timeout_s: float = 60.0) -> str:
        # spawn: the same on Linux and Windows, and no copy of the window's process
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve,
            args=(str(self.central_path), theirs),
            name="collector-desk-demo-store",
            daemon=True,
        )
        process.start()
        theirs.close()
        self._process, self._pipe = process, ours
        if not ours.poll(timeout_s):
            self.stop()
            raise RuntimeError("the embedded sync service did not start")
        try:
            port = ours.recv()
        except EOFError:
            self.stop()
            raise RuntimeError("the embedded sync service did not start") from None
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def stop(self) -> None:
        if self._pipe is not None:
            with contextlib.suppress(OSError):
                self._pipe.send("stop")
            self._pipe.close()
            self._pipe = None
        if self._process is not None:
            self._process.join(timeout=10)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(timeout=5)
            self._process = None


def _serve(central_path: str, desk: Connection) -> None:
    """The store's process: serve until the desk says stop or is gone."""
    import uvicorn

    from collector_desk.server.app import create_app

    engine = make_central_engine(sqlite_url(central_path))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app = create_app(engine)
    feed: ChangeFeed = app.state.change_feed
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))

    def until_told() -> None:
        with contextlib.suppress(EOFError, OSError):
            desk.recv()  # "stop", or EOFError when the desk's process has ended
        feed.close()  # answers the long polls: none holds the exit
        server.should_exit = True

    def tell_port() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.01)
        if server.started:
            desk.send(sock.getsockname()[1])

    threading.Thread(target=until_told, name="desk-watch", daemon=True).start()
    threading.Thread(target=tell_port, name="tell-port", daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        engine.dispose()
