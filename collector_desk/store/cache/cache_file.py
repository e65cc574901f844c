"""The local cache: one SQLite file per signed-in user, always at the current schema, and
encrypted at rest (SQLCipher) when opened with a key.

A plain cache left by an earlier version is encrypted in place on its first keyed open: it is
exported to a side file, checked, and swapped in by renames, then the plain file is
overwritten and removed. A crash at any point leaves either the plain cache or the encrypted
one, never two half caches: the next open finishes or rolls back what was interrupted.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import Engine

from collector_desk.domain.progress import Progress
from collector_desk.store.cache.schema import CACHE
from collector_desk.store.shared.engine import keyed_connect, make_engine, sqlite_url
from collector_desk.store.shared.schema_version import revision_of, sqlite_file_revision

SQLITE_HEADER = b"SQLite format 3\x00"
SHRED_CHUNK = 1 << 20

log = logging.getLogger(__name__)


class WrongKey(PermissionError):
    """The cache is encrypted and this key does not open it (a wrong password, another
    user's cache), or it is encrypted and no key was given. Nothing was changed."""


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def is_plain(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def open_cache(path: Path, key: bytes | None = None, progress: Progress | None = None) -> Engine:
    """Open (creating or upgrading in place, encrypting a plain one when given a key) the
    cache at path.

    A cache written by a newer Collector Desk raises SchemaTooNew before anything touches the
    file: not even the switch to WAL mode, which would rewrite its header.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    finish_encryption(path)
    if key is not None and path.exists() and is_plain(path):
        encrypt_in_place(path, key, progress)
    revision = _revision(path, key)
    if revision == CACHE.head:
        return make_engine(sqlite_url(path), key)
    # Only now load Alembic: a new, older or foreign cache.
    from collector_desk.store.shared.migrate import refuse_if_newer, upgrade

    refuse_if_newer(revision, CACHE)
    engine = make_engine(sqlite_url(path), key)
    upgrade(engine, CACHE)
    return engine


def _revision(path: Path, key: bytes | None) -> str | None:
    if not path.exists():
        return None
    if key is None:
        if not is_plain(path):
            raise WrongKey("this cache is encrypted: it needs its key")
        return sqlite_file_revision(path)
    from sqlcipher3 import dbapi2

    conn = keyed_connect(path, key)
    try:
        return revision_of(conn)
    except dbapi2.DatabaseError as exc:
        raise WrongKey("this key does not open the cache") from exc
    finally:
        conn.close()


def encrypt_in_place(path: Path, key: bytes, progress: Progress | None = None) -> None:
    """Replace the plain cache at path with an encrypted copy of it (see the module's note)."""
    from sqlcipher3 import dbapi2

    step = progress or (lambda done, total: None)
    exporting, ready = _side(path, ".encrypting"), _side(path, ".encrypted")
    exporting.unlink(missing_ok=True)
    step(0, 4)
    plain = dbapi2.connect(str(path))
    try:
        # everything into the main file, and no -wal beside it to pair with the new one
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute("PRAGMA journal_mode=DELETE")
        counts = _counts(plain)
        log.info(
            "encrypting a plain cache: %d rows in %d tables", sum(counts.values()), len(counts)
        )
        quoted = str(exporting).replace("'", "''")
        plain.execute(f"ATTACH DATABASE '{quoted}' AS encrypted KEY \"x'{key.hex()}'\"")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    step(1, 4)
    copy = keyed_connect(exporting, key)
    try:
        if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok" or _counts(copy) != counts:
            raise RuntimeError("the encrypted copy does not match the cache; nothing replaced")
    finally:
        copy.close()
    _fsync(exporting)
    os.replace(exporting, ready)  # complete and checked: from here on the swap goes forward
    step(2, 4)
    finish_encryption(path)
    log.info("the cache is encrypted; its plain copy was overwritten and removed")
    step(4, 4)


def _counts(conn) -> dict[str, int]:
    names = [
        n
        for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def finish_encryption(path: Path) -> None:
    """Finish an encryption that got as far as a checked copy, or roll back one that did not;
    then overwrite and remove the plain file it replaced."""
    exporting, ready, old = (_side(path, s) for s in (".encrypting", ".encrypted", ".plain-old"))
    exporting.unlink(missing_ok=True)  # an unfinished export: the plain cache is intact
    if ready.exists():
        if path.exists() and is_plain(path):
            os.replace(path, old)
        os.replace(ready, path)
        _fsync_dir(path.parent)
    if old.exists():
        shred(old)


def shred(path: Path) -> None:
    """Overwrite the file with zeros before removing it, so its blocks do not keep the plain
    data (best effort: a journaling or flash file system may still hold old copies)."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        left = size
        zeros = bytes(SHRED_CHUNK)
        while left > 0:
            n = min(left, SHRED_CHUNK)
            fh.write(zeros[:n])
            left -= n
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows has no directory handles to sync; its renames are durable
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def wipe(path: Path) -> None:
    """Overwrite and remove the cache and every file beside it (a revoked user or device).
    Dispose of its engine first."""
    log.warning("wiping this desktop's cache")
    for suffix in ("", "-wal", "-shm", ".salt", ".encrypting", ".encrypted", ".plain-old"):
        target = _side(path, suffix) if suffix else path
        if target.exists():
            shred(target)
