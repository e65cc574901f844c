"""The collector's main window: the queue on the left, the selected case on the right."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
)

from collector_desk.store.people import UserView
from collector_desk.store.queue import CaseQueue
from collector_desk.ui.detail_pane import DetailPane
from collector_desk.ui.i18n import LANGUAGES, Translations
from collector_desk.ui.queue_model import CASE_ID_ROLE, QueueModel

ROW_HEIGHT = 24

translate = QCoreApplication.translate


class MainWindow(QMainWindow):
    def __init__(
        self, queue: CaseQueue, user: UserView, translations: Translations, mode_note: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._user = user
        self._queue = queue
        self._translations = translations
        self._mode_note = mode_note
        zone = ZoneInfo(user.time_zone)

        self.model = QueueModel(queue, zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        # Fixed row height and no ResizeToContents anywhere: sizing a million rows to their
        # contents would read every row.
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.setVisible(False)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        for column, width in enumerate((60, 110, 100, 120, 120, 200, 190, 80, 120)):
            self.table.setColumnWidth(column, width)

        self.detail = DetailPane(zone, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)

        self.status_cases = QLabel(self)
        self.status_mode = QLabel(self)
        self.statusBar().addWidget(self.status_cases)
        self.statusBar().addPermanentWidget(self.status_mode)

        self._build_menus()
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.retranslate()
        self.resize(1400, 820)
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        self.table.setFocus()

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = self.menuBar().addMenu("")
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

    def retranslate(self) -> None:
        self.setWindowTitle(
            translate("MainWindow", "Collector Desk — %1").replace("%1", self._user.display_name)
        )
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.refresh_action.setText(translate("MainWindow", "&Refresh queue"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.table.setAccessibleName(translate("MainWindow", "Case queue"))
        self.detail.setAccessibleName(translate("MainWindow", "Case detail"))
        self.status_cases.setText(
            translate("MainWindow", "Cases in my queue: %1").replace(
                "%1", f"{self.model.rowCount():,}"
            )
        )
        self.status_mode.setText(
            self._mode_note or translate("MainWindow", "Offline: working from the local cache")
        )
        self.model.retranslate()
        self.detail.retranslate()

    def set_language(self, code: str) -> None:
        self._translations.set_language(code)
        self.language_actions[self._translations.language].setChecked(True)
        self.retranslate()

    def refresh(self) -> None:
        current = self.detail.detail.case_id if self.detail.detail else None
        self.model.reload()
        self.retranslate()
        if current is None and self.model.rowCount():
            self.table.selectRow(0)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        case_id = self.model.data(indexes[0], CASE_ID_ROLE)
        self.detail.show_case(None if case_id is None else self._queue.detail(case_id))
