"""Cases leaving a desk's cache (out of scope, moved to a colleague, purged after closing) take
everything of theirs with them, keep what is shared or not yet pushed, and cost the same few
statements whether ten cases leave or ten thousand."""

from datetime import timedelta

from sqlalchemy import event, func, select, text, update
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, Outcome
from collector_desk.store.cache import local_sync
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.shared.schema import (
    CardAccount,
    Case,
    Contact,
    ContactPoint,
    Customer,
    Payment,
    Promise,
)
from tests.conftest import FIXED_NOW


def _case_ids(engine) -> list[int]:
    with Session(engine) as s:
        return list(s.scalars(select(Case.id).order_by(Case.id)))


def _nothing_left_behind(engine) -> None:
    """No row of a removed case or customer stays, and every reference still resolves."""
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        cases = set(conn.scalars(select(Case.id)))
        customers = set(conn.scalars(select(Case.customer_id)))
        assert set(conn.scalars(select(Customer.id))) == customers
        for model in (ContactPoint, CardAccount):
            assert set(conn.scalars(select(model.customer_id))) <= customers
        for model in (Contact, Promise, Payment):
            assert set(conn.scalars(select(model.case_id))) <= cases
        indexed = set(conn.scalars(text("SELECT rowid FROM case_search")))
        assert indexed == cases  # a removed case is no longer found by search


def test_keep_own_leaves_exactly_the_collectors_cases(engine):
    with Session(engine) as s:
        owner, own = s.execute(
            select(Case.assigned_to, func.count())
            .where(Case.assigned_to.is_not(None))
            .group_by(Case.assigned_to)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        total = s.scalar(select(func.count()).select_from(Case))
    assert 0 < own < total

    assert local_sync.keep_own(engine, owner) == total - own

    with Session(engine) as s:
        assert set(s.scalars(select(Case.assigned_to))) == {owner}
        assert s.scalar(select(func.count()).select_from(Case)) == own
    _nothing_left_behind(engine)


def test_a_customer_with_another_case_here_keeps_their_data(engine):
    kept, leaving = _case_ids(engine)[:2]
    with Session(engine) as s, s.begin():
        customer = s.get(Case, kept).customer_id
        s.execute(update(Case).where(Case.id == leaving).values(customer_id=customer))
        points = s.scalar(select(func.count()).where(ContactPoint.customer_id == customer))
    assert points

    local_sync.keep_only(engine, [kept])

    with Session(engine) as s:
        assert s.get(Case, leaving) is None
        assert s.get(Customer, customer) is not None
        assert s.scalar(select(func.count()).where(ContactPoint.customer_id == customer)) == points
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []


def test_a_case_with_a_contact_not_yet_pushed_stays_until_it_is(engine):
    first, *others = _case_ids(engine)
    with Session(engine) as s:
        customer = s.get(Case, first).customer_id
        point = s.scalars(
            select(ContactPoint.id).where(ContactPoint.customer_id == customer)
        ).first()
    log_contact(engine, 3, first, ContactEntry(Channel.CALL, Outcome.NO_ANSWER, point), FIXED_NOW)

    assert local_sync.keep_only(engine, []) == len(others)

    assert _case_ids(engine) == [first]
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Contact).where(Contact.case_id == first))
    _nothing_left_behind(engine)


def test_closed_cases_and_their_customers_leave_after_the_retention_days(engine):
    ids = _case_ids(engine)
    old, recent = ids[:200], ids[200:210]
    with Session(engine) as s, s.begin():
        for group, days in ((old, 40), (recent, 10)):
            s.execute(
                update(Case)
                .where(Case.id.in_(group))
                .values(status="closed", closed_at=FIXED_NOW - timedelta(days=days))
            )

    assert local_sync.purge_closed(engine, FIXED_NOW, 30) == len(old)

    assert _case_ids(engine) == ids[200:]
    _nothing_left_behind(engine)


def _statements_to_keep(engine, keep: list[int]) -> int:
    statements = 0

    def count(*_args) -> None:
        nonlocal statements
        statements += 1

    event.listen(engine, "before_cursor_execute", count)
    try:
        local_sync.keep_only(engine, keep)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return statements


def test_removing_many_cases_takes_no_more_statements_than_removing_a_few(engine, tmp_path):
    """Bounded per case: the work is a fixed set of statements over the cases that leave, not
    a round trip per case (which, with a million cases, never finished)."""
    ids = _case_ids(engine)
    few = _statements_to_keep(engine, ids[5:])
    assert _case_ids(engine) == ids[5:]
    many = _statements_to_keep(engine, ids[-5:])
    assert _case_ids(engine) == ids[-5:]
    assert many == few
