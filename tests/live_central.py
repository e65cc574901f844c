"""A real sync service on 127.0.0.1, over a SQLite file and over PostgreSQL: the fixtures of
every test that syncs a desk with the central store."""

import functools
import shutil
import socket
import threading
import time
from datetime import UTC, datetime

import httpx
import pytest
import uvicorn
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.server import auth
from collector_desk.server.app import create_app
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.central.schema import CENTRAL, Credential
from collector_desk.store.shared.engine import make_central_engine, make_engine, sqlite_url
from collector_desk.store.shared.migrate import upgrade
from collector_desk.store.shared.schema import Team, User
from collector_desk.sync.client import SyncClient

PASSWORD = "correct horse battery"


class Clock:
    """The server's clock, which tests move forward (token expiry, lockouts)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class LiveServer:
    def __init__(self, engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self.app = create_app(engine, clock)
        config = uvicorn.Config(self.app, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{self.port}"
        self.http = httpx.Client(base_url=self.url, timeout=10)

    def stop(self) -> None:
        self.http.close()
        self.app.state.change_feed.close()  # long polls answered: the server stops at once
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def login(self, username: str, password: str = PASSWORD) -> str:
        response = self.http.post(
            "/api/v1/auth/login", json={"username": username, "password": password}
        )
        assert response.status_code == 200, response.text
        return response.json()["token"]


@functools.cache
def _password_hash() -> str:
    return auth.hash_password(PASSWORD)  # argon2 is slow on purpose: hash once per run


USERS = (  # username, role, team
    ("lead", Role.TEAM_LEAD, "Team A"),
    ("alice", Role.COLLECTOR, "Team A"),
    ("bob", Role.COLLECTOR, "Team A"),
    ("carol", Role.COLLECTOR, "Team B"),
    ("admin", Role.ADMIN, None),
)


def _seed(engine, now) -> None:
    """Two teams and five users in one transaction (the admin commands take one each)."""
    with Session(engine) as session, session.begin():
        teams = {name: Team(name=name) for name in ("Team A", "Team B")}
        session.add_all(teams.values())
        session.flush()
        for username, role, team in USERS:
            user = User(
                username=username,
                display_name=username.title(),
                role=role,
                team_id=teams[team].id if team else None,
                active=True,
                created_at=now,
                locale="zh_CN",
                time_zone="Asia/Shanghai",
            )
            session.add(user)
            session.flush()
            session.add(
                Credential(user_id=user.id, password_hash=_password_hash(), failed_logins=0)
            )


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("central") / "template.sqlite"
    engine = make_engine(sqlite_url(path))  # its own transactions: a checkpoint takes none
    upgrade(engine, CENTRAL)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", "postgres"])
def central_url(request, tmp_path):
    """A central store at the newest schema: a SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "central.sqlite"
        shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        return sqlite_url(path)
    return request.getfixturevalue("pg_migrated_url")


@pytest.fixture
def live(central_url):
    engine = make_central_engine(central_url)
    clock = Clock()
    _seed(engine, clock.now)
    server = LiveServer(engine, clock)
    yield server
    server.stop()
    engine.dispose()


def seed_cases(engine, username: str, count: int, start: int = 1) -> list[int]:
    """Cases for one collector, with a customer, an account and two numbers each."""
    from datetime import date

    from sqlalchemy import select

    from collector_desk.domain.cases import CaseStatus
    from collector_desk.domain.contacts import ContactPointKind, ContactPointStatus, Relation
    from collector_desk.store.central.changes import record_change
    from collector_desk.store.shared.schema import CardAccount, Case, ContactPoint, Customer

    now = Clock().now
    ids = []
    with Session(engine) as session, session.begin():
        user = session.scalars(select(User).where(User.username == username)).one()
        for n in range(start, start + count):
            customer = Customer(
                id=n,
                customer_ref=f"C{n:09d}",
                full_name=f"{username.title()} Customer {n}",
                national_id=f"1101051990010{n:05d}",
                preferred_language="zh_CN",
                country="CN",
                time_zone="Asia/Shanghai",
                created_at=now,
            )
            session.add(customer)
            session.flush()
            session.add(
                CardAccount(
                    customer_id=n,
                    account_ref=f"A{n:010d}",
                    card_last4=f"{n % 10000:04d}",
                    product="gold",
                    currency="CNY",
                    credit_limit_minor=5_000_000,
                    balance_minor=1_000_000,
                    overdue_minor=200_000,
                    minimum_due_minor=50_000,
                    dpd=35,
                    bucket="M2",
                    due_date=date(2026, 10, 24),
                    opened_on=date(2020, 1, 1),
                )
            )
            for i, status in enumerate((ContactPointStatus.VALID, ContactPointStatus.VALID)):
                session.add(
                    ContactPoint(
                        customer_id=n,
                        kind=ContactPointKind.MOBILE,
                        value=f"+86138{n:04d}{i:04d}",
                        relation=Relation.SELF,
                        status=status,
                        time_zone="Asia/Shanghai",
                        preferred=i == 0,
                    )
                )
            case = Case(
                id=n,
                case_ref=f"K{n:09d}",
                customer_id=n,
                assigned_to=user.id,
                team_id=user.team_id,
                status=CaseStatus.OPEN,
                segment="early",
                currency="CNY",
                max_dpd=35,
                bucket="M2",
                overdue_minor=200_000,
                balance_minor=1_000_000,
                priority=50,
                opened_at=now,
                assigned_at=now,
                policy_pack="CN",
                time_zone="Asia/Shanghai",
                blocked=False,
            )
            session.add(case)
            session.flush()
            record_change(session, case, now)
            ids.append(n)
    return ids


@pytest.fixture
def desk(live, tmp_path):
    """A desktop: its own cache and a sync client signed in as the given user."""
    made = []

    def make(username: str):
        engine = open_cache(tmp_path / f"{username}-{len(made)}.sqlite")
        client = SyncClient(
            engine,
            httpx.Client(base_url=live.url, timeout=10),
            live.login(username),
            clock=lambda: live.clock.now,
        )
        made.append(client)
        return client

    yield make
    for client in made:
        client.http.close()
        client.engine.dispose()


def desk_window(qtbot, qapp, engine, clock, username="alice", url=None):
    """The main window in English, signed in as `username`; with a server url, syncing with
    it in the background (returns the window and its sync controller, or None)."""
    from zoneinfo import ZoneInfo

    from collector_desk.store.cache.queue import CaseQueue
    from collector_desk.store.shared.people import find_user
    from collector_desk.sync.client import sign_in
    from collector_desk.ui.common.i18n import Translations
    from collector_desk.ui.shell.main_window import MainWindow
    from collector_desk.ui.shell.sync_controller import SyncController

    translations = Translations(qapp)
    translations.set_language("en")
    user = find_user(engine, username)
    window = MainWindow(
        CaseQueue(engine, user.id, ZoneInfo("Asia/Shanghai"), clock=clock),
        user,
        translations,
        clock=clock,
    )
    qtbot.addWidget(window)
    controller = None
    if url is not None:

        def make_client():
            http = httpx.Client(base_url=url, timeout=5)
            return SyncClient(engine, http, sign_in(http, username, PASSWORD), clock=clock)

        controller = SyncController(make_client, window, clock=clock)
        window.attach_sync(controller)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.table.setFocus()
    return window, controller
