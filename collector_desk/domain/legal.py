"""Legal escalation: which cases to suggest for legal review, and the stages a case goes through.

The stages are fixed (referred, filed, judgment, enforcement, closed); the eligibility
thresholds and each stage's documents are configuration (resources/config/legal.toml).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.refusal import Refused


class LegalStage(enum.StrEnum):
    REFERRED = "referred"
    FILED = "filed"
    JUDGMENT = "judgment"
    ENFORCEMENT = "enforcement"
    CLOSED = "closed"


# Forward only, one step at a time, except that a case may close at any stage (paid, settled,
# withdrawn, written off).
NEXT = {
    LegalStage.REFERRED: {LegalStage.FILED, LegalStage.CLOSED},
    LegalStage.FILED: {LegalStage.JUDGMENT, LegalStage.CLOSED},
    LegalStage.JUDGMENT: {LegalStage.ENFORCEMENT, LegalStage.CLOSED},
    LegalStage.ENFORCEMENT: {LegalStage.CLOSED},
    LegalStage.CLOSED: set(),
}


class LegalError(Refused):
    """A legal step that may not be taken; `code` names why."""


@dataclass(frozen=True, slots=True)
class EligibilityRules:
    min_dpd: int
    min_balance_minor: int
    min_attempts: int  # outbound attempts in the lookback, so legal is not the first contact
    lookback_days: int
    blocking_flags: frozenset[CaseFlag]
    documents: Mapping[LegalStage, tuple[str, ...]]  # needed before a case may reach the stage
    notice_days: int = 14  # the final notice's days to pay or agree before a referral


@dataclass(frozen=True, slots=True)
class LegalFacts:
    dpd: int
    balance_minor: int
    attempts_in_lookback: int
    flags: frozenset[CaseFlag]
    active_plan: bool
    open_promise: bool
    stage: LegalStage | None


def eligibility(facts: LegalFacts, rules: EligibilityRules) -> list[str]:
    """Why a case may not be suggested for legal review; empty when it may."""
    reasons = []
    if facts.stage is not None:
        reasons.append("already_in_legal")
    if facts.dpd < rules.min_dpd:
        reasons.append("dpd_below_threshold")
    if facts.balance_minor < rules.min_balance_minor:
        reasons.append("balance_below_threshold")
    if facts.attempts_in_lookback < rules.min_attempts:
        reasons.append("too_few_attempts")
    if facts.flags & rules.blocking_flags:
        reasons.append("blocking_flag")
    if facts.active_plan:
        reasons.append("active_plan")
    if facts.open_promise:
        reasons.append("open_promise")
    return reasons


def advance(
    current: LegalStage | None,
    to: LegalStage,
    on: date,
    stage_dates: Mapping[str, str],
    documents: Mapping[str, bool],
    rules: EligibilityRules,
    today: date,
) -> dict[str, str]:
    """The stage dates after moving to `to` on `on`, or LegalError: a step the machine does not
    allow, a date before the previous stage's or in the future, a document still missing."""
    allowed = {LegalStage.REFERRED} if current is None else NEXT[current]
    if to not in allowed:
        raise LegalError("stage_not_allowed", current=current, to=to)
    if on > today:
        raise LegalError("date_in_future")
    previous = max((date.fromisoformat(d) for d in stage_dates.values()), default=None)
    if previous is not None and on < previous:
        raise LegalError("date_before_previous_stage", previous=previous)
    missing = [d for d in rules.documents.get(to, ()) if not documents.get(d)]
    if missing and to is not LegalStage.CLOSED:
        raise LegalError("documents_missing", documents=missing)
    return {**stage_dates, to.value: on.isoformat()}


def checklist(rules: EligibilityRules, stages: Iterable[LegalStage] = LegalStage) -> list[str]:
    """Every document any stage asks for, in stage order, once each."""
    seen: dict[str, None] = {}
    for stage in stages:
        for doc in rules.documents.get(stage, ()):
            seen.setdefault(doc)
    return list(seen)
