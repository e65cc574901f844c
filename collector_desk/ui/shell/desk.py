"""`collector-desk run`: the app against a real central server.

Sign in (or reuse the token the keyring kept); with no network, open the cache of the last
user who signed in here and work offline until the server answers again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from collector_desk.config.loaders import default_security
from collector_desk.config.scripts import LAST_GOOD_SCRIPTS, load_scripts
from collector_desk.store.cache import local_sync
from collector_desk.store.cache.cache_file import WrongKey, is_plain, open_cache, wipe
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.cache.unlock import remember_password
from collector_desk.store.shared.people import find_user
from collector_desk.sync import cache_keys, credentials
from collector_desk.sync.client import SignedOut, SyncClient, sign_in
from collector_desk.sync.endpoint import InsecureServer, check_server_url
from collector_desk.sync.unlock_check import is_users_password
from collector_desk.ui.call.desk_phone import desk_phone
from collector_desk.ui.common.i18n import Translations
from collector_desk.ui.common.ops import BackgroundOp
from collector_desk.ui.shell.layout_memory import settings_for
from collector_desk.ui.shell.main_window import MainWindow
from collector_desk.ui.shell.sign_in import Attempt, SignInDialog
from collector_desk.ui.shell.single_instance import bring_to_front, run_first
from collector_desk.ui.shell.startup import SteppedStart, start_app
from collector_desk.ui.shell.sync_controller import Link, SyncController

translate = QCoreApplication.translate
TIMEOUT_S = 10


def cache_path(data_dir: Path, server: str, username: str) -> Path:
    """One cache per user and server, so two people on one PC never share data."""
    host = urlsplit(server).netloc
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{username}@{host}")
    return data_dir / "caches" / f"{safe}.sqlite"


def _token_works(server: str, token: str) -> bool | None:
    """True or False when the server answers; None when it cannot be reached. A revoked user's
    token (410) still works for one thing: the first sync pushes what the cache holds, then
    wipes it."""
    try:
        with httpx.Client(base_url=server, timeout=TIMEOUT_S) as http:
            response = http.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError:
        return None
    return response.status_code in (200, 410)


def sign_in_attempt(server: str) -> Attempt:
    """What the sign-in dialog asks the server, off the GUI thread: a token, or why not."""

    def attempt(name: str, password: str) -> str:
        with httpx.Client(base_url=server, timeout=TIMEOUT_S) as http:
            return sign_in(http, name, password)

    return attempt


def _say(text: str) -> None:
    QMessageBox.critical(None, "Collector Desk", text)


def _stale(engine) -> bool:
    """Not synced for longer than security.toml allows: locked until an online sign-in."""
    last = local_sync.last_synced(engine)
    limit = timedelta(days=default_security().lock_after_days_offline)
    return last is not None and datetime.now(UTC) - last > limit


def run_desk(
    server: str,
    data_dir: Path,
    language: str | None,
    allow_http: bool,
    run_loop: Callable[[QApplication], int] = lambda app: app.exec(),
) -> int:
    """run_loop runs the application's event loop, in which the whole start happens; the
    start ends it with QCoreApplication.exit(code) when it cannot go on (a test wraps it with
    a deadline)."""
    app = start_app()
    translations = Translations(app)
    translations.set_language(language)
    return run_first(
        data_dir,
        "desk",
        lambda instance: _run_desk(
            app, translations, instance, server, data_dir, allow_http, run_loop
        ),
    )


def _run_desk(app, translations, instance, server, data_dir, allow_http, run_loop) -> int:
    try:
        server = check_server_url(server, allow_http)
    except InsecureServer as exc:
        _say(
            translate(
                "Desk",
                "%1 would be reached over plain HTTP, which exposes your sign-in. Use "
                "https://, or start with --allow-http if your IT department says so.",
            ).replace("%1", str(exc))
        )
        return 2
    start = DeskStart(app, translations, instance, server, data_dir)
    code = start.run(run_loop)
    start.wipe_if_revoked()
    return code


class DeskStart(SteppedStart):
    """The start of `collector-desk run`: the token check, the sign-in, opening the cache and
    a first sync, each in the background, then the window."""

    def __init__(self, app, translations, instance, server: str, data_dir: Path) -> None:
        super().__init__(app)
        self._translations, self._instance = translations, instance
        self.server, self.data_dir = server, data_dir
        self.settings = settings_for("desk")
        self.username = str(self.settings.value(f"last_user/{server}", ""))
        self.token: str | None = None
        self.password: str | None = None  # typed only when there is no keyring to remember it
        self.offline = False
        self.engine = None
        self.controller: SyncController | None = None
        self.window: MainWindow | None = None
        self.sign_in_dialog: SignInDialog | None = None

    # -- 1: is the kept sign-in still good? -------------------------------------------------
    def begin(self) -> None:
        server, username = self.server, self.username
        token = credentials.load_token(server, username) if username else None
        if token is None:
            self._ask_to_sign_in()
            return
        self.token = token
        (
            BackgroundOp(None, lambda _progress: _token_works(server, token), self._token_checked)
            .failure(self.unexpected)
            .with_progress(translate("Desk", "Connecting to %1…").replace("%1", server))
            .run_in_background()
        )

    def _token_checked(self, works: bool | None) -> None:
        self.offline = works is None
        if works is False:
            credentials.forget_token(self.server, self.username)
            self.token = None
        if self.token is None and not self.offline:
            self._ask_to_sign_in()
        else:
            self._open_cache()

    # -- 2: sign in --------------------------------------------------------------------------
    def _ask_to_sign_in(self) -> None:
        server, data_dir = self.server, self.data_dir
        dialog = SignInDialog(
            server,
            self.username,
            sign_in_attempt(server),
            credentials.usable(),
            lambda name: cache_path(data_dir, server, name).exists(),
        )
        dialog.finished.connect(self._signed_in)
        self.sign_in_dialog = dialog
        dialog.open()

    def _signed_in(self, result: int) -> None:
        dialog, self.sign_in_dialog = self.sign_in_dialog, None
        assert dialog is not None  # its own finished signal brought us here
        self.password = dialog.password.text() or None
        username = dialog.username.text().strip()
        dialog.deleteLater()
        if result == SignInDialog.OFFLINE:
            self.username, self.offline = username, True
        elif result != SignInDialog.DialogCode.Accepted:
            self.quit(0)
            return
        else:
            token = dialog.token
            assert token is not None  # accepted: the server gave one
            self.username, self.token = username, token
            credentials.save_token(self.server, username, token)
        self._open_cache()

    # -- 3: open the cache (its key may take an Argon2 hash; a plain one is encrypted) -------
    def _open_cache(self) -> None:
        server, username, password = self.server, self.username, self.password
        self.settings.setValue(f"last_user/{server}", username)
        cache = cache_path(self.data_dir, server, username)

        def work(progress):
            key = cache_keys.cache_key(cache, server, username, password)
            return open_cache(cache, key, progress)

        op = BackgroundOp(None, work, self._cache_opened).failure(self._cache_failed)
        if cache.exists() and is_plain(cache):  # encrypted now, with a progress bar
            op.with_progress(translate("App", "Encrypting the cases kept on this computer…"), 4)
        op.run_in_background()

    def _cache_failed(self, error: Exception) -> None:
        if isinstance(error, cache_keys.NeedPassword):
            _say(
                translate(
                    "Desk",
                    "This computer has no keyring to keep the key to your cases: sign in with "
                    "your password.",
                )
            )
        elif isinstance(error, WrongKey):
            _say(
                translate(
                    "Desk",
                    "This password does not open the cases kept on this computer. Nothing "
                    "was changed: start again and type it once more.",
                )
            )
        else:
            self.unexpected(error)
            return
        self.quit(2)

    def _cache_opened(self, engine) -> None:
        self.engine = engine
        if self.offline and _stale(engine):
            engine.dispose()
            self.engine = None
            days = default_security().lock_after_days_offline
            _say(
                translate(
                    "Desk",
                    "The cases on this computer have not been synced for more than %n day(s), "
                    "so they stay locked until you sign in with the server reachable.",
                    None,
                    days,
                )
            )
            self.quit(2)
            return
        server, token = self.server, self.token

        def make_client() -> SyncClient:
            if token is None:
                raise SignedOut("no token: sign in")
            return SyncClient(engine, httpx.Client(base_url=server, timeout=30), token)

        self.controller = SyncController(make_client)
        if find_user(engine, self.username) is None and not self.offline:
            # -- 4: a new cache fills before the window opens ------------------------------
            self.controller.changed.connect(self._first_sync_moved)
            self.controller.sync_now(progress=translate("Desk", "Downloading your cases…"))
            return
        self._open_window()

    def _first_sync_moved(self) -> None:
        controller = self.controller
        assert controller is not None  # its own signal brought us here
        if controller.link is Link.SYNCING:
            return
        controller.changed.disconnect(self._first_sync_moved)
        self._open_window()

    # -- 5: the window -----------------------------------------------------------------------
    def _open_window(self) -> None:
        engine, server, username = self.engine, self.server, self.username
        controller = self.controller
        assert engine is not None and controller is not None  # step 3 made both
        user = find_user(engine, username)
        if user is None:
            _say(
                translate(
                    "Desk",
                    "There is no copy of your cases on this computer yet, and the server "
                    "cannot be reached. Connect to the network and start again.",
                )
            )
            self.quit(2)
            return
        window = MainWindow(
            CaseQueue(engine, user.id, ZoneInfo(user.time_zone)),
            user,
            self._translations,
            server,
            scripts=load_scripts(self.data_dir / LAST_GOOD_SCRIPTS),
            settings=self.settings,
            phone=desk_phone,
        )
        self.window = window
        controller.setParent(window)
        window.attach_sync(controller)
        password = self.password
        if password is not None and self.token is not None:  # the server just accepted it
            BackgroundOp(
                window, lambda _progress: remember_password(engine, username, password)
            ).run_in_background()
        window.attach_lock(
            lambda typed: is_users_password(engine, server, username, typed),
            default_security().idle_lock_minutes,
        )
        if self._instance is not None:
            self._instance.asked_to_show.connect(lambda: bring_to_front(window))
        window.show()
        self.window_shown()
        if self.token is not None:
            controller.sync_now()

    # -- after the loop ----------------------------------------------------------------------
    def close(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()
        if self.engine is not None:
            self.engine.dispose()

    def wipe_if_revoked(self) -> None:
        if self.controller is not None and self.controller.link is Link.REVOKED:
            # everything was pushed: nothing of it stays here
            server, username = self.server, self.username
            wipe(cache_path(self.data_dir, server, username))
            cache_keys.forget(server, username)
            credentials.forget_token(server, username)
            QMessageBox.information(
                None,
                "Collector Desk",
                translate(
                    "Desk",
                    "Access from this computer was withdrawn. What you recorded was sent to "
                    "the server, and the cases kept on this computer were removed.",
                ),
            )
