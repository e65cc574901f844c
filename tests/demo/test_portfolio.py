import hashlib
import sqlite3
import statistics
from collections import Counter

import phonenumbers
import pytest

from collector_desk.config.loaders import default_bucket_scheme
from collector_desk.demo.names import _ID_CHECK, _ID_WEIGHTS
from collector_desk.demo.portfolio import TABLE_COLUMNS, DemoOptions, build_demo_portfolio
from tests.conftest import FIXED_NOW

MONEY_COLUMNS = {
    "card_accounts": ("credit_limit_minor", "balance_minor", "overdue_minor", "minimum_due_minor"),
    "cases": ("overdue_minor", "balance_minor"),
    "promises": ("amount_minor", "paid_minor"),
    "payments": ("amount_minor",),
}


@pytest.fixture
def db(demo_portfolio):
    conn = sqlite3.connect(f"file:{demo_portfolio}?mode=ro", uri=True)
    yield conn
    conn.close()


def _fingerprint(path) -> str:
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for table in TABLE_COLUMNS:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def test_same_seed_gives_the_same_portfolio_and_another_seed_does_not(tmp_path):
    a = build_demo_portfolio(tmp_path / "a.sqlite", DemoOptions(cases=200, seed=3, now=FIXED_NOW))
    b = build_demo_portfolio(tmp_path / "b.sqlite", DemoOptions(cases=200, seed=3, now=FIXED_NOW))
    c = build_demo_portfolio(tmp_path / "c.sqlite", DemoOptions(cases=200, seed=4, now=FIXED_NOW))
    assert _fingerprint(a) == _fingerprint(b)
    assert _fingerprint(a) != _fingerprint(c)


def test_a_big_portfolio_made_by_worker_processes_is_the_one_made_inline(tmp_path, monkeypatch):
    """Above a size, chunks of cases are made by worker processes while this one writes them;
    the seed must still give the same portfolio, chunk boundaries included, and every index."""
    from collector_desk.demo import portfolio

    options = DemoOptions(cases=230, seed=3, now=FIXED_NOW, chunk=50)
    inline = build_demo_portfolio(tmp_path / "inline.sqlite", options)
    monkeypatch.setattr(portfolio, "INLINE_CASES", 100)
    worker = build_demo_portfolio(tmp_path / "worker.sqlite", options)
    assert _fingerprint(worker) == _fingerprint(inline)
    indexes = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
    with sqlite3.connect(inline) as a, sqlite3.connect(worker) as b:
        assert a.execute(indexes).fetchall() == b.execute(indexes).fetchall()
        assert len(a.execute(indexes).fetchall()) > 10  # built again after the load


def test_money_is_stored_as_integers_everywhere(db):
    for table, columns in MONEY_COLUMNS.items():
        for column in columns:
            kinds = {k for (k,) in db.execute(f"SELECT DISTINCT typeof({column}) FROM {table}")}
            assert kinds <= {"integer"}, f"{table}.{column} holds {kinds}"


def test_buckets_are_weighted_to_the_early_stages(db):
    counts = Counter(dict(db.execute("SELECT bucket, count(*) FROM cases GROUP BY bucket")))
    total = sum(counts.values())
    assert counts["M1"] > counts["M2"] > counts["M3"] > counts["M6+"]
    assert 0.35 < counts["M1"] / total < 0.55
    early = sum(n for (n,) in db.execute("SELECT count(*) FROM cases WHERE segment = 'early'"))
    assert early / total > 0.5


def test_bucket_and_dpd_agree_on_every_case_and_account(db):
    scheme = default_bucket_scheme()
    for table, dpd in (("cases", "max_dpd"), ("card_accounts", "dpd")):
        rows = db.execute(f"SELECT {dpd}, bucket FROM {table}").fetchall()
        assert rows
        assert [(d, b) for d, b in rows if scheme.for_dpd(d).label != b] == []


def test_balances_are_log_normal_around_the_market_median(db):
    cny = [
        b for (b,) in db.execute("SELECT balance_minor FROM card_accounts WHERE currency = 'CNY'")
    ]
    median = statistics.median(cny) / 100
    assert 8_000 < median < 25_000  # configured median 15,000 yuan
    mean = statistics.fmean(cny) / 100
    assert mean > median  # right-skewed, as log-normal balances are
    assert min(cny) >= 300_00


def test_promises_are_kept_broken_partial_and_open(db):
    statuses = dict(db.execute("SELECT status, count(*) FROM promises GROUP BY status"))
    assert {"kept", "broken", "partial", "open"} <= set(statuses)
    unpaid_kept = db.execute(
        "SELECT count(*) FROM promises WHERE status = 'kept' AND paid_minor != amount_minor"
    ).fetchone()[0]
    assert unpaid_kept == 0
    paid = db.execute("SELECT sum(paid_minor) FROM promises").fetchone()[0]
    payments = db.execute("SELECT sum(amount_minor) FROM payments").fetchone()[0]
    assert paid == payments


def test_wrong_numbers_flags_and_time_zones_are_present(db):
    statuses = {s for (s,) in db.execute("SELECT DISTINCT status FROM contact_points")}
    assert {"wrong_number", "do_not_call", "valid"} <= statuses
    flags = {f for (f,) in db.execute("SELECT DISTINCT flag FROM case_flags")}
    assert {"dispute", "cease_communication", "hardship"} <= flags
    zones = {z for (z,) in db.execute("SELECT DISTINCT time_zone FROM customers")}
    assert len(zones) >= 5
    assert {"Asia/Shanghai", "America/New_York"} <= zones
    languages = {x for (x,) in db.execute("SELECT DISTINCT preferred_language FROM customers")}
    assert languages == {"zh_CN", "en_US"}


def test_phone_numbers_are_valid_e164(db):
    numbers = [
        v for (v,) in db.execute("SELECT value FROM contact_points WHERE kind != 'email' LIMIT 500")
    ]
    invalid = [n for n in numbers if not phonenumbers.is_valid_number(phonenumbers.parse(n))]
    assert len(invalid) <= len(numbers) // 100


def test_chinese_resident_ids_carry_a_valid_check_digit(db):
    ids = [v for (v,) in db.execute("SELECT national_id FROM customers WHERE country = 'CN'")]
    assert ids
    for value in ids:
        total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=True))
        assert value[17] == _ID_CHECK[total % 11]


def test_a_failed_build_leaves_the_previous_cache_untouched(tmp_path):
    path = build_demo_portfolio(tmp_path / "c.sqlite", DemoOptions(cases=50, seed=1, now=FIXED_NOW))
    before = _fingerprint(path)

    def explode(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_demo_portfolio(path, DemoOptions(cases=50, seed=2, now=FIXED_NOW, chunk=10), explode)
    assert _fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.sqlite"]


def test_stored_priority_is_what_the_store_computes_for_the_same_moment(demo_cache):
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from collector_desk.store.cache.cache_file import open_cache
    from collector_desk.store.shared.case_priority import case_priority
    from collector_desk.store.shared.schema import Case

    engine = open_cache(demo_cache)
    with Session(engine) as session:
        cases = session.scalars(select(Case)).all()
        differ = [c.id for c in cases if case_priority(session, c, FIXED_NOW).total != c.priority]
    engine.dispose()
    assert differ == []


def test_case_copies_of_zone_pack_and_stop_flags_agree_with_their_sources(db):
    mismatched = db.execute(
        "SELECT count(*) FROM cases c JOIN customers u ON u.id = c.customer_id"
        " WHERE c.time_zone != u.time_zone OR c.policy_pack != u.country"
    ).fetchone()[0]
    assert mismatched == 0
    blocked = {i for (i,) in db.execute("SELECT id FROM cases WHERE blocked")}
    stop = {
        i
        for (i,) in db.execute(
            "SELECT case_id FROM case_flags WHERE flag IN ('dispute', 'cease_communication',"
            " 'bankruptcy', 'deceased', 'legal_representation')"
        )
    }
    assert blocked == stop and blocked


def test_the_demo_team_has_three_collectors_and_each_case_history_is_its_collectors(db):
    owners = Counter(dict(db.execute("SELECT assigned_to, count(*) FROM cases GROUP BY 1")))
    assert set(owners) == {3, 4, 5}
    assert owners[3] > owners[4] + owners[5] - 10  # the demo collector keeps most of them
    strays = db.execute(
        "SELECT count(*) FROM contacts t JOIN cases c ON c.id = t.case_id"
        " WHERE t.user_id != c.assigned_to"
    ).fetchone()[0]
    assert strays == 0


def test_the_bucket_history_ends_in_each_cases_bucket(db):
    scheme = default_bucket_scheme()
    last = db.execute(
        "SELECT c.bucket, h.max_dpd, c.max_dpd FROM cases c JOIN bucket_history h"
        " ON h.case_id = c.id AND h.changed_at ="
        " (SELECT max(changed_at) FROM bucket_history WHERE case_id = c.id)"
    ).fetchall()
    assert len(last) == db.execute("SELECT count(*) FROM cases").fetchone()[0]
    assert all(scheme.for_dpd(dpd).label == bucket for bucket, dpd, _ in last)
    assert all(recorded <= now for _, recorded, now in last)
    cured = db.execute(
        "SELECT count(DISTINCT a.case_id) FROM bucket_history a JOIN bucket_history b"
        " ON b.case_id = a.case_id AND b.changed_at > a.changed_at"
        " WHERE a.max_dpd > 0 AND b.max_dpd = 0"
    )
    assert cured.fetchone()[0] > 0  # some cases were cured once, so cure rates show
