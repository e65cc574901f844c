"""A lead finds every promise due tomorrow on the Workload tab and reminds them all from one
dialog, by the keyboard; the central store sends, and the dialog reports what became of each."""

import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.config.message_templates import default_templates
from collector_desk.domain.cases import PromiseStatus
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import ContactPoint, Message, Promise
from collector_desk.ui.team.bulk_message_dialog import BulkMessageDialog
from tests.live_central import desk_window, seed_cases


def _promise_due(engine, case_id, due, user_id, at):
    with Session(engine) as s, s.begin():
        s.add(
            Promise(
                id=str(uuid.uuid4()),
                recorded_at=at,
                case_id=case_id,
                user_id=user_id,
                currency="CNY",
                amount_minor=50_000,
                due_date=due,
                status=PromiseStatus.OPEN,
            )
        )


def test_the_lead_reminds_every_promise_due_tomorrow(qtbot, qapp, live, desk):
    cases = seed_cases(live.engine, "alice", 4)
    alice_id = find_user(live.engine, "alice").id
    tomorrow = live.clock.now.astimezone(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=1)
    for case_id in cases[:3]:
        _promise_due(live.engine, case_id, tomorrow, alice_id, live.clock.now)
    _promise_due(live.engine, cases[3], tomorrow + timedelta(days=1), alice_id, live.clock.now)
    with Session(live.engine) as s, s.begin():  # one of them said 退订 to texts
        for point in s.scalars(select(ContactPoint).where(ContactPoint.customer_id == cases[2])):
            point.opted_out = ["sms"]
    lead = desk("lead")
    lead.sync()
    window, _sync = desk_window(qtbot, qapp, lead.engine, lead.clock, "lead", url=live.url)
    team = window.open_team()
    team.promise_due.setCurrentIndex(team.promise_due.findData(1))
    assert team.find_cases() == cases[:3]

    dialog = team.message_selected()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.cases.text() == "3 cases found."
    dialog.template.setCurrentIndex(dialog.template.findData("payment_reminder"))
    assert dialog.channel.currentData() == "sms"
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.finished, timeout=15_000)
    assert dialog.progress.value() == 3
    shown = {
        dialog.outcomes.item(r, 0).text(): dialog.outcomes.item(r, 1).text()
        for r in range(dialog.outcomes.rowCount())
    }
    assert shown == {
        "Queued to send now": "2",
        "Refused: opted out of messages by this channel": "1",
    }
    assert dialog.statuses.text() == "Messages: Waiting to send 2"
    assert not dialog.send_button.isEnabled()  # one send per dialog
    with Session(live.engine) as s:
        assert sorted(s.scalars(select(Message.case_id))) == cases[:2]
    dialog.reject()


@pytest.mark.parametrize("case_ids", [[], [1]])
def test_without_a_server_or_cases_the_dialog_says_why(qtbot, case_ids):
    dialog = BulkMessageDialog(case_ids, default_templates(), None)
    qtbot.addWidget(dialog)
    assert not dialog.send_button.isEnabled()
    assert dialog.message.text() in (
        "Find cases first.",
        "Bulk messages are sent by the central store: this desk has no server.",
    )
    third_party = [dialog.template.itemData(i) for i in range(dialog.template.count())]
    assert "third_party_callback" not in third_party  # never to everyone at once
