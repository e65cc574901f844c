"""A realistic, deterministic demo portfolio, written straight into a SQLite cache.

Same seed and same `now` give the same rows, byte for byte. The mix follows what card centers
see: most cases in the early buckets, log-normal balances, more contact attempts the older the
debt, promises of which some are kept and some broken, a few wrong numbers and the flags that stop
collection. Everything personal is generated; nothing is real.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import random
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from pathlib import Path
from zoneinfo import ZoneInfo

from collector_desk.config.loaders import default_bucket_scheme, default_priority_weights
from collector_desk.demo import DEMO_COLLECTOR, DEMO_LEAD
from collector_desk.demo.names import NamePools, cn_mobile, cn_resident_id, us_phone
from collector_desk.domain.buckets import BucketScheme, Segment
from collector_desk.domain.cases import STOP_FLAGS, CaseFlag, CaseStatus, PromiseStatus, Role
from collector_desk.domain.contacts import (
    Channel,
    ContactPointKind,
    ContactPointStatus,
    Direction,
    Outcome,
    OutcomeGroup,
    Relation,
)
from collector_desk.domain.priority import PriorityWeights, facts_from_state, score
from collector_desk.domain.progress import Progress
from collector_desk.store.cache import search
from collector_desk.store.shared.bulk import insert_rows
from collector_desk.store.shared.engine import make_build_engine
from collector_desk.store.shared.migrate import upgrade
from collector_desk.store.shared.schema_version import SHARED_HISTORY
from collector_desk.store.shared.types import sqlite_datetime_text as dt_text

# (username, display name, role): the demo signs in as DEMO_COLLECTOR.
DEMO_USERS = (
    ("admin", "Admin", Role.ADMIN),
    (DEMO_LEAD, "Team Lead", Role.TEAM_LEAD),
    (DEMO_COLLECTOR, "Demo Collector", Role.COLLECTOR),
    ("collector2", "Collector 2", Role.COLLECTOR),
    ("collector3", "Collector 3", Role.COLLECTOR),
)
DEMO_COLLECTOR_ID = 3
# The team's collectors in turn by case id (case 1 is the demo collector's): three cases in five
# stay with the demo collector, so a lead signing in to the demo sees a team of three.
TEAM_TURNS = (DEMO_COLLECTOR_ID, 4, DEMO_COLLECTOR_ID, 5, DEMO_COLLECTOR_ID)
BUCKET_HISTORY_DAYS = 90  # how far back the demo's bucket changes (roll and cure) go

# Share of cases per bucket label, weighted to the early stages as real portfolios are.
BUCKET_WEIGHTS = {"M1": 45, "M2": 20, "M3": 12, "M4": 9, "M5": 8, "M6+": 6}
MAX_DEMO_DPD = 720
MAX_ACCOUNTS_PER_CASE = 3  # accounts(): one to three cards
MAX_POINTS_PER_CASE = 5  # contact_points(): mobile, home, work, a relative, e-mail

OUTCOME_WEIGHTS = {
    Outcome.NO_ANSWER: 40,
    Outcome.BUSY: 8,
    Outcome.VOICEMAIL: 7,
    Outcome.WRONG_NUMBER: 2,
    Outcome.DISCONNECTED: 2,
    Outcome.THIRD_PARTY: 5,
    Outcome.RIGHT_PARTY: 10,
    Outcome.PROMISE_TO_PAY: 12,
    Outcome.REFUSED_TO_PAY: 4,
    Outcome.CALLBACK_REQUESTED: 4,
    Outcome.CLAIMS_PAID: 2,
    Outcome.HARDSHIP: 3,
    Outcome.DISPUTE: 1,
}
_OUTCOMES = tuple(OUTCOME_WEIGHTS)
_OUTCOME_CUM = tuple(accumulate(OUTCOME_WEIGHTS.values()))
_ACCOUNT_COUNT_CUM = tuple(accumulate((75, 20, 5)))  # one, two or three cards
_SETTLED = (PromiseStatus.KEPT, PromiseStatus.PARTIAL, PromiseStatus.BROKEN)  # a past promise
_SETTLED_CUM = tuple(accumulate((50, 15, 35)))

FLAG_RATES = {
    CaseFlag.HARDSHIP: 0.03,
    CaseFlag.DISPUTE: 0.02,
    CaseFlag.COMPLAINT: 0.01,
    CaseFlag.CEASE_COMMUNICATION: 0.01,
    CaseFlag.BANKRUPTCY: 0.005,
    CaseFlag.LEGAL_REPRESENTATION: 0.005,
    CaseFlag.FRAUD_VICTIM: 0.003,
    CaseFlag.DECEASED: 0.002,
}

NOTES = {
    "zh_CN": (
        "客户称月底发工资后还款",
        "客户要求下周再联系",
        "已告知逾期对征信的影响",
        "客户表示收入下降，可能申请分期",
        "客户情绪激动，已安抚并记录",
    ),
    "en_US": (
        "Customer will pay after payday at month end",
        "Asked to be called next week",
        "Explained the effect on the credit report",
        "Income dropped; may ask for a plan",
        "Customer was upset; calmed and noted",
    ),
}


@dataclass(frozen=True, slots=True)
class Market:
    country: str
    currency: str
    language: str
    policy_pack: str
    time_zones: tuple[tuple[str, int], ...]
    median_balance_major: int


MARKETS = (
    (
        Market(
            "CN",
            "CNY",
            "zh_CN",
            "CN",
            (("Asia/Shanghai", 85), ("Asia/Urumqi", 10), ("Asia/Hong_Kong", 5)),
            15_000,
        ),
        80,
    ),
    (
        Market(
            "US",
            "USD",
            "en_US",
            "US",
            (
                ("America/New_York", 35),
                ("America/Chicago", 30),
                ("America/Denver", 10),
                ("America/Los_Angeles", 20),
                ("America/Anchorage", 3),
                ("Pacific/Honolulu", 2),
            ),
            3_000,
        ),
        20,
    ),
)

# Worked out once for choices(): it draws the same with cumulative weights as with weights.
_MARKETS = tuple(m for m, _ in MARKETS)
_MARKET_CUM = tuple(accumulate(w for _, w in MARKETS))
_ZONES = {
    m: (tuple(z for z, _ in m.time_zones), tuple(accumulate(w for _, w in m.time_zones)))
    for m in _MARKETS
}

CUSTOMER_COLS = (
    "id",
    "customer_ref",
    "full_name",
    "national_id",
    "birth_date",
    "preferred_language",
    "country",
    "time_zone",
    "policy_pack",
    "created_at",
)
POINT_COLS = (
    "id",
    "customer_id",
    "kind",
    "value",
    "relation",
    "holder_name",
    "status",
    "time_zone",
    "preferred",
)
ACCOUNT_COLS = (
    "id",
    "customer_id",
    "account_ref",
    "card_last4",
    "product",
    "currency",
    "credit_limit_minor",
    "balance_minor",
    "overdue_minor",
    "minimum_due_minor",
    "dpd",
    "bucket",
    "due_date",
    "opened_on",
    "charged_off",
)
CASE_COLS = (
    "id",
    "case_ref",
    "customer_id",
    "assigned_to",
    "team_id",
    "status",
    "segment",
    "currency",
    "max_dpd",
    "bucket",
    "overdue_minor",
    "balance_minor",
    "priority",
    "next_action",
    "next_action_at",
    "last_contact_at",
    "last_outcome",
    "promise_status",
    "opened_at",
    "assigned_at",
    "version",
    "policy_pack",
    "time_zone",
    "blocked",
)
FLAG_COLS = ("case_id", "flag", "raised_at", "raised_by")
CONTACT_COLS = (
    "id",
    "recorded_at",
    "server_received_at",
    "case_id",
    "contact_point_id",
    "user_id",
    "channel",
    "direction",
    "outcome",
    "started_at",
    "duration_s",
    "note",
)
PROMISE_COLS = (
    "id",
    "recorded_at",
    "server_received_at",
    "case_id",
    "contact_id",
    "user_id",
    "currency",
    "amount_minor",
    "due_date",
    "status",
    "paid_minor",
)
PAYMENT_COLS = (
    "id",
    "recorded_at",
    "server_received_at",
    "case_id",
    "account_id",
    "currency",
    "amount_minor",
    "paid_at",
    "source",
    "reference",
)
NOTE_COLS = ("id", "recorded_at", "server_received_at", "case_id", "user_id", "body")
BUCKET_HISTORY_COLS = ("case_id", "changed_at", "max_dpd")

TABLE_COLUMNS = {
    "customers": CUSTOMER_COLS,
    "contact_points": POINT_COLS,
    "card_accounts": ACCOUNT_COLS,
    "cases": CASE_COLS,
    "case_flags": FLAG_COLS,
    "contacts": CONTACT_COLS,
    "promises": PROMISE_COLS,
    "payments": PAYMENT_COLS,
    "notes": NOTE_COLS,
    "bucket_history": BUCKET_HISTORY_COLS,
}


@dataclass
class DemoOptions:
    cases: int = 3000
    seed: int = 1
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    chunk: int = 5000

    def __post_init__(self) -> None:
        if self.cases < 1:
            raise ValueError("a demo portfolio needs at least one case")
        if self.now.tzinfo is None:
            raise ValueError("now must be timezone-aware")


# The portfolio is written at the last revision desks and the central store share. A migration
# of a shared table on both branches will need it written at a side's head instead.
PORTFOLIO_HISTORY = SHARED_HISTORY


class _Batch:
    def __init__(self) -> None:
        self.rows: dict[str, list[tuple]] = {name: [] for name in TABLE_COLUMNS}
        self.search: list[tuple[int, str]] = []


# A chunk of cases as rows per table and search terms per case: what the worker hands over.
ChunkRows = tuple[dict[str, list[tuple]], list[tuple[int, str]]]


class _Generator:
    """Makes one case (customer, accounts, contact points, history) at a time into a batch."""

    def __init__(
        self, options: DemoOptions, scheme: BucketScheme, weights: PriorityWeights
    ) -> None:
        self.seed = options.seed
        self.rng = random.Random(options.seed)
        self.now = options.now.astimezone(UTC)
        self.today = self.now.date()
        self.scheme = scheme
        self.weights = weights
        self.pools = NamePools.build(options.seed)
        self.zones: dict[str, ZoneInfo] = {}
        self.point_id = 0
        self.account_id = 0
        self.uuid_n = 0
        buckets = {b.label: b for b in scheme.buckets}
        self.bucket_ranges = [
            (buckets[label].min_dpd, buckets[label].max_dpd or MAX_DEMO_DPD, weight)
            for label, weight in BUCKET_WEIGHTS.items()
        ]
        # cumulative weights, worked out once: choices() draws the same with them as with the
        # weights it would accumulate on every call
        self.bucket_cum = list(accumulate(w for *_, w in self.bucket_ranges))

    def begin_chunk(self, index: int, first_case: int) -> None:
        """Each chunk of cases draws from a random stream of its own and numbers its rows in
        a range of its own, so chunks can be made in any process in any order and a seed
        still gives one portfolio. The first chunk's stream is the seed's own."""
        self.rng = random.Random(self.seed + (index << 32))
        self.point_id = (first_case - 1) * MAX_POINTS_PER_CASE
        self.account_id = (first_case - 1) * MAX_ACCOUNTS_PER_CASE
        self.uuid_n = index << 20  # a chunk makes far fewer than a million ids

    # Deterministic UUID-shaped ids: uuid4 would make two runs with one seed differ.
    def uuid(self) -> str:
        self.uuid_n += 1
        h = f"{self.rng.getrandbits(96):024x}{self.uuid_n:08x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"

    def zone(self, name: str) -> ZoneInfo:
        if name not in self.zones:
            self.zones[name] = ZoneInfo(name)
        return self.zones[name]

    def local_business_time(self, day: date, tz: str) -> datetime:
        """A time between 09:00 and 19:59 in the customer's zone, as aware UTC."""
        minutes = self.rng.randrange(9 * 60, 20 * 60)
        local = datetime.combine(day, time(minutes // 60, minutes % 60), self.zone(tz))
        return local.astimezone(UTC)

    def pick_dpd(self) -> int:
        lo, hi, _ = self.rng.choices(self.bucket_ranges, cum_weights=self.bucket_cum)[0]
        return self.rng.randint(lo, hi)

    def case(self, case_id: int, batch: _Batch) -> None:
        rng = self.rng
        market = rng.choices(_MARKETS, cum_weights=_MARKET_CUM)[0]
        zones, zone_cum = _ZONES[market]
        tz = rng.choices(zones, cum_weights=zone_cum)[0]
        cn = market.country == "CN"
        birth = date(self.today.year - rng.randint(22, 65), rng.randint(1, 12), rng.randint(1, 28))
        if cn:
            name = self.pools.cn_name(rng)
            national_id = cn_resident_id(rng.choice(self.pools.cn_areas), birth, case_id)
        else:
            name = self.pools.us_name(rng)
            national_id = f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
        opened = self.now - timedelta(days=rng.randint(400, 3000))
        batch.rows["customers"].append(
            (
                case_id,
                f"C{case_id:09d}",
                name,
                national_id,
                birth.isoformat(),
                market.language,
                market.country,
                tz,
                None,
                dt_text(opened),
            )
        )

        dpd = self.pick_dpd()
        first_account = len(batch.rows["card_accounts"])
        first_point = len(batch.rows["contact_points"])
        accounts = self.accounts(case_id, market, dpd, opened, batch)
        points = self.contact_points(case_id, market, tz, cn, batch)
        new_accounts = batch.rows["card_accounts"][first_account:]
        batch.search.append(
            (
                case_id,
                search.terms(
                    name,
                    [f"C{case_id:09d}", f"K{case_id:09d}", *(a[2] for a in new_accounts)],
                    [a[3] for a in new_accounts],
                    [p[3] for p in batch.rows["contact_points"][first_point:] if p[2] != "email"],
                ),
            )
        )
        total_overdue = sum(a[2] for a in accounts)
        total_balance = sum(a[1] for a in accounts)
        bucket = self.scheme.for_dpd(dpd)

        today = self.now.astimezone(self.zone(tz)).date()
        owner = TEAM_TURNS[(case_id - 1) % len(TEAM_TURNS)]
        history = _History(today=today, zone=self.zone(tz), owner=owner)
        self.history(case_id, market, tz, dpd, points, accounts, total_overdue, history, batch)
        self.buckets(case_id, dpd, batch)
        flags = [f for f, rate in FLAG_RATES.items() if rng.random() < rate]
        for flag in flags:
            batch.rows["case_flags"].append(
                (
                    case_id,
                    flag.value,
                    dt_text(self.now - timedelta(days=rng.randint(1, 60))),
                    owner,
                )
            )

        status = CaseStatus.OPEN
        if history.open_promise_due is not None:
            status = CaseStatus.PROMISED
        if bucket.segment is Segment.LEGAL and rng.random() < 0.3:
            status = CaseStatus.LEGAL
        next_action, next_at = None, None
        if history.open_promise_due is not None:
            next_action = "promise_due"
            next_at = datetime.combine(history.open_promise_due, time(10), self.zone(tz))
        elif history.last_outcome is Outcome.CALLBACK_REQUESTED:
            next_action = "callback"
            next_at = datetime.combine(
                today + timedelta(days=rng.randint(0, 2)),
                time(rng.randint(9, 18), 30),
                self.zone(tz),
            )
        last = history.last_contact_at
        facts = facts_from_state(
            dpd=dpd,
            days_to_roll=self.scheme.days_to_roll(dpd),
            overdue_minor=total_overdue,
            next_action=next_action,
            next_action_at=next_at,
            last_contact_at=last,
            last_contact_reached=history.last_outcome is not None
            and history.last_outcome.group is OutcomeGroup.SUCCESS,
            promise_open=history.latest_promise is PromiseStatus.OPEN,
            promise_broken=history.latest_promise is PromiseStatus.BROKEN,
            promise_due=history.latest_promise_due,
            now=self.now,
            customer_today=today,
        )
        batch.rows["cases"].append(
            (
                case_id,
                f"K{case_id:09d}",
                case_id,
                owner,
                1,
                status.value,
                bucket.segment.value,
                market.currency,
                dpd,
                bucket.label,
                total_overdue,
                total_balance,
                score(facts, self.weights).total,
                next_action,
                None if next_at is None else dt_text(next_at),
                None if last is None else dt_text(last),
                None if history.last_outcome is None else history.last_outcome.value,
                None if history.latest_promise is None else history.latest_promise.value,
                dt_text(self.now - timedelta(days=dpd)),
                dt_text(self.now - timedelta(days=rng.randint(0, min(dpd, 30)))),
                1,
                market.policy_pack,
                tz,
                int(any(f in STOP_FLAGS for f in flags)),
            )
        )

    def accounts(
        self, customer_id: int, market: Market, dpd: int, opened: datetime, batch: _Batch
    ) -> list[tuple[int, int, int]]:
        """Returns (account id, balance, overdue) per account; the first holds the worst DPD."""
        rng = self.rng
        count = rng.choices((1, 2, 3), cum_weights=_ACCOUNT_COUNT_CUM)[0]
        out = []
        for n in range(count):
            self.account_id += 1
            acc_dpd = dpd if n == 0 else rng.randint(0, dpd)
            major = math.exp(rng.gauss(math.log(market.median_balance_major), 0.9))
            balance = int(min(max(major, 300), 80 * market.median_balance_major)) * 100
            cycles = acc_dpd // 30 + 1 if acc_dpd else 0
            # charged off after 180 days: the whole balance is due
            per_cycle = max(balance // 10, 5_000)
            overdue = balance if acc_dpd >= 180 else min(balance, cycles * per_cycle)
            minimum = min(overdue, max(balance // 10, 5_000)) if acc_dpd else 0
            limit = max(balance, int(balance * rng.uniform(1.0, 2.5))) // 100_000 * 100_000
            due = self.today - timedelta(days=acc_dpd)
            batch.rows["card_accounts"].append(
                (
                    self.account_id,
                    customer_id,
                    f"A{self.account_id:010d}",
                    f"{rng.randrange(10_000):04d}",
                    rng.choice(("standard", "gold", "platinum", "co-brand")),
                    market.currency,
                    max(limit, 100_000),
                    balance,
                    overdue,
                    minimum,
                    acc_dpd,
                    self.scheme.for_dpd(acc_dpd).label,
                    due.isoformat(),
                    opened.date().isoformat(),
                    int(acc_dpd >= 180),
                )
            )
            out.append((self.account_id, balance, overdue))
        return out

    def contact_points(
        self, customer_id: int, market: Market, tz: str, cn: bool, batch: _Batch
    ) -> list[tuple[int, Relation]]:
        rng = self.rng
        phone = cn_mobile if cn else us_phone
        name = self.pools.cn_name if cn else self.pools.us_name
        company = self.pools.companies_cn if cn else self.pools.companies_us
        specs: list[tuple[ContactPointKind, str, Relation, str | None]] = [
            (ContactPointKind.MOBILE, phone(rng), Relation.SELF, None)
        ]
        if rng.random() < 0.4:
            specs.append((ContactPointKind.HOME_PHONE, phone(rng), Relation.SELF, None))
        if rng.random() < 0.3:
            specs.append(
                (ContactPointKind.WORK_PHONE, phone(rng), Relation.EMPLOYER, rng.choice(company))
            )
        if rng.random() < 0.5:
            specs.append(
                (
                    ContactPointKind.MOBILE,
                    phone(rng),
                    rng.choice((Relation.FAMILY, Relation.REFERENCE)),
                    name(rng),
                )
            )
        if rng.random() < (0.3 if cn else 0.6):
            specs.append(
                (ContactPointKind.EMAIL, f"user{customer_id}@example.com", Relation.SELF, None)
            )
        out = []
        for i, (kind, value, relation, holder) in enumerate(specs):
            self.point_id += 1
            r = rng.random()
            status = (
                ContactPointStatus.WRONG_NUMBER
                if r < 0.05 and kind.is_phone
                else ContactPointStatus.DO_NOT_CALL
                if r < 0.07 and kind.is_phone
                else ContactPointStatus.UNVERIFIED
                if r < 0.15
                else ContactPointStatus.VALID
            )
            batch.rows["contact_points"].append(
                (
                    self.point_id,
                    customer_id,
                    kind.value,
                    value,
                    relation.value,
                    holder,
                    status.value,
                    tz,
                    int(i == 0),
                )
            )
            out.append((self.point_id, relation))
        return out

    def history(
        self,
        case_id: int,
        market: Market,
        tz: str,
        dpd: int,
        points: list[tuple[int, Relation]],
        accounts: list[tuple[int, int, int]],
        overdue: int,
        hist: _History,
        batch: _Batch,
    ) -> None:
        rng = self.rng
        if dpd == 0:
            return
        average = 1 + min(dpd, 120) / 25
        count = min(int(rng.expovariate(1 / average)), 15)
        window = min(dpd, 60)
        days = sorted(rng.randint(0, window) for _ in range(count))
        own = [p for p, rel in points if rel is Relation.SELF]
        third = [p for p, rel in points if rel is not Relation.SELF]
        note_pool = NOTES[market.language]
        for days_ago in reversed(days):  # oldest first
            day = hist.today - timedelta(days=days_ago)
            started = self.local_business_time(day, tz)
            if started > self.now:
                started = self.now - timedelta(minutes=rng.randint(5, 600))
            outcome = rng.choices(_OUTCOMES, cum_weights=_OUTCOME_CUM)[0]
            if outcome is Outcome.THIRD_PARTY and not third:
                outcome = Outcome.NO_ANSWER
            point = rng.choice(third) if outcome is Outcome.THIRD_PARTY else rng.choice(own)
            reached = outcome.group.value == "success"
            contact_id = self.uuid()
            note = rng.choice(note_pool) if reached and rng.random() < 0.6 else ""
            at = dt_text(started)
            batch.rows["contacts"].append(
                (
                    contact_id,
                    at,
                    at,
                    case_id,
                    point,
                    hist.owner,
                    Channel.CALL.value,
                    Direction.OUTBOUND.value,
                    outcome.value,
                    at,
                    rng.randint(60, 600) if reached else rng.randint(0, 40),
                    note,
                )
            )
            hist.last_contact_at = started
            hist.last_outcome = outcome
            if outcome is Outcome.PROMISE_TO_PAY:
                self.promise(case_id, contact_id, market, started, overdue, accounts, hist, batch)
        if rng.random() < 0.2 and hist.last_contact_at is not None:
            batch.rows["notes"].append(
                (
                    self.uuid(),
                    dt_text(hist.last_contact_at),
                    dt_text(hist.last_contact_at),
                    case_id,
                    hist.owner,
                    rng.choice(note_pool),
                )
            )

    def buckets(self, case_id: int, dpd: int, batch: _Batch) -> None:
        """The days past due each time the case changed bucket over the last few months, as
        the daily files would have left them; one case in seven was cured once before it fell
        behind again (deterministic by id, so the random stream stays as it was)."""
        rows = batch.rows["bucket_history"]
        start = min(dpd, BUCKET_HISTORY_DAYS)
        if case_id % 7 == 0 and dpd + 21 <= BUCKET_HISTORY_DAYS:
            cured = self.now - timedelta(days=dpd + 1)
            rows.append((case_id, dt_text(cured - timedelta(days=20)), 40))
            rows.append((case_id, dt_text(cured), 0))
        rows.append((case_id, dt_text(self.now - timedelta(days=start)), dpd - start))
        for bucket in self.scheme.buckets:
            if dpd - start < bucket.min_dpd <= dpd:
                at = self.now - timedelta(days=dpd - bucket.min_dpd)
                rows.append((case_id, dt_text(at), bucket.min_dpd))

    def promise(
        self,
        case_id: int,
        contact_id: str,
        market: Market,
        made: datetime,
        overdue: int,
        accounts: list[tuple[int, int, int]],
        hist: _History,
        batch: _Batch,
    ) -> None:
        rng = self.rng
        amount = max(overdue * rng.choice((3, 5, 8, 10)) // 10 // 10_000 * 10_000, 10_000)
        due = made.astimezone(hist.zone).date() + timedelta(days=rng.randint(1, 10))
        paid = 0
        if due >= hist.today:
            status = PromiseStatus.OPEN
        else:
            status = rng.choices(_SETTLED, cum_weights=_SETTLED_CUM)[0]
            if status is PromiseStatus.KEPT:
                paid = amount
            elif status is PromiseStatus.PARTIAL:
                paid = amount * rng.randint(2, 8) // 10
            if paid:
                paid_at = datetime.combine(
                    due - timedelta(days=rng.randint(0, 2)),
                    time(rng.randint(0, 23), rng.randint(0, 59)),
                    UTC,
                )
                at = dt_text(paid_at)
                batch.rows["payments"].append(
                    (
                        self.uuid(),
                        at,
                        at,
                        case_id,
                        accounts[0][0],
                        market.currency,
                        paid,
                        at,
                        rng.choice(("bank_transfer", "mobile_app", "counter", "auto_debit")),
                        f"P{rng.randrange(10**12):012d}",
                    )
                )
        if hist.latest_promise_due is None or due >= hist.latest_promise_due:
            hist.latest_promise, hist.latest_promise_due = status, due
        made_at = dt_text(made)
        batch.rows["promises"].append(
            (
                self.uuid(),
                made_at,
                made_at,
                case_id,
                contact_id,
                hist.owner,
                market.currency,
                amount,
                due.isoformat(),
                status.value,
                paid,
            )
        )


@dataclass
class _History:
    today: date  # the customer's
    zone: ZoneInfo
    owner: int  # the collector holding the case
    last_contact_at: datetime | None = None
    last_outcome: Outcome | None = None
    latest_promise: PromiseStatus | None = None  # the promise with the latest due date
    latest_promise_due: date | None = None

    @property
    def open_promise_due(self) -> date | None:
        return self.latest_promise_due if self.latest_promise is PromiseStatus.OPEN else None


def _people(conn, now: datetime) -> None:
    insert_rows(conn, "teams", ("id", "name"), [(1, "Team A")])
    insert_rows(
        conn,
        "users",
        (
            "id",
            "username",
            "display_name",
            "role",
            "team_id",
            "locale",
            "time_zone",
            "active",
            "created_at",
        ),
        [
            (i, u, d, r.value, 1, "zh_CN", "Asia/Shanghai", 1, dt_text(now))
            for i, (u, d, r) in enumerate(DEMO_USERS, start=1)
        ],
    )


INLINE_CASES = 20_000  # up to this many, cases are made in this process: workers cost a second


def _generate(conn, options: DemoOptions, progress: Progress | None) -> None:
    """Every case, chunk by chunk. A big portfolio's chunks are made in worker processes (one
    per core, two at most) while this one writes them in order: making rows is Python, and
    threads would share one interpreter. Each chunk has a random stream of its own
    (_Generator.begin_chunk), so where it is made does not change it."""
    starts = range(1, options.cases + 1, options.chunk)
    if options.cases <= INLINE_CASES:
        _start_generator(options)
        chunks: Iterator[ChunkRows] = (_make_chunk(i) for i in range(len(starts)))
        _write_chunks(conn, chunks, options, progress)
        return
    workers = max(1, min(2, os.cpu_count() or 1))
    # spawn: the same on Linux and Windows, and no copy of this process's connections
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, _start_generator, (options,)) as pool:
        made = _made_ahead(pool, len(starts), ahead=workers + 1)
        _write_chunks(conn, made, options, progress)


def _made_ahead(pool: ProcessPoolExecutor, chunks: int, ahead: int) -> Iterator[ChunkRows]:
    """The chunks in order, at most `ahead` of them made and not yet written: memory stays
    bounded however fast the workers are."""
    pending: deque[Future[ChunkRows]] = deque()
    for index in range(chunks):
        pending.append(pool.submit(_make_chunk, index))
        if len(pending) > ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _write_chunks(
    conn, chunks: Iterator[ChunkRows], options: DemoOptions, progress: Progress | None
) -> None:
    done = 0
    for rows, terms in chunks:
        for table, table_rows in rows.items():
            insert_rows(conn, table, TABLE_COLUMNS[table], table_rows)
        search.add_terms(conn, terms)
        done = min(done + options.chunk, options.cases)
        if progress:
            progress(done, options.cases)


# The generator of the process that makes cases (a worker's, or this one's when inline).
_GENERATOR: _Generator | None = None
_OPTIONS: DemoOptions | None = None


def _start_generator(options: DemoOptions) -> None:
    global _GENERATOR, _OPTIONS
    _GENERATOR = _Generator(options, default_bucket_scheme(), default_priority_weights())
    _OPTIONS = options


def _make_chunk(index: int) -> ChunkRows:
    assert _GENERATOR is not None and _OPTIONS is not None  # _start_generator ran
    first = 1 + index * _OPTIONS.chunk
    _GENERATOR.begin_chunk(index, first)
    batch = _Batch()
    for case_id in range(first, min(first + _OPTIONS.chunk, _OPTIONS.cases + 1)):
        _GENERATOR.case(case_id, batch)
    return batch.rows, batch.search


def _drop_indexes(conn) -> list[str]:
    """Drop the tables' secondary indexes and return what recreates them: built once over the
    loaded rows (a sort each), they cost a fraction of keeping them up row by row."""
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).all()
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def build_demo_portfolio(
    path: Path, options: DemoOptions, progress: Progress | None = None
) -> Path:
    """Write a complete demo portfolio to path; a partial one never replaces a good one.

    It is written at the last revision both sides share (PORTFOLIO_HISTORY), so the one file is
    the seed of the central store and of every demo desk's cache: each copy upgrades along its
    own side's branch and keeps only its own tables (the desks keep its search index).

    The rows go into a side file with journaling off (it is thrown away if anything fails),
    which is switched to WAL when complete and renamed over path in one step.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    side = path.with_name(path.name + ".building")
    side.unlink(missing_ok=True)
    engine = make_build_engine(side)
    try:
        upgrade(engine, PORTFOLIO_HISTORY)
        now = options.now.astimezone(UTC)
        with engine.begin() as conn:
            indexes = _drop_indexes(conn)
            _people(conn, now)
            _generate(conn, options, progress)
            insert_rows(
                conn,
                "sync_state",
                ("key", "value"),
                [
                    ("signed_in_user", DEMO_COLLECTOR),
                    ("priority_refreshed_at", now.isoformat()),
                    ("demo_seed", str(options.seed)),
                    ("demo_cases", str(options.cases)),
                ],
            )
            for sql in indexes:
                conn.exec_driver_sql(sql)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    except BaseException:
        engine.dispose()
        for leftover in (
            side,
            side.with_name(side.name + "-wal"),
            side.with_name(side.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
        raise
    engine.dispose()
    # A stale WAL beside the old file would be replayed into the new one: remove it first.
    for stale in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    os.replace(side, path)
    return path
