"""Which cases a queue view holds and in what order, as SQL that an index can answer.

Every view of open cases filters with the literal OPEN_CASES term, so SQLite can use the partial
indexes on (assigned_to, <sort column>, id); pages are found by walking the index, never by
sorting the view. Deep pages are read from whichever end of the index is nearer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, TextClause, and_, or_, select, text

from collector_desk.domain.cases import PromiseStatus
from collector_desk.store.cache import search
from collector_desk.store.shared.schema import OPEN_CASES, Case


class View(enum.StrEnum):
    MY_QUEUE = "my_queue"
    CALLBACKS_DUE = "callbacks_due"
    PROMISES_DUE_TODAY = "promises_due_today"
    BROKEN_PROMISES = "broken_promises"
    NEW_ASSIGNMENTS = "new_assignments"
    UNTOUCHED = "untouched"
    ALL = "all"


class SortKey(enum.StrEnum):
    PRIORITY = "priority"
    OVERDUE = "overdue"
    BALANCE = "balance"
    DPD = "dpd"
    LAST_CONTACT = "last_contact"
    NEXT_ACTION = "next_action"
    ASSIGNED = "assigned"


SORT_COLUMNS = {
    SortKey.PRIORITY: Case.priority,
    SortKey.OVERDUE: Case.overdue_minor,
    SortKey.BALANCE: Case.balance_minor,
    SortKey.DPD: Case.max_dpd,
    SortKey.LAST_CONTACT: Case.last_contact_at,
    SortKey.NEXT_ACTION: Case.next_action_at,
    SortKey.ASSIGNED: Case.assigned_at,
}

# (sort, descending) each view opens with: the order a collector works that list in.
DEFAULT_SORT = {
    View.MY_QUEUE: (SortKey.PRIORITY, True),
    View.CALLBACKS_DUE: (SortKey.NEXT_ACTION, False),
    View.PROMISES_DUE_TODAY: (SortKey.NEXT_ACTION, False),
    View.BROKEN_PROMISES: (SortKey.PRIORITY, True),
    View.NEW_ASSIGNMENTS: (SortKey.ASSIGNED, True),
    View.UNTOUCHED: (SortKey.LAST_CONTACT, False),
    View.ALL: (SortKey.PRIORITY, True),
}


@dataclass(frozen=True, slots=True)
class QueueSpec:
    view: View = View.MY_QUEUE
    sort: SortKey = SortKey.PRIORITY
    descending: bool = True
    search: str = ""  # searches all my cases, whatever the view
    untouched_days: int = 7
    new_days: int = 3

    @classmethod
    def for_view(cls, view: View, **kwargs) -> QueueSpec:
        sort, descending = DEFAULT_SORT[view]
        return cls(view=view, sort=sort, descending=descending, **kwargs)

    def sorted_by(self, sort: SortKey, descending: bool) -> QueueSpec:
        return replace(self, sort=sort, descending=descending)

    def searching(self, typed: str) -> QueueSpec:
        return replace(self, search=typed)


def _day_bounds(now: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Start and end of the collector's today, as aware datetimes."""
    local = now.astimezone(zone).date()
    start = datetime.combine(local, time(0), zone)
    return start, start + timedelta(days=1)


def full_text_hits(spec: QueueSpec):
    """The ids of the cases the search's words find in the full-text index (anyone's); None
    when what was typed holds no word to look for."""
    match = search.match_expression(spec.search)
    if match is None:
        return None
    return (
        select(text("rowid"))
        .select_from(text("case_search"))
        .where(text("case_search MATCH :match").bindparams(match=match))
    )


def filters(
    spec: QueueSpec, user_id: int, now: datetime, zone: ZoneInfo
) -> list[ColumnElement[bool] | TextClause]:
    mine = Case.assigned_to == user_id
    if spec.search.strip():
        hits = full_text_hits(spec)
        if hits is None:
            return [mine, text("0")]  # typed only punctuation: nothing matches
        # "+ 0" keeps SQLite from walking my whole queue's index and probing the hits for
        # each row; it starts from the few hits instead.
        return [Case.assigned_to + 0 == user_id, Case.id.in_(hits)]
    if spec.view is View.ALL:
        return [mine]
    # text(), not a bound parameter: the partial indexes match only this literal term.
    clauses: list[ColumnElement[bool] | TextClause] = [mine, text(OPEN_CASES)]
    start, end = _day_bounds(now, zone)
    if spec.view is View.CALLBACKS_DUE:
        clauses += [Case.next_action == "callback", Case.next_action_at < end]
    elif spec.view is View.PROMISES_DUE_TODAY:
        clauses += [
            Case.next_action == "promise_due",
            Case.next_action_at >= start,
            Case.next_action_at < end,
        ]
    elif spec.view is View.BROKEN_PROMISES:
        clauses.append(Case.promise_status == PromiseStatus.BROKEN)
    elif spec.view is View.NEW_ASSIGNMENTS:
        clauses.append(Case.assigned_at >= now - timedelta(days=spec.new_days))
    elif spec.view is View.UNTOUCHED:
        cutoff = now - timedelta(days=spec.untouched_days)
        clauses.append(or_(Case.last_contact_at.is_(None), Case.last_contact_at < cutoff))
    return clauses


def ordering(spec: QueueSpec, reverse: bool = False) -> list[ColumnElement]:
    """Sort column then id, both the same direction, so the order is total and mirrorable."""
    descending = spec.descending != reverse
    column = SORT_COLUMNS[spec.sort]
    if descending:
        return [column.desc(), Case.id.desc()]
    return [column.asc(), Case.id.asc()]


def where(spec: QueueSpec, user_id: int, now: datetime, zone: ZoneInfo) -> ColumnElement:
    return and_(*filters(spec, user_id, now, zone))


def sinks_uncontactable(spec: QueueSpec) -> bool:
    """Priority order puts the cases that may not be contacted now below the rest (in the
    views of open cases, whose priority index also carries what contactability needs)."""
    return (
        spec.sort is SortKey.PRIORITY
        and spec.descending
        and not spec.search.strip()
        and spec.view is not View.ALL
    )


def split_untouched(spec: QueueSpec, user_id: int, now: datetime, zone: ZoneInfo):
    """The Untouched view in its own order as two index ranges instead of one OR, which
    SQLite would answer by sorting: never contacted (NULL sorts first), then contacted
    before the cut-off. None when the view or order is another."""
    if spec.view is not View.UNTOUCHED or spec.sort is not SortKey.LAST_CONTACT or spec.search:
        return None
    clauses = filters(spec, user_id, now, zone)[:-1]  # all but the OR
    cutoff = now - timedelta(days=spec.untouched_days)
    never = and_(*clauses, Case.last_contact_at.is_(None))
    before = and_(*clauses, Case.last_contact_at < cutoff)
    return [before, never] if spec.descending else [never, before]
