"""The queue as a Qt table model that reads the cache a window of rows at a time.

Only the rows a view asks for are fetched (PAGE rows per query) and a bounded number of pages
is kept, so a million cases cost the memory of a few screenfuls. data() never queries per cell.
"""

from __future__ import annotations

from collections import OrderedDict
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import Channel
from collector_desk.domain.policy import Attempt, CaseState, Decision, may_contact
from collector_desk.store.cache.queue import CaseQueue, QueueLayout, QueueRow
from collector_desk.store.cache.queue_query import QueueSpec, SortKey
from collector_desk.ui.common import formatting, labels

translate = QCoreApplication.translate
_ROOT = QModelIndex()  # the invisible root; Qt's models default their parent to it

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED = QColor(128, 128, 128)

COLUMNS = (
    "contactable",
    "priority",
    "customer",
    "bucket",
    "overdue",
    "balance",
    "last_contact",
    "next_action",
    "promise",
    "flags",
)
NUMERIC = {"priority", "overdue", "balance"}
SORTABLE = {
    "priority": SortKey.PRIORITY,
    "bucket": SortKey.DPD,
    "overdue": SortKey.OVERDUE,
    "balance": SortKey.BALANCE,
    "last_contact": SortKey.LAST_CONTACT,
    "next_action": SortKey.NEXT_ACTION,
}


def _header(key: str) -> str:
    return {
        "contactable": translate("QueueModel", "Contact now"),
        "priority": translate("QueueModel", "Priority"),
        "customer": translate("QueueModel", "Customer"),
        "bucket": translate("QueueModel", "Bucket / DPD"),
        "overdue": translate("QueueModel", "Overdue"),
        "balance": translate("QueueModel", "Balance"),
        "last_contact": translate("QueueModel", "Last contact"),
        "next_action": translate("QueueModel", "Next action"),
        "promise": translate("QueueModel", "Promise"),
        "flags": translate("QueueModel", "Flags"),
    }[key]


class QueueModel(QAbstractTableModel):
    PAGE = 200
    MAX_PAGES = 50

    def __init__(
        self, queue: CaseQueue, display_zone: ZoneInfo, spec: QueueSpec | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._zone = display_zone
        self._layout = queue.layout(spec or QueueSpec())
        self._pages: OrderedDict[int, list[QueueRow]] = OrderedDict()
        self._count = self._layout.total
        self._packs = default_packs()
        self._zones: dict[str, ZoneInfo] = {}
        self._verdicts: dict[tuple[str, str, bool], Decision] = {}

    @property
    def spec(self) -> QueueSpec:
        return self._layout.spec

    @property
    def layout(self) -> QueueLayout:
        return self._layout

    def set_spec(self, spec: QueueSpec, resort: bool = False) -> None:
        """Show another view, order or search: a count or two and one page, whatever the size.

        resort: only the order changes (a header click), so the view's count on show is kept
        and nothing is counted again but what the new order splits.
        """
        self.beginResetModel()
        self._layout = self._queue.layout(spec, like=self._layout if resort else None)
        self._pages.clear()
        self._verdicts.clear()  # judged as of the layout's moment
        self._count = self._layout.total
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORTABLE.get(COLUMNS[column]) if 0 <= column < len(COLUMNS) else None
        if key is None:
            return  # this column has no index to sort on; the order stays as it is
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_spec(self.spec.sorted_by(key, descending), resort=True)

    def sort_column(self) -> int:
        for column, name in enumerate(COLUMNS):
            if SORTABLE.get(name) == self.spec.sort:
                return column
        return -1

    def update_case(self, case_id: int) -> None:
        """Re-read one case after a change; it keeps its place until the view is refreshed."""
        fresh = self._queue.rows([case_id])
        for page_no, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.case_id == case_id and fresh:
                    page[offset] = fresh[0]
                    row_no = page_no * self.PAGE + offset
                    self.dataChanged.emit(
                        self.index(row_no, 0), self.index(row_no, len(COLUMNS) - 1)
                    )
                    return

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _header(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or index.row() >= self._count:
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, CASE_ID_ROLE, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.ForegroundRole:
            # greyed as well as marked "✗" in its own column: the state reads without colour
            return None if self.contactability(row).allowed else MUTED
        return self._display(row, key)

    def contactability(self, row: QueueRow) -> Decision:
        """As of the moment the view was laid out, so the marks agree with the order.

        The queue judges the case by its hours and stop flags; caps need the case's history and
        are judged per number in the detail pane and at the dial."""
        # data() asks for every visible cell and role; the verdict depends on pack, zone and
        # stop flag only, a handful of combinations per layout, so each is judged once
        key = (row.policy_pack, row.time_zone, row.blocked)
        decision = self._verdicts.get(key)
        if decision is None:
            case = CaseState(self._zone_of(row), blocked=row.blocked)
            pack = self._packs.get(row.policy_pack)
            decision = may_contact(pack, Attempt(Channel.CALL), case, (), self._layout.now)
            self._verdicts[key] = decision
        return decision

    def _zone_of(self, row: QueueRow) -> ZoneInfo:
        zone = self._zones.get(row.time_zone)
        if zone is None:
            zone = self._zones[row.time_zone] = ZoneInfo(row.time_zone)
        return zone

    # -- our interface ------------------------------------------------------------------
    def row_at(self, row: int) -> QueueRow | None:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, self.PAGE)
        page = self._pages.get(page_no)
        if page is None:
            page = self._queue.window(self._layout, page_no * self.PAGE, self.PAGE)
            self._pages[page_no] = page
            if len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def reload(self) -> None:
        self._queue.invalidate()
        self.set_spec(self.spec)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def _display(self, row: QueueRow, key: str) -> str:
        if key == "contactable":
            return labels.contactable(self.contactability(row), self._zone_of(row), short=True)
        if key == "priority":
            marks = ""
            now = self._layout.now
            if row.next_action == "callback" and row.next_action_at and row.next_action_at <= now:
                marks += "☎"  # a glyph every CJK and Latin UI font has
            if row.promise_status is PromiseStatus.BROKEN:
                marks += "!"
            return f"{marks} {row.priority}" if marks else str(row.priority)
        if key == "customer":
            return row.customer_name
        if key == "bucket":
            return f"{row.bucket} / {row.dpd}"
        if key == "overdue":
            return formatting.money(row.overdue_minor, row.currency)
        if key == "balance":
            return formatting.money(row.balance_minor, row.currency)
        if key == "last_contact":
            if row.last_contact_at is None:
                return translate("QueueModel", "never")
            outcome = labels.outcome(row.last_outcome) if row.last_outcome else ""
            at = formatting.recent(row.last_contact_at, self._zone, self._layout.now)
            return f"{at} {outcome}"
        if key == "next_action":
            if row.next_action is None:
                return ""
            return (
                f"{labels.next_action(row.next_action)} "
                f"{formatting.recent(row.next_action_at, self._zone, self._layout.now)}"
            )
        if key == "promise":
            return labels.promise_status(row.promise_status) if row.promise_status else ""
        if key == "flags":
            return ", ".join(labels.flag(f) for f in row.flags)
        raise KeyError(key)
