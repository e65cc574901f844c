"""Bring an allocation file's lines into the central store: all of it, or none of it.

A bank's daily file holds hundreds of thousands of lines, so nothing here goes a line at a
time through the ORM: the checked lines stream into a staging table (COPY on PostgreSQL,
executemany on SQLite), the checks that need the whole file or the store run as a few set-based
queries over it, and the merge is a handful of INSERT ... SELECT and UPDATE ... FROM statements,
all in one transaction. The same statements run on both databases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, Row, bindparam, column, select, table, text
from sqlalchemy.sql.elements import TextClause

from collector_desk.config.loaders import default_bucket_scheme, default_priority_weights
from collector_desk.domain.allocation import AllocationLine, CellError
from collector_desk.domain.buckets import BucketScheme
from collector_desk.domain.cases import STOP_FLAGS, CaseStatus, Role
from collector_desk.domain.contacts import ContactPointStatus, Relation
from collector_desk.domain.priority import score
from collector_desk.domain.progress import StageProgress
from collector_desk.store.shared.case_priority import facts_of
from collector_desk.store.shared.schema import Case, Promise
from collector_desk.store.shared.types import UTCDateTime

BATCH = 10_000
MAX_ERRORS = 1_000  # a report names this many problems at most; the count goes on
CHARGED_OFF_DPD = 180


class ImportRefused(ValueError):
    def __init__(self, errors: list[CellError], more: int = 0) -> None:
        super().__init__(f"{len(errors) + more} problem(s)")
        self.errors = errors
        self.more = more  # problems found beyond those listed


@dataclass(frozen=True, slots=True)
class ImportSummary:
    cases_new: int
    cases_updated: int
    cases_moved: int
    accounts: int


STAGE_COLUMNS = (
    "line",
    "case_ref",
    "assigned_to",
    "customer_ref",
    "full_name",
    "national_id",
    "country",
    "time_zone",
    "preferred_language",
    "mobile",
    "home_phone",
    "email",
    "account_ref",
    "card_last4",
    "product",
    "currency",
    "credit_limit_minor",
    "balance_minor",
    "overdue_minor",
    "minimum_due_minor",
    "dpd",
    "bucket",
    "due_date",
    "policy_pack",
)
_INTEGERS = {"line", "credit_limit_minor", "balance_minor", "overdue_minor", "minimum_due_minor"}


def _stage_type(column: str, postgres: bool) -> str:
    if column in _INTEGERS:
        return "BIGINT"
    if column == "dpd":
        return "INTEGER"
    if column == "due_date":
        return "DATE" if postgres else "TEXT"  # SQLite's Date column holds ISO text
    return "TEXT"


def _stage_row(number: int, line: AllocationLine, scheme: BucketScheme, postgres: bool) -> tuple:
    phones = dict(line.phones)
    return (
        number,
        line.case_ref,
        line.assigned_to,
        line.customer_ref,
        line.full_name,
        line.national_id,
        line.country,
        line.time_zone,
        line.preferred_language,
        phones.get("mobile"),
        phones.get("home_phone"),
        line.email,
        line.account_ref,
        line.card_last4,
        line.product,
        line.currency,
        line.credit_limit_minor,
        line.balance_minor,
        line.overdue_minor,
        line.minimum_due_minor,
        line.dpd,
        scheme.for_dpd(line.dpd).label,
        line.due_date if postgres else line.due_date.isoformat(),
        line.policy_pack,
    )


def _temp_table(conn: Connection, name: str, body: str) -> None:
    """A table for this import only: dropped at commit on PostgreSQL, at the end on SQLite."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE TEMP TABLE {name} {body} ON COMMIT DROP")
    else:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
        conn.exec_driver_sql(f"CREATE TEMP TABLE {name} {body}")


def _temp_table_as(conn: Connection, name: str, query: str, **params) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"CREATE TEMP TABLE {name} ON COMMIT DROP AS {query}"), params)
    else:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
        conn.execute(text(f"CREATE TEMP TABLE {name} AS {query}"), params)


def _found(conn: Connection, sql: str, params: dict[str, object]) -> Iterator[Sequence[Any]]:
    """A text query's rows, typed as loosely as they are: SQLAlchemy 2.1 types a text() row as
    a single column, which no unpacking survives."""
    yield from conn.execute(text(sql), params)


def _bulk(conn: Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
    """Rows into a staging table the fastest way each database has; returns how many."""
    raw: Any = conn.connection.driver_connection
    count = 0
    if conn.dialect.name == "postgresql":
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        raw.executemany(sql, batch)
        count += len(batch)
    return count


def _counted(
    rows: Iterable[tuple], progress: StageProgress | None, stage: str, total: int | None = None
) -> Iterator[tuple]:
    for done, row in enumerate(rows, start=1):
        if progress is not None and done % BATCH == 0:
            progress(stage, done, total)
        yield row


def _cases(scheme: BucketScheme, column: str, of) -> tuple[str, dict[str, object]]:
    """SQL for each bucket's `of` (label, segment or rank) by days past due, with its bound
    values: the bank's bucket scheme is configuration, so it is bound, never spliced in."""
    parts, params = [], {}
    for i, bucket in enumerate(scheme.buckets):
        params[f"{column}_{i}"] = of(i, bucket)
        if bucket.max_dpd is None:
            parts.append(f"ELSE :{column}_{i}")
        else:
            params[f"{column}_max_{i}"] = bucket.max_dpd
            parts.append(f"WHEN {{dpd}} <= :{column}_max_{i} THEN :{column}_{i}")
    return "CASE " + " ".join(parts) + " END", params


def import_allocation(
    engine: Engine,
    lines: Iterable[tuple[int, AllocationLine]],
    now: datetime,
    progress: StageProgress | None = None,
) -> ImportSummary:
    """Import the lines; ImportRefused (and nothing changed) if any line breaks a rule that
    needs the whole file or the store. `lines` may raise ImportRefused after its last line
    (a parser that found bad cells): the staged lines are then dropped with the transaction."""
    scheme = default_bucket_scheme()
    with engine.begin() as conn:
        postgres = conn.dialect.name == "postgresql"
        body = ", ".join(f"{c} {_stage_type(c, postgres)}" for c in STAGE_COLUMNS)
        _temp_table(conn, "import_lines", f"({body}, PRIMARY KEY (line))")
        staged = (_stage_row(n, line, scheme, postgres) for n, line in lines)
        count = _bulk(conn, "import_lines", STAGE_COLUMNS, _counted(staged, progress, "reading"))
        if progress is not None:
            progress("reading", count, count)
        for column in ("case_ref", "customer_ref", "account_ref", "assigned_to"):
            conn.exec_driver_sql(f"CREATE INDEX import_lines_{column} ON import_lines ({column})")
        conn.exec_driver_sql("ANALYZE import_lines")
        errors = _check(conn)
        if errors:
            raise ImportRefused(errors[:MAX_ERRORS], max(0, len(errors) - MAX_ERRORS))
        try:
            return _merge(conn, scheme, now, count, progress)
        finally:
            if not postgres:
                for name in ("import_lines", "import_cases", "import_priorities"):
                    conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")


FIRST_OF = "(SELECT {key}, MIN(line) AS line FROM import_lines GROUP BY {key})"


def _check(conn: Connection) -> list[CellError]:
    """The rules no single line can check: agreement within the file, users, and identity
    (a case or an account already in the store under another customer)."""
    errors: list[CellError] = []

    def differing(key: str, columns: tuple[str, ...], reason: str) -> None:
        differs = " OR ".join(f"s.{c} <> f.{c}" for c in columns)
        query = (
            f"SELECT s.line, {', '.join(f's.{c}, f.{c}' for c in columns)} FROM import_lines s "
            f"JOIN {FIRST_OF.format(key=key)} m ON m.{key} = s.{key} "
            f"JOIN import_lines f ON f.line = m.line WHERE {differs} ORDER BY s.line LIMIT :cap"
        )
        for row in _found(conn, query, {"cap": MAX_ERRORS + 1}):
            for i, name in enumerate(columns):
                if row[1 + 2 * i] != row[2 + 2 * i]:
                    errors.append(CellError(row[0], name, reason, row[1 + 2 * i]))

    differing("case_ref", ("customer_ref", "assigned_to"), "differs_within_case")
    differing(
        "customer_ref",
        ("full_name", "national_id", "time_zone", "country"),
        "differs_within_customer",
    )
    errors.extend(
        CellError(line, "account_ref", "repeated", ref)
        for line, ref in _found(
            conn,
            "SELECT s.line, s.account_ref FROM import_lines s "
            f"JOIN {FIRST_OF.format(key='account_ref')} m ON m.account_ref = s.account_ref "
            "WHERE s.line > m.line ORDER BY s.line LIMIT :cap",
            {"cap": MAX_ERRORS + 1},
        )
    )
    roles = (Role.COLLECTOR.value, Role.TEAM_LEAD.value)
    for line, name, found, role in _found(
        conn,
        "SELECT s.line, s.assigned_to, u.id, u.role FROM import_lines s "
        "LEFT JOIN users u ON u.username = s.assigned_to "
        "WHERE u.id IS NULL OR NOT u.active OR u.wipe_requested_at IS NOT NULL "
        "OR u.role NOT IN (:collector, :lead) ORDER BY s.line LIMIT :cap",
        {"collector": roles[0], "lead": roles[1], "cap": MAX_ERRORS + 1},
    ):
        reason = "not_a_collector" if found is not None and role not in roles else "no_such_user"
        errors.append(CellError(line, "assigned_to", reason, name))
    # (the store's table, the key the line names it by, the column a refusal names)
    for known, key, named in (
        ("cases", "case_ref", "customer_ref"),
        ("card_accounts", "account_ref", "account_ref"),
    ):
        reason = "case_of_another_customer" if known == "cases" else "belongs_to_another"
        errors.extend(
            CellError(line, named, reason, value)
            for line, value in _found(
                conn,
                f"SELECT s.line, s.{named} FROM import_lines s "
                f"JOIN {known} t ON t.{key} = s.{key} "
                "JOIN customers cu ON cu.id = t.customer_id "
                "WHERE cu.customer_ref <> s.customer_ref ORDER BY s.line LIMIT :cap",
                {"cap": MAX_ERRORS + 1},
            )
        )
    return sorted(errors, key=lambda e: (e.row, e.column))


def _now(query: str) -> TextClause:
    """A statement whose :now is bound as the stores keep times (UTC; text on SQLite)."""
    return text(query).bindparams(bindparam("now", type_=UTCDateTime()))


def _merge(
    conn: Connection,
    scheme: BucketScheme,
    now: datetime,
    count: int,
    progress: StageProgress | None,
) -> ImportSummary:
    steps = 8

    def step(done: int) -> None:
        if progress is not None:
            progress("merging", done, steps)

    step(0)
    firsts = (
        "SELECT f.* FROM import_lines f "
        f"JOIN {FIRST_OF.format(key='customer_ref')} m ON m.line = f.line"
    )
    conn.execute(
        text(
            "UPDATE customers SET full_name = f.full_name, national_id = f.national_id, "
            "country = f.country, time_zone = f.time_zone, "
            "preferred_language = f.preferred_language, "
            "policy_pack = COALESCE(f.policy_pack, customers.policy_pack) "
            f"FROM ({firsts}) f WHERE customers.customer_ref = f.customer_ref"
        )
    )
    conn.execute(
        _now(
            "INSERT INTO customers (customer_ref, full_name, national_id, preferred_language, "
            "country, time_zone, policy_pack, created_at) "
            "SELECT f.customer_ref, f.full_name, f.national_id, f.preferred_language, f.country, "
            f"f.time_zone, f.policy_pack, :now FROM ({firsts}) f "
            "WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_ref = f.customer_ref) "
            "ORDER BY f.line"
        ),
        {"now": now},
    )
    step(1)
    _contact_points(conn)
    step(2)
    _accounts(conn)
    step(3)
    new, updated, moved = _cases_of(conn, now)
    step(4)
    _totals(conn, scheme)
    step(5)
    _bucket_history(conn, scheme, now)
    step(6)
    _priorities(conn, now, progress)
    step(7)
    tx = "pg_current_xact_id()::text::bigint" if conn.dialect.name == "postgresql" else "0"
    moved_case = "i.existed = 1 AND i.old_user IS DISTINCT FROM i.user_id"
    conn.execute(
        _now(
            "INSERT INTO changes (tx, case_id, user_id, previous_user_id, team_id, "
            f"previous_team_id, at) SELECT {tx}, i.case_id, i.user_id, "
            f"CASE WHEN {moved_case} THEN i.old_user END, i.team_id, "
            f"CASE WHEN {moved_case} THEN i.old_team END, :now "
            "FROM import_cases i ORDER BY i.line"
        ),
        {"now": now},
    )
    step(8)
    return ImportSummary(new, updated, moved, count)


def _contact_points(conn: Connection) -> None:
    """Each number and address not yet known for its customer, once, in file order; the first
    line's mobile is preferred for a customer who had no contact point before."""
    wanted = " UNION ALL ".join(
        f"SELECT customer_ref, '{kind}' AS kind, {kind} AS value, time_zone, line, {pos} AS pos "
        f"FROM import_lines WHERE {kind} IS NOT NULL"
        for pos, kind in enumerate(("mobile", "home_phone", "email"))
    )
    conn.execute(
        text(
            "INSERT INTO contact_points (customer_id, kind, value, relation, status, time_zone, "
            "preferred) "
            "SELECT c.id, w.kind, w.value, :relation, :status, w.time_zone, "
            "CASE WHEN w.kind = 'mobile' AND w.line = m.line AND NOT EXISTS "
            "(SELECT 1 FROM contact_points k WHERE k.customer_id = c.id) "
            "THEN :yes ELSE :no END "
            "FROM (SELECT w.*, ROW_NUMBER() OVER "
            f"(PARTITION BY customer_ref, value ORDER BY line, pos) AS nth FROM ({wanted}) w) w "
            "JOIN customers c ON c.customer_ref = w.customer_ref "
            f"JOIN {FIRST_OF.format(key='customer_ref')} m ON m.customer_ref = w.customer_ref "
            "WHERE w.nth = 1 AND NOT EXISTS (SELECT 1 FROM contact_points k "
            "WHERE k.customer_id = c.id AND k.value = w.value) ORDER BY w.line, w.pos"
        ),
        {
            "relation": Relation.SELF.value,
            "status": ContactPointStatus.UNVERIFIED.value,
            "yes": True,
            "no": False,
        },
    )


def _accounts(conn: Connection) -> None:
    figures = (
        "card_last4",
        "product",
        "currency",
        "credit_limit_minor",
        "balance_minor",
        "overdue_minor",
        "minimum_due_minor",
        "dpd",
        "bucket",
        "due_date",
    )
    charged_off = f"(s.dpd >= {CHARGED_OFF_DPD})"
    conn.execute(
        text(
            "UPDATE card_accounts SET "
            + ", ".join(f"{c} = s.{c}" for c in figures)
            + f", charged_off = {charged_off} FROM import_lines s "
            "WHERE card_accounts.account_ref = s.account_ref"
        )
    )
    conn.execute(
        text(
            f"INSERT INTO card_accounts (customer_id, account_ref, {', '.join(figures)}, "
            "opened_on, charged_off) "
            f"SELECT c.id, s.account_ref, {', '.join(f's.{c}' for c in figures)}, s.due_date, "
            f"{charged_off} FROM import_lines s "
            "JOIN customers c ON c.customer_ref = s.customer_ref "
            "WHERE NOT EXISTS (SELECT 1 FROM card_accounts a WHERE a.account_ref = s.account_ref) "
            "ORDER BY s.line"
        )
    )


def _cases_of(conn: Connection, now: datetime) -> tuple[int, int, int]:
    """New cases opened, known ones given to their collector; returns (new, updated, moved)."""
    _temp_table_as(
        conn,
        "import_cases",
        "SELECT f.case_ref, f.line, cu.id AS customer_id, u.id AS user_id, u.team_id AS team_id, "
        "c.id AS case_id, c.assigned_to AS old_user, c.team_id AS old_team, "
        "CASE WHEN c.id IS NULL THEN 0 ELSE 1 END AS existed "
        f"FROM import_lines f JOIN {FIRST_OF.format(key='case_ref')} m ON m.line = f.line "
        "JOIN customers cu ON cu.customer_ref = f.customer_ref "
        "JOIN users u ON u.username = f.assigned_to "
        "LEFT JOIN cases c ON c.case_ref = f.case_ref",
    )
    conn.exec_driver_sql("CREATE INDEX import_cases_case_ref ON import_cases (case_ref)")
    conn.execute(
        _now(
            "INSERT INTO cases (case_ref, customer_id, assigned_to, team_id, status, segment, "
            "currency, max_dpd, bucket, overdue_minor, balance_minor, priority, opened_at, "
            "assigned_at, version, policy_pack, time_zone, blocked) "
            "SELECT i.case_ref, i.customer_id, i.user_id, i.team_id, :open, '', '', 0, '', 0, 0, "
            "0, :now, :now, 1, '', '', :no FROM import_cases i WHERE i.existed = 0 ORDER BY i.line"
        ),
        {"open": CaseStatus.OPEN.value, "now": now, "no": False},
    )
    conn.execute(
        text(
            "UPDATE import_cases SET case_id = "
            "(SELECT c.id FROM cases c WHERE c.case_ref = import_cases.case_ref) "
            "WHERE existed = 0"
        )
    )
    conn.exec_driver_sql("CREATE INDEX import_cases_case_id ON import_cases (case_id)")
    conn.execute(
        _now(
            "UPDATE cases SET assigned_at = CASE WHEN cases.assigned_to IS DISTINCT FROM "
            "i.user_id THEN :now ELSE cases.assigned_at END, "
            "assigned_to = i.user_id, team_id = i.team_id "
            "FROM import_cases i WHERE cases.id = i.case_id AND i.existed = 1"
        ),
        {"now": now},
    )
    ((new, updated, moved),) = _found(
        conn,
        "SELECT COALESCE(SUM(1 - existed), 0), COALESCE(SUM(existed), 0), "
        "COALESCE(SUM(CASE WHEN existed = 1 AND old_user IS DISTINCT FROM user_id "
        "THEN 1 ELSE 0 END), 0) FROM import_cases",
        {},
    )
    return int(new), int(updated), int(moved)


def _totals(conn: Connection, scheme: BucketScheme) -> None:
    """The queue columns of each touched case from all of its customer's accounts (the same
    figures case_totals gives one case)."""
    bucket, bucket_params = _cases(scheme, "label", lambda i, b: b.label)
    segment, segment_params = _cases(scheme, "segment", lambda i, b: b.segment.value)
    flags = ", ".join(f":flag_{i}" for i in range(len(STOP_FLAGS)))
    conn.execute(
        text(
            "UPDATE cases SET max_dpd = t.max_dpd, overdue_minor = t.overdue, "
            "balance_minor = t.balance, currency = fa.currency, "
            f"bucket = {bucket.format(dpd='t.max_dpd')}, "
            f"segment = {segment.format(dpd='t.max_dpd')}, "
            "policy_pack = COALESCE(cu.policy_pack, cu.country), time_zone = cu.time_zone, "
            "blocked = EXISTS (SELECT 1 FROM case_flags g WHERE g.case_id = cases.id "
            f"AND g.flag IN ({flags})) "
            "FROM (SELECT i.case_id, i.customer_id, MAX(a.dpd) AS max_dpd, "
            "SUM(a.overdue_minor) AS overdue, SUM(a.balance_minor) AS balance, "
            "MIN(a.id) AS first_account FROM import_cases i "
            "JOIN card_accounts a ON a.customer_id = i.customer_id "
            "GROUP BY i.case_id, i.customer_id) t "
            "JOIN card_accounts fa ON fa.id = t.first_account "
            "JOIN customers cu ON cu.id = t.customer_id WHERE cases.id = t.case_id"
        ),
        {
            **bucket_params,
            **segment_params,
            **{f"flag_{i}": f.value for i, f in enumerate(sorted(STOP_FLAGS))},
        },
    )


def _bucket_history(conn: Connection, scheme: BucketScheme, now: datetime) -> None:
    """A history row for each touched case whose bucket differs from its last one recorded
    (or that has none yet), as note_bucket writes for one case."""
    rank, params = _cases(scheme, "rank", lambda i, b: i)
    last = (
        "(SELECT h.max_dpd FROM bucket_history h WHERE h.case_id = c.id "
        "ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)"
    )
    conn.execute(
        _now(
            "INSERT INTO bucket_history (case_id, changed_at, max_dpd) "
            "SELECT c.id, :now, c.max_dpd FROM import_cases i JOIN cases c ON c.id = i.case_id "
            f"WHERE COALESCE({rank.format(dpd=last)}, -1) <> {rank.format(dpd='c.max_dpd')} "
            "ORDER BY i.line"
        ),
        {**params, "now": now},
    )


IMPORT_CASES = table("import_cases", column("case_id"))


def _priorities(conn: Connection, now: datetime, progress: StageProgress | None) -> None:
    """Each touched case's priority from the same facts and weights as every other scoring,
    read and written back in batches of case ids."""
    weights = default_priority_weights()
    _temp_table(conn, "import_priorities", "(case_id BIGINT PRIMARY KEY, priority INTEGER)")
    total = conn.scalar(text("SELECT COUNT(*) FROM import_cases")) or 0
    after, done = 0, 0
    touched = IMPORT_CASES.c.case_id == Case.id
    while True:
        rows = conn.execute(
            select(
                Case.id,
                Case.max_dpd,
                Case.overdue_minor,
                Case.next_action,
                Case.next_action_at,
                Case.last_contact_at,
                Case.last_outcome,
                Case.time_zone,
            )
            .join(IMPORT_CASES, touched)
            .where(Case.id > after)
            .order_by(Case.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        latest: dict[int, Row] = {}
        for promise in conn.execute(
            select(Promise.case_id, Promise.status, Promise.due_date)
            .join(IMPORT_CASES, IMPORT_CASES.c.case_id == Promise.case_id)
            .where(Promise.case_id.between(rows[0].id, rows[-1].id))
            .order_by(Promise.case_id, Promise.due_date)
        ):
            latest[promise.case_id] = promise  # by due date: the last one wins
        after = rows[-1].id
        scored = [
            (row.id, score(facts_of(row, row.time_zone, latest.get(row.id), now), weights).total)
            for row in rows
        ]
        _bulk(conn, "import_priorities", ("case_id", "priority"), scored)
        done += len(rows)
        if progress is not None:
            progress("scoring", done, total)
    conn.execute(
        text(
            "UPDATE cases SET priority = p.priority FROM import_priorities p "
            "WHERE cases.id = p.case_id"
        )
    )
