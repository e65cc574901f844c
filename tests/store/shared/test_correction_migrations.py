"""The contact corrections table arrives by an upgrade in place, on a desk's cache and on a
central store, keeping every contact; a downgrade takes only that table away."""

import shutil

from sqlalchemy import inspect, text

from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.schema import CACHE
from collector_desk.store.central.schema import CENTRAL
from collector_desk.store.shared.engine import make_engine, sqlite_url
from collector_desk.store.shared.migrate import downgrade, script_directory, upgrade


def _before(side, revision: str) -> str:
    down = script_directory(side).get_revision(revision).down_revision
    assert isinstance(down, str)
    return down


def _state(engine) -> tuple[bool, int]:
    with engine.connect() as conn:
        has = "contact_corrections" in inspect(conn).get_table_names()
        return has, conn.scalar(text("SELECT count(*) FROM contacts"))


def test_a_cache_gains_the_corrections_table_in_place_keeping_its_contacts(demo_cache, tmp_path):
    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    engine = make_engine(sqlite_url(path))
    has, contacts = _state(engine)
    assert has and contacts > 0
    downgrade(engine, CACHE, _before(CACHE, "cache_0014"))
    assert _state(engine) == (False, contacts)
    engine.dispose()

    engine = open_cache(path)  # a desk opening an older cache upgrades it
    assert _state(engine) == (True, contacts)
    engine.dispose()


def test_a_central_store_gains_the_corrections_table(tmp_path):
    engine = make_engine(sqlite_url(tmp_path / "central.sqlite"))
    upgrade(engine, CENTRAL, _before(CENTRAL, "central_0015"))
    with engine.connect() as conn:
        assert "contact_corrections" not in inspect(conn).get_table_names()
    upgrade(engine, CENTRAL)
    with engine.connect() as conn:
        assert "contact_corrections" in inspect(conn).get_table_names()
    engine.dispose()
