"""An explainable priority score: a sum of named components a collector can read.

The weights are configuration (resources/config/priority.toml); this module only knows which
facts about a case earn or lose points, so the detail pane can say "promise broken yesterday +30".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

COMPONENTS = (
    "plan_broken",
    "callback_due",
    "promise_broken",
    "promise_due_today",
    "roll_soon",
    "overdue_amount",
    "dpd",
    "untouched",
    "reached_recently",
)


class PriorityConfigError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class PriorityWeights:
    points: Mapping[str, int]
    roll_soon_days: int = 3
    untouched_days: int = 7

    def __post_init__(self) -> None:
        unknown = set(self.points) - set(COMPONENTS)
        if unknown:
            raise PriorityConfigError(f"unknown priority components: {sorted(unknown)}")
        missing = set(COMPONENTS) - set(self.points)
        if missing:
            raise PriorityConfigError(f"priority weights missing: {sorted(missing)}")


@dataclass(frozen=True, slots=True)
class CaseFacts:
    dpd: int
    days_to_roll: int | None
    overdue_major: int  # whole major units; the score needs magnitude, not exactness
    callback_due: bool = False
    plan_broken: bool = False
    promise_broken_days_ago: int | None = None
    promise_due_today: bool = False
    days_since_contact: int | None = None
    reached_days_ago: int | None = None


@dataclass(frozen=True, slots=True)
class Priority:
    total: int
    components: tuple[tuple[str, int], ...] = field(default_factory=tuple)


def score(facts: CaseFacts, weights: PriorityWeights) -> Priority:
    w = weights.points
    parts: list[tuple[str, int]] = []
    if facts.plan_broken:
        parts.append(("plan_broken", w["plan_broken"]))
    if facts.callback_due:
        parts.append(("callback_due", w["callback_due"]))
    if facts.promise_broken_days_ago is not None and facts.promise_broken_days_ago <= 2:
        parts.append(("promise_broken", w["promise_broken"]))
    if facts.promise_due_today:
        parts.append(("promise_due_today", w["promise_due_today"]))
    if facts.days_to_roll is not None and facts.days_to_roll <= weights.roll_soon_days:
        parts.append(("roll_soon", w["roll_soon"]))
    if facts.overdue_major > 0:
        # log scale: a 100k debt matters more than a 1k one, but not a hundred times more
        parts.append(
            ("overdue_amount", round(w["overdue_amount"] * math.log10(facts.overdue_major) / 5))
        )
    if facts.dpd > 0:
        parts.append(("dpd", round(w["dpd"] * min(facts.dpd, 180) / 180)))
    if facts.days_since_contact is None or facts.days_since_contact >= weights.untouched_days:
        parts.append(("untouched", w["untouched"]))
    if facts.reached_days_ago is not None and facts.reached_days_ago <= 1:
        parts.append(("reached_recently", w["reached_recently"]))
    parts = [(name, pts) for name, pts in parts if pts]
    return Priority(sum(p for _, p in parts), tuple(parts))


def facts_from_state(
    *,
    dpd: int,
    days_to_roll: int | None,
    overdue_minor: int,
    next_action: str | None,
    next_action_at: datetime | None,
    last_contact_at: datetime | None,
    last_contact_reached: bool,
    promise_open: bool,
    promise_broken: bool,
    promise_due: date | None,
    now: datetime,
    customer_today: date,
) -> CaseFacts:
    """The facts the score reads, from a case's stored state. One definition for every writer
    (the demo generator, the contact log, sync), so a case scores the same whoever computes it.
    `promise_*` describe the case's latest promise (by due date)."""
    since = None if last_contact_at is None else (now - last_contact_at).days
    return CaseFacts(
        dpd=dpd,
        days_to_roll=days_to_roll,
        overdue_major=overdue_minor // 100,
        callback_due=next_action == "callback"
        and next_action_at is not None
        and next_action_at <= now,
        plan_broken=next_action == "plan_broken",
        promise_broken_days_ago=(customer_today - promise_due).days
        if promise_broken and promise_due is not None
        else None,
        promise_due_today=promise_open and promise_due == customer_today,
        days_since_contact=since,
        reached_days_ago=since if last_contact_reached else None,
    )
