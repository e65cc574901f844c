"""Correcting a contact from the case's history, by keyboard: the dialog, its refusals, and
the history showing the contact as it is now beside what it was."""

from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, Outcome, Relation
from collector_desk.store.cache import local_sync
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.schema import Contact, ContactCorrection
from collector_desk.ui.common import labels
from collector_desk.ui.common.case_changes import announce
from tests.conftest import FIXED_NOW


def _log_no_answer(window, engine):
    detail = window.detail.detail
    point_id = next(p.id for p in detail.contact_points if p.relation is Relation.SELF)
    logged = log_contact(
        engine,
        window._user.id,
        detail.case_id,
        ContactEntry(Channel.CALL, Outcome.NO_ANSWER, point_id, note="no one"),
        FIXED_NOW - timedelta(minutes=10),
    )
    announce({detail.case_id})
    return logged.contact_id


def _open_correction(qtbot, window, contact_id):
    table = window.detail.contacts
    window.detail.tabs.setCurrentWidget(table)
    row = next(i for i, c in enumerate(window.detail.detail.contacts) if c.id == contact_id)
    table.setCurrentCell(row, 0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_E)  # E corrects the selected contact
    dialog = window.correction_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog, row


def test_e_on_a_contact_corrects_it_and_the_history_shows_both(qtbot, window, engine):
    contact_id = _log_no_answer(window, engine)
    dialog, row = _open_correction(qtbot, window, contact_id)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.RIGHT_PARTY.value))
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "pressed the wrong key")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    assert window.correction_dialog is None  # accepted and closed
    with Session(engine) as s:
        assert s.get(Contact, contact_id).outcome is Outcome.RIGHT_PARTY
        assert s.scalar(select(ContactCorrection.reason)) == "pressed the wrong key"
        assert "correct_contact" in s.scalars(select(OutboxMutation.name)).all()
    table = window.detail.contacts
    assert table.item(row, 2).text() == labels.outcome(Outcome.RIGHT_PARTY)
    corrected = table.item(row, 4).text()
    assert "Was: No answer" in corrected
    assert "pressed the wrong key" in corrected
    assert "corrected by" in corrected


def test_without_a_reason_the_dialog_says_so_and_nothing_changes(qtbot, window, engine):
    contact_id = _log_no_answer(window, engine)
    dialog, _row = _open_correction(qtbot, window, contact_id)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.BUSY.value))
    dialog.ok.click()

    assert dialog.isVisible()
    assert "Say why" in dialog.error.text()
    assert dialog.focusWidget() is dialog.reason
    with Session(engine) as s:
        assert s.get(Contact, contact_id).outcome is Outcome.NO_ANSWER
        assert s.scalar(select(ContactCorrection.id)) is None


def test_the_dialog_offers_no_promise_and_an_unknown_case_is_refused(qtbot, window, engine):
    contact_id = _log_no_answer(window, engine)
    dialog, _row = _open_correction(qtbot, window, contact_id)
    offered = {dialog.outcome.itemData(i) for i in range(dialog.outcome.count())}
    assert Outcome.PROMISE_TO_PAY.value not in offered
    assert Outcome.CALLBACK_REQUESTED.value not in offered
    qtbot.keyClicks(dialog.case_ref, "K-NOT-A-CASE")
    qtbot.keyClicks(dialog.reason, "wrong case")
    dialog.submit()
    assert "No case you may write about" in dialog.error.text()
    with Session(engine) as s:
        assert s.scalar(select(ContactCorrection.id)) is None


def test_a_correction_the_server_refused_is_listed_with_its_case_and_why(qtbot, window, engine):
    contact_id = _log_no_answer(window, engine)
    case = window.detail.detail
    dialog, _row = _open_correction(qtbot, window, contact_id)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.BUSY.value))
    qtbot.keyClicks(dialog.reason, "it rang busy")
    dialog.submit()
    with Session(engine) as s:
        mutations = s.scalars(select(OutboxMutation).order_by(OutboxMutation.mutation_id)).all()
        acknowledged = [(m.mutation_id, "applied", None) for m in mutations]
    acknowledged[-1] = (mutations[-1].mutation_id, "rejected", "correction_window_passed")
    local_sync.acknowledge(engine, mutations[-1].mutation_id, acknowledged, FIXED_NOW)

    issues = window.show_sync_issues()
    qtbot.waitExposed(issues)
    cells = [issues.table.item(0, c).text() for c in range(issues.table.columnCount())]
    assert case.case_ref in cells
    assert "Contact corrected" in cells
    assert any(labels.outcome(Outcome.BUSY) in c and "it rang busy" in c for c in cells)
    assert any("time to correct had passed" in c for c in cells)  # words, not the code
