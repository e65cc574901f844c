"""Left alone, the desk hides every customer's data until its user types their password."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from collector_desk.demo import DEMO_COLLECTOR
from collector_desk.store.cache.unlock import check_password, remember_password
from collector_desk.ui.shell import idle_lock

PASSWORD = "correct horse 42"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def minutes(self, m: float) -> None:
        self.now += m * 60


def _lock(window, engine, clock, minutes=10):
    remember_password(engine, DEMO_COLLECTOR, PASSWORD)
    return window.attach_lock(
        lambda typed: check_password(engine, DEMO_COLLECTOR, typed), minutes, clock=clock
    )


def _visible_windows():
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def _type(qtbot, lock, text):
    lock.screen.password.setFocus()
    qtbot.keyClicks(lock.screen.password, text)
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.checking)  # the check runs off the GUI thread


def test_idle_time_locks_everything_and_the_password_brings_it_back(qtbot, window, engine):
    clock = Clock()
    lock = _lock(window, engine, clock)
    window.flag_action.trigger()  # a dialog open, with a reason half typed
    dialog = window.flag_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.reason, "called back at lunch")
    name = window.detail.name.text()
    assert name

    clock.minutes(9)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # the collector is still here
    clock.minutes(9)
    lock.check_idle()
    assert not lock.locked  # nine minutes since the last key, not ten
    clock.minutes(1.5)
    where = window.geometry()
    lock.check_idle()
    assert lock.locked
    assert _visible_windows() == [lock.screen]
    assert lock.screen.geometry() == where  # the lock stands where the desk stood
    shown = " ".join(label.text() for label in lock.screen.findChildren(type(window.status_mode)))
    assert name not in shown

    _type(qtbot, lock, "guess")
    assert lock.locked and "not your password" in lock.screen.message.text()
    assert not window.isVisible() and not dialog.isVisible()
    _type(qtbot, lock, PASSWORD)
    assert not lock.locked
    assert window.isVisible() and dialog.isVisible()
    assert dialog.reason.text() == "called back at lunch"  # nothing typed was lost


def test_f12_locks_at_once(qtbot, window, engine):
    lock = _lock(window, engine, Clock())
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert lock.locked and not window.isVisible()
    _type(qtbot, lock, PASSWORD)
    assert window.isVisible()


def test_five_wrong_passwords_rest_the_unlock_button(qtbot, window, engine, monkeypatch):
    monkeypatch.setattr(idle_lock, "REST_MS", 200)
    lock = _lock(window, engine, Clock())
    lock.lock()
    for _ in range(idle_lock.FREE_TRIES):
        _type(qtbot, lock, "guess")
    assert not lock.screen.unlock_button.isEnabled()
    assert "Too many wrong passwords" in lock.screen.message.text()
    _type(qtbot, lock, PASSWORD)  # refused while resting, even the right one
    assert lock.locked
    qtbot.waitUntil(lock.screen.unlock_button.isEnabled)
    _type(qtbot, lock, PASSWORD)
    assert not lock.locked


def test_no_verifier_and_no_server_says_so_and_stays_locked(qtbot, window):
    lock = window.attach_lock(lambda _typed: None, 10, clock=Clock())
    lock.lock()
    _type(qtbot, lock, PASSWORD)
    assert lock.locked and "cannot check your password" in lock.screen.message.text()


def test_zero_minutes_never_locks_on_idle(qtbot, window, engine):
    clock = Clock()
    lock = _lock(window, engine, clock, minutes=0)
    clock.minutes(600)
    lock.check_idle()
    assert not lock.locked and window.isVisible()


def test_a_second_start_brings_up_the_lock_not_the_desk(qtbot, window, engine):
    from collector_desk.ui.shell.single_instance import bring_to_front

    lock = _lock(window, engine, Clock())
    lock.lock()
    bring_to_front(window)  # what the first instance does when the icon is clicked again
    assert lock.locked and not window.isVisible() and lock.screen.isVisible()
