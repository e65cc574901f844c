"""Full-text search over the local cache: a collector types a name, a reference or digits.

Each case has one row in the FTS5 table `case_search` (rowid = case id) whose terms are the
customer's name (and, for Chinese names, the given name, since the tokenizer keeps a run of
Chinese characters as one word), customer, case and account references, card last fours, and
phone digits with the suffixes people type (last 11, 10 and 4 digits). Whoever writes cases,
customers, accounts or contact points into the cache (a pull, the demo's portfolio) indexes
them in the same transaction with `add_terms`, so search never disagrees with the queue.

Each case also has a row in `case_surnames` (its customer's surname beside the case's owner and
priority, schema.CaseSurname): a search for one Chinese surname (王 is tens of thousands of
cases at a million) is counted and paged from that table's index, and the hits of any other
search are checked and ordered there instead of in `cases`. A pull writes it beside the terms
with `add_surnames`; an upgrade to cache_0012 fills it from the tables (the demo's portfolio is
written at the revision both sides share, before the table exists, so its caches are filled
there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Result, Row

from collector_desk.domain.names import surname

_CJK = re.compile(r"[\u3400-\u9fff]")
_SEPARATORS = re.compile(r"[\s\-().+]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def terms(
    name: str,
    refs: Iterable[str],
    card_last4s: Iterable[str],
    phones: Iterable[str],
) -> str:
    words = [name]
    if _CJK.match(name) and len(name) > 1:
        words.append(name[1:])  # given name: "芳" finds 王芳
    words.extend(refs)
    words.extend(card_last4s)
    for phone in phones:
        digits = "".join(ch for ch in phone if ch.isdigit())
        words.extend(dict.fromkeys((digits, digits[-11:], digits[-10:], digits[-4:])))
    return " ".join(words)


def match_expression(typed: str) -> str | None:
    """Turn what the collector typed into an FTS5 query: every word a prefix, all required.

    Digits typed with spaces or dashes ("138 1234-5678") are one number. Anything that is not
    a letter or digit is dropped, so no input can inject FTS5 syntax.
    """
    typed = typed.strip()
    if not typed:
        return None
    compact = _SEPARATORS.sub("", typed)
    if compact.isdigit():
        return f'"{compact}"*'
    words = _WORD.findall(typed)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def add_terms(conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Index cases, (case id, terms) each, that have no row in the index yet."""
    if rows:
        conn.exec_driver_sql("INSERT INTO case_search (rowid, terms) VALUES (?, ?)", list(rows))


def add_surnames(conn: Connection, rows: Sequence[tuple[int, str, int | None, int]]) -> None:
    """Record each case's surname, (case id, customer's full name, assigned_to, priority)."""
    if rows:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO case_surnames (case_id, surname, assigned_to, priority)"
            " VALUES (?, ?, ?, ?)",
            [(case_id, surname(name), owner, priority) for case_id, name, owner, priority in rows],
        )


def rebuild_surnames(conn: Connection, batch: int = 50_000) -> int:
    """Record the surname of every case from the tables (after an upgrade, or to heal)."""
    conn.exec_driver_sql("DELETE FROM case_surnames")
    done, after = 0, 0
    while True:
        chunk: Sequence[Row[int, str, int | None, int]] = conn.exec_driver_sql(
            "SELECT c.id, u.full_name, c.assigned_to, c.priority FROM cases c"
            " JOIN customers u ON u.id = c.customer_id WHERE c.id > ? ORDER BY c.id LIMIT ?",
            (after, batch),
        ).fetchall()
        if not chunk:
            return done
        add_surnames(conn, [(i, name, owner, priority) for i, name, owner, priority in chunk])
        done += len(chunk)
        after = chunk[-1][0]


def rebuild(conn: Connection, batch: int = 20_000) -> int:
    """Index every case from the tables (after an upgrade, or to heal a drifted index)."""
    conn.exec_driver_sql("DELETE FROM case_search")
    # raw SQL: the annotations say what each SELECT returns
    cases: Sequence[Row[int, str, int, str, str]] = conn.exec_driver_sql(
        "SELECT c.id, c.case_ref, u.id, u.full_name, u.customer_ref FROM cases c"
        " JOIN customers u ON u.id = c.customer_id ORDER BY c.id"
    ).fetchall()
    done = 0
    for start in range(0, len(cases), batch):
        chunk = cases[start : start + batch]
        customer_ids = sorted({row[2] for row in chunk})
        marks = ",".join("?" * len(customer_ids))
        accounts: dict[int, list[tuple[str, str]]] = {}
        found: Result[int, str, str] = conn.exec_driver_sql(
            f"SELECT customer_id, account_ref, card_last4 FROM card_accounts"
            f" WHERE customer_id IN ({marks})",
            tuple(customer_ids),
        )
        for customer_id, ref, last4 in found:
            accounts.setdefault(customer_id, []).append((ref, last4))
        numbers: dict[int, list[str]] = {}
        points: Result[int, str] = conn.exec_driver_sql(
            f"SELECT customer_id, value FROM contact_points"
            f" WHERE kind != 'email' AND kind != 'address' AND customer_id IN ({marks})",
            tuple(customer_ids),
        )
        for customer_id, value in points:
            numbers.setdefault(customer_id, []).append(value)
        rows = [
            (
                case_id,
                terms(
                    name,
                    [customer_ref, case_ref, *(ref for ref, _ in accounts.get(customer_id, []))],
                    [last4 for _, last4 in accounts.get(customer_id, [])],
                    numbers.get(customer_id, []),
                ),
            )
            for case_id, case_ref, customer_id, name, customer_ref in chunk
        ]
        add_terms(conn, rows)
        done += len(rows)
    return done
