"""The one QApplication of a Collector Desk process, set up as a desktop app should be, and the
shape of a start that goes step by step inside its event loop."""

from __future__ import annotations

import logging
import platform
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from collector_desk import STARTED, __version__
from collector_desk.config import app_dirs
from collector_desk.config.diagnostics import record_hard_crashes, start_logging
from collector_desk.config.resources import resource
from collector_desk.ui.shell.crash_report import install_crash_handler

log = logging.getLogger(__name__)


def start_app(argv: list[str] | None = None) -> QApplication:
    """The application, with its name and icon. Logs and the crash report are set up only
    when this call made it: under pytest-qt the test's own hooks must stay."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
        folder = app_dirs.log_dir()
        start_logging(folder)
        record_hard_crashes(folder)
        install_crash_handler(folder)
        log.info(
            "Collector Desk %s on %s, Python %s, Qt %s",
            __version__,
            platform.platform(),
            platform.python_version(),
            qVersion(),
        )
    assert isinstance(app, QApplication)  # windows need a QApplication, not a QCoreApplication
    app.setApplicationName("Collector Desk")
    app.setApplicationVersion(__version__)
    # Wayland and the Linux docks match windows to collector-desk.desktop by this name
    app.setDesktopFileName("collector-desk")
    app.setWindowIcon(QIcon(str(resource("icons", "collector-desk-256.png"))))
    return app


FIRST_ROWS_LOGGED = "first rows on screen"


def _log_first_rows() -> None:
    log.info(
        "%s %.2f s after the app's code began", FIRST_ROWS_LOGGED, time.perf_counter() - STARTED
    )


class SteppedStart(QObject):
    """A start that goes step by step inside the application's own event loop: each slow step
    (a network call, an Argon2 hash, building or encrypting a cache) runs through the
    background helper (ui.common.ops) and hands over to the next in its callback, so there
    is no nested event loop and the screen keeps painting. A step that cannot go on says why
    and calls quit(code); run() returns that code once the loop has ended."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.code: int | None = None
        self._error: BaseException | None = None
        # until the main window shows, a step's dialog closing must not end the application
        self.quit_on_close = app.quitOnLastWindowClosed()

    def begin(self) -> None:
        """The first step; runs once the loop runs."""
        raise NotImplementedError

    def close(self) -> None:
        """After the loop, however it ended: stop what the start started."""

    def quit(self, code: int) -> None:
        self.code = code
        QCoreApplication.exit(code)

    def unexpected(self, error: BaseException) -> None:
        """An error no step expected: raised out of run() once the loop has ended."""
        self._error = error
        self.quit(1)

    def window_shown(self) -> None:
        self.app.setQuitOnLastWindowClosed(self.quit_on_close)
        # queued behind the window's first paint: IT (and benchmarks/bench_start.py) read
        # how long a start took to its first rows from the log
        QTimer.singleShot(0, _log_first_rows)

    def run(self, run_loop: Callable[[QApplication], int] = lambda app: app.exec()) -> int:
        first = QTimer(self, singleShot=True, interval=0)
        first.timeout.connect(self.begin)
        first.start()
        self.app.setQuitOnLastWindowClosed(False)
        try:
            code = run_loop(self.app)
        finally:
            first.stop()
            # a quit still queued (the last window closing posts one) belongs to this loop:
            # left queued, it would end whichever loop runs next, a dialog's or a test's
            QCoreApplication.removePostedEvents(self.app, QEvent.Type.Quit)
            self.app.setQuitOnLastWindowClosed(self.quit_on_close)
            self.close()
        if self._error is not None:
            raise self._error
        return self.code if self.code is not None else code
