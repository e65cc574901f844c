"""The typed wire format: each mutation is checked on its own, so nothing a desk sends can
wedge its queue; a fault on the server is a 500 that advances nothing, never "malformed"."""

import logging
import threading
import time
import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contacts import ContactPointStatus
from collector_desk.domain.mutations import parse_mutation
from collector_desk.store.cache import actions, customer_actions
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.central import push
from collector_desk.store.central.schema import RegisteredClient, SyncResult
from collector_desk.store.shared.engine import make_engine
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import AuditEvent, CaseFlagRow, Contact, ContactPoint
from collector_desk.sync.client import ServerError
from collector_desk.sync.protocol import PushRequest
from tests.live_central import Clock, _seed, seed_cases

CLIENT = "00000000-0000-0000-0000-0000000000c1"
AT = "2026-11-28T01:00:00+00:00"


def _push(live, token, mutations, client=CLIENT):
    return live.http.post(
        "/api/v1/sync/push",
        headers={"Authorization": f"Bearer {token}"},
        json={"client_id": client, "mutations": mutations},
    )


def _points(live, case_id):
    with Session(live.engine) as s:
        return list(
            s.scalars(
                select(ContactPoint.id)
                .where(ContactPoint.customer_id == case_id)
                .order_by(ContactPoint.id)
            )
        )


def _mark(live, client=CLIENT):
    with Session(live.engine) as s:
        found = s.get(RegisteredClient, client)
        return None if found is None else found.last_mutation_id


def _wrong_number(n, case_id, point_id):
    return {
        "id": n,
        "name": "set_contact_point_status",
        "args": {"case_id": case_id, "contact_point_id": point_id, "status": "wrong_number"},
    }


def _contact(n, case_id, point_id, note):
    return {
        "id": n,
        "name": "log_contact",
        "args": {
            "case_id": case_id,
            "contact_id": str(uuid.uuid4()),
            "promise_id": None,
            "at": AT,
            "entry": {
                "channel": "call",
                "outcome": "no_answer",
                "contact_point_id": point_id,
                "direction": "outbound",
                "note": note,
                "promise_amount_minor": None,
                "promise_date": None,
                "callback_at": None,
                "override_reason": "",
                "dialed_at": None,
            },
        },
    }


def test_a_naive_time_is_rejected_alone_and_the_queue_moves_on(live):
    """Was: a 500 on every retry, then "out of order" for ever after: the desk never synced."""
    seed_cases(live.engine, "alice", 1)
    first, second = _points(live, 1)
    token = live.login("alice")
    audit = {
        "id": 1,
        "name": "record_audit",
        "args": {
            "id": str(uuid.uuid4()),
            "action": "reveal_national_id",
            "entity": "customer",
            "entity_id": "1",
            "detail": {"case_id": 1},
            "recorded_at": "2026-11-28T01:00:00",  # no zone
        },
    }
    response = _push(live, token, [audit, _wrong_number(2, 1, first)])
    assert response.status_code == 200, response.text
    assert response.json()["results"] == [
        {"id": 1, "status": "rejected", "reason": "invalid: recorded_at"},
        {"id": 2, "status": "applied", "reason": None},
    ]
    assert response.json()["last_mutation_id"] == 2
    later = _push(live, token, [_wrong_number(3, 1, second)])
    assert later.status_code == 200 and later.json()["results"][0]["status"] == "applied"
    with Session(live.engine) as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == 0
        statuses = set(s.scalars(select(ContactPoint.status).where(ContactPoint.customer_id == 1)))
    assert statuses == {ContactPointStatus.WRONG_NUMBER}


def test_a_nul_in_a_note_is_rejected_alone(live):
    """Was, on PostgreSQL: a 500 on every retry (text may not hold U+0000), the desk wedged."""
    seed_cases(live.engine, "alice", 1)
    point = _points(live, 1)[0]
    token = live.login("alice")
    response = _push(
        live,
        token,
        [_contact(1, 1, point, "called\x00back"), _contact(2, 1, point, "no answer")],
    )
    assert response.status_code == 200, response.text
    assert [(r["status"], r["reason"]) for r in response.json()["results"]] == [
        ("rejected", "invalid: entry.note"),
        ("applied", None),
    ]
    with Session(live.engine) as s:
        assert s.scalars(select(Contact.note)).all() == ["no answer"]


@pytest.mark.parametrize(
    ("reason", "expected"), [(None, "invalid: reason"), ("  ", "reason_required")]
)
def test_a_flag_without_a_reason_is_refused_with_why(live, reason, expected):
    """Was: a null reason stored as the text "None"."""
    seed_cases(live.engine, "alice", 1)
    token = live.login("alice")
    flag = {
        "id": 1,
        "name": "set_flag",
        "args": {
            "case_id": 1,
            "flag": "dispute",
            "raised": True,
            "reason": reason,
            "at": AT,
            "event_id": str(uuid.uuid4()),
        },
    }
    response = _push(live, token, [flag])
    assert response.json()["results"] == [{"id": 1, "status": "rejected", "reason": expected}]
    with Session(live.engine) as s:
        assert s.scalar(select(func.count()).select_from(CaseFlagRow)) == 0


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ({"case_id": 2**31, "contact_point_id": 1, "status": "valid"}, "invalid: case_id"),
        ({"case_id": 1, "contact_point_id": "1", "status": "valid"}, "invalid: contact_point_id"),
        ({"case_id": 1, "contact_point_id": 1, "status": "gone"}, "invalid: status"),
        ({"case_id": 1, "contact_point_id": 1}, "invalid: status"),
        ("not an object", "invalid: args"),
        ({"case_id": 1, "contact_point_id": 1, "status": "valid", "x\x00y": 1}, "invalid: ?"),
        ({"case_id": 1, "contact_point_id": 1, "status": "valid", "extra": 1}, "invalid: extra"),
    ],
)
def test_out_of_range_ids_and_unknown_values_are_rejected_per_mutation(live, args, reason):
    seed_cases(live.engine, "alice", 1)
    token = live.login("alice")
    mutation = {"id": 1, "name": "set_contact_point_status", "args": args}
    response = _push(live, token, [mutation])
    assert response.status_code == 200, response.text
    assert response.json()["results"] == [{"id": 1, "status": "rejected", "reason": reason}]


def test_a_whole_body_problem_is_a_422_that_changes_nothing(live):
    token = live.login("alice")
    too_many = [
        {"id": n, "name": "set_preferred_contact_point", "args": {}} for n in range(1, 1002)
    ]
    assert _push(live, token, too_many).status_code == 422
    assert _push(live, token, [{"id": 1, "args": {}}]).status_code == 422  # no kind: no answer
    assert _push(live, token, [], client="not-a-uuid").status_code == 422
    assert _mark(live) is None


def test_the_desks_own_mutations_fit_the_typed_format(live, desk):
    """What the current desk queues (the kinds a collector writes) still parses and pushes."""
    seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    user = find_user(alice.engine, "alice")
    assert user is not None
    now = alice.clock()
    point = _points(live, 1)[1]
    actions.set_flag(alice.engine, user, 1, CaseFlag.DISPUTE, True, "says paid", now)
    actions.set_flag(alice.engine, user, 1, CaseFlag.DISPUTE, False, "proof seen", now)
    customer_actions.reveal_national_id(alice.engine, user.id, 1, now)
    customer_actions.set_point_status(
        alice.engine, user.id, 1, point, ContactPointStatus.WRONG_NUMBER, now
    )
    customer_actions.set_preferred(alice.engine, user.id, 1, point, now)
    with Session(alice.engine) as s:
        queued = [
            {"id": m.mutation_id, "name": m.name, "args": m.args}
            for m in s.scalars(select(OutboxMutation))
        ]
    body = PushRequest.model_validate({"client_id": alice.client_id, "mutations": queued})
    assert [type(parse_mutation(m)).__name__ for m in body.mutations] == [
        "SetFlag",
        "SetFlag",
        "RecordAudit",
        "SetContactPointStatus",
        "SetPreferredContactPoint",
    ]
    assert alice.push() == (5, 0)


def test_a_server_bug_is_a_500_that_advances_nothing_and_logs_no_personal_data(
    live, desk, monkeypatch, caplog
):
    seed_cases(live.engine, "alice", 1)
    first, _ = _points(live, 1)
    token = live.login("alice")
    secret = "Alice Customer 1 +8613800010000"

    def broken(session, user, mutation, now):
        raise KeyError(secret)  # a bug: not a rule saying no

    monkeypatch.setattr(push, "_set_point_status", broken)
    preferred = {
        "id": 1,
        "name": "set_preferred_contact_point",
        "args": {"case_id": 1, "contact_point_id": first},
    }
    with caplog.at_level(logging.ERROR, logger="collector_desk.store.central.push"):
        response = _push(live, token, [preferred, _wrong_number(2, 1, first)])
    assert response.status_code == 500
    assert response.json() == {"error": "server_error", "mutation_id": 2}
    assert _mark(live) == 1  # the first applied; the failed one not, so it is retried
    with Session(live.engine) as s:
        assert s.get(SyncResult, (CLIENT, 2)) is None
        assert s.get(ContactPoint, first).status is ContactPointStatus.VALID
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "mutation 2 (set_contact_point_status)" in logged and "KeyError" in logged
    assert secret not in logged and "8613800010000" not in logged
    # the retry after the fix applies it, and the desk's queue is not wedged
    monkeypatch.undo()
    again = _push(live, token, [preferred, _wrong_number(2, 1, first)])
    assert [r["status"] for r in again.json()["results"]] == ["applied", "applied"]


def test_the_desk_reads_a_500_as_a_server_error_not_offline(live, desk, monkeypatch):
    seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    point = _points(live, 1)[0]
    user_id = find_user(alice.engine, "alice").id
    customer_actions.set_point_status(
        alice.engine, user_id, 1, point, ContactPointStatus.WRONG_NUMBER, alice.clock()
    )

    def broken(session, user, mutation, now):
        raise TypeError("bug")

    monkeypatch.setattr(push, "_set_point_status", broken)
    with pytest.raises(ServerError):
        alice.sync()
    monkeypatch.undo()
    assert alice.sync().pushed == 1


def test_the_openapi_document_describes_each_mutation_kind(live):
    document = live.http.get("/openapi.json").json()
    schemas = document["components"]["schemas"]
    body_ref = document["paths"]["/api/v1/sync/push"]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]["$ref"]
    request = schemas[body_ref.rsplit("/", 1)[1]]
    items = request["properties"]["mutations"]["items"]
    assert set(items["discriminator"]["mapping"]) == set(push.KINDS)
    for ref in items["discriminator"]["mapping"].values():
        kind = schemas[ref.rsplit("/", 1)[1]]
        args = kind["properties"]["args"]
        assert "$ref" in args  # a schema of its own, never a bare object
    flag_args = schemas["SetFlagArgs"]
    assert "reason" in flag_args["required"]
    assert flag_args["properties"]["case_id"]["maximum"] == 2**31 - 1


def test_two_pushes_racing_to_register_one_client_do_not_fail(pg_migrated_url):
    """Both find no row, both insert: the loser takes the winner's row instead of a 500."""
    engine = make_engine(pg_migrated_url)
    now = Clock().now
    _seed(engine, now)
    try:
        alice = find_user(engine, "alice")
        assert alice is not None
        first = Session(engine)
        first.begin()
        push._client(first, alice, CLIENT, now)  # inserted, not yet committed
        outcome: dict = {}

        def second() -> None:
            with Session(engine) as session, session.begin():
                outcome["client"] = push._client(session, alice, CLIENT, now).client_id

        racer = threading.Thread(target=second)
        racer.start()
        time.sleep(0.5)  # the second insert now waits on the first's unique key
        first.commit()
        first.close()
        racer.join(timeout=10)
        assert outcome == {"client": CLIENT}
    finally:
        engine.dispose()
