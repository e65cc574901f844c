"""Long polls for changes: `GET /api/v1/sync/changes?cursor=...&wait=25` answers at once when
the change log holds something in the caller's scope after the cursor, else when word of such
a change comes (change_notice), else after `wait` seconds with changed=false.

A waiting request holds no worker thread: the route is async and sleeps on an asyncio event;
only its short look at the change log runs on the thread pool. Waiters are bounded per process
(503 with Retry-After past that: the desk falls back to its periodic poll). On PostgreSQL one
connection per process LISTENs and fans the word out; elsewhere it comes from this process's
own commits.

No `from __future__ import annotations`: FastAPI reads the route's annotations, which name a
dependency passed in.
"""

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from collector_desk.store.central import change_notice, changes
from collector_desk.store.central.change_notice import EVERYONE, Notice
from collector_desk.store.shared.people import UserView
from collector_desk.sync.protocol import ChangesResponse

MAX_WAIT_S = 30  # what IT lets through a proxy: a request may take this long and a little more
MAX_WAITERS = 2000  # open long polls per process; each is a socket and a few kB, no thread
MAX_PER_USER = 8  # one desk keeps one open: a user's many cannot crowd the others out
RECHECK_S = 0.2  # news committed but not yet readable (an older transaction runs): look
RECHECK_MAX_S = 2.0  # again after 0.2 s, 0.4 s ... then every 2 s
WORD_LOOKS_S = 3.0  # after word in scope with nothing to read: how long to keep looking
LISTEN_RETRY_S = 5.0

log = logging.getLogger(__name__)


class _Waiter:
    def __init__(self, user: UserView, loop: asyncio.AbstractEventLoop) -> None:
        self.user = user
        self.loop = loop
        self.event = asyncio.Event()

    def offer(self, notice: Notice) -> None:  # any thread
        if notice.concerns(self.user):
            # RuntimeError: its server stopped (loop closed), so nobody waits any more
            with contextlib.suppress(RuntimeError):
                self.loop.call_soon_threadsafe(self.event.set)

    async def woken(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self.event.wait(), max(0.0, timeout))
        except TimeoutError:
            return False
        self.event.clear()
        return True


class Full(Exception):
    pass


class ChangeFeed:
    """This process's waiting long polls, and where the word of changes comes from."""

    def __init__(self, engine: Engine, max_waiters: int = MAX_WAITERS) -> None:
        self.engine = engine
        self.max_waiters = max_waiters
        self._waiters: set[_Waiter] = set()
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._listener: threading.Thread | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.listening = threading.Event()  # PostgreSQL: LISTEN is in place

    def publish(self, notice: Notice) -> None:
        with self._lock:
            waiters = list(self._waiters)
        for waiter in waiters:
            waiter.offer(notice)

    def _start(self) -> None:
        """Where word comes from, started with the first long poll (no lifespan needed)."""
        if self._closed.is_set():
            return
        if self.engine.dialect.name == "postgresql":
            if self._listener is None:
                self._listener = threading.Thread(
                    target=self._listen, name="change-feed-listen", daemon=True
                )
                self._listener.start()
        elif self._unsubscribe is None:
            self._unsubscribe = change_notice.subscribe(self.publish)

    def _listen(self) -> None:
        """One LISTEN connection for the process; after a lost connection, listen again and
        wake everyone (word may have been missed meanwhile)."""
        while not self._closed.is_set():
            try:
                # a connection of its own, outside the pool: it listens for as long as it lives
                cargs, cparams = self.engine.dialect.create_connect_args(self.engine.url)
                conn = self.engine.dialect.connect(*cargs, **cparams)
                try:
                    conn.autocommit = True
                    conn.execute(f"LISTEN {change_notice.CHANNEL}")
                    self.listening.set()
                    self.publish(EVERYONE)
                    while not self._closed.is_set():
                        for n in conn.notifies(timeout=1.0):
                            self.publish(Notice.parse(n.payload))
                finally:
                    self.listening.clear()
                    conn.close()
            except Exception as exc:  # the database went away: listen again shortly
                log.warning(
                    "change feed: listening stopped (%s); again in %.0f s",
                    type(exc).__name__,
                    LISTEN_RETRY_S,
                )
                self._closed.wait(LISTEN_RETRY_S)

    def enter(self, user: UserView) -> _Waiter:
        with self._lock:
            if len(self._waiters) >= self.max_waiters or (
                sum(1 for w in self._waiters if w.user.id == user.id) >= MAX_PER_USER
            ):
                raise Full
            waiter = _Waiter(user, asyncio.get_running_loop())
            self._waiters.add(waiter)
        self._start()
        return waiter

    def leave(self, waiter: _Waiter) -> None:
        with self._lock:
            self._waiters.discard(waiter)

    def close(self) -> None:
        """Answer every waiting long poll now (changed=false) and stop listening: a server
        stopping does not wait out the long polls."""
        self._closed.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.publish(EVERYONE)
        if self._listener is not None:
            self._listener.join(timeout=5)

    @property
    def waiting(self) -> int:
        """Long polls waiting here now."""
        with self._lock:
            return len(self._waiters)

    @property
    def closed(self) -> bool:
        return self._closed.is_set()


def change_routes(
    feed: ChangeFeed,
    reads: Engine,
    store_id: Callable[[], str],
    current_user: Callable[..., UserView],
) -> APIRouter:
    router = APIRouter()

    def look(user: UserView, cursor: changes.Cursor) -> str:
        """ "pull": news a pull reads now; "soon": committed news a pull cannot read yet (an
        older transaction still runs, on PostgreSQL); "none"."""
        with reads.connect() as conn:
            if changes.changed_cases(conn, user, cursor, 1)[0]:
                return "pull"
            return "soon" if changes.committed_after(conn, user, cursor) else "none"

    @router.get(
        "/api/v1/sync/changes",
        response_model=ChangesResponse,
        responses={
            401: {"description": "not_signed_in: no token, or one expired, ended or shut"},
            409: {"description": "cursor unknown here: pull to start again (reset)"},
            410: {"description": "revoked: wipe the cache"},
            503: {"description": "busy: too many waiting here; see Retry-After"},
        },
    )
    async def sync_changes(
        user: Annotated[UserView, Depends(current_user)],
        cursor: Annotated[str, Query(max_length=100)],
        wait: Annotated[int, Query(ge=0, le=MAX_WAIT_S)] = 25,
    ):
        """changed=true once the change log holds a change in this user's scope after
        `cursor` (then pull); changed=false after `wait` seconds without one."""
        try:
            parsed = changes.Cursor.parse(cursor)
        except ValueError:
            return JSONResponse({"error": "reset"}, status_code=409)
        if parsed.store != await run_in_threadpool(store_id):
            return JSONResponse({"error": "reset"}, status_code=409)
        try:
            waiter = feed.enter(user)  # before the look: word that comes meanwhile is kept
        except Full:
            return JSONResponse(
                {"error": "busy"}, status_code=503, headers={"Retry-After": str(MAX_WAIT_S)}
            )
        try:
            deadline = time.monotonic() + wait
            recheck, word_until = RECHECK_S, 0.0
            while True:
                found = await run_in_threadpool(look, user, parsed)
                if found == "pull":
                    return ChangesResponse(changed=True)
                now = time.monotonic()
                if now >= deadline or feed.closed:
                    return ChangesResponse(changed=False)
                timeout = deadline - now
                # committed news a pull cannot read yet, or word that came before its change
                # could be read (seen on SQLite under load): look again, less and less often
                if found == "soon" or now < word_until:
                    timeout, recheck = min(timeout, recheck), min(RECHECK_MAX_S, recheck * 2)
                if await waiter.woken(timeout):
                    recheck, word_until = RECHECK_S, time.monotonic() + WORD_LOOKS_S
        finally:
            feed.leave(waiter)

    return router
