import shutil
from zoneinfo import ZoneInfo

import pytest

from collector_desk.demo.portfolio import DEMO_COLLECTOR
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.shared.people import find_user
from collector_desk.ui.common.i18n import Translations
from collector_desk.ui.shell.main_window import MainWindow
from tests.conftest import FIXED_NOW
from tests.live_central import _sqlite_template, central_url, desk, live  # noqa: F401

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def engine(demo_cache, tmp_path):
    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)  # tests write: each gets its own cache
    engine = open_cache(path)
    yield engine
    engine.dispose()


@pytest.fixture
def queue(engine):
    return CaseQueue(
        engine, find_user(engine, DEMO_COLLECTOR).id, SHANGHAI, clock=lambda: FIXED_NOW
    )


@pytest.fixture
def translations(qapp):
    translations = Translations(qapp)
    translations.set_language("en")
    yield translations
    translations.set_language("en")


@pytest.fixture
def window(qtbot, engine, queue, translations):
    window = MainWindow(
        queue, find_user(engine, DEMO_COLLECTOR), translations, clock=lambda: FIXED_NOW
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture(autouse=True)
def _no_dialog_left_open(qapp):
    """A test that ends with a dialog open leaves it modal for the next one, where it holds
    back reminders and keys as it would on a desk: close whatever is left."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    for _ in range(10):
        leftover = QApplication.activeModalWidget()
        if leftover is None:
            break
        if isinstance(leftover, QDialog):
            leftover.reject()
        leftover.hide()
