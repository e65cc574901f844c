"""A customer list leaves the app only through a team lead, and never without a trace: the
export is written and its audit event queued for the server in one transaction."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.domain.money import Money
from collector_desk.domain.refusal import Refused
from collector_desk.store.cache.outbox import enqueue
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import AuditEvent, Case, Customer, User, new_uuid

ACTION = "customer_list_exported"
COLUMNS = ("case", "customer", "collector", "bucket", "dpd", "overdue", "balance", "currency")


class ExportRefused(Refused):
    pass


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
        rows = [
            [
                c.case_ref,
                name,
                collector or "",
                c.bucket,
                c.max_dpd,
                Money(c.overdue_minor, c.currency).major_text(grouping=False),
                Money(c.balance_minor, c.currency).major_text(grouping=False),
                c.currency,
            ]
            for c, name, collector in session.execute(query)
        ]
        _write(rows, path)
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


def _write(rows: list[list], path: Path) -> None:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.worksheet.worksheet import Worksheet

        book = Workbook()
        sheet = book.active
        assert isinstance(sheet, Worksheet)  # a new workbook opens on one empty worksheet
        sheet.title = "cases"
        sheet.append(list(COLUMNS))
        for row in rows:
            sheet.append(row)
        book.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel reads UTF-8
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
