"""Which of my callbacks and promises came due in a span of time, read from the local cache.

Each kind is one range of the due index (assigned_to, next_action, next_action_at), so the
reminder's check every half minute never reads the cases table itself, and works offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, and_, func, select, text

from collector_desk.store.shared.schema import OPEN_CASES, Case

KINDS = ("callback", "promise_due")


@dataclass(frozen=True, slots=True)
class DueItem:
    case_id: int
    case_ref: str
    kind: str  # "callback" or "promise_due"
    due_at: datetime
    time_zone: str  # the customer's, for the next allowed time in their hours

    @property
    def key(self) -> tuple[int, str, datetime]:
        return (self.case_id, self.kind, self.due_at)


def due_query(user_id: int, kind: str, after: datetime, now: datetime):
    # text(), not a bound parameter: the partial index matches only this literal term
    return (
        select(Case.id, Case.case_ref, Case.next_action, Case.next_action_at, Case.time_zone)
        .where(
            Case.assigned_to == user_id,
            text(OPEN_CASES),
            Case.next_action == kind,
            Case.next_action_at > after,
            Case.next_action_at <= now,
        )
        .order_by(Case.next_action_at, Case.id)
    )


def came_due(engine: Engine, user_id: int, after: datetime, now: datetime) -> list[DueItem]:
    """My open cases whose callback or promise fell due after `after`, up to `now`, oldest
    first."""
    items: list[DueItem] = []
    with engine.connect() as conn:
        for kind in KINDS:
            for row in conn.execute(due_query(user_id, kind, after, now)):
                items.append(DueItem(row[0], row[1], row[2], row[3], row[4]))
    return sorted(items, key=lambda i: (i.due_at, i.case_id))


def due_counts(engine: Engine, user_id: int, since: datetime, now: datetime) -> dict[str, int]:
    """How many callbacks and promises are due now (since `since`): the views' badges."""
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for kind in KINDS:
            query = select(func.count()).where(
                and_(
                    Case.assigned_to == user_id,
                    text(OPEN_CASES),
                    Case.next_action == kind,
                    Case.next_action_at > since,
                    Case.next_action_at <= now,
                )
            )
            counts[kind] = conn.scalar(query) or 0
    return counts


def still_due(engine: Engine, user_id: int, item: DueItem) -> bool:
    """Whether a snoozed item still stands: the case is still mine and open, with the same
    next action at the same moment — a callback logged or moved meanwhile is not announced
    again."""
    moment = item.due_at
    with engine.connect() as conn:
        found = conn.execute(
            select(Case.id)
            .where(
                Case.id == item.case_id,
                Case.assigned_to == user_id,
                text(OPEN_CASES),
                Case.next_action == item.kind,
                Case.next_action_at == moment,
            )
            .limit(1)
        ).first()
    return found is not None
