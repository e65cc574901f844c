"""The KPI formulas on a small data set worked out by hand."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import Direction, Outcome
from collector_desk.domain.kpis import (
    ContactFact,
    PaymentFact,
    Period,
    PromiseFact,
    kpis,
    totals,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
ALICE, BOB = 1, 2


def at(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


# Thursday 26 and Friday 27 November 2026, Monday 30 is the next ISO week
CONTACTS = [
    # alice, Thursday 09:00-10:55: 4 calls, 2 reached the customer, 1 promise
    ContactFact(ALICE, at(26, 9), Outcome.NO_ANSWER),
    ContactFact(ALICE, at(26, 9, 30), Outcome.RIGHT_PARTY),
    ContactFact(ALICE, at(26, 10), Outcome.THIRD_PARTY),
    ContactFact(ALICE, at(26, 10, 55), Outcome.PROMISE_TO_PAY),
    ContactFact(ALICE, at(26, 11), Outcome.RIGHT_PARTY, Direction.INBOUND),  # not counted
    # bob, Thursday: one call
    ContactFact(BOB, at(26, 14), Outcome.BUSY),
    # alice, Monday of the next week
    ContactFact(ALICE, at(30, 9), Outcome.PROMISE_TO_PAY),
]
PROMISES = [
    PromiseFact(ALICE, date(2026, 11, 26), 100_000, 100_000, PromiseStatus.KEPT),
    PromiseFact(ALICE, date(2026, 11, 26), 50_000, 20_000, PromiseStatus.PARTIAL),
    PromiseFact(BOB, date(2026, 11, 26), 30_000, 0, PromiseStatus.BROKEN, followed_up=False),
    PromiseFact(BOB, date(2026, 11, 27), 30_000, 0, PromiseStatus.BROKEN, followed_up=True),
    PromiseFact(BOB, date(2026, 11, 27), 99_000, 0, PromiseStatus.CANCELLED),
]
PAYMENTS = [
    PaymentFact(ALICE, at(26, 23, 30), 120_000),  # 23:30 Shanghai is still the 26th there
    PaymentFact(BOB, at(27, 0, 30), 5_000),  # 00:30 on the 27th locally (16:30 UTC the 26th)
]


def _by(rows, period, collector):
    return next(r for r in rows if r.period == period and r.collector_id == collector)


def test_daily_figures_per_collector():
    rows = kpis(CONTACTS, PROMISES, PAYMENTS, SHANGHAI, Period.DAY)
    alice = _by(rows, date(2026, 11, 26), ALICE)
    assert (alice.contacts, alice.right_party, alice.promises) == (4, 2, 1)
    assert alice.seconds == int(timedelta(hours=2).total_seconds())  # 09:00-10:55 + 5 minutes
    assert alice.contacts_per_hour == pytest.approx(2.0)
    assert alice.rpc_rate == pytest.approx(0.5) and alice.promise_rate == pytest.approx(0.5)
    assert (alice.promised_minor, alice.kept_minor) == (150_000, 120_000)
    assert alice.kept_rate == pytest.approx(0.8)
    assert alice.collected_minor == 120_000
    bob = _by(rows, date(2026, 11, 26), BOB)
    assert (bob.contacts, bob.seconds, bob.right_party) == (1, 300, 0)
    assert bob.rpc_rate == 0 and bob.promise_rate is None  # no right-party contact: no rate
    assert bob.broken_no_follow_up == 1 and bob.kept_rate == 0
    bob_friday = _by(rows, date(2026, 11, 27), BOB)
    assert bob_friday.broken_no_follow_up == 0  # followed up
    assert bob_friday.promised_minor == 30_000  # the cancelled promise is left out
    assert bob_friday.collected_minor == 5_000 and bob_friday.contacts == 0
    assert bob_friday.contacts_per_hour is None


def test_the_team_row_adds_up_its_collectors():
    rows = kpis(CONTACTS, PROMISES, PAYMENTS, SHANGHAI, Period.DAY)
    team = _by(rows, date(2026, 11, 26), None)
    assert (team.contacts, team.right_party, team.promises) == (5, 2, 1)
    assert team.seconds == 7200 + 300
    assert team.collected_minor == 120_000 and team.broken_no_follow_up == 1
    assert rows[-1].collector_id is None  # each period ends with its team row


def test_weeks_start_on_monday():
    rows = kpis(CONTACTS, PROMISES, PAYMENTS, SHANGHAI, Period.WEEK, per_collector=False)
    assert [(r.period, r.contacts) for r in rows] == [
        (date(2026, 11, 23), 5),
        (date(2026, 11, 30), 1),
    ]
    week = rows[0]
    assert (week.promised_minor, week.kept_minor, week.collected_minor) == (
        210_000,
        120_000,
        125_000,
    )


def test_totals_over_a_range_come_from_the_summed_counts():
    rows = kpis(CONTACTS, PROMISES, PAYMENTS, SHANGHAI, Period.DAY)
    total = totals(rows)
    alice_days = [r for r in rows if r.collector_id == ALICE]
    assert total[ALICE].contacts == sum(r.contacts for r in alice_days) == 5
    assert total[ALICE].right_party == 3
    # 3 right-party contacts, 2 promises: 2/3, not the mean of Thursday's 1/2 and Monday's 1/1
    assert total[ALICE].promise_rate == 2 / 3
    assert total[None].contacts == 6
    assert total[ALICE].period == date(2026, 11, 26)
