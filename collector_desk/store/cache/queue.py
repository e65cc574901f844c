"""Reads for the collector's workspace: the queue in windows, and one case in full.

They hand the UI plain frozen objects; widgets never see SQL. The queue is read a window at a
time on the (assigned_to, priority, id) index, so a million cases cost one short query per
screenful, never one per cell.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TypeVarTuple
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Engine, Select, and_, false, func, not_, select, text, tuple_
from sqlalchemy.orm import Session

from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.cases import CaseFlag, CaseStatus, PlanStatus, PromiseStatus, Role
from collector_desk.domain.contacts import (
    Channel,
    ContactPointKind,
    ContactPointStatus,
    Direction,
    Outcome,
    Relation,
)
from collector_desk.domain.messages import MessageStatus
from collector_desk.domain.names import as_chinese_surname
from collector_desk.domain.policy import Decision, open_pairs
from collector_desk.store.cache.queue_query import (
    QueueSpec,
    SortKey,
    View,
    full_text_hits,
    ordering,
    sinks_uncontactable,
    split_untouched,
    where,
)
from collector_desk.store.cache.schema import CaseSurname
from collector_desk.store.shared.case_priority import case_priority
from collector_desk.store.shared.compliance import judge_case
from collector_desk.store.shared.corrections import corrections_of
from collector_desk.store.shared.legal import LegalView, legal_view
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import (
    OPEN_CASES,
    CardAccount,
    Case,
    CaseFlagRow,
    Contact,
    ContactPoint,
    Customer,
    Message,
    Note,
    Payment,
    PlanInstallment,
    Promise,
    RepaymentPlan,
    User,
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
    policy_pack: str = "CN"
    blocked: bool = False
    # the pack's verdict, as of the read: on a call to the case, and to each of its numbers
    case_decision: Decision | None = None
    point_decisions: Mapping[int, Decision] = field(default_factory=dict)
    legal: LegalView | None = None
    as_of: datetime | None = None  # when it was read: the verdicts above are as of then


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
    opted_out: frozenset[Channel] = frozenset()  # channels its holder opted out of
    consented: frozenset[Channel] = frozenset()  # channels its holder agreed to be sent


@dataclass(frozen=True, slots=True)
class CorrectionView:
    """One correction of a contact: who made it, when, why, and the fields before and after
    (by name: outcome, note, case_id, contact_point_id; values as stored)."""

    at: datetime
    by: str  # the corrector's display name
    reason: str
    before: Mapping[str, object]
    after: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class ContactView:
    started_at: datetime
    channel: Channel
    direction: Direction
    outcome: Outcome  # as it stands now, corrected
    note: str
    id: str = ""
    user_id: int = 0  # who logged it
    corrections: tuple[CorrectionView, ...] = ()  # oldest first; the first's `before` is the log


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
class PlanView:
    status: PlanStatus
    currency: str
    total_minor: int
    waived_minor: int
    installment_count: int
    first_due_date: date
    id: str = ""
    kind: str = "plan"
    installments: tuple[tuple[int, date, int, int], ...] = ()  # seq, due, amount, paid
    approval_reasons: tuple[str, ...] = ()
    decision_reason: str | None = None


@dataclass(frozen=True, slots=True)
class MessageView:
    """A message from the case as its history shows it: the text as the customer reads it."""

    id: str
    recorded_at: datetime
    channel: Channel
    template: str
    contact_point_id: int
    status: MessageStatus
    reason: str | None
    subject: str | None
    body: str


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
    plans: tuple[PlanView, ...] = ()
    policy_pack: str = "CN"
    blocked: bool = False
    # the pack's verdict, as of the read: on a call to the case, and to each of its numbers
    case_decision: Decision | None = None
    point_decisions: Mapping[int, Decision] = field(default_factory=dict)
    legal: LegalView | None = None
    as_of: datetime | None = None  # when it was read: the verdicts above are as of then
    messages: tuple[MessageView, ...] = ()  # newest first


@dataclass(frozen=True, slots=True)
class QueueLayout:
    """A view as of one moment: disjoint parts in display order, each with its row count."""

    spec: QueueSpec
    now: datetime
    parts: tuple[tuple[ColumnElement, int], ...]
    sunk: bool  # the parts are "contactable now" then "not now"
    index_hint: str | None = None
    # a search for this Chinese surname, found on case_surnames' index (None: any other view)
    surname: str | None = None
    # the parts are clauses on case_surnames, and pages are read from it (a search by priority)
    on_surnames: bool = False

    @property
    def total(self) -> int:
        return sum(size for _, size in self.parts)

    @property
    def contactable(self) -> int | None:
        return self.parts[0][1] if self.sunk else None


PRIORITY_INDEX = "ix_cases_open_priority"
GROUPS_INDEX = "ix_cases_open_contact_groups"


_Row = TypeVarTuple("_Row")


def _hinted(query: Select[*_Row], index: str | None) -> Select[*_Row]:
    """Pin SQLite to an index the planner would not choose by itself (ignored elsewhere)."""
    if index is None:
        return query
    return query.with_hint(Case, f"INDEXED BY {index}", "sqlite")


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
        policy_pack=r.policy_pack,
        blocked=bool(r.blocked),
    )


def _newest(session: Session, query, case_column, case_id: int, time_column) -> list:
    """The case's most recent HISTORY_LIMIT rows of one history, newest first."""
    query = query.where(case_column == case_id).order_by(time_column.desc()).limit(HISTORY_LIMIT)
    return list(session.scalars(query).all())


def contact_views(session: Session, case_id: int) -> tuple[ContactView, ...]:
    """The case's contacts as they are now, newest first, each with its corrections."""
    contacts = _newest(session, select(Contact), Contact.case_id, case_id, Contact.started_at)
    corrected = corrections_of(session, [c.id for c in contacts])
    corrector_ids = {r.user_id for rows in corrected.values() for r in rows}
    names = {
        user_id: name
        for user_id, name in session.execute(
            select(User.id, User.display_name).where(User.id.in_(corrector_ids))
        )
    }
    return tuple(
        ContactView(
            c.started_at,
            c.channel,
            c.direction,
            c.outcome,
            c.note,
            c.id,
            c.user_id,
            tuple(
                CorrectionView(r.recorded_at, names.get(r.user_id, ""), r.reason, r.before, r.after)
                for r in corrected.get(c.id, [])
            ),
        )
        for c in contacts
    )


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
        self._groups: dict[tuple[str, str, bool], int] | None = None

    def layout(
        self, spec: QueueSpec = DEFAULT_SPEC, like: QueueLayout | None = None
    ) -> QueueLayout:
        """Fix the view at this moment: its parts in display order and how many rows each has.

        Ordered by priority, the cases that may be contacted now (their local hours, no stop
        flag) come first and the rest sink below them, each part still in priority order.

        like: the layout on show when only the order changes (a click on a column header). Its
        moment and its total are kept, so the view holds the same cases and only what the new
        order splits into parts is counted, never the whole view again.
        """
        known: int | None = None
        if like is not None and like.spec.sorted_by(spec.sort, spec.descending) == spec:
            now, known = like.now, like.total
        else:
            like, now = None, self.clock()
        if spec.search.strip():
            found = self._search_layout(spec, now, known, like)
            if found is not None:
                return found
        base = where(spec, self.user_id, now, self.zone)
        if not sinks_uncontactable(spec):
            parts = split_untouched(spec, self.user_id, now, self.zone) or [base]
            if known is None and spec.view is View.MY_QUEUE and not spec.search.strip():
                known = sum(self._open_groups().values())  # all my open cases: cached
            sizes: list[tuple[ColumnElement, int]] = []
            with self.engine.connect() as conn:
                for n, part in enumerate(parts, start=1):
                    if known is not None and n == len(parts):
                        size = known - sum(size for _, size in sizes)  # the rest
                    else:
                        size = self._count(conn, part, None)
                    sizes.append((part, size))
            return QueueLayout(spec, now, tuple(sizes), sunk=False)

        groups = self._open_groups()
        open_now = set(open_pairs(default_packs(), {(p, z) for p, z, _ in groups}, now))
        reachable = (
            and_(
                Case.blocked.is_(False),
                tuple_(Case.policy_pack, Case.time_zone).in_(sorted(open_now)),
            )
            if open_now
            else false()
        )
        hint = None
        if spec.view is View.MY_QUEUE:  # every open case: the cached group counts say it all
            total = sum(groups.values())
            first = sum(n for (p, z, b), n in groups.items() if not b and (p, z) in open_now)
            # the planner would pick a narrower index and read the table for every row
            hint = PRIORITY_INDEX
        else:  # a narrower view: its own filter's index finds its rows faster
            with self.engine.connect() as conn:
                total = self._count(conn, base, None) if known is None else known
                first = self._count(conn, and_(base, reachable), None)
        counted = ((and_(base, reachable), first), (and_(base, not_(reachable)), total - first))
        return QueueLayout(spec, now, counted, sunk=True, index_hint=hint)

    def _search_layout(
        self, spec: QueueSpec, now: datetime, known: int | None, like: QueueLayout | None
    ) -> QueueLayout | None:
        """A search (it looks through all my cases, whatever the view), counted on
        case_surnames, the narrow table of each case's owner, priority and surname.

        One or two Chinese characters that are the surname of some of my customers (王, 欧阳)
        find that surname's cases: counted, and paged in priority order, from case_surnames'
        index alone, however many there are. Anything else (a given name, a Western name, a
        reference, digits) is looked up in the full-text index and its hits checked on
        case_surnames, a few bytes a case where `cases` has hundreds; by priority they are
        also ordered there. Another order sorts by the cases' own column. None when nothing typed
        is a word (the caller's filter finds nothing).
        """
        surname = as_chinese_surname(spec.search)
        if surname is not None and (like is None or like.surname is not None):
            theirs = and_(CaseSurname.assigned_to == self.user_id, CaseSurname.surname == surname)
            total = known if known is not None else self._count_on_surnames(theirs)
            if total:
                return self._on_surnames(spec, now, theirs, total, surname)
        hits = full_text_hits(spec)
        if hits is None:
            return None
        # "+ 0": start from the hits, never walk my whole queue on the index
        found = and_(CaseSurname.assigned_to + 0 == self.user_id, CaseSurname.case_id.in_(hits))
        total = known if known is not None else self._count_on_surnames(found)
        return self._on_surnames(spec, now, found, total, None)

    def _count_on_surnames(self, clause) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(CaseSurname).where(clause)) or 0

    def _on_surnames(
        self, spec: QueueSpec, now: datetime, clause, total: int, surname: str | None
    ) -> QueueLayout:
        if spec.sort is SortKey.PRIORITY:
            part = ((clause, total),)
            return QueueLayout(spec, now, part, sunk=False, surname=surname, on_surnames=True)
        if surname is None:  # the full-text hits, by the cases' column
            clause = where(spec, self.user_id, now, self.zone)
        else:
            clause = and_(
                Case.assigned_to + 0 == self.user_id,
                Case.id.in_(select(CaseSurname.case_id).where(clause)),
            )
        return QueueLayout(spec, now, ((clause, total),), sunk=False, surname=surname)

    @staticmethod
    def _count(conn, clause, hint: str | None) -> int:
        return conn.scalar(_hinted(select(func.count()).select_from(Case), hint).where(clause)) or 0

    def _open_groups(self) -> dict[tuple[str, str, bool], int]:
        """My open cases counted by (pack, zone, blocked): one pass over an index in that order,
        kept until invalidate(). Logging contacts never changes these; reassignment, closing
        and flags do, and whoever applies those calls invalidate()."""
        if self._groups is None:
            query = (
                _hinted(
                    select(Case.policy_pack, Case.time_zone, Case.blocked, func.count()),
                    GROUPS_INDEX,
                )
                .where(Case.assigned_to == self.user_id, text(OPEN_CASES))
                .group_by(Case.policy_pack, Case.time_zone, Case.blocked)
            )
            with self.engine.connect() as conn:
                self._groups = {(p, z, bool(b)): n for p, z, b, n in conn.execute(query)}
        return self._groups

    def invalidate(self) -> None:
        self._groups = None

    def count(self, spec: QueueSpec = DEFAULT_SPEC) -> int:
        return self.layout(spec).total

    def ids(self, view: QueueSpec | QueueLayout, offset: int, limit: int) -> list[int]:
        """Case ids at [offset, offset + limit) of the view, part by part, each part walked on
        its index from the nearer end.

        Only the index is read here (no row, no join), which is what keeps a jump to row
        900,000 of a million in tens of milliseconds.
        """
        layout = view if isinstance(view, QueueLayout) else self.layout(view)
        found: list[int] = []
        with self.engine.connect() as conn:
            for part, size in layout.parts:
                if limit <= 0:
                    break
                if offset >= size:
                    offset -= size
                    continue
                take = min(limit, size - offset)
                found += self._slice(conn, layout, part, size, offset, take)
                limit -= take
                offset = 0
        return found

    @staticmethod
    def page_query(layout: QueueLayout, part, offset: int, take: int, reverse: bool = False):
        """The ids of one part at [offset, offset + take) in the layout's order, or of its
        mirror when reverse (offset then counts from the end)."""
        if layout.on_surnames:
            descending = layout.spec.descending != reverse
            columns = (CaseSurname.priority, CaseSurname.case_id)
            query = select(CaseSurname.case_id).where(part)
            query = query.order_by(*(c.desc() if descending else c.asc() for c in columns))
        else:
            query = (
                _hinted(select(Case.id), layout.index_hint)
                .where(part)
                .order_by(*ordering(layout.spec, reverse=reverse))
            )
        return query.offset(offset).limit(take)

    @classmethod
    def _slice(
        cls, conn, layout: QueueLayout, part, size: int, offset: int, take: int
    ) -> list[int]:
        from_end = size - (offset + take)
        reverse = from_end < offset
        query = cls.page_query(layout, part, from_end if reverse else offset, take, reverse)
        got = list(conn.scalars(query))
        return got[::-1] if reverse else got

    def window(self, view: QueueSpec | QueueLayout, offset: int, limit: int) -> list[QueueRow]:
        return self.rows(self.ids(view, offset, limit))

    def rows(self, ids: list[int]) -> list[QueueRow]:
        """The queue rows for these case ids, in the order given."""
        if not ids:
            return []
        # By id only: with "assigned_to = ?" here SQLite walks my million-case index instead of
        # looking up 200 primary keys. Whose case it is is checked on the rows found.
        query = (
            select(Case, Customer.full_name)
            .join(Customer, Customer.id == Case.customer_id)
            .where(Case.id.in_(ids))
        )
        with self.engine.connect() as conn:
            found = {r.id: r for r in conn.execute(query) if r.assigned_to == self.user_id}
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
            contacts = contact_views(conn, case_id)
            promises = _newest(conn, select(Promise), Promise.case_id, case_id, Promise.due_date)
            payments = _newest(conn, select(Payment), Payment.case_id, case_id, Payment.paid_at)
            plans = _newest(
                conn,
                select(RepaymentPlan),
                RepaymentPlan.case_id,
                case_id,
                RepaymentPlan.recorded_at,
            )
            notes = _newest(conn, select(Note.body), Note.case_id, case_id, Note.recorded_at)
            messages = _newest(conn, select(Message), Message.case_id, case_id, Message.recorded_at)
            installments: dict[str, list[tuple[int, date, int, int]]] = {}
            for i in conn.scalars(
                select(PlanInstallment)
                .where(PlanInstallment.plan_id.in_([p.id for p in plans]))
                .order_by(PlanInstallment.plan_id, PlanInstallment.seq)
            ):
                installments.setdefault(i.plan_id, []).append(
                    (i.seq, i.due_date, i.amount_minor, i.paid_minor)
                )
            steps = {k: tuple(v) for k, v in installments.items()}
            now = self.clock()
            priority = case_priority(conn, case, now)
            case_decision, point_decisions = judge_case(conn, case, now)
            legal = legal_view(conn, case, now)
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
                    p.id,
                    p.kind,
                    p.value,
                    p.relation,
                    p.holder_name,
                    p.status,
                    p.preferred,
                    frozenset(Channel(c) for c in p.opted_out or ()),
                    frozenset(Channel(c) for c in p.consented or ()),
                )
                for p in points
            ),
            contacts=contacts,
            promises=tuple(
                PromiseView(p.currency, p.amount_minor, p.due_date, p.status, p.paid_minor)
                for p in promises
            ),
            payments=tuple(
                PaymentView(p.paid_at, p.currency, p.amount_minor, p.source) for p in payments
            ),
            notes=tuple(notes),
            priority_parts=priority.components,
            plans=tuple(
                PlanView(
                    p.status,
                    p.currency,
                    p.total_minor,
                    p.waived_minor,
                    p.installment_count,
                    p.first_due_date,
                    p.id,
                    p.kind,
                    steps.get(p.id, ()),
                    tuple(p.approval_reasons or ()),
                    p.decision_reason,
                )
                for p in plans
            ),
            policy_pack=case.policy_pack,
            blocked=case.blocked,
            case_decision=case_decision,
            point_decisions=point_decisions,
            legal=legal,
            as_of=now,
            messages=tuple(
                MessageView(
                    m.id,
                    m.recorded_at,
                    m.channel,
                    m.template,
                    m.contact_point_id,
                    m.status,
                    m.reason,
                    m.subject,
                    m.body,
                )
                for m in messages
            ),
        )


@dataclass(frozen=True, slots=True)
class TeamCaseHistory:
    case_id: int
    case_ref: str
    contacts: tuple[ContactView, ...]
    names: Mapping[int, str]  # who logged each contact, by user id


def team_case_history(engine: Engine, lead: UserView, case_ref: str) -> TeamCaseHistory | None:
    """A team case's contacts, for a lead correcting one a collector logged; None if this
    cache holds no case of the lead's team (an admin: any case) with that reference."""
    with Session(engine) as session:
        case = session.scalars(select(Case).where(Case.case_ref == case_ref.strip())).first()
        if case is None or not lead.role.is_lead:
            return None
        if lead.role is not Role.ADMIN and case.team_id != lead.team_id:
            return None
        contacts = contact_views(session, case.id)
        names = {
            user_id: name
            for user_id, name in session.execute(
                select(User.id, User.display_name).where(User.id.in_({c.user_id for c in contacts}))
            )
        }
        return TeamCaseHistory(case.id, case.case_ref, contacts, names)
