from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from collector_desk.demo.portfolio import DEMO_COLLECTOR
from collector_desk.store.cache.queue_query import View
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import Case
from collector_desk.ui.shell.main_window import MainWindow
from collector_desk.ui.shell.reminders import SNOOZE_MINUTES
from tests.conftest import FIXED_NOW


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock(FIXED_NOW)


@pytest.fixture
def win(qtbot, engine, queue, translations, clock):
    # a dialog an earlier test left open would hold every notice back, as it should on a desk
    for _ in range(10):
        leftover = QApplication.activeModalWidget()
        if leftover is None:
            break
        leftover.hide()
    window = MainWindow(queue, find_user(engine, DEMO_COLLECTOR), translations, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


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
