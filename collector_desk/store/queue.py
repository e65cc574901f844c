"""Reads for the collector's workspace: the queue in windows, and one case in full.

They hand the UI plain frozen objects; widgets never see SQL. The queue is read a window at a
time on the (assigned_to, priority, id) index, so a million cases cost one short query per
screenful, never one per cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseFlag, CaseStatus, PromiseStatus
from collector_desk.domain.contacts import (
    Channel,
    ContactPointKind,
    ContactPointStatus,
    Direction,
    Outcome,
    Relation,
)
from collector_desk.store.case_priority import case_priority
from collector_desk.store.queue_query import QueueSpec, ordering, where
from collector_desk.store.schema import (
    CardAccount,
    Case,
    CaseFlagRow,
    Contact,
    ContactPoint,
    Customer,
    Note,
    Payment,
    Promise,
)


@dataclass(frozen=True, slots=True)
class QueueRow:
    case_id: int
    case_ref: str
    customer_name: str
    time_zone: str
    bucket: str
    dpd: int
    currency: str
    overdue_minor: int
    balance_minor: int
    priority: int
    last_contact_at: datetime | None
    last_outcome: Outcome | None
    next_action: str | None
    next_action_at: datetime | None
    promise_status: PromiseStatus | None
    flags: tuple[CaseFlag, ...]


@dataclass(frozen=True, slots=True)
class AccountView:
    account_ref: str
    card_last4: str
    product: str
    currency: str
    credit_limit_minor: int
    balance_minor: int
    overdue_minor: int
    minimum_due_minor: int
    dpd: int
    bucket: str
    due_date: date


@dataclass(frozen=True, slots=True)
class ContactPointView:
    id: int
    kind: ContactPointKind
    value: str
    relation: Relation
    holder_name: str | None
    status: ContactPointStatus
    preferred: bool


@dataclass(frozen=True, slots=True)
class ContactView:
    started_at: datetime
    channel: Channel
    direction: Direction
    outcome: Outcome
    note: str


@dataclass(frozen=True, slots=True)
class PromiseView:
    currency: str
    amount_minor: int
    due_date: date
    status: PromiseStatus
    paid_minor: int


@dataclass(frozen=True, slots=True)
class PaymentView:
    paid_at: datetime
    currency: str
    amount_minor: int
    source: str


@dataclass(frozen=True, slots=True)
class CaseDetail:
    case_id: int
    case_ref: str
    status: CaseStatus
    segment: str
    bucket: str
    dpd: int
    currency: str
    overdue_minor: int
    balance_minor: int
    priority: int
    customer_ref: str
    customer_name: str
    national_id: str
    preferred_language: str
    time_zone: str
    flags: tuple[CaseFlag, ...]
    accounts: tuple[AccountView, ...]
    contact_points: tuple[ContactPointView, ...]
    contacts: tuple[ContactView, ...]
    promises: tuple[PromiseView, ...]
    payments: tuple[PaymentView, ...]
    notes: tuple[str, ...]
    # why the case stands where it does, now: (component, points), e.g. ("callback_due", 40)
    priority_parts: tuple[tuple[str, int], ...] = ()


HISTORY_LIMIT = 100
DEFAULT_SPEC = QueueSpec()


def _queue_row(r, flags) -> QueueRow:
    return QueueRow(
        case_id=r.id,
        case_ref=r.case_ref,
        customer_name=r.full_name,
        time_zone=r.time_zone,
        bucket=r.bucket,
        dpd=r.max_dpd,
        currency=r.currency,
        overdue_minor=r.overdue_minor,
        balance_minor=r.balance_minor,
        priority=r.priority,
        last_contact_at=r.last_contact_at,
        last_outcome=r.last_outcome,
        next_action=r.next_action,
        next_action_at=r.next_action_at,
        promise_status=r.promise_status,
        flags=tuple(flags),
    )


def _newest(session: Session, query, case_column, case_id: int, time_column) -> list:
    """The case's most recent HISTORY_LIMIT rows of one history, newest first."""
    query = query.where(case_column == case_id).order_by(time_column.desc()).limit(HISTORY_LIMIT)
    return list(session.scalars(query).all())


class CaseQueue:
    """The cases assigned to one user, read a window at a time for a given view."""

    def __init__(
        self,
        engine: Engine,
        user_id: int,
        zone: ZoneInfo,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.engine = engine
        self.user_id = user_id
        self.zone = zone  # the collector's: "today" in the views is their day
        self.clock = clock

    def _where(self, spec: QueueSpec):
        return where(spec, self.user_id, self.clock(), self.zone)

    def count(self, spec: QueueSpec = DEFAULT_SPEC) -> int:
        with self.engine.connect() as conn:
            query = select(func.count()).select_from(Case).where(self._where(spec))
            return conn.scalar(query) or 0

    def ids(self, spec: QueueSpec, offset: int, limit: int, total: int | None = None) -> list[int]:
        """Case ids at [offset, offset + limit) of the view, walking the index from the nearer end.

        Only the index is read here (no row, no join), which is what keeps a jump to row
        900,000 of a million in tens of milliseconds.
        """
        if total is None:
            total = self.count(spec)
        if offset >= total or limit <= 0:
            return []
        limit = min(limit, total - offset)
        from_end = total - (offset + limit)
        reverse = from_end < offset
        query = (
            select(Case.id)
            .where(self._where(spec))
            .order_by(*ordering(spec, reverse=reverse))
            .offset(from_end if reverse else offset)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            found = list(conn.scalars(query))
        return found[::-1] if reverse else found

    def window(
        self, spec: QueueSpec, offset: int, limit: int, total: int | None = None
    ) -> list[QueueRow]:
        return self.rows(self.ids(spec, offset, limit, total))

    def rows(self, ids: list[int]) -> list[QueueRow]:
        """The queue rows for these case ids, in the order given."""
        if not ids:
            return []
        query = (
            select(Case, Customer.full_name, Customer.time_zone)
            .join(Customer, Customer.id == Case.customer_id)
            .where(Case.id.in_(ids), Case.assigned_to == self.user_id)
        )
        with self.engine.connect() as conn:
            found = {r.id: r for r in conn.execute(query)}
            flags: dict[int, list[CaseFlag]] = {}
            for case_id, flag in conn.execute(
                select(CaseFlagRow.case_id, CaseFlagRow.flag)
                .where(CaseFlagRow.case_id.in_(ids))
                .order_by(CaseFlagRow.case_id, CaseFlagRow.flag)
            ):
                flags.setdefault(case_id, []).append(flag)
        return [_queue_row(found[i], flags.get(i, ())) for i in ids if i in found]

    def detail(self, case_id: int) -> CaseDetail | None:
        with Session(self.engine) as conn:
            row = conn.execute(
                select(Case, Customer)
                .join(Customer, Customer.id == Case.customer_id)
                .where(Case.id == case_id, Case.assigned_to == self.user_id)
            ).first()
            if row is None:
                return None
            case, customer = row
            flags = conn.scalars(
                select(CaseFlagRow.flag)
                .where(CaseFlagRow.case_id == case_id)
                .order_by(CaseFlagRow.flag)
            ).all()
            accounts = conn.scalars(
                select(CardAccount)
                .where(CardAccount.customer_id == customer.id)
                .order_by(CardAccount.dpd.desc(), CardAccount.id)
            ).all()
            points = conn.scalars(
                select(ContactPoint)
                .where(ContactPoint.customer_id == customer.id)
                .order_by(ContactPoint.id)
            ).all()
            contacts = _newest(conn, select(Contact), Contact.case_id, case_id, Contact.started_at)
            promises = _newest(conn, select(Promise), Promise.case_id, case_id, Promise.due_date)
            payments = _newest(conn, select(Payment), Payment.case_id, case_id, Payment.paid_at)
            notes = _newest(conn, select(Note.body), Note.case_id, case_id, Note.recorded_at)
            priority = case_priority(conn, case, self.clock())
        return CaseDetail(
            case_id=case.id,
            case_ref=case.case_ref,
            status=case.status,
            segment=case.segment,
            bucket=case.bucket,
            dpd=case.max_dpd,
            currency=case.currency,
            overdue_minor=case.overdue_minor,
            balance_minor=case.balance_minor,
            priority=case.priority,
            customer_ref=customer.customer_ref,
            customer_name=customer.full_name,
            national_id=customer.national_id,
            preferred_language=customer.preferred_language,
            time_zone=customer.time_zone,
            flags=tuple(flags),
            accounts=tuple(
                AccountView(
                    a.account_ref,
                    a.card_last4,
                    a.product,
                    a.currency,
                    a.credit_limit_minor,
                    a.balance_minor,
                    a.overdue_minor,
                    a.minimum_due_minor,
                    a.dpd,
                    a.bucket,
                    a.due_date,
                )
                for a in accounts
            ),
            contact_points=tuple(
                ContactPointView(
                    p.id, p.kind, p.value, p.relation, p.holder_name, p.status, p.preferred
                )
                for p in points
            ),
            contacts=tuple(
                ContactView(c.started_at, c.channel, c.direction, c.outcome, c.note)
                for c in contacts
            ),
            promises=tuple(
                PromiseView(p.currency, p.amount_minor, p.due_date, p.status, p.paid_minor)
                for p in promises
            ),
            payments=tuple(
                PaymentView(p.paid_at, p.currency, p.amount_minor, p.source) for p in payments
            ),
            notes=tuple(notes),
            priority_parts=priority.components,
        )
