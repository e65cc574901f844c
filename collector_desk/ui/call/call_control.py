"""The call on screen: the phone's events moved to the GUI thread, a bar with the call's state
and talk timer, keys to answer an incoming call (F7), hang up (F10) and mute (F8), and the
finished call handed on so the log opens filled from it. A phone that reports nothing (a URI
hand-off) only dials."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from collector_desk.domain.contacts import Direction
from collector_desk.domain.masking import mask_phone
from collector_desk.phone.adapter import CallEvent, CallEventKind, EventSink, Phone, PhoneError
from collector_desk.phone.call_tracker import CallTracker
from collector_desk.phone.caller import caller_number
from collector_desk.ui.common import labels

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

ANSWER_KEY, HANG_UP_KEY, MUTE_KEY = "F7", "F10", "F8"  # F9 is Sync now
TICK_MS = 1000


class PhoneEvents(QObject):
    """Emitted from the phone's own thread; Qt queues it to the receivers' (the GUI's)."""

    arrived = Signal(object)


@dataclass
class ActiveCall:
    tracker: CallTracker
    case_id: int | None  # an incoming call's, once its caller is matched or chosen
    point_id: int | None


class CallControl(QObject):
    ended = Signal(object, object)  # (CallRecord, ActiveCall)
    ringing_in = Signal(str)  # the caller's E.164, or "" when withheld or unreadable

    def __init__(
        self,
        window: QMainWindow,
        make_phone: Callable[[EventSink], Phone | None] | None,
        ring_seconds: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        home_region: str = "CN",
    ) -> None:
        super().__init__(window)
        self._make_phone, self._clock, self._ring_ms = make_phone, clock, ring_seconds * 1000
        self._home_region = home_region
        self.events = PhoneEvents(self)
        self.events.arrived.connect(self._on_event)
        self.phone: Phone | None = None
        self.call: ActiveCall | None = None
        self.muted = False
        self.problem = ""  # why the phone is not there, for the status bar
        self.case_ref = ""  # the case an incoming call was matched to, for the bar
        self._connect()

        self.bar = QToolBar(window)
        self.bar.setObjectName("callBar")
        self.bar.setMovable(False)
        self.bar.setFloatable(False)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bar.toggleViewAction().setVisible(False)
        # a call is on: it shows at a glance, as the reminder bar does in its own colour
        self.bar.setStyleSheet("QToolBar { background: #dcefe0; color: #123d1f; }")
        self.label = QLabel(self.bar)
        self.label.setObjectName("callState")
        self.label.setStyleSheet("font-weight: 600; padding: 0 8px;")
        self.bar.addWidget(self.label)
        self.answer_action = QAction(self.bar)
        self.answer_action.setShortcut(QKeySequence(ANSWER_KEY))
        self.answer_action.triggered.connect(self.answer)
        self.hang_up_action = QAction(self.bar)
        self.hang_up_action.setShortcut(QKeySequence(HANG_UP_KEY))
        self.hang_up_action.triggered.connect(self.hang_up)
        self.mute_action = QAction(self.bar, checkable=True)
        self.mute_action.setShortcut(QKeySequence(MUTE_KEY))
        self.mute_action.triggered.connect(self.set_muted)
        for action in (self.answer_action, self.hang_up_action, self.mute_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # dialogs too
            self.bar.addAction(action)
            window.addAction(action)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.hide()
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._show)
        self._ring_limit = QTimer(self, singleShot=True)
        self._ring_limit.timeout.connect(self._give_up_ringing)
        self.retranslate()

    def _connect(self) -> None:
        if self._make_phone is None or self.phone is not None:
            return
        try:
            self.phone = self._make_phone(self.events.arrived.emit)
            self.problem = ""
        except PhoneError as exc:
            log.warning("no phone: %s", exc)
            self.problem = translate(
                "CallControl", "The softphone is not running; dial by hand, or start it."
            )

    # -- placing --------------------------------------------------------------------------
    def place(self, number: str, case_id: int, point_id: int) -> bool:
        """Dial; True when the phone reports the call, so the log waits for its end. A phone
        that is not there, or refuses, leaves the collector to dial by hand."""
        self._connect()
        if self.phone is None or self.call is not None:
            return False
        started = self._clock()
        try:
            call_id = self.phone.dial(number)
        except PhoneError as exc:
            log.warning("the phone did not place the call: %s", exc)
            self.problem = translate(
                "MainWindow", "The phone did not take the call; dial it by hand."
            )
            if self.phone.reports_calls:  # a softphone that went away is looked for again
                self.phone.close()
                self.phone = None
            return False
        self.problem = ""
        if not self.phone.reports_calls:
            return False
        tracker = CallTracker(call_id, number, Direction.OUTBOUND, started)
        self._begin(ActiveCall(tracker, case_id, point_id))
        self._ring_limit.start(self._ring_ms)
        return True

    def _begin(self, call: ActiveCall) -> None:
        self.call, self.muted = call, False
        self.mute_action.setChecked(False)
        self._show()
        self.bar.show()
        self._tick.start()

    def hang_up(self) -> None:
        if self.call is not None and self.phone is not None:
            try:
                self.phone.hang_up(self.call.tracker.call_id)
            except PhoneError as exc:
                log.warning("the phone did not hang up: %s", exc)

    def answer(self) -> None:
        call = self.call
        if call is None or self.phone is None or call.tracker.direction is not Direction.INBOUND:
            return
        if call.tracker.answered_at is None:
            try:
                self.phone.answer(call.tracker.call_id)
            except PhoneError as exc:
                log.warning("the phone did not answer: %s", exc)

    def set_muted(self, on: bool) -> None:
        if self.call is None or self.phone is None or not self.phone.can_mute:
            self.mute_action.setChecked(False)
            return
        try:
            self.phone.mute(self.call.tracker.call_id, on)
            self.muted = on
        except PhoneError as exc:
            log.warning("the phone did not mute: %s", exc)
            self.mute_action.setChecked(self.muted)
        self._show()

    def _give_up_ringing(self) -> None:
        if self.call is not None and self.call.tracker.answered_at is None:
            self.call.tracker.gave_up_ringing = True
            self.hang_up()

    # -- following ------------------------------------------------------------------------
    def _on_event(self, event: CallEvent) -> None:
        call = self.call
        if event.kind is CallEventKind.INCOMING and call is None:
            number = caller_number(event.peer, self._home_region) or ""
            tracker = CallTracker(event.call_id, number, Direction.INBOUND, event.at)
            self._begin(ActiveCall(tracker, None, None))
            self.ringing_in.emit(number)
            return
        if call is None or event.call_id != call.tracker.call_id:
            return  # a second call while one runs rings in the softphone's own window
        if event.kind is CallEventKind.ANSWERED:
            self._ring_limit.stop()
        record = call.tracker.feed(event)
        if record is None:
            self._show()
            return
        self.call = None
        self._tick.stop()
        self._ring_limit.stop()
        self.bar.hide()
        if record.direction is Direction.INBOUND and record.answered_at is None:
            return  # a call that rang here and was not taken: nothing was said, nothing to log
        self.ended.emit(record, call)

    def _show(self) -> None:
        call = self.call
        if call is None:
            return
        tracker = call.tracker
        number = (
            mask_phone(tracker.number)
            if tracker.number
            else translate("CallControl", "a withheld number")
        )
        self.answer_action.setVisible(
            tracker.direction is Direction.INBOUND and tracker.answered_at is None
        )
        if tracker.direction is Direction.INBOUND and tracker.answered_at is None:
            text = translate("CallControl", "Incoming call from %1").replace("%1", number)
            if call.case_id is not None and self.case_ref:
                text += " · " + self.case_ref
        elif tracker.answered_at is not None:
            talk = int((self._clock() - tracker.answered_at).total_seconds())
            text = translate("CallControl", "On the call with %1 · %2").replace("%1", number)
            text = text.replace("%2", labels.talk_time(max(talk, 0)))
            if self.muted:
                text += " · " + translate("CallControl", "muted")
        else:
            waited = int((self._clock() - tracker.started_at).total_seconds())
            state = (
                translate("CallControl", "ringing")
                if tracker.ringing
                else translate("CallControl", "connecting")
            )
            text = translate("CallControl", "Calling %1 · %2 %3").replace("%1", number)
            text = text.replace("%2", state).replace("%3", labels.talk_time(max(waited, 0)))
        self.label.setText(text)

    def retranslate(self) -> None:
        self.hang_up_action.setText(
            translate("CallControl", "Hang up (%1)").replace("%1", HANG_UP_KEY)
        )
        self.mute_action.setText(translate("CallControl", "Mute (%1)").replace("%1", MUTE_KEY))
        self.answer_action.setText(
            translate("CallControl", "Answer (%1)").replace("%1", ANSWER_KEY)
        )
        self.mute_action.setVisible(self.phone is not None and self.phone.can_mute)
        self._show()

    def close(self) -> None:
        if self.phone is not None:
            self.phone.close()
            self.phone = None
