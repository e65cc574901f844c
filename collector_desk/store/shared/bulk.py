"""Bulk loading for seeding and imports: executemany on the driver, not one ORM object a row.

Rows must already be in the database's representation (see types.sqlite_datetime_text); this is
what lets a million cases load in minutes instead of hours.
"""

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, inspect


def insert_rows(
    conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> int:
    # the table as the database has it: a seed may be written at an older, shared revision
    known = {column["name"] for column in inspect(conn).get_columns(table)}
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise KeyError(f"{table} has no columns {unknown}")
    batch = list(rows)
    if not batch:
        return 0
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    conn.exec_driver_sql(sql, batch)
    return len(batch)
