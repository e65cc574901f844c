"""The cache at rest: encrypted with SQLCipher, unreadable without its key, and a plain cache
from an earlier version encrypted in place, whatever instant a crash interrupts it."""

import hashlib
import secrets
import shutil
import sqlite3

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import collector_desk.store.cache.cache_file as cache_module
from collector_desk.store.cache.cache_file import WrongKey, is_plain, open_cache
from collector_desk.store.shared.schema import Case, ContactPoint, Customer

KEY = secrets.token_bytes(32)


@pytest.fixture
def plain(demo_cache, tmp_path):
    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    conn = sqlite3.connect(path)
    name = conn.execute("SELECT full_name FROM customers ORDER BY id LIMIT 1").fetchone()[0]
    phone = conn.execute(
        "SELECT value FROM contact_points WHERE kind = 'mobile' ORDER BY id LIMIT 1"
    ).fetchone()[0]
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("cases", "contacts")
    }
    conn.close()
    return path, name, phone, counts


def _leaks(folder, *secrets_):
    """Files in the folder whose bytes hold any of the texts."""
    found = []
    for file in folder.iterdir():
        data = file.read_bytes()
        if any(s.encode() in data for s in secrets_):
            found.append(file.name)
    return found


def test_a_plain_cache_is_encrypted_in_place_and_reads_the_same(plain):
    path, name, phone, counts = plain
    assert _leaks(path.parent, name, phone) == ["cache.sqlite"]  # the plain one does leak
    steps = []
    engine = open_cache(path, KEY, lambda done, total: steps.append((done, total)))
    assert steps[-1] == (4, 4)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Case)) == counts["cases"]
        assert s.scalar(select(Customer.full_name).order_by(Customer.id).limit(1)) == name
        assert phone in s.scalars(select(ContactPoint.value)).all()
    engine.dispose()
    assert not is_plain(path)
    assert sorted(f.name for f in path.parent.iterdir() if "cache.sqlite" in f.name) == [
        "cache.sqlite"
    ]
    assert _leaks(path.parent, name, phone) == []  # neither the file nor any leftover
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM customers").fetchone()


def test_a_wrong_key_or_none_opens_nothing_and_changes_nothing(plain):
    path = plain[0]
    open_cache(path, KEY).dispose()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(WrongKey):
        open_cache(path, secrets.token_bytes(32))
    with pytest.raises(WrongKey):
        open_cache(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    open_cache(path, KEY).dispose()  # the right key still opens it


def test_a_new_cache_is_born_encrypted(tmp_path):
    path = tmp_path / "new.sqlite"
    engine = open_cache(path, KEY)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0
    engine.dispose()
    assert not is_plain(path)


def test_a_crash_after_the_checked_copy_is_finished_on_the_next_start(plain, monkeypatch):
    path, name, phone, counts = plain

    def crash(_path):
        raise KeyboardInterrupt("the power went")

    monkeypatch.setattr(cache_module, "finish_encryption", crash)
    with pytest.raises(KeyboardInterrupt):
        cache_module.encrypt_in_place(path, KEY)
    monkeypatch.undo()
    assert is_plain(path) and (path.parent / "cache.sqlite.encrypted").exists()

    engine = open_cache(path, KEY)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Case)) == counts["cases"]
    engine.dispose()
    assert sorted(f.name for f in path.parent.iterdir()) == ["cache.sqlite"]
    assert _leaks(path.parent, name, phone) == []


def test_a_crash_during_the_export_rolls_back_to_the_plain_cache(plain):
    path, name, phone, counts = plain
    half = path.parent / "cache.sqlite.encrypting"
    half.write_bytes(b"half an export")
    engine = open_cache(path)  # a version without encryption still opens it: nothing lost
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Case)) == counts["cases"]
    engine.dispose()
    assert not half.exists()
    engine = open_cache(path, KEY)  # and the next keyed start encrypts it after all
    engine.dispose()
    assert not is_plain(path) and _leaks(path.parent, name, phone) == []
