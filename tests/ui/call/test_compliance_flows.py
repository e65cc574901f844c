"""The policy pack at the dial: a refusal with its reason and next time, an override with a
reason that lands in the audit trail."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.demo.portfolio import DEMO_COLLECTOR
from collector_desk.domain.contacts import Channel, ContactPointStatus, Direction, Outcome, Relation
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import (
    AuditEvent,
    Case,
    CaseFlagRow,
    Contact,
    ContactPoint,
    new_uuid,
)
from collector_desk.ui.call.log_dialog import OUTCOME_ORDER
from collector_desk.ui.shell.main_window import MainWindow
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SHANGHAI


def _case_with_number(engine, pack: str) -> tuple[int, int]:
    """An open case of the demo collector's in this pack, free of flags, and one of the
    customer's own numbers that may be dialed."""
    with Session(engine) as s:
        flagged = select(CaseFlagRow.case_id)
        row = s.execute(
            select(Case.id, ContactPoint.id)
            .join(ContactPoint, ContactPoint.customer_id == Case.customer_id)
            .where(
                Case.policy_pack == pack,
                Case.status == "open",
                Case.id.not_in(flagged),
                ContactPoint.relation == Relation.SELF,
                ContactPoint.status == ContactPointStatus.VALID,
                ContactPoint.kind == "mobile",
            )
            .order_by(Case.id)
        ).first()
        return row


def _calls(engine, case_id, point_id, times, user_id):
    with Session(engine) as s, s.begin():
        for at in times:
            s.add(
                Contact(
                    id=new_uuid(),
                    recorded_at=at,
                    case_id=case_id,
                    contact_point_id=point_id,
                    user_id=user_id,
                    channel=Channel.CALL,
                    direction=Direction.OUTBOUND,
                    outcome=Outcome.NO_ANSWER,
                    started_at=at,
                )
            )


def _window_at(qtbot, engine, translations, now) -> MainWindow:
    user = find_user(engine, DEMO_COLLECTOR)
    queue = CaseQueue(engine, user.id, SHANGHAI, clock=lambda: now)
    window = MainWindow(queue, user, translations, clock=lambda: now)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):  # the one-key shortcuts act in the active window only
        window.activateWindow()
    return window


def _select_number(window, case_id, point_id):
    window.detail.show_case(window._queue.detail(case_id))
    ids = [p.id for p in window.detail.detail.contact_points]
    window.detail.tabs.setCurrentWidget(window.detail.points)
    window.detail.points.setFocus()
    window.detail.points.setCurrentCell(ids.index(point_id), 0)


def test_a_seventh_call_today_is_not_dialed_and_says_until_when(qtbot, engine, translations):
    case_id, point_id = _case_with_number(engine, "CN")
    user_id = find_user(engine, DEMO_COLLECTOR).id
    # six calls to this number this morning, Shanghai time (FIXED_NOW is 10:30 there)
    _calls(
        engine, case_id, point_id, [FIXED_NOW - timedelta(minutes=m) for m in range(1, 7)], user_id
    )
    window = _window_at(qtbot, engine, translations, FIXED_NOW)
    _select_number(window, case_id, point_id)
    row = window.detail.points.currentRow()
    cell = window.detail.points.item(row, 4)
    assert cell.text() == "✗ from Nov 29 08:00"  # short; the tooltip says why
    assert "calls to this number today" in cell.toolTip()

    qtbot.keyClick(window.detail.points, Qt.Key.Key_C)

    assert window.log_dialog is None  # nothing dialed
    banner = window.detail.dial_banner
    assert banner.isVisible()
    assert "calls to this number today: 6 of 6 allowed" in banner.text()
    assert "next allowed Nov 29, 2026 08:00 customer time" in banner.text()
    # another of the customer's numbers is still open: the collector is not stuck
    other = next(
        p
        for p in window.detail.detail.contact_points
        if p.id != point_id
        and p.kind.is_phone
        and p.relation is Relation.SELF
        and p.status in (ContactPointStatus.VALID, ContactPointStatus.UNVERIFIED)
    )
    assert window.detail.detail.point_decisions[other.id].allowed


def test_a_call_at_22_local_is_refused_and_the_morning_named(qtbot, engine, translations):
    case_id, point_id = _case_with_number(engine, "CN")
    night = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    window = _window_at(qtbot, engine, translations, night)
    _select_number(window, case_id, point_id)
    window.dial_action.trigger()  # Ctrl+D
    assert window.log_dialog is None
    assert "outside contact hours" in window.detail.dial_banner.text()
    assert "Nov 29, 2026 08:00" in window.detail.dial_banner.text()


def test_an_eighth_call_in_seven_days_in_the_us_asks_why_and_audits_it(qtbot, engine, translations):
    case_id, point_id = _case_with_number(engine, "US")
    with Session(engine) as s:
        zone = s.get(Case, case_id).time_zone
    from zoneinfo import ZoneInfo

    now = datetime(2026, 11, 27, 11, 0, tzinfo=ZoneInfo(zone))  # a Friday morning there
    user_id = find_user(engine, DEMO_COLLECTOR).id
    _calls(engine, case_id, point_id, [now - timedelta(days=d, hours=1) for d in range(7)], user_id)
    window = _window_at(qtbot, engine, translations, now)
    _select_number(window, case_id, point_id)

    qtbot.keyClick(window.detail.points, Qt.Key.Key_C)  # rebuttable: the log opens, warned
    dialog = window.log_dialog
    assert dialog is not None
    assert dialog.compliance.isVisible()
    assert "calls about this debt in 7 days: 7 of 7 allowed" in dialog.compliance.text()
    assert dialog.override_reason.isVisible()
    dialog.outcome.setCurrentRow(OUTCOME_ORDER.index(Outcome.NO_ANSWER))
    dialog.save(next_case=False)
    assert window.log_dialog is dialog  # not saved without a reason
    assert dialog.errors["override_reason"].isVisible()
    assert "Say why" in dialog.errors["override_reason"].text()

    dialog.override_reason.setText("customer asked to be called back this morning")
    dialog.save(next_case=False)
    assert window.log_dialog is None
    with Session(engine) as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "compliance_override")
        ).one()
        assert event.entity_id == str(case_id)
        assert event.detail["rules"] == ["cap:calls_per_debt_7_days"]
        assert event.detail["reason"] == "customer asked to be called back this morning"
        pushed = s.scalars(select(OutboxMutation).where(OutboxMutation.name == "log_contact")).one()
        assert pushed.args["entry"]["override_reason"] == event.detail["reason"]
        assert pushed.args["entry"]["dialed_at"] == now.astimezone(UTC).isoformat()


@pytest.mark.parametrize("language", ["zh_CN"])
def test_the_refusal_reads_in_chinese(qtbot, engine, translations, language):
    translations.set_language(language)
    case_id, point_id = _case_with_number(engine, "CN")
    night = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)
    window = _window_at(qtbot, engine, translations, night)
    _select_number(window, case_id, point_id)
    window.dial_action.trigger()
    assert "不在可联系时段" in window.detail.dial_banner.text()
