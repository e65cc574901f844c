"""The call guide in the window: a dial starts the script for the case, the keys walk it, and
the end of the call opens the contact log filled in, to confirm with one key."""

from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contacts import Outcome
from collector_desk.store.shared.schema import Contact, Promise
from tests.conftest import FIXED_NOW
from tests.ui.call.test_compliance_flows import _case_with_number, _select_number, _window_at

WILL_PAY = {
    "early_reminder": "Will pay",
    "mid_negotiation": "Will pay the overdue amount",
    "late_final_notice": "Will pay in full",
}


def _key_for(guide, label):
    labels = [a.label["en"] for a in guide.session.step.answers]
    return getattr(Qt.Key, f"Key_{labels.index(label) + 1}")


def _guided_dial(qtbot, engine, translations):
    case_id, point_id = _case_with_number(engine, "CN")
    window = _window_at(qtbot, engine, translations, FIXED_NOW)
    window.guide_action.trigger()  # View → Call guide (F6)
    assert window.guide_dock.isVisible()
    _select_number(window, case_id, point_id)
    qtbot.keyClick(window.detail.points, Qt.Key.Key_C)  # dial: the guide takes the call
    assert window.log_dialog is None
    guide = window.guide
    assert guide.dialed_at == FIXED_NOW and guide.point_id == point_id
    return window, guide, case_id


def test_a_guided_call_ends_in_a_filled_in_log_confirmed_with_one_key(qtbot, engine, translations):
    window, guide, case_id = _guided_dial(qtbot, engine, translations)
    script = guide.session.script.id
    assert script in WILL_PAY
    customer = window.detail.detail.customer_name
    assert customer in guide.say_label.text()  # the greeting, in the customer's language
    assert window.detail.detail.case_ref not in guide.say_label.text()

    qtbot.keyClick(guide, _key_for(guide, "Speaking"))
    qtbot.keyClick(guide, _key_for(guide, "Matches"))
    qtbot.keyClick(guide, Qt.Key.Key_1)  # "Read; go on" before the disclosures were read
    assert "tick it first" in guide.error.text()
    assert set(guide.disclosure_boxes) == {"identify_institution", "recording_notice"}
    assert "催收台演示银行" in guide.disclosure_boxes["identify_institution"].text()
    for box in guide.disclosure_boxes.values():
        box.setChecked(True)
    qtbot.keyClick(guide, Qt.Key.Key_1)
    assert window.detail.detail.accounts[0].card_last4 in guide.say_label.text()
    qtbot.keyClick(guide, _key_for(guide, WILL_PAY[script]))

    guide._captures["promise_amount"].setText("abc")
    qtbot.keyClick(guide, Qt.Key.Key_1)
    assert "an amount, like 1500.00" in guide.error.text()
    assert guide.session.step.id == "promise"  # nothing moved
    guide._captures["promise_amount"].setText("500")
    day = guide._captures["promise_date"]
    day.setDate(day.minimumDate().addDays(6))  # five days from today
    qtbot.keyClick(guide, Qt.Key.Key_1)
    assert "CN¥500.00" in guide.say_label.text()
    qtbot.keyClick(guide, Qt.Key.Key_1)  # the customer confirms: the call has ended
    assert "Call ended: Promise to pay" in guide.guide_label.text()

    qtbot.keyClick(guide, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = window.log_dialog
    assert dialog is not None
    assert dialog.selected_outcome() is Outcome.PROMISE_TO_PAY
    assert dialog.amount.text() == "500.00"
    assert "Speaking → Matches → Read; go on" in dialog.note.toPlainText()
    assert "Promised amount: CN¥500.00" in dialog.note.toPlainText()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.log_dialog is None
    with Session(engine) as s:
        contact = s.scalars(
            select(Contact).where(Contact.case_id == case_id).order_by(Contact.recorded_at.desc())
        ).first()
        assert (contact.outcome, contact.started_at) == (Outcome.PROMISE_TO_PAY, FIXED_NOW)
        promise = s.scalars(select(Promise).where(Promise.contact_id == contact.id)).one()
        assert promise.amount_minor == 50_000


def test_stop_contacting_me_ends_the_call_and_asks_to_set_the_flag(qtbot, engine, translations):
    window, guide, case_id = _guided_dial(qtbot, engine, translations)
    qtbot.keyClick(guide, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)  # "Stop contacting me"
    assert "Cease" in guide.guide_label.text() or "cease" in guide.guide_label.text().lower()
    guide.finish()
    dialog = window.log_dialog
    assert dialog.selected_outcome() is Outcome.REFUSED_TO_PAY
    assert dialog.note.toPlainText().endswith("Stop contacting me")
    dialog.save(next_case=True)
    flags = window.flag_dialog
    assert flags is not None and window.detail.detail.case_id == case_id  # not the next case
    ticked = [
        flags.flags.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(flags.flags.count())
        if flags.flags.item(r).checkState() == Qt.CheckState.Checked
    ]
    assert CaseFlag.CEASE_COMMUNICATION.value in ticked
    assert flags.reason.text().startswith(guide.session.script.title["en"])


def test_a_closed_guide_leaves_the_dial_as_it_was(qtbot, engine, translations):
    case_id, point_id = _case_with_number(engine, "CN")
    window = _window_at(qtbot, engine, translations, FIXED_NOW)
    _select_number(window, case_id, point_id)
    qtbot.keyClick(window.detail.points, Qt.Key.Key_C)
    assert window.log_dialog is not None and not window.guide_dock.isVisible()


def test_practice_a_simulated_customer_answers_and_the_report_follows(
    qtbot, engine, queue, translations
):
    from collector_desk.demo import DEMO_COLLECTOR
    from collector_desk.store.shared.people import find_user
    from collector_desk.ui.shell.main_window import MainWindow

    window = MainWindow(
        queue,
        find_user(engine, DEMO_COLLECTOR),
        translations,
        clock=lambda: FIXED_NOW,
        practice_seed=5,
    )
    qtbot.addWidget(window)
    window.show()
    window.guide_action.trigger()
    guide = window.guide
    assert guide.customer_label.text().startswith("Customer: “")
    for _ in range(40):  # a trainee who does what the customer says and reads everything
        if guide.session.finished:
            break
        for box in guide.disclosure_boxes.values():
            box.setChecked(True)
        for name, widget in guide._captures.items():
            if hasattr(widget, "setText"):
                widget.setText("100" if "amount" in name or name in ("income", "expenses") else "x")
        reply = guide._reply
        if reply.objection is not None:
            guide.raise_objection(reply.objection)
        else:
            guide.press(reply.answer)
    assert guide.session.finished
    guide.finish()
    report = guide.report_label.text()
    assert report.startswith("Practice report")
    assert "Disclosures missed: none" in report
    assert "not what the customer said: 0" in report
    assert guide.report.mismatched == 0 and guide.report.objections_missed == ()
    window.log_dialog.reject()
