"""Error text stays readable when the desktop switches between a light and a dark theme."""

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from collector_desk.ui.common.theme import show_as_error


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + (0.0722 * channel(color.blueF()))
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def dark_palette() -> QPalette:
    """What a dark desktop theme hands Qt: dark windows, light text."""
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#eeeeee"),
    ):
        palette.setColor(role, QColor(color))
    return palette


@pytest.fixture
def themes(qapp):
    light = QPalette(QApplication.palette())  # a copy: the app's own changes with it
    yield light, dark_palette()
    QApplication.setPalette(light)


def _shown(label: QLabel) -> float:
    palette = label.palette()
    return contrast(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    )


def test_an_error_reads_on_light_and_dark_and_follows_a_switch(qtbot, themes):
    light, dark = themes
    label = QLabel("The promised amount is not a number.")
    qtbot.addWidget(label)
    show_as_error(label)
    assert _shown(label) >= 4.5  # WCAG AA for normal text
    assert label.palette().color(QPalette.ColorRole.WindowText).red() > 150

    QApplication.setPalette(dark)  # the desktop turned dark while the app runs
    assert QApplication.palette(label).color(QPalette.ColorRole.Window).lightness() < 128
    assert _shown(label) >= 4.5
    red = label.palette().color(QPalette.ColorRole.WindowText)
    assert red.red() > red.green() and red.red() > red.blue()

    QApplication.setPalette(light)  # and light again
    assert _shown(label) >= 4.5
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor("#b3261e")

    show_as_error(label, False)  # corrected: the label takes the theme's own text colour
    assert label.palette().resolveMask() == 0
