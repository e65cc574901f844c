"""Reminders: a callback or promise that comes due while the collector is on another case is
announced in a bar above the queue (and by the desktop's tray when there is one), with one key
to open the case and one to snooze. A callback the contact rules refuse now says so, with the
next allowed time in the customer's hours, and snoozes until then.

The snooze length is the collector's choice (the snooze button's menu), and snoozes outlive a
restart: both are kept in the window's settings file beside the layout, never in the cache. A
snoozed item whose case was worked meanwhile (the callback logged, the case moved) does not
come back."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSystemTrayIcon,
    QToolBar,
    QToolButton,
)
from sqlalchemy import Engine

from collector_desk.domain.contacts import Channel
from collector_desk.store.cache.queue_query import View
from collector_desk.store.cache.reminders import DueItem, came_due, due_counts, still_due
from collector_desk.store.shared.compliance import dial_check
from collector_desk.ui.common import formatting

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

CHECK_MS = 30_000
RETRY_MS = 1_000  # a dialog is open: look again soon, to announce once it closes
SNOOZE_MINUTES = 10  # until the collector chooses another length
SNOOZE_CHOICES = (5, 10, 15, 30, 60)
SNOOZE_LENGTH = "reminders/snooze_minutes"
SNOOZED = "reminders/snoozed_{user}"  # per user: two collectors may share a machine
OPEN_KEY = "Ctrl+Shift+O"
SNOOZE_KEY = "Ctrl+Shift+S"


def desktop_tray(window: QMainWindow) -> QSystemTrayIcon | None:
    """The notification area's icon, where the desktop has one (not every Linux desktop)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(window.windowIcon(), window)
    tray.show()
    return tray


class Reminders(QObject):
    badges_changed = Signal()  # the due views' counts, for their tabs and menu entries

    def __init__(
        self,
        engine: Engine,
        user_id: int,
        clock: Callable[[], datetime],
        window: QMainWindow,
        shown_case: Callable[[], int | None],
        open_case: Callable[[int], None],
        settings: QSettings | None = None,
        tray: Callable[[QMainWindow], QSystemTrayIcon | None] = desktop_tray,
    ) -> None:
        super().__init__(window)
        self._engine, self._user_id, self._clock = engine, user_id, clock
        self._window, self._shown_case, self._open_case = window, shown_case, open_case
        self._settings = settings
        self._since = clock()
        self.badges: dict[View, int] = {}
        self._pending: list[DueItem] = []
        self._snoozed: dict[tuple, tuple[DueItem, datetime]] = self._load_snoozes()
        self.snooze_minutes = self._load_length()
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
        self.length_menu = QMenu(window)
        self.length_actions: dict[int, QAction] = {}
        lengths = QActionGroup(self)
        for minutes in SNOOZE_CHOICES:
            choice = QAction(self.length_menu, checkable=True)
            choice.setChecked(minutes == self.snooze_minutes)
            choice.triggered.connect(lambda _=False, m=minutes: self.set_snooze_minutes(m))
            lengths.addAction(choice)
            self.length_menu.addAction(choice)
            self.length_actions[minutes] = choice
        self.snooze_action.setMenu(self.length_menu)
        for action in (self.open_action, self.snooze_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.bar.addAction(action)
            window.addAction(action)  # the keys work while the bar is hidden too
            button = self.bar.widgetForAction(action)
            if button is not None:
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never takes the keyboard
            if isinstance(button, QToolButton) and action is self.snooze_action:
                button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.hide()

        self.tray = tray(window)
        if self.tray is not None:
            self.tray.messageClicked.connect(self.open_current)

        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        QTimer.singleShot(0, self.check)  # the due views' counts from the start, not in 30 s
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._announce_next)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(translate("Reminders", "Open (%1)").replace("%1", OPEN_KEY))
        self.snooze_action.setText(
            translate("Reminders", "Snooze %1 min (%2)")
            .replace("%1", str(self.snooze_minutes))
            .replace("%2", SNOOZE_KEY)
        )
        for minutes, choice in self.length_actions.items():
            choice.setText(translate("Reminders", "%n minute(s)", None, minutes))
        self._show_text()

    def set_snooze_minutes(self, minutes: int) -> None:
        self.snooze_minutes = minutes
        self.length_actions[minutes].setChecked(True)
        if self._settings is not None:
            self._settings.setValue(SNOOZE_LENGTH, minutes)
        self.retranslate()

    def check(self) -> None:
        """What came due since the last look; snoozes that ended come back."""
        now = self._clock()
        fresh = came_due(self._engine, self._user_id, self._since, now)
        self._since = now
        counts = due_counts(self._engine, self._user_id, now - timedelta(days=1), now)
        badges = {
            View.CALLBACKS_DUE: counts["callback"],
            View.PROMISES_DUE_TODAY: counts["promise_due"],
        }
        if badges != self.badges:
            self.badges = badges
            self.badges_changed.emit()
        ended = [key for key, (_item, until) in self._snoozed.items() if until <= now]
        for key in ended:
            item, _until = self._snoozed.pop(key)
            if still_due(self._engine, self._user_id, item):
                fresh.append(item)
        if ended:
            self._save_snoozes()
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
            zone = ZoneInfo(item.time_zone)
            text += " · " + translate(
                "Reminders",
                "outside the customer's allowed hours; next allowed %1 (their time)",
            ).replace("%1", formatting.moment(self.current_next_allowed, zone))
        self.label.setText(text)

    def open_current(self) -> None:
        item = self._dismiss()
        if item is not None:
            self._open_case(item.case_id)

    def snooze_current(self) -> None:
        item, allowed = self.current, self.current_next_allowed
        if self._dismiss() is None or item is None:
            return
        until = self._clock() + timedelta(minutes=self.snooze_minutes)
        if allowed is not None and allowed > until:
            until = allowed  # a callback outside hours comes back when it may be made
        self._snoozed[item.key] = (item, until)
        self._save_snoozes()

    def _dismiss(self) -> DueItem | None:
        item, self.current = self.current, None
        self.bar.hide()
        QTimer.singleShot(0, self._announce_next)
        return item

    # -- what outlives a restart ----------------------------------------------------------
    def _load_length(self) -> int:
        stored = self._settings.value(SNOOZE_LENGTH) if self._settings is not None else None
        try:
            minutes = int(str(stored))
        except ValueError:
            return SNOOZE_MINUTES
        return minutes if minutes in SNOOZE_CHOICES else SNOOZE_MINUTES

    def _load_snoozes(self) -> dict[tuple, tuple[DueItem, datetime]]:
        if self._settings is None:
            return {}
        stored = self._settings.value(SNOOZED.format(user=self._user_id))
        snoozed: dict[tuple, tuple[DueItem, datetime]] = {}
        try:
            for entry in json.loads(str(stored)) if stored else []:
                item = DueItem(
                    int(entry["case_id"]),
                    str(entry["case_ref"]),
                    str(entry["kind"]),
                    datetime.fromisoformat(entry["due_at"]),
                    str(entry["time_zone"]),
                )
                until = datetime.fromisoformat(entry["until"])
                if item.due_at.tzinfo is None or until.tzinfo is None:
                    raise ValueError("a snooze without its time zone")
                snoozed[item.key] = (item, until)
        except (ValueError, TypeError, KeyError):
            # a settings file edited by hand: the snoozes are lost, never the desk
            log.warning("snoozed reminders in the settings file could not be read; dropped")
            return {}
        return snoozed

    def _save_snoozes(self) -> None:
        if self._settings is None:
            return
        entries = [
            {
                "case_id": item.case_id,
                "case_ref": item.case_ref,
                "kind": item.kind,
                "due_at": item.due_at.isoformat(),
                "time_zone": item.time_zone,
                "until": until.isoformat(),
            }
            for item, until in self._snoozed.values()
        ]
        self._settings.setValue(SNOOZED.format(user=self._user_id), json.dumps(entries))
        self._settings.sync()
