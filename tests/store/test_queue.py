import pytest
from sqlalchemy import text

from collector_desk.demo.portfolio import DEMO_COLLECTOR_ID
from collector_desk.store.cache import open_cache
from collector_desk.store.queue import CaseQueue


@pytest.fixture
def queue(demo_cache):
    engine = open_cache(demo_cache)
    yield CaseQueue(engine, DEMO_COLLECTOR_ID)
    engine.dispose()


def test_queue_counts_only_my_cases(queue):
    assert queue.count() == 600
    assert CaseQueue(queue.engine, user_id=999).count() == 0


def test_windows_follow_priority_and_join_without_gaps(queue):
    first = queue.window(0, 50)
    second = queue.window(50, 50)
    rows = first + second
    assert len({r.case_id for r in rows}) == 100
    priorities = [r.priority for r in rows]
    assert priorities == sorted(priorities, reverse=True)
    with queue.engine.connect() as conn:
        top = conn.scalar(text("SELECT max(priority) FROM cases"))
    assert rows[0].priority == top


def test_window_carries_the_case_flags(queue):
    with queue.engine.connect() as conn:
        case_id, flag = conn.execute(
            text("SELECT case_id, flag FROM case_flags ORDER BY case_id LIMIT 1")
        ).one()
    everything = queue.window(0, queue.count())
    row = next(r for r in everything if r.case_id == case_id)
    assert flag in {f.value for f in row.flags}


def test_detail_holds_the_whole_case_and_only_for_its_collector(queue):
    case_id = queue.window(0, 1)[0].case_id
    detail = queue.detail(case_id)
    assert detail is not None
    assert detail.accounts and detail.contact_points
    assert sum(a.overdue_minor for a in detail.accounts) == detail.overdue_minor
    started = [c.started_at for c in detail.contacts]
    assert started == sorted(started, reverse=True)
    assert CaseQueue(queue.engine, user_id=999).detail(case_id) is None
