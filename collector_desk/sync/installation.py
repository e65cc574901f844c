"""What Help → About tells a user to pass on to IT: the same facts `collector-desk info`
prints, read through the same functions, plus the open cache's own schema revision."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from collector_desk import __version__
from collector_desk.config import app_dirs
from collector_desk.store.cache.schema import CACHE
from collector_desk.store.shared.migrate import current_revision, head_revision
from collector_desk.sync.credentials import describe_keyring


@dataclass(frozen=True)
class Installation:
    version: str
    cache_head: str  # the schema this version of the app writes
    cache_revision: str | None  # the schema of the cache that is open, None without one
    keyring: str
    keyring_real: bool
    logs: Path


def describe_installation(cache: Engine | None = None) -> Installation:
    revision = None
    if cache is not None:
        with cache.connect() as connection:
            revision = current_revision(connection)
    keyring, real, _known = describe_keyring()
    return Installation(
        __version__, head_revision(CACHE), revision, keyring, real, app_dirs.log_dir()
    )
