"""Preview dialing ("power mode"): after a contact is saved and the next case opens, the desk
counts down and dials that case's number unless the collector skips (F11) or pauses (Esc).
It only ever dials what the contact rules allow now: the number is chosen among the numbers
the rules allow, and the dial itself asks the rules again. It stops when the desk locks, when
the collector pauses, and when the phone fails."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from collector_desk.domain.contact_log import DIALABLE
from collector_desk.domain.contacts import Relation
from collector_desk.domain.masking import mask_phone
from collector_desk.store.cache.queue import CaseDetail, ContactPointView

translate = QCoreApplication.translate

SKIP_KEY, PAUSE_KEY = "F11", "Esc"
TICK_MS = 1000


def callable_point(detail: CaseDetail) -> ContactPointView | None:
    """The customer's own number the rules allow now, the preferred one first."""
    own = [
        p
        for p in detail.contact_points
        if p.kind.is_phone and p.relation is Relation.SELF and p.status in DIALABLE
    ]
    for point in sorted(own, key=lambda p: not p.preferred):
        decision = detail.point_decisions.get(point.id)
        if decision is not None and decision.allowed:
            return point
    return None


class PreviewDialer(QObject):
    def __init__(
        self,
        window: QMainWindow,
        seconds: int,
        next_callable: Callable[[bool], tuple[int, str] | None],
        dial: Callable[[int], bool],
        is_locked: Callable[[], bool],
    ) -> None:
        """`next_callable(move)`: the (point id, number) to dial on the case shown, or, with
        `move` or when it has none, on the next case in the queue that has one (None: none
        ahead); `dial(point)`: True when the phone took the call."""
        super().__init__(window)
        self._seconds, self._next, self._dial, self._is_locked = (
            seconds,
            next_callable,
            dial,
            is_locked,
        )
        self._left = 0
        self._target: tuple[int, str] | None = None
        self.stopped_because = ""

        self.mode_action = QAction(window, checkable=True)
        self.mode_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.mode_action.toggled.connect(self._mode_toggled)
        self.bar = QToolBar(window)
        self.bar.setObjectName("previewBar")
        self.bar.setMovable(False)
        self.bar.setFloatable(False)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bar.toggleViewAction().setVisible(False)
        self.label = QLabel(self.bar)
        self.label.setObjectName("previewCountdown")
        self.bar.addWidget(self.label)
        self.skip_action = QAction(self.bar)
        self.skip_action.setShortcut(QKeySequence(SKIP_KEY))
        self.skip_action.triggered.connect(self.skip)
        self.pause_action = QAction(self.bar)
        self.pause_action.setShortcut(QKeySequence(PAUSE_KEY))
        self.pause_action.triggered.connect(lambda: self.stop(translate("PreviewDialer", "paused")))
        for action in (self.skip_action, self.pause_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setEnabled(False)  # Esc and F11 are the window's own until a countdown runs
            self.bar.addAction(action)
            window.addAction(action)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.hide()
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._count)
        self.retranslate()

    @property
    def on(self) -> bool:
        return self.mode_action.isChecked()

    @property
    def counting(self) -> bool:
        return self._tick.isActive()

    def after_save(self) -> None:
        """The collector saved and moved on: count down to this case's call."""
        if self.on:
            self._aim(move=False)

    def skip(self) -> None:
        if self.counting:
            self._aim(move=True)

    def stop(self, why: str = "") -> None:
        self._tick.stop()
        self._target = None
        self.stopped_because = why
        for action in (self.skip_action, self.pause_action):
            action.setEnabled(False)
        self.bar.setVisible(bool(why))
        self.label.setText(
            translate("PreviewDialer", "Preview dialing stopped: %1").replace("%1", why)
            if why
            else ""
        )

    def _mode_toggled(self, on: bool) -> None:
        if not on:
            self.stop()

    def _aim(self, move: bool) -> None:
        if self._is_locked():
            self.stop(translate("PreviewDialer", "the desk is locked"))
            return
        self._target = self._next(move)
        if self._target is None:
            self.stop(translate("PreviewDialer", "no case further on may be called now"))
            return
        self._left = self._seconds
        self.stopped_because = ""
        for action in (self.skip_action, self.pause_action):
            action.setEnabled(True)
        self.bar.show()
        self._show()
        self._tick.start()

    def _count(self) -> None:
        if self._is_locked():
            self.stop(translate("PreviewDialer", "the desk is locked"))
            return
        self._left -= 1
        if self._left > 0:
            self._show()
            return
        target = self._target
        self._tick.stop()
        for action in (self.skip_action, self.pause_action):
            action.setEnabled(False)
        self.bar.hide()
        if target is not None and not self._dial(target[0]):
            self.stop(translate("PreviewDialer", "the call did not go out"))

    def _show(self) -> None:
        if self._target is None:
            return
        self.label.setText(
            translate("PreviewDialer", "Calling %1 in %2 s · %3 skip · %4 pause")
            .replace("%1", mask_phone(self._target[1]))
            .replace("%2", str(self._left))
            .replace("%3", SKIP_KEY)
            .replace("%4", PAUSE_KEY)
        )

    def retranslate(self) -> None:
        self.mode_action.setText(translate("PreviewDialer", "Preview &dialing (Ctrl+Shift+D)"))
        self.skip_action.setText(translate("PreviewDialer", "Skip (%1)").replace("%1", SKIP_KEY))
        self.pause_action.setText(translate("PreviewDialer", "Pause (%1)").replace("%1", PAUSE_KEY))
        self._show()
