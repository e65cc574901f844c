"""Ctrl+M on a case: a template picked with the arrow keys, previewed as the customer will read
it with its SMS segments and the pack's verdict, queued with Ctrl+Enter, and shown on the
case's Messages tab."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus, PlanStatus
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.schema import Case, Message, RepaymentPlan
from tests.ui.case.test_letters import _show


def _open(qtbot, window):
    window.message_action.trigger()  # Ctrl+M
    dialog = window.message_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()  # its shortcuts act in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _pick(qtbot, dialog, key):
    keys = [
        dialog.templates.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dialog.templates.count())
    ]
    dialog.templates.setCurrentRow(0)
    for _ in range(keys.index(key)):
        qtbot.keyClick(dialog.templates, Qt.Key.Key_Down)
    assert dialog.templates.currentItem().data(Qt.ItemDataRole.UserRole) == key


def test_a_reminder_is_previewed_in_chinese_queued_from_the_keyboard_and_listed(
    qtbot, window, engine
):
    detail = _show(window, engine, "CN")
    dialog = _open(qtbot, window)
    _pick(qtbot, dialog, "payment_reminder")
    assert dialog.channel.currentText() == "SMS"
    preview = dialog.text.toPlainText()
    assert preview.startswith("【催收台演示银行】" + detail.customer_name)
    assert preview.endswith("回复TD退订")  # the Chinese pack's opt-out
    assert dialog.length.text().startswith("2 texts · ")
    assert dialog.verdict.text() == "✓ may contact now"
    qtbot.keyClick(dialog.templates, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "Message queued: the central store sends it."
    with Session(engine) as s:
        (message,) = s.scalars(select(Message).where(Message.case_id == detail.case_id)).all()
        assert message.body == preview
        assert "send_message" in s.scalars(select(OutboxMutation.name)).all()
    shown = window.detail.detail
    assert [m.template for m in shown.messages] == ["payment_reminder"]
    assert window.detail.messages.item(0, 2).text() == "Payment reminder"
    assert window.detail.messages.item(0, 4).text() == "Waiting to send"
    assert window.detail.messages.item(0, 2).toolTip() == preview


def test_a_message_the_case_cannot_fill_says_why_and_cannot_be_sent(qtbot, window, engine):
    with Session(engine) as s:  # an open case without an active plan
        active = select(RepaymentPlan.id).where(
            RepaymentPlan.case_id == Case.id, RepaymentPlan.status == PlanStatus.ACTIVE
        )
        case_id = s.scalars(
            select(Case.id).where(
                Case.status == CaseStatus.OPEN, Case.policy_pack == "CN", ~active.exists()
            )
        ).first()
    window.detail.show_case(window._queue.detail(case_id))
    dialog = _open(qtbot, window)
    _pick(qtbot, dialog, "plan_summary")
    assert dialog.verdict.text() == "✗ This message needs an active plan on the case."
    assert dialog.text.toPlainText() == ""
    dialog.send()
    assert dialog.isVisible()
    with Session(engine) as s:
        assert s.scalars(select(Message).where(Message.case_id == case_id)).all() == []
