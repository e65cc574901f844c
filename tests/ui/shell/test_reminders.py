from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSystemTrayIcon
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from collector_desk.demo.portfolio import DEMO_COLLECTOR
from collector_desk.store.cache.queue_query import View
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import Case
from collector_desk.ui.shell.main_window import MainWindow
from collector_desk.ui.shell.reminders import SNOOZE_MINUTES, Reminders
from tests.conftest import FIXED_NOW


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock(FIXED_NOW)


def _window(qtbot, engine, queue, translations, clock, settings=None):
    window = MainWindow(
        queue, find_user(engine, DEMO_COLLECTOR), translations, clock=clock, settings=settings
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # the keys go to the window in front, as on a desk
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def win(qtbot, engine, queue, translations, clock):
    return _window(qtbot, engine, queue, translations, clock)


def _other_case(engine, window):
    shown = window.detail.detail.case_id
    with Session(engine) as s:
        return s.execute(
            select(Case.id, Case.case_ref).where(
                Case.assigned_to == window._user.id,
                Case.status != "closed",
                Case.id != shown,
                Case.time_zone == "Asia/Shanghai",
            )
        ).first()


def _due(engine, case_id, kind, at):
    with Session(engine) as s, s.begin():
        s.execute(
            update(Case).where(Case.id == case_id).values(next_action=kind, next_action_at=at)
        )


def test_a_callback_coming_due_on_another_case_is_announced_and_opens(qtbot, engine, win, clock):
    case_id, ref = _other_case(engine, win)
    _due(engine, case_id, "callback", FIXED_NOW + timedelta(minutes=1))
    win.reminders.check()
    assert not win.reminders.bar.isVisible()  # not due yet
    clock.now = FIXED_NOW + timedelta(minutes=2)
    win.reminders.check()
    assert win.reminders.bar.isVisible()
    assert ref in win.reminders.label.text() and "Callback due" in win.reminders.label.text()
    tab = win.queue_panel.tabs.tabText(1)
    assert tab.startswith("Callbacks due (") and win.reminders.badges[View.CALLBACKS_DUE] >= 1
    count = win.reminders.badges[View.CALLBACKS_DUE]
    assert win.view_actions[1].text() == f"Callbacks due ({count})"  # the View menu says it too
    assert win.table.hasFocus()  # the notice takes no keystrokes
    qtbot.keyClick(
        win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert win.detail.detail.case_id == case_id
    assert not win.reminders.bar.isVisible()
    clock.now += timedelta(minutes=1)
    win.reminders.check()
    assert not win.reminders.bar.isVisible()  # announced once


def test_snooze_hides_the_notice_until_the_snooze_ends(qtbot, engine, win, clock):
    case_id, ref = _other_case(engine, win)
    _due(engine, case_id, "promise_due", FIXED_NOW + timedelta(minutes=1))
    clock.now = FIXED_NOW + timedelta(minutes=2)
    win.reminders.check()
    assert ref in win.reminders.label.text() and "Promise due" in win.reminders.label.text()
    qtbot.keyClick(
        win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not win.reminders.bar.isVisible()
    clock.now += timedelta(minutes=SNOOZE_MINUTES - 1)
    win.reminders.check()
    assert not win.reminders.bar.isVisible()
    clock.now += timedelta(minutes=2)
    win.reminders.check()
    qtbot.waitUntil(win.reminders.bar.isVisible)
    assert ref in win.reminders.label.text()


def test_nothing_is_announced_for_the_case_on_screen(engine, win, clock):
    shown = win.detail.detail.case_id
    _due(engine, shown, "callback", FIXED_NOW + timedelta(minutes=1))
    clock.now = FIXED_NOW + timedelta(minutes=2)
    win.reminders.check()
    assert not win.reminders.bar.isVisible()


def test_a_callback_outside_the_customers_hours_says_when_it_may_be_made(qtbot, engine, win, clock):
    case_id, ref = _other_case(engine, win)
    late = FIXED_NOW.replace(hour=15)  # 23:00 in Shanghai
    clock.now = late - timedelta(minutes=2)
    win.reminders.check()  # the demo's own items of the day, out of the way
    win.reminders._pending.clear()
    win.reminders._dismiss()
    _due(engine, case_id, "callback", late - timedelta(minutes=1))
    clock.now = late
    win.reminders.check()
    text = win.reminders.label.text()
    assert ref in text and "next allowed" in text
    allowed = win.reminders.current_next_allowed
    assert allowed is not None and allowed > late
    qtbot.keyClick(
        win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    clock.now = late + timedelta(minutes=SNOOZE_MINUTES + 1)
    win.reminders.check()
    assert not win.reminders.bar.isVisible()  # snoozed until the customer may be called
    clock.now = allowed
    win.reminders.check()
    qtbot.waitUntil(win.reminders.bar.isVisible)


def test_a_notice_waits_while_the_log_is_open(qtbot, engine, win, clock):
    case_id, ref = _other_case(engine, win)
    _due(engine, case_id, "callback", FIXED_NOW + timedelta(minutes=1))
    dialog = win.open_log()
    clock.now = FIXED_NOW + timedelta(minutes=2)
    win.reminders.check()
    assert win.reminders.current is None
    dialog.reject()
    qtbot.waitUntil(win.reminders.bar.isVisible, timeout=3000)
    assert ref in win.reminders.label.text()


def _snooze(qtbot, win):
    qtbot.keyClick(
        win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )


def _only(win, ref):
    """Announce what the demo has due of its own, out of the way, and leave `ref` current."""
    while win.reminders.current is not None and ref not in win.reminders.label.text():
        win.reminders._dismiss()
        win.reminders._announce_next()
    assert ref in win.reminders.label.text()


def _announced(engine, win, clock):
    """A callback on another case comes due and is the notice on show."""
    case_id, ref = _other_case(engine, win)
    _due(engine, case_id, "callback", FIXED_NOW + timedelta(minutes=1))
    clock.now = FIXED_NOW + timedelta(minutes=2)
    win.reminders.check()
    _only(win, ref)
    return case_id, ref


def test_a_snooze_outlives_a_restart_and_its_length_is_the_collectors_choice(
    qtbot, engine, queue, translations, clock, tmp_path
):
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    win = _window(qtbot, engine, queue, translations, clock, settings)
    win.reminders.length_actions[30].trigger()  # from the snooze button's menu
    assert "30 min" in win.reminders.snooze_action.text()
    case_id, ref = _announced(engine, win, clock)
    _snooze(qtbot, win)
    assert win.reminders.current is None
    win.close()

    clock.now += timedelta(minutes=5)  # the desk restarts during the snooze
    again = _window(qtbot, engine, queue, translations, clock, settings)
    assert again.reminders.snooze_minutes == 30
    assert again.reminders.length_actions[30].isChecked()
    if again.detail.detail.case_id == case_id:  # due now, it may top the queue on screen
        qtbot.keyClick(again.table, Qt.Key.Key_Down)
    assert again.detail.detail.case_id != case_id
    clock.now += timedelta(minutes=20)  # 25 of 30 minutes
    again.reminders.check()
    assert ref not in again.reminders.label.text()
    clock.now += timedelta(minutes=6)
    again.reminders.check()
    again.reminders._pending.sort(key=lambda i: i.case_ref != ref)
    _only(again, ref)


def test_a_snoozed_callback_worked_meanwhile_does_not_come_back(qtbot, engine, win, clock):
    case_id, _ref = _announced(engine, win, clock)
    _snooze(qtbot, win)
    _due(engine, case_id, None, None)  # the callback was made from the queue meanwhile
    clock.now += timedelta(minutes=SNOOZE_MINUTES + 1)
    win.reminders.check()
    shown = [win.reminders.current, *win.reminders._pending]
    assert all(item is None or item.case_id != case_id for item in shown)


def test_a_hand_edited_snooze_list_is_dropped_not_fatal(
    qtbot, engine, queue, translations, clock, tmp_path
):
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    user = find_user(engine, DEMO_COLLECTOR)
    settings.setValue(f"reminders/snoozed_{user.id}", '[{"case_id": "x"}]')
    settings.setValue("reminders/snooze_minutes", "forever")
    win = _window(qtbot, engine, queue, translations, clock, settings)
    assert win.reminders._snoozed == {} and win.reminders.snooze_minutes == SNOOZE_MINUTES


class RecordingTray(QSystemTrayIcon):
    """The notification area as a desktop with one has it; offscreen Qt has none."""

    def __init__(self, parent):
        super().__init__(parent)
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title, message, *args):
        self.messages.append((title, message))


def test_the_tray_announces_the_reminder_and_its_click_opens_the_case(qtbot, engine, win, clock):
    trays: list[RecordingTray] = []

    def tray(window):
        trays.append(RecordingTray(window))
        return trays[-1]

    opened: list[int] = []
    reminders = Reminders(engine, win._user.id, clock, win, lambda: None, opened.append, tray=tray)
    case_id, ref = _other_case(engine, win)
    _due(engine, case_id, "promise_due", FIXED_NOW + timedelta(minutes=1))
    clock.now = FIXED_NOW + timedelta(minutes=2)
    reminders.check()
    while reminders.current is not None and reminders.current.case_id != case_id:
        reminders._dismiss()
        reminders._announce_next()
    title, message = trays[0].messages[-1]
    assert title == "Collector Desk" and ref in message and "Promise due" in message
    trays[0].messageClicked.emit()
    assert opened == [case_id] and not reminders.bar.isVisible()
