from PySide6.QtCore import Qt

from collector_desk.domain import masking
from collector_desk.ui.queue.queue_model import CASE_ID_ROLE, COLUMNS, QueueModel
from tests.ui.conftest import SHANGHAI


def test_queue_model_passes_qt_model_checks(qtmodeltester, queue):
    model = QueueModel(queue, SHANGHAI)
    qtmodeltester.check(model, force_py=True)


def test_model_reads_a_window_at_a_time_not_every_row(queue):
    calls = []
    original = queue.window

    def counting(layout, offset, limit):
        calls.append((offset, limit))
        return original(layout, offset, limit)

    queue.window = counting
    model = QueueModel(queue, SHANGHAI)
    assert model.rowCount() == 360  # the demo collector's share of the team's 600
    for row in range(50):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
    assert calls == [(0, QueueModel.PAGE)]


def test_window_opens_on_the_queue_with_the_top_case_shown(window, queue):
    assert window.model.rowCount() == queue.count() == 360
    top = queue.window(window.model.spec, 0, 1)[0]
    assert window.model.index(0, 2).data() == top.customer_name
    assert window.detail.detail is not None
    assert window.detail.detail.case_id == top.case_id
    assert window.detail.name.text() == top.customer_name
    assert "360" in window.status_cases.text()
    assert "0" in window.status_outbox.text()


def test_selecting_a_row_fills_the_detail_pane(qtbot, window):
    index = window.model.index(7, 0)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    case_id = window.model.data(index, CASE_ID_ROLE)
    detail = window.detail.detail
    assert detail is not None and detail.case_id == case_id
    assert window.detail.name.text() == detail.customer_name
    # personal identifiers are masked on screen
    assert window.detail.fields["national_id"].text() == masking.mask_national_id(
        detail.national_id
    )
    assert detail.national_id not in window.detail.fields["national_id"].text()
    assert window.detail.accounts.rowCount() == len(detail.accounts)
    assert window.detail.contacts.rowCount() == len(detail.contacts)


def test_keyboard_moves_through_the_queue(qtbot, window):
    first = window.detail.detail.case_id
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    second = window.detail.detail.case_id
    assert second != first
    assert second == window.model.data(window.model.index(1, 0), CASE_ID_ROLE)


def test_flagged_case_shows_the_banner(qtbot, window, engine):
    from sqlalchemy import text

    with engine.connect() as conn:
        flagged = conn.scalar(
            text(
                "SELECT f.case_id FROM case_flags f JOIN cases c ON c.id = f.case_id"
                " WHERE f.flag = 'dispute' AND c.assigned_to = 3 LIMIT 1"
            )
        )
    for row in range(window.model.rowCount()):
        if window.model.data(window.model.index(row, 0), CASE_ID_ROLE) == flagged:
            window.table.selectRow(row)
            break
    assert window.detail.detail.case_id == flagged
    assert window.detail.flags_banner.isVisible()
    assert "Dispute" in window.detail.flags_banner.text()


def test_switching_to_chinese_translates_the_window(window):
    window.set_language("zh_CN")
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 4)]
    assert headers == ["优先级", "客户", "账龄 / 逾期天数"]
    assert window.file_menu.title() == "文件(&F)"
    assert "本视图案件数" in window.status_cases.text()
    window.set_language("en")
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Priority"


def test_detail_shows_plans_and_whether_contact_is_allowed_now(qtbot, window, engine):
    from datetime import UTC, date, datetime

    from sqlalchemy.orm import Session

    from collector_desk.domain.cases import PlanStatus
    from collector_desk.store.shared.schema import RepaymentPlan

    case_id = window.detail.detail.case_id
    with Session(engine) as s, s.begin():
        s.add(
            RepaymentPlan(
                case_id=case_id,
                user_id=3,
                status=PlanStatus.ACTIVE,
                currency="CNY",
                total_minor=1_200_000,
                waived_minor=50_000,
                installment_count=12,
                first_due_date=date(2026, 12, 15),
                recorded_at=datetime.now(UTC),
            )
        )
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.keyClick(window.table, Qt.Key.Key_Up)
    plans = window.detail.plans
    assert plans.rowCount() == 1
    assert [plans.item(0, c).text() for c in range(3)] == ["Active", "12", "CN¥12,000.00"]
    local_time = window.detail.fields["local_time"].text()
    assert window.detail.detail.time_zone in local_time
    assert local_time.split(" · ")[-1][0] in "✓✗"


def test_home_and_end_go_to_the_first_and_the_last_case(qtbot, window):
    last = window.model.rowCount() - 1
    qtbot.keyClick(window.table, Qt.Key.Key_End)
    assert window.table.currentIndex().row() == last
    assert window.detail.detail.case_id == window.model.data(
        window.model.index(last, 0), CASE_ID_ROLE
    )
    qtbot.keyClick(window.table, Qt.Key.Key_Home)
    assert window.table.currentIndex().row() == 0
    assert window.detail.detail.case_id == window.model.data(window.model.index(0, 0), CASE_ID_ROLE)


def test_dates_on_the_desk_read_in_the_ui_language(window):
    """The queue, the history and the accounts write dates as the reader does, never as
    ISO digits: "Nov 27, 2026 10:30" in English, "2026年11月27日 10:30" in Chinese."""
    import re

    last = COLUMNS.index("last_contact")
    contacted = next(
        row
        for row in range(window.model.rowCount())
        if window.model.index(row, last).data() not in ("never", "")
    )
    english = window.model.index(contacted, last).data()
    assert re.match(r"[A-Z][a-z]{2} \d{1,2}(, 20\d\d)? \d\d:\d\d", english), english
    window.table.selectRow(contacted)
    assert re.match(
        r"[A-Z][a-z]{2} \d{1,2}, 20\d\d \d\d:\d\d", window.detail.contacts.item(0, 0).text()
    )
    window.set_language("zh_CN")
    chinese = window.model.index(contacted, last).data()
    assert re.match(r"(20\d\d年)?\d{1,2}月\d{1,2}日 \d\d:\d\d", chinese), chinese
    window.table.selectRow(contacted)
    assert re.match(
        r"20\d\d年\d{1,2}月\d{1,2}日 \d\d:\d\d", window.detail.contacts.item(0, 0).text()
    )
    assert not re.search(r"\d{4}-\d\d-\d\d", chinese + window.detail.contacts.item(0, 0).text())
    window.set_language("en")
