"""The queue's table: a list of cases, so Home and End go to the first and the last case.

A QTableView moves Home and End along the current row (first and last column) and leaves the
rows to Ctrl+Home and Ctrl+End; in a queue of whole-row selection nobody wants a column, and
the README promises Home/End move through the queue.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

_ENDS = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)


class QueueTable(QTableView):
    def moveCursor(
        self, cursor_action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        model = self.model()
        if cursor_action not in _ENDS or model is None or model.rowCount() == 0:
            return super().moveCursor(cursor_action, modifiers)
        row = 0 if cursor_action == _ENDS[0] else model.rowCount() - 1
        return model.index(row, max(0, self.currentIndex().column()))
