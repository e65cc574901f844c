"""The plan calculator: rounding, limits, authority, affordability, and plan monitoring."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collector_desk.domain.cases import PlanStatus
from collector_desk.domain.plans import (
    Affordability,
    ApprovalReason,
    Authority,
    OfferKind,
    PlanError,
    judge_plan,
    monthly,
    plan_offer,
    propose_plans,
    schedule,
    settlement_offer,
    shortest_affordable_count,
)

COLLECTOR = Authority(max_plan_months=12, max_waiver_bp=1000, max_settlement_discount_bp=2000)
YUAN = 100


def test_the_last_installment_absorbs_the_remainder_of_rounding():
    plan = schedule(1_000_001, 3, date(2026, 12, 15), rounding_minor=YUAN)
    assert [i.amount_minor for i in plan] == [333_300, 333_300, 333_401]
    assert sum(i.amount_minor for i in plan) == 1_000_001


@settings(max_examples=200, deadline=None)
@given(
    total=st.integers(min_value=1, max_value=10**10),
    count=st.integers(min_value=1, max_value=60),
    rounding=st.sampled_from([1, 100]),
)
def test_any_schedule_sums_to_its_total_and_only_the_last_differs(total, count, rounding):
    try:
        plan = schedule(total, count, date(2026, 1, 31), rounding)
    except PlanError as error:
        assert error.code == "installment_below_rounding" and total // count < rounding
        return
    amounts = [i.amount_minor for i in plan]
    assert sum(amounts) == total and len(amounts) == count
    assert len(set(amounts[:-1])) <= 1 and all(a % rounding == 0 for a in amounts[:-1])
    assert 0 <= amounts[-1] - amounts[0] < rounding * count + count


def test_due_dates_keep_the_day_and_fall_back_to_short_month_ends():
    assert monthly(date(2026, 1, 31), 4) == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]
    assert monthly(date(2027, 12, 15), 2) == [date(2027, 12, 15), date(2028, 1, 15)]


def test_a_plan_within_authority_is_active_and_beyond_it_waits_for_approval():
    within = plan_offer(1_200_000, 12, date(2026, 12, 15), COLLECTOR, 60, waived_minor=120_000)
    assert within.status is PlanStatus.ACTIVE and within.total_minor == 1_080_000
    longer = plan_offer(1_200_000, 24, date(2026, 12, 15), COLLECTOR, 60)
    assert longer.approval_reasons == (ApprovalReason.MONTHS_OVER_AUTHORITY,)
    generous = plan_offer(1_200_000, 6, date(2026, 12, 15), COLLECTOR, 60, waived_minor=120_001)
    assert generous.approval_reasons == (ApprovalReason.WAIVER_OVER_AUTHORITY,)
    assert generous.status is PlanStatus.PENDING_APPROVAL


def test_the_packs_limit_binds_everyone():
    with pytest.raises(PlanError) as refused:
        plan_offer(1_200_000, 61, date(2026, 12, 15), COLLECTOR, 60)
    assert refused.value.code == "count_over_pack_limit" and refused.value.params["months"] == 60


@pytest.mark.parametrize("waived", [-1, 1_200_000, 2_000_000])
def test_a_waiver_must_leave_something_to_pay(waived):
    with pytest.raises(PlanError, match="waiver_out_of_range"):
        plan_offer(1_200_000, 6, date(2026, 12, 15), COLLECTOR, 60, waived_minor=waived)


def test_affordability_sizes_the_shortest_plan_and_offers_longer_ones():
    money = Affordability(income_minor=800_000, expenses_minor=500_000, obligations_minor=100_000)
    assert money.disposable_minor == 200_000 and money.capacity_minor(5000) == 100_000
    offers = propose_plans(1_050_000, money, date(2026, 12, 15), COLLECTOR, 60, rounding_minor=YUAN)
    # 1,050,000 over 100,000 a month: 11 installments (10 x 95,400 + 96,000)
    assert [o.count for o in offers] == [11, 12, 24]
    assert max(i.amount_minor for i in offers[0].installments) <= 100_000
    assert offers[0].status is PlanStatus.ACTIVE
    assert offers[2].approval_reasons == (ApprovalReason.MONTHS_OVER_AUTHORITY,)


def test_when_nothing_is_affordable_the_longest_plan_is_offered_and_marked():
    tight = Affordability(income_minor=300_000, expenses_minor=290_000, obligations_minor=0)
    (offer,) = propose_plans(10_000_000, tight, date(2026, 12, 15), COLLECTOR, 60)
    assert offer.count == 60
    assert ApprovalReason.OVER_AFFORDABILITY in offer.approval_reasons
    broke = Affordability(income_minor=100, expenses_minor=500, obligations_minor=0)
    assert broke.disposable_minor == 0
    assert shortest_affordable_count(1000, broke.capacity_minor(5000)) is None


def test_affordability_figures_must_be_amounts():
    with pytest.raises(PlanError, match="affordability_not_amount"):
        Affordability(income_minor=-1, expenses_minor=0, obligations_minor=0)
    with pytest.raises(PlanError):
        Affordability(income_minor=1.5, expenses_minor=0, obligations_minor=0)


def test_settlement_is_one_payment_and_a_large_discount_needs_approval():
    offer = settlement_offer(1_000_000, 200_000, date(2026, 12, 5), COLLECTOR)
    assert offer.kind is OfferKind.SETTLEMENT and offer.total_minor == 800_000
    assert offer.count == 1 and not offer.needs_approval
    bigger = settlement_offer(1_000_000, 200_001, date(2026, 12, 5), COLLECTOR)
    assert bigger.approval_reasons == (ApprovalReason.DISCOUNT_OVER_AUTHORITY,)


PLAN = schedule(300_000, 3, date(2026, 12, 15), YUAN)  # 100,000 on 15 Dec, 15 Jan, 15 Feb


def test_a_plan_paid_on_time_stays_active_then_completes():
    paid = [(date(2026, 12, 14), 100_000)]
    assert judge_plan(PLAN, paid, date(2027, 1, 10), 3).status is PlanStatus.ACTIVE
    all_paid = [*paid, (date(2027, 1, 15), 100_000), (date(2027, 2, 1), 100_000)]
    assert judge_plan(PLAN, all_paid, date(2027, 2, 1), 3).status is PlanStatus.COMPLETED


def test_a_missed_installment_breaks_the_plan_after_the_grace_days():
    short = [(date(2026, 12, 15), 99_999)]
    assert judge_plan(PLAN, short, date(2026, 12, 18), 3).status is PlanStatus.ACTIVE
    broken = judge_plan(PLAN, short, date(2026, 12, 19), 3)
    assert (broken.status, broken.missed_seq, broken.paid_minor) == (
        PlanStatus.BROKEN,
        1,
        (99_999, 0, 0),
    )
    # paying the rest after the grace period does not mend it
    late = [*short, (date(2026, 12, 20), 1)]
    assert judge_plan(PLAN, late, date(2026, 12, 21), 3).status is PlanStatus.BROKEN


def test_paying_ahead_covers_later_installments():
    ahead = [(date(2026, 12, 10), 200_000)]
    assert judge_plan(PLAN, ahead, date(2027, 1, 25), 3).status is PlanStatus.ACTIVE
    assert judge_plan(PLAN, ahead, date(2027, 2, 19), 3).missed_seq == 3
