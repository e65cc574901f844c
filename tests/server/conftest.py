import pytest

from collector_desk.store.shared.engine import make_engine
from tests.live_central import Clock, _seed, _sqlite_template, central_url, desk, live  # noqa: F401


@pytest.fixture
def central(central_url):  # noqa: F811
    """The central store with the tests' users and teams, on SQLite and on PostgreSQL."""
    engine = make_engine(central_url)
    _seed(engine, Clock().now)
    yield engine
    engine.dispose()
