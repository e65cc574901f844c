import shutil

import pytest

from collector_desk.store.cache.cache_file import open_cache


@pytest.fixture
def engine(demo_cache, tmp_path):
    """A copy of the demo's cache this test may change, opened."""
    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    engine = open_cache(path)
    yield engine
    engine.dispose()
