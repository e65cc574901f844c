"""Reminders: a callback or promise that comes due while the collector is on another case is
announced in a bar above the queue (and by the desktop's tray when there is one), with one key
to open the case and one to snooze. A callback the contact rules refuse now says so, with the
next allowed time in the customer's hours, and snoozes until then."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSystemTrayIcon,
    QTabBar,
    QToolBar,
)
from sqlalchemy import Engine

from collector_desk.domain.contacts import Channel
from collector_desk.store.cache.queue_query import View
from collector_desk.store.cache.reminders import DueItem, came_due, due_counts
from collector_desk.store.shared.compliance import dial_check
from collector_desk.ui.queue.queue_panel import VIEWS, view_title

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

CHECK_MS = 30_000
RETRY_MS = 1_000  # a dialog is open: look again soon, to announce once it closes
SNOOZE_MINUTES = 10
OPEN_KEY = "Ctrl+Shift+O"
SNOOZE_KEY = "Ctrl+Shift+S"


class Reminders(QObject):
    def __init__(
        self,
        engine: Engine,
        user_id: int,
        clock: Callable[[], datetime],
        window: QMainWindow,
        shown_case: Callable[[], int | None],
        open_case: Callable[[int], None],
        tabs: QTabBar | None = None,
    ) -> None:
        super().__init__(window)
        self._engine, self._user_id, self._clock = engine, user_id, clock
        self._window, self._shown_case, self._open_case = window, shown_case, open_case
        self._since = clock()
        self._tabs = tabs
        self.badges: dict[View, int] = {}
        self._pending: list[DueItem] = []
        self._snoozed: dict[tuple, tuple[DueItem, datetime]] = {}
        self.current: DueItem | None = None
        self.current_next_allowed: datetime | None = None

        self.bar = QToolBar(window)
        self.bar.setObjectName("reminderBar")
        self.bar.setMovable(False)
        self.bar.setFloatable(False)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bar.toggleViewAction().setVisible(False)
        self.bar.setStyleSheet("QToolBar { background: #fff4c2; color: #3a2f00; }")
        self.label = QLabel(self.bar)
        self.label.setObjectName("reminderText")
        self.bar.addWidget(self.label)
        self.open_action = QAction(self.bar)
        self.open_action.setShortcut(QKeySequence(OPEN_KEY))
        self.open_action.triggered.connect(self.open_current)
        self.snooze_action = QAction(self.bar)
        self.snooze_action.setShortcut(QKeySequence(SNOOZE_KEY))
        self.snooze_action.triggered.connect(self.snooze_current)
        for action in (self.open_action, self.snooze_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.bar.addAction(action)
            window.addAction(action)  # the keys work while the bar is hidden too
            button = self.bar.widgetForAction(action)
            if button is not None:
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never takes the keyboard
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.hide()

        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon(), self)
            self.tray.messageClicked.connect(self.open_current)
            self.tray.show()

        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._announce_next)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(translate("Reminders", "Open (%1)").replace("%1", OPEN_KEY))
        self.snooze_action.setText(translate("Reminders", "Snooze (%1)").replace("%1", SNOOZE_KEY))
        self._show_text()
        self._show_badges()

    def _show_badges(self) -> None:
        """The due views' tabs carry how many of their items are due now."""
        if self._tabs is None:
            return
        for view, count in self.badges.items():
            title = view_title(view)
            self._tabs.setTabText(VIEWS.index(view), f"{title} ({count})" if count else title)

    def check(self) -> None:
        """What came due since the last look; snoozes that ended come back."""
        now = self._clock()
        fresh = came_due(self._engine, self._user_id, self._since, now)
        self._since = now
        counts = due_counts(self._engine, self._user_id, now - timedelta(days=1), now)
        self.badges = {
            View.CALLBACKS_DUE: counts["callback"],
            View.PROMISES_DUE_TODAY: counts["promise_due"],
        }
        self._show_badges()
        for key, (item, until) in list(self._snoozed.items()):
            if until <= now:
                del self._snoozed[key]
                fresh.append(item)
        shown = self._shown_case()
        known = {i.key for i in self._pending} | ({self.current.key} if self.current else set())
        for item in fresh:
            if item.case_id == shown or item.key in known:
                continue  # on screen already, or announced and still waiting
            self._pending.append(item)
            known.add(item.key)
        self._announce_next()

    def _announce_next(self) -> None:
        if self.current is not None or not self._pending:
            return
        if QApplication.activeModalWidget() is not None:
            self._retry.start()  # never over the log or plan being typed in
            return
        self.current = self._pending.pop(0)
        self.current_next_allowed = None
        if self.current.kind == "callback":
            decision = dial_check(
                self._engine,
                self._user_id,
                self.current.case_id,
                None,
                Channel.CALL,
                self._clock(),
            )
            if not decision.allowed:
                self.current_next_allowed = decision.next_allowed_at
        log.info("reminder shown for case %s (%s)", self.current.case_ref, self.current.kind)
        self._show_text()
        self.bar.show()
        if self.tray is not None:
            self.tray.showMessage(
                translate("Reminders", "Collector Desk"),
                self.label.text(),
                QSystemTrayIcon.MessageIcon.Information,
            )

    def _show_text(self) -> None:
        item = self.current
        if item is None:
            self.label.setText("")
            return
        if item.kind == "callback":
            text = translate("Reminders", "Callback due: case %1").replace("%1", item.case_ref)
        else:
            text = translate("Reminders", "Promise due: case %1").replace("%1", item.case_ref)
        if self.current_next_allowed is not None:
            local = self.current_next_allowed.astimezone(ZoneInfo(item.time_zone))
            text += " · " + translate(
                "Reminders",
                "outside the customer's allowed hours; next allowed %1 (their time)",
            ).replace("%1", local.strftime("%Y-%m-%d %H:%M"))
        self.label.setText(text)

    def open_current(self) -> None:
        item = self._dismiss()
        if item is not None:
            self._open_case(item.case_id)

    def snooze_current(self) -> None:
        item, allowed = self.current, self.current_next_allowed
        if self._dismiss() is None or item is None:
            return
        until = self._clock() + timedelta(minutes=SNOOZE_MINUTES)
        if allowed is not None and allowed > until:
            until = allowed  # a callback outside hours comes back when it may be made
        self._snoozed[item.key] = (item, until)

    def _dismiss(self) -> DueItem | None:
        item, self.current = self.current, None
        self.bar.hide()
        QTimer.singleShot(0, self._announce_next)
        return item
