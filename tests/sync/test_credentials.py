import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from collector_desk.sync import credentials


class MemoryKeyring(KeyringBackend):
    """A stand-in for the OS keyring: real behaviour, kept in memory."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def get_password(self, service, username):
        return self.items.get((service, username))

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


class PlaintextKeyring(MemoryKeyring):  # shaped like keyrings.alt's file backend
    pass


def test_a_real_keyring_keeps_the_token_and_only_the_token():
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    assert credentials.save_token("https://desk.bank", "alice", "tok-123")
    assert credentials.load_token("https://desk.bank", "alice") == "tok-123"
    assert list(memory.items.values()) == ["tok-123"]
    credentials.forget_token("https://desk.bank", "alice")
    assert credentials.load_token("https://desk.bank", "alice") is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()])
def test_fail_null_and_plaintext_backends_count_as_no_keyring(backend):
    keyring.set_keyring(backend)
    assert not credentials.usable()
    assert credentials.save_token("https://desk.bank", "alice", "tok") is False
    assert credentials.load_token("https://desk.bank", "alice") is None
