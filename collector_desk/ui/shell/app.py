"""Start the desktop app: language, cache, main window; optionally a screenshot and exit."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import Engine

from collector_desk.config.loaders import default_security
from collector_desk.config.scripts import LAST_GOOD_SCRIPTS, load_scripts
from collector_desk.demo import DEMO_COLLECTOR, DEMO_LEAD
from collector_desk.domain.cases import Role
from collector_desk.store.cache.cache_file import WrongKey, is_plain, open_cache
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.cache.unlock import check_password, remember_password
from collector_desk.store.shared.people import find_user, read_state
from collector_desk.store.shared.schema_version import SchemaTooNew
from collector_desk.ui.common.i18n import Translations
from collector_desk.ui.common.ops import BackgroundOp, OpProgress
from collector_desk.ui.shell.layout_memory import settings_for
from collector_desk.ui.shell.main_window import MainWindow
from collector_desk.ui.shell.single_instance import bring_to_front, run_first
from collector_desk.ui.shell.startup import SteppedStart, start_app
from collector_desk.ui.shell.sync_controller import Link, SyncController

DEMO_CACHE_NAME = "demo-cache.sqlite"
DEMO_CENTRAL_NAME = "demo-central.sqlite"
DEMO_PASSWORD = "demo-password"
SCREENSHOT_WAIT_MS = 10_000  # demo users only; the README says so

if TYPE_CHECKING:
    from collector_desk.demo.portfolio import DemoOptions

translate = QCoreApplication.translate


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


def _seed(path: Path, options: DemoOptions, progress: OpProgress) -> None:
    """Build the demo cache (on a worker thread); SeedError says why it could not."""
    progress.label(translate("App", "Creating the demo portfolio…"))
    try:
        from collector_desk.demo import portfolio  # Faker and Alembic: only to build

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
        BackgroundOp(None, lambda progress: _seed(path, options, progress), lambda _: done())
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


def _open_demo_cache(launch: DemoLaunch, progress: OpProgress, lock: bool) -> Engine:
    """Open the demo user's desktop cache, generating the demo central store (and the caches
    as encrypted copies of it) first unless they exist for the same seed and size. On a
    worker thread: keys, building and encrypting take a while. `lock`: the cache keeps the
    demo's password for the idle lock."""
    engine = _open_or_build_demo(launch, progress)
    if (
        lock
        and engine is not None
        and check_password(engine, launch.username, DEMO_PASSWORD) is None
    ):
        remember_password(engine, launch.username, DEMO_PASSWORD)
    return engine


def _open_or_build_demo(launch: DemoLaunch, progress: OpProgress) -> Engine:
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

    _seed(central, DemoOptions(cases=launch.cases, seed=launch.seed), progress)
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


def _start_sync(
    window: MainWindow, engine: Engine, central: Path, username: str
) -> Callable[[], None]:
    """Run the demo's central store on a loopback port and sync with it in the background;
    returns what stops both."""
    import httpx

    from collector_desk.server.embedded import EmbeddedServer
    from collector_desk.sync.client import SyncClient, sign_in

    server = EmbeddedServer(central)

    def make_client() -> SyncClient:  # runs on the sync thread: never blocks the window
        http = httpx.Client(base_url=server.start(), timeout=30)
        return SyncClient(engine, http, sign_in(http, username, DEMO_PASSWORD))

    controller = SyncController(make_client, window)
    window.attach_sync(controller)
    QTimer.singleShot(0, controller.sync_now)

    def stop() -> None:
        controller.shutdown()
        server.stop()

    return stop


def _fail(message: str, interactive: bool) -> int:
    print(message, file=sys.stderr)
    if interactive:
        QMessageBox.critical(None, translate("App", "Collector Desk"), message)
    return 2


def run_demo(launch: DemoLaunch, argv: list[str] | None = None) -> int:
    app = start_app(argv)
    translations = Translations(app)
    translations.set_language(launch.language)
    return run_first(
        launch.data_dir,
        f"demo-{launch.username}",
        lambda instance: _run_demo(app, translations, launch, instance),
        alone=launch.screenshot is None,
    )


def _run_demo(app: QApplication, translations: Translations, launch: DemoLaunch, instance) -> int:
    return DemoStart(app, translations, launch, instance).run()


class DemoStart(SteppedStart):
    """The demo's start: open (or first build) the demo's cache in the background, with a
    progress dialog, then the window, syncing with the built-in central store."""

    def __init__(self, app, translations: Translations, launch: DemoLaunch, instance) -> None:
        super().__init__(app)
        self._translations, self.launch, self._instance = translations, launch, instance
        self.interactive = instance is not None
        self.engine: Engine | None = None
        self.window: MainWindow | None = None
        self._stop_sync: Callable[[], None] | None = None

    def begin(self) -> None:
        launch, lock = self.launch, self.interactive
        (
            BackgroundOp(
                None, lambda progress: _open_demo_cache(launch, progress, lock), self._opened
            )
            .failure(self._failed)
            .with_progress(translate("App", "Opening the cases kept on this computer…"))
            .run_in_background()
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, SeedError):
            message = translate("App", "Could not create the demo portfolio: %1").replace(
                "%1", str(error)
            )
        elif isinstance(error, SchemaTooNew):
            message = translate(
                "App",
                "This cache was written by a newer version of Collector Desk "
                "(schema %1). It was left untouched; please update Collector Desk.",
            ).replace("%1", error.revision)
        else:
            self.unexpected(error)
            return
        self.quit(_fail(message, self.interactive))

    def _opened(self, engine: Engine) -> None:
        self.engine = engine
        launch, interactive, app = self.launch, self.interactive, self.app
        user = find_user(engine, launch.username)
        if user is None:
            self.quit(
                _fail(
                    translate(
                        "App", "The demo cache has no demo user; start again with --rebuild."
                    ),
                    interactive,
                )
            )
            return
        window = MainWindow(
            CaseQueue(engine, user.id, ZoneInfo(user.time_zone)),
            user,
            self._translations,
            translate("App", "Demo: built-in central store"),
            scripts=load_scripts(launch.data_dir / LAST_GOOD_SCRIPTS),
            # remembered between starts, but a screenshot always shows the same first layout
            settings=settings_for("demo") if interactive else None,
        )
        self.window = window
        if self._instance is not None:
            self._instance.asked_to_show.connect(lambda: bring_to_front(window))
            # the demo locks like a desk: its users' password is DEMO_PASSWORD
            window.attach_lock(
                lambda typed: check_password(engine, launch.username, typed),
                default_security().idle_lock_minutes,
            )
        window.show()
        self.window_shown()
        self._stop_sync = _start_sync(
            window, engine, launch.data_dir / DEMO_CENTRAL_NAME, launch.username
        )
        shown: QWidget = window
        team = window.open_team() if launch.view in ("team", "numbers") else None
        if team is not None:
            shown = team
            if launch.view == "numbers":
                team.tabs.setCurrentWidget(team.dashboard)
        if launch.screenshot is not None:
            target = launch.screenshot
            taken: list[bool] = []
            sync = window.sync
            assert sync is not None  # _start_sync gave the window its controller

            def capture(force: bool = False) -> None:
                if taken:
                    return
                settled = sync.link is not Link.SYNCING and (
                    team is None or not team.dashboard.fetching
                )
                if not (settled or force):
                    return
                taken.append(True)
                ok = shown.grab().save(str(target))
                app.exit(0 if ok else 1)

            # The picture shows the window as a user sees it once the first sync (and, for
            # the dashboard, the first fetch of the numbers) has answered, or after a few
            # seconds, whatever it says then.
            sync.changed.connect(capture)
            sync.kpis_fetched.connect(lambda _outcome: QTimer.singleShot(0, capture))
            QTimer.singleShot(SCREENSHOT_WAIT_MS, lambda: capture(force=True))

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self._stop_sync is not None:
            self._stop_sync()
        if self.engine is not None:
            self.engine.dispose()


PRACTICE_CACHE_NAME = "practice-cache.sqlite"
PRACTICE_CASES = 60


def run_practice(
    data_dir: Path,
    language: str | None,
    seed: int,
    screenshot: Path | None = None,
    argv: list[str] | None = None,
) -> int:
    """Practice calls: made-up customers in a cache of their own that never syncs, the call
    guide open, and a simulated customer answering each step."""
    app = start_app(argv)
    translations = Translations(app)
    translations.set_language(language)
    return run_first(
        data_dir,
        "practice",
        lambda instance: _run_practice(app, translations, data_dir, seed, screenshot, instance),
        alone=screenshot is None,
    )


def _run_practice(app, translations, data_dir, seed, screenshot, instance) -> int:
    return PracticeStart(app, translations, data_dir, seed, screenshot, instance).run()


class PracticeStart(SteppedStart):
    """Practice's start: build its made-up cases the first time (in the background, with a
    progress dialog), then the window with the guide open."""

    def __init__(self, app, translations, data_dir, seed, screenshot, instance) -> None:
        super().__init__(app)
        self._translations, self._instance = translations, instance
        self.data_dir, self.seed, self.screenshot = data_dir, seed, screenshot
        self.engine: Engine | None = None
        self.window: MainWindow | None = None

    def begin(self) -> None:
        from collector_desk.demo.portfolio import DemoOptions
        from collector_desk.store.cache.local_sync import is_sandbox, mark_sandbox

        path, seed = self.data_dir / PRACTICE_CACHE_NAME, self.seed
        building = not path.exists()

        def work(progress: OpProgress) -> Engine:
            if building:
                _seed(path, DemoOptions(cases=PRACTICE_CASES, seed=seed), progress)
            engine = open_cache(path)
            if not is_sandbox(engine):
                mark_sandbox(engine)
            return engine

        op = BackgroundOp(None, work, self._opened).failure(self._failed)
        if building:
            op.with_progress(translate("App", "Creating the demo portfolio…"), PRACTICE_CASES)
        op.run_in_background()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, SeedError):
            self.quit(_fail(str(error), self.screenshot is None))
        else:
            self.unexpected(error)

    def _opened(self, engine: Engine) -> None:
        self.engine = engine
        app, screenshot = self.app, self.screenshot
        user = find_user(engine, DEMO_COLLECTOR)
        assert user is not None  # practice caches are seeded with the demo collector
        window = MainWindow(
            CaseQueue(engine, user.id, ZoneInfo(user.time_zone)),
            user,
            self._translations,
            translate("App", "Practice: made-up customers, never synced"),
            scripts=load_scripts(self.data_dir / LAST_GOOD_SCRIPTS),
            practice_seed=self.seed,
            settings=settings_for("practice") if not screenshot else None,
        )
        self.window = window
        if self._instance is not None:
            self._instance.asked_to_show.connect(lambda: bring_to_front(window))
        window.show()
        self.window_shown()
        window.guide_action.trigger()  # the guide is what practice is for
        if screenshot is not None:
            QTimer.singleShot(
                500, lambda: app.exit(0 if window.grab().save(str(screenshot)) else 1)
            )

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.engine is not None:
            self.engine.dispose()
