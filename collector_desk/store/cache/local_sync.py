"""The desktop cache's side of sync: what waits in the outbox, and taking in pulled cases.

Pulled cases replace the local copies whole, in one transaction with the new cursor, except
that facts still waiting in the outbox are never deleted: they are this desktop's, and the
server will have them once the push lands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import Engine, Select, column, delete, select, table, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus
from collector_desk.store.cache import search
from collector_desk.store.cache.outbox import client_id
from collector_desk.store.cache.schema import Draft, OutboxMutation, SyncIssue
from collector_desk.store.shared.rows import from_json
from collector_desk.store.shared.schema import (
    Base,
    Case,
    CaseFlagRow,
    Contact,
    ContactCorrection,
    LegalCase,
    Message,
    Note,
    Payment,
    PlanInstallment,
    Promise,
    RepaymentPlan,
    SyncState,
)

CURSOR_KEY = "pull_cursor"
# How far an unfinished first sync got: the last case id taken in and the bound it pages up
# to, so a restart goes on from the next page instead of starting over.
FIRST_SYNC_KEY = "first_sync_progress"
# Parents first for inserting; children first for deleting.
SNAPSHOT_TABLES = (
    "customers",
    "card_accounts",
    "contact_points",
    "cases",
    "case_flags",
    "contacts",
    "contact_corrections",
    "messages",
    "promises",
    "payments",
    "notes",
    "repayment_plans",
    "plan_installments",
    "legal_cases",
)
CASE_FACTS = (
    LegalCase,
    PlanInstallment,
    RepaymentPlan,
    Note,
    Payment,
    Promise,
    Message,
    ContactCorrection,
    Contact,
    CaseFlagRow,
)
ID_BATCH = 10_000


LAST_SYNC_KEY = "last_synced_at"
SANDBOX_KEY = "sandbox"  # a practice cache: made-up customers, never pushed anywhere


def mark_sandbox(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        session.merge(SyncState(key=SANDBOX_KEY, value="1"))


def is_sandbox(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.scalar(select(SyncState.value).where(SyncState.key == SANDBOX_KEY)) == "1"


def my_client_id(engine: Engine) -> str:
    with Session(engine) as session, session.begin():
        return client_id(session)


def pending(engine: Engine, limit: int) -> list[OutboxMutation]:
    with Session(engine) as session:
        rows = session.scalars(
            select(OutboxMutation).order_by(OutboxMutation.mutation_id).limit(limit)
        ).all()
        session.expunge_all()
        return list(rows)


def acknowledge(
    engine: Engine, last_applied: int, results: Iterable[tuple[int, str, str | None]], now: datetime
) -> None:
    """Drop what the server has recorded; keep each rejection, with its reason, for the user."""
    rejected = {i: reason for i, status, reason in results if status == "rejected"}
    with Session(engine) as session, session.begin():
        for mutation in session.scalars(
            select(OutboxMutation).where(OutboxMutation.mutation_id <= last_applied)
        ):
            if mutation.mutation_id in rejected:
                session.merge(
                    SyncIssue(
                        mutation_id=mutation.mutation_id,
                        name=mutation.name,
                        args=mutation.args,
                        reason=rejected[mutation.mutation_id] or "rejected",
                        recorded_at=now,
                    )
                )
            session.delete(mutation)


def note_failure(engine: Engine, error: str) -> None:
    with Session(engine) as session, session.begin():
        for mutation in session.scalars(
            select(OutboxMutation).order_by(OutboxMutation.mutation_id).limit(1)
        ):
            mutation.attempts += 1
            mutation.last_error = error[:500]


def cursor(engine: Engine) -> str | None:
    with Session(engine) as session:
        found = session.get(SyncState, CURSOR_KEY)
        return None if found is None else found.value


def first_sync_progress(engine: Engine) -> tuple[int, str] | None:
    """Where an unfinished first sync goes on: (after_case, bound), or None."""
    with Session(engine) as session:
        found = session.get(SyncState, FIRST_SYNC_KEY)
    if found is None:
        return None
    after_case, _, bound = found.value.partition(" ")
    return int(after_case), bound


def _pending_fact_ids(session: Session) -> set[str]:
    ids: set[str] = set()
    args: dict[str, Any]  # mypy reads select() of a JSON column as a select of nothing
    for args in session.scalars(select(OutboxMutation.args)):
        for key in ("contact_id", "promise_id", "message_id", "id"):
            if isinstance(args.get(key), str):
                ids.add(args[key])
    return ids


def take_in(
    engine: Engine,
    cases: Sequence[dict],
    removed: Sequence[int],
    new_cursor: str | None,
    people: dict | None = None,
    progress: tuple[int, str] | None = None,
) -> None:
    """Replace local copies of these cases, remove those that left scope, move the cursor:
    all in one transaction, so a crash leaves the cache at the old cursor or the new one.
    A page of a first sync (no cursor yet) records its progress, (after_case, bound), in the
    same transaction; the cursor that ends a first sync clears it."""
    with Session(engine) as session, session.begin():
        keep = _pending_fact_ids(session)
        conn = session.connection()
        for table in ("teams", "users"):
            rows = [from_json(table, row) for row in (people or {}).get(table, [])]
            if rows:
                _upsert(conn, table, rows)
        case_ids = [snapshot["cases"][0]["id"] for snapshot in cases]
        for start in range(0, len(case_ids), 500):  # a page at a time: few, large statements
            chunk = case_ids[start : start + 500]
            for model in CASE_FACTS:
                _delete_case_rows(session, model, chunk, keep)
        for table in SNAPSHOT_TABLES:
            rows = [
                from_json(table, row)
                for snapshot in cases
                for row in snapshot.get(table, [])
                if row.get("id") not in keep
            ]
            if rows:
                _upsert(conn, table, rows)
        _reindex(conn, cases)
        _remove_cases(session, keep, removed)
        if new_cursor is not None:
            session.merge(SyncState(key=CURSOR_KEY, value=new_cursor))
            session.execute(delete(SyncState).where(SyncState.key == FIRST_SYNC_KEY))
        elif progress is not None:
            after_case, bound = progress
            session.merge(SyncState(key=FIRST_SYNC_KEY, value=f"{after_case} {bound}"))


def forget_cursor(engine: Engine) -> None:
    """Start over: no cursor, and no first sync half done."""
    with Session(engine) as session, session.begin():
        session.execute(delete(SyncState).where(SyncState.key.in_((CURSOR_KEY, FIRST_SYNC_KEY))))


def _delete_case_rows(
    session: Session, model, case_ids: Sequence[int] | Select, keep: set[str]
) -> None:
    """Delete the model's rows of these cases (ids, or a select of them), but those in keep.
    Bulk deletes: nothing is loaded, so the session has nothing to synchronise."""
    bulk = {"synchronize_session": False}
    if model is PlanInstallment:
        plans = select(RepaymentPlan.id).where(RepaymentPlan.case_id.in_(case_ids))
        query = delete(PlanInstallment).where(PlanInstallment.plan_id.in_(plans))
        session.execute(query, execution_options=bulk)
        return
    query = delete(model).where(model.case_id.in_(case_ids))
    if hasattr(model, "id") and keep:
        query = query.where(model.id.not_in(keep))
    session.execute(query, execution_options=bulk)


def _upsert(conn, table_name: str, rows: list[dict]) -> None:
    table = Base.metadata.tables[table_name]
    keys = [c.name for c in table.primary_key.columns]
    statement = sqlite_insert(table)
    updates = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    conn.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates), rows)


def _remove_cases(
    session: Session, keep: set[str], ids: Iterable[int] = (), query: str | None = None, **params
) -> int:
    """Remove these cases (ids, or those the query selects) and what belongs only to them
    (their customer's data when no other case here is theirs); returns how many went. A case
    with facts still waiting to be pushed stays until they are accepted.

    Set by set, not case by case: the ids go into a temporary table and each table loses its
    rows in one statement, so removing a million cases costs a few passes over the cache
    rather than a million round trips."""
    conn = session.connection()
    _fill_ids(conn, "leaving", ids, query, params)
    conn.exec_driver_sql(
        "DELETE FROM temp.leaving WHERE NOT EXISTS "
        "(SELECT 1 FROM cases WHERE cases.id = leaving.id)"
    )
    staying = _cases_with_pending_contacts(session, keep)
    if staying:
        conn.exec_driver_sql("DELETE FROM temp.leaving WHERE id = ?", [(i,) for i in staying])
    count: int = conn.exec_driver_sql("SELECT count(*) FROM temp.leaving").scalar_one()
    if not count:
        return 0
    leaving_ids: Select = select(column("id")).select_from(table("leaving", schema="temp"))
    # The demo trims a copy at the portfolio's revision, before the cache's own tables exist.
    present: set[str] = set(
        conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars()
    )
    for model in (*CASE_FACTS, Draft):
        if model.__tablename__ in present:
            _delete_case_rows(session, model, leaving_ids, set())
    leaving = "SELECT id FROM temp.leaving"
    conn.exec_driver_sql(f"DELETE FROM case_search WHERE rowid IN ({leaving})")
    _fill_ids(
        conn, "leaving_customers", query=f"SELECT customer_id FROM cases WHERE id IN ({leaving})"
    )
    conn.exec_driver_sql(f"DELETE FROM cases WHERE id IN ({leaving})")
    conn.exec_driver_sql(  # a customer with another case here keeps their data
        "DELETE FROM temp.leaving_customers WHERE EXISTS "
        "(SELECT 1 FROM cases WHERE cases.customer_id = leaving_customers.id)"
    )
    customers = "SELECT id FROM temp.leaving_customers"
    for owned in ("contact_points", "card_accounts"):
        conn.exec_driver_sql(f"DELETE FROM {owned} WHERE customer_id IN ({customers})")
    conn.exec_driver_sql(f"DELETE FROM customers WHERE id IN ({customers})")
    return count


def _fill_ids(
    conn, name: str, ids: Iterable[int] = (), query: str | None = None, params=None
) -> None:
    """An emptied temporary table of ids, filled from ids or from query (with params)."""
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
    conn.exec_driver_sql(f"DELETE FROM temp.{name}")
    if query is not None:
        conn.execute(text(f"INSERT OR IGNORE INTO temp.{name} {query}"), params or {})
        return
    rows = ((int(i),) for i in ids)
    while batch := list(islice(rows, ID_BATCH)):
        conn.exec_driver_sql(f"INSERT OR IGNORE INTO temp.{name} VALUES (?)", batch)


def _cases_with_pending_contacts(session: Session, keep: set[str]) -> set[int]:
    pending_ids = sorted(keep)
    staying: set[int] = set()
    for start in range(0, len(pending_ids), ID_BATCH):
        batch = pending_ids[start : start + ID_BATCH]
        staying.update(session.scalars(select(Contact.case_id).where(Contact.id.in_(batch))))
    return staying


def _reindex(conn, cases: Sequence[dict]) -> None:
    """Search terms and surnames straight from the pulled cases: no reads back from the cache."""
    rows = []
    surnames = []
    for snapshot in cases:
        case = snapshot["cases"][0]
        customer = snapshot["customers"][0]
        accounts = snapshot.get("card_accounts", [])
        phones = [
            p["value"]
            for p in snapshot.get("contact_points", [])
            if p["kind"] not in ("email", "address")
        ]
        surnames.append((case["id"], customer["full_name"], case["assigned_to"], case["priority"]))
        rows.append(
            (
                case["id"],
                search.terms(
                    customer["full_name"],
                    [
                        customer["customer_ref"],
                        case["case_ref"],
                        *(a["account_ref"] for a in accounts),
                    ],
                    [a["card_last4"] for a in accounts],
                    phones,
                ),
            )
        )
    ids = [(case_id,) for case_id, _ in rows]
    if ids:
        conn.exec_driver_sql("DELETE FROM case_search WHERE rowid = ?", ids)
        search.add_terms(conn, rows)
        search.add_surnames(conn, surnames)


def set_cursor(engine: Engine, value: str) -> None:
    """Start incremental pulls from here (a cache made as a copy of the central store)."""
    with Session(engine) as session, session.begin():
        session.merge(SyncState(key=CURSOR_KEY, value=value))


def note_synced(engine: Engine, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        session.merge(SyncState(key=LAST_SYNC_KEY, value=now.isoformat()))


def last_synced(engine: Engine) -> datetime | None:
    with engine.connect() as conn:
        value = conn.scalar(select(SyncState.value).where(SyncState.key == LAST_SYNC_KEY))
    return None if value is None else datetime.fromisoformat(value)


def purge_closed(engine: Engine, now: datetime, days: int) -> int:
    """Closed cases leave this cache `days` after they closed, with their customer's data
    (the central store keeps them); one with facts still to push stays until they are."""
    cutoff = now - timedelta(days=days)
    with Session(engine) as session, session.begin():
        closed = list(
            session.scalars(
                select(Case.id).where(Case.status == CaseStatus.CLOSED, Case.closed_at < cutoff)
            )
        )
        return _remove_cases(session, _pending_fact_ids(session), closed)


def keep_own(engine: Engine, user_id: int) -> int:
    """Keep only the cases assigned to this user (a collector's scope), as a pull would."""
    with Session(engine) as session, session.begin():
        others = "SELECT id FROM cases WHERE assigned_to IS NOT :user_id"
        return _remove_cases(session, set(), query=others, user_id=user_id)


def keep_only(engine: Engine, case_ids: Iterable[int]) -> int:
    """Drop local cases the server says are not in scope (those with facts still waiting to
    be pushed stay until they are accepted); returns how many went. The comparison runs in
    SQL: a million ids in scope cost a temporary table, not a Python set."""
    with Session(engine) as session, session.begin():
        _fill_ids(session.connection(), "in_scope", case_ids)
        out_of_scope = "SELECT id FROM cases WHERE id NOT IN (SELECT id FROM temp.in_scope)"
        return _remove_cases(session, _pending_fact_ids(session), query=out_of_scope)
