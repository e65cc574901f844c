"""A plan beyond a collector's authority goes to the team lead and back, through the server."""

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus, PlanStatus
from collector_desk.domain.plans import Affordability, OfferKind, PlanError
from collector_desk.store.cache.actions import decide_plan, propose_plan
from collector_desk.store.central.payments import PaymentLine, import_payments
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.plans import PlanRequest, monitor_plans
from collector_desk.store.shared.schema import AuditEvent, Case, PlanInstallment, RepaymentPlan
from tests.live_central import seed_cases

MONEY = Affordability(income_minor=1_200_000, expenses_minor=600_000, obligations_minor=100_000)


def _request(count, first_due, waived=0, kind=OfferKind.PLAN):
    return PlanRequest(kind, count, waived, first_due, MONEY)


def _plan(engine, plan_id):
    with Session(engine) as s:
        return s.get(RepaymentPlan, plan_id)


def test_a_24_month_plan_waits_for_the_lead_who_approves_it(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice, lead = desk("alice"), desk("lead")
    alice.sync()
    today = live.clock.now.date()
    user = find_user(alice.engine, "alice")
    plan = propose_plan(
        alice.engine, user, case_id, _request(24, today + timedelta(days=7)), live.clock.now
    )
    assert plan.status is PlanStatus.PENDING_APPROVAL
    assert plan.approval_reasons == ["months_over_authority"]
    alice.sync()
    assert _plan(live.engine, plan.id).status is PlanStatus.PENDING_APPROVAL

    lead.sync()  # the team's cases, with the pending plan
    leader = find_user(lead.engine, "lead")
    decide_plan(lead.engine, leader, plan.id, True, "steady income, first plan", live.clock.now)
    lead.sync()
    central = _plan(live.engine, plan.id)
    assert (central.status, central.decision_reason) == (
        PlanStatus.ACTIVE,
        "steady income, first plan",
    )
    with Session(live.engine) as s:
        assert s.get(Case, case_id).status is CaseStatus.PLAN
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "plan_approved")).one()
        assert event.entity_id == plan.id and event.user_id == leader.id

    alice.sync()  # the collector sees the decision
    assert _plan(alice.engine, plan.id).status is PlanStatus.ACTIVE


def test_a_collector_cannot_approve_and_a_rejection_needs_a_reason(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice, lead = desk("alice"), desk("lead")
    alice.sync()
    user = find_user(alice.engine, "alice")
    plan = propose_plan(
        alice.engine, user, case_id, _request(24, live.clock.now.date()), live.clock.now
    )
    with pytest.raises(PlanError, match="not_a_team_lead"):
        decide_plan(alice.engine, user, plan.id, True, "", live.clock.now)
    alice.sync()
    lead.sync()
    leader = find_user(lead.engine, "lead")
    with pytest.raises(PlanError, match="reason_required"):
        decide_plan(lead.engine, leader, plan.id, False, "  ", live.clock.now)
    decide_plan(lead.engine, leader, plan.id, False, "income not shown", live.clock.now)
    lead.sync()
    alice.sync()
    assert _plan(alice.engine, plan.id).status is PlanStatus.REJECTED


def test_the_server_recomputes_authority_rather_than_trusting_the_desktop(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    user = find_user(alice.engine, "alice")
    plan = propose_plan(
        alice.engine, user, case_id, _request(6, live.clock.now.date()), live.clock.now
    )
    assert plan.status is PlanStatus.ACTIVE
    with Session(alice.engine) as s, s.begin():  # a tampered cache grants itself a waiver
        from collector_desk.store.cache.schema import OutboxMutation

        mutation = s.scalars(select(OutboxMutation)).one()
        args = dict(mutation.args)
        args["request"] = {**args["request"], "waived_minor": 500_000}
        mutation.args = args
    alice.sync()
    assert _plan(live.engine, plan.id).status is PlanStatus.PENDING_APPROVAL


def test_a_bad_first_due_date_is_refused_and_nothing_is_written(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    user = find_user(alice.engine, "alice")
    for first_due, code in [
        (live.clock.now.date() - timedelta(days=1), "first_due_in_past"),
        (live.clock.now.date() + timedelta(days=40), "first_due_too_far"),
    ]:
        with pytest.raises(PlanError, match=code):
            propose_plan(alice.engine, user, case_id, _request(6, first_due), live.clock.now)
    with pytest.raises(PlanError, match="count_over_pack_limit"):
        propose_plan(
            alice.engine, user, case_id, _request(61, live.clock.now.date()), live.clock.now
        )
    with Session(alice.engine) as s:
        assert s.scalars(select(RepaymentPlan)).all() == []


def test_a_missed_installment_breaks_the_plan_and_raises_the_case(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    user = find_user(alice.engine, "alice")
    now = live.clock.now
    plan = propose_plan(alice.engine, user, case_id, _request(10, now.date()), now)
    alice.sync()
    with Session(live.engine) as s:
        first = s.get(PlanInstallment, (plan.id, 1))
        account_ref = s.scalars(select(Case)).one().customer.accounts[0].account_ref
        before = s.get(Case, case_id).priority
    # the first installment paid in full, the second short
    paid = [
        (1, PaymentLine(account_ref, first.amount_minor, now + timedelta(hours=1), "R1", "bank")),
        (2, PaymentLine(account_ref, 1000, now + timedelta(days=31), "R2", "bank")),
    ]
    import_payments(live.engine, paid, now + timedelta(days=31))
    assert _plan(live.engine, plan.id).status is PlanStatus.ACTIVE
    with Session(live.engine) as s, s.begin():  # the daily run, days after the second due date
        changed = monitor_plans(s, now + timedelta(days=35))
    assert changed == [case_id]
    assert _plan(live.engine, plan.id).status is PlanStatus.BROKEN
    with Session(live.engine) as s:
        case = s.get(Case, case_id)
        assert case.status is CaseStatus.OPEN and case.next_action == "plan_broken"
        assert case.priority > before
