"""A property-based run of many desktops, outages and lost responses against one server, on a
SQLite central store and on PostgreSQL.

After any sequence of: logging calls in and out, going offline and online, reassigning cases,
marking numbers wrong centrally (a call out on one is still kept, and audited), losing or repeating
push responses, and a final sync of everyone:
- every fact a desk logged exists exactly once centrally, or is listed as refused on that desk
  with a reason the user can read; never both, never neither;
- nothing is ever doubled centrally, at any step;
- each desk's cache equals its user's scope of the central store: the same cases, each with
  the same owner and the same contacts;
- no outbox entry is left once everyone has synced.

Shrinking is on, so a failure is reported as a short program; the examples are few because
each one runs a live server and two desks (about a second each).
"""

import shutil
import tempfile
import uuid
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, ContactPointStatus, Direction, Outcome
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.schema import OutboxMutation, SyncIssue
from collector_desk.store.central.changes import record_change
from collector_desk.store.central.schema import CENTRAL
from collector_desk.store.shared.contact_log import ContactRejected
from collector_desk.store.shared.engine import make_engine, sqlite_url
from collector_desk.store.shared.migrate import upgrade
from collector_desk.store.shared.schema import Case, Contact, ContactPoint
from collector_desk.sync.client import Offline, SyncClient
from tests.live_central import Clock, LiveServer, _seed, seed_cases
from tests.pg_fixtures import _admin, _create, _drop

USERS = ("alice", "bob")
# Why a refusal may happen under these rules, each of which the desk shows in words
EXPECTED_REFUSALS: set[str] = set()  # a call out on a number marked wrong meanwhile is kept
CASES = 6
DEAD = "http://127.0.0.1:9"  # nothing listens here: an outage


class Sync(RuleBasedStateMachine):
    backend = "sqlite"

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.pg_name = None
        if self.backend == "postgres":
            admin = _admin()
            self.pg_name = f"cd_prop_{uuid.uuid4().hex[:12]}"
            _create(admin, self.pg_name)
            self.central = make_engine(admin.url.set(database=self.pg_name))
            admin.dispose()
        else:
            self.central = make_engine(sqlite_url(self.dir / "central.sqlite"))
        upgrade(self.central, CENTRAL)
        self.clock = Clock()
        _seed(self.central, self.clock.now)
        seed_cases(self.central, "alice", CASES // 2)
        seed_cases(self.central, "bob", CASES // 2, start=CASES // 2 + 1)
        self.server = LiveServer(self.central, self.clock)
        self.desks: dict[str, SyncClient] = {}
        self.online: dict[str, bool] = {}
        self.logged: dict[str, set[str]] = {u: set() for u in USERS}
        for user in USERS:
            engine = open_cache(self.dir / f"{user}.sqlite")
            client = SyncClient(
                engine,
                httpx.Client(base_url=self.server.url, timeout=10),
                self.server.login(user),
                clock=self.clock,
            )
            client.sync()
            self.desks[user], self.online[user] = client, True

    def _point(self, client, case_id):
        with Session(client.engine) as s:
            return s.scalars(
                select(ContactPoint.id)
                .join(Case, Case.customer_id == ContactPoint.customer_id)
                .where(Case.id == case_id)
            ).first()

    def _user_id(self, user):
        with Session(self.central) as s:
            return s.execute(text("SELECT id FROM users WHERE username = :u"), {"u": user}).scalar()

    @rule(user=st.sampled_from(USERS), pick=st.integers(0, CASES - 1), outbound=st.booleans())
    def log_a_fact(self, user, pick, outbound):
        client = self.desks[user]
        with Session(client.engine) as s:
            mine = sorted(s.scalars(select(Case.id).where(Case.assigned_to == self._user_id(user))))
        if not mine:
            return
        case_id = mine[pick % len(mine)]
        # the customer calling in is a fact no contact cap limits; a call out may be refused
        # on the desk (a cap, a number its cache knows is wrong) and then nothing is written
        entry = (
            ContactEntry(Channel.CALL, Outcome.NO_ANSWER, self._point(client, case_id))
            if outbound
            else ContactEntry(
                Channel.CALL,
                Outcome.RIGHT_PARTY,
                self._point(client, case_id),
                direction=Direction.INBOUND,
            )
        )
        try:
            logged = log_contact(client.engine, self._user_id(user), case_id, entry, self.clock())
        except ContactRejected:
            return
        self.logged[user].add(logged.contact_id)

    @rule(pick=st.integers(1, CASES))
    def mark_a_number_wrong_centrally(self, pick):
        """Someone else learns the number is wrong; a desk that has not synced may still call
        it. Its later inbound calls (the customer calling) stay facts."""
        with Session(self.central) as s, s.begin():
            case = s.get(Case, pick)
            point = s.scalars(
                select(ContactPoint)
                .where(ContactPoint.customer_id == case.customer_id)
                .order_by(ContactPoint.id)
            ).first()
            if point.status is not ContactPointStatus.WRONG_NUMBER:
                point.status = ContactPointStatus.WRONG_NUMBER
                record_change(s, case, self.clock())

    @rule(user=st.sampled_from(USERS))
    def go_offline(self, user):
        self.desks[user].http = httpx.Client(base_url=DEAD, timeout=1)
        self.online[user] = False

    @rule(user=st.sampled_from(USERS))
    def come_back(self, user):
        self.desks[user].http = httpx.Client(base_url=self.server.url, timeout=10)
        self.online[user] = True

    @rule(user=st.sampled_from(USERS))
    def sync(self, user):
        try:
            self.desks[user].sync()
        except Offline:
            assert not self.online[user]

    @precondition(lambda self: True)
    @rule(user=st.sampled_from(USERS), repeat=st.booleans())
    def push_but_lose_the_response(self, user, repeat):
        """The server applies the push; the answer never reaches the desktop (or twice)."""
        client = self.desks[user]
        if not self.online[user]:
            return
        with Session(client.engine) as s:
            batch = s.scalars(select(OutboxMutation).order_by(OutboxMutation.mutation_id)).all()
            body = {
                "client_id": client.client_id,
                "mutations": [{"id": m.mutation_id, "name": m.name, "args": m.args} for m in batch],
            }
        for _ in range(2 if repeat else 1):
            self.server.http.post(
                "/api/v1/sync/push", json=body, headers={"Authorization": f"Bearer {client.token}"}
            )

    @rule(pick=st.integers(1, CASES), to=st.sampled_from(USERS))
    def reassign(self, pick, to):
        with Session(self.central) as s, s.begin():
            case = s.get(Case, pick)
            target = self._user_id(to)
            if case.assigned_to != target:
                previous = case.assigned_to
                case.assigned_to = target
                record_change(s, case, self.clock(), previous_user_id=previous)

    @invariant()
    def nothing_is_ever_doubled_centrally(self):
        with Session(self.central) as s:
            ids = s.scalars(select(Contact.id)).all()
        assert len(ids) == len(set(ids))

    def teardown(self):
        try:
            for user in USERS:  # quiescence: everyone online, synced twice
                self.come_back(user)
            for _ in range(2):
                for user in USERS:
                    self.desks[user].sync()
            with Session(self.central) as s:
                central_ids = list(s.scalars(select(Contact.id)))
                assignment = dict(s.execute(select(Case.id, Case.assigned_to)).all())
                central_contacts = {
                    case_id: set(s.scalars(select(Contact.id).where(Contact.case_id == case_id)))
                    for case_id in assignment
                }
            assert len(central_ids) == len(set(central_ids))
            for user, client in self.desks.items():
                with Session(client.engine) as s:
                    assert s.scalar(select(func.count()).select_from(OutboxMutation)) == 0
                    refusals = {
                        issue.args["contact_id"]: issue.reason
                        for issue in s.scalars(select(SyncIssue))
                        if issue.name == "log_contact"
                    }
                    cached = dict(s.execute(select(Case.id, Case.assigned_to)).all())
                    cached_contacts = {
                        case_id: set(
                            s.scalars(select(Contact.id).where(Contact.case_id == case_id))
                        )
                        for case_id in cached
                    }
                for contact_id in self.logged[user]:  # kept centrally xor refused in words
                    assert (contact_id in central_ids) != (contact_id in refusals), contact_id
                assert set(refusals.values()) <= EXPECTED_REFUSALS
                mine = {c for c, owner in assignment.items() if owner == self._user_id(user)}
                assert set(cached) == mine  # the cache is exactly the user's scope
                assert all(cached[c] == assignment[c] for c in mine)
                assert cached_contacts == {c: central_contacts[c] for c in mine}
        finally:
            for client in self.desks.values():
                client.http.close()
                client.engine.dispose()
            self.server.stop()
            self.central.dispose()
            shutil.rmtree(self.dir, ignore_errors=True)
            if self.pg_name is not None:
                admin = _admin()
                _drop(admin, self.pg_name)
                admin.dispose()


SETTINGS = settings(
    max_examples=15,
    stateful_step_count=14,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class SyncOnPostgreSQL(Sync):
    backend = "postgres"


Sync.TestCase.settings = SETTINGS
SyncOnPostgreSQL.TestCase.settings = SETTINGS
TestSyncOnSQLite = Sync.TestCase
TestSyncOnPostgreSQL = pytest.mark.postgres(SyncOnPostgreSQL.TestCase)
