"""Run the sync service, and the admin tasks behind `collector-desk server|admin ...`."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from collector_desk.domain.cases import Role
from collector_desk.server import auth
from collector_desk.store.central import accounts, changes, revocation
from collector_desk.store.central.schema import CENTRAL
from collector_desk.store.shared.engine import make_central_engine, make_engine
from collector_desk.store.shared.migrate import current_revision, upgrade

if TYPE_CHECKING:
    from fastapi import FastAPI


class NotMigrated(RuntimeError):
    pass


def central_engine(url: str, make: Callable[[str], Engine] = make_central_engine) -> Engine:
    try:
        return make(url)
    except ModuleNotFoundError as exc:  # a desk install has no PostgreSQL driver
        raise SystemExit(
            f"{exc.name} is not installed: a PostgreSQL central store needs collector-desk[server]"
        ) from exc


def migrate(url: str) -> str:
    # not the serving engine: a migration sets PRAGMAs outside any transaction on SQLite
    engine = central_engine(url, make_engine)
    try:
        upgrade(engine, CENTRAL)
        with engine.connect() as conn:
            return current_revision(conn) or ""
    finally:
        engine.dispose()


def check_schema(engine: Engine) -> None:
    with engine.connect() as conn:
        found = current_revision(conn)
    if found != CENTRAL.head:
        raise NotMigrated(
            f"the central store is at schema {found or 'none'}, this server needs "
            f"{CENTRAL.head}: run `collector-desk server migrate --db ...` first"
        )


# How the worker processes of `server --workers N` learn the database URL: they are started
# afresh (spawned), so they take it from the environment their parent set, never from a
# command line (which `ps` shows to everyone) or a log.
CENTRAL_URL_VARIABLE = "COLLECTOR_DESK_CENTRAL_URL"


class OneProcessOnly(RuntimeError):
    pass


def serve(
    url: str,
    host: str,
    port: int,
    certfile: str | None = None,
    keyfile: str | None = None,
    workers: int = 1,
) -> None:
    """Serve until stopped. With workers > 1, that many processes share the port, each with
    its own connections; they keep nothing between requests that another would need (sign-ins,
    the guessing brake, cursors and the store's identity all live in the database)."""
    import uvicorn

    from collector_desk.server.app import create_app

    engine = central_engine(url)
    if workers > 1 and engine.dialect.name == "sqlite":
        engine.dispose()
        raise OneProcessOnly(
            "--workers needs a PostgreSQL central store: a SQLite file is one process's "
            "store (run one process, or move the store to PostgreSQL with --db)"
        )
    check_schema(engine)
    ensure_store_id(engine)
    sending = _sending_loop(url)
    if workers == 1:
        app: FastAPI | str = create_app(engine)
    else:
        engine.dispose()  # the workers open their own
        os.environ[CENTRAL_URL_VARIABLE] = url
        app = f"{__name__}:app_from_environment"
    uvicorn.run(
        app,  # the app, or the import string of the factory each worker calls
        factory=workers > 1,
        workers=workers,
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        log_level="info",
    )
    if sending is not None:
        sending.stop()
        sending.engine.dispose()


def _sending_loop(url: str):
    """One sender for this `server` command, whatever its worker count (its own engine)."""
    from collector_desk.server.sending.loop import sending_loop

    engine = central_engine(url)
    loop = sending_loop(engine, os.environ)
    if loop is None:
        engine.dispose()
        return None
    loop.start()
    return loop


def app_from_environment():
    """The app of one worker process of `server --workers N`: uvicorn imports and calls it."""
    from collector_desk.server.app import create_app

    return create_app(central_engine(os.environ[CENTRAL_URL_VARIABLE]))


def ensure_store_id(engine: Engine) -> str:
    """Make the store's identity before serving: two processes started together on a new
    store could both make one; the second's insert then fails and it reads the first's."""
    try:
        return changes.store_id(engine)
    except IntegrityError:
        return changes.store_id(engine)


def create_team(url: str, name: str) -> int:
    engine = central_engine(url)
    try:
        return accounts.create_team(engine, name)
    finally:
        engine.dispose()


def create_user(
    url: str, username: str, display_name: str, role: Role, team: str | None, password: str
) -> int:
    engine = central_engine(url)
    try:
        return accounts.create_user(
            engine,
            username,
            display_name,
            role,
            team,
            auth.hash_password(password),
            datetime.now(UTC),
        ).id
    finally:
        engine.dispose()


def _with_engine(url: str, act):
    engine = central_engine(url)
    try:
        return act(engine)
    finally:
        engine.dispose()


def disable_user(url: str, username: str) -> int:
    return _with_engine(url, lambda e: accounts.disable_user(e, username, datetime.now(UTC)))


def enable_user(url: str, username: str) -> None:
    _with_engine(url, lambda e: accounts.enable_user(e, username, datetime.now(UTC)))


def reset_password(url: str, username: str, password: str) -> int:
    hashed = auth.hash_password(password)  # refuses a short one before touching the store
    return _with_engine(
        url, lambda e: accounts.set_password(e, username, hashed, datetime.now(UTC))
    )


def wipe_user(url: str, username: str) -> bool:
    return _with_engine(url, lambda e: revocation.revoke_user(e, username, datetime.now(UTC)))


def wipe_device(url: str, client_id: str) -> bool:
    return _with_engine(url, lambda e: revocation.revoke_device(e, client_id, datetime.now(UTC)))


def devices(url: str, username: str) -> list[revocation.Device]:
    return _with_engine(url, lambda e: revocation.devices(e, username))


def describe(url: str) -> str:
    """The database URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def import_allocation(url: str, path, policy_pack: str | None = None, encoding: str | None = None):
    from collector_desk.server.imports import import_allocation_file
    from collector_desk.server.progress_bar import terminal_progress

    engine = central_engine(url)
    progress, close = terminal_progress()
    try:
        return import_allocation_file(
            engine, path, policy_pack, encoding=encoding, progress=progress
        )
    finally:
        close()
        engine.dispose()


def import_payments(url: str, path, encoding: str | None = None):
    from collector_desk.server.imports import import_payments_file

    engine = central_engine(url)
    try:
        return import_payments_file(engine, path, encoding=encoding)
    finally:
        engine.dispose()


def send_messages(url: str, env: Mapping[str, str]) -> str:
    """One pass over the messages desks queued (run it every minute from a timer); what was
    sent, retried, failed, refused or held back, as counts: never a number or a name."""
    from collector_desk.server.sending.configured import senders_from
    from collector_desk.server.sending.dispatch import send_due

    senders = senders_from(env)
    engine = central_engine(url)
    try:
        report = send_due(engine, senders, datetime.now(UTC))
    finally:
        engine.dispose()
    ways = ", ".join(sorted(c.value for c in senders)) or "none configured"
    return (
        f"{report.sent} sent, {report.retrying} to retry, {report.failed} failed, "
        f"{report.refused} refused by the rules, {report.waiting} waiting (channels: {ways})"
    )


def monitor_plans(url: str) -> int:
    """The daily check of every active plan against payments; run it from cron or a timer."""
    from sqlalchemy.orm import Session

    from collector_desk.store.central.changes import record_change
    from collector_desk.store.shared.plans import monitor_plans as judge_plans
    from collector_desk.store.shared.schema import Case

    engine = central_engine(url)
    now = datetime.now(UTC)
    try:
        with Session(engine) as session, session.begin():
            changed = judge_plans(session, now)
            for case_id in changed:  # collectors' next pull brings the broken plan
                record_change(session, session.get_one(Case, case_id), now)
            return len(changed)
    finally:
        engine.dispose()
