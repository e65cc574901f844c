from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.shared.schema import CardAccount, Team, User


@pytest.fixture
def engine(tmp_path):
    engine = open_cache(tmp_path / "cache.sqlite")
    yield engine
    engine.dispose()


def _user(created_at):
    return User(username="u1", display_name="U", role=Role.COLLECTOR, created_at=created_at)


def test_times_come_back_aware_in_utc(engine):
    beijing = timezone(timedelta(hours=8))
    with Session(engine) as s, s.begin():
        s.add(_user(datetime(2026, 3, 1, 9, 0, tzinfo=beijing)))
    with Session(engine) as s:
        stored = s.scalars(select(User.created_at)).one()
    assert stored == datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
    assert stored.tzinfo is not None


def test_naive_time_is_refused_and_nothing_is_written(engine):
    with pytest.raises(StatementError, match="naive datetime"), Session(engine) as s, s.begin():
        s.add(Team(id=1, name="A"))
        s.add(_user(datetime(2026, 3, 1, 9, 0)))  # noqa: DTZ001 - the point of the test
    with Session(engine) as s:
        assert s.scalars(select(Team)).all() == []


def test_a_float_amount_never_reaches_the_database(engine):
    with pytest.raises(StatementError, match="integer minor units"), Session(engine) as s:
        s.add(
            CardAccount(
                customer_id=1,
                account_ref="A1",
                card_last4="1234",
                product="gold",
                currency="CNY",
                credit_limit_minor=1_000_00,
                balance_minor=10.5,
                overdue_minor=0,
                minimum_due_minor=0,
                dpd=0,
                bucket="M0",
                due_date=datetime.now(UTC).date(),
                opened_on=datetime.now(UTC).date(),
            )
        )
        s.flush()
