"""Practice calls: a simulated customer answers the script, and afterwards the trainee sees
which disclosures were missed, which objections were met, and how long each step took.

The customer is a seeded persona, so a trainer can hand out the same call twice: it picks an
answer at each step, sometimes raises an objection instead, and says what it chose in words
the trainee has to recognise among the step's answers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from collector_desk.domain.scripts import CallResult, CallSession, Objection


@dataclass(frozen=True, slots=True)
class Reply:
    answer: int | None = None  # 1-based, the answer the customer gives
    objection: Objection | None = None  # or an objection raised instead


@dataclass(frozen=True, slots=True)
class Persona:
    """How a simulated customer behaves; the seed makes a call repeatable."""

    seed: int
    objection_rate: float = 0.25  # at each step after identity, the chance of an objection
    cooperative: float = 0.6  # the chance of the first answer (scripts put the easy way first)

    def replies(self) -> Customer:
        return Customer(self)


class Customer:
    """The persona on one call: asked at each step, remembers what it said."""

    def __init__(self, persona: Persona) -> None:
        self._rng = random.Random(persona.seed)
        self._persona = persona
        self.said: list[tuple[str, Reply]] = []  # (step id, reply)

    def reply(self, session: CallSession) -> Reply | None:
        if session.finished:
            return None
        step = session.step
        objections = [o for o in session.available_objections() if o not in session.objections]
        if session.identified and objections and self._rng.random() < self._persona.objection_rate:
            reply = Reply(objection=self._rng.choice(objections))
        elif step.answers:
            first = self._rng.random() < self._persona.cooperative
            pick = 1 if first else self._rng.randint(1, len(step.answers))
            reply = Reply(answer=pick)
        else:
            return None
        self.said.append((step.id, reply))
        return reply


@dataclass(frozen=True, slots=True)
class StepTime:
    step: str
    seconds: float


@dataclass(frozen=True, slots=True)
class PracticeReport:
    missed_disclosures: frozenset[str]
    objections_raised: tuple[Objection, ...]
    objections_handled: tuple[Objection, ...]  # the trainee took the customer's objection
    mismatched: int  # answers the trainee pressed that were not what the customer said
    steps: tuple[StepTime, ...]

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.steps)

    @property
    def objections_missed(self) -> tuple[Objection, ...]:
        return tuple(o for o in self.objections_raised if o not in self.objections_handled)


def practice_report(result: CallResult, said: list[tuple[str, Reply]]) -> PracticeReport:
    """Compare what the trainee did (the call's path) with what the customer said."""
    raised = tuple(r.objection for _, r in said if r.objection is not None)
    # each visit the trainee left is paired with what the customer said at that visit
    pending = list(said)
    mismatched = 0
    for visit in result.path:
        if visit.answer is None and visit.objection is None:
            continue
        at = next((i for i, (step, _) in enumerate(pending) if step == visit.step), None)
        if at is None:
            continue
        _, reply = pending.pop(at)
        mismatched += (visit.answer, visit.objection) != (reply.answer, reply.objection)
    steps = tuple(
        StepTime(v.step, (v.left_at - v.entered_at) / timedelta(seconds=1))
        for v in result.path
        if v.left_at is not None
    )
    return PracticeReport(
        missed_disclosures=result.missed_disclosures,
        objections_raised=raised,
        objections_handled=tuple(o for o in result.objections if o in raised),
        mismatched=mismatched,
        steps=steps,
    )
