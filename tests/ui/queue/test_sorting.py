"""A click on a column header orders the view anew without counting it again."""

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import event

from collector_desk.store.cache.queue_query import QueueSpec, View
from collector_desk.ui.queue.queue_model import COLUMNS, SORTABLE


@pytest.fixture
def statements(engine):
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement.lower())

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _click_header(qtbot, window, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


@pytest.mark.parametrize(
    "spec",
    [
        QueueSpec(),
        QueueSpec.for_view(View.CALLBACKS_DUE),
        QueueSpec.for_view(View.BROKEN_PROMISES),
        QueueSpec.for_view(View.UNTOUCHED),
        QueueSpec().searching("王"),
        QueueSpec().searching("1"),
    ],
    ids=["my queue", "callbacks due", "broken promises", "untouched", "surname", "digits"],
)
def test_sorting_by_a_header_does_not_count_the_view_again(qtbot, window, statements, spec):
    model = window.model
    model.set_spec(spec)
    total = model.rowCount()
    assert total
    sortable = [n for n, name in enumerate(COLUMNS) if name in SORTABLE]
    for column in sortable + sortable:  # each header, then each again (the other direction)
        statements.clear()
        _click_header(qtbot, window, column)
        assert model.sort_column() == column
        shown = [model.row_at(row).case_id for row in range(model.rowCount())]
        # an order that splits the view in two parts counts one of them (priority order on a
        # view of open cases: what may be called now; the untouched view in its own order:
        # the cases never contacted), the other is the rest; any other order counts nothing
        counts = [s for s in statements if "count(" in s and "from cases" in s]
        splits = len(model.layout.parts) > 1 and spec.view is not View.MY_QUEUE
        assert len(counts) == (1 if splits else 0), counts
        # the header's order, and the same cases as the view on show
        assert model.rowCount() == total == len(set(shown))
        assert shown == window.model._queue.ids(model.spec, 0, total)
