"""Shutting accounts (disable, revoke, a new password) and the brake on guessing passwords,
each on a SQLite and a PostgreSQL central store."""

import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Outcome
from collector_desk.server import auth
from collector_desk.store.central import accounts, revocation
from collector_desk.store.central.schema import Credential
from collector_desk.store.shared.schema import Case, User
from tests.live_central import PASSWORD, seed_cases
from tests.server.test_sync import _log

LEAD_ROUTES = (
    ("GET", "/api/v1/me", None),
    ("GET", "/api/v1/team/members", None),
    ("GET", "/api/v1/team/audit", None),
    ("GET", "/api/v1/team/kpis", {"since": "2026-11-01", "until": "2026-11-28"}),
    ("GET", "/api/v1/sync/manifest", None),
    ("GET", "/api/v1/sync/pull", None),
)


def _statuses(live, token: str) -> dict[str, int]:
    headers = {"Authorization": f"Bearer {token}"}
    return {
        path: live.http.request(method, path, headers=headers, params=params).status_code
        for method, path, params in LEAD_ROUTES
    }


def _login(live, username: str, password: str, http: httpx.Client | None = None):
    body = {"username": username, "password": password}
    return (http or live.http).post("/api/v1/auth/login", json=body)


def _push(live, token: str) -> httpx.Response:
    body = {"client_id": str(uuid.uuid4()), "mutations": []}
    return live.http.post(
        "/api/v1/sync/push", json=body, headers={"Authorization": f"Bearer {token}"}
    )


def test_a_wiped_lead_s_old_token_reads_nothing_and_cannot_sign_in_again(live):
    token = live.login("lead")
    assert set(_statuses(live, token).values()) == {200}
    assert revocation.revoke_user(live.engine, "lead", live.clock.now)
    assert set(_statuses(live, token).values()) == {410}  # /me and the team's views included
    pushed = _push(live, token)  # what the desktop holds is still taken, then it wipes
    assert pushed.status_code == 200 and pushed.json()["revoked"] is True
    again, unknown = _login(live, "lead", PASSWORD), _login(live, "nobody", PASSWORD)
    assert again.status_code == unknown.status_code == 401
    assert again.json() == unknown.json() == {"error": "bad_credentials"}
    other = {"Authorization": f"Bearer {live.login('admin')}"}
    names = [u["username"] for u in live.http.get("/api/v1/team/members", headers=other).json()]
    assert "lead" not in names  # a leader's name is offered for no more cases
    accounts.enable_user(live.engine, "lead", live.clock.now)
    assert _statuses(live, token)["/api/v1/me"] == 401  # an old sign-in never comes back
    assert set(_statuses(live, live.login("lead")).values()) == {200}


def test_a_wiped_device_is_refused_everywhere_but_its_user_s_other_desk_is_not(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    laptop, office = desk("alice"), desk("alice")
    for client in (laptop, office):  # a desktop is known once it has pushed
        client.sync()
        _log(client, case_id, Outcome.NO_ANSWER)
        client.sync()
    assert revocation.revoke_device(live.engine, laptop.client_id, live.clock.now)
    me = {"Authorization": f"Bearer {laptop.token}", "X-Client-Id": laptop.client_id}
    assert live.http.get("/api/v1/me", headers=me).status_code == 410
    me = {"Authorization": f"Bearer {office.token}", "X-Client-Id": office.client_id}
    assert live.http.get("/api/v1/me", headers=me).status_code == 200
    assert live.login("alice")  # the user is not shut, only that laptop


def test_a_disabled_user_is_refused_everywhere_and_keeps_their_data(live):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    token = live.login("alice")
    assert accounts.disable_user(live.engine, "alice", live.clock.now) == 1
    assert set(_statuses(live, token).values()) == {401}
    assert _push(live, token).status_code == 401  # a disabled desk sends nothing either
    wrong, unknown = _login(live, "alice", PASSWORD), _login(live, "nobody", PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"error": "bad_credentials"}
    with Session(live.engine) as session:  # nothing of theirs is deleted
        alice = session.scalars(select(User).where(User.username == "alice")).one()
        assert session.get_one(Case, case_id).assigned_to == alice.id
    accounts.enable_user(live.engine, "alice", live.clock.now)
    assert _statuses(live, token)["/api/v1/me"] == 401  # the old sign-in stays ended
    assert _statuses(live, live.login("alice"))["/api/v1/sync/pull"] == 200


def test_a_new_password_ends_every_sign_in_and_the_old_one_stops_working(live):
    tokens = [live.login("bob") for _ in range(2)]
    new = "a brand new passphrase"
    hashed = auth.hash_password(new)
    assert accounts.set_password(live.engine, "bob", hashed, live.clock.now) == 2
    for token in tokens:
        assert _statuses(live, token)["/api/v1/me"] == 401
    assert _login(live, "bob", PASSWORD).status_code == 401
    assert live.login("bob", new)
    with Session(live.engine) as session:
        bob = session.scalars(select(User).where(User.username == "bob")).one()
        assert session.get_one(Credential, bob.id).password_hash.startswith("$argon2id$")
    with pytest.raises(accounts.AccountError):
        accounts.set_password(live.engine, "nobody", hashed, live.clock.now)


def test_a_stranger_s_failures_do_not_lock_the_collector_out(live):
    stranger = httpx.Client(
        base_url=live.url, timeout=10, transport=httpx.HTTPTransport(local_address="127.0.0.2")
    )
    try:
        answers = [_login(live, "alice", "guess", stranger) for _ in range(auth.FREE_ATTEMPTS + 3)]
    finally:
        stranger.close()
    assert answers[-1].status_code == 429  # the stranger's own address waits
    assert live.login("alice")  # alice, at her own address, signs in at once


def test_the_brake_answers_alike_for_a_real_name_and_an_unknown_one(live):
    def tries(username: str) -> list[httpx.Response]:
        return [_login(live, username, "guess") for _ in range(auth.FREE_ATTEMPTS + 2)]

    real, unknown = tries("alice"), tries("nobody-here")
    assert [r.status_code for r in real] == [r.status_code for r in unknown]
    assert [r.json() for r in real] == [r.json() for r in unknown]
    assert [r.headers.get("Retry-After") for r in real] == [
        r.headers.get("Retry-After") for r in unknown
    ]
    assert real[-1].status_code == 429 and real[0].status_code == 401


def test_a_pair_quiet_for_a_day_starts_again(live):
    for _ in range(auth.FREE_ATTEMPTS + 4):
        _login(live, "alice", "guess")
    live.clock.now += auth.MAX_LOCK  # the wait is over, but the count is remembered
    assert _login(live, "alice", "guess").status_code == 429
    live.clock.now += auth.FORGET_FAILURES_AFTER + timedelta(seconds=1)
    assert _login(live, "alice", "guess").status_code == 401


def test_an_unknown_name_costs_the_same_argon2_work_as_a_known_one(live, monkeypatch):
    verified: list[str] = []
    real_verify = auth.passwords.verify

    def counting(hashed: str, password: str) -> bool:
        verified.append(hashed.split("$")[1])  # the algorithm only: argon2id
        return real_verify(hashed, password)

    monkeypatch.setattr(auth.passwords, "verify", counting)
    accounts.disable_user(live.engine, "bob", live.clock.now)
    for name in ("alice", "nobody", "bob"):  # wrong password, unknown, disabled
        assert _login(live, name, "wrong password").status_code == 401
    assert verified == ["argon2id"] * 3
