"""Legal escalation: the eligibility rules and the stage machine."""

from dataclasses import replace
from datetime import date

import pytest

from collector_desk.config.loaders import load_legal_rules
from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.legal import (
    NEXT,
    LegalError,
    LegalFacts,
    LegalStage,
    advance,
    checklist,
    eligibility,
)

RULES = load_legal_rules()
READY = LegalFacts(
    dpd=120,
    balance_minor=2_000_000,
    attempts_in_lookback=8,
    flags=frozenset(),
    active_plan=False,
    open_promise=False,
    stage=None,
)
TODAY = date(2026, 11, 28)
ALL_DOCS = {doc: True for doc in checklist(RULES)}


def test_a_late_large_worked_case_is_suggested():
    assert eligibility(READY, RULES) == []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"dpd": 89}, "dpd_below_threshold"),
        ({"balance_minor": 499_999}, "balance_below_threshold"),
        ({"attempts_in_lookback": 5}, "too_few_attempts"),
        ({"flags": frozenset({CaseFlag.DISPUTE})}, "blocking_flag"),
        ({"active_plan": True}, "active_plan"),
        ({"open_promise": True}, "open_promise"),
        ({"stage": LegalStage.FILED}, "already_in_legal"),
    ],
)
def test_each_rule_keeps_a_case_out_and_says_why(change, reason):
    assert eligibility(replace(READY, **change), RULES) == [reason]


def test_the_thresholds_are_inclusive():
    edge = replace(READY, dpd=90, balance_minor=500_000, attempts_in_lookback=6)
    assert eligibility(edge, RULES) == []
    hardship = replace(READY, flags=frozenset({CaseFlag.HARDSHIP}))
    assert eligibility(hardship, RULES) == []  # hardship is handled with care, not excluded


def test_the_stages_run_forward_one_step_and_record_their_dates():
    dates: dict[str, str] = {}
    stage = None
    for step, day in zip(
        [LegalStage.REFERRED, LegalStage.FILED, LegalStage.JUDGMENT, LegalStage.ENFORCEMENT],
        [date(2026, 9, 1), date(2026, 9, 20), date(2026, 11, 2), date(2026, 11, 2)],
        strict=True,
    ):
        dates = advance(stage, step, day, dates, ALL_DOCS, RULES, TODAY)
        stage = step
    assert dates == {
        "referred": "2026-09-01",
        "filed": "2026-09-20",
        "judgment": "2026-11-02",
        "enforcement": "2026-11-02",
    }
    closed = advance(stage, LegalStage.CLOSED, TODAY, dates, ALL_DOCS, RULES, TODAY)
    assert closed["closed"] == "2026-11-28"


@pytest.mark.parametrize(
    ("current", "to"),
    [
        (None, LegalStage.FILED),
        (LegalStage.REFERRED, LegalStage.JUDGMENT),
        (LegalStage.FILED, LegalStage.REFERRED),
        (LegalStage.CLOSED, LegalStage.REFERRED),
        (LegalStage.ENFORCEMENT, LegalStage.JUDGMENT),
    ],
)
def test_a_skipped_or_backward_step_is_refused(current, to):
    with pytest.raises(LegalError) as refused:
        advance(current, to, TODAY, {}, ALL_DOCS, RULES, TODAY)
    assert refused.value.code == "stage_not_allowed"


def test_any_stage_may_close():
    assert all(LegalStage.CLOSED in NEXT[s] for s in LegalStage if s is not LegalStage.CLOSED)


def test_dates_may_not_go_back_or_into_the_future():
    dates = {"referred": "2026-11-10"}
    with pytest.raises(LegalError, match="date_before_previous_stage"):
        advance(
            LegalStage.REFERRED, LegalStage.FILED, date(2026, 11, 9), dates, ALL_DOCS, RULES, TODAY
        )
    with pytest.raises(LegalError, match="date_in_future"):
        advance(
            LegalStage.REFERRED, LegalStage.FILED, date(2026, 11, 29), dates, ALL_DOCS, RULES, TODAY
        )


def test_a_stage_needs_its_documents_except_closing():
    partial = {"card_agreement": True, "statement_of_account": True}
    with pytest.raises(LegalError) as refused:
        advance(None, LegalStage.REFERRED, TODAY, {}, partial, RULES, TODAY)
    assert refused.value.params["documents"] == ["contact_history", "final_notice"]
    dates = {"referred": "2026-11-01"}
    closed = advance(LegalStage.REFERRED, LegalStage.CLOSED, TODAY, dates, {}, RULES, TODAY)
    assert "closed" in closed
