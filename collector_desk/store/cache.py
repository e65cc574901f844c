"""The local cache: one SQLite file per signed-in user, always at the current schema."""

from pathlib import Path

from sqlalchemy import Engine

from collector_desk.store.engine import make_engine, sqlite_url
from collector_desk.store.migrate import refuse_if_newer, sqlite_file_revision, upgrade


def open_cache(path: Path) -> Engine:
    """Open (creating or upgrading in place) the cache at path.

    A cache written by a newer Collector Desk raises SchemaTooNew before anything touches the
    file: not even the switch to WAL mode, which would rewrite its header.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    refuse_if_newer(sqlite_file_revision(path))
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    return engine
