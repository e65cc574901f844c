"""Start the desktop app: language, cache, main window; optionally a screenshot and exit."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog
from sqlalchemy import Engine

from collector_desk.demo import DEMO_COLLECTOR
from collector_desk.store.cache import open_cache
from collector_desk.store.people import find_user, read_state
from collector_desk.store.queue import CaseQueue
from collector_desk.store.schema_version import SchemaTooNew
from collector_desk.ui.i18n import Translations
from collector_desk.ui.main_window import MainWindow

DEMO_CACHE_NAME = "demo-cache.sqlite"

if TYPE_CHECKING:
    from collector_desk.demo.portfolio import DemoOptions

translate = QCoreApplication.translate


@dataclass
class DemoLaunch:
    data_dir: Path
    cases: int
    seed: int
    language: str | None
    screenshot: Path | None = None
    rebuild: bool = False


class SeedError(RuntimeError):
    """Building the demo cache failed; the message says why (no personal data in it)."""


class _SeedWorker(QObject):
    progress = Signal(int, int)
    done = Signal()
    failed = Signal(str)

    def __init__(self, path: Path, options: DemoOptions) -> None:
        super().__init__()
        self._path = path
        self._options = options

    @Slot()
    def run(self) -> None:
        try:
            from collector_desk.demo import portfolio  # Faker and Alembic: only to build

            portfolio.build_demo_cache(self._path, self._options, self.progress.emit)
        except Exception as exc:  # reported to the user, not swallowed
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.done.emit()


def seed_with_progress(path: Path, options: DemoOptions) -> None:
    """Build the demo cache on a worker thread while a progress dialog shows how far it is."""
    dialog = QProgressDialog(translate("App", "Creating the demo portfolio…"), "", 0, options.cases)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(translate("App", "Collector Desk"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    thread = QThread()
    worker = _SeedWorker(path, options)
    worker.moveToThread(thread)
    errors: list[str] = []
    loop = QEventLoop()
    thread.started.connect(worker.run)
    worker.progress.connect(lambda done, total: dialog.setValue(done))
    worker.done.connect(loop.quit)
    worker.failed.connect(errors.append)
    worker.failed.connect(loop.quit)
    dialog.show()
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    if errors:
        raise SeedError(errors[0])


def _open_demo_cache(path: Path, launch: DemoLaunch) -> Engine:
    """Open the demo cache, generating it first unless one of the same seed and size exists."""
    if not launch.rebuild and path.exists():
        engine = open_cache(path)  # refuses a newer cache, upgrades an older one
        marker = (read_state(engine, "demo_seed"), read_state(engine, "demo_cases"))
        if marker == (str(launch.seed), str(launch.cases)):
            return engine
        engine.dispose()
    from collector_desk.demo.portfolio import DemoOptions

    seed_with_progress(path, DemoOptions(cases=launch.cases, seed=launch.seed))
    return open_cache(path)


def _fail(message: str, interactive: bool) -> int:
    print(message, file=sys.stderr)
    if interactive:
        QMessageBox.critical(None, translate("App", "Collector Desk"), message)
    return 2


def run_demo(launch: DemoLaunch, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Collector Desk")
    translations = Translations(app)
    translations.set_language(launch.language)
    interactive = launch.screenshot is None
    path = launch.data_dir / DEMO_CACHE_NAME
    try:
        engine = _open_demo_cache(path, launch)
    except SeedError as exc:
        return _fail(
            translate("App", "Could not create the demo portfolio: %1").replace("%1", str(exc)),
            interactive,
        )
    except SchemaTooNew as exc:
        return _fail(
            translate(
                "App",
                "This cache was written by a newer version of Collector Desk "
                "(schema %1). It was left untouched; please update Collector Desk.",
            ).replace("%1", exc.revision),
            interactive,
        )
    user = find_user(engine, DEMO_COLLECTOR)
    if user is None:
        return _fail(
            translate("App", "The demo cache has no demo collector; start again with --rebuild."),
            interactive,
        )
    window = MainWindow(
        CaseQueue(engine, user.id, ZoneInfo(user.time_zone)),
        user,
        translations,
        translate("App", "Demo: offline, working from the local cache"),
    )
    window.show()
    if launch.screenshot is not None:
        target = launch.screenshot

        def capture() -> None:
            ok = window.grab().save(str(target))
            app.exit(0 if ok else 1)

        QTimer.singleShot(0, capture)
    code = app.exec()
    window.close()
    engine.dispose()
    return code
