"""Long work at start-up (building the demo, encrypting a cache) on a worker thread, while a
modal progress dialog shows how far it has got and the window stays drawn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog
from sqlalchemy import Engine

from collector_desk.domain.progress import Progress
from collector_desk.store.cache.cache_file import is_plain, open_cache

translate = QCoreApplication.translate
T = TypeVar("T")


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal()

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self._work = work
        self.result: object = None
        self.error: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self._work(self.progress.emit)
        except Exception as exc:  # handed back to the caller on its own thread
            self.error = exc
        self.finished.emit()


class _Bar(QObject):
    """Lives on the GUI thread, so the worker's progress reaches the dialog queued."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__()
        self._dialog = dialog

    @Slot(int, int)
    def moved(self, done: int, total: int) -> None:
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)


def run_with_progress(label: str, work: Callable[[Progress], T], steps: int = 0) -> T:
    """Run work(progress) on a worker thread; progress(done, total) moves the bar. Returns
    its result, or raises what it raised."""
    dialog = QProgressDialog(label, "", 0, steps)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(translate("App", "Collector Desk"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    thread = QThread()
    worker = _Worker(work)
    worker.moveToThread(thread)
    loop = QEventLoop()
    thread.started.connect(worker.run)

    bar = _Bar(dialog)
    worker.progress.connect(bar.moved)
    worker.finished.connect(loop.quit)
    dialog.show()
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[return-value]


def open_cache_with_progress(path: Path, key: bytes | None) -> Engine:
    """Open the cache; a plain one about to be encrypted shows a progress dialog meanwhile."""
    if key is None or not path.exists() or not is_plain(path):
        return open_cache(path, key)
    return run_with_progress(
        translate("App", "Encrypting the cases kept on this computer…"),
        lambda progress: open_cache(path, key, progress),
        4,
    )
