import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collector_desk.demo.portfolio import DemoOptions, build_demo_portfolio

pytest_plugins = ["tests.pg_fixtures"]  # pg_url: a fresh PostgreSQL database per test

FIXED_NOW = datetime(2026, 11, 28, 2, 30, tzinfo=UTC)  # 10:30 in Shanghai


@pytest.fixture(autouse=True)
def memory_keyring():
    """No test touches the OS keyring: each gets a real-behaving one in memory."""
    import keyring

    from tests.sync.test_credentials import MemoryKeyring

    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def own_app_dirs(tmp_path, monkeypatch):
    """Data, settings and logs of every test (and of the programs it starts) stay in its
    temporary folder, not in the home of whoever runs the suite."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "home" / name.lower()))


@pytest.fixture(scope="session")
def demo_portfolio(tmp_path_factory) -> Path:
    """A small demo portfolio as the demo writes it (the schema both sides share), built once."""
    path = tmp_path_factory.mktemp("demo") / "portfolio.sqlite"
    return build_demo_portfolio(path, DemoOptions(cases=600, seed=7, now=FIXED_NOW))


@pytest.fixture(scope="session")
def demo_cache(demo_portfolio, tmp_path_factory) -> Path:
    """The portfolio as a desk's cache (its own tables), made once; tests that write must
    copy it."""
    from collector_desk.store.cache.cache_file import open_cache

    path = tmp_path_factory.mktemp("demo") / "cache.sqlite"
    shutil.copy(demo_portfolio, path)
    open_cache(path).dispose()  # the last connection folds the WAL into the file
    return path
