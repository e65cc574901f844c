"""Engines with the settings each backend needs to keep what users type."""

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url


def sqlite_url(path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL + synchronous=FULL: a committed action survives a killed process or a power cut.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str | URL) -> Engine:
    url = make_url(url)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)
