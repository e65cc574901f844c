"""The key to a user's cache: random and kept in a real keyring; without one, derived from the
password, so the wrong password opens nothing and changes nothing."""

import hashlib

import keyring
import pytest
from keyring.backends import fail

from collector_desk.store.cache.cache_file import WrongKey, open_cache
from collector_desk.sync import cache_keys
from tests.sync.test_credentials import MemoryKeyring

SERVER = "https://desk.bank"


def test_a_real_keyring_keeps_a_random_key_per_user(tmp_path):
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    alice = cache_keys.cache_key(tmp_path / "alice.sqlite", SERVER, "alice")
    assert len(alice) == 32
    assert cache_keys.cache_key(tmp_path / "alice.sqlite", SERVER, "alice") == alice
    assert cache_keys.cache_key(tmp_path / "bob.sqlite", SERVER, "bob") != alice
    assert memory.items[("collector-desk", f"cache-key:alice@{SERVER}")] == alice.hex()
    assert not cache_keys.salt_path(tmp_path / "alice.sqlite").exists()  # no password involved
    cache_keys.forget(SERVER, "alice")
    assert cache_keys.cache_key(tmp_path / "alice.sqlite", SERVER, "alice") != alice


def test_without_a_keyring_the_password_makes_the_key(tmp_path):
    keyring.set_keyring(fail.Keyring())
    cache = tmp_path / "alice.sqlite"
    with pytest.raises(cache_keys.NeedPassword):
        cache_keys.cache_key(cache, SERVER, "alice")
    key = cache_keys.cache_key(cache, SERVER, "alice", "correct horse battery")
    assert cache_keys.cache_key(cache, SERVER, "alice", "correct horse battery") == key
    salt = cache_keys.salt_path(cache).read_bytes()
    assert len(salt) == 16 and b"correct" not in salt  # the salt, never the password

    open_cache(cache, key).dispose()
    before = hashlib.sha256(cache.read_bytes()).hexdigest()
    wrong = cache_keys.cache_key(cache, SERVER, "alice", "incorrect horse")
    with pytest.raises(WrongKey):
        open_cache(cache, wrong)
    assert hashlib.sha256(cache.read_bytes()).hexdigest() == before
