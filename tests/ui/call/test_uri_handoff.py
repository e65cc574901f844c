"""The number handed to the desktop's softphone as a link, after the rules allow the call."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from collector_desk.demo.portfolio import DEMO_COLLECTOR
from collector_desk.phone.uri_handoff import UriPhone
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.shared.people import find_user
from collector_desk.ui.shell.main_window import MainWindow
from tests.conftest import FIXED_NOW
from tests.ui.call.test_compliance_flows import _case_with_number, _select_number
from tests.ui.conftest import SHANGHAI


def _window(qtbot, engine, translations, now, phone):
    user = find_user(engine, DEMO_COLLECTOR)
    queue = CaseQueue(engine, user.id, SHANGHAI, clock=lambda: now)
    window = MainWindow(queue, user, translations, clock=lambda: now, phone=lambda _sink: phone)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


class Desktop:
    """What the operating system was asked to open; `opens` False: no softphone claims it."""

    def __init__(self, opens=True):
        self.opened: list[str] = []
        self.opens = opens

    def __call__(self, uri):
        self.opened.append(uri)
        return self.opens


@pytest.mark.parametrize(
    ("template", "prefix", "expected"),
    [
        ("tel:{e164}", "", "tel:{e164}"),
        ("sip:{e164}@pbx.bank.example", "", "sip:{e164}@pbx.bank.example"),
        ("sip:{e164_digits}@10.1.2.3;user=phone", "", "sip:{digits}@10.1.2.3;user=phone"),
        ("callto:{national}", "9", "callto:9{national}"),
    ],
)
def test_c_hands_the_number_to_the_softphone_in_the_form_it_asks(
    qtbot, engine, translations, template, prefix, expected
):
    desktop = Desktop()
    window = _window(qtbot, engine, translations, FIXED_NOW, UriPhone(template, prefix, desktop))
    case_id, point_id = _case_with_number(engine, "CN")
    _select_number(window, case_id, point_id)
    number = next(p.value for p in window.detail.detail.contact_points if p.id == point_id)
    qtbot.keyClick(window.detail.points, Qt.Key.Key_C)
    national = number.removeprefix("+86")  # a Chinese mobile has no trunk prefix
    assert desktop.opened == [
        expected.format(e164=number, digits=number.lstrip("+"), national=national)
    ]
    assert window.log_dialog is not None  # nothing comes back: the log opens as before
    window.log_dialog.reject()


def test_a_refused_dial_never_reaches_the_softphone(qtbot, engine, translations):
    desktop = Desktop()
    night = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    window = _window(qtbot, engine, translations, night, UriPhone("tel:{e164}", "", desktop))
    case_id, point_id = _case_with_number(engine, "CN")
    _select_number(window, case_id, point_id)
    window.dial_action.trigger()
    assert "outside contact hours" in window.detail.dial_banner.text()
    assert desktop.opened == []


def test_without_a_softphone_the_collector_is_told_and_still_logs(qtbot, engine, translations):
    desktop = Desktop(opens=False)
    window = _window(qtbot, engine, translations, FIXED_NOW, UriPhone("tel:{e164}", "", desktop))
    case_id, point_id = _case_with_number(engine, "CN")
    _select_number(window, case_id, point_id)
    window.dial_action.trigger()
    assert len(desktop.opened) == 1
    assert "dial it by hand" in window.statusBar().currentMessage()
    assert window.log_dialog is not None
    window.log_dialog.reject()
