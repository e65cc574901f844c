"""Each case an import touches scored by the same facts and weights as every other scoring."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Row, column, select, table, text

from collector_desk.config.loaders import default_priority_weights
from collector_desk.domain.priority import score
from collector_desk.domain.progress import StageProgress
from collector_desk.store.central.staging import BATCH, bulk, temp_table
from collector_desk.store.shared.case_priority import facts_of
from collector_desk.store.shared.schema import Case, Promise

IMPORT_CASES = table("import_cases", column("line"), column("case_id"))
IMPORT_FIGURES = table(
    "import_figures", column("line"), column("max_dpd"), column("overdue"), column("time_zone")
)


def score_touched(conn: Connection, now: datetime, progress: StageProgress | None) -> None:
    """Each touched case's priority from the same facts and weights as every other scoring
    (a new case has no contact, action or promise yet), read in batches of lines."""
    weights = default_priority_weights()
    temp_table(conn, "import_priorities", "(line BIGINT PRIMARY KEY, priority INTEGER)")
    total = conn.scalar(text("SELECT COUNT(*) FROM import_cases")) or 0
    done = 0
    # one query read a batch at a time (a server-side cursor on PostgreSQL): a query per batch
    # costs a plan and a join over every line each time, quadratic at a million lines
    touched = conn.execute(
        select(
            IMPORT_CASES.c.line,
            IMPORT_CASES.c.case_id,
            IMPORT_FIGURES.c.max_dpd,
            IMPORT_FIGURES.c.overdue.label("overdue_minor"),
            IMPORT_FIGURES.c.time_zone,
            Case.next_action,
            Case.next_action_at,
            Case.last_contact_at,
            Case.last_outcome,
        )
        .join(IMPORT_FIGURES, IMPORT_FIGURES.c.line == IMPORT_CASES.c.line)
        .outerjoin(Case, Case.id == IMPORT_CASES.c.case_id),
        execution_options={"yield_per": BATCH},  # this statement only: not the connection's
    )
    for rows in touched.partitions():
        known = [row.case_id for row in rows if row.case_id is not None]
        latest: dict[int, Row] = {}
        if known:
            for promise in conn.execute(
                select(Promise.case_id, Promise.status, Promise.due_date)
                .where(Promise.case_id.in_(known))
                .order_by(Promise.case_id, Promise.due_date)
            ):
                latest[promise.case_id] = promise  # by due date: the last one wins
        scored = [
            (
                row.line,
                score(facts_of(row, row.time_zone, latest.get(row.case_id), now), weights).total,
            )
            for row in rows
        ]
        bulk(conn, "import_priorities", ("line", "priority"), scored)
        done += len(rows)
        if progress is not None:
            progress("scoring", done, total)
    conn.exec_driver_sql("ANALYZE import_priorities")
