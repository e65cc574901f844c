"""Whose call is ringing: the caller's number matched against my cases' contact points, from
the local cache (offline too). The search index finds the candidate cases by the number's
digits in milliseconds at a million cases; the contact points then confirm the exact E.164."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select, text

from collector_desk.domain.contacts import Relation
from collector_desk.store.shared.schema import Case, ContactPoint, Customer

MAX_MATCHES = 20  # a number shared by more cases than this is a switchboard, not a customer


@dataclass(frozen=True, slots=True)
class CallerMatch:
    case_id: int
    case_ref: str
    customer_name: str
    point_id: int
    relation: Relation  # the customer's own number, or a relative's, an employer's


def cases_for_caller(engine: Engine, user_id: int, e164: str) -> list[CallerMatch]:
    """My cases where the number is one of the contact points, open ones first."""
    digits = "".join(ch for ch in e164 if ch.isdigit())
    if len(digits) < 6:  # a withheld or internal number matches nobody
        return []
    with engine.connect() as conn:
        candidates = [
            row[0]
            for row in conn.execute(
                text("SELECT rowid FROM case_search WHERE case_search MATCH :q LIMIT :n"),
                {"q": f'"{digits}"', "n": MAX_MATCHES * 5},
            )
        ]
        if not candidates:
            return []
        rows = conn.execute(
            select(
                Case.id,
                Case.case_ref,
                Customer.full_name,
                ContactPoint.id,
                ContactPoint.relation,
                Case.status,
            )
            .join(Customer, Customer.id == Case.customer_id)
            .join(ContactPoint, ContactPoint.customer_id == Customer.id)
            .where(
                Case.id.in_(candidates),
                Case.assigned_to == user_id,
                ContactPoint.value == e164,
            )
            .order_by((Case.status == "closed").asc(), Case.id)
            .limit(MAX_MATCHES)
        ).all()
    return [CallerMatch(r[0], r[1], r[2], r[3], Relation(r[4])) for r in rows]
