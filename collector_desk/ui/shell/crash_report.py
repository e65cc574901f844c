"""An unexpected error: a report for IT without personal data, and a word to the user.

Work already saved stays saved: every contact, promise and plan is committed when it is
confirmed, so the window carries on after the report instead of closing on the collector.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from collector_desk import __version__
from collector_desk.config.diagnostics import write_crash_report

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
QUIET_S = 10  # one dialog for a burst of the same failure, not one per repaint

Hook = Callable[[type[BaseException], BaseException | None, TracebackType | None], None]


def versions() -> dict[str, str]:
    return {"collector-desk": __version__, "qt": qVersion(), "pyside6": pyside_version}


def tell_user(report: Path) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Crash", "Collector Desk"),
        translate(
            "Crash",
            "Something went wrong that Collector Desk did not expect. What you saved before "
            "is kept. A report without customer data was written; please send it to IT "
            "support:\n%1",
        ).replace("%1", str(report)),
    )
    folder = box.addButton(translate("Crash", "Open the folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.parent)))


def crash_handler(folder: Path, show: Callable[[Path], None] | None = tell_user) -> Hook:
    """The hook: writes the report, logs its name, and tells the user (at most once in
    QUIET_S seconds, and only on the GUI thread)."""
    last_told = [float("-inf")]

    def handle(kind, error, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        report = write_crash_report(folder, kind, error, tb, versions())
        log.error("unexpected %s; report written to %s", kind.__name__, report.name)
        app = QApplication.instance()
        on_gui_thread = app is not None and threading.current_thread() is threading.main_thread()
        if show is not None and on_gui_thread and time.monotonic() - last_told[0] > QUIET_S:
            last_told[0] = time.monotonic()
            show(report)

    return handle


def install_crash_handler(folder: Path) -> None:
    """For the whole process: the GUI thread's errors (Qt slots included) and other threads'."""
    handle = crash_handler(folder)
    sys.excepthook = handle
    threading.excepthook = lambda args: handle(args.exc_type, args.exc_value, args.exc_traceback)
