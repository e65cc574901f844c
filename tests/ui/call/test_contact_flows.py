"""A collector's flows, driven from the keyboard only."""

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import ContactPointStatus, Outcome
from collector_desk.store.cache.queue_query import View
from collector_desk.store.cache.schema import Draft, OutboxMutation
from collector_desk.store.shared.schema import Case, Contact, ContactPoint, Promise
from collector_desk.ui.shell.main_window import MainWindow
from tests.conftest import FIXED_NOW


def _contacts(engine, case_id):
    with Session(engine) as s:
        return s.scalars(
            select(Contact).where(Contact.case_id == case_id).order_by(Contact.recorded_at)
        ).all()


def _outbox(engine):
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(OutboxMutation))


def _open_log(qtbot, window):
    qtbot.keyClick(window.table, Qt.Key.Key_L)
    dialog = window.log_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def test_no_answer_next_case_takes_three_keys(qtbot, window, engine):
    first = window.detail.detail.case_id
    before = len(_contacts(engine, first))
    dialog = _open_log(qtbot, window)  # 1: L
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_1)  # 2: No answer
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)  # 3: save and next
    assert window.log_dialog is None
    contacts = _contacts(engine, first)
    assert len(contacts) == before + 1
    assert contacts[-1].outcome is Outcome.NO_ANSWER
    assert contacts[-1].recorded_at == FIXED_NOW
    assert _outbox(engine) == 1
    assert "1" in window.status_outbox.text()
    # moved on to the next case, and the row just worked shows the new contact at once
    assert window.table.currentIndex().row() == 1
    assert window.detail.detail.case_id != first
    assert window.model.row_at(0).last_outcome is Outcome.NO_ANSWER


def test_promise_to_pay_from_the_keyboard(qtbot, window, engine):
    case_id = window.detail.detail.case_id
    dialog = _open_log(qtbot, window)
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_4)  # Promise to pay
    assert dialog.amount.isEnabled()
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Tab)  # note
    qtbot.keyClicks(dialog.note, "pays after payday")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)  # amount
    assert dialog.focusWidget() is dialog.amount
    qtbot.keyClicks(dialog.amount, "1,000.50")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.log_dialog is None
    with Session(engine) as s:
        promise = s.scalars(
            select(Promise).where(Promise.case_id == case_id).order_by(Promise.recorded_at.desc())
        ).first()
        assert promise.amount_minor == 100050
        assert s.get(Case, case_id).next_action == "promise_due"
    assert _contacts(engine, case_id)[-1].note == "pays after payday"


def test_bad_amount_is_explained_beside_the_field_and_nothing_is_saved(qtbot, window, engine):
    case_id = window.detail.detail.case_id
    before = len(_contacts(engine, case_id))
    dialog = _open_log(qtbot, window)
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_4)
    dialog.amount.setFocus()
    qtbot.keyClicks(dialog.amount, "99999999")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.log_dialog is dialog and dialog.isVisible()
    error = dialog.errors["promise_amount"]
    assert error.isVisible() and "balance" in error.text()
    assert dialog.focusWidget() is dialog.amount
    assert len(_contacts(engine, case_id)) == before
    assert _outbox(engine) == 0
    dialog.reject()


def test_wrong_number_marks_the_number_and_the_pane_shows_it(qtbot, window, engine):
    case_id = window.detail.detail.case_id
    dialog = _open_log(qtbot, window)
    point_id = dialog.number.currentData(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_8)  # Wrong number
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # stay
    with Session(engine) as s:
        assert s.get(ContactPoint, point_id).status is ContactPointStatus.WRONG_NUMBER
    assert window.detail.detail.case_id == case_id
    shown = [window.detail.points.item(r, 3).text() for r in range(window.detail.points.rowCount())]
    assert any("Wrong number" in text for text in shown)
    # the next log cannot pick that number any more
    dialog = _open_log(qtbot, window)
    assert dialog.number.currentData(Qt.ItemDataRole.UserRole) != point_id
    dialog.reject()


def test_draft_survives_a_crash_and_comes_back_with_its_case(
    qtbot, window, engine, queue, translations
):
    case_id = window.detail.detail.case_id
    dialog = _open_log(qtbot, window)
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_5)  # Right party
    dialog.note.setFocus()
    # Chinese arrives through the input method as committed text, not as key presses
    dialog.note.insertPlainText("客户说下周一回电")

    def saved():
        with Session(engine) as s:
            draft = s.get(Draft, case_id)
            assert draft is not None and draft.fields["note"] == "客户说下周一回电"

    qtbot.waitUntil(saved, timeout=3000)
    # "crash": the window goes away without the dialog ever being closed or saved
    window.hide()
    dialog.hide()

    reopened = MainWindow(queue, window._user, translations, clock=lambda: FIXED_NOW)
    qtbot.addWidget(reopened)
    reopened.show()
    assert "1" in reopened.status_drafts.text()
    assert reopened.detail.detail.case_id == case_id
    reopened.log_action.trigger()  # Case → Log contact (Ctrl+L)
    restored = reopened.log_dialog
    assert restored.note.toPlainText() == "客户说下周一回电"
    assert restored.selected_outcome() is Outcome.RIGHT_PARTY
    qtbot.keyClick(restored.outcome, Qt.Key.Key_Return)
    with Session(engine) as s:
        assert s.get(Draft, case_id) is None  # saving the contact clears the draft
    assert reopened.status_drafts.text() == ""
    assert _contacts(engine, case_id)[-1].note == "客户说下周一回电"


def test_views_switch_from_the_keyboard_and_search_narrows(qtbot, window, queue):
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.model.spec.view is View.BROKEN_PROMISES
    assert 0 < window.model.rowCount() < 360
    assert all(
        window.model.row_at(r).promise_status.value == "broken"
        for r in range(window.model.rowCount())
    )
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.queue_panel.search
    name = window.model.row_at(0).customer_name
    window.queue_panel.search.insert(name)  # names may be Chinese: typed through the IME
    qtbot.keyClick(window.queue_panel.search, Qt.Key.Key_Return)
    assert window.focusWidget() is window.table
    assert 1 <= window.model.rowCount() < 20
    assert any(window.model.row_at(r).customer_name == name for r in range(window.model.rowCount()))
    window.queue_panel.focus_search()
    qtbot.keyClick(window.queue_panel.search, Qt.Key.Key_Escape)
    assert window.queue_panel.search.text() == ""
    assert window.model.spec.view is View.BROKEN_PROMISES


def test_clicking_a_header_sorts_in_sql(qtbot, window):
    header = window.table.horizontalHeader()
    overdue = 4
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, overdue)
    )
    values = [window.model.row_at(r).overdue_minor for r in range(50)]
    assert values == sorted(values, reverse=True)
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, overdue)
    )
    values = [window.model.row_at(r).overdue_minor for r in range(50)]
    assert values == sorted(values)


def _section_center(header, section):
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_reveal_shows_the_id_and_leaves_an_audit_fact(qtbot, window, engine):
    from collector_desk.store.shared.schema import AuditEvent

    detail = window.detail.detail
    shown = window.detail.fields["national_id"]
    assert shown.text() != detail.national_id
    qtbot.mouseClick(window.detail.reveal, Qt.MouseButton.LeftButton)
    assert shown.text() == detail.national_id
    with Session(engine) as s:
        event = s.scalars(select(AuditEvent)).one()
        mutation = s.scalars(select(OutboxMutation)).one()
    assert (event.action, event.detail) == ("reveal_national_id", {"case_id": detail.case_id})
    assert detail.national_id not in str(mutation.args)  # ids and codes, no personal data
    assert mutation.args["id"] == event.id
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.detail.fields["national_id"].text() != window.detail.detail.national_id


def test_one_key_marks_a_number_and_another_makes_one_preferred(qtbot, window, engine):
    case_id = window.detail.detail.case_id
    points = window.detail.points
    window.detail.tabs.setCurrentWidget(points)
    points.setFocus()
    points.setCurrentCell(0, 0)
    first = window.detail.detail.contact_points[0].id
    qtbot.keyClick(points, Qt.Key.Key_D)
    with Session(engine) as s:
        assert s.get(ContactPoint, first).status is ContactPointStatus.DO_NOT_CALL
        names = [m.name for m in s.scalars(select(OutboxMutation))]
    assert names == ["set_contact_point_status"]
    assert "Do not call" in points.item(0, 3).text()
    assert window.detail.detail.case_id == case_id
    assert points.rowCount() > 1  # the demo's top case has several numbers
    points.setCurrentCell(1, 0)
    second = window.detail.detail.contact_points[1].id
    qtbot.keyClick(points, Qt.Key.Key_P)
    with Session(engine) as s:
        customer_id = s.get(Case, case_id).customer_id
        preferred = s.scalars(
            select(ContactPoint.id).where(
                ContactPoint.customer_id == customer_id, ContactPoint.preferred.is_(True)
            )
        ).all()
    assert preferred == [second]
    assert "★" in points.item(1, 3).text()


def test_m_records_the_holders_consent_to_messages_and_again_takes_it_back(qtbot, window, engine):
    from collector_desk.domain.contacts import ContactPointKind

    points = window.detail.points
    window.detail.tabs.setCurrentWidget(points)
    points.setFocus()
    kinds = [p.kind for p in window.detail.detail.contact_points]
    row = kinds.index(ContactPointKind.MOBILE)
    point_id = window.detail.detail.contact_points[row].id
    points.setCurrentCell(row, 0)
    qtbot.keyClick(points, Qt.Key.Key_M)
    with Session(engine) as s:
        assert s.get(ContactPoint, point_id).consented == ["sms"]
        (mutation,) = s.scalars(select(OutboxMutation)).all()
    assert (mutation.name, mutation.args["channel"], mutation.args["given"]) == (
        "set_consent",
        "sms",
        True,
    )
    assert "agreed to SMS" in points.item(row, 3).text()
    points.setCurrentCell(row, 0)
    qtbot.keyClick(points, Qt.Key.Key_M)
    with Session(engine) as s:
        assert s.get(ContactPoint, point_id).consented == []
    assert "agreed to" not in points.item(row, 3).text()


def test_priority_explains_itself(window):
    detail = window.detail.detail
    assert detail.priority_parts
    text = window.detail.fields["priority"].text()
    from collector_desk.ui.common.labels import priority_component

    for name, points in detail.priority_parts:
        assert f"{priority_component(name)} {points:+d}" in text
    assert sum(points for _, points in detail.priority_parts) == int(text.split()[0])
