"""The lead's dashboard: the team's numbers fetched from the server in the background, kept
for offline viewing, filtered by collector and dates, exported."""

import csv
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Outcome
from collector_desk.store.central.schema import BucketHistory
from tests.live_central import desk_window, seed_cases
from tests.server.test_sync import _log


@pytest.fixture
def team_day(live, desk):
    """Alice: two calls, one reaching the customer; Bob: one unanswered call; and Alice's
    first case rolled from M2 to M3 on the 27th."""
    a1, a2 = seed_cases(live.engine, "alice", 2)
    (b1,) = seed_cases(live.engine, "bob", 1, start=20)
    alice, bob, lead = desk("alice"), desk("bob"), desk("lead")
    alice.sync(), bob.sync()
    _log(alice, a1, Outcome.RIGHT_PARTY)
    _log(alice, a2, Outcome.NO_ANSWER)
    _log(bob, b1, Outcome.NO_ANSWER)
    alice.sync(), bob.sync()
    with Session(live.engine) as s, s.begin():
        s.add(
            BucketHistory(case_id=a1, changed_at=datetime(2026, 11, 19, 12, tzinfo=UTC), max_dpd=35)
        )
        s.add(
            BucketHistory(case_id=a1, changed_at=datetime(2026, 11, 27, 1, tzinfo=UTC), max_dpd=60)
        )
    lead.sync()
    return lead


def _values(chart, name=None):
    series = chart.series[0] if name is None else next(s for s in chart.series if s.name == name)
    return list(series.values)


def _table(table):
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_dashboard_shows_the_teams_numbers_and_keeps_them_offline(
    qtbot, qapp, live, team_day, tmp_path
):
    window, controller = desk_window(qtbot, qapp, team_day.engine, live.clock, "lead", live.url)
    try:
        team = window.open_team()
        board = team.dashboard
        team.tabs.setCurrentWidget(board)
        qtbot.waitUntil(lambda: not board.fetching, timeout=10_000)
        assert "Figures computed Nov 28, 2026 10:00" in board.status.text()

        # the last fourteen days by day, today (the 28th, the lead's time) last
        contacts = board.charts["contacts"]
        assert (contacts.categories[0], contacts.categories[-1]) == ("Nov 15", "Nov 28")
        assert _values(contacts)[-1] == 3 and _values(contacts)[0] == 0
        assert _values(board.charts["rpc_rate"])[-1] == pytest.approx(1 / 3)
        assert _values(board.charts["rpc_rate"])[0] is None  # no calls: no rate, not 0 %
        # two calls within the same minute count as five minutes of work
        assert _table(board.table)[0][:6] == ["Alice", "2", "0.1", "24.0", "0:00", "50%"]
        assert [row[0] for row in _table(board.table)] == ["Alice", "Bob", "Team"]
        assert [row[1] for row in _table(board.table)] == ["2", "1", "3"]

        # roll and cure by bucket over the range: M2 for eight days with one roll, then M3
        flows = board.charts["flows"]
        assert flows.categories == ["M2", "M3"]
        assert _values(flows, "Roll") == [1 / 8, 0.0]

        board.collector.setCurrentIndex(board.collector.findText("Bob"))
        assert [s.name for s in board.charts["rpc_rate"].series] == ["Bob", "Team"]
        assert _values(board.charts["contacts"])[-1] == 1
        assert flows.categories == []  # Bob's case did not move between buckets

        (path,) = [board.export(tmp_path / "bob.csv")]
        with path.open(encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        assert [(r["collector"], r["contacts"]) for r in rows] == [("Bob", "1")]

        # bad dates change nothing and say why
        board.since.setDate(QDate(2026, 11, 30))
        assert board.status.text() == "The start date is after the end date."
        assert _values(board.charts["contacts"])[-1] == 1
        board.since.setDate(QDate(2026, 11, 15))
        qtbot.waitUntil(lambda: not board.fetching, timeout=10_000)

        live.stop()  # offline: the cached figures stay, with their age
        board.collector.setCurrentIndex(0)
        board.refresh_button.click()
        qtbot.waitUntil(lambda: not board.fetching, timeout=15_000)
        assert "cannot be reached" in board.status.text()
        assert "Figures computed Nov 28, 2026 10:00" in board.status.text()
        assert _values(board.charts["contacts"])[-1] == 3
    finally:
        controller.shutdown()
