"""The desk's phone placing, timing and ending real calls (baresip on loopback, a scripted
customer on a second baresip), and the log that opens filled from each call."""

import time
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Direction, Outcome, Relation
from collector_desk.phone.adapter import CallEventKind
from collector_desk.phone.baresip import Baresip
from collector_desk.store.cache import search
from collector_desk.store.shared.schema import Case, Contact, ContactPoint
from collector_desk.ui.queue.queue_model import CASE_ID_ROLE
from tests.conftest import FIXED_NOW
from tests.phone.conftest import CUSTOMER, customer, softphones  # noqa: F401 (fixtures)
from tests.ui.call.test_compliance_flows import _case_with_number, _select_number
from tests.ui.call.test_uri_handoff import _window


def _numbers_become(engine, point_ids, number):
    """These contact points now hold `number`, indexed for search as a pull would."""
    with engine.begin() as conn:
        conn.execute(
            update(ContactPoint).where(ContactPoint.id.in_(point_ids)).values(value=number)
        )
        search.rebuild(conn)


def _second_case(engine, first_case):
    with Session(engine) as s:
        return s.execute(
            select(Case.id, ContactPoint.id)
            .join(ContactPoint, ContactPoint.customer_id == Case.customer_id)
            .where(
                Case.id != first_case,
                Case.assigned_to == s.get(Case, first_case).assigned_to,
                Case.customer_id != s.get(Case, first_case).customer_id,
                ContactPoint.kind == "mobile",
            )
            .order_by(Case.id)
        ).first()


def _desk(qtbot, engine, translations, softphones, now=FIXED_NOW):  # noqa: F811
    desk, theirs = softphones
    template = "sip:{e164}@" + theirs.address

    def phone(sink):
        return Baresip("127.0.0.1", desk.ctrl_port, template, "", sink)

    case_id, point_id = _case_with_number(engine, "CN")
    _numbers_become(engine, [point_id], CUSTOMER)  # the customer's phone answers to it
    window = _window(qtbot, engine, translations, now, None)
    window.calls._make_phone = phone
    window.calls._connect()
    _select_number(window, case_id, point_id)
    return window, case_id


def _contact(engine, case_id):
    """The contact the desk logged just now (at the tests' fixed time), if any."""
    with Session(engine) as s:
        return s.scalars(
            select(Contact).where(Contact.case_id == case_id, Contact.recorded_at >= FIXED_NOW)
        ).one_or_none()


def test_an_answered_call_fills_the_log_with_its_times(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    window, case_id = _desk(qtbot, engine, translations, softphones)
    their_phone, theirs = customer
    qtbot.keyClick(window.detail.points, Qt.Key.Key_C)
    ring = theirs.wait_for(CallEventKind.INCOMING)
    assert window.log_dialog is None and window.calls.bar.isVisible()  # the call runs
    qtbot.waitUntil(lambda: "ringing" in window.calls.label.text(), timeout=5000)
    their_phone.answer(ring.call_id)
    qtbot.waitUntil(lambda: "On the call" in window.calls.label.text(), timeout=5000)
    time.sleep(1.2)
    their_phone.hang_up(ring.call_id)
    qtbot.waitUntil(lambda: window.log_dialog is not None, timeout=5000)
    dialog = window.log_dialog
    assert not window.calls.bar.isVisible()
    assert "answered" in dialog.call_summary.text() and "talk 0:01" in dialog.call_summary.text()
    assert dialog.selected_outcome() is Outcome.RIGHT_PARTY  # never "no answer" once answered
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)  # confirmed with one key
    contact = _contact(engine, case_id)
    assert contact.outcome is Outcome.RIGHT_PARTY and 1 <= contact.duration_s <= 3


def test_a_rejected_call_opens_the_log_on_busy_and_counts_as_an_attempt(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    window, case_id = _desk(qtbot, engine, translations, softphones)
    their_phone, theirs = customer
    window.dial_action.trigger()
    their_phone.hang_up(theirs.wait_for(CallEventKind.INCOMING).call_id)
    qtbot.waitUntil(lambda: window.log_dialog is not None, timeout=5000)
    dialog = window.log_dialog
    assert dialog.selected_outcome() is Outcome.BUSY and "busy" in dialog.call_summary.text()
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)  # confirmed with one key
    contact = _contact(engine, case_id)
    assert contact.outcome is Outcome.BUSY and contact.duration_s == 0


def test_f10_hangs_up_and_a_refused_dial_rings_nothing(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    night = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    window, _case_id = _desk(qtbot, engine, translations, softphones, night)
    _their_phone, theirs = customer
    window.dial_action.trigger()
    assert "outside contact hours" in window.detail.dial_banner.text()
    time.sleep(1.0)
    qtbot.wait(50)
    assert theirs.seen == []  # no INVITE reached the customer's phone

    window2, _ = _desk(qtbot, engine, translations, softphones)
    window2.dial_action.trigger()
    theirs.wait_for(CallEventKind.INCOMING)
    window2.calls.hang_up_action.trigger()  # F10
    qtbot.waitUntil(lambda: window2.log_dialog is not None, timeout=5000)
    assert window2.log_dialog.selected_outcome() is Outcome.NO_ANSWER
    assert "hung up before an answer" in window2.log_dialog.call_summary.text()
    window2.log_dialog.reject()


def test_an_unanswered_call_counts_even_when_the_log_is_closed(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    window, case_id = _desk(qtbot, engine, translations, softphones)
    their_phone, theirs = customer
    window.dial_action.trigger()
    their_phone.hang_up(theirs.wait_for(CallEventKind.INCOMING).call_id)
    qtbot.waitUntil(lambda: window.log_dialog is not None, timeout=5000)
    qtbot.keyClick(window.log_dialog, Qt.Key.Key_Escape)  # closed without saving
    contact = _contact(engine, case_id)
    assert contact is not None and contact.outcome is Outcome.BUSY  # the caps count it
    assert "logged as Busy" in window.statusBar().currentMessage()


def test_a_customer_calling_in_opens_their_case_and_f7_answers(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    window, case_id = _desk(qtbot, engine, translations, softphones)
    window.detail.show_case(window._queue.detail(_second_case(engine, case_id)[0]))
    their_phone, theirs = customer
    their_phone.dial(CUSTOMER)  # their phone calls the desk
    qtbot.waitUntil(lambda: window.calls.call is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.detail.detail.case_id == case_id, timeout=5000)
    assert "Incoming call from" in window.calls.label.text()
    window.calls.answer_action.trigger()  # F7
    theirs.wait_for(CallEventKind.ANSWERED)
    time.sleep(1.1)
    their_phone.hang_up(theirs.seen[0].call_id)
    qtbot.waitUntil(lambda: window.log_dialog is not None, timeout=5000)
    dialog = window.log_dialog
    assert dialog.inbound.isChecked() and "received" in dialog.call_summary.text()
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    contact = _contact(engine, case_id)
    assert contact.direction is Direction.INBOUND and contact.duration_s >= 1


def test_a_number_on_two_cases_asks_whose_call_it_is(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    window, case_id = _desk(qtbot, engine, translations, softphones)
    other_case, other_point = _second_case(engine, case_id)
    _numbers_become(engine, [other_point], CUSTOMER)
    their_phone, _theirs = customer
    their_phone.dial(CUSTOMER)
    qtbot.waitUntil(lambda: window.caller_choice is not None, timeout=5000)
    choice = window.caller_choice
    assert choice.list.count() == 2
    refs = [m.case_id for m in choice.matches]
    assert sorted(refs) == sorted([case_id, other_case])
    choice.list.setCurrentRow(refs.index(other_case))
    choice.accept()
    assert window.detail.detail.case_id == other_case
    assert window.calls.call.case_id == other_case


def test_an_unknown_caller_leaves_their_number_in_the_search(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    window, _case_id = _desk(qtbot, engine, translations, softphones)
    _numbers_become(engine, [window.detail.selected_point()], "+8613900002222")
    their_phone, _theirs = customer
    their_phone.dial(CUSTOMER)  # on none of this desk's cases now
    qtbot.waitUntil(lambda: window.calls.call is not None, timeout=5000)
    assert window.queue_panel.search.text() == CUSTOMER.lstrip("+")
    assert window.caller_choice is None


def _next_row_case(window):
    row = window.table.currentIndex().row() + 1
    return window.model.data(window.model.index(row, 0), CASE_ID_ROLE)


def _own_phones(engine, case_id):
    with Session(engine) as s:
        return list(
            s.scalars(
                select(ContactPoint.id)
                .join(Case, Case.customer_id == ContactPoint.customer_id)
                .where(Case.id == case_id, ContactPoint.relation == Relation.SELF)
            )
        )


def _preview_after_a_busy_call(qtbot, engine, window, customer):  # noqa: F811
    """Preview dialing on; the case shown is called, busy, and saved with Enter (save and
    next): the countdown starts on the next case."""
    window.preview.mode_action.setChecked(True)
    window.preview._seconds = 2
    their_phone, theirs = customer
    window.dial_action.trigger()
    their_phone.hang_up(theirs.wait_for(CallEventKind.INCOMING).call_id)
    qtbot.waitUntil(lambda: window.log_dialog is not None, timeout=5000)
    theirs.seen.clear()
    qtbot.keyClick(window.log_dialog.outcome, Qt.Key.Key_Return)


def test_preview_dialing_counts_down_and_dials_the_next_case(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    window, _first = _desk(qtbot, engine, translations, softphones)
    second = _next_row_case(window)
    _numbers_become(engine, _own_phones(engine, second), CUSTOMER)
    _preview_after_a_busy_call(qtbot, engine, window, customer)
    assert window.detail.detail.case_id == second
    assert window.preview.counting and "in 2 s" in window.preview.label.text()
    their_phone, theirs = customer
    # dialled by itself (the GUI's event loop runs the countdown meanwhile)
    qtbot.waitUntil(
        lambda: any(e.kind is CallEventKind.INCOMING for e in theirs.seen), timeout=6000
    )
    ring = theirs.wait_for(CallEventKind.INCOMING)
    assert window.calls.call is not None and window.calls.call.case_id == second
    their_phone.hang_up(ring.call_id)
    qtbot.waitUntil(lambda: window.log_dialog is not None, timeout=5000)
    window.log_dialog.reject()


def test_preview_dialing_pauses_on_esc_and_stops_when_the_desk_locks(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    window, _first = _desk(qtbot, engine, translations, softphones)
    _numbers_become(engine, _own_phones(engine, _next_row_case(window)), CUSTOMER)
    _preview_after_a_busy_call(qtbot, engine, window, customer)
    assert window.preview.counting
    window.preview.pause_action.trigger()  # Esc
    assert not window.preview.counting and "paused" in window.preview.label.text()
    window.preview._seconds = 1
    window.preview.after_save()
    assert window.preview.counting
    window.attach_lock(lambda _typed: True, 0).lock()  # F12, or idle
    qtbot.waitUntil(lambda: not window.preview.counting, timeout=3000)
    assert "locked" in window.preview.stopped_because
    time.sleep(0.5)
    assert customer[1].seen == []  # nothing was dialled


def test_preview_dialing_passes_over_what_the_rules_refuse(
    qtbot,
    engine,
    translations,
    softphones,  # noqa: F811
    customer,  # noqa: F811
):
    night = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai, 08:00 in Chicago
    window, first = _desk(qtbot, engine, translations, softphones, night)
    window.preview.mode_action.setChecked(True)
    window.preview.after_save()
    window.preview.pause_action.trigger()  # what it aimed at is enough
    aimed = window.detail.detail
    assert aimed.case_id != first  # the Chinese customer's night is passed over
    point = window.detail.selected_point()
    assert aimed.point_decisions[point].allowed  # a customer whose morning it is
    time.sleep(0.5)
    assert customer[1].seen == []  # and nothing rang the customer it passed
