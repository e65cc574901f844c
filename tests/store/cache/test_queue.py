from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from collector_desk.demo.portfolio import DEMO_COLLECTOR_ID
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.cache.queue_query import QueueSpec, SortKey, View
from tests.conftest import FIXED_NOW

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def queue(demo_cache):
    engine = open_cache(demo_cache)
    yield CaseQueue(engine, DEMO_COLLECTOR_ID, SHANGHAI, clock=lambda: FIXED_NOW)
    engine.dispose()


MINE = "assigned_to = 3"  # the demo collector's cases, not the rest of the team's


def _sql(queue, query, **params):
    with queue.engine.connect() as conn:
        return conn.execute(text(query), params).all()


def test_queue_counts_only_my_cases(queue):
    # the demo team: three cases in five are the demo collector's
    assert (
        queue.count()
        == 360
        == _sql(queue, "SELECT count(*) FROM cases WHERE assigned_to = 3")[0][0]
    )
    assert CaseQueue(queue.engine, 999, SHANGHAI).count() == 0


def test_windows_follow_priority_and_join_without_gaps(queue):
    spec = QueueSpec()
    rows = queue.window(spec, 0, 50) + queue.window(spec, 50, 50)
    assert len({r.case_id for r in rows}) == 100
    priorities = [r.priority for r in rows]
    assert priorities == sorted(priorities, reverse=True)
    assert rows[0].priority == _sql(queue, f"SELECT max(priority) FROM cases WHERE {MINE}")[0][0]


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [True, False])
def test_pages_read_from_either_end_agree_with_one_full_read(queue, sort, descending):
    spec = QueueSpec(sort=sort, descending=descending)
    total = queue.count(spec)
    everything = queue.ids(spec, 0, total)
    assert len(everything) == len(set(everything)) == total
    for offset in (0, 120, 290, total - 37, total - 200):
        assert queue.ids(spec, offset, 25) == everything[offset : offset + 25]


def test_views_hold_what_their_names_say(queue):
    def ids(view):
        spec = QueueSpec.for_view(view)
        return set(queue.ids(spec, 0, queue.count(spec)))

    end_of_today = "2026-11-28 16:00:00"  # midnight in Shanghai, in UTC
    callbacks = {
        i
        for (i,) in _sql(
            queue,
            f"SELECT id FROM cases WHERE {MINE}"
            " AND next_action = 'callback' AND next_action_at < :end",
            end=end_of_today,
        )
    }
    assert ids(View.CALLBACKS_DUE) == callbacks and callbacks
    broken = {
        i for (i,) in _sql(queue, f"SELECT id FROM cases WHERE {MINE} AND promise_status='broken'")
    }
    assert ids(View.BROKEN_PROMISES) == broken and broken
    cutoff = (FIXED_NOW - timedelta(days=7)).strftime("%Y-%m-%d %H:%M:%S")
    untouched = {
        i
        for (i,) in _sql(
            queue,
            f"SELECT id FROM cases WHERE {MINE}"
            " AND (last_contact_at IS NULL OR last_contact_at < :cutoff)",
            cutoff=cutoff,
        )
    }
    assert ids(View.UNTOUCHED) == untouched
    assert ids(View.ALL) == ids(View.MY_QUEUE)  # the demo has no closed cases
    assert ids(View.PROMISES_DUE_TODAY) <= {
        i
        for (i,) in _sql(queue, f"SELECT id FROM cases WHERE {MINE} AND next_action='promise_due'")
    }


def test_search_finds_by_name_reference_card_and_phone(queue):
    case_id, name, customer_ref = _sql(
        queue,
        "SELECT c.id, u.full_name, u.customer_ref FROM cases c"
        " JOIN customers u ON u.id = c.customer_id ORDER BY c.id LIMIT 1",
    )[0]
    (last4,) = _sql(queue, "SELECT card_last4 FROM card_accounts WHERE customer_id = 1")[0]
    (phone,) = _sql(
        queue, "SELECT value FROM contact_points WHERE customer_id = 1 AND kind = 'mobile' LIMIT 1"
    )[0]

    def found(typed):
        spec = QueueSpec().searching(typed)
        return queue.ids(spec, 0, queue.count(spec))

    assert case_id in found(name)
    assert case_id in found(name[:1])
    assert found(customer_ref) == [case_id]
    assert case_id in found(last4)
    national = phone[3:] if phone.startswith("+86") else phone[2:]
    spaced = f"{national[:3]} {national[3:7]} {national[7:]}"
    assert case_id in found(spaced)
    assert found("zzzz-no-such-customer") == []
    # punctuation and FTS5 operators are plain text, never query syntax
    assert found('"*)(^') == []
    assert isinstance(found('NOT "a" OR NEAR('), list)


def test_detail_holds_the_whole_case_and_only_for_its_collector(queue):
    case_id = queue.window(QueueSpec(), 0, 1)[0].case_id
    detail = queue.detail(case_id)
    assert detail is not None
    assert detail.accounts and detail.contact_points
    assert sum(a.overdue_minor for a in detail.accounts) == detail.overdue_minor
    started = [c.started_at for c in detail.contacts]
    assert started == sorted(started, reverse=True)
    assert CaseQueue(queue.engine, 999, SHANGHAI).detail(case_id) is None


def test_cases_that_may_not_be_contacted_now_sink_below_the_rest(queue):
    from collector_desk.config.policy_packs import default_packs
    from collector_desk.domain.contacts import Channel
    from collector_desk.domain.policy import Attempt, CaseState, may_contact

    layout = queue.layout(QueueSpec())
    assert layout.sunk
    rows = queue.window(layout, 0, layout.total)
    packs = default_packs()
    verdicts = [
        may_contact(
            packs[r.policy_pack],
            Attempt(Channel.CALL),
            CaseState(ZoneInfo(r.time_zone), blocked=r.blocked),
            [],
            FIXED_NOW,
        ).allowed
        for r in rows
    ]
    reachable = layout.contactable
    # 10:30 in Shanghai is 21:30 in New York: those customers, and stop-flagged ones, sink
    assert 0 < reachable < layout.total
    assert verdicts == [True] * reachable + [False] * (layout.total - reachable)
    assert any(r.time_zone == "America/New_York" for r in rows[reachable:])
    for part in (rows[:reachable], rows[reachable:]):
        priorities = [r.priority for r in part]
        assert priorities == sorted(priorities, reverse=True)
    # a page that straddles the two parts is the same as the full read
    assert queue.ids(layout, reachable - 5, 10) == [
        r.case_id for r in rows[reachable - 5 : reachable + 5]
    ]


def test_other_orders_and_searches_do_not_sink(queue):
    assert not queue.layout(QueueSpec(sort=SortKey.OVERDUE)).sunk
    assert not queue.layout(QueueSpec().searching("王")).sunk


def _plan(queue, statement) -> str:
    compiled = statement.compile(queue.engine, compile_kwargs={"literal_binds": True})
    with queue.engine.connect() as conn:
        return " ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))


@pytest.mark.parametrize("view", [View.CALLBACKS_DUE, View.PROMISES_DUE_TODAY])
def test_the_due_views_are_counted_and_paged_on_their_own_index(queue, view):
    from sqlalchemy import func, select

    from collector_desk.store.shared.schema import Case

    layout = queue.layout(QueueSpec.for_view(view))
    assert not layout.sunk and (layout.total or view is View.PROMISES_DUE_TODAY)
    ((part, size),) = layout.parts
    count = _plan(queue, select(func.count()).select_from(Case).where(part))
    assert "USING COVERING INDEX ix_cases_open_due" in count
    page = _plan(queue, queue.page_query(layout, part, 0, 200))
    assert "USING COVERING INDEX ix_cases_open_due" in page and "TEMP B-TREE" not in page
    # sorted by priority, the view sinks what may not be called now: counted on the index too
    sunk = queue.layout(QueueSpec.for_view(view).sorted_by(SortKey.PRIORITY, True))
    assert sunk.sunk and sunk.total == size
    reachable = _plan(queue, select(func.count()).select_from(Case).where(sunk.parts[0][0]))
    assert "USING COVERING INDEX ix_cases_open_due" in reachable


@pytest.mark.parametrize("view", list(View))
@pytest.mark.parametrize("search", ["", "王", "1"])
def test_a_new_order_kept_from_the_view_on_show_holds_the_same_cases(queue, view, search):
    shown = queue.layout(QueueSpec.for_view(view).searching(search))
    for sort in SortKey:
        for descending in (True, False):
            spec = shown.spec.sorted_by(sort, descending)
            resorted = queue.layout(spec, like=shown)
            fresh = queue.layout(spec)
            assert resorted.total == fresh.total
            assert [size for _, size in resorted.parts] == [size for _, size in fresh.parts]
            assert queue.ids(resorted, 0, resorted.total) == queue.ids(fresh, 0, fresh.total)
            shown = resorted
