"""Background work: the one way the desk runs anything slow (in the spirit of Anki's QueryOp).

    BackgroundOp(parent, work, success).failure(on_error).with_progress(label).run_in_background()

`work(progress)` runs on a worker thread: a network call, an Argon2 hash, building or
encrypting a cache. It must not touch a widget. `success(result)`, or `on_error(exception)`,
then runs on the GUI thread, from the application's own event loop: no nested event loop, so
the caller simply returns and carries on in the callback while the window keeps painting.

- **Errors are never swallowed.** Without a failure callback an error goes where an
  unexpected error in a slot goes: sys.excepthook, which writes the crash report.
- **Progress.** `with_progress` shows a QProgressDialog once the work has taken longer than a
  moment: modal to the parent window (to the whole application before there is one), moved
  by `progress(done, total)` from the work; its label can change with `progress.label(text)`.
- **Cancel**, only where throwing the work's result away is safe: `with_progress(...,
  cancellable=True)` or `op.cancel()`. The work sees it at its next `progress(...)` (which
  raises Cancelled) or through `progress.cancelled`; the result is dropped and `on_cancel`
  runs once the work has stopped.
- **The parent owns the op.** If the parent widget is gone when the work ends (its window was
  closed), nothing is delivered; an error is still logged.
- **Lanes.** Ops given the same `Lane` run one at a time, in order, on one thread (the sync).

After an op that wrote cases, announce it with `case_changes.announce(...)`: every view that
shows a case refreshes from there.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, Self, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget
from shiboken6 import isValid

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
T = TypeVar("T")

DELAY_MS = 400  # quicker than this, an op shows no progress dialog at all
WORKERS = 4  # network calls and hashes at once; the sync has a lane of its own


class Cancelled(Exception):
    """Raised inside the work by `progress(...)` or `progress.check()` once it was cancelled."""


def report_error(error: BaseException) -> None:
    """An error nobody was waiting for: the crash-report path, as for an error in a slot."""
    sys.excepthook(type(error), error, error.__traceback__)


class _Inbox(QObject):
    """Runs, on the GUI thread, the calls that worker threads hand over (one per signal, so an
    error in one call never loses the next)."""

    _arrived = Signal()

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self._lock = threading.Lock()
        self._calls: deque[Callable[[], None]] = deque()
        self._arrived.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, call: Callable[[], None]) -> None:
        with self._lock:
            self._calls.append(call)
        self._arrived.emit()

    @Slot()
    def _run(self) -> None:
        with self._lock:
            call = self._calls.popleft() if self._calls else None
        if call is not None:
            call()


_inbox: _Inbox | None = None
_pool: ThreadPoolExecutor | None = None
_running: set[BackgroundOp] = set()  # kept alive until delivered, parent or not


def _gui_inbox() -> _Inbox:
    global _inbox
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("a background op is started from the GUI thread, with an application")
    if _inbox is None or not isValid(_inbox):
        _inbox = _Inbox()
    return _inbox


def _shared_pool() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="desk-op")
    return _pool


class Lane:
    """Ops that must run one at a time and in order, on one thread of their own."""

    def __init__(self, name: str) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)

    def submit(self, call: Callable[[], None]) -> Future:
        return self._executor.submit(call)

    def shutdown(self) -> None:
        """Let the op that is running finish; drop those waiting; take no more."""
        self._executor.shutdown(wait=True, cancel_futures=True)


class OpProgress:
    """What the work sees of its op; every method is safe on the worker thread."""

    def __init__(self, op: BackgroundOp) -> None:
        self._op = op
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None  # the last report not yet shown

    def __call__(self, done: int, total: int) -> None:
        """Move the bar (total 0: busy, no end known). Raises Cancelled once cancelled."""
        self.check()
        with self._lock:
            posting, self._latest = self._latest is None, (done, total)
        if posting:  # a burst of reports reaches the GUI as one
            self._op._inbox.post(self._show)

    def label(self, text: str) -> None:
        self._op._inbox.post(lambda: self._op._set_label(text))

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def _show(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is not None:
            self._op._moved(*latest)


class BackgroundOp(Generic[T]):
    def __init__(
        self,
        parent: QObject | None,
        work: Callable[[OpProgress], T],
        success: Callable[[T], None] | None = None,
    ) -> None:
        self._inbox = _gui_inbox()
        self._parent = parent
        self._work = work
        self._success = success
        self._on_error: Callable[[Exception], None] | None = None
        self._on_cancel: Callable[[], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._modal = True
        self._delay_ms = DELAY_MS
        self._range = (0, 0)
        self._dialog: QProgressDialog | None = None
        self._bar: QProgressBar | None = None
        self._timer: QTimer | None = None
        self.progress = OpProgress(self)
        self.running = False
        self.started = False

    # -- configuring ------------------------------------------------------------------------
    def failure(self, on_error: Callable[[Exception], None]) -> Self:
        """Where the work's error goes (on the GUI thread) instead of the crash report."""
        self._on_error = on_error
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Self:
        self._on_cancel = callback
        return self

    def with_progress(
        self,
        label: str,
        steps: int = 0,
        cancellable: bool = False,
        modal: bool = True,
        delay_ms: int = DELAY_MS,
    ) -> Self:
        """A progress dialog once the work has run for delay_ms; steps 0: no end known."""
        self._label, self._range = label, (0, steps)
        self._cancellable, self._modal, self._delay_ms = cancellable, modal, delay_ms
        return self

    # -- running ----------------------------------------------------------------------------
    def run_in_background(self, lane: Lane | None = None) -> Self:
        if self.started:
            raise RuntimeError("an op runs once")
        self.started = self.running = True
        _running.add(self)
        if self._label is not None:
            self._timer = QTimer(singleShot=True, interval=self._delay_ms)
            self._timer.timeout.connect(self._show_dialog)
            self._timer.start()
        future = (lane or _shared_pool()).submit(self._run)
        future.add_done_callback(self._never_ran)
        return self

    def cancel(self) -> None:
        """Ask the work to stop; its result will not be delivered. GUI thread."""
        if self.running and not self.progress.cancelled:
            self.progress._cancel.set()
            self._close_dialog()

    def _run(self) -> None:  # on the worker thread
        try:
            outcome: tuple[bool, object] = (True, self._work(self.progress))
        except BaseException as error:  # handed over to the GUI thread, never lost here
            outcome = (False, error)
        self._inbox.post(lambda: self._deliver(*outcome))

    def _never_ran(self, future: Future) -> None:
        if future.cancelled():  # its lane shut down first
            self._inbox.post(self._end)

    def _deliver(self, ok: bool, value: object) -> None:  # on the GUI thread
        self._end()
        cancelled = self.progress.cancelled
        if self._parent is not None and not isValid(self._parent):
            if not ok and not isinstance(value, Cancelled):
                log.error("a background op failed after its window closed: %r", value)
            return
        if ok or isinstance(value, Cancelled):
            if cancelled:
                if self._on_cancel is not None:
                    self._on_cancel()
            elif ok:
                if self._success is not None:
                    self._success(value)  # type: ignore[arg-type]
            else:  # Cancelled raised though nobody cancelled: a bug in the work
                report_error(value)  # type: ignore[arg-type]
            return
        if self._on_error is not None and isinstance(value, Exception):
            self._on_error(value)
        else:
            report_error(value)  # type: ignore[arg-type]

    def _end(self) -> None:
        self.running = False
        _running.discard(self)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._close_dialog()

    # -- the progress dialog ----------------------------------------------------------------
    def _show_dialog(self) -> None:
        if not self.running or self.progress.cancelled or self._label is None:
            return
        window = self._parent if isinstance(self._parent, QWidget) else None
        if window is not None and not isValid(window):
            return
        dialog = QProgressDialog(window)
        dialog.setObjectName("backgroundProgress")
        dialog.setWindowTitle(translate("App", "Collector Desk"))
        dialog.setLabelText(self._label)
        # the bar is moved directly: QProgressDialog.setValue on a modal dialog would process
        # events inside whoever reports progress
        self._bar = QProgressBar(dialog)
        dialog.setBar(self._bar)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        if self._cancellable:
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        if self._modal:
            dialog.setWindowModality(
                Qt.WindowModality.WindowModal
                if window is not None
                else Qt.WindowModality.ApplicationModal
            )
        self._dialog = dialog
        self._moved(*self._range)
        dialog.show()

    def _moved(self, done: int, total: int) -> None:
        self._range = (done, total)
        if self._bar is not None and isValid(self._bar):
            self._bar.setRange(0, max(total, 0))
            self._bar.setValue(min(done, total) if total > 0 else 0)

    def _set_label(self, text: str) -> None:
        self._label = text
        if self._dialog is not None and isValid(self._dialog):
            self._dialog.setLabelText(text)

    def _close_dialog(self) -> None:
        dialog, self._dialog, self._bar = self._dialog, None, None
        if dialog is not None and isValid(dialog):
            dialog.hide()  # hidden, not closed: the last window closing would end the app
            dialog.deleteLater()

    @property
    def dialog(self) -> QProgressDialog | None:
        """The progress dialog while it is shown (tests look at it)."""
        return self._dialog
