"""Judging promises to pay against the payments that came in.

Payments are applied to a case's promises in due-date order (DOMAIN.md). A promise is kept when
what was applied to it covers it; once its date has passed it is partial if something was paid
and broken if nothing was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from collector_desk.domain.cases import PromiseStatus


@dataclass(frozen=True, slots=True)
class PromiseState:
    key: str
    due_date: date
    amount_minor: int
    paid_minor: int
    status: PromiseStatus


def apply_payment(promises: list[PromiseState], amount_minor: int) -> list[PromiseState]:
    """Spread one payment over the open promises, earliest due first; returns them updated."""
    if amount_minor <= 0:
        raise ValueError("a payment is a positive amount")
    remaining = amount_minor
    out = []
    for promise in sorted(promises, key=lambda p: (p.due_date, p.key)):
        if remaining and promise.status in (PromiseStatus.OPEN, PromiseStatus.PARTIAL):
            take = min(remaining, promise.amount_minor - promise.paid_minor)
            remaining -= take
            paid = promise.paid_minor + take
            status = PromiseStatus.KEPT if paid >= promise.amount_minor else promise.status
            promise = replace(promise, paid_minor=paid, status=status)
        out.append(promise)
    return out


def judge(promises: list[PromiseState], today: date) -> list[PromiseState]:
    """Close the promises whose date has passed without being covered."""
    out = []
    for promise in promises:
        if promise.status is PromiseStatus.OPEN and promise.due_date < today:
            status = PromiseStatus.PARTIAL if promise.paid_minor else PromiseStatus.BROKEN
            promise = replace(promise, status=status)
        out.append(promise)
    return out
