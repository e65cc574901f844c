"""Searching by a surname: the right cases in priority order, whoever filled the cache (the
demo, a pull, an upgrade of an older cache), and counted without reading the cases."""

import re
import shutil
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from collector_desk.demo.portfolio import DEMO_COLLECTOR_ID
from collector_desk.domain.names import as_chinese_surname, surname
from collector_desk.store.cache import local_sync
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.cache.queue_query import QueueSpec, SortKey
from collector_desk.store.cache.schema import CACHE, CaseSurname
from collector_desk.store.shared.engine import make_engine, sqlite_url
from collector_desk.store.shared.migrate import downgrade
from collector_desk.store.shared.rows import to_json
from collector_desk.store.shared.schema import (
    CardAccount,
    Case,
    ContactPoint,
    Customer,
    Team,
    User,
)
from tests.conftest import FIXED_NOW

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_surname_is_the_first_character_two_for_a_compound_one_or_the_last_word():
    assert surname("王芳") == "王"
    assert surname("欧阳修") == "欧阳"
    assert surname("司马光") == "司马"
    assert surname("John Smith") == surname(" john SMITH ") == "smith"
    assert surname("") == ""
    assert as_chinese_surname(" 王 ") == "王"
    assert as_chinese_surname("欧阳") == "欧阳"
    for not_one in ("王芳芳", "王 芳", "Smith", "1381234", "C000000001", "", "--"):
        assert as_chinese_surname(not_one) is None


def _expected(engine, typed: str) -> list[int]:
    """What a collector means by typing a name: for a Chinese surname, my cases whose customer
    bears it; for a Western word, those with a word of their name starting with it (as the
    full-text search always found them). In the queue's priority order."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.id, c.priority, u.full_name FROM cases c"
                " JOIN customers u ON u.id = c.customer_id WHERE c.assigned_to = :me"
            ),
            {"me": DEMO_COLLECTOR_ID},
        ).all()
    if typed.isascii():
        word = typed.casefold()
        hits = [
            (priority, case_id)
            for case_id, priority, name in rows
            if any(w.startswith(word) for w in re.findall(r"[^\W_]+", name.casefold()))
        ]
    else:
        hits = [(p, case_id) for case_id, p, name in rows if surname(name) == typed]
    return [case_id for _, case_id in sorted(hits, reverse=True)]


def _common_surnames(engine) -> tuple[str, str]:
    """The commonest Chinese surname and the commonest Western one among my customers."""
    with engine.connect() as conn:
        names = conn.scalars(
            text(
                "SELECT u.full_name FROM cases c JOIN customers u ON u.id = c.customer_id"
                " WHERE c.assigned_to = :me"
            ),
            {"me": DEMO_COLLECTOR_ID},
        ).all()
    counts = Counter(surname(n) for n in names)
    chinese = next(s for s, _ in counts.most_common() if "\u3400" <= s[0] <= "\u9fff")
    western = next(s for s, _ in counts.most_common() if s.isascii())
    return chinese, western


def _found(queue: CaseQueue, typed: str, sort: SortKey = SortKey.PRIORITY) -> list[int]:
    spec = QueueSpec().searching(typed).sorted_by(sort, True)
    return queue.ids(spec, 0, queue.count(spec))


def _assert_surnames_found(engine) -> None:
    queue = CaseQueue(engine, DEMO_COLLECTOR_ID, SHANGHAI, clock=lambda: FIXED_NOW)
    chinese, western = _common_surnames(engine)
    for typed in (chinese, western, western.upper(), western[:3]):
        expected = _expected(engine, typed)
        assert len(expected) > 1
        assert _found(queue, typed) == expected
        # another order holds the same cases, sorted by the cases' own column
        by_balance = _found(queue, typed, SortKey.BALANCE)
        assert sorted(by_balance) == sorted(expected)
    # a page from the middle and one read from the far end agree with the whole
    spec = QueueSpec().searching(chinese)
    everything = queue.ids(spec, 0, queue.count(spec))
    assert queue.ids(spec, 1, 2) == everything[1:3]
    assert queue.ids(spec, len(everything) - 2, 2) == everything[-2:]


@pytest.fixture
def cache_copy(demo_cache, tmp_path):
    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    return path


def test_a_surname_finds_exactly_its_cases_in_priority_order_on_the_demos_cache(demo_cache):
    engine = open_cache(demo_cache)
    _assert_surnames_found(engine)
    engine.dispose()


def test_a_given_name_or_the_start_of_a_name_still_finds_through_the_full_text(demo_cache):
    engine = open_cache(demo_cache)
    queue = CaseQueue(engine, DEMO_COLLECTOR_ID, SHANGHAI, clock=lambda: FIXED_NOW)
    with engine.connect() as conn:
        case_id, name = conn.execute(
            text(
                "SELECT c.id, u.full_name FROM cases c JOIN customers u ON u.id = c.customer_id"
                " WHERE c.assigned_to = :me AND u.country = 'CN' ORDER BY c.id LIMIT 1"
            ),
            {"me": DEMO_COLLECTOR_ID},
        ).one()
    given = name[len(surname(name)) :]
    assert case_id in _found(queue, given)  # "芳" finds 王芳
    assert case_id in _found(queue, name)  # the full name
    assert _found(queue, "Zzyzxq") == []  # nobody's surname, nobody's name
    assert _found(queue, "鼹") == []
    engine.dispose()


def test_the_surname_count_and_page_read_no_row_of_the_cases(demo_cache):
    engine = open_cache(demo_cache)
    queue = CaseQueue(engine, DEMO_COLLECTOR_ID, SHANGHAI, clock=lambda: FIXED_NOW)
    chinese, _ = _common_surnames(engine)
    chinese, western = _common_surnames(engine)

    def plan(query) -> str:
        compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
            return " ".join(row[3] for row in rows)

    layout = queue.layout(QueueSpec().searching(chinese))
    assert layout.on_surnames and layout.total == len(_expected(engine, chinese))
    ((part, _size),) = layout.parts
    count = plan(select(func.count()).select_from(CaseSurname).where(part))
    page = plan(queue.page_query(layout, part, 0, 200))
    for read in (count, page):
        assert "USING COVERING INDEX ix_case_surnames_search" in read
        assert "TEMP B-TREE" not in read and "cases" not in read.replace("case_surnames", "")
    # a Western name goes through the full-text index; its hits are checked, and put in
    # priority order, on case_surnames, never on the cases
    layout = queue.layout(QueueSpec().searching(western))
    assert layout.on_surnames and layout.surname is None
    ((part, _size),) = layout.parts
    for read in (
        plan(select(func.count()).select_from(CaseSurname).where(part)),
        plan(queue.page_query(layout, part, 0, 200)),
    ):
        assert "case_search VIRTUAL TABLE" in read
        assert "SEARCH case_surnames USING INTEGER PRIMARY KEY" in read
        assert "cases" not in read.replace("case_surnames", "")
    engine.dispose()


def _snapshots(engine) -> tuple[list[dict], dict]:
    """Every case of the cache as a pull carries it, and the people they point to."""
    with Session(engine) as session:
        cases = []
        for case in session.scalars(select(Case).order_by(Case.id)):
            customer = session.get(Customer, case.customer_id)
            cases.append(
                {
                    "cases": [to_json(case)],
                    "customers": [to_json(customer)],
                    "card_accounts": [
                        to_json(a)
                        for a in session.scalars(
                            select(CardAccount).where(CardAccount.customer_id == customer.id)
                        )
                    ],
                    "contact_points": [
                        to_json(p)
                        for p in session.scalars(
                            select(ContactPoint).where(ContactPoint.customer_id == customer.id)
                        )
                    ],
                }
            )
        people = {
            "teams": [to_json(t) for t in session.scalars(select(Team))],
            "users": [to_json(u) for u in session.scalars(select(User))],
        }
    return cases, people


def test_a_surname_finds_exactly_its_cases_on_a_cache_filled_by_sync(demo_cache, tmp_path):
    source = open_cache(demo_cache)
    cases, people = _snapshots(source)
    source.dispose()
    engine = open_cache(tmp_path / "pulled.sqlite")
    for start in range(0, len(cases), 200):  # a page at a time, as a first sync takes them
        local_sync.take_in(engine, cases[start : start + 200], [], None, people)
    _assert_surnames_found(engine)

    # a pull that raises one case's priority moves it to the top; one that takes it away
    # removes it from the search
    chinese, _ = _common_surnames(engine)
    last = _expected(engine, chinese)[-1]
    (moved,) = [s for s in cases if s["cases"][0]["id"] == last]
    moved["cases"][0]["priority"] = 10**6
    local_sync.take_in(engine, [moved], [], None)
    assert _found(CaseQueue(engine, DEMO_COLLECTOR_ID, SHANGHAI), chinese)[0] == last
    local_sync.take_in(engine, [], [last], None)
    assert last not in _found(CaseQueue(engine, DEMO_COLLECTOR_ID, SHANGHAI), chinese)
    engine.dispose()


def test_a_contact_logged_here_reorders_the_surname_search_as_it_does_the_queue(cache_copy):
    engine = open_cache(cache_copy)
    chinese, _ = _common_surnames(engine)
    bottom = _expected(engine, chinese)[-1]
    with Session(engine) as session, session.begin():  # as a shared write path would
        session.get(Case, bottom).priority = 10**6
    assert _expected(engine, chinese)[0] == bottom
    _assert_surnames_found(engine)
    engine.dispose()


def test_an_older_cache_gets_its_surnames_from_its_cases_when_upgraded(cache_copy):
    engine = make_engine(sqlite_url(cache_copy))
    downgrade(engine, CACHE, "cache_0011")
    with engine.connect() as conn:
        tables = conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")).all()
    assert "case_surnames" not in tables
    engine.dispose()

    engine = open_cache(cache_copy)  # upgrades in place
    _assert_surnames_found(engine)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM case_surnames")) == conn.scalar(
            text("SELECT count(*) FROM cases")
        )
    engine.dispose()
