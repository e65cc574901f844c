"""Moving cases between collectors: a team lead's intent, checked again by the server.

Each case moves by its own mutation, so each gets its own result: applied, or rejected with the
reason (closed meanwhile, moved by someone else, the collector left the team), which the lead
sees in the sync-issues list. A lead working offline queues them like any other change.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus, Role
from collector_desk.domain.refusal import Refused
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import Case, User


class ReassignRefused(Refused):
    """A case that may not move as asked; `code` says why."""


def apply_move(
    session: Session,
    lead: UserView,
    case: Case,
    seen_with: int | None,
    to_user_id: int,
    at: datetime,
    event_id: str,
    received_at: datetime | None = None,
) -> int | None:
    """Move one case; returns the collector it came from. `seen_with`: whom the lead saw it
    with, so a case someone else moved meanwhile is not taken from its new collector."""
    if not lead.role.is_lead:
        raise ReassignRefused("not_a_team_lead")
    if lead.role is Role.TEAM_LEAD and case.team_id != lead.team_id:
        raise ReassignRefused("not_your_team")
    if case.status is CaseStatus.CLOSED:
        raise ReassignRefused("case_closed")
    if case.assigned_to != seen_with:
        raise ReassignRefused("moved_meanwhile")
    target = session.get(User, to_user_id)
    if target is None or target.role is not Role.COLLECTOR:
        raise ReassignRefused("not_a_collector")
    if not target.active or target.wipe_requested_at is not None:  # disabled or revoked
        raise ReassignRefused("not_a_collector")
    if target.team_id != case.team_id:
        raise ReassignRefused("not_in_the_team")
    if to_user_id == case.assigned_to:
        return case.assigned_to  # already there: nothing to do
    previous = case.assigned_to
    case.assigned_to = to_user_id
    case.assigned_at = at  # it arrives marked new in the collector's queue
    case.version += 1
    record_event(
        session,
        event_id,
        lead.id,
        "case_reassigned",
        "case",
        str(case.id),
        {"from": previous, "to": to_user_id},
        at,
        received_at,
    )
    return previous
