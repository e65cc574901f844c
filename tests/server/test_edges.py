"""Nothing a request carries can make the service answer 500 or read without end: out-of-range
query parameters get a 4xx, and the body cap holds for chunked bodies too."""

import contextlib
import select
import socket
import time

import pytest

from collector_desk.server.app import MAX_BODY

BIG = 2**63
INT32 = 2**31
NUL = "a\x00b"


def _get(live, token, path, **params):
    return live.http.get(path, params=params, headers={"Authorization": f"Bearer {token}"})


def test_out_of_range_query_parameters_get_a_4xx_never_a_500(live):
    lead = live.login("lead")
    first = _get(live, lead, "/api/v1/sync/pull")
    assert first.status_code == 200
    store = first.json()["cursor"].split(".")[0]
    refused = [
        # (path, params, status)
        ("/api/v1/sync/pull", {"after_case": BIG}, 422),
        ("/api/v1/sync/pull", {"after_case": INT32}, 422),
        ("/api/v1/sync/pull", {"after_case": -1}, 422),
        ("/api/v1/sync/pull", {"cursor": f"{store}.{BIG}.1"}, 409),
        ("/api/v1/sync/pull", {"cursor": f"{store}.1.{BIG}"}, 409),
        ("/api/v1/sync/pull", {"cursor": f"{store}.{10**4000}.1"}, 422),  # too long
        ("/api/v1/sync/pull", {"cursor": f"{store}.-1.1"}, 409),
        ("/api/v1/sync/pull", {"cursor": "a.b"}, 409),
        ("/api/v1/sync/pull", {"cursor": "x" * 5000}, 422),
        ("/api/v1/sync/pull", {"after_case": 5, "bound": f"{store}.{BIG}.0"}, 409),
        ("/api/v1/team/kpis", {"since": "0001-01-01", "until": "0001-01-02"}, 422),
        ("/api/v1/team/kpis", {"since": "9999-12-30", "until": "9999-12-31"}, 422),
        ("/api/v1/team/kpis", {"since": "2026-11-01", "until": "2026-11-02", "username": NUL}, 422),
        ("/api/v1/team/kpis", {"since": "2026-11-02", "until": "2026-11-01"}, 422),
        ("/api/v1/team/audit", {"case_id": INT32}, 422),
        ("/api/v1/team/audit", {"case_id": -BIG}, 422),
        ("/api/v1/team/audit", {"since": "0001-01-01T00:00:00+14:00"}, 422),
        ("/api/v1/team/audit", {"until": "9999-12-31T23:59:59-12:00"}, 422),
        ("/api/v1/team/audit", {"username": NUL}, 422),
        ("/api/v1/team/audit", {"action": NUL}, 422),
        ("/api/v1/team/audit", {"action": "x" * 65}, 422),
        ("/api/v1/team/audit", {"limit": BIG}, 422),
        ("/api/v1/sync/pull", {"limit": BIG}, 422),
    ]
    for path, params, expected in refused:
        got = _get(live, lead, path, **params)
        assert got.status_code == expected, (path, params, got.status_code)
    accepted = [
        ("/api/v1/sync/pull", {"after_case": INT32 - 1}),
        ("/api/v1/sync/pull", {"cursor": f"{store}.{BIG - 1}.{BIG - 1}"}),
        ("/api/v1/team/audit", {"case_id": INT32 - 1, "since": "1900-01-02T00:00:00+00:00"}),
        ("/api/v1/team/kpis", {"since": "2199-12-01", "until": "2199-12-31"}),
    ]
    for path, params in accepted:
        got = _get(live, lead, path, **params)
        assert got.status_code == 200, (path, params, got.status_code)
    too_long_client = live.http.get(
        "/api/v1/sync/manifest",
        headers={"Authorization": f"Bearer {lead}", "X-Client-Id": "c" * 5000},
    )
    assert too_long_client.status_code == 422
    login = live.http.post("/api/v1/auth/login", json={"username": NUL, "password": "x"})
    assert login.status_code == 422


def test_the_openapi_document_lists_each_routes_refusals(live):
    paths = live.http.get("/openapi.json").json()["paths"]

    def codes(path, method):
        return set(paths[path][method]["responses"])

    assert {"401", "409", "410", "422"} <= codes("/api/v1/sync/pull", "get")
    assert {"401", "403", "422"} <= codes("/api/v1/team/kpis", "get")
    assert {"401", "403", "422"} <= codes("/api/v1/team/audit", "get")
    assert {"401", "403"} <= codes("/api/v1/team/members", "get")
    assert {"401", "410", "422"} <= codes("/api/v1/sync/manifest", "get")
    assert {"401", "410"} <= codes("/api/v1/me", "get")
    assert {"401"} <= codes("/api/v1/auth/logout", "post")
    assert {"400", "401", "403", "409", "413", "422"} <= codes("/api/v1/sync/push", "post")
    assert {"400", "401", "413", "422", "429"} <= codes("/api/v1/auth/login", "post")


def _chunked_post(url_port: int, path: str, token: str, total: int) -> tuple[bytes, int]:
    """POST `total` bytes as a chunked body, stopping as soon as an answer arrives: the
    answer's first bytes, and how much was sent before it came."""
    sock = socket.create_connection(("127.0.0.1", url_port), timeout=10)
    sock.sendall(
        (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        ).encode()
    )
    chunk = b"[" * (256 * 1024)
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    answer = b""
    deadline = time.monotonic() + 60
    try:
        while sent < total and time.monotonic() < deadline:
            readable, writable, _ = select.select([sock], [sock], [], 1)
            if readable:
                break
            if writable:
                sock.sendall(framed)
                sent += len(chunk)
        select.select([sock], [], [], 10)
        answer = sock.recv(65536)
    except (BrokenPipeError, ConnectionResetError):  # the answer may be waiting all the same
        with contextlib.suppress(OSError):
            answer = sock.recv(65536)
    finally:
        sock.close()
    return answer, sent


@pytest.mark.parametrize("path", ["/api/v1/sync/push", "/api/v1/auth/login"])
def test_a_100_mb_chunked_body_is_refused_with_413_unread(live, path):
    token = live.login("alice")
    answer, sent = _chunked_post(live.port, path, token, 100_000_000)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]
    assert sent < 40_000_000  # stopped at the cap, not after taking in all 100 MB


def test_a_chunked_body_under_the_cap_is_read(live):
    token = live.login("alice")
    body = b'{"client_id": "11111111-1111-1111-1111-111111111111", "mutations": []}'
    response = live.http.post(
        "/api/v1/sync/push",
        content=iter([body[:10], body[10:]]),  # no Content-Length: chunked
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert len(body) < MAX_BODY
