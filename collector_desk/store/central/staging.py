"""Temporary tables for one import's lines, and the fastest bulk load each database has."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, text

BATCH = 10_000


def temp_table(conn: Connection, name: str, body: str) -> None:
    """A table for this import only: dropped at commit on PostgreSQL, at the end on SQLite."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE TEMP TABLE {name} {body} ON COMMIT DROP")
    else:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
        conn.exec_driver_sql(f"CREATE TEMP TABLE {name} {body}")


def temp_table_as(conn: Connection, name: str, query: str, **params) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"CREATE TEMP TABLE {name} ON COMMIT DROP AS {query}"), params)
    else:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
        conn.execute(text(f"CREATE TEMP TABLE {name} AS {query}"), params)


def rows_of(conn: Connection, sql: str, params: dict[str, object]) -> Iterator[Sequence[Any]]:
    """A text query's rows, typed as loosely as they are: SQLAlchemy 2.1 types a text() row as
    a single column, which no unpacking survives."""
    yield from conn.execute(text(sql), params)


def bulk(conn: Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
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
