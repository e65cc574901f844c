"""A customer list leaves the app only through a team lead, and never without a trace: the
export is written and its audit event queued for the server in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.domain.money import Money
from collector_desk.domain.refusal import Refused
from collector_desk.files.write_table import Cell, Sheet, write_csv, write_xlsx
from collector_desk.store.cache.outbox import enqueue
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import AuditEvent, Case, Customer, User, new_uuid

ACTION = "customer_list_exported"
COLUMNS = ("case", "customer", "collector", "bucket", "dpd", "overdue", "balance", "currency")


class ExportRefused(Refused):
    pass


def _major(minor: int, currency: str) -> Decimal:
    """An amount as a number in major units, exact: a spreadsheet sums it."""
    return Decimal(Money(minor, currency).major_text(grouping=False))


def export_case_list(
    engine: Engine, lead: UserView, case_ids: Sequence[int], path: Path, now: datetime
) -> int:
    """Write the cases (within the lead's team) to path (.csv or .xlsx) and audit it; returns
    how many were written. Collectors are refused and nothing is written."""
    if not lead.role.is_lead:
        raise ExportRefused("not_a_team_lead")
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ExportRefused("export_format", suffix=path.suffix)
    with Session(engine) as session, session.begin():
        query = (
            select(Case, Customer.full_name, User.display_name)
            .join(Customer, Customer.id == Case.customer_id)
            .join(User, User.id == Case.assigned_to, isouter=True)
            .where(Case.id.in_(list(case_ids)))
            .order_by(Case.case_ref)
        )
        if lead.role is not Role.ADMIN:
            query = query.where(Case.team_id == lead.team_id)
        rows: list[list[Cell]] = [
            [
                c.case_ref,
                name,
                collector or "",
                c.bucket,
                c.max_dpd,
                _major(c.overdue_minor, c.currency),
                _major(c.balance_minor, c.currency),
                c.currency,
            ]
            for c, name, collector in session.execute(query)
        ]
        if suffix == ".xlsx":
            write_xlsx(path, [Sheet("cases", COLUMNS, rows)])
        else:
            write_csv(path, COLUMNS, rows)
        detail = {"cases": len(rows), "case_ids": sorted(int(i) for i in case_ids)[:5000]}
        event = AuditEvent(
            id=new_uuid(),
            recorded_at=now,
            user_id=lead.id,
            action=ACTION,
            entity="case_list",
            entity_id=str(len(rows)),
            detail=detail,
        )
        session.add(event)
        enqueue(
            session,
            "record_audit",
            {
                "id": event.id,
                "action": ACTION,
                "entity": event.entity,
                "entity_id": event.entity_id,
                "detail": detail,
                "recorded_at": now.isoformat(),
            },
            now,
        )
    return len(rows)
