"""The desktop's bookkeeping of push results, whatever order and number they arrive in."""

import shutil
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, Outcome
from collector_desk.store.cache import local_sync
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.schema import OutboxMutation, SyncIssue
from collector_desk.store.shared.schema import Case, ContactPoint
from tests.conftest import FIXED_NOW


def _three_mutations(tmp_path, demo_cache):
    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    engine = open_cache(path)
    with Session(engine) as s:
        case = s.scalars(select(Case).order_by(Case.id)).first()
        point = s.scalars(
            select(ContactPoint.id).where(
                ContactPoint.customer_id == case.customer_id,
                ContactPoint.status.in_(("valid", "unverified")),
            )
        ).first()
    ids = [
        log_contact(
            engine,
            3,
            case.id,
            ContactEntry(Channel.CALL, Outcome.NO_ANSWER, point),
            FIXED_NOW + timedelta(minutes=i),
        ).mutation_id
        for i in range(3)
    ]
    return engine, ids


def _outbox(engine):
    with Session(engine) as s:
        return sorted(s.scalars(select(OutboxMutation.mutation_id)))


def test_a_late_older_response_after_a_newer_one_changes_nothing(tmp_path, demo_cache):
    engine, (m1, m2, m3) = _three_mutations(tmp_path, demo_cache)
    newer = [(m1, "applied", None), (m2, "rejected", "not_your_case"), (m3, "applied", None)]
    local_sync.acknowledge(engine, m3, newer, FIXED_NOW)
    local_sync.acknowledge(engine, m1, newer[:1], FIXED_NOW)  # the stale answer arrives late
    local_sync.acknowledge(engine, m3, newer, FIXED_NOW)  # and the newer one twice
    assert _outbox(engine) == []
    with Session(engine) as s:
        issues = s.scalars(select(SyncIssue)).all()
    assert [(i.mutation_id, i.reason) for i in issues] == [(m2, "not_your_case")]
    engine.dispose()


def test_a_partial_answer_keeps_what_the_server_has_not_applied(tmp_path, demo_cache):
    engine, (m1, m2, m3) = _three_mutations(tmp_path, demo_cache)
    local_sync.acknowledge(engine, m1, [(m1, "applied", None)], FIXED_NOW)
    assert _outbox(engine) == [m2, m3]
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(SyncIssue)) == 0
    engine.dispose()


def test_a_practice_cache_is_never_synced(tmp_path):
    import httpx
    import pytest

    from collector_desk.store.cache.cache_file import open_cache
    from collector_desk.store.cache.local_sync import is_sandbox, mark_sandbox
    from collector_desk.sync.client import SandboxCache, SyncClient

    engine = open_cache(tmp_path / "practice.sqlite")
    assert not is_sandbox(engine)
    mark_sandbox(engine)
    with pytest.raises(SandboxCache):
        SyncClient(engine, httpx.Client(base_url="http://127.0.0.1:9"), "token")
    engine.dispose()
