"""Bring a database to the schema this version of Collector Desk expects for its side, or
refuse to.

An older database is upgraded in place. A database written by a newer Collector Desk carries a
revision we do not know: we refuse before writing anything, so the newer app can still open it.

The history is shared up to revision 0009, when desks and the central store held the same
tables; from there each side (schema_version.Side) has a branch of its own that leaves it only
its own tables. A database of the release before the split upgrades along its side's branch.
"""

import importlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData

from collector_desk.store.shared.schema import NAMING, SIDE_KEY, Base
from collector_desk.store.shared.schema_version import SchemaTooNew, Side, sqlite_file_revision

__all__ = ["SchemaTooNew", "Side", "sqlite_file_revision"]  # re-exported for callers

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SHARED_VERSIONS = MIGRATIONS / "versions"

# Tables the model does not describe: SQLite's full-text index and its shadow tables.
UNMODELLED_PREFIXES = ("case_search",)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Keep autogenerate and schema comparisons away from tables created by raw SQL."""
    return not (type_ == "table" and name and name.startswith(UNMODELLED_PREFIXES))


def side_metadata(side_name: str) -> MetaData:
    """The tables a database of this side holds: the shared ones and its own."""
    metadata = MetaData(naming_convention=NAMING)
    for table in Base.metadata.sorted_tables:
        if table.info.get(SIDE_KEY, side_name) == side_name:
            copy = table.to_metadata(metadata)
            # a shared table may carry an index only one side needs (schema.DESK_ONLY)
            other_sides = {
                i.name for i in table.indexes if i.info.get(SIDE_KEY, side_name) != side_name
            }
            copy.indexes -= {i for i in copy.indexes if i.name in other_sides}
    return metadata


def side_named(name: str) -> Side:
    """The side called name, its models loaded: for Alembic's command line (-x side=...)."""
    module = importlib.import_module(f"collector_desk.store.{name}.schema")
    return getattr(module, name.upper())


def alembic_config(side: Side, connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    locations = dict.fromkeys([str(SHARED_VERSIONS), str(side.versions)])
    cfg.set_main_option("version_locations", os.pathsep.join(locations))
    cfg.attributes["connection"] = connection
    cfg.attributes["side"] = side
    return cfg


def script_directory(side: Side) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(side))


def head_revision(side: Side) -> str:
    head = script_directory(side).get_current_head()
    assert head is not None, "the migration history is empty"
    return head


def known_revisions(side: Side) -> set[str]:
    return {rev.revision for rev in script_directory(side).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def refuse_if_newer(revision: str | None, side: Side) -> None:
    if revision is not None and revision not in known_revisions(side):
        raise SchemaTooNew(revision)


# Alembic's `op` and `context` are process-wide: two migrations running at once on two
# threads (the demo upgrades a desk's copy while its central store is opened) would send one's
# operations to the other's connection. One migration at a time, whichever the database.
_ONE_MIGRATION_AT_A_TIME = threading.Lock()


def _migrate(engine: Engine, step: Callable[[Connection], None]) -> None:
    """Run a migration step; on SQLite with foreign keys off around it, as Alembic's batch mode
    needs when it rebuilds a table others refer to, and checked again before they come back."""
    with _ONE_MIGRATION_AT_A_TIME:
        _migrate_alone(engine, step)


def _migrate_alone(engine: Engine, step: Callable[[Connection], None]) -> None:
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


def upgrade(engine: Engine, side: Side, revision: str | None = None) -> None:
    """Upgrade to revision, by default the side's head."""
    with engine.connect() as conn:
        current = current_revision(conn)
    refuse_if_newer(current, side)
    if revision is None and current == side.head:
        return  # the usual start: nothing to do, and no reason to check every foreign key

    def step(conn: Connection) -> None:
        refuse_if_newer(current_revision(conn), side)
        command.upgrade(alembic_config(side, conn), revision or _target(side))

    _migrate(engine, step)


def _target(side: Side) -> str:
    return side.head if side.versions == SHARED_VERSIONS else side.target


def downgrade(engine: Engine, side: Side, revision: str) -> None:
    """For developers, tests and the demo's desk copies: the app itself only moves forward."""
    _migrate(engine, lambda conn: command.downgrade(alembic_config(side, conn), revision))
