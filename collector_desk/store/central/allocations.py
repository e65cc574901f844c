"""Bring an allocation file's lines into the central store: all of it, or none of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import default_bucket_scheme
from collector_desk.domain.allocation import AllocationLine, CellError
from collector_desk.domain.cases import STOP_FLAGS, CaseStatus, Role
from collector_desk.domain.contacts import ContactPointKind, ContactPointStatus, Relation
from collector_desk.store.central.bucket_history import note_bucket
from collector_desk.store.central.changes import record_change
from collector_desk.store.shared.case_priority import case_priority
from collector_desk.store.shared.schema import (
    CardAccount,
    Case,
    CaseFlagRow,
    ContactPoint,
    Customer,
    User,
)


class ImportRefused(ValueError):
    def __init__(self, errors: list[CellError]) -> None:
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class ImportSummary:
    cases_new: int
    cases_updated: int
    cases_moved: int
    accounts: int


def _consistency(lines: Sequence[tuple[int, AllocationLine]]) -> list[CellError]:
    errors = []
    cases: dict[str, AllocationLine] = {}
    customers: dict[str, AllocationLine] = {}
    accounts: set[str] = set()
    for number, line in lines:
        first = cases.setdefault(line.case_ref, line)
        for column in ("customer_ref", "assigned_to"):
            if getattr(first, column) != getattr(line, column):
                errors.append(CellError(number, column, "differs_within_case"))
        known = customers.setdefault(line.customer_ref, line)
        for column in ("full_name", "national_id", "time_zone", "country"):
            if getattr(known, column) != getattr(line, column):
                errors.append(CellError(number, column, "differs_within_customer"))
        if line.account_ref in accounts:
            errors.append(CellError(number, "account_ref", "repeated"))
        accounts.add(line.account_ref)
    return errors


def import_allocation(
    engine: Engine, lines: Sequence[tuple[int, AllocationLine]], now: datetime
) -> ImportSummary:
    errors = _consistency(lines)
    if errors:
        raise ImportRefused(errors)
    scheme = default_bucket_scheme()
    with Session(engine) as session, session.begin():
        users = {
            u.username: u
            for u in session.scalars(
                select(User).where(User.username.in_({line.assigned_to for _, line in lines}))
            )
        }
        for number, line in lines:
            user = users.get(line.assigned_to)
            if user is None or not user.active or user.wipe_requested_at is not None:
                errors.append(CellError(number, "assigned_to", "no_such_user", line.assigned_to))
            elif user.role not in (Role.COLLECTOR, Role.TEAM_LEAD):
                errors.append(CellError(number, "assigned_to", "not_a_collector", line.assigned_to))
        if errors:
            raise ImportRefused(errors)

        touched: dict[str, tuple[int, Customer, User]] = {}
        for number, line in lines:
            customer = session.scalars(
                select(Customer).where(Customer.customer_ref == line.customer_ref)
            ).first()
            if customer is None:
                customer = Customer(
                    customer_ref=line.customer_ref,
                    created_at=now,
                    full_name="",
                    national_id="",
                    preferred_language="",
                    country="",
                    time_zone="",
                )
                session.add(customer)
            customer.full_name, customer.national_id = line.full_name, line.national_id
            customer.country, customer.time_zone = line.country, line.time_zone
            customer.preferred_language = line.preferred_language
            if line.policy_pack is not None:
                customer.policy_pack = line.policy_pack
            session.flush()
            _numbers(session, customer, line)
            account = session.scalars(
                select(CardAccount).where(CardAccount.account_ref == line.account_ref)
            ).first()
            if account is None:
                account = CardAccount(
                    account_ref=line.account_ref, customer_id=customer.id, opened_on=line.due_date
                )
                session.add(account)
            elif account.customer_id != customer.id:
                raise ImportRefused(
                    [CellError(number, "account_ref", "belongs_to_another", line.account_ref)]
                )
            account.card_last4, account.product = line.card_last4, line.product
            account.currency, account.credit_limit_minor = line.currency, line.credit_limit_minor
            account.balance_minor, account.overdue_minor = line.balance_minor, line.overdue_minor
            account.minimum_due_minor, account.dpd = line.minimum_due_minor, line.dpd
            account.bucket, account.due_date = scheme.for_dpd(line.dpd).label, line.due_date
            account.charged_off = line.dpd >= 180
            touched[line.case_ref] = (number, customer, users[line.assigned_to])
        session.flush()

        new = updated = moved = 0
        for case_ref, (_number, customer, user) in touched.items():
            case = session.scalars(select(Case).where(Case.case_ref == case_ref)).first()
            previous_user, previous_team = None, None
            if case is None:
                case = Case(
                    case_ref=case_ref,
                    customer_id=customer.id,
                    opened_at=now,
                    status=CaseStatus.OPEN,
                    version=1,
                    priority=0,
                )
                case_totals(session, case, customer, scheme)  # before it is added: complete rows
                session.add(case)
                new += 1
            else:
                updated += 1
                if case.assigned_to != user.id:
                    previous_user, previous_team = case.assigned_to, case.team_id
                    moved += 1
            if case.assigned_to != user.id:
                case.assigned_at = now
            case.assigned_to, case.team_id = user.id, user.team_id
            case_totals(session, case, customer, scheme)
            session.flush()
            note_bucket(session, case, now, scheme)
            case.priority = case_priority(session, case, now).total
            record_change(
                session, case, now, previous_user_id=previous_user, previous_team_id=previous_team
            )
        return ImportSummary(new, updated, moved, len(lines))


def _numbers(session: Session, customer: Customer, line: AllocationLine) -> None:
    known = set(
        session.scalars(select(ContactPoint.value).where(ContactPoint.customer_id == customer.id))
    )
    wanted = [(ContactPointKind(kind), value) for kind, value in line.phones]
    if line.email:
        wanted.append((ContactPointKind.EMAIL, line.email))
    first = not known
    for kind, value in wanted:
        if value in known:
            continue
        session.add(
            ContactPoint(
                customer_id=customer.id,
                kind=kind,
                value=value,
                relation=Relation.SELF,
                status=ContactPointStatus.UNVERIFIED,
                time_zone=line.time_zone,
                preferred=first and kind is ContactPointKind.MOBILE,
            )
        )
        known.add(value)


def case_totals(session: Session, case: Case, customer: Customer, scheme) -> None:
    """The case's queue columns from all of the customer's accounts."""
    accounts = session.scalars(
        select(CardAccount).where(CardAccount.customer_id == customer.id)
    ).all()
    worst = max(a.dpd for a in accounts)
    bucket = scheme.for_dpd(worst)
    case.max_dpd, case.bucket, case.segment = worst, bucket.label, bucket.segment.value
    case.currency = accounts[0].currency
    case.overdue_minor = sum(a.overdue_minor for a in accounts)
    case.balance_minor = sum(a.balance_minor for a in accounts)
    case.policy_pack, case.time_zone = customer.policy_pack or customer.country, customer.time_zone
    flags = (
        set(session.scalars(select(CaseFlagRow.flag).where(CaseFlagRow.case_id == case.id)))
        if case.id
        else set()
    )
    case.blocked = bool(flags & STOP_FLAGS)
