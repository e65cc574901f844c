"""Bring a database to the schema this version of Collector Desk expects, or refuse to.

An older database is upgraded in place. A database written by a newer Collector Desk carries a
revision we do not know: we refuse before writing anything, so the newer app can still open it.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from collector_desk.store.shared.schema_version import SchemaTooNew, sqlite_file_revision

__all__ = ["SchemaTooNew", "sqlite_file_revision"]  # re-exported for callers of this module

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# Tables the model does not describe: SQLite's full-text index and its shadow tables.
UNMODELLED_PREFIXES = ("case_search",)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Keep autogenerate and schema comparisons away from tables created by raw SQL."""
    return not (type_ == "table" and name and name.startswith(UNMODELLED_PREFIXES))


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the migration history is empty"
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def refuse_if_newer(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNew(revision)


def _migrate(engine: Engine, step) -> None:
    """Run a migration step; on SQLite with foreign keys off around it, as Alembic's batch mode
    needs when it rebuilds a table others refer to, and checked again before they come back."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only takes effect outside a tx
            conn.commit()
        try:
            with conn.begin():
                step(conn)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("migration left rows pointing at nothing; rolled back")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.connect() as conn:
        current = current_revision(conn)
    refuse_if_newer(current)
    if revision == "head" and current == head_revision():
        return  # the usual start: nothing to do, and no reason to check every foreign key

    def step(conn: Connection) -> None:
        refuse_if_newer(current_revision(conn))
        command.upgrade(alembic_config(conn), revision)

    _migrate(engine, step)


def downgrade(engine: Engine, revision: str) -> None:
    """For developers and tests: the app itself only ever moves forward."""
    _migrate(engine, lambda conn: command.downgrade(alembic_config(conn), revision))
