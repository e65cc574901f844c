"""Bring an allocation file's lines into the central store: all of it, or none of it.

A bank's daily file holds hundreds of thousands of lines, so nothing here goes a line at a
time through the ORM: the checked lines stream into a staging table (COPY on PostgreSQL,
executemany on SQLite), the checks that need the whole file or the store run as a few set-based
queries over it, and the merge is a handful of INSERT ... SELECT and UPDATE ... FROM statements,
all in one transaction. The same statements run on both databases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, bindparam, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import TextClause

from collector_desk.config.loaders import default_bucket_scheme
from collector_desk.domain.allocation import COLUMNS, AllocationLine, CellError
from collector_desk.domain.buckets import BucketScheme
from collector_desk.domain.cases import STOP_FLAGS, CaseStatus, Role
from collector_desk.domain.contacts import ContactPointStatus, Relation
from collector_desk.domain.progress import StageProgress
from collector_desk.store.central import change_notice
from collector_desk.store.central.import_scoring import score_touched
from collector_desk.store.central.staging import BATCH, bulk, rows_of, temp_table, temp_table_as
from collector_desk.store.shared.types import UTCDateTime

MAX_ERRORS = 1_000  # a report names this many problems at most; the count goes on
CHARGED_OFF_DPD = 180
WORK_MEM = "256MB"
TEMP_BUFFERS = "512MB"


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


AMOUNTS = tuple(f"{c}_minor" for c in ("credit_limit", "balance", "overdue", "minimum_due"))
# what an account line sets on its card account, in the staging table's order
ACCOUNT_FIGURES = ("card_last4", "product", "currency", *AMOUNTS, "dpd", "bucket", "due_date")
# the file's columns up to the account, then its figures (amounts in minor units)
STAGE_COLUMNS = (
    "line",
    *COLUMNS[: COLUMNS.index("account_ref") + 1],
    *ACCOUNT_FIGURES,
    "policy_pack",
    "region",
)
_INTEGERS = {"line", *AMOUNTS}


def _stage_type(column: str, postgres: bool) -> str:
    if column in _INTEGERS:
        return "BIGINT"
    if column == "dpd":
        return "INTEGER"
    if column == "due_date":
        return "DATE" if postgres else "TEXT"  # SQLite's Date column holds ISO text
    return "TEXT"


def stage_row(number: int, line: AllocationLine, scheme: BucketScheme, postgres: bool) -> tuple:
    """A checked line as the staging table's row (STAGE_COLUMNS): plain values, so a worker
    process that checked the line can hand it back cheaply."""
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
        line.region,
    )


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
    postgres = engine.dialect.name == "postgresql"
    staged = (stage_row(number, line, scheme, postgres) for number, line in lines)
    return import_staged(engine, staged, now, progress)


def _roomier_session(conn: Connection) -> None:
    """Memory for this transaction's sorts and hashes (the server's default, 4 MB, sends a
    sort of a million lines to disk) and for its temporary tables (8 MB by default, evicted to
    temporary files at every pass over the staged lines): 10 to 15 seconds of a million-line
    import. PostgreSQL takes temp_buffers only before a session's first temporary table; a
    pooled connection that had one keeps its size."""
    conn.exec_driver_sql(f"SET LOCAL work_mem = '{WORK_MEM}'")
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(f"SET LOCAL temp_buffers = '{TEMP_BUFFERS}'")
    except DBAPIError:
        pass


def import_staged(
    engine: Engine,
    staged: Iterable[tuple],
    now: datetime,
    progress: StageProgress | None = None,
) -> ImportSummary:
    """import_allocation for lines already made stage rows (stage_row, for this engine)."""
    scheme = default_bucket_scheme()
    with engine.begin() as conn:
        postgres = conn.dialect.name == "postgresql"
        if postgres:
            _roomier_session(conn)
        body = ", ".join(f"{c} {_stage_type(c, postgres)}" for c in STAGE_COLUMNS)
        temp_table(conn, "import_lines", f"({body}, PRIMARY KEY (line))")
        count = bulk(conn, "import_lines", STAGE_COLUMNS, _counted(staged, progress, "reading"))
        if progress is not None:
            progress("reading", count, count)
        # for joining a disagreeing case or customer back to its lines; the other keys are
        # joined whole, by hash (an index each cost a second at a million lines)
        for column in FIRSTS:
            conn.exec_driver_sql(f"CREATE INDEX import_lines_{column} ON import_lines ({column})")
        conn.exec_driver_sql("ANALYZE import_lines")
        for key, (columns, _) in AGREEING.items():
            temp_table_as(conn, f"import_first_{key}", _first_lines(key, columns))
            for column in (key, "line"):
                conn.exec_driver_sql(
                    f"CREATE UNIQUE INDEX import_first_{key}_{column} "
                    f"ON import_first_{key} ({column})"
                )
            conn.exec_driver_sql(f"ANALYZE import_first_{key}")
        errors = _check(conn)
        if errors:
            raise ImportRefused(errors[:MAX_ERRORS], max(0, len(errors) - MAX_ERRORS))
        try:
            return _merge(conn, scheme, now, count, progress)
        finally:
            if not postgres:
                for name in TEMP_TABLES:
                    conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")


# what every line of one case, or of one customer, must agree on, and the reason a line that
# does not is refused with
AGREEING = {
    "case_ref": (("customer_ref", "assigned_to"), "differs_within_case"),
    "customer_ref": (
        ("full_name", "national_id", "time_zone", "country"),
        "differs_within_customer",
    ),
}
# each case's and customer's first line, which speaks for them: kept as tables, asked often
FIRSTS = tuple(AGREEING)


def _first_lines(key: str, columns: tuple[str, ...]) -> str:
    """Each key's first line, and whether its lines disagree on any of `columns`: one pass
    over the lines that finds no disagreement in a good file (a join of every line to its
    first line cost 3 s a check at a million lines). NULLs disagree with nothing."""
    differs = " OR ".join(f"MIN({c}) <> MAX({c})" for c in columns)
    return (
        f"SELECT {key}, MIN(line) AS line, CASE WHEN {differs} THEN 1 ELSE 0 END AS differs "
        f"FROM import_lines GROUP BY {key}"
    )


TEMP_TABLES = (
    "import_lines",
    *(f"import_first_{key}" for key in FIRSTS),
    "import_cases",
    "import_figures",
    "import_priorities",
)


def _check(conn: Connection) -> list[CellError]:
    """The rules no single line can check: agreement within the file, users, and identity
    (a case or an account already in the store under another customer)."""
    errors: list[CellError] = []

    for key, (columns, reason) in AGREEING.items():
        # only the keys whose lines disagree are joined back to their first line
        differs = " OR ".join(f"s.{c} <> f.{c}" for c in columns)
        query = (
            f"SELECT s.line, {', '.join(f's.{c}, f.{c}' for c in columns)} "
            f"FROM import_first_{key} m JOIN import_lines s ON s.{key} = m.{key} "
            "JOIN import_lines f ON f.line = m.line "
            f"WHERE m.differs = 1 AND ({differs}) ORDER BY s.line LIMIT :cap"
        )
        for row in rows_of(conn, query, {"cap": MAX_ERRORS + 1}):
            for i, name in enumerate(columns):
                if row[1 + 2 * i] != row[2 + 2 * i]:
                    errors.append(CellError(row[0], name, reason, row[1 + 2 * i]))
    errors.extend(
        CellError(line, "account_ref", "repeated", ref)
        for line, ref in rows_of(
            conn,
            "SELECT s.line, s.account_ref FROM import_lines s "
            "JOIN (SELECT account_ref, MIN(line) AS line FROM import_lines GROUP BY account_ref "
            "HAVING COUNT(*) > 1) m ON m.account_ref = s.account_ref "
            "WHERE s.line > m.line ORDER BY s.line LIMIT :cap",
            {"cap": MAX_ERRORS + 1},
        )
    )
    roles = (Role.COLLECTOR.value, Role.TEAM_LEAD.value)
    for line, name, found, role in rows_of(
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
            for line, value in rows_of(
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
    firsts = "SELECT f.* FROM import_lines f JOIN import_first_customer_ref m ON m.line = f.line"
    conn.execute(
        text(
            "UPDATE customers SET full_name = f.full_name, national_id = f.national_id, "
            "country = f.country, time_zone = f.time_zone, "
            "preferred_language = f.preferred_language, "
            "policy_pack = COALESCE(f.policy_pack, customers.policy_pack), "
            "region = COALESCE(f.region, customers.region) "
            f"FROM ({firsts}) f WHERE customers.customer_ref = f.customer_ref"
        )
    )
    conn.execute(
        _now(
            "INSERT INTO customers (customer_ref, full_name, national_id, preferred_language, "
            "country, time_zone, policy_pack, region, created_at) "
            "SELECT f.customer_ref, f.full_name, f.national_id, f.preferred_language, f.country, "
            f"f.time_zone, f.policy_pack, f.region, :now FROM ({firsts}) f "
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
    new, updated, moved = _cases_of(conn)
    _figures(conn, scheme)
    step(4)
    score_touched(conn, now, progress)
    step(5)
    _write_cases(conn, now)
    step(6)
    _bucket_history(conn, scheme, now)
    step(7)
    tx = "pg_current_xact_id()::text::bigint" if conn.dialect.name == "postgresql" else "0"
    moved_case = "i.existed = 1 AND i.old_user IS DISTINCT FROM i.user_id"
    conn.execute(
        _now(
            "INSERT INTO changes (tx, case_id, user_id, previous_user_id, team_id, "
            f"previous_team_id, at) SELECT {tx}, c.id, i.user_id, "
            f"CASE WHEN {moved_case} THEN i.old_user END, i.team_id, "
            f"CASE WHEN {moved_case} THEN i.old_team END, :now "
            "FROM import_cases i JOIN cases c ON c.case_ref = i.case_ref ORDER BY i.line"
        ),
        {"now": now},
    )
    change_notice.notify_everyone(conn)
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
            f"JOIN import_first_customer_ref m ON m.customer_ref = w.customer_ref "
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
    figures = ACCOUNT_FIGURES
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


def _cases_of(conn: Connection) -> tuple[int, int, int]:
    """Which case each line's case is, whose, and whether the store knows it yet; returns
    (new, updated, moved)."""
    temp_table_as(
        conn,
        "import_cases",
        "SELECT f.case_ref, f.line, cu.id AS customer_id, u.id AS user_id, u.team_id AS team_id, "
        "c.id AS case_id, c.assigned_to AS old_user, c.team_id AS old_team, "
        "CASE WHEN c.id IS NULL THEN 0 ELSE 1 END AS existed "
        "FROM import_lines f JOIN import_first_case_ref m ON m.line = f.line "
        "JOIN customers cu ON cu.customer_ref = f.customer_ref "
        "JOIN users u ON u.username = f.assigned_to "
        "LEFT JOIN cases c ON c.case_ref = f.case_ref",
    )
    conn.exec_driver_sql("CREATE UNIQUE INDEX import_cases_line ON import_cases (line)")
    conn.exec_driver_sql("ANALYZE import_cases")
    ((new, updated, moved),) = rows_of(
        conn,
        "SELECT COALESCE(SUM(1 - existed), 0), COALESCE(SUM(existed), 0), "
        "COALESCE(SUM(CASE WHEN existed = 1 AND old_user IS DISTINCT FROM user_id "
        "THEN 1 ELSE 0 END), 0) FROM import_cases",
        {},
    )
    return int(new), int(updated), int(moved)


def _figures(conn: Connection, scheme: BucketScheme) -> None:
    """Each touched case's queue columns from all of its customer's accounts (the figures
    case_totals gives one case), in a table the cases are then written from once."""
    bucket, bucket_params = _cases(scheme, "label", lambda i, b: b.label)
    segment, segment_params = _cases(scheme, "segment", lambda i, b: b.segment.value)
    temp_table_as(
        conn,
        "import_figures",
        "SELECT t.line, t.max_dpd, t.overdue, t.balance, fa.currency, "
        f"{bucket.format(dpd='t.max_dpd')} AS bucket, "
        f"{segment.format(dpd='t.max_dpd')} AS segment, "
        "COALESCE(cu.policy_pack, cu.country) AS policy_pack, cu.time_zone "
        "FROM (SELECT i.line, i.customer_id, MAX(a.dpd) AS max_dpd, "
        "SUM(a.overdue_minor) AS overdue, SUM(a.balance_minor) AS balance, "
        "MIN(a.id) AS first_account FROM import_cases i "
        "JOIN card_accounts a ON a.customer_id = i.customer_id "
        "GROUP BY i.line, i.customer_id) t "
        "JOIN card_accounts fa ON fa.id = t.first_account "
        "JOIN customers cu ON cu.id = t.customer_id",
        **bucket_params,
        **segment_params,
    )
    conn.exec_driver_sql("CREATE UNIQUE INDEX import_figures_line ON import_figures (line)")
    conn.exec_driver_sql("ANALYZE import_figures")


FIGURES = "max_dpd, overdue_minor, balance_minor, currency, bucket, segment, policy_pack, time_zone"
# the same columns from import_figures, named as in cases
FIGURES_FROM = (
    "f.max_dpd, f.overdue AS overdue_minor, f.balance AS balance_minor, f.currency, f.bucket, "
    "f.segment, f.policy_pack, f.time_zone"
)


def _write_cases(conn: Connection, now: datetime) -> None:
    """New cases inserted and known ones updated, each row written once with its collector,
    figures and priority: on PostgreSQL every rewrite of a case also rewrites its indexes."""
    conn.execute(
        _now(
            "INSERT INTO cases (case_ref, customer_id, assigned_to, team_id, status, "
            f"{FIGURES}, priority, opened_at, assigned_at, version, blocked) "
            "SELECT i.case_ref, i.customer_id, i.user_id, i.team_id, :open, "
            f"{FIGURES_FROM}, p.priority, :now, :now, 1, :no FROM import_cases i "
            "JOIN import_figures f ON f.line = i.line "
            "JOIN import_priorities p ON p.line = i.line "
            "WHERE i.existed = 0 ORDER BY i.line"
        ),
        {"open": CaseStatus.OPEN.value, "now": now, "no": False},
    )
    flags = ", ".join(f":flag_{i}" for i in range(len(STOP_FLAGS)))
    assignments = ", ".join(f"{c} = k.{c}" for c in FIGURES.split(", "))
    conn.execute(
        _now(
            "UPDATE cases SET assigned_at = CASE WHEN cases.assigned_to IS DISTINCT FROM "
            "k.user_id THEN :now ELSE cases.assigned_at END, "
            f"assigned_to = k.user_id, team_id = k.team_id, {assignments}, "
            "priority = k.priority, blocked = EXISTS (SELECT 1 FROM case_flags g "
            f"WHERE g.case_id = cases.id AND g.flag IN ({flags})) "
            "FROM (SELECT i.case_id, i.user_id, i.team_id, "
            f"{FIGURES_FROM}, "
            "p.priority FROM import_cases i JOIN import_figures f ON f.line = i.line "
            "JOIN import_priorities p ON p.line = i.line WHERE i.existed = 1) k "
            "WHERE cases.id = k.case_id"
        ),
        {"now": now, **{f"flag_{i}": f.value for i, f in enumerate(sorted(STOP_FLAGS))}},
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
            "SELECT c.id, :now, c.max_dpd FROM import_cases i "
            "JOIN cases c ON c.case_ref = i.case_ref WHERE i.existed = 0 ORDER BY i.line"
        ),
        {"now": now},
    )
    conn.execute(
        _now(
            "INSERT INTO bucket_history (case_id, changed_at, max_dpd) "
            "SELECT c.id, :now, c.max_dpd FROM import_cases i JOIN cases c ON c.id = i.case_id "
            f"WHERE i.existed = 1 AND COALESCE({rank.format(dpd=last)}, -1) <> "
            f"{rank.format(dpd='c.max_dpd')} ORDER BY i.line"
        ),
        {**params, "now": now},
    )
