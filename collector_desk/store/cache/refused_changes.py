"""Changes this desk made that the server refused, as the user must see them: which case,
what was done, why it was refused, until the user has acknowledged each one.

The refusal was recorded when the push answered (local_sync.acknowledge); what the user typed
is still in the mutation's own arguments, even when the pull that followed took the case or
the contact away from this cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from collector_desk.store.cache.schema import SyncIssue
from collector_desk.store.shared.schema import Case, Contact, Customer, RepaymentPlan


@dataclass(frozen=True, slots=True)
class RefusedChange:
    mutation_id: int
    kind: str  # the mutation's name: log_contact, set_flag, ...
    reason: str  # the server's code for why
    refused_at: datetime
    case_id: int | None
    case_ref: str | None  # None: the case is no longer in this cache
    customer_name: str | None
    currency: str | None  # the case's, for amounts in details
    details: dict[str, Any]  # what the user did, as the desk sent it


def _case_of(session: Session, kind: str, args: dict[str, Any]) -> int | None:
    if kind == "correct_contact" and isinstance(args.get("contact_id"), str):
        found = session.scalar(select(Contact.case_id).where(Contact.id == args["contact_id"]))
        if found is not None:
            return found
    case_id = args.get("case_id")
    if isinstance(case_id, int) and not isinstance(case_id, bool):
        return case_id
    if kind == "decide_plan" and isinstance(args.get("plan_id"), str):
        plan_case = select(RepaymentPlan.case_id).where(RepaymentPlan.id == args["plan_id"])
        return session.scalar(plan_case)
    if args.get("entity") == "case":
        try:
            return int(args.get("entity_id", ""))
        except ValueError:
            return None
    return None


def _details(kind: str, args: dict[str, Any]) -> dict[str, Any]:
    """What identifies the change to the person who made it; the contact's entry in full."""
    if kind == "log_contact":
        return dict(args.get("entry") or {}) | {"at": args.get("at")}
    return {k: v for k, v in args.items() if k not in ("case_id", "event_id", "id")}


def refused_changes(engine: Engine) -> list[RefusedChange]:
    """Every refusal not yet acknowledged, oldest first."""
    with Session(engine) as session:
        found = []
        for issue in session.scalars(select(SyncIssue).order_by(SyncIssue.mutation_id)):
            args = dict(issue.args or {})
            case_id = _case_of(session, issue.name, args)
            case = None if case_id is None else session.get(Case, case_id)
            customer = None if case is None else session.get(Customer, case.customer_id)
            found.append(
                RefusedChange(
                    mutation_id=issue.mutation_id,
                    kind=issue.name,
                    reason=issue.reason,
                    refused_at=issue.recorded_at,
                    case_id=case_id,
                    case_ref=None if case is None else case.case_ref,
                    customer_name=None if customer is None else customer.full_name,
                    currency=None if case is None else case.currency,
                    details=_details(issue.name, args),
                )
            )
        return found


def acknowledge_refusal(engine: Engine, mutation_ids: list[int]) -> int:
    """The user has seen these refusals: they leave the list. Returns how many left it."""
    with Session(engine) as session, session.begin():
        result = session.execute(delete(SyncIssue).where(SyncIssue.mutation_id.in_(mutation_ids)))
        return int(getattr(result, "rowcount", 0) or 0)


def count_refused(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(SyncIssue)) or 0
