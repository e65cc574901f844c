"""Legal escalation through the server: eligibility, stages with documents, contact rules."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus
from collector_desk.domain.contacts import Channel, Outcome
from collector_desk.domain.legal import LegalError, LegalStage
from collector_desk.domain.policy import Rule
from collector_desk.store.cache.actions import legal_step
from collector_desk.store.shared.compliance import dial_check
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import AuditEvent, Case, ContactPoint, LegalCase
from tests.live_central import seed_cases
from tests.server.test_sync import _log

REFERRAL_DOCS = {
    "card_agreement": True,
    "statement_of_account": True,
    "contact_history": True,
    "final_notice": True,
}


def _late_case(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    with Session(live.engine) as s, s.begin():
        s.execute(update(Case).where(Case.id == case_id).values(max_dpd=120))
    alice = desk("alice")
    alice.sync()
    live.clock.now -= timedelta(hours=2)  # earlier this morning: six calls, none answered
    for _ in range(6):
        _log(
            alice,
            case_id,
            Outcome.NO_ANSWER,
        )
        live.clock.now += timedelta(minutes=1)
    live.clock.now += timedelta(hours=2)
    return alice, case_id


def test_an_eligible_case_is_referred_then_filed_and_contact_changes(live, desk):
    alice, case_id = _late_case(live, desk)
    user = find_user(alice.engine, "alice")
    now = live.clock.now
    with Session(alice.engine) as s:  # the number not called this morning (six calls: capped)
        point = s.scalars(select(ContactPoint.id).order_by(ContactPoint.id.desc())).first()
    legal_step(alice.engine, user, case_id, LegalStage.REFERRED, now.date(), REFERRAL_DOCS, now)
    # referred: calls still allowed, text messages not (the China pack's legal channels)
    assert dial_check(alice.engine, user.id, case_id, point, Channel.CALL, now).allowed
    sms = dial_check(alice.engine, user.id, case_id, point, Channel.SMS, now)
    assert sms.blocks[0].rule is Rule.LEGAL_STAGE

    with pytest.raises(LegalError) as refused:
        legal_step(alice.engine, user, case_id, LegalStage.FILED, now.date(), {}, now)
    assert refused.value.params["documents"] == ["complaint_filed", "court_fee_receipt"]
    legal_step(
        alice.engine,
        user,
        case_id,
        LegalStage.FILED,
        now.date(),
        {"complaint_filed": True, "court_fee_receipt": True},
        now,
    )
    assert not dial_check(alice.engine, user.id, case_id, point, Channel.CALL, now).allowed
    alice.sync()
    with Session(live.engine) as s:
        legal = s.get(LegalCase, case_id)
        assert legal.stage == "filed" and legal.stage_dates == {
            "referred": now.date().isoformat(),
            "filed": now.date().isoformat(),
        }
        assert s.get(Case, case_id).status is CaseStatus.LEGAL
        stages = [
            e.detail["stage"]
            for e in s.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == "legal_stage")
                .order_by(AuditEvent.recorded_at)
            )
        ]
    assert sorted(stages) == ["filed", "referred"]


def test_a_case_that_is_not_late_enough_is_refused_with_reasons(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)  # 35 days past due, never called
    alice = desk("alice")
    alice.sync()
    user = find_user(alice.engine, "alice")
    now = live.clock.now
    with pytest.raises(LegalError) as refused:
        legal_step(alice.engine, user, case_id, LegalStage.REFERRED, now.date(), REFERRAL_DOCS, now)
    assert refused.value.params["reasons"] == ["dpd_below_threshold", "too_few_attempts"]
    with Session(alice.engine) as s:
        assert s.get(LegalCase, case_id) is None
        assert s.get(Case, case_id).status is CaseStatus.OPEN
