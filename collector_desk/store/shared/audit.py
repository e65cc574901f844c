"""The audit trail: writing an event once, on a desk or in the central store."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from collector_desk.store.shared.schema import AuditEvent


def record_event(
    session: Session,
    event_id: str,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: str,
    detail: dict,
    at: datetime,
    received_at: datetime | None = None,
) -> None:
    """Append one event, unless it is already there: the desktop writes it when the user acts
    and the server again when the change arrives, under the same id."""
    if session.get(AuditEvent, event_id) is not None:
        return
    session.add(
        AuditEvent(
            id=event_id,
            recorded_at=at,
            server_received_at=received_at,
            user_id=user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )
