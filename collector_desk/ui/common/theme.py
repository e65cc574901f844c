"""Colours that must read on a light and on a dark desktop theme alike.

No red passes a 4.5:1 contrast on both a white and a dark grey window, so an error's red
follows the palette: dark on light windows, light on dark ones, and it changes with the
desktop's theme while the app runs. Banners set their own background and text together and
read the same on both.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ERROR_ON_LIGHT = QColor("#b3261e")
ERROR_ON_DARK = QColor("#ff8a80")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    return ERROR_ON_DARK if is_dark(palette) else ERROR_ON_LIGHT


class _ErrorText(QObject):
    """Keeps one widget's text in the error colour of the current theme, or in the theme's
    own text colour when it is not showing an error."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.setObjectName("errorText")
        self.on = True
        self._widget = widget
        widget.installEventFilter(self)

    def apply(self) -> None:
        if not self.on:  # inherit the theme's text colour again, and its later changes
            self._widget.setPalette(QPalette())
            return
        palette = self._widget.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, error_color(QApplication.palette(self._widget))
        )
        self._widget.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.ThemeChange):
            self.apply()
        return False


def show_as_error(widget: QWidget, on: bool = True) -> None:
    """Draw the widget's text in the theme's error colour (on=False: back to normal)."""
    helper = widget.findChild(_ErrorText, "errorText")
    if helper is None:
        helper = _ErrorText(widget)
    helper.on = on
    helper.apply()
