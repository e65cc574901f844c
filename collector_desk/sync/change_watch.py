"""Changes in seconds: one long poll kept open on a thread of its own, so the desk syncs as soon
as the server has news for it instead of at its next periodic poll.

Best effort: whatever goes wrong here (the server gone, a proxy cutting long requests, an old
server without the route) is never shown and never stops anything; the watcher waits and tries
again, and the periodic poll carries on as before. No Qt: `on_change` is called on this thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import httpx
from sqlalchemy import Engine

from collector_desk.store.cache import local_sync
from collector_desk.sync.backoff import retry_delay
from collector_desk.sync.client import SyncClient
from collector_desk.sync.protocol import CLIENT_HEADER, ChangesResponse

WAIT_S = 25  # the server answers within this; a proxy must let a request run this long
SLACK_S = 10.0  # beyond WAIT_S before the desk gives up on an answer
SETTLE_S = 30.0  # after saying "changed": how long to wait for the sync to move the cursor
NO_ROUTE_S = 300.0  # a server without the route (or refusing it): look again much later
RETRY_CAP_S = 60.0  # the server back after an outage: watched again within a minute

log = logging.getLogger(__name__)


class ChangeWatcher:
    def __init__(
        self,
        engine: Engine,
        base_url: str,
        token: str,
        client_id: str,
        on_change: Callable[[], None],
        wait_s: int = WAIT_S,
    ) -> None:
        self.engine = engine
        self.on_change = on_change
        self.wait_s = wait_s
        self._http = httpx.Client(
            base_url=base_url,
            timeout=httpx.Timeout(10.0, read=wait_s + SLACK_S),
            headers={"Authorization": f"Bearer {token}", CLIENT_HEADER: client_id},
        )
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="change-watch", daemon=True)
        self.failures = 0  # consecutive; for the log and the tests, never for the user

    def start(self) -> ChangeWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop watching; a request in flight is left to end on its own (a daemon thread)."""
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    delay = self._once()
                except Exception:  # a fault here must not end the watch nor reach the user
                    log.exception("change watch: failed; the periodic sync goes on")
                    delay = self._failed("fault")
                self._stop.wait(delay)
        finally:
            self._http.close()

    def _once(self) -> float:
        """One long poll; returns how long to wait before the next."""
        cursor = local_sync.cursor(self.engine)
        if cursor is None:  # no first sync finished yet: the periodic sync comes first
            return 1.0
        try:
            response = self._http.get(
                "/api/v1/sync/changes", params={"cursor": cursor, "wait": self.wait_s}
            )
        except httpx.HTTPError as exc:
            return self._failed(type(exc).__name__)
        if response.status_code == 503:  # the server has enough waiters: poll as before
            return self._failed("busy", float(response.headers.get("Retry-After", 30)))
        if response.status_code != 200:  # signed out, revoked, reset: the sync deals with it
            return self._failed(f"status {response.status_code}", NO_ROUTE_S)
        self.failures = 0
        if not ChangesResponse.model_validate(response.json()).changed:
            return 0.0
        if local_sync.cursor(self.engine) == cursor and not self._stop.is_set():
            self.on_change()
            self._settle(cursor)
        return 0.0  # the cursor moved meanwhile: ask again from where the desk now is

    def _settle(self, cursor: str) -> None:
        """Let the sync just asked for take the news in before asking again."""
        waited = 0.0
        while waited < SETTLE_S and local_sync.cursor(self.engine) == cursor:
            if self._stop.wait(0.1):
                return
            waited += 0.1

    def _failed(self, why: str, at_least: float = 0.0) -> float:
        self.failures += 1
        delay = max(at_least, min(RETRY_CAP_S, retry_delay(self.failures)))
        log.info("change watch: %s; the periodic sync goes on, again in %.0f s", why, delay)
        return delay


def watch(client: SyncClient, on_change: Callable[[], None]) -> ChangeWatcher:
    """A watcher (started) for the server, user and desktop `client` syncs with."""
    return ChangeWatcher(
        client.engine, str(client.http.base_url), client.token, client.client_id, on_change
    ).start()
