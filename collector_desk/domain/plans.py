"""Repayment plans and settlements sized to what the customer can pay, within authority.

All amounts are integer minor units. Installments are rounded down to the currency's rounding
unit (whole yuan for CNY, configurable) and the last installment absorbs the remainder, so the
schedule always sums to the total exactly. Offers beyond the maker's authority are not refused:
they carry the reasons they need a team lead's approval (maker-checker).
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from collector_desk.domain.cases import PlanStatus
from collector_desk.domain.refusal import Refused

BASIS = 10_000  # basis points: 10,000 = 100 %
# Counts a collector is offered besides the shortest affordable one: the usual plan lengths.
STANDARD_COUNTS = (3, 6, 12, 24, 36, 48, 60)


class PlanError(Refused):
    """An offer that cannot be made at all; `code` names why for the user's language."""


class OfferKind(enum.StrEnum):
    PLAN = "plan"
    SETTLEMENT = "settlement"


class ApprovalReason(enum.StrEnum):
    MONTHS_OVER_AUTHORITY = "months_over_authority"
    WAIVER_OVER_AUTHORITY = "waiver_over_authority"
    DISCOUNT_OVER_AUTHORITY = "discount_over_authority"
    OVER_AFFORDABILITY = "over_affordability"  # more a month than the customer can pay


@dataclass(frozen=True, slots=True)
class Authority:
    max_plan_months: int
    max_waiver_bp: int  # of the balance
    max_settlement_discount_bp: int


@dataclass(frozen=True, slots=True)
class Affordability:
    income_minor: int
    expenses_minor: int
    obligations_minor: int  # other debts' monthly payments

    def __post_init__(self) -> None:
        for name in ("income_minor", "expenses_minor", "obligations_minor"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise PlanError("affordability_not_amount", field=name)

    @property
    def disposable_minor(self) -> int:
        return max(0, self.income_minor - self.expenses_minor - self.obligations_minor)

    def capacity_minor(self, share_bp: int) -> int:
        """What may go to this debt each month: a share of what is left after living costs."""
        return self.disposable_minor * share_bp // BASIS


@dataclass(frozen=True, slots=True)
class Installment:
    seq: int
    due_date: date
    amount_minor: int


@dataclass(frozen=True, slots=True)
class Offer:
    kind: OfferKind
    balance_minor: int
    waived_minor: int  # waived fees/interest for a plan, the discount for a settlement
    installments: tuple[Installment, ...]
    approval_reasons: tuple[ApprovalReason, ...] = ()

    @property
    def total_minor(self) -> int:
        return sum(i.amount_minor for i in self.installments)

    @property
    def count(self) -> int:
        return len(self.installments)

    @property
    def first_due(self) -> date:
        return self.installments[0].due_date

    @property
    def needs_approval(self) -> bool:
        return bool(self.approval_reasons)

    @property
    def status(self) -> PlanStatus:
        return PlanStatus.PENDING_APPROVAL if self.needs_approval else PlanStatus.ACTIVE


def authority_reasons(
    kind: OfferKind, count: int, waived_minor: int, balance_minor: int, authority: Authority
) -> tuple[ApprovalReason, ...]:
    """Why an offer is beyond this authority: its length, or its waiver (for a plan) or
    discount (for a settlement) as a share of the balance. Empty when within it."""
    reasons = []
    if kind is OfferKind.PLAN and count > authority.max_plan_months:
        reasons.append(ApprovalReason.MONTHS_OVER_AUTHORITY)
    if kind is OfferKind.PLAN and waived_minor * BASIS > authority.max_waiver_bp * balance_minor:
        reasons.append(ApprovalReason.WAIVER_OVER_AUTHORITY)
    limit = authority.max_settlement_discount_bp
    if kind is OfferKind.SETTLEMENT and waived_minor * BASIS > limit * balance_minor:
        reasons.append(ApprovalReason.DISCOUNT_OVER_AUTHORITY)
    return tuple(reasons)


def monthly(first: date, count: int) -> list[date]:
    """Due dates a month apart on the first date's day, moved to the month's end where the
    month is shorter (31 Jan, 28 Feb, 31 Mar)."""
    out = []
    for n in range(count):
        month0 = first.month - 1 + n
        year, month = first.year + month0 // 12, month0 % 12 + 1
        out.append(date(year, month, min(first.day, calendar.monthrange(year, month)[1])))
    return out


def schedule(
    total_minor: int, count: int, first_due: date, rounding_minor: int = 1
) -> tuple[Installment, ...]:
    if count < 1:
        raise PlanError("count_not_positive")
    if total_minor <= 0:
        raise PlanError("total_not_positive")
    if rounding_minor < 1:
        raise ValueError("rounding unit must be at least one minor unit")
    base = total_minor // count // rounding_minor * rounding_minor
    if base == 0 and count > 1:
        raise PlanError("installment_below_rounding", rounding=rounding_minor)
    amounts = [base] * (count - 1) + [total_minor - base * (count - 1)]
    return tuple(
        Installment(seq, due, amount)
        for seq, (due, amount) in enumerate(zip(monthly(first_due, count), amounts, strict=True), 1)
    )


def plan_offer(
    balance_minor: int,
    count: int,
    first_due: date,
    authority: Authority,
    pack_max_months: int,
    waived_minor: int = 0,
    affordability: Affordability | None = None,
    share_bp: int = BASIS // 2,
    rounding_minor: int = 1,
) -> Offer:
    if count > pack_max_months:
        raise PlanError("count_over_pack_limit", months=pack_max_months)
    if waived_minor < 0 or waived_minor >= balance_minor:
        raise PlanError("waiver_out_of_range")
    total = balance_minor - waived_minor
    installments = schedule(total, count, first_due, rounding_minor)
    reasons = list(authority_reasons(OfferKind.PLAN, count, waived_minor, balance_minor, authority))
    if affordability is not None and max(i.amount_minor for i in installments) > (
        affordability.capacity_minor(share_bp)
    ):
        reasons.append(ApprovalReason.OVER_AFFORDABILITY)
    return Offer(OfferKind.PLAN, balance_minor, waived_minor, installments, tuple(reasons))


def settlement_offer(
    balance_minor: int, discount_minor: int, due: date, authority: Authority
) -> Offer:
    if discount_minor < 0 or discount_minor >= balance_minor:
        raise PlanError("discount_out_of_range")
    installments = (Installment(1, due, balance_minor - discount_minor),)
    reasons = authority_reasons(OfferKind.SETTLEMENT, 1, discount_minor, balance_minor, authority)
    return Offer(OfferKind.SETTLEMENT, balance_minor, discount_minor, installments, reasons)


def shortest_affordable_count(
    total_minor: int, capacity_minor: int, rounding_minor: int = 1
) -> int | None:
    """The fewest monthly installments whose largest one the customer can pay, if any."""
    if capacity_minor <= 0:
        return None
    count = -(-total_minor // capacity_minor)
    # rounding down the regular installments pushes the remainder into the last one
    while count <= total_minor:
        base = total_minor // count // rounding_minor * rounding_minor
        if total_minor - base * (count - 1) <= capacity_minor:
            return count
        count += 1
    return None


def propose_plans(
    balance_minor: int,
    affordability: Affordability,
    first_due: date,
    authority: Authority,
    pack_max_months: int,
    waived_minor: int = 0,
    share_bp: int = BASIS // 2,
    rounding_minor: int = 1,
    alternatives: int = 2,
) -> list[Offer]:
    """The shortest plan the customer can afford, then longer standard plans (cheaper a
    month); when nothing within the pack's limit is affordable, the longest allowed plan,
    marked as over what the customer can pay."""
    total = balance_minor - waived_minor
    capacity = affordability.capacity_minor(share_bp)
    shortest = shortest_affordable_count(total, capacity, rounding_minor)
    if shortest is None or shortest > pack_max_months:
        counts: Iterable[int] = [pack_max_months]
    else:
        longer = [c for c in STANDARD_COUNTS if shortest < c <= pack_max_months]
        counts = [shortest, *longer[:alternatives]]
    return [
        plan_offer(
            balance_minor,
            count,
            first_due,
            authority,
            pack_max_months,
            waived_minor,
            affordability,
            share_bp,
            rounding_minor,
        )
        for count in counts
    ]


@dataclass(frozen=True, slots=True)
class PlanProgress:
    status: PlanStatus
    paid_minor: tuple[int, ...]  # per installment, in order
    missed_seq: int | None = None  # the first installment missed, if any


def judge_plan(
    installments: Sequence[Installment],
    payments: Iterable[tuple[date, int]],
    today: date,
    grace_days: int,
) -> PlanProgress:
    """Payments made since the plan began fill installments in order. The plan breaks when,
    `grace_days` after an installment's due date, what was paid by then does not cover every
    installment up to that one; a late payment afterwards does not mend it."""
    payments = sorted(payments)
    paid, pool = [], sum(amount for _, amount in payments)
    for inst in installments:
        paid.append(min(inst.amount_minor, pool))
        pool -= paid[-1]
    if all(p == i.amount_minor for p, i in zip(paid, installments, strict=True)):
        return PlanProgress(PlanStatus.COMPLETED, tuple(paid))
    owed = 0
    for inst in installments:
        owed += inst.amount_minor
        deadline = inst.due_date + timedelta(days=grace_days)
        if today <= deadline:
            break
        if sum(amount for day, amount in payments if day <= deadline) < owed:
            return PlanProgress(PlanStatus.BROKEN, tuple(paid), inst.seq)
    return PlanProgress(PlanStatus.ACTIVE, tuple(paid))
