"""A team lead reading the audit trail of their own team, as the central store keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import AuditEvent, User

MAX_EVENTS = 1000


@dataclass(frozen=True, slots=True)
class AuditFilter:
    username: str | None = None
    action: str | None = None
    case_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 200


def team_audit(engine: Engine, lead: UserView, f: AuditFilter) -> list[tuple[AuditEvent, str]]:
    """Events by members of the lead's team (an admin: everyone's), newest first, with the
    username of who did it."""
    query = (
        select(AuditEvent, User.username)
        .join(User, User.id == AuditEvent.user_id)
        .order_by(AuditEvent.recorded_at.desc(), AuditEvent.id)
        .limit(min(max(f.limit, 1), MAX_EVENTS))
    )
    if lead.role is not Role.ADMIN:
        query = query.where(User.team_id == lead.team_id)
    if f.username:
        query = query.where(User.username == f.username)
    if f.action:
        query = query.where(AuditEvent.action == f.action)
    if f.case_id is not None:
        # the case is the entity, or (for plans and reveals) named in the detail
        query = query.where(
            ((AuditEvent.entity == "case") & (AuditEvent.entity_id == str(f.case_id)))
            | (AuditEvent.detail["case_id"].as_integer() == f.case_id)
        )
    if f.since is not None:
        query = query.where(AuditEvent.recorded_at >= f.since)
    if f.until is not None:
        query = query.where(AuditEvent.recorded_at < f.until)
    with Session(engine) as session:
        return [(event, username) for event, username in session.execute(query)]
