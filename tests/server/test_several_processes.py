"""Several service processes over one PostgreSQL database: real `collector-desk server`
processes (one plain, one with --workers 2) and desks that alternate between them."""

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, Direction, Outcome
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.central.changes import record_change
from collector_desk.store.shared.engine import make_engine
from collector_desk.store.shared.schema import Case, Contact, ContactPoint, Promise, User
from collector_desk.sync.client import SyncClient, sign_in
from tests.live_central import PASSWORD, Clock, _seed, seed_cases
from tests.service_process import Service


@pytest.fixture
def two_services(pg_migrated_url):
    url = pg_migrated_url.render_as_string(hide_password=False)
    engine = make_engine(pg_migrated_url)
    _seed(engine, Clock().now)
    seed_cases(engine, "alice", 8)
    seed_cases(engine, "bob", 8, start=100)
    started: list[Service] = []
    try:
        started.append(Service(url))
        started.append(Service(url, "--workers", "2"))
        yield engine, started[0], started[1]
    finally:
        for service in started:
            service.stop()
        engine.dispose()


class Desk:
    """A desktop with its own cache, signed in once, that can be pointed at either process."""

    def __init__(self, tmp_path, username: str, first, second) -> None:
        self.answers: list[int] = []
        hooks = {"response": [lambda r: self.answers.append(r.status_code)]}
        self.https = [
            httpx.Client(base_url=s.url, timeout=10, event_hooks=hooks) for s in (first, second)
        ]
        engine = open_cache(tmp_path / f"{username}.sqlite")
        # signed in on the first process, used on both: sign-ins live in the database
        self.client = SyncClient(engine, self.https[0], sign_in(self.https[0], username, PASSWORD))

    def via(self, n: int) -> SyncClient:
        self.client.http = self.https[n]
        return self.client

    def log(self, case_id: int, promise: bool) -> str:
        engine = self.client.engine
        with Session(engine) as s:
            point = s.scalars(
                select(ContactPoint.id)
                .join(Case, Case.customer_id == ContactPoint.customer_id)
                .where(Case.id == case_id)
            ).first()
            user_id = s.get_one(Case, case_id).assigned_to
        today = datetime.now(UTC)
        entry = ContactEntry(
            Channel.CALL,
            Outcome.PROMISE_TO_PAY if promise else Outcome.RIGHT_PARTY,
            point,
            Direction.INBOUND,  # no contact hours apply: the test runs at any hour
            promise_amount_minor=50_000 if promise else None,
            promise_date=(today + timedelta(days=3)).date() if promise else None,
        )
        return log_contact(engine, user_id, case_id, entry, today).contact_id

    def ids(self, model) -> list[str]:
        with Session(self.client.engine) as s:
            return sorted(s.scalars(select(model.id)))

    def close(self) -> None:
        for http in self.https:
            http.close()
        self.client.engine.dispose()


def _central_ids(engine, model) -> list[str]:
    with Session(engine) as s:
        return sorted(s.scalars(select(model.id)))


def test_desks_alternating_between_two_processes_lose_nothing_and_repeat_nothing(
    two_services, tmp_path
):
    central, first, second = two_services
    alice, bob, lead = (Desk(tmp_path, name, first, second) for name in ("alice", "bob", "lead"))
    try:
        alice.via(0).sync()
        bob.via(1).sync()
        lead.via(1).sync()
        assert len(lead.ids(Case)) == 16  # the team's cases, whichever process answered

        # offline: contacts and promises wait in each desk's outbox
        logged = [alice.log(n, promise=n % 2 == 0) for n in range(1, 7)]
        logged += [bob.log(n, promise=n % 2 == 1) for n in range(100, 106)]

        # alice's first half reaches the first process, its answer "lost" on the way back
        with Session(alice.client.engine) as s:
            half = s.scalars(select(OutboxMutation).order_by(OutboxMutation.mutation_id)).all()[:3]
            body = {
                "client_id": alice.client.client_id,
                "mutations": [{"id": m.mutation_id, "name": m.name, "args": m.args} for m in half],
            }
        headers = {"Authorization": f"Bearer {alice.client.token}"}
        lost = alice.https[0].post("/api/v1/sync/push", json=body, headers=headers)
        assert [r["status"] for r in lost.json()["results"]] == ["applied"] * 3
        # the desk, never having seen that answer, pushes all six to the second process,
        # which answers the first three as the first did (applied) and applies them no more
        assert alice.via(1).push() == (6, 0)
        # the same first half replayed to the second process: the same answer, nothing new
        replayed = alice.https[1].post("/api/v1/sync/push", json=body, headers=headers)
        assert replayed.json()["results"] == lost.json()["results"]
        assert bob.via(0).push() == (6, 0)

        assert _central_ids(central, Contact) == sorted(logged)
        with Session(central) as s:
            assert s.scalar(select(func.count()).select_from(Promise)) == 6

        # a case moves from alice to bob behind both processes' backs
        with Session(central) as s, s.begin():
            ids = {name: id_ for name, id_ in s.execute(select(User.username, User.id))}
            case = s.get_one(Case, 1)
            case.assigned_to = ids["bob"]
            record_change(s, case, datetime.now(UTC), previous_user_id=ids["alice"])

        # pulls alternate: each cursor was issued by the other process
        for turn in range(4):
            for desk in (alice, bob, lead):
                desk.via((turn + (desk is bob)) % 2).sync()
        assert 1 not in alice.ids(Case) and 1 in bob.ids(Case)
        assert lead.ids(Contact) == sorted(logged)
        assert lead.ids(Promise) == _central_ids(central, Promise)
        assert bob.ids(Contact) == sorted([*logged[6:], *_contacts_of_case(central, 1)])
        for desk in (alice, bob, lead):
            assert 409 not in desk.answers  # no cursor was refused: no desk started over
            with Session(desk.client.engine) as s:
                assert s.scalar(select(func.count()).select_from(OutboxMutation)) == 0

        # the same cursor read from either process gives the same page
        cursor = _cursor_before_the_move(lead)
        pages = [
            lead.https[n].get(
                "/api/v1/sync/pull",
                params={"cursor": cursor},
                headers={"Authorization": f"Bearer {lead.client.token}"},
            )
            for n in (0, 1)
        ]
        assert [p.status_code for p in pages] == [200, 200]
        a, b = ({k: v for k, v in p.json().items() if k != "server_time"} for p in pages)
        assert a == b and [c["cases"][0]["id"] for c in a["cases"]] == [1]
    finally:
        for desk in (alice, bob, lead):
            desk.close()


def _contacts_of_case(engine, case_id: int) -> list[str]:
    with Session(engine) as s:
        return list(s.scalars(select(Contact.id).where(Contact.case_id == case_id)))


def _cursor_before_the_move(desk: Desk) -> str:
    """A cursor from before the last change: the stored cursor with its change one back."""
    from collector_desk.store.cache import local_sync

    store, tx, change = (local_sync.cursor(desk.client.engine) or "").split(".")
    return f"{store}.{tx}.{int(change) - 1}"


def test_several_workers_on_a_sqlite_store_are_refused(tmp_path):
    db = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite'}"
    refused = subprocess.run(
        [sys.executable, "-m", "collector_desk.cli", "server", "--db", db, "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2
    assert "--workers needs a PostgreSQL central store" in refused.stderr
