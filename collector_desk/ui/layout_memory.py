"""The window as the user left it: size and place, the call guide open or closed, the queue's
column widths and the view last chosen. Kept with Qt's settings (the platform's own place:
the registry on Windows, ~/.config on Linux), never in the cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from collector_desk.store.queue_query import View

if TYPE_CHECKING:
    from collector_desk.ui.main_window import MainWindow

GEOMETRY, STATE, WIDTHS, VIEW = "window/geometry", "window/state", "queue/widths", "queue/view"


def restore(window: MainWindow, settings: QSettings) -> None:
    geometry, state = settings.value(GEOMETRY), settings.value(STATE)
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    header = window.table.horizontalHeader()
    widths = settings.value(WIDTHS)
    if isinstance(widths, list):
        for column, width in enumerate(widths[: header.count()]):
            if str(width).isdigit() and int(width) > 0:
                header.resizeSection(column, int(width))
    view = settings.value(VIEW)
    if view in {v.value for v in View}:
        window.show_view(View(view))


def save(window: MainWindow, settings: QSettings) -> None:
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(STATE, window.saveState())
    header = window.table.horizontalHeader()
    settings.setValue(WIDTHS, [header.sectionSize(c) for c in range(header.count())])
    settings.setValue(VIEW, window.model.spec.view.value)
    settings.sync()
