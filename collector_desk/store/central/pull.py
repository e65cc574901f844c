"""What a desk pulls: whole cases as they are now, only those in the asking user's scope, and
the people those cases refer to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from collector_desk.domain.cases import Role
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.rows import to_json
from collector_desk.store.shared.schema import (
    Base,
    CardAccount,
    Case,
    CaseFlagRow,
    Contact,
    ContactCorrection,
    ContactPoint,
    Customer,
    LegalCase,
    Message,
    Note,
    Payment,
    PlanInstallment,
    Promise,
    RepaymentPlan,
    Team,
    User,
)


def _scope(user: UserView):
    if user.role is Role.ADMIN:
        return text("1 = 1")
    if user.role is Role.TEAM_LEAD:
        return Case.team_id == user.team_id
    return Case.assigned_to == user.id


def cases_in_scope(conn: Connection, user: UserView, after_case: int, limit: int) -> list[int]:
    return list(
        conn.scalars(
            select(Case.id).where(_scope(user), Case.id > after_case).order_by(Case.id).limit(limit)
        )
    )


def snapshots(
    conn: Connection, user: UserView, case_ids: Sequence[int]
) -> tuple[list[dict], list[int]]:
    """Whole cases as they are now, for those of case_ids still in scope; the rest removed."""
    with Session(bind=conn) as session:
        cases = {
            c.id: c
            for c in session.scalars(select(Case).where(Case.id.in_(case_ids), _scope(user)))
        }
        removed = [i for i in case_ids if i not in cases]
        if not cases:
            return [], removed
        ids = list(cases)
        customers = {
            c.id: c
            for c in session.scalars(
                select(Customer).where(Customer.id.in_({c.customer_id for c in cases.values()}))
            )
        }

        def by(
            model: type[Base], column: InstrumentedAttribute[Any], keys: Iterable[Any]
        ) -> dict[Any, list[dict[str, Any]]]:
            grouped: dict[Any, list[dict[str, Any]]] = {}
            for row in session.scalars(select(model).where(column.in_(keys))):
                grouped.setdefault(getattr(row, column.key), []).append(to_json(row))
            return grouped

        accounts = by(CardAccount, CardAccount.customer_id, customers)
        points = by(ContactPoint, ContactPoint.customer_id, customers)
        flags = by(CaseFlagRow, CaseFlagRow.case_id, ids)
        contacts = by(Contact, Contact.case_id, ids)
        corrections = by(ContactCorrection, ContactCorrection.case_id, ids)
        messages = by(Message, Message.case_id, ids)
        promises = by(Promise, Promise.case_id, ids)
        payments = by(Payment, Payment.case_id, ids)
        notes = by(Note, Note.case_id, ids)
        plans = by(RepaymentPlan, RepaymentPlan.case_id, ids)
        legal = by(LegalCase, LegalCase.case_id, ids)
        plan_ids = [p["id"] for rows in plans.values() for p in rows]
        installments = by(PlanInstallment, PlanInstallment.plan_id, plan_ids)
        out = []
        for case_id, case in cases.items():
            case_plans = plans.get(case_id, [])
            out.append(
                {
                    "cases": [to_json(case)],
                    "customers": [to_json(customers[case.customer_id])],
                    "card_accounts": accounts.get(case.customer_id, []),
                    "contact_points": points.get(case.customer_id, []),
                    "case_flags": flags.get(case_id, []),
                    "contacts": contacts.get(case_id, []),
                    "contact_corrections": corrections.get(case_id, []),
                    "messages": messages.get(case_id, []),
                    "promises": promises.get(case_id, []),
                    "payments": payments.get(case_id, []),
                    "notes": notes.get(case_id, []),
                    "repayment_plans": case_plans,
                    "legal_cases": legal.get(case_id, []),
                    "plan_installments": [
                        i for p in case_plans for i in installments.get(p["id"], [])
                    ],
                }
            )
        return out, removed


def people(conn: Connection, snapshots_: Sequence[dict], me: UserView | None = None) -> dict:
    """The users (and their teams) that pulled cases refer to: assignees and authors; the
    asking user, whom a team lead's cache needs although no case is assigned to them; and for a
    lead, every member of the team, so cases can move to a collector who has none yet."""
    user_ids: set[int] = set() if me is None else {me.id}
    if me is not None and me.role is Role.TEAM_LEAD:
        user_ids.update(conn.scalars(select(User.id).where(User.team_id == me.team_id)))
    for snap in snapshots_:
        for table, keys in (
            ("cases", ("assigned_to",)),
            ("contacts", ("user_id",)),
            ("contact_corrections", ("user_id",)),
            ("messages", ("user_id",)),
            ("promises", ("user_id",)),
            ("notes", ("user_id",)),
            ("case_flags", ("raised_by",)),
            ("repayment_plans", ("user_id", "approved_by")),
        ):
            for row in snap.get(table, []):
                user_ids.update(row[k] for k in keys if row.get(k) is not None)
    if not user_ids:
        return {"teams": [], "users": []}
    with Session(bind=conn) as session:
        users = session.scalars(select(User).where(User.id.in_(user_ids))).all()
        team_ids = {u.team_id for u in users if u.team_id is not None}
        teams = session.scalars(select(Team).where(Team.id.in_(team_ids))).all()
        return {"teams": [to_json(t) for t in teams], "users": [to_json(u) for u in users]}


def scope_ids(
    conn: Connection, user: UserView, after: int = 0, limit: int | None = None
) -> list[int]:
    """The ids in the user's scope after `after`, in order; `limit` of them, or all."""
    query = select(Case.id).where(_scope(user), Case.id > after).order_by(Case.id)
    return list(conn.scalars(query if limit is None else query.limit(limit)))
