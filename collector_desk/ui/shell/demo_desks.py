"""The demo's data: its central store built from a generated portfolio, and each demo user's
desk cache made from a copy of that portfolio the first time that user opens the demo, as a
first sync would leave it. All of it runs on a worker thread behind a progress dialog, whose
label names each phase."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Engine

from collector_desk.demo import DEMO_COLLECTOR, DEMO_LEAD
from collector_desk.domain.cases import Role
from collector_desk.store.cache.cache_file import WrongKey, is_plain, open_cache
from collector_desk.store.cache.unlock import check_password, remember_password
from collector_desk.store.shared.people import find_user, read_state
from collector_desk.ui.common.ops import BackgroundOp, OpProgress

if TYPE_CHECKING:
    from collector_desk.demo.portfolio import DemoOptions

translate = QCoreApplication.translate

DEMO_CACHE_NAME = "demo-cache.sqlite"
DEMO_CENTRAL_NAME = "demo-central.sqlite"
DEMO_PASSWORD = "demo-password"


@dataclass
class DemoLaunch:
    data_dir: Path
    cases: int
    seed: int
    language: str | None
    screenshot: Path | None = None
    rebuild: bool = False
    username: str = DEMO_COLLECTOR
    view: str = "queue"  # or, for the lead, "team" or "numbers": the window opened first


class SeedError(RuntimeError):
    """Building the demo cache failed; the message says why (no personal data in it)."""


def seed_portfolio(path: Path, options: DemoOptions, progress: OpProgress) -> None:
    """Build a demo portfolio at path (on a worker thread); SeedError says why it could not."""
    progress.label(translate("App", "Creating the demo portfolio…"))
    try:
        from collector_desk.demo import portfolio  # Faker and Alembic: only to build

        if options.cases > portfolio.INLINE_CASES:  # big: apart, so its memory is given back
            from collector_desk.demo.apart import build_apart

            build_apart(path, options, progress)
        else:
            portfolio.build_demo_portfolio(path, options, progress)
    except Exception as exc:  # reported to the user, not swallowed
        raise SeedError(f"{type(exc).__name__}: {exc}") from exc


def seed_with_progress(
    path: Path,
    options: DemoOptions,
    done: Callable[[], None],
    failed: Callable[[Exception], None],
) -> BackgroundOp[None]:
    """Build the demo cache in the background while a progress dialog shows how far it is;
    then done(), or failed(SeedError)."""
    return (
        BackgroundOp(
            None, lambda progress: seed_portfolio(path, options, progress), lambda _: done()
        )
        .failure(failed)
        .with_progress(translate("App", "Creating the demo portfolio…"), options.cases)
        .run_in_background()
    )


def _open_with_progress(path: Path, key: bytes | None, progress: OpProgress) -> Engine:
    """Open a cache (on a worker thread); a plain one about to be encrypted says so."""
    if key is not None and path.exists() and is_plain(path):
        progress.label(translate("App", "Encrypting the cases kept on this computer…"))
    return open_cache(path, key, progress)


def demo_cache_path(data_dir: Path, username: str) -> Path:
    """Each demo user has a desktop cache of their own, as on two computers."""
    name = DEMO_CACHE_NAME if username == DEMO_COLLECTOR else f"demo-cache-{username}.sqlite"
    return data_dir / name


DEMO_SERVER = "demo"  # what the demo's cache keys are filed under in the keyring


def demo_key(data_dir: Path, username: str) -> bytes:
    """The demo user's cache key: in the keyring, or from the demo's known password."""
    from collector_desk.sync.cache_keys import cache_key

    return cache_key(demo_cache_path(data_dir, username), DEMO_SERVER, username, DEMO_PASSWORD)


def open_demo_cache(launch: DemoLaunch, progress: OpProgress, lock: bool) -> Engine:
    """Open the demo user's desktop cache, generating the demo's central store and each
    desk's copy of the portfolio first unless they exist for the same seed and size. On a
    worker thread: keys, building and encrypting take a while. `lock`: the cache keeps the
    demo's password for the idle lock."""
    engine = open_or_build_demo(launch, progress)
    if (
        lock
        and engine is not None
        and check_password(engine, launch.username, DEMO_PASSWORD) is None
    ):
        remember_password(engine, launch.username, DEMO_PASSWORD)
    return engine


def open_or_build_demo(launch: DemoLaunch, progress: OpProgress) -> Engine:
    path = demo_cache_path(launch.data_dir, launch.username)
    central = launch.data_dir / DEMO_CENTRAL_NAME
    waiting = _portfolio_copy(path)
    if not launch.rebuild and (path.exists() or waiting.exists()) and central.exists():
        engine = _open_demo_desk(launch, path, lambda: _open_central(central), progress)
        if engine is not None:
            return engine
    central_ready = _build_demo(launch, central, progress)
    try:
        engine = _open_demo_desk(launch, path, central_ready, progress)
    finally:
        central_ready()
    assert engine is not None  # just built for this seed and size
    return engine


def _portfolio_copy(desk: Path) -> Path:
    """Where a desk's copy of the portfolio waits until its user first opens the demo."""
    return desk.with_name(desk.name + ".portfolio")


def _open_central(central: Path) -> str:
    """The demo's central store opened (upgraded, passwords set); its store id."""
    from collector_desk.demo.portfolio import DEMO_USERS
    from collector_desk.server.embedded import open_central

    return open_central(central, [name for name, _, _ in DEMO_USERS], DEMO_PASSWORD)


def _build_demo(launch: DemoLaunch, central: Path, progress: OpProgress) -> Callable[[], str]:
    """The demo's central store and, beside it, each desk's copy of the portfolio; returns
    what waits until the central store is ready and gives its store id.

    Each desktop starts as a copy of the portfolio, as a first sync would leave it, and pulls
    only what changes after that. The copies are made before the central store gets its own
    tables and the passwords (a desk never holds them); each becomes its user's cache the
    first time that user opens the demo (_prepare_desk), so building the demo costs one
    desk's preparation, not every user's. The other users' copies, then the central store's
    own upgrade, run in the background while this user's desk is prepared: copying waits on
    the disk, and the two databases are different files."""
    from collector_desk.demo.portfolio import DemoOptions

    seed_portfolio(central, DemoOptions(cases=launch.cases, seed=launch.seed), progress)
    progress.label(translate("App", "Copying the portfolio to each desk…"))
    progress(0, 0)
    desks = [demo_cache_path(launch.data_dir, u) for u in (DEMO_COLLECTOR, DEMO_LEAD)]
    for desktop in desks:
        for suffix in ("", "-wal", "-shm", ".salt", ".encrypted", ".encrypting", ".portfolio"):
            desktop.with_name(desktop.name + suffix).unlink(missing_ok=True)
    mine = demo_cache_path(launch.data_dir, launch.username)
    shutil.copyfile(central, _portfolio_copy(mine))
    others = [d for d in desks if d != mine]
    outcome: list = []

    def copy_others_then_open_central() -> None:
        try:
            for desktop in others:
                shutil.copyfile(central, _portfolio_copy(desktop))
            outcome.append(_open_central(central))
        except BaseException as exc:  # raised on the thread that waits for it
            outcome.append(exc)

    work = threading.Thread(target=copy_others_then_open_central, name="demo-central")
    work.start()

    def ready() -> str:
        work.join()
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    return ready


def _open_demo_desk(
    launch: DemoLaunch, path: Path, central_ready: Callable[[], str], progress: OpProgress
) -> Engine | None:
    """The user's demo cache if it holds this seed and size (preparing and encrypting the
    portfolio's copy on first use); None if it must be built again."""
    marker = (str(launch.seed), str(launch.cases))
    waiting = _portfolio_copy(path)
    if waiting.exists():
        if not _prepare_desk(waiting, launch.username, marker, central_ready, progress):
            return None
        for stale in (path.with_name(path.name + s) for s in ("", "-wal", "-shm", ".salt")):
            stale.unlink(missing_ok=True)
        os.replace(waiting, path)
    if not path.exists():
        return None
    try:  # refuses a newer cache, upgrades an older one, encrypts a plain one
        engine = _open_with_progress(path, demo_key(launch.data_dir, launch.username), progress)
    except WrongKey:
        return None  # its key is gone (another keyring): build the demo again
    if _demo_marker(engine) != marker:
        engine.dispose()
        return None
    return engine


def _demo_marker(engine: Engine) -> tuple[str | None, str | None]:
    return read_state(engine, "demo_seed"), read_state(engine, "demo_cases")


def _prepare_desk(
    copy: Path,
    username: str,
    marker: tuple[str, str],
    central_ready: Callable[[], str],
    progress: OpProgress,
) -> bool:
    """Make the portfolio's copy this user's cache, as a first sync would: it pulls what
    changed since the portfolio was made (from the store `central_ready` names), and a
    collector keeps only their own cases. False if the copy is of another portfolio.

    A collector's copy is trimmed first, at the portfolio's revision, so the cache's own
    migrations (its search tables and indexes) run over their cases only, and before it is
    encrypted. References are not checked during the trim: each case's rows go before the
    case and the case before its customer, and the indexes that make checking them cheap
    are the cache's own, built after. The copy is worked on without a journal, as the
    portfolio was built: it becomes the cache only when complete, and one interrupted here
    is replaced by building again."""
    from collector_desk.store.cache.local_sync import keep_own, set_cursor
    from collector_desk.store.cache.schema import CACHE
    from collector_desk.store.shared.engine import make_build_engine
    from collector_desk.store.shared.migrate import upgrade

    try:
        trim = make_build_engine(copy, check_references=False)
        try:
            if _demo_marker(trim) != marker:
                return False
            user = find_user(trim, username)
            if user is not None and user.role is Role.COLLECTOR:
                progress.label(translate("App", "Keeping this collector's cases…"))
                keep_own(trim, user.id)
        finally:
            trim.dispose()
        engine = make_build_engine(copy)
        try:
            upgrade(engine, CACHE)
            set_cursor(engine, f"{central_ready()}.0.0")
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        finally:
            engine.dispose()
        return True
    except BaseException:
        copy.unlink(missing_ok=True)  # half prepared: the next start builds the demo again
        raise
