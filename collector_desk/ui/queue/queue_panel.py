"""The queue panel: the views as tabs, a search box, and the table of cases."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.cache.queue_query import QueueSpec, View
from collector_desk.ui.queue.queue_model import CASE_ID_ROLE, QueueModel
from collector_desk.ui.queue.queue_table import QueueTable

translate = QCoreApplication.translate

ROW_HEIGHT = 24
SEARCH_DELAY_MS = 250  # wait for a pause in typing, not a query per keystroke
VIEWS = tuple(View)


def view_title(view: View) -> str:
    return {
        View.MY_QUEUE: translate("QueuePanel", "My queue"),
        View.CALLBACKS_DUE: translate("QueuePanel", "Callbacks due"),
        View.PROMISES_DUE_TODAY: translate("QueuePanel", "Promises due today"),
        View.BROKEN_PROMISES: translate("QueuePanel", "Broken promises"),
        View.NEW_ASSIGNMENTS: translate("QueuePanel", "New assignments"),
        View.UNTOUCHED: translate("QueuePanel", "Untouched 7 days"),
        View.ALL: translate("QueuePanel", "All"),
    }[view]


class QueuePanel(QWidget):
    case_selected = Signal(int)  # case id; -1 when nothing is selected
    count_changed = Signal(int)

    def __init__(self, queue: CaseQueue, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QueueModel(queue, zone, QueueSpec.for_view(View.MY_QUEUE), self)

        self.tabs = QTabBar(self)
        self.tabs.setObjectName("queueViews")
        self.tabs.setExpanding(False)
        for _ in VIEWS:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._on_view)

        self.search = QLineEdit(self)
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_done)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.search,
            self._clear_search,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        self.table = QueueTable(self)
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
        horizontal.setSortIndicatorShown(True)
        horizontal.setSectionsClickable(True)
        horizontal.sectionClicked.connect(self._on_header_clicked)
        for column, width in enumerate((90, 60, 140, 100, 110, 110, 190, 190, 80, 120)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._after_reset)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._after_reset()

    # -- public -------------------------------------------------------------------------
    def retranslate(self) -> None:
        for index, view in enumerate(VIEWS):
            self.tabs.setTabText(index, view_title(view))
            self.tabs.setTabToolTip(index, f"Ctrl+{index + 1}")
        self.search.setPlaceholderText(
            translate(
                "QueuePanel",
                "Search: name, card last 4, phone digits, case or account number (Ctrl+F)",
            )
        )
        self.search.setAccessibleName(translate("QueuePanel", "Search cases"))
        self.table.setAccessibleName(translate("QueuePanel", "Case queue"))
        self.model.retranslate()

    def show_view(self, view: View) -> None:
        self.tabs.setCurrentIndex(VIEWS.index(view))

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.data(index, CASE_ID_ROLE)

    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def select_next(self) -> bool:
        return self.select_row(self.table.currentIndex().row() + 1)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- private ------------------------------------------------------------------------
    def _on_view(self, index: int) -> None:
        if 0 <= index < len(VIEWS):
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.model.set_spec(QueueSpec.for_view(VIEWS[index]))

    def _apply_search(self) -> None:
        self.model.set_spec(self.model.spec.searching(self.search.text()))

    def _search_done(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._apply_search()
        self.table.setFocus()

    def _clear_search(self) -> None:
        self.search.clear()
        self._search_timer.stop()
        self._apply_search()
        self.table.setFocus()

    def _on_header_clicked(self, column: int) -> None:
        spec = self.model.spec
        same = column == self.model.sort_column()
        descending = not spec.descending if same else True
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.model.sort(column, order)
        self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        order = (
            Qt.SortOrder.DescendingOrder
            if self.model.spec.descending
            else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), order)
        header.blockSignals(False)

    def _after_reset(self) -> None:
        self._show_sort_indicator()
        self.count_changed.emit(self.model.rowCount())
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.case_selected.emit(-1)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            case_id = self.model.data(indexes[0], CASE_ID_ROLE)
            self.case_selected.emit(-1 if case_id is None else case_id)
