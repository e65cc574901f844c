"""The long poll for changes, as the desk and IT see it: a clear answer at once when there is
news or the request is wrong, a bounded wait otherwise, a refusal (not a hang) when full."""

import pytest

from collector_desk.domain.cases import Role
from collector_desk.store.central.change_notice import EVERYONE, Notice
from collector_desk.store.shared.people import UserView
from tests.live_central import seed_cases

CHANGES = "/api/v1/sync/changes"


def _cursor(live, desk, username="bob"):
    client = desk(username)
    client.sync()
    from collector_desk.store.cache import local_sync

    return client, local_sync.cursor(client.engine)


def _ask(live, client, timeout=10, **params):
    return live.http.get(
        CHANGES,
        params=params,
        headers={"Authorization": f"Bearer {client.token}"},
        timeout=timeout,
    )


def test_news_in_scope_is_answered_at_once_and_none_after_the_wait(live, desk):
    bob, cursor = _cursor(live, desk)
    assert _ask(live, bob, cursor=cursor, wait=0).json() == {"changed": False}
    seed_cases(live.engine, "carol", 1, start=30)  # another team's: not bob's news
    assert _ask(live, bob, cursor=cursor, wait=0).json() == {"changed": False}
    seed_cases(live.engine, "bob", 1, start=40)
    assert _ask(live, bob, cursor=cursor, wait=30).json() == {"changed": True}
    bob.sync()  # pulled: nothing newer than the new cursor
    assert _ask(live, bob, cursor=_cursor(live, desk)[1], wait=0).json() == {"changed": False}


def test_a_wrong_request_is_answered_at_once_and_changes_nothing(live, desk):
    bob, cursor = _cursor(live, desk)
    assert live.http.get(CHANGES, params={"cursor": cursor}).status_code == 401
    assert _ask(live, bob, cursor="not-a-cursor").json() == {"error": "reset"}
    other_store = "00000000-0000-4000-8000-000000000000.1.1"
    assert _ask(live, bob, cursor=other_store).status_code == 409
    assert _ask(live, bob, cursor=cursor, wait=31).status_code == 422  # past what proxies allow
    assert _ask(live, bob, cursor=cursor, wait=-1).status_code == 422


def test_past_the_bound_on_waiters_the_answer_is_busy_with_a_time_to_come_back(live, desk):
    bob, cursor = _cursor(live, desk)
    live.app.state.change_feed.max_waiters = 0
    answer = _ask(live, bob, cursor=cursor, wait=5)
    assert answer.status_code == 503 and answer.json() == {"error": "busy"}
    assert int(answer.headers["Retry-After"]) > 0


def test_one_user_cannot_hold_more_than_a_few_waiting(live, desk):
    import concurrent.futures

    from collector_desk.server.change_feed import MAX_PER_USER

    bob, cursor = _cursor(live, desk)
    with concurrent.futures.ThreadPoolExecutor(MAX_PER_USER + 1) as pool:
        waiting = [
            pool.submit(_ask, live, bob, cursor=cursor, wait=3) for _ in range(MAX_PER_USER + 1)
        ]
        codes = sorted(f.result().status_code for f in waiting)
    assert codes == [200] * MAX_PER_USER + [503]


def _user(role, id_=7, team=3):
    return UserView(id_, "x", "X", role, "Asia/Shanghai", team)


@pytest.mark.parametrize(
    ("notice", "collector", "lead", "other_lead"),
    [
        (Notice(frozenset({7}), frozenset({3})), True, True, False),
        (Notice(frozenset({8}), frozenset({3})), False, True, False),  # a colleague's case
        (Notice.parse(Notice(frozenset({1, 7}), frozenset({3, 4})).text()), True, True, False),
        (EVERYONE, True, True, True),
        (Notice.parse("garbage"), True, True, True),  # unreadable: everyone looks once
    ],
)
def test_a_notice_concerns_the_desks_whose_scope_it_touches(notice, collector, lead, other_lead):
    assert notice.concerns(_user(Role.COLLECTOR)) is collector
    assert notice.concerns(_user(Role.TEAM_LEAD, id_=2)) is lead
    assert notice.concerns(_user(Role.TEAM_LEAD, id_=2, team=9)) is other_lead
    assert notice.concerns(_user(Role.ADMIN, id_=1, team=None))


def test_a_notice_too_long_for_postgresql_becomes_one_for_everyone():
    many = Notice(frozenset(range(100_000, 103_000)), frozenset())
    assert many.text() == "*" and Notice.parse(many.text()) == EVERYONE


@pytest.mark.parametrize("central_url", ["postgres"], indirect=True)
def test_a_case_moved_by_an_allocation_import_wakes_the_waiting_desk(live, desk, tmp_path):
    """The import writes its change log in bulk; its NOTIFY (for everyone) wakes the long poll
    well before the wait runs out (without it the answer would come at 30 s)."""
    import threading
    import time

    from collector_desk.config.resources import resource
    from collector_desk.server.imports import import_allocation_file

    sample = resource("samples", "allocation.csv")
    import_allocation_file(live.engine, sample)
    bob, cursor = _cursor(live, desk)
    answer = {}

    def wait_for_news():
        started = time.monotonic()
        answer["json"] = _ask(live, bob, cursor=cursor, wait=30, timeout=40).json()
        answer["took"] = time.monotonic() - started

    waiting = threading.Thread(target=wait_for_news)
    waiting.start()
    deadline = time.monotonic() + 10
    while not live.app.state.change_feed.listening.is_set() and time.monotonic() < deadline:
        time.sleep(0.05)
    moved = tmp_path / "moved.csv"
    text = sample.read_text(encoding="utf-8").replace("K200000002,alice", "K200000002,bob")
    moved.write_text(text, encoding="utf-8")
    import_allocation_file(live.engine, moved)
    waiting.join(timeout=40)
    assert answer["json"] == {"changed": True}
    assert answer["took"] < 20


@pytest.mark.parametrize("central_url", ["postgres"], indirect=True)
def test_news_held_back_by_an_older_transaction_is_answered_when_that_one_ends(live, desk):
    """A pull cannot read a change while an older transaction still runs (it might commit a
    change numbered before it); the long poll answers once a pull can, not at its deadline."""
    import threading
    import time

    from sqlalchemy import text

    bob, cursor = _cursor(live, desk)
    with live.engine.connect() as older:
        older.execute(text("SELECT pg_current_xact_id()"))  # a transaction number, held open
        seed_cases(live.engine, "bob", 1, start=70)
        answer = {}

        def wait_for_news():
            started = time.monotonic()
            answer["json"] = _ask(live, bob, cursor=cursor, wait=30, timeout=40).json()
            answer["took"] = time.monotonic() - started

        waiting = threading.Thread(target=wait_for_news)
        waiting.start()
        time.sleep(1.0)
        assert "json" not in answer  # not readable yet: still waiting
        older.rollback()
    waiting.join(timeout=40)
    assert answer["json"] == {"changed": True}
    assert answer["took"] < 20
