"""The window comes back as the user left it: size, the call guide, column widths, the view."""

from PySide6.QtCore import QSettings

from collector_desk.demo import DEMO_COLLECTOR
from collector_desk.store.cache.queue_query import View
from collector_desk.store.shared.people import find_user
from collector_desk.ui.shell.main_window import MainWindow
from tests.conftest import FIXED_NOW


def _window(qtbot, engine, queue, translations, settings):
    window = MainWindow(
        queue,
        find_user(engine, DEMO_COLLECTOR),
        translations,
        clock=lambda: FIXED_NOW,
        settings=settings,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_layout_is_remembered_between_starts(qtbot, engine, queue, translations, tmp_path):
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    first = _window(qtbot, engine, queue, translations, settings)
    first.resize(780, 560)
    first.show_view(View.CALLBACKS_DUE)
    first.table.horizontalHeader().resizeSection(2, 333)
    first.guide_action.trigger()  # the call guide open (the window widens to hold it)
    left = (first.width(), first.height())
    first.close()

    again = _window(qtbot, engine, queue, translations, settings)
    assert (again.width(), again.height()) == left
    assert again.model.spec.view is View.CALLBACKS_DUE
    assert again.table.horizontalHeader().sectionSize(2) == 333
    assert again.guide_dock.isVisible()


def test_a_window_without_settings_remembers_nothing(qtbot, engine, queue, translations, tmp_path):
    window = _window(qtbot, engine, queue, translations, None)
    window.show_view(View.ALL)
    window.close()
    fresh = _window(qtbot, engine, queue, translations, None)
    assert fresh.model.spec.view is View.MY_QUEUE and not fresh.guide_dock.isVisible()
