from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from collector_desk.demo.portfolio import DEMO_COLLECTOR
from collector_desk.store.cache.reminders import came_due, due_counts, due_query
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import Case
from tests.conftest import FIXED_NOW


def _set_due(engine, case_id, kind, at):
    with Session(engine) as s, s.begin():
        s.execute(
            update(Case).where(Case.id == case_id).values(next_action=kind, next_action_at=at)
        )


def _my_case(engine, user_id, skip=0):
    with Session(engine) as s:
        return s.scalars(
            Case.__table__.select()
            .with_only_columns(Case.id)
            .where(Case.assigned_to == user_id, Case.status != "closed")
            .order_by(Case.id)
            .offset(skip)
            .limit(1)
        ).one()


def test_a_callback_coming_due_is_found_once_its_time_passes(engine):
    user = find_user(engine, DEMO_COLLECTOR).id
    case_id = _my_case(engine, user)
    at = FIXED_NOW + timedelta(minutes=5)
    _set_due(engine, case_id, "callback", at)
    before = came_due(engine, user, FIXED_NOW, FIXED_NOW + timedelta(minutes=4))
    assert case_id not in {i.case_id for i in before}
    after = came_due(engine, user, FIXED_NOW, FIXED_NOW + timedelta(minutes=6))
    found = [i for i in after if i.case_id == case_id]
    assert len(found) == 1 and found[0].kind == "callback" and found[0].due_at == at
    # already announced up to 6 minutes: a later check starting there does not find it again
    six, nine = FIXED_NOW + timedelta(minutes=6), FIXED_NOW + timedelta(minutes=9)
    later = came_due(engine, user, six, nine)
    assert case_id not in {i.case_id for i in later}
    counts = due_counts(engine, user, FIXED_NOW, FIXED_NOW + timedelta(minutes=6))
    assert counts["callback"] >= 1


def test_another_collectors_case_is_not_mine_to_be_reminded_of(engine):
    user = find_user(engine, DEMO_COLLECTOR).id
    with Session(engine) as s:
        theirs = s.scalars(
            Case.__table__.select().with_only_columns(Case.id).where(Case.assigned_to != user)
        ).first()
    at = FIXED_NOW + timedelta(minutes=1)
    _set_due(engine, theirs, "promise_due", at)
    found = came_due(engine, user, FIXED_NOW, FIXED_NOW + timedelta(minutes=2))
    assert theirs not in {i.case_id for i in found}


@pytest.mark.parametrize("kind", ["callback", "promise_due"])
def test_the_check_reads_the_due_index_not_every_case(engine, kind):
    statement = due_query(3, kind, FIXED_NOW, FIXED_NOW + timedelta(minutes=1))
    compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as conn:
        plan = " ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "ix_cases_open_due" in plan
    assert "SCAN cases" not in plan and "TEMP B-TREE" not in plan
