"""The window as the user left it: size and place, the call guide open or closed, the queue's
column widths and the view last chosen. Kept in an INI file in the platform's settings folder
(app_dirs.config_dir: ~/.config/collector-desk, %LOCALAPPDATA%\\collector-desk), never in
the cache, so IT finds every setting in one documented place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from collector_desk.config import app_dirs
from collector_desk.store.cache.queue_query import View

if TYPE_CHECKING:
    from collector_desk.ui.shell.main_window import MainWindow

GEOMETRY, STATE, WIDTHS, VIEW = "window/geometry", "window/state", "queue/widths", "queue/view"


def settings_for(name: str) -> QSettings:
    """The settings of one way of running the app: "desk", "demo" or "practice"."""
    return QSettings(str(app_dirs.config_dir() / f"{name}.ini"), QSettings.Format.IniFormat)


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
