"""The team's numbers come from the central store, for team leads only, their own team only."""

import csv
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from collector_desk.config.resources import resource
from collector_desk.domain.allocation import parse_line
from collector_desk.domain.contacts import Outcome
from collector_desk.domain.kpis import Period
from collector_desk.store.cache import kpi_cache
from collector_desk.store.central.allocations import import_allocation
from collector_desk.store.central.payments import PaymentLine, import_payments
from collector_desk.store.shared.people import find_user
from collector_desk.sync.outcomes import NotALead, Offline
from tests.live_central import seed_cases
from tests.server.test_sync import _log


def test_kpis_from_pushed_contacts_per_collector_and_team(live, desk):
    (a1, a2) = seed_cases(live.engine, "alice", 2)
    (b1,) = seed_cases(live.engine, "bob", 1, start=20)
    seed_cases(live.engine, "carol", 1, start=40)  # the other team
    alice, bob, carol = desk("alice"), desk("bob"), desk("carol")
    for d in (alice, bob, carol):
        d.sync()
    _log(alice, a1, Outcome.NO_ANSWER)
    live.clock.now += timedelta(minutes=30)
    dialed = alice.clock() - timedelta(minutes=4)
    _log(alice, a2, Outcome.RIGHT_PARTY, dialed_at=dialed, talk_seconds=200)  # phone-timed
    _log(bob, b1, Outcome.BUSY)
    _log(carol, 40, Outcome.RIGHT_PARTY)
    for d in (alice, bob, carol):
        d.sync()
    day = live.clock.now.astimezone(ZoneInfo("Asia/Shanghai")).date()  # the lead's day
    lead = {"Authorization": f"Bearer {live.login('lead')}"}
    rows = live.http.get(
        "/api/v1/team/kpis",
        headers=lead,
        params={"since": day.isoformat(), "until": day.isoformat()},
    ).json()["rows"]
    by = {r["username"]: r for r in rows}
    assert set(by) == {"alice", "bob", None}  # carol is in the other team
    assert (by["alice"]["contacts"], by["alice"]["right_party"]) == (2, 1)
    assert by["alice"]["rpc_rate"] == 0.5
    assert by["alice"]["hours"] == pytest.approx((30 + 5) / 60)
    assert (by["alice"]["talk_seconds"], by[None]["talk_seconds"]) == (200, 200)
    assert (by[None]["contacts"], by[None]["right_party"]) == (3, 1)
    assert by["bob"]["promise_rate"] is None

    collector = {"Authorization": f"Bearer {live.login('alice')}"}
    params = {"since": day.isoformat(), "until": day.isoformat()}
    assert live.http.get("/api/v1/team/kpis", headers=collector, params=params).status_code == 403
    backwards = {"since": day.isoformat(), "until": (day - timedelta(days=1)).isoformat()}
    assert live.http.get("/api/v1/team/kpis", headers=lead, params=backwards).status_code == 422


def _allocate(engine, at, dpd_by_account):
    """The sample allocation file as the bank sends it on a given morning."""
    with resource("samples", "allocation.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["dpd"] = str(dpd_by_account.get(row["account_ref"], row["dpd"]))
    lines = [(n, parse_line(n, row)) for n, row in enumerate(rows, start=2)]
    import_allocation(engine, lines, at)


def test_roll_and_cure_by_bucket_from_the_daily_files(live):
    shanghai = ZoneInfo("Asia/Shanghai")

    def morning(day):
        return datetime(2026, 11, day, 9, tzinfo=shanghai)

    # K200000001 starts in M2 (42 days), K200000002 in M4 (95 days); both alice's
    _allocate(live.engine, morning(23), {})
    # Wednesday: K200000001 rolls into M3; K200000002 ages but stays in M4
    _allocate(live.engine, morning(25), {"A2000000001": 60, "A2000000003": 97})
    # Thursday: K200000002's overdue amount is paid in full: cured
    import_payments(
        live.engine,
        [(2, PaymentLine("A2000000003", 153_025, morning(26), "ACH-1", "auto_debit"))],
        morning(26),
    )
    lead = {"Authorization": f"Bearer {live.login('lead')}"}

    def flows(since, until, period):
        params = {"since": since, "until": until, "period": period}
        report = live.http.get("/api/v1/team/kpis", headers=lead, params=params).json()
        return {
            (f["period"], f["username"], f["bucket"]): (f["cases"], f["rolled"], f["cured"])
            for f in report["flows"]
        }

    by_day = flows("2026-11-24", "2026-11-26", "day")
    assert by_day == {
        ("2026-11-24", "alice", "M2"): (1, 0, 0),
        ("2026-11-24", "alice", "M4"): (1, 0, 0),
        ("2026-11-24", None, "M2"): (1, 0, 0),
        ("2026-11-24", None, "M4"): (1, 0, 0),
        ("2026-11-25", "alice", "M2"): (1, 1, 0),
        ("2026-11-25", "alice", "M4"): (1, 0, 0),
        ("2026-11-25", None, "M2"): (1, 1, 0),
        ("2026-11-25", None, "M4"): (1, 0, 0),
        ("2026-11-26", "alice", "M3"): (1, 0, 0),
        ("2026-11-26", "alice", "M4"): (1, 0, 1),
        ("2026-11-26", None, "M3"): (1, 0, 0),
        ("2026-11-26", None, "M4"): (1, 0, 1),
    }
    # the week from Tuesday: M2 rolled, M4 cured; the imports' ages inside a bucket left no row
    assert flows("2026-11-24", "2026-11-29", "week") == {
        ("2026-11-23", "alice", "M2"): (1, 1, 0),
        ("2026-11-23", "alice", "M4"): (1, 0, 1),
        ("2026-11-23", None, "M2"): (1, 1, 0),
        ("2026-11-23", None, "M4"): (1, 0, 1),
    }


def test_a_leads_desk_keeps_the_numbers_for_offline_viewing(live, desk):
    (a1,) = seed_cases(live.engine, "alice", 1)
    (b1,) = seed_cases(live.engine, "bob", 1, start=20)
    alice, bob, lead = desk("alice"), desk("bob"), desk("lead")
    for d in (alice, bob, lead):
        d.sync()
    _log(alice, a1, Outcome.RIGHT_PARTY)
    _log(bob, b1, Outcome.NO_ANSWER)
    alice.sync(), bob.sync()
    day = live.clock.now.astimezone(ZoneInfo("Asia/Shanghai")).date()
    week = day - timedelta(days=day.weekday())

    report = lead.fetch_kpis(week, week + timedelta(days=6), Period.DAY)
    assert report.computed_at == live.clock.now

    live.stop()  # the network goes; the dashboard still has the figures
    with pytest.raises(Offline):
        lead.fetch_kpis(week, week + timedelta(days=6), Period.DAY)
    cached = kpi_cache.load(lead.engine, Period.DAY, week, week + timedelta(days=6))
    alice_id = find_user(lead.engine, "alice").id
    by = {r.collector_id: r for r in cached.rows}
    assert set(by) == {alice_id, find_user(lead.engine, "bob").id, None}
    assert (by[alice_id].contacts, by[alice_id].rpc_rate) == (1, 1.0)
    assert (by[None].contacts, by[None].right_party) == (2, 1)
    assert cached.computed_at == live.clock.now
    assert kpi_cache.load(lead.engine, Period.DAY, day, day, alice_id).rows == [by[alice_id]]
    nothing = kpi_cache.load(lead.engine, Period.WEEK, week, week + timedelta(days=6))
    assert (nothing.rows, nothing.computed_at) == ([], None)


def test_a_new_fetch_replaces_what_the_cache_held_for_those_dates(live, desk):
    (a1,) = seed_cases(live.engine, "alice", 1)
    alice, lead = desk("alice"), desk("lead")
    alice.sync()
    day = live.clock.now.astimezone(ZoneInfo("Asia/Shanghai")).date()
    _log(alice, a1, Outcome.RIGHT_PARTY)
    alice.sync()
    lead.sync()
    lead.fetch_kpis(day, day, Period.DAY)
    assert len(kpi_cache.load(lead.engine, Period.DAY, day, day).rows) == 2
    kpi_cache.save(lead.engine, Period.DAY, day, day, live.clock.now, [], [])  # a quiet day now
    assert kpi_cache.load(lead.engine, Period.DAY, day, day).rows == []


def test_a_collectors_desk_is_refused_the_numbers(live, desk):
    alice = desk("alice")
    with pytest.raises(NotALead):
        alice.fetch_kpis(date(2026, 11, 23), date(2026, 11, 29), Period.WEEK)
    assert (
        kpi_cache.load(alice.engine, Period.WEEK, date(2026, 11, 23), date(2026, 11, 29)).rows == []
    )


def test_a_case_whose_history_starts_later_is_not_taken_as_unchanged_before(live):
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from collector_desk.store.central.bucket_history import tracks
    from collector_desk.store.central.schema import BucketHistory
    from collector_desk.store.shared.schema import User

    (case_id,) = seed_cases(live.engine, "alice", 1)  # opened 2026-11-28 02:00 UTC, 35 days
    later = datetime(2026, 12, 5, 1, tzinfo=ZoneInfo("UTC"))
    with Session(live.engine) as s, s.begin():
        s.add(BucketHistory(case_id=case_id, changed_at=later, max_dpd=60))
        alice = s.scalar(select(User.id).where(User.username == "alice"))
    end_of_month = datetime(2026, 12, 1, tzinfo=ZoneInfo("UTC"))
    with Session(live.engine) as s:
        (track,) = tracks(s, [alice], end_of_month)  # asked about a time before the history
    assert track.dpd_at_each([end_of_month]) == [None]  # unknown then, not "35 since opened"


def _money_facts(engine, case_id, currency, promised, paid, collected, at):
    """A promise due today and a payment received today, in the case's currency."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from collector_desk.domain.cases import PromiseStatus
    from collector_desk.store.shared.schema import CardAccount, Case, Payment, Promise

    with Session(engine) as s, s.begin():
        case = s.get(Case, case_id)
        case.currency = currency
        account = s.scalar(select(CardAccount.id).where(CardAccount.customer_id == case_id))
        status = PromiseStatus.KEPT if paid >= promised else PromiseStatus.PARTIAL
        s.add(
            Promise(
                case_id=case_id,
                user_id=case.assigned_to,
                currency=currency,
                amount_minor=promised,
                paid_minor=paid,
                due_date=at.astimezone(ZoneInfo("Asia/Shanghai")).date(),
                status=status,
                recorded_at=at,
            )
        )
        s.add(
            Payment(
                case_id=case_id,
                account_id=account,
                currency=currency,
                amount_minor=collected,
                paid_at=at,
                source="bank",
                reference=f"T{case_id}",
                recorded_at=at,
            )
        )


def test_money_is_reported_per_currency_and_a_released_desk_still_reads_it(live, desk):
    """The demo team's mix: most cases in yuan, some in dollars. No figure adds them up."""
    from pydantic import BaseModel

    a1, a2 = seed_cases(live.engine, "alice", 2)
    (b1,) = seed_cases(live.engine, "bob", 1, start=20)
    now = live.clock.now
    _money_facts(live.engine, a1, "CNY", 100_000, 100_000, 60_000_000, now)
    _money_facts(live.engine, a2, "USD", 40_000, 10_000, 15_000, now)
    _money_facts(live.engine, b1, "USD", 20_000, 20_000, 25_050, now)
    day = now.astimezone(ZoneInfo("Asia/Shanghai")).date()
    lead = {"Authorization": f"Bearer {live.login('lead')}"}
    params = {"since": day.isoformat(), "until": day.isoformat()}
    body = live.http.get("/api/v1/team/kpis", headers=lead, params=params).json()
    by = {r["username"]: r for r in body["rows"]}
    assert by[None]["money"] == [
        {
            "currency": "CNY",
            "promised_minor": 100_000,
            "kept_minor": 100_000,
            "kept_rate": 1.0,
            "collected_minor": 60_000_000,
        },
        {
            "currency": "USD",
            "promised_minor": 60_000,
            "kept_minor": 30_000,
            "kept_rate": 0.5,
            "collected_minor": 40_050,
        },
    ]
    assert [m["currency"] for m in by["bob"]["money"]] == ["USD"]  # bob has no yuan

    # A desk of the last release requires the old single figures and shows them as yuan:
    # they hold the yuan alone, never yuan plus dollars.
    class ReleasedKpiOut(BaseModel):
        promised_minor: int
        kept_minor: int
        kept_rate: float | None
        collected_minor: int

    team = ReleasedKpiOut.model_validate(by[None])
    assert (team.collected_minor, team.kept_rate) == (60_000_000, 1.0)
    bob = ReleasedKpiOut.model_validate(by["bob"])
    assert (bob.collected_minor, bob.kept_rate) == (0, None)

    # the lead's desk keeps each currency apart for offline viewing
    desk_lead = desk("lead")
    desk_lead.sync()
    desk_lead.fetch_kpis(day, day, Period.DAY)
    cached = {
        r.collector_id: r for r in kpi_cache.load(desk_lead.engine, Period.DAY, day, day).rows
    }
    assert sorted(cached[None].money) == ["CNY", "USD"]
    assert cached[None].money["USD"].collected_minor == 40_050
    assert cached[None].money["USD"].kept_rate == 0.5


def test_figures_cached_before_money_was_per_currency_show_no_money(live, desk):
    """A lead's cache from the last release holds one sum across currencies: its counts are
    still shown, its money is not (the next fetch replaces the row)."""
    from sqlalchemy.orm import Session

    from collector_desk.store.cache.schema import KpiCache

    lead = desk("lead")
    day = date(2026, 11, 26)
    old = {
        "contacts": 3,
        "seconds": 600,
        "right_party": 1,
        "promises": 1,
        "promised_minor": 140_000,  # yuan and dollars added together
        "kept_minor": 110_000,
        "collected_minor": 75_096_000,
        "broken_no_follow_up": 0,
    }
    with Session(lead.engine) as s, s.begin():
        s.add(
            KpiCache(
                kind="kpi",
                period_kind="day",
                period=day,
                username="",
                bucket="",
                figures=old,
                fetched_at=live.clock.now,
            )
        )
    (row,) = kpi_cache.load(lead.engine, Period.DAY, day, day).rows
    assert (row.contacts, row.right_party, row.money) == (3, 1, {})
