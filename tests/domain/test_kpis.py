"""The KPI formulas on a small data set worked out by hand."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import Direction, Outcome
from collector_desk.domain.kpis import (
    Amounts,
    ContactFact,
    PaymentFact,
    Period,
    PromiseFact,
    currencies,
    kpis,
    totals,
)
from collector_desk.domain.money import MoneyError

SHANGHAI = ZoneInfo("Asia/Shanghai")
ALICE, BOB = 1, 2


def at(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


# Thursday 26 and Friday 27 November 2026, Monday 30 is the next ISO week
CONTACTS = [
    # alice, Thursday 09:00 to 11:00: 4 calls, 2 reached the customer, 1 promise; the phone
    # measured 4 + 10 minutes on the line, and an inbound call of 3 (work, not a try)
    ContactFact(ALICE, at(26, 9, 2), Outcome.NO_ANSWER),
    ContactFact(ALICE, at(26, 9, 4), Outcome.RIGHT_PARTY, talk_seconds=240),  # from 09:00
    ContactFact(ALICE, at(26, 10), Outcome.THIRD_PARTY),
    ContactFact(ALICE, at(26, 10, 55), Outcome.PROMISE_TO_PAY, talk_seconds=600),
    ContactFact(ALICE, at(26, 11), Outcome.RIGHT_PARTY, Direction.INBOUND, 180),
    # bob, Thursday: one call
    ContactFact(BOB, at(26, 14), Outcome.BUSY),
    # alice, Monday of the next week
    ContactFact(ALICE, at(30, 9), Outcome.PROMISE_TO_PAY),
]
PROMISES = [
    PromiseFact(ALICE, date(2026, 11, 26), 100_000, 100_000, "CNY", PromiseStatus.KEPT),
    PromiseFact(ALICE, date(2026, 11, 26), 50_000, 20_000, "CNY", PromiseStatus.PARTIAL),
    PromiseFact(BOB, date(2026, 11, 26), 30_000, 0, "CNY", PromiseStatus.BROKEN),
    PromiseFact(BOB, date(2026, 11, 27), 30_000, 0, "CNY", PromiseStatus.BROKEN, followed_up=True),
    PromiseFact(BOB, date(2026, 11, 27), 99_000, 0, "CNY", PromiseStatus.CANCELLED),
]
PAYMENTS = [
    PaymentFact(ALICE, at(26, 23, 30), 120_000, "CNY"),  # 23:30 Shanghai is still the 26th there
    PaymentFact(BOB, at(27, 0, 30), 5_000, "CNY"),  # 00:30 on the 27th locally (16:30 UTC the 26th)
]


def _by(rows, period, collector):
    return next(r for r in rows if r.period == period and r.collector_id == collector)


def test_daily_figures_per_collector():
    rows = kpis(CONTACTS, PROMISES, PAYMENTS, SHANGHAI, Period.DAY)
    alice = _by(rows, date(2026, 11, 26), ALICE)
    assert (alice.contacts, alice.right_party, alice.promises) == (4, 2, 1)
    # from the start of the call logged at 09:04 to the inbound call at 11:00, and 5 minutes
    assert alice.seconds == int(timedelta(hours=2, minutes=5).total_seconds())
    assert alice.contacts_per_hour == pytest.approx(4 / (125 / 60))
    assert alice.talk_seconds == 240 + 600 + 180
    assert alice.rpc_rate == pytest.approx(0.5) and alice.promise_rate == pytest.approx(0.5)
    assert alice.money == {"CNY": Amounts(150_000, 120_000, 120_000)}
    assert alice.money["CNY"].kept_rate == pytest.approx(0.8)
    bob = _by(rows, date(2026, 11, 26), BOB)
    assert (bob.contacts, bob.seconds, bob.right_party) == (1, 300, 0)
    assert bob.rpc_rate == 0 and bob.promise_rate is None  # no right-party contact: no rate
    assert bob.broken_no_follow_up == 1 and bob.money["CNY"].kept_rate == 0
    bob_friday = _by(rows, date(2026, 11, 27), BOB)
    assert bob_friday.broken_no_follow_up == 0  # followed up
    # the cancelled promise is left out
    assert bob_friday.money == {"CNY": Amounts(promised_minor=30_000, collected_minor=5_000)}
    assert bob_friday.contacts == 0
    assert bob_friday.contacts_per_hour is None


def test_the_team_row_adds_up_its_collectors():
    rows = kpis(CONTACTS, PROMISES, PAYMENTS, SHANGHAI, Period.DAY)
    team = _by(rows, date(2026, 11, 26), None)
    assert (team.contacts, team.right_party, team.promises) == (5, 2, 1)
    assert team.seconds == 7500 + 300
    assert team.talk_seconds == 1020
    assert team.money["CNY"].collected_minor == 120_000 and team.broken_no_follow_up == 1
    assert rows[-1].collector_id is None  # each period ends with its team row


def test_weeks_start_on_monday():
    rows = kpis(CONTACTS, PROMISES, PAYMENTS, SHANGHAI, Period.WEEK, per_collector=False)
    assert [(r.period, r.contacts) for r in rows] == [
        (date(2026, 11, 23), 5),
        (date(2026, 11, 30), 1),
    ]
    week = rows[0]
    assert week.money == {"CNY": Amounts(210_000, 120_000, 125_000)}


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


# The demo team's mix: most cases in yuan, some in US dollars, on the same day and collector.
MIXED_PROMISES = [
    PromiseFact(ALICE, date(2026, 11, 26), 100_000, 100_000, "CNY", PromiseStatus.KEPT),
    PromiseFact(ALICE, date(2026, 11, 26), 40_000, 10_000, "USD", PromiseStatus.PARTIAL),
    PromiseFact(BOB, date(2026, 11, 26), 20_000, 0, "USD", PromiseStatus.BROKEN),
]
MIXED_PAYMENTS = [
    PaymentFact(ALICE, at(26, 10), 600_000, "CNY"),
    PaymentFact(ALICE, at(26, 11), 15_000, "USD"),
    PaymentFact(BOB, at(26, 12), 25_000, "USD"),
]


def test_money_in_two_currencies_is_never_added_together():
    rows = kpis(CONTACTS, MIXED_PROMISES, MIXED_PAYMENTS, SHANGHAI, Period.DAY)
    alice = _by(rows, date(2026, 11, 26), ALICE)
    assert alice.money == {
        "CNY": Amounts(promised_minor=100_000, kept_minor=100_000, collected_minor=600_000),
        "USD": Amounts(promised_minor=40_000, kept_minor=10_000, collected_minor=15_000),
    }
    # each currency's kept rate from its own amounts: 100 % and 25 %, not 110/140 overall
    assert (alice.money["CNY"].kept_rate, alice.money["USD"].kept_rate) == (1.0, 0.25)
    team = _by(rows, date(2026, 11, 26), None)
    assert list(team.money) == ["CNY", "USD"]
    assert team.money["CNY"].collected_minor == 600_000
    assert team.money["USD"] == Amounts(60_000, 10_000, 40_000)
    assert team.money["USD"].kept_rate == pytest.approx(1 / 6)
    assert team.contacts == 5  # counts stay one figure whatever the money
    assert currencies(rows) == ["CNY", "USD"]


def test_totals_keep_currencies_apart():
    rows = kpis(CONTACTS, MIXED_PROMISES + PROMISES, MIXED_PAYMENTS, SHANGHAI, Period.DAY)
    total = totals(rows)[None]
    assert total.money["CNY"].collected_minor == 600_000
    assert total.money["USD"].collected_minor == 40_000
    assert total.money["CNY"].promised_minor == 100_000 + 210_000


def test_a_fact_in_an_unknown_currency_is_refused():
    with pytest.raises(MoneyError, match="XYZ"):
        PaymentFact(ALICE, at(26, 10), 100, "XYZ")
