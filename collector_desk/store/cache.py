"""The local cache: one SQLite file per signed-in user, always at the current schema."""

from pathlib import Path

from sqlalchemy import Engine

from collector_desk.store.engine import make_engine, sqlite_url
from collector_desk.store.schema_version import SCHEMA_HEAD, sqlite_file_revision


def open_cache(path: Path) -> Engine:
    """Open (creating or upgrading in place) the cache at path.

    A cache written by a newer Collector Desk raises SchemaTooNew before anything touches the
    file: not even the switch to WAL mode, which would rewrite its header.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    revision = sqlite_file_revision(path)
    if revision == SCHEMA_HEAD:
        return make_engine(sqlite_url(path))
    # Only now load Alembic: a new, older or foreign cache.
    from collector_desk.store.migrate import refuse_if_newer, upgrade

    refuse_if_newer(revision)
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    return engine
