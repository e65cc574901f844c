"""Schemathesis over every operation of /openapi.json, against the real service on 127.0.0.1
(a seeded SQLite central store), signed in as a real collector and as a team lead: no answer is
a 5xx, and every status code the service answers is one its OpenAPI document lists.

Bounded and repeatable: a few examples per operation (and Schemathesis' coverage cases),
derandomized. About a minute on two busy cores, so not in `uv run pytest` (pyproject's addopts
leave the `fuzz` marker out): .ci/run runs it as its own step, `uv run pytest -m fuzz --no-cov`."""

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance
from sqlalchemy import create_engine

from collector_desk.server.app import create_app
from collector_desk.store.shared.engine import make_central_engine, sqlite_url
from tests.live_central import Clock, LiveServer, _seed, seed_cases

pytestmark = pytest.mark.fuzz

LOGOUT = "/api/v1/auth/logout"
PUSH = "/api/v1/sync/push"
CHECKS = [not_a_server_error, status_code_conformance]
USERS = ("alice", "lead")  # a real collector, and the lead of her team


@pytest.fixture(scope="module")
def service(_sqlite_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "central.sqlite"
    shutil.copy(_sqlite_template, path)
    engine = make_central_engine(sqlite_url(path))
    clock = Clock()
    _seed(engine, clock.now)
    seed_cases(engine, "alice", 3)
    seed_cases(engine, "bob", 2, start=10)
    server = LiveServer(engine, clock)
    yield server
    server.stop()
    engine.dispose()


@pytest.fixture(scope="module")
def tokens(service):
    """A collector's and a team lead's token, reused across examples."""
    return {username: service.login(username) for username in USERS}


def _document() -> dict:
    """The service's OpenAPI document, as /openapi.json serves it: building the app reads no
    store (and schemathesis' lazy schema fails on pytest 9, so it is loaded here)."""
    engine = create_engine("sqlite://")
    try:
        return create_app(engine).openapi()
    finally:
        engine.dispose()


schema = schemathesis.openapi.from_dict(_document())


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation(case, service, tokens):
    """Each example as each user: the lead also reaches the /api/v1/team/* routes."""
    for username, token in tokens.items():
        if case.path == PUSH and username != "alice":
            continue  # alice's pushes claimed these client ids: the lead's would all be 403
        if case.path == LOGOUT:  # would end the shared token: sign out a token of its own
            token = service.login(username)
        case.call_and_validate(
            base_url=service.url, headers={"Authorization": f"Bearer {token}"}, checks=CHECKS
        )
