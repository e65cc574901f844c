"""Which schema a cache file carries, read without loading Alembic.

Alembic and its template engine cost a third of a second to import; a cache that is already at
SCHEMA_HEAD (every start but the first after an update) is opened without them.
"""

import sqlite3
from pathlib import Path

# The newest migration's revision; tests/store/shared/test_migrations.py keeps it equal
# to Alembic's.
SCHEMA_HEAD = "0009"


class SchemaTooNew(RuntimeError):
    """The database was written by a newer version; it is left untouched."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"this database has schema revision {revision}, which this version of "
            "Collector Desk does not know; it was left untouched. Update Collector Desk."
        )
        self.revision = revision


def sqlite_file_revision(path: Path) -> str | None:
    """Read the revision of a SQLite file without opening it for writing (no WAL switch)."""
    if not path.exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return revision_of(conn)
    finally:
        conn.close()


def revision_of(conn) -> str | None:
    """The revision recorded in an open DB-API connection (SQLite or SQLCipher)."""
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if row is None:
        return None
    found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return found[0] if found else None
