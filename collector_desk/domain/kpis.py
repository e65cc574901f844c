"""The numbers a team lead watches, from plain facts, by day or by week, per collector or team.

Definitions (DOMAIN.md "The numbers a team lead watches"):
- contacts: outbound contacts (every try, answered or not); inbound calls are not counted;
- hours: per collector and day, the span from the first contact to the last, inbound calls
  included (answering them is work), plus the average handling time of one more (5 minutes), so
  a day of one call is not zero hours; a contact is logged when its call has ended, so a call
  the phone timed starts its talk time before the contact's time;
- contacts per hour: contacts / hours;
- talk time: the seconds the phone measured on the line, outbound and inbound (0 for contacts
  logged without a phone that reports calls);
- right-party-contact rate: contacts that reached the customer / contacts;
- promise rate: promises to pay / right-party contacts;
- kept rate: what was paid towards promises falling due in the period / what they promised;
- collected: payments received in the period;
- money is per currency: promised, kept and collected (and so the kept rate) are figures of
  each currency apart, never a sum of yuan and dollars; counts are the same whatever the money;
- broken promises without follow-up: promises due in the period, broken, with no outbound
  contact on the case after their due date.
Rates are None where their denominator is zero: "no calls" is not "0 %".
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import Direction, Outcome, OutcomeGroup
from collector_desk.domain.money import check_currency

LAST_CALL = timedelta(minutes=5)


class Period(enum.StrEnum):
    DAY = "day"
    WEEK = "week"  # ISO weeks, Monday first


@dataclass(frozen=True, slots=True)
class ContactFact:
    collector_id: int
    at: datetime
    outcome: Outcome
    direction: Direction = Direction.OUTBOUND
    talk_seconds: int = 0


@dataclass(frozen=True, slots=True)
class PromiseFact:
    collector_id: int
    due: date
    amount_minor: int
    paid_minor: int
    currency: str
    status: PromiseStatus
    followed_up: bool = False  # an outbound contact on the case after the due date

    def __post_init__(self) -> None:
        check_currency(self.currency)


@dataclass(frozen=True, slots=True)
class PaymentFact:
    collector_id: int
    at: datetime
    amount_minor: int
    currency: str

    def __post_init__(self) -> None:
        check_currency(self.currency)


@dataclass(frozen=True, slots=True)
class Amounts:
    """One currency's money figures, in its minor units."""

    promised_minor: int = 0
    kept_minor: int = 0
    collected_minor: int = 0

    @property
    def kept_rate(self) -> float | None:
        return self.kept_minor / self.promised_minor if self.promised_minor else None

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(*(getattr(self, n) + getattr(other, n) for n in AMOUNTS))


AMOUNTS = tuple(f.name for f in fields(Amounts))


@dataclass(frozen=True, slots=True)
class KpiRow:
    period: date  # the day, or the Monday of the week
    collector_id: int | None  # None: the whole team
    contacts: int = 0
    seconds: int = 0
    right_party: int = 0
    promises: int = 0
    broken_no_follow_up: int = 0
    talk_seconds: int = 0
    # by ISO currency code, in code order; a currency with no figure is absent
    money: Mapping[str, Amounts] = field(default_factory=dict)

    @property
    def hours(self) -> float:
        return self.seconds / 3600

    @property
    def contacts_per_hour(self) -> float | None:
        return self.contacts / self.hours if self.seconds else None

    @property
    def rpc_rate(self) -> float | None:
        return self.right_party / self.contacts if self.contacts else None

    @property
    def promise_rate(self) -> float | None:
        return self.promises / self.right_party if self.right_party else None


COUNTS = ("contacts", "seconds", "right_party", "promises", "broken_no_follow_up", "talk_seconds")


def currencies(rows: Iterable[KpiRow]) -> list[str]:
    """Every currency the rows have money in, in code order."""
    return sorted({code for r in rows for code in r.money})


def period_of(day: date, period: Period) -> date:
    return day if period is Period.DAY else day - timedelta(days=day.weekday())


@dataclass(slots=True)
class _Acc:
    """A KpiRow's figures while they are being added up: money only ever within a currency."""

    contacts: int = 0
    seconds: int = 0
    right_party: int = 0
    promises: int = 0
    broken_no_follow_up: int = 0
    talk_seconds: int = 0
    money: dict[str, Amounts] = field(default_factory=dict)

    def add_money(self, currency: str, amounts: Amounts) -> None:
        self.money[currency] = self.money.get(currency, Amounts()) + amounts

    def add(self, other: _Acc | KpiRow) -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for currency, amounts in other.money.items():
            self.add_money(currency, amounts)

    def row(self, when: date, collector: int | None) -> KpiRow:
        counts = {n: getattr(self, n) for n in COUNTS}
        return KpiRow(when, collector, **counts, money=dict(sorted(self.money.items())))


def kpis(
    contacts: Iterable[ContactFact],
    promises: Iterable[PromiseFact],
    payments: Iterable[PaymentFact],
    zone: ZoneInfo,
    period: Period,
    per_collector: bool = True,
) -> list[KpiRow]:
    """Rows per (period, collector), and the team's (collector None) per period, sorted."""
    acc: dict[tuple[date, int], _Acc] = defaultdict(_Acc)
    days: dict[tuple[int, date], list[tuple[datetime, datetime]]] = defaultdict(list)
    for c in contacts:
        local = c.at.astimezone(zone)
        a = acc[(period_of(local.date(), period), c.collector_id)]
        a.talk_seconds += c.talk_seconds
        days[(c.collector_id, local.date())].append(
            (c.at - timedelta(seconds=c.talk_seconds), c.at)
        )
        if c.direction is not Direction.OUTBOUND:
            continue  # an answered inbound call is work, not a try
        a.contacts += 1
        a.right_party += c.outcome.group is OutcomeGroup.SUCCESS
        a.promises += c.outcome is Outcome.PROMISE_TO_PAY
    for (collector, day), spans in days.items():
        worked = max(end for _, end in spans) - min(start for start, _ in spans) + LAST_CALL
        acc[(period_of(day, period), collector)].seconds += int(worked.total_seconds())
    for p in promises:
        if p.status is PromiseStatus.CANCELLED:
            continue
        a = acc[(period_of(p.due, period), p.collector_id)]
        kept = min(p.paid_minor, p.amount_minor)
        a.add_money(p.currency, Amounts(promised_minor=p.amount_minor, kept_minor=kept))
        a.broken_no_follow_up += p.status is PromiseStatus.BROKEN and not p.followed_up
    for pay in payments:
        a = acc[(period_of(pay.at.astimezone(zone).date(), period), pay.collector_id)]
        a.add_money(pay.currency, Amounts(collected_minor=pay.amount_minor))
    rows: list[KpiRow] = []
    team: dict[date, _Acc] = defaultdict(_Acc)
    for (when, collector), a in acc.items():
        team[when].add(a)
        if per_collector:
            rows.append(a.row(when, collector))
    rows += [a.row(when, None) for when, a in team.items()]
    return sorted(rows, key=lambda r: (r.period, r.collector_id is None, r.collector_id or 0))


def totals(rows: Iterable[KpiRow]) -> dict[int | None, KpiRow]:
    """Each collector's figures (and the team's, key None) over all the periods given; the
    rates follow from the summed counts, never from averaging the periods' rates."""
    acc: dict[int | None, _Acc] = defaultdict(_Acc)
    first: dict[int | None, date] = {}
    for r in rows:
        acc[r.collector_id].add(r)
        first[r.collector_id] = min(first.get(r.collector_id, r.period), r.period)
    return {who: a.row(first[who], who) for who, a in acc.items()}
