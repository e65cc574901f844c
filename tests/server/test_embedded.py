"""The demo's central store runs in a process of its own: it serves the desk, stops when asked,
and never outlives the desk's process, however that ends."""

import subprocess
import sys
import time

import httpx
import pytest

from collector_desk.demo.portfolio import DemoOptions, build_demo_portfolio
from collector_desk.server.embedded import EmbeddedServer, open_central

PASSWORD = "demo-password"


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "central.sqlite"
    build_demo_portfolio(path, DemoOptions(cases=20, seed=3))
    open_central(path, ["demo"], PASSWORD)
    return path


def _refused(url: str, within_s: float) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/healthz", timeout=1)
        except httpx.TransportError:
            return True
        time.sleep(0.1)
    return False


def test_the_store_signs_the_desk_in_and_stops_when_asked(central):
    server = EmbeddedServer(central)
    url = server.start()
    try:
        assert httpx.get(f"{url}/healthz", timeout=5).status_code == 200
        signed = httpx.post(
            f"{url}/api/v1/auth/login",
            json={"username": "demo", "password": PASSWORD},
            timeout=30,
        )
        assert signed.status_code == 200 and signed.json()["token"]
        wrong = httpx.post(
            f"{url}/api/v1/auth/login", json={"username": "demo", "password": "x" * 12}, timeout=30
        )
        assert wrong.status_code == 401
    finally:
        server.stop()
    assert _refused(url, within_s=5)


def test_the_store_ends_when_the_desks_process_is_killed(central):
    desk = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from collector_desk.server.embedded import EmbeddedServer\n"
            "if __name__ == '__main__':\n"
            "    print(EmbeddedServer(sys.argv[1]).start(), flush=True)\n"
            "    time.sleep(120)\n",
            str(central),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = desk.stdout.readline().strip()
        assert httpx.get(f"{url}/healthz", timeout=5).status_code == 200
        desk.kill()  # no stop(), no clean exit: as when the desk crashes or is ended
        desk.wait(timeout=10)
        assert _refused(url, within_s=10), "the store outlived its desk"
    finally:
        desk.kill()
