"""Sync in the background: the engine runs on a lane of its own (ui.common.ops), results come
back as signals.

Never blocks the window: a collector keeps working while the outbox is pushed and cases are
pulled. Failures retry on a timer with growing, jittered delays; a restart just resumes (the
outbox and cursor live in the cache).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from collector_desk.domain.kpis import Period
from collector_desk.sync.backoff import retry_delay
from collector_desk.sync.outcomes import (
    DeskError,
    Offline,
    Revoked,
    ServerError,
    SignedOut,
    SyncReport,
)
from collector_desk.ui.common.case_changes import announce
from collector_desk.ui.common.ops import BackgroundOp, Lane

if TYPE_CHECKING:
    from collector_desk.sync.change_watch import ChangeWatcher
    from collector_desk.sync.client import SyncClient

SYNC_EVERY_MS = 30_000

log = logging.getLogger(__name__)


class Link(enum.StrEnum):
    ONLINE = "online"
    SYNCING = "syncing"
    OFFLINE = "offline"
    SERVER_ERROR = "server_error"  # the server answered with a fault; retried like offline
    DESK_ERROR = "desk_error"  # the sync failed on this computer; retried like offline
    SIGNED_OUT = "signed_out"
    REVOKED = "revoked"  # pushed everything; the cache is to be wiped


class _Runner:
    """The sync client and what runs it; only ever called on the sync lane's one thread."""

    def __init__(self, make_client: Callable[[], SyncClient]) -> None:
        self._make_client = make_client
        self._client: SyncClient | None = None

    def _ensure_client(self) -> tuple[SyncClient, bool]:
        client = self._client
        first = client is None
        if client is None:  # made here, so its HTTP client lives on the sync thread
            client = self._client = self._make_client()
        return client, first

    def run(self) -> object:
        """A SyncReport, or the exception that stopped the sync."""
        try:
            client, first = self._ensure_client()
            # the first sync of a session also checks the whole scope, healing any drift
            return client.sync(manifest=first)
        except (Offline, SignedOut, Revoked) as exc:
            return exc
        except Exception as exc:  # a bug on this desk: logged, shown, retried; the outbox stays
            log.exception("sync: failed on this computer")
            return DeskError(type(exc).__name__)

    @property
    def client(self) -> SyncClient | None:
        return self._client

    def ask(self, question: Callable[[SyncClient], object]) -> object:
        """What the question got from the server, or the exception that stopped it."""
        try:
            return question(self._ensure_client()[0])
        except Exception as exc:  # shown as what it is; nothing here was changed
            return exc

    def fetch_kpis(self, request: tuple[date, date, Period]) -> object:
        """None: the team's numbers are in the cache; or why not."""
        try:
            self._ensure_client()[0].fetch_kpis(*request)
            return None
        except Exception as exc:  # shown as "cannot be reached"; the cached figures stay
            return exc


class SyncController(QObject):
    changed = Signal()  # link, last sync time or failure count changed
    kpis_fetched = Signal(object)  # None when fresh team numbers are in the cache, else why not
    _news = Signal()  # from the change watcher's thread: the server has changes for this desk

    def __init__(
        self,
        make_client: Callable[[], SyncClient],
        parent: QObject | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        watch_changes: bool = True,
    ) -> None:
        super().__init__(parent)
        self.link = Link.OFFLINE
        self.last_sync: datetime | None = None
        self.failures = 0
        self.retry_in_s: float | None = None
        self.last_error: str | None = None
        self.clock_skew_s = 0.0
        self._clock = clock
        self._busy = False
        self._stopped = False
        self._lane = Lane("sync")
        self._runner = _Runner(make_client)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.sync_now)
        # changes in seconds: a long poll beside the periodic sync, which stays the fallback
        self._watch_changes = watch_changes
        self._watcher: ChangeWatcher | None = None
        self._again = False  # news came during a sync: sync once more when it ends
        self._news.connect(self._news_came)

    def sync_now(self, progress: str | None = None) -> None:
        """Sync now, unless a sync runs already; `progress`: a label for a progress dialog,
        modal, for a sync the user must wait for (the first one fills an empty cache)."""
        if self._busy or self._stopped or self.link in (Link.SIGNED_OUT, Link.REVOKED):
            return
        self._busy = True
        self._timer.stop()
        self.link = Link.SYNCING
        self.changed.emit()
        runner = self._runner
        op = BackgroundOp(self, lambda _progress: runner.run(), self._finished)
        if progress is not None:
            op.with_progress(progress)
        op.run_in_background(self._lane)

    def _news_came(self) -> None:
        if self._busy:
            self._again = True
        else:
            self.sync_now()

    def _watch(self) -> None:
        """Start the change watcher once a sync has succeeded (it has a client and a cursor)."""
        client = self._runner.client
        if self._watch_changes and self._watcher is None and client is not None:
            from collector_desk.sync.change_watch import watch

            self._watcher = watch(client, self._news.emit)

    def _unwatch(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    def fetch_kpis(self, request: tuple[date, date, Period]) -> None:
        """Ask the server for the team's numbers on the sync thread (after a running sync);
        `kpis_fetched` tells when they are in the cache."""
        if self._stopped:
            return
        runner = self._runner
        BackgroundOp(
            self, lambda _progress: runner.fetch_kpis(request), self.kpis_fetched.emit
        ).run_in_background(self._lane)

    def ask(
        self, question: Callable[[SyncClient], object], answered: Callable[[object], None]
    ) -> None:
        """Put a question to the server on the sync thread (after a running sync); `answered`
        gets the answer, or the exception, on the GUI thread."""
        if self._stopped:
            answered(Offline("stopped"))
            return
        runner = self._runner
        BackgroundOp(self, lambda _progress: runner.ask(question), answered).run_in_background(
            self._lane
        )

    def _finished(self, outcome: object) -> None:
        self._busy = False
        if self._stopped:
            return
        if isinstance(outcome, SyncReport):
            log.info(
                "sync: pushed %d (%d refused), %d case(s) received, %d removed, clock skew %.1f s",
                outcome.pushed,
                outcome.rejected,
                outcome.cases_received,
                outcome.cases_removed,
                outcome.clock_skew_s,
            )
            self.link, self.failures, self.retry_in_s = Link.ONLINE, 0, None
            self.last_sync, self.last_error = self._clock(), None
            self.clock_skew_s = outcome.clock_skew_s
            self._timer.start(SYNC_EVERY_MS)
            self._watch()
            if self._again:
                self._again = False
                self._timer.start(0)
            if outcome.cases_received or outcome.cases_removed or outcome.rejected:
                announce(many=True, source=self)  # cases came or went: every view reads again
        elif isinstance(outcome, SignedOut):
            log.warning("sync: the server signed this desktop out")
            self.link = Link.SIGNED_OUT
            self._unwatch()
        elif isinstance(outcome, Revoked):
            log.warning("sync: access from this desktop was withdrawn; its cache is wiped")
            self.link = Link.REVOKED
            self._unwatch()
        else:
            self.failures += 1
            link = (
                Link.SERVER_ERROR
                if isinstance(outcome, ServerError)
                else Link.DESK_ERROR
                if isinstance(outcome, DeskError)
                else Link.OFFLINE
            )
            self.link, self.last_error = link, str(outcome)
            self.retry_in_s = retry_delay(self.failures)
            log.warning(
                "sync failed %d time(s) in a row (%s: %s); next try in %.0f s",
                self.failures,
                type(outcome).__name__,
                outcome,
                self.retry_in_s,
            )
            self._timer.start(int(self.retry_in_s * 1000))
        self.changed.emit()

    def shutdown(self) -> None:
        """Let a running sync finish (its transaction is short), then stop the thread."""
        self._stopped = True
        self._timer.stop()
        self._unwatch()
        self._lane.shutdown()
