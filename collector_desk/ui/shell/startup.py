"""The one QApplication of a Collector Desk process, set up as a desktop app should be."""

from __future__ import annotations

import logging
import platform
import sys

from PySide6.QtCore import qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from collector_desk import __version__
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
