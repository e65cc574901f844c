"""The lead's numbers for a team working in yuan and in US dollars: each currency's money on
its own line, chart and column, never one sum, in either language."""

import csv
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.demo import DEMO_COLLECTOR, DEMO_LEAD
from collector_desk.domain.cases import CaseStatus
from collector_desk.domain.kpis import Period
from collector_desk.store.cache import kpi_cache
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import Case
from collector_desk.ui.common import formatting
from collector_desk.ui.team.dashboard import Dashboard
from collector_desk.ui.team.team_window import TeamWindow
from tests.conftest import FIXED_NOW


def _row(day, username, contacts, money):
    return {
        "period": day,
        "username": username,
        "contacts": contacts,
        "seconds": 3600,
        "right_party": contacts // 2,
        "promises": 1,
        "broken_no_follow_up": 0,
        "money": [
            {"currency": code, "promised_minor": p, "kept_minor": k, "collected_minor": c}
            for code, (p, k, c) in money.items()
        ],
    }


DAY = date(2026, 11, 27)
ROWS = [
    _row(DAY, DEMO_COLLECTOR, 8, {"CNY": (100_000, 100_000, 60_076_800)}),
    _row(DAY, "collector2", 4, {"USD": (40_000, 10_000, 15_000_000)}),
    _row(
        DAY,
        None,
        12,
        {"CNY": (100_000, 100_000, 60_076_800), "USD": (40_000, 10_000, 15_000_000)},
    ),
]


@pytest.fixture
def board(qtbot, engine, translations, request):
    translations.set_language(request.param)
    kpi_cache.save(engine, Period.DAY, DAY, DAY, FIXED_NOW, ROWS, [])
    board = Dashboard(engine, find_user(engine, DEMO_LEAD), lambda: FIXED_NOW)
    qtbot.addWidget(board)
    ids = {u: find_user(engine, u).id for u in (DEMO_COLLECTOR, "collector2")}
    board.set_collectors([(ids[DEMO_COLLECTOR], "Wang Fang"), (ids["collector2"], "Bob")])
    board.show_cached()
    return board


def _table(table):
    header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return [
        dict(zip(header, [table.item(r, c).text() for c in range(len(header))], strict=True))
        for r in range(table.rowCount())
    ]


@pytest.mark.parametrize("board", ["en"], indirect=True)
def test_yuan_and_dollars_each_have_their_own_figures(board, tmp_path):
    team = _table(board.table)[-1]
    assert team["Collected (CNY)"] == "CN¥600,768.00"
    assert team["Collected (USD)"] == "$150,000.00"
    assert (team["Kept rate (CNY)"], team["Kept rate (USD)"]) == ("100%", "25%")
    assert team["Contacts"] == "12"  # counts stay one figure
    bob = _table(board.table)[1]
    assert (bob["Collected (CNY)"], bob["Kept rate (CNY)"]) == ("CN¥0.00", "–")
    assert not any("750,768" in text for row in _table(board.table) for text in row.values())

    assert list(board.collected) == ["CNY", "USD"]
    assert [c.title for c in board.collected.values()] == ["Collected (CNY)", "Collected (USD)"]
    assert board.collected["USD"].series[0].values[-2] == 15_000_000  # the 27th; the 28th is last
    assert board.collected["USD"].tooltip(len(board.collected["USD"].categories) - 2) == (
        "Nov 27\nTeam: $150,000"
    )
    kept = board.charts["kept_rate"]
    assert [s.name for s in kept.series] == ["CNY", "USD"]
    assert [s.values[-2] for s in kept.series] == [1.0, 0.25]
    assert board.charts["contacts"].categories[-2] == "Nov 27"

    board.collector.setCurrentIndex(board.collector.findText("Bob"))
    assert [s.name for s in kept.series] == ["Bob CNY", "Team CNY", "Bob USD", "Team USD"]
    assert board.collected["CNY"].series[0].values[-2] == 0  # Bob took no yuan that day

    board.collector.setCurrentIndex(0)
    path = board.export(tmp_path / "team.csv")
    with path.open(encoding="utf-8-sig") as fh:
        lines = {r["collector"]: r for r in csv.DictReader(fh)}
    assert (lines["Team"]["collected (CNY)"], lines["Team"]["collected (USD)"]) == (
        "600768.00",
        "150000.00",
    )


@pytest.mark.parametrize("board", ["zh_CN"], indirect=True)
def test_in_chinese_yuan_is_plain_and_dollars_say_so(board):
    team = _table(board.table)[-1]
    assert team["回收金额（CNY）"] == "¥600,768.00"
    assert team["回收金额（USD）"] == "US$150,000.00"
    assert board.charts["contacts"].categories[-2] == "11月27日"
    board.fetched(ConnectionError("offline"))  # the age of the figures, as Chinese writes it
    assert "2026年11月28日 10:30" in board.status.text()


def test_the_workload_shows_each_collectors_overdue_per_currency(qtbot, engine, translations):
    """The demo team holds cases in yuan and in dollars: each collector's overdue total is a
    line per currency, and a proposed move shows the case's amount in its own currency."""
    demo = find_user(engine, DEMO_COLLECTOR)
    with Session(engine) as s:
        totals = dict(
            s.execute(
                select(Case.currency, func.sum(Case.overdue_minor))
                .where(Case.assigned_to == demo.id, Case.status != CaseStatus.CLOSED)
                .group_by(Case.currency)
            ).all()
        )
    assert set(totals) == {"CNY", "USD"}  # the demo's mix, as the generator makes it
    window = TeamWindow(engine, find_user(engine, DEMO_LEAD), lambda: FIXED_NOW)
    qtbot.addWidget(window)
    names = [window.workload.item(r, 0).text() for r in range(window.workload.rowCount())]
    overdue = window.workload.item(names.index(demo.display_name), 2).text()
    cny, usd = overdue.split("\n")
    assert cny == formatting.money(totals["CNY"], "CNY") and cny.startswith("CN¥")
    assert usd == formatting.money(totals["USD"], "USD") and usd.startswith("$")

    moves = window.propose_rebalance()
    with Session(engine) as s:
        ids = [m.case_id for m in moves]
        currency = dict(s.execute(select(Case.id, Case.currency).where(Case.id.in_(ids))).all())
    assert set(currency.values()) == {"CNY", "USD"}
    shown = [window.moves.item(r, 3).text() for r in range(window.moves.rowCount())]
    assert shown == [formatting.money(m.overdue_minor, currency[m.case_id]) for m in moves]


def test_balance_at_least_is_read_in_the_chosen_currency(qtbot, engine, translations):
    """A "Balance at least 5000" in dollars finds dollar cases of 5,000 dollars and more, never
    a yuan case whose number of yuan happens to be larger."""
    lead = find_user(engine, DEMO_LEAD)
    window = TeamWindow(engine, lead, lambda: FIXED_NOW)
    qtbot.addWidget(window)
    offered = [window.balance_currency.itemText(i) for i in range(window.balance_currency.count())]
    assert offered == ["CNY", "USD"]  # the team's currencies, most cases first
    assert window.balance_currency.currentText() == "CNY"

    window.balance_min.setText("5000")
    window.balance_currency.setCurrentText("USD")
    found = window.find_cases()
    with Session(engine) as s:
        rows = dict(
            s.execute(
                select(Case.id, Case.currency).where(
                    Case.status != CaseStatus.CLOSED, Case.balance_minor >= 500_000
                )
            ).all()
        )
    dollars = sorted(c for c, code in rows.items() if code == "USD")
    assert found == dollars and found
    assert any(code == "CNY" for code in rows.values())  # yuan cases over 5000 stay out
    assert "case" in window.message.text() and "(s)" not in window.message.text()
