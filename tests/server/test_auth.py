from datetime import UTC, datetime, timedelta

import pytest

from collector_desk.server.auth import FREE_ATTEMPTS, lock_for
from tests.live_central import PASSWORD


def test_health_and_openapi_are_served(live):
    health = live.http.get("/healthz").json()
    assert health["status"] == "ok" and health["warnings"] == []
    paths = live.http.get("/openapi.json").json()["paths"]
    assert "/api/v1/auth/login" in paths and "/api/v1/me" in paths


def test_health_warns_it_before_a_packs_public_holidays_run_out(live):
    # the library computes Australia's holidays up to 2100: 90 days before, IT hears of it
    live.clock.now = datetime(2100, 10, 3, 12, 0, tzinfo=UTC)
    health = live.http.get("/healthz").json()
    assert health["status"] == "ok"
    assert [w.split(":")[0] for w in health["warnings"]] == ["policy pack AU"]
    assert "2100-12-31" in health["warnings"][0]


def test_sign_in_gives_a_token_that_opens_the_api(live):
    token = live.login("alice")
    me = live.http.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert (me.json()["username"], me.json()["role"]) == ("alice", "collector")


@pytest.mark.parametrize("header", [None, "Bearer nonsense", "Basic YWxpY2U6eA=="])
def test_no_or_bad_token_is_refused(live, header):
    headers = {} if header is None else {"Authorization": header}
    assert live.http.get("/api/v1/me", headers=headers).status_code == 401


def test_a_token_expires(live):
    token = live.login("alice")
    live.clock.now += timedelta(hours=12, seconds=1)
    assert (
        live.http.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    )


def test_logout_and_admin_revocation_end_sign_ins(live):
    from collector_desk.store.central.accounts import end_sign_ins

    token = live.login("alice")
    auth = {"Authorization": f"Bearer {token}"}
    assert live.http.post("/api/v1/auth/logout", headers=auth).status_code == 204
    assert live.http.get("/api/v1/me", headers=auth).status_code == 401
    tokens = [live.login("bob") for _ in range(2)]
    assert end_sign_ins(live.engine, "bob", live.clock.now) == 2
    for token in tokens:
        assert (
            live.http.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code
            == 401
        )


def test_wrong_password_and_unknown_user_look_the_same(live):
    wrong = live.http.post("/api/v1/auth/login", json={"username": "alice", "password": "nope"})
    unknown = live.http.post("/api/v1/auth/login", json={"username": "zed", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"error": "bad_credentials"}


def test_repeated_failures_slow_the_next_attempt_even_with_the_right_password(live):
    for _ in range(FREE_ATTEMPTS):
        live.http.post("/api/v1/auth/login", json={"username": "alice", "password": "nope"})
    locked = live.http.post("/api/v1/auth/login", json={"username": "alice", "password": PASSWORD})
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) >= 1
    live.clock.now += timedelta(seconds=int(locked.headers["Retry-After"]))
    assert live.login("alice")  # the lock passes; success resets the count


def test_lockout_grows_and_is_capped():
    assert lock_for(FREE_ATTEMPTS - 1) is None
    assert lock_for(FREE_ATTEMPTS) == timedelta(seconds=1)
    assert lock_for(FREE_ATTEMPTS + 3) == timedelta(seconds=8)
    assert lock_for(100) == timedelta(minutes=15)


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"username": "alice"}', b'{"username": 5, "password": []}', b"[]"],
)
def test_malformed_login_bodies_get_a_4xx(live, body):
    response = live.http.post(
        "/api/v1/auth/login", content=body, headers={"Content-Type": "application/json"}
    )
    assert 400 <= response.status_code < 500


def test_oversized_payloads_are_refused_before_reading(live):
    response = live.http.post(
        "/api/v1/auth/login", content=b"x" * 5_000_001, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413


def test_lead_actions_refuse_collectors_and_show_a_lead_only_their_team(live):
    collector = {"Authorization": f"Bearer {live.login('alice')}"}
    assert live.http.get("/api/v1/team/members", headers=collector).status_code == 403
    lead = {"Authorization": f"Bearer {live.login('lead')}"}
    names = [u["username"] for u in live.http.get("/api/v1/team/members", headers=lead).json()]
    assert names == ["alice", "bob", "lead"]  # not carol of Team B
    admin = {"Authorization": f"Bearer {live.login('admin')}"}
    assert "carol" in [
        u["username"] for u in live.http.get("/api/v1/team/members", headers=admin).json()
    ]
    assert live.http.get("/api/v1/team/members").status_code == 401


def test_the_service_speaks_https_when_given_a_certificate(central_url, tmp_path):
    import ssl
    import threading
    import time

    import httpx
    import trustme
    import uvicorn

    from collector_desk.server.app import create_app
    from collector_desk.store.shared.engine import make_engine

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    cert_file, key_file = tmp_path / "server.pem", tmp_path / "server.key"
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    engine = make_engine(central_url)
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(engine),
            log_level="warning",
            lifespan="off",
            ssl_certfile=str(cert_file),
            ssl_keyfile=str(key_file),
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        trusted = ssl.create_default_context()
        ca.configure_trust(trusted)
        with httpx.Client(verify=trusted) as client:
            assert client.get(f"https://127.0.0.1:{port}/healthz").json()["status"] == "ok"
        with pytest.raises(httpx.HTTPError), httpx.Client() as stranger:
            stranger.get(f"https://127.0.0.1:{port}/healthz")  # an untrusted certificate
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()
