"""Engines with the settings each backend needs to keep what users type.

Every engine hides statement parameters from its errors: they are customers' names and numbers,
and an error's text ends up in logs and crash reports."""

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import URL, make_url


class _SQLiteCompilerWithIndexHints(SQLiteCompiler):
    """Renders Select.with_hint(table, "INDEXED BY ix", "sqlite"), which SQLAlchemy's SQLite
    compiler drops. The queue pins its covering index this way: among indexes of equal width
    the planner otherwise picks one that needs a table lookup per row."""

    def get_from_hint_text(self, table, text):
        return text


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


def _scratch_pragmas(check_references: bool):
    def set_pragmas(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        # No journal, no fsync: only for a file that is deleted if building it fails.
        cur.execute("PRAGMA journal_mode=OFF")
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute(f"PRAGMA foreign_keys={'ON' if check_references else 'OFF'}")
        cur.close()

    return set_pragmas


def make_build_engine(path, check_references: bool = True) -> Engine:
    """An engine for building a SQLite file off to the side before it replaces a real one.

    Bulk loads run several times faster without a journal; the caller guarantees the file is
    thrown away on failure and switches it to WAL before anyone opens it as a cache. Without
    check_references, foreign keys are not enforced: for a caller that keeps them itself on
    a file whose child columns are not indexed yet (each check would scan a table).
    """
    engine = create_engine(sqlite_url(path), hide_parameters=True)
    event.listen(engine, "connect", _scratch_pragmas(check_references))
    return engine


def keyed_connect(path, key: bytes):
    """A SQLCipher connection to the file at path, unlocked with a raw 256-bit key (no
    passphrase KDF on every connection: the key is random, or already derived)."""
    from sqlcipher3 import dbapi2  # loaded only for an encrypted cache

    conn = dbapi2.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error to word
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


READS_ONLY = {"reads_only": True}  # execution options for work that never writes


def _no_implicit_begin(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # the driver's own BEGIN is replaced by _begin_for


def _begin_for(conn) -> None:
    """Every transaction takes the write lock when it begins (waiting up to busy_timeout for
    it), unless it is marked reads-only: a deferred one that reads and then writes cannot wait
    for the lock, since another writer may have committed since its read (SQLITE_BUSY at once,
    "database is locked")."""
    reads_only = conn.get_execution_options().get("reads_only", False)
    conn.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")


def make_central_engine(url: str | URL) -> Engine:
    """An engine for the central store. On SQLite, where many requests write at once, write
    transactions wait their turn (BEGIN IMMEDIATE); reads go through
    `engine.execution_options(**READS_ONLY)` and keep WAL's concurrent readers. A desk's
    cache (make_engine) has one writer and keeps the driver's deferred transactions."""
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _no_implicit_begin)
        event.listen(engine, "begin", _begin_for)
    return engine


def make_engine(url: str | URL, key: bytes | None = None) -> Engine:
    """An engine for url; for a SQLite file with `key`, an encrypted one (SQLCipher)."""
    url = make_url(url)
    if url.get_backend_name() == "sqlite":
        if key is not None:
            from sqlcipher3 import dbapi2

            path = url.database
            # SQLAlchemy's own SQLCipher dialect would run a passphrase KDF on each connection
            engine = create_engine(
                "sqlite+pysqlite://",
                module=dbapi2,
                creator=lambda: keyed_connect(path, key),
                hide_parameters=True,
            )
        else:
            engine = create_engine(url, hide_parameters=True)
        engine.dialect.statement_compiler = _SQLiteCompilerWithIndexHints
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)
