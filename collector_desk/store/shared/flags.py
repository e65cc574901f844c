"""Raising and clearing a case's flags, each with the reason, in the audit trail.

A flag changes what may be done with a case (a dispute or a cease request stops collection),
so every change is an audit event with who, when and why, written with the change itself.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import STOP_FLAGS, CaseFlag
from collector_desk.domain.refusal import Refused
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import Case, CaseFlagRow


class FlagRefused(Refused):
    """A flag change that may not be made (no reason given, not this user's case)."""


def apply_flag(
    session: Session,
    user: UserView,
    case: Case,
    flag: CaseFlag,
    raised: bool,
    reason: str,
    at: datetime,
    event_id: str,
    received_at: datetime | None = None,
) -> bool:
    """Returns whether anything changed (raising a flag already up changes nothing)."""
    reason = reason.strip()
    if not reason:
        raise FlagRefused("reason_required")
    row = session.get(CaseFlagRow, (case.id, flag))
    if raised == (row is not None):
        return False
    if raised:
        session.add(CaseFlagRow(case_id=case.id, flag=flag, raised_at=at, raised_by=user.id))
    else:
        session.execute(
            delete(CaseFlagRow).where(CaseFlagRow.case_id == case.id, CaseFlagRow.flag == flag)
        )
    session.flush()
    flags = set(session.scalars(select(CaseFlagRow.flag).where(CaseFlagRow.case_id == case.id)))
    case.blocked = bool(flags & STOP_FLAGS)
    record_event(
        session,
        event_id,
        user.id,
        "flag_raised" if raised else "flag_cleared",
        "case",
        str(case.id),
        {"flag": flag.value, "reason": reason},
        at,
        received_at,
    )
    return True
