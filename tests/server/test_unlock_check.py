"""The idle lock's question, "is this the user's password?", online and offline."""

import pytest

from collector_desk.store.cache.cache_file import open_cache
from collector_desk.sync.unlock_check import is_users_password
from tests.live_central import PASSWORD


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_the_server_teaches_the_cache_and_the_cache_answers_offline(live, tmp_path):
    engine = open_cache(tmp_path / "alice.sqlite")
    try:
        # no verifier yet: the server is asked, and its yes is kept
        assert is_users_password(engine, live.url, "alice", "not her password") is False
        assert is_users_password(engine, live.url, "alice", PASSWORD) is True
        live.stop()  # the network is gone
        assert is_users_password(engine, live.url, "alice", PASSWORD) is True
        assert is_users_password(engine, live.url, "alice", "not her password") is False
        # a colleague's cache on this computer never learnt alice's password
        other = open_cache(tmp_path / "bob.sqlite")
        assert is_users_password(other, live.url, "alice", PASSWORD) is None
        other.dispose()
    finally:
        engine.dispose()
