"""One "cases changed" signal: whoever writes announces, every view showing a case follows."""

from PySide6.QtCore import Qt
from sqlalchemy.orm import Session

from collector_desk.store.shared.schema import Case
from collector_desk.ui.common.case_changes import announce, case_changes


def test_a_change_made_elsewhere_reaches_the_row_and_the_case_shown(window, engine):
    case_id = window.detail.detail.case_id
    assert window.model.row_at(0).case_id == case_id
    with Session(engine) as s, s.begin():  # as a write the window did not make itself
        s.get(Case, case_id).overdue_minor = 4_321_00
    assert "4,321" not in window.detail.fields["overdue"].text()  # nobody told the window

    announce({case_id})
    assert "4,321" in window.detail.fields["overdue"].text()
    assert window.model.row_at(0).overdue_minor == 4_321_00


def test_the_window_announces_what_it_wrote(qtbot, window):
    heard = []
    case_changes().changed.connect(heard.append)
    try:
        case_id = window.detail.detail.case_id
        qtbot.keyClick(window.table, Qt.Key.Key_L)
        qtbot.keyClick(window.log_dialog.outcome, Qt.Key.Key_1)  # no answer
        qtbot.keyClick(window.log_dialog.outcome, Qt.Key.Key_Return)  # save, next case
    finally:
        case_changes().changed.disconnect(heard.append)
    assert [(c.case_ids, c.many, c.source) for c in heard] == [
        (frozenset({case_id}), False, window)
    ]
