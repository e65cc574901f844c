"""Start the desktop app: language, cache, main window; optionally a screenshot and exit."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import Engine

from collector_desk.config.loaders import default_security
from collector_desk.config.scripts import LAST_GOOD_SCRIPTS, load_scripts
from collector_desk.demo import DEMO_COLLECTOR
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.cache.unlock import check_password
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema_version import SchemaTooNew
from collector_desk.ui.common.i18n import Translations
from collector_desk.ui.common.ops import BackgroundOp, OpProgress
from collector_desk.ui.shell.demo_desks import (
    DEMO_CENTRAL_NAME,
    DEMO_PASSWORD,
    DemoLaunch,
    SeedError,
    open_demo_cache,
    seed_portfolio,
)
from collector_desk.ui.shell.layout_memory import settings_for
from collector_desk.ui.shell.main_window import MainWindow
from collector_desk.ui.shell.single_instance import bring_to_front, run_first
from collector_desk.ui.shell.startup import SteppedStart, start_app
from collector_desk.ui.shell.sync_controller import Link, SyncController

SCREENSHOT_WAIT_MS = 10_000  # demo users only; the README says so

translate = QCoreApplication.translate


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
                None, lambda progress: open_demo_cache(launch, progress, lock), self._opened
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
                seed_portfolio(path, DemoOptions(cases=PRACTICE_CASES, seed=seed), progress)
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
