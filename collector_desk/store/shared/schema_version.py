"""Which schema a database carries, read without loading Alembic, and which side it is for.

Alembic and its template engine cost a third of a second to import; a cache that is already at
its side's head (every start but the first after an update) is opened without them.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two kinds of database: a desk's cache or the central store.

    Both share the migrations up to the split (store/shared/migrations/versions); from there
    each side has a branch of its own, labelled with its name, in its own folder.
    """

    name: str  # "cache" or "central": the Alembic branch label and the tables' SIDE_KEY
    versions: Path  # this side's branch of migrations
    head: str  # its newest revision; tests/store/shared/test_migrations.py checks it

    @property
    def target(self) -> str:
        return f"{self.name}@head"


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


# The history both sides share, up to the split: the demo writes its portfolio here, and each
# copy of it then upgrades along its own side's branch.
SHARED_HISTORY = Side("shared", Path(__file__).resolve().parent / "migrations" / "versions", "0009")
