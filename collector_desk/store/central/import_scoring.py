"""Each case an import touches scored by the same facts and weights as every other scoring."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import cast

from sqlalchemy import Connection, Row, column, select, table, text

from collector_desk.config.loaders import default_priority_weights
from collector_desk.domain.contacts import Outcome
from collector_desk.domain.priority import score
from collector_desk.domain.progress import StageProgress
from collector_desk.store.central.staging import BATCH, bulk, temp_table
from collector_desk.store.shared.case_priority import facts_of
from collector_desk.store.shared.schema import Case, Promise

IMPORT_CASES = table("import_cases", column("line"), column("case_id"))
IMPORT_FIGURES = table(
    "import_figures", column("line"), column("max_dpd"), column("overdue"), column("time_zone")
)


@dataclass(slots=True)
class _NewCase:
    """What scoring reads of a case the store does not know yet: its figures, and no contact,
    action or promise."""

    max_dpd: int
    overdue_minor: int
    next_action: str | None = None
    next_action_at: datetime | None = None
    last_contact_at: datetime | None = None
    last_outcome: Outcome | None = None


def score_touched(conn: Connection, now: datetime, progress: StageProgress | None) -> None:
    """Each touched case's priority from the same facts and weights as every other scoring,
    read in batches of lines (one query each, a server-side cursor on PostgreSQL: a query per
    batch costs a plan and a join over every line each time, quadratic at a million lines)."""
    temp_table(conn, "import_priorities", "(line BIGINT PRIMARY KEY, priority INTEGER)")
    total = conn.scalar(text("SELECT COUNT(*) FROM import_cases")) or 0
    done = 0
    for scored in chain(_new_cases(conn, now), _known_cases(conn, now)):
        bulk(conn, "import_priorities", ("line", "priority"), scored)
        done += len(scored)
        if progress is not None:
            progress("scoring", done, total)
    conn.exec_driver_sql("ANALYZE import_priorities")


def _new_cases(conn: Connection, now: datetime) -> Iterator[list[tuple[int, int]]]:
    """New cases have nothing but their figures, read as the driver gives them: typing each
    row of a million cost a third of this stage."""
    weights = default_priority_weights()
    found = conn.exec_driver_sql(
        "SELECT i.line, f.max_dpd, f.overdue, f.time_zone FROM import_cases i "
        "JOIN import_figures f ON f.line = i.line WHERE i.existed = 0",
        execution_options={"yield_per": BATCH},  # this statement only: not the connection's
    )
    for rows in found.partitions(BATCH):  # exec_driver_sql does not take yield_per as the size
        yield [
            (line, score(facts_of(_NewCase(dpd, overdue), zone, None, now), weights).total)
            for line, dpd, overdue, zone in cast(Sequence[tuple[int, int, int, str]], rows)
        ]


def _known_cases(conn: Connection, now: datetime) -> Iterator[list[tuple[int, int]]]:
    """Cases the store knows, with their actions, contacts and latest promise."""
    weights = default_priority_weights()
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
        .join(Case, Case.id == IMPORT_CASES.c.case_id),
        execution_options={"yield_per": BATCH},
    )
    for rows in touched.partitions():
        latest: dict[int, Row] = {}
        for promise in conn.execute(
            select(Promise.case_id, Promise.status, Promise.due_date)
            .where(Promise.case_id.in_([row.case_id for row in rows]))
            .order_by(Promise.case_id, Promise.due_date)
        ):
            latest[promise.case_id] = promise  # by due date: the last one wins
        yield [
            (
                row.line,
                score(facts_of(row, row.time_zone, latest.get(row.case_id), now), weights).total,
            )
            for row in rows
        ]
