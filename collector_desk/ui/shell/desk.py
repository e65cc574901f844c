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
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from collector_desk.config.loaders import default_security
from collector_desk.config.scripts import LAST_GOOD_SCRIPTS, load_scripts
from collector_desk.store.cache import local_sync
from collector_desk.store.cache.cache_file import WrongKey, wipe
from collector_desk.store.cache.queue import CaseQueue
from collector_desk.store.cache.unlock import remember_password
from collector_desk.store.shared.people import find_user
from collector_desk.sync import cache_keys, credentials
from collector_desk.sync.client import SignedOut, SyncClient, sign_in
from collector_desk.sync.endpoint import InsecureServer, check_server_url
from collector_desk.sync.unlock_check import is_users_password
from collector_desk.ui.common.i18n import Translations
from collector_desk.ui.shell.background import open_cache_with_progress
from collector_desk.ui.shell.layout_memory import settings_for
from collector_desk.ui.shell.main_window import MainWindow
from collector_desk.ui.shell.sign_in import SignInDialog
from collector_desk.ui.shell.single_instance import bring_to_front, run_first
from collector_desk.ui.shell.startup import start_app
from collector_desk.ui.shell.sync_controller import Link, SyncController

translate = QCoreApplication.translate
TIMEOUT_S = 10


def cache_path(data_dir: Path, server: str, username: str) -> Path:
    """One cache per user and server, so two people on one PC never share data."""
    host = urlsplit(server).netloc
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{username}@{host}")
    return data_dir / "caches" / f"{safe}.sqlite"


def _token_works(server: str, token: str) -> bool | None:
    """True or False when the server answers; None when it cannot be reached."""
    try:
        with httpx.Client(base_url=server, timeout=TIMEOUT_S) as http:
            response = http.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError:
        return None
    return response.status_code == 200


def _first_sync(controller: SyncController) -> None:
    """A new cache fills before the window opens; the work still runs on the sync thread."""
    dialog = QProgressDialog(translate("Desk", "Downloading your cases…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    loop = QEventLoop()
    controller.changed.connect(lambda: loop.quit() if controller.link is not Link.SYNCING else None)
    controller.sync_now()
    if controller.link is Link.SYNCING:
        loop.exec()
    dialog.close()


def _open_encrypted(data_dir: Path, server: str, username: str, password: str | None):
    """The user's cache, encrypted with their key (a plain one from an earlier version is
    encrypted now); None, after telling the user why, when it cannot be opened."""
    cache = cache_path(data_dir, server, username)
    try:
        key = cache_keys.cache_key(cache, server, username, password)
    except cache_keys.NeedPassword:
        QMessageBox.critical(
            None,
            "Collector Desk",
            translate(
                "Desk",
                "This computer has no keyring to keep the key to your cases: sign in with "
                "your password.",
            ),
        )
        return None
    try:
        return open_cache_with_progress(cache, key)
    except WrongKey:
        QMessageBox.critical(
            None,
            "Collector Desk",
            translate(
                "Desk",
                "This password does not open the cases kept on this computer. Nothing was "
                "changed: start again and type it once more.",
            ),
        )
        return None


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
    """run_loop runs the window's event loop (a test runs a local one it can end)."""
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
        QMessageBox.critical(
            None,
            "Collector Desk",
            translate(
                "Desk",
                "%1 would be reached over plain HTTP, which exposes your sign-in. Use "
                "https://, or start with --allow-http if your IT department says so.",
            ).replace("%1", str(exc)),
        )
        return 2
    settings = settings_for("desk")
    username = str(settings.value(f"last_user/{server}", ""))
    token = credentials.load_token(server, username) if username else None
    password: str | None = None  # typed only when there is no keyring to remember the sign-in
    offline = False
    if token is not None:
        works = _token_works(server, token)
        offline = works is None
        if works is False:
            credentials.forget_token(server, username)
            token = None
    if token is None and not offline:

        def attempt(name: str, password: str) -> str:
            with httpx.Client(base_url=server, timeout=TIMEOUT_S) as http:
                return sign_in(http, name, password)

        dialog = SignInDialog(
            server,
            username,
            attempt,
            credentials.usable(),
            lambda name: cache_path(data_dir, server, name).exists(),
        )
        result = dialog.exec()
        password = dialog.password.text() or None
        if result == SignInDialog.OFFLINE:
            username, offline = dialog.username.text().strip(), True
        elif result != SignInDialog.DialogCode.Accepted:
            return 0
        else:
            username, token = dialog.username.text().strip(), dialog.token
            assert token is not None  # the dialog accepts only a sign-in that gave one
            credentials.save_token(server, username, token)
    settings.setValue(f"last_user/{server}", username)

    engine = _open_encrypted(data_dir, server, username, password)
    if engine is None:
        return 2
    if offline and _stale(engine):
        engine.dispose()
        QMessageBox.critical(
            None,
            "Collector Desk",
            translate(
                "Desk",
                "The cases on this computer have not been synced for more than %1 days, so "
                "they stay locked until you sign in with the server reachable.",
            ).replace("%1", str(default_security().lock_after_days_offline)),
        )
        return 2

    def make_client() -> SyncClient:
        if token is None:
            raise SignedOut("no token: sign in")
        return SyncClient(engine, httpx.Client(base_url=server, timeout=30), token)

    controller = SyncController(make_client)
    user = find_user(engine, username)
    if user is None and not offline:
        _first_sync(controller)
        user = find_user(engine, username)
    if user is None:
        QMessageBox.critical(
            None,
            "Collector Desk",
            translate(
                "Desk",
                "There is no copy of your cases on this computer yet, and the server "
                "cannot be reached. Connect to the network and start again.",
            ),
        )
        controller.shutdown()
        return 2
    window = MainWindow(
        CaseQueue(engine, user.id, ZoneInfo(user.time_zone)),
        user,
        translations,
        server,
        scripts=load_scripts(data_dir / LAST_GOOD_SCRIPTS),
        settings=settings,
    )
    controller.setParent(window)
    window.attach_sync(controller)
    if password is not None and token is not None:  # the server just accepted this password
        remember_password(engine, username, password)
    window.attach_lock(
        lambda typed: is_users_password(engine, server, username, typed),
        default_security().idle_lock_minutes,
    )
    instance.asked_to_show.connect(lambda: bring_to_front(window))
    window.show()
    if token is not None:
        controller.sync_now()
    code = run_loop(app)
    controller.shutdown()
    engine.dispose()
    if controller.link is Link.REVOKED:  # everything was pushed: nothing of it stays here
        wipe(cache_path(data_dir, server, username))
        cache_keys.forget(server, username)
        credentials.forget_token(server, username)
        QMessageBox.information(
            None,
            "Collector Desk",
            translate(
                "Desk",
                "Access from this computer was withdrawn. What you recorded was sent to the "
                "server, and the cases kept on this computer were removed.",
            ),
        )
    return code
