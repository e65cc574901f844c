"""The collector's main window: the queue on the left, the selected case on the right."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
)
from sqlalchemy.orm import Session

from collector_desk.config.message_templates import default_templates
from collector_desk.config.scripts import Loaded, load_scripts
from collector_desk.config.telephony import default_telephony
from collector_desk.domain.calls import CallRecord
from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contact_log import ContactEntry, FieldError
from collector_desk.domain.contacts import Channel, ContactPointKind, ContactPointStatus
from collector_desk.domain.policy import Decision
from collector_desk.phone.adapter import EventSink, Phone
from collector_desk.store.cache import actions, customer_actions, drafts, messages
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.caller_id import CallerMatch, cases_for_caller
from collector_desk.store.cache.outbox import pending_count
from collector_desk.store.cache.queue import CaseDetail, CaseQueue
from collector_desk.store.cache.queue_query import View
from collector_desk.store.cache.refused_changes import (
    acknowledge_refusal,
    count_refused,
    refused_changes,
)
from collector_desk.store.shared import plans
from collector_desk.store.shared.case_priority import refresh_due_priorities
from collector_desk.store.shared.compliance import dial_check
from collector_desk.store.shared.contact_log import ContactRejected
from collector_desk.store.shared.people import UserView
from collector_desk.sync.installation import describe_installation
from collector_desk.ui.call.call_control import ActiveCall, CallControl
from collector_desk.ui.call.call_guide import CallGuide
from collector_desk.ui.call.caller_choice import CallerChoice
from collector_desk.ui.call.log_dialog import LogDialog
from collector_desk.ui.call.preview_dialer import PreviewDialer, callable_point
from collector_desk.ui.case import correction_dialog
from collector_desk.ui.case.correction_dialog import CorrectionDialog
from collector_desk.ui.case.detail_pane import DetailPane
from collector_desk.ui.case.flag_dialog import FlagDialog
from collector_desk.ui.case.legal_dialog import LegalDialog
from collector_desk.ui.case.letters_menu import LettersMenu
from collector_desk.ui.case.message_dialog import MessageDialog
from collector_desk.ui.case.plan_dialog import PlanDialog
from collector_desk.ui.common import labels
from collector_desk.ui.common.case_changes import CaseChange, announce, case_changes
from collector_desk.ui.common.i18n import LANGUAGES, Translations
from collector_desk.ui.common.theme import show_as_error
from collector_desk.ui.help.help_menu import HelpMenu
from collector_desk.ui.queue.queue_panel import VIEWS, QueuePanel, view_title
from collector_desk.ui.shell import layout_memory
from collector_desk.ui.shell.idle_lock import Check, IdleLock
from collector_desk.ui.shell.refused_changes_dialog import RefusedChangesDialog
from collector_desk.ui.shell.reminders import Reminders
from collector_desk.ui.shell.sync_controller import Link, SyncController
from collector_desk.ui.team.team_window import TeamWindow

translate = QCoreApplication.translate
MESSAGE_CHANNEL_OF = {ContactPointKind.MOBILE: Channel.SMS, ContactPointKind.EMAIL: Channel.EMAIL}

log = logging.getLogger(__name__)
DRAFT_DELAY_MS = 400  # save a draft after a pause in typing, not on every keystroke
PRIORITY_REFRESH_MS = 5 * 60 * 1000
CLOCK_SKEW_WARNING_S = 5 * 60  # contact times are the desktop's: say when they are off
PHONE_NOTICE_MS = 10_000
PREVIEW_LOOKAHEAD = 50  # cases preview dialing passes over looking for one it may call
ROWS_READ_ONE_BY_ONE = 20  # more cases changed at once (a rebalance): the queue reloads


class MainWindow(QMainWindow):
    def __init__(
        self,
        queue: CaseQueue,
        user: UserView,
        translations: Translations,
        mode_note: str = "",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        scripts: Loaded | None = None,
        practice_seed: int | None = None,
        settings: QSettings | None = None,
        phone: Callable[[EventSink], Phone | None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._user = user
        self._queue = queue
        self._translations = translations
        self._mode_note = mode_note
        self._clock = clock
        self.log_dialog: LogDialog | None = None
        self._last_call: tuple[ActiveCall, CallRecord] | None = None  # ended, not yet logged
        self.plan_dialog: PlanDialog | None = None
        self.message_dialog: MessageDialog | None = None
        self.legal_dialog: LegalDialog | None = None
        self.flag_dialog: FlagDialog | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.team_window: TeamWindow | None = None
        self.sync: SyncController | None = None
        self.idle_lock: IdleLock | None = None
        zone = ZoneInfo(user.time_zone)
        self._bring_due_up()  # before the queue is first laid out

        self.queue_panel = QueuePanel(queue, zone, self)
        self.model = self.queue_panel.model
        self.table = self.queue_panel.table
        self.detail = DetailPane(zone, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.queue_panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        # the call guide: a panel beside the case, closed until the collector wants it (F6)
        self.guide = CallGuide(
            scripts or load_scripts(None),
            user,
            clock,
            lambda: self._translations.language,
            self,
            practice_seed=practice_seed,
        )
        self.guide_dock = QDockWidget(self)
        self.guide_dock.setObjectName("callGuideDock")
        self.guide_dock.setWidget(self.guide)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.guide_dock)
        self.guide_dock.hide()
        self.guide.log_requested.connect(self._log_from_guide)
        self._script_problems = self.guide.problems
        self._flag_offer: tuple[int, CaseFlag] | None = None

        self.status_cases = QLabel(self)
        self.status_outbox = QLabel(self)
        self.status_mode = QLabel(self)
        self.status_link = QLabel(self)
        self.status_drafts = QLabel(self)
        self.status_refused = QLabel(self)
        self.status_refused.setObjectName("statusRefused")
        self.statusBar().addWidget(self.status_cases)
        self.statusBar().addWidget(self.status_drafts)
        self.statusBar().addWidget(self.status_refused)
        self.statusBar().addPermanentWidget(self.status_link)
        self.statusBar().addPermanentWidget(self.status_outbox)
        self.statusBar().addPermanentWidget(self.status_mode)

        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self._pending_draft: tuple[int, dict] | None = None

        # Callbacks come due while the window is open: re-score them quietly; the order
        # changes on the next refresh (F5) or view switch, never under the collector's cursor.
        self._due_timer = QTimer(self, interval=PRIORITY_REFRESH_MS)
        self._due_timer.timeout.connect(self._bring_due_up)
        self._due_timer.start()

        self._build_actions()
        # None: the collector dials on a separate phone
        telephony = default_telephony()
        self.calls = CallControl(self, phone, telephony.ring_seconds, clock, telephony.home_region)
        self.calls.ended.connect(self._call_ended)
        self.calls.ringing_in.connect(self._ringing_in)
        self.caller_choice: CallerChoice | None = None
        self.preview = PreviewDialer(
            self,
            telephony.preview_seconds,
            self._next_callable,
            self._preview_dial,
            lambda: self.idle_lock is not None and self.idle_lock.locked,
        )
        self.case_menu.addAction(self.preview.mode_action)
        self.preview.mode_action.setEnabled(phone is not None)  # it dials: a phone it needs
        self.reminders = Reminders(
            queue.engine,
            user.id,
            clock,
            self,
            lambda: self.detail.detail.case_id if self.detail.detail else None,
            self._show_case,
            settings,
        )
        self.reminders.badges_changed.connect(self._show_badges)
        self.queue_panel.case_selected.connect(self._show_case)
        self.detail.reveal_requested.connect(self._reveal)
        self.detail.point_action.connect(self._point_action)
        self.detail.correct_requested.connect(self.open_correction)
        self.queue_panel.count_changed.connect(lambda _n: self._update_status())
        case_changes().changed.connect(self._on_case_change)
        self.retranslate()
        self.resize(1400, 820)
        self._settings = settings  # None: a test or a screenshot, which must not remember
        if settings is not None:
            layout_memory.restore(self, settings)
        current = self.queue_panel.current_case_id()
        if current is not None:
            self._show_case(current)
        self.table.setFocus()

    # -- actions --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        # enabled once the desk can check a password to unlock (attach_lock)
        self.lock_action = QAction(self, enabled=False)
        self.lock_action.setShortcut(QKeySequence("F12"))
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.quit_action)

        self.case_menu = bar.addMenu("")
        self.log_action = QAction(self)
        self.log_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_action.triggered.connect(lambda: self.open_log())
        self.case_menu.addAction(self.log_action)
        self.plan_action = QAction(self)
        self.plan_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.plan_action.triggered.connect(lambda: self.open_plan())
        self.case_menu.addAction(self.plan_action)
        self.message_action = QAction(self)
        self.message_action.setShortcut(QKeySequence("Ctrl+M"))
        self.message_action.triggered.connect(lambda: self.open_message())
        self.case_menu.addAction(self.message_action)
        self.letters = LettersMenu(self, self.case_menu, lambda: self.detail.detail, self._clock)
        self.legal_action = QAction(self)
        self.legal_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.legal_action.triggered.connect(lambda: self.open_legal())
        self.case_menu.addAction(self.legal_action)
        self.flag_action = QAction(self)
        self.flag_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.flag_action.triggered.connect(lambda: self.open_flags())
        self.case_menu.addAction(self.flag_action)
        self.dial_action = QAction(self)
        self.dial_action.setShortcut(QKeySequence("Ctrl+D"))
        self.dial_action.triggered.connect(lambda: self.dial())
        self.case_menu.addAction(self.dial_action)
        # A bare "L" in the queue opens the log too: the first of three keys for
        # "no answer, next case". Only on the table, so typing "l" in search still works.
        QShortcut(
            QKeySequence("L"),
            self.table,
            lambda: self.open_log(),
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.triggered.connect(self.sync_now)
        self.case_menu.addAction(self.sync_action)
        self.issues_action = QAction(self)
        self.issues_action.triggered.connect(self.show_sync_issues)
        self.case_menu.addAction(self.issues_action)

        # the team lead's desk: not offered to collectors (the server refuses them too)
        self.team_menu = bar.addMenu("")
        self.team_action = QAction(self)
        self.team_action.setShortcut(QKeySequence("Ctrl+T"))
        self.team_action.triggered.connect(lambda: self.open_team())
        self.team_menu.addAction(self.team_action)
        self.team_menu.menuAction().setVisible(self._user.role.is_lead)
        self.team_action.setEnabled(self._user.role.is_lead)

        self.view_menu = bar.addMenu("")
        self.view_actions: list[QAction] = []
        for index, view in enumerate(VIEWS):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, v=view: self.show_view(v))
            self.view_menu.addAction(action)
            self.view_actions.append(action)
        self.view_menu.addSeparator()
        self.guide_action = self.guide_dock.toggleViewAction()
        self.guide_action.setShortcut(QKeySequence("F6"))
        self.guide_action.toggled.connect(self._guide_toggled)
        self.view_menu.addAction(self.guide_action)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.queue_panel.focus_search)
        self.view_menu.addAction(self.search_action)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.view_menu.addAction(self.refresh_action)
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)  # each language names itself
            action.setChecked(code == self._translations.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.help = HelpMenu(
            self,
            lambda: self._translations.language,
            lambda: describe_installation(self._queue.engine),
            lambda: self._mode_note,  # a desk's server URL, or what the demo or practice runs on
        )

    def retranslate(self) -> None:
        self.setWindowTitle(
            translate("MainWindow", "Collector Desk — %1").replace("%1", self._user.display_name)
        )
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.lock_action.setText(translate("MainWindow", "&Lock (F12)"))
        self.case_menu.setTitle(translate("MainWindow", "&Case"))
        self.log_action.setText(translate("MainWindow", "&Log contact… (L)"))
        self.dial_action.setText(translate("MainWindow", "&Call selected number (C)"))
        self.plan_action.setText(translate("MainWindow", "Repayment &plan…"))
        self.legal_action.setText(translate("MainWindow", "Le&gal…"))
        self.flag_action.setText(translate("MainWindow", "&Flags…"))
        self.team_menu.setTitle(translate("MainWindow", "&Team"))
        self.team_action.setText(translate("MainWindow", "Workload and &approvals…"))
        self.message_action.setText(translate("MainWindow", "Write a &message… (Ctrl+M)"))
        self.letters.retranslate()
        self.sync_action.setText(translate("MainWindow", "S&ync now"))
        self.issues_action.setText(translate("MainWindow", "Changes the server &refused…"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.search_action.setText(translate("MainWindow", "&Search"))
        self.refresh_action.setText(translate("MainWindow", "&Refresh queue"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.guide_dock.setWindowTitle(translate("MainWindow", "Call guide"))
        self.guide_action.setText(translate("MainWindow", "Call &guide (F6)"))
        self.guide.retranslate()
        self.help.retranslate()
        if self._script_problems:  # the lead or IT fixes them; the collector works on
            n = len(self._script_problems)
            self.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "%n call script(s) could not be read; their last good version is used "
                    "(collector-desk scripts check says why).",
                    None,
                    n,
                )
            )
        self.detail.setAccessibleName(translate("MainWindow", "Case detail"))
        self.queue_panel.retranslate()
        self.detail.retranslate()
        self.reminders.retranslate()
        self.calls.retranslate()
        self._show_badges()
        self._update_status()

    def _show_badges(self) -> None:
        """The due views carry how many of their items are due now, on their tabs and in the
        View menu alike."""
        for index, (view, action) in enumerate(zip(VIEWS, self.view_actions, strict=True)):
            count, title = self.reminders.badges.get(view, 0), view_title(view)
            text = f"{title} ({count})" if count else title
            self.queue_panel.tabs.setTabText(index, text)
            action.setText(text)

    def _update_status(self) -> None:
        self.status_cases.setText(
            translate("MainWindow", "Cases in this view: %1").replace(
                "%1", f"{self.model.rowCount():,}"
            )
        )
        with Session(self._queue.engine) as session:
            waiting = pending_count(session)
        self.status_outbox.setText(
            translate("MainWindow", "Changes waiting to sync: %1").replace("%1", str(waiting))
        )
        self.status_mode.setText(
            self._mode_note or translate("MainWindow", "Offline: working from the local cache")
        )
        self.status_link.setText(self._link_text())
        # a status that grows ("Online · synced 10:32") must not be cut to "Online · sy"
        hint = self.status_link.sizeHint().width()
        self.status_link.setMinimumWidth(
            hint + self.status_link.fontMetrics().averageCharWidth() * 2
        )
        waiting_drafts = len(drafts.cases_with_drafts(self._queue.engine, self._user.id))
        self.status_drafts.setText(
            translate(
                "MainWindow", "Unsaved contact notes: %1 (they reopen with their case)"
            ).replace("%1", str(waiting_drafts))
            if waiting_drafts
            else ""
        )
        refused = count_refused(self._queue.engine)
        self.status_refused.setText(
            translate("MainWindow", "Refused by the server: %1").replace("%1", str(refused))
            if refused
            else ""
        )
        self.status_refused.setToolTip(
            translate("MainWindow", "Case → Changes the server refused") if refused else ""
        )
        self.status_refused.setMinimumWidth(self.status_refused.sizeHint().width())
        show_as_error(self.status_refused, bool(refused))

    # -- sync -----------------------------------------------------------------------------
    def attach_sync(self, controller: SyncController) -> None:
        self.sync = controller
        controller.changed.connect(self._update_status)
        controller.changed.connect(self._close_if_revoked)
        self._update_status()

    def attach_lock(
        self, check: Check, minutes: int, clock: Callable[[], float] = time.monotonic
    ) -> IdleLock:
        """Lock after `minutes` idle (0: only on F12); `check` says whether a password is
        the user's."""
        self.idle_lock = IdleLock(self._user.display_name, minutes, check, clock, parent=self)
        self.lock_action.triggered.connect(self.idle_lock.lock)
        self.lock_action.setEnabled(True)
        return self.idle_lock

    def closeEvent(self, event) -> None:
        if self._settings is not None:
            layout_memory.save(self, self._settings)
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self.calls.close()
        super().closeEvent(event)

    def _close_if_revoked(self) -> None:
        """Everything typed here reached the server; the window goes and the desk wipes."""
        shown = self.isVisible() or (self.idle_lock is not None and self.idle_lock.locked)
        if self.sync is not None and self.sync.link is Link.REVOKED and shown:
            QTimer.singleShot(0, self.close)

    def sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()

    def _link_text(self) -> str:
        sync = self.sync
        if sync is None:
            return translate("MainWindow", "Not connected to a server")
        when = (
            ""
            if sync.last_sync is None
            else sync.last_sync.astimezone(ZoneInfo(self._user.time_zone)).strftime("%H:%M")
        )
        if sync.link is Link.SYNCING:
            return translate("MainWindow", "Syncing…")
        if sync.link is Link.ONLINE:
            text = translate("MainWindow", "Online · synced %1").replace("%1", when)
            if abs(sync.clock_skew_s) >= CLOCK_SKEW_WARNING_S:
                minutes = str(round(abs(sync.clock_skew_s) / 60))
                text += " · " + translate(
                    "MainWindow", "this computer's clock is %1 min off the server's"
                ).replace("%1", minutes)
            return text
        if sync.link is Link.SIGNED_OUT:
            return translate("MainWindow", "Signed out: sign in again to sync")
        if sync.link is Link.REVOKED:
            return translate("MainWindow", "Access withdrawn: closing")
        retry = "" if sync.retry_in_s is None else str(int(sync.retry_in_s))
        if sync.link is Link.SERVER_ERROR:
            return translate("MainWindow", "Server error · retrying in %1 s").replace("%1", retry)
        if sync.link is Link.DESK_ERROR:
            return translate(
                "MainWindow", "Sync error on this computer · retrying in %1 s"
            ).replace("%1", retry)
        return translate("MainWindow", "Offline · retrying in %1 s").replace("%1", retry)

    def _on_case_change(self, change: CaseChange) -> None:
        """Cases changed in the cache, whoever changed them: the queue's rows, the case shown
        (and the call guide on it) and the status bar follow."""
        if change.many or len(change.case_ids) > ROWS_READ_ONE_BY_ONE:
            self._reload_keeping_place()
            return
        for case_id in sorted(change.case_ids):
            self.model.update_case(case_id)
        shown = self.detail.detail
        if shown is not None and change.touches(shown.case_id):
            self._show_case(shown.case_id)
        self._update_status()

    def _reload_keeping_place(self) -> None:
        """Cases came or went: reload the queue, keeping the case in hand if it is still ours."""
        if self.log_dialog is not None:
            return  # not while the collector is typing; the next pull or F5 will do it
        current = self.detail.detail.case_id if self.detail.detail else None
        row = self.table.currentIndex().row()
        self.model.reload()
        self._update_status()
        for candidate in range(max(0, row - 50), min(self.model.rowCount(), row + 50)):
            found = self.model.row_at(candidate)
            if found is not None and found.case_id == current:
                self.queue_panel.select_row(candidate)
                return
        if self.model.rowCount():
            self.queue_panel.select_row(max(0, min(row, self.model.rowCount() - 1)))

    def show_sync_issues(self) -> RefusedChangesDialog:
        """Each refused change with its case, what it was and why, until acknowledged."""
        engine = self._queue.engine

        def acknowledge(mutation_ids: list[int]) -> None:
            acknowledge_refusal(engine, mutation_ids)
            self._update_status()

        dialog = RefusedChangesDialog(
            refused_changes(engine),
            ZoneInfo(self._user.time_zone),
            self._show_case,
            acknowledge,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refused_dialog = dialog
        dialog.open()
        return dialog

    def set_language(self, code: str) -> None:
        self._translations.set_language(code)
        self.language_actions[self._translations.language].setChecked(True)
        self.retranslate()

    def show_view(self, view: View) -> None:
        self.queue_panel.show_view(view)
        self.table.setFocus()

    def _bring_due_up(self) -> None:
        """Cases whose callback or promise came due, or whose plan missed an installment,
        climb the queue (at start, every few minutes, and on F5)."""
        now = self._clock()
        plans.monitor_my_plans(self._queue.engine, self._user.id, now)
        refresh_due_priorities(self._queue.engine, self._user.id, now)

    def refresh(self) -> None:
        self._bring_due_up()
        self.model.reload()
        self._update_status()

    # -- the case -------------------------------------------------------------------------
    def _show_case(self, case_id: int) -> None:
        self.detail.show_case(None if case_id < 0 else self._queue.detail(case_id))
        detail = self.detail.detail
        if self.guide_dock.isVisible() and detail is not None:
            same_call = self.guide.detail is not None and self.guide.detail.case_id == case_id
            if not same_call:  # a new case: the guide is ready at its greeting
                self.guide.start(detail, self.detail.selected_point())
            else:  # the same call goes on, with the case's figures as they are now
                self.guide.case_changed(detail)

    # -- the call guide -------------------------------------------------------------------
    def _guide_toggled(self, shown: bool) -> None:
        detail = self.detail.detail
        if shown and detail is not None:
            self.guide.start(detail, self.detail.selected_point())
            self.guide.setFocus()

    def _log_from_guide(self, fields: dict, flag: CaseFlag | None) -> None:
        detail = self.detail.detail
        if (
            detail is None
            or self.guide.detail is None
            or detail.case_id != self.guide.detail.case_id
        ):
            return
        self._flag_offer = (detail.case_id, flag) if flag is not None else None
        point, at = self.guide.point_id, self.guide.dialed_at
        self.open_log(
            dialed=(point, at) if point is not None and at is not None else None, prefill=fields
        )

    def _reveal(self, case_id: int) -> None:
        full = customer_actions.reveal_national_id(
            self._queue.engine, self._user.id, case_id, self._clock()
        )
        self.detail.show_national_id(full)
        self._update_status()

    def _point_action(self, case_id: int, point_id: int, action: str) -> None:
        engine, now = self._queue.engine, self._clock()
        if action == "dial":
            self.dial(point_id)
            return
        if action == "preferred":
            customer_actions.set_preferred(engine, self._user.id, case_id, point_id, now)
        elif action == "consent":
            point = (
                next((p for p in self.detail.detail.contact_points if p.id == point_id), None)
                if self.detail.detail is not None
                else None
            )
            if point is None or point.kind not in MESSAGE_CHANNEL_OF:
                return  # a landline or a postal address takes no messages
            channel = MESSAGE_CHANNEL_OF[point.kind]
            customer_actions.set_consent(
                engine,
                self._user.id,
                case_id,
                point_id,
                channel,
                channel not in point.consented,
                now,
            )
        else:
            status = ContactPointStatus(action)
            customer_actions.set_point_status(engine, self._user.id, case_id, point_id, status, now)
        row = self.detail.points.currentRow()
        announce({case_id}, source=self)
        self.detail.points.setCurrentCell(row, 0)

    def dial(self, point_id: int | None = None) -> LogDialog | None:
        """Call the selected number, if the policy pack allows it now: the log opens on that
        number, judged as of the dial. A refusal says why and when to try again."""
        detail = self.detail.detail
        point_id = point_id if point_id is not None else self.detail.selected_point()
        if detail is None or point_id is None:
            return None
        now = self._clock()
        decision = dial_check(
            self._queue.engine, self._user.id, detail.case_id, point_id, Channel.CALL, now
        )
        if not decision.allowed:
            self.detail.show_dial_refused(decision)
            return None  # a refused dial never reaches the phone
        followed = self._place_call(detail, point_id)
        if self.guide_dock.isVisible():  # guided: the log comes at the end of the script
            self.guide.start(detail, point_id, dialed_at=now)
            self.guide.setFocus()
            return None
        if followed:  # the log opens when the call ends, filled from it
            return None
        return self.open_log(dialed=(point_id, now))

    def _place_call(self, detail: CaseDetail, point_id: int) -> bool:
        """Hand the number to the phone; True when the phone follows the call."""
        point = next((p for p in detail.contact_points if p.id == point_id), None)
        if point is None or not point.kind.is_phone:
            return False
        followed = self.calls.place(point.value, detail.case_id, point_id)
        if self.calls.problem:  # the collector can still dial by hand and log the call
            self.statusBar().showMessage(self.calls.problem, PHONE_NOTICE_MS)
        return followed

    def _call_ended(self, record: CallRecord, call: ActiveCall) -> None:
        """The log opens on the case the call was for, filled from the call; a guided call
        keeps the record for the log the guide opens at the end of its script."""
        self._last_call = (call, record)
        if self.guide_dock.isVisible() and self.guide.detail is not None:
            return
        if call.case_id is not None and (
            self.detail.detail is None or self.detail.detail.case_id != call.case_id
        ):
            self._show_case(call.case_id)
        if self.log_dialog is None:
            self.open_log(dialed=(call.point_id, record.started_at) if call.point_id else None)

    def _next_callable(self, move: bool) -> tuple[int, str] | None:
        """The number preview dialing calls: on the case shown (unless `move`), else on the
        next case in the queue with a number of the customer's own the rules allow now."""
        for step in range(PREVIEW_LOOKAHEAD):
            if (move or step > 0) and not self.queue_panel.select_next():
                return None
            detail = self.detail.detail
            point = None if detail is None else callable_point(detail)
            if point is not None:
                ids = [p.id for p in detail.contact_points] if detail else []
                self.detail.points.setCurrentCell(ids.index(point.id), 0)
                return point.id, point.value
        return None

    def _preview_dial(self, point_id: int) -> bool:
        self.dial(point_id)  # the rules are asked again, as of now
        if self.calls.call is not None:
            return True
        return self.log_dialog is not None and not self.calls.problem

    def _ringing_in(self, number: str) -> None:
        """Whose call it is, from my cases' numbers: one case opens, several are offered, none
        leaves the number in the search box (a relative's new number, a case not mine)."""
        matches = cases_for_caller(self._queue.engine, self._user.id, number) if number else []
        if len(matches) == 1:
            self._take_caller(matches[0])
        elif matches:
            choice = CallerChoice(matches, self)
            choice.accepted.connect(lambda: self._take_caller(choice.chosen()))
            choice.finished.connect(lambda _r: setattr(self, "caller_choice", None))
            self.caller_choice = choice
            choice.open()
        elif number:
            self.queue_panel.search.setText(number.lstrip("+"))
            self.queue_panel.focus_search()

    def _take_caller(self, match: CallerMatch | None) -> None:
        call = self.calls.call
        if match is None or call is None:
            return
        call.case_id, call.point_id = match.case_id, match.point_id
        self.calls.case_ref = match.case_ref
        self._show_case(match.case_id)
        detail = self.detail.detail
        if self.guide_dock.isVisible() and detail is not None:  # the inbound script
            self.guide.start(detail, match.point_id, None, inbound=True)

    def open_plan(self) -> PlanDialog | None:
        detail = self.detail.detail
        if detail is None:
            return None
        engine, user, case_id = self._queue.engine, self._user, detail.case_id
        dialog = PlanDialog(
            detail,
            lambda kind, waived, first, money, count: plans.preview(
                engine, user, case_id, kind, waived, first, money, self._clock(), count
            ),
            lambda request: actions.propose_plan(engine, user, case_id, request, self._clock()),
            self._clock(),
            self,
        )
        dialog.agreed.connect(lambda _plan: self._case_changed(case_id))
        dialog.finished.connect(lambda _result: setattr(self, "plan_dialog", None))
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def open_message(self) -> MessageDialog | None:
        """An SMS or e-mail from a template, queued for the central store to send."""
        detail = self.detail.detail
        if detail is None:
            return None
        engine, user_id, case_id = self._queue.engine, self._user.id, detail.case_id
        dialog = MessageDialog(
            detail,
            default_templates(),
            lambda point, key, channel: messages.preview(
                engine, user_id, case_id, point, key, channel, self._clock()
            ),
            lambda point, key, channel: messages.queue_message(
                engine, user_id, case_id, point, key, channel, self._clock()
            ),
            self,
        )
        dialog.sent.connect(
            lambda: self.statusBar().showMessage(
                translate("MainWindow", "Message queued: the central store sends it."), 5000
            )
        )
        return self._open_case_dialog(dialog, "message_dialog", case_id)

    def open_legal(self) -> LegalDialog | None:
        detail = self.detail.detail
        if detail is None or detail.legal is None:
            return None
        engine, user, case_id = self._queue.engine, self._user, detail.case_id
        today = self._clock().astimezone(ZoneInfo(detail.time_zone)).date()
        dialog = LegalDialog(
            detail.legal,
            lambda to, on, documents: actions.legal_step(
                engine, user, case_id, to, on, documents, self._clock()
            ),
            today,
            self,
        )
        return self._open_case_dialog(dialog, "legal_dialog", case_id)

    def open_flags(self) -> FlagDialog | None:
        detail = self.detail.detail
        if detail is None:
            return None
        engine, user, case_id = self._queue.engine, self._user, detail.case_id
        dialog = FlagDialog(
            detail.flags,
            lambda flag, on, reason: actions.set_flag(
                engine, user, case_id, flag, on, reason, self._clock()
            ),
            self,
        )
        return self._open_case_dialog(dialog, "flag_dialog", case_id)

    def open_correction(self, case_id: int, contact_id: str) -> CorrectionDialog | None:
        dialog = correction_dialog.for_contact(
            self.detail.detail, contact_id, self._queue.engine, self._user, self._clock, self
        )
        if dialog is None:
            return None
        return self._open_case_dialog(dialog, "correction_dialog", case_id)

    def _open_case_dialog(self, dialog, attribute: str, case_id: int):
        """Show a dialog acting on one case: kept as `attribute` while open (tests drive it),
        and the case shown afresh when it is accepted."""
        dialog.accepted.connect(lambda: self._case_changed(case_id))
        dialog.finished.connect(lambda _result: setattr(self, attribute, None))
        setattr(self, attribute, dialog)
        dialog.open()
        return dialog

    def open_team(self) -> TeamWindow | None:
        if not self._user.role.is_lead:
            return None
        window = TeamWindow(
            self._queue.engine, self._user, self._clock, parent=self, sync=self.sync
        )
        window.finished.connect(lambda _result: setattr(self, "team_window", None))
        self.team_window = window
        window.open()
        return window

    def _case_changed(self, case_id: int) -> None:
        announce({case_id}, source=self)

    def _judge(self, case_id: int, channel: Channel, point_id: int | None) -> Decision:
        return dial_check(
            self._queue.engine, self._user.id, case_id, point_id, channel, self._clock()
        )

    def open_log(
        self, dialed: tuple[int, datetime] | None = None, prefill: dict | None = None
    ) -> LogDialog | None:
        """The contact log for the case shown; `prefill` (from the call guide) stands in for
        any draft."""
        detail = self.detail.detail
        if detail is None:
            return None
        case_id = detail.case_id
        draft = prefill or drafts.load_draft(self._queue.engine, self._user.id, case_id)
        call = None
        if self._last_call is not None and self._last_call[0].case_id == case_id:
            call, self._last_call = self._last_call[1], None
        dialog = LogDialog(
            detail,
            lambda entry: self._submit(case_id, entry),
            self._clock,
            draft,
            self,
            judge=lambda channel, point: self._judge(case_id, channel, point),
            dialed=dialed,
            call=call,
        )
        dialog.draft_changed.connect(lambda fields: self._queue_draft(case_id, fields))
        dialog.finished.connect(lambda result: self._log_closed(dialog, case_id, result))
        self.log_dialog = dialog
        dialog.open()
        return dialog

    def _submit(self, case_id: int, entry: ContactEntry) -> list[FieldError]:
        self._draft_timer.stop()
        self._pending_draft = None
        try:
            log_contact(self._queue.engine, self._user.id, case_id, entry, self._clock())
        except ContactRejected as rejected:
            return rejected.errors
        return []

    def _log_closed(self, dialog: LogDialog, case_id: int, result: int) -> None:
        self.log_dialog = None
        if result != LogDialog.DialogCode.Accepted:
            self._flag_offer = None  # nothing was logged: the call's flag waits for a new one
            attempt = dialog.unanswered_attempt()
            if attempt is not None and not self._submit(case_id, attempt):
                self.statusBar().showMessage(
                    translate("MainWindow", "The unanswered call was logged as %1.").replace(
                        "%1", labels.outcome(attempt.outcome)
                    ),
                    PHONE_NOTICE_MS,
                )
                announce({case_id}, source=self)
            self._save_draft()  # whatever was typed stays for next time
            self._update_status()
            return
        offer, self._flag_offer = self._flag_offer, None
        if offer is not None and offer[0] == case_id:  # the call asked for a flag: set it now
            announce({case_id}, source=self)  # its row, the case shown afresh, the status
            flag_dialog = self.open_flags()
            if flag_dialog is not None:
                flag_dialog.suggest(offer[1], dialog.fields()["note"].splitlines()[0])
            return
        if dialog.next_requested:
            self.queue_panel.select_next()
            self.preview.after_save()
        announce({case_id}, source=self)  # and the case, if it is still the one shown
        self.table.setFocus()

    def _queue_draft(self, case_id: int, fields: dict) -> None:
        self._pending_draft = (case_id, fields)
        self._draft_timer.start()

    def _save_draft(self) -> None:
        if self._pending_draft is None:
            return
        case_id, fields = self._pending_draft
        self._pending_draft = None
        drafts.save_draft(self._queue.engine, self._user.id, case_id, fields, self._clock())
