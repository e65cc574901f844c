"""Push and pull end to end: a desktop cache, a real server on loopback, a central store."""

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, ContactPointStatus, Outcome
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.schema import OutboxMutation, SyncIssue
from collector_desk.store.shared.schema import AuditEvent, Case, Contact, ContactPoint, Promise
from collector_desk.sync.client import SignedOut
from tests.live_central import seed_cases


def _count(engine, model, *where):
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _log(client, case_id, outcome=Outcome.NO_ANSWER, **kw):
    with Session(client.engine) as s:
        point = s.scalars(
            select(ContactPoint.id)
            .join(Case, Case.customer_id == ContactPoint.customer_id)
            .where(Case.id == case_id)
        ).first()
        user_id = s.get(Case, case_id).assigned_to
    return log_contact(
        client.engine,
        user_id,
        case_id,
        ContactEntry(Channel.CALL, outcome, point, **kw),
        client.clock(),
    )


def test_first_sync_brings_exactly_my_cases(live, desk):
    mine = seed_cases(live.engine, "alice", 30)
    seed_cases(live.engine, "carol", 5, start=100)
    alice = desk("alice")
    report = alice.sync()
    assert report.cases_received == 30
    with Session(alice.engine) as s:
        assert sorted(s.scalars(select(Case.id))) == mine
        names = s.execute(
            text("SELECT rowid FROM case_search WHERE case_search MATCH '\"Alice\"*'")
        ).all()
    assert len(names) == 30  # searchable at once


def test_a_contact_logged_offline_reaches_the_server_once_and_the_lead_sees_it(live, desk):
    seed_cases(live.engine, "alice", 3)
    alice, lead, bob = desk("alice"), desk("lead"), desk("bob")
    for client in (alice, lead, bob):
        client.sync()
    logged = _log(
        alice,
        2,
        Outcome.PROMISE_TO_PAY,
        promise_amount_minor=100_000,
        promise_date=live.clock.now.date() + timedelta(days=3),
    )
    report = alice.sync()
    assert (report.pushed, report.rejected) == (1, 0)
    assert _count(alice.engine, OutboxMutation) == 0
    assert _count(live.engine, Contact, Contact.id == logged.contact_id) == 1
    with Session(live.engine) as s:
        central = s.get(Case, 2)
        assert (central.last_outcome, central.next_action) == (
            Outcome.PROMISE_TO_PAY,
            "promise_due",
        )
    lead.sync()
    assert _count(lead.engine, Contact, Contact.id == logged.contact_id) == 1
    bob.sync()
    assert _count(bob.engine, Case) == 0  # not his, and not his team lead's view


def test_a_push_whose_response_was_lost_is_not_applied_twice(live, desk):
    seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    _log(alice, 1)
    with Session(alice.engine) as s:
        mutation = s.scalars(select(OutboxMutation)).one()
        body = {
            "client_id": alice.client_id,
            "mutations": [
                {"id": mutation.mutation_id, "name": mutation.name, "args": mutation.args}
            ],
        }
    headers = {"Authorization": f"Bearer {alice.token}"}
    first = live.http.post("/api/v1/sync/push", json=body, headers=headers)  # "lost"
    again = live.http.post("/api/v1/sync/push", json=body, headers=headers)
    assert first.json() == again.json()
    assert again.json()["results"][0]["status"] == "applied"
    report = alice.sync()  # the desktop never saw a response and pushes again
    assert report.rejected == 0
    assert _count(live.engine, Contact) == 1
    assert _count(alice.engine, OutboxMutation) == 0


def test_a_call_to_a_number_marked_do_not_call_meanwhile_is_kept_and_audited(live, desk):
    """Issue 16: was rejected (`number_not_dialable`) and gone from the central store and from
    the desk's own cache. The call happened: it is kept, and the lead sees it to review."""
    seed_cases(live.engine, "alice", 2)
    alice = desk("alice")
    alice.sync()
    logged = _log(alice, 1)  # dialled a number that, meanwhile, was marked do-not-call centrally
    with Session(live.engine) as s, s.begin():
        for point in s.scalars(select(ContactPoint).where(ContactPoint.customer_id == 1)):
            point.status = ContactPointStatus.DO_NOT_CALL
    _log(alice, 2)
    report = alice.sync()
    assert (report.pushed, report.rejected) == (2, 0)
    assert _count(alice.engine, SyncIssue) == 0
    assert _count(alice.engine, OutboxMutation) == 0
    assert _count(live.engine, Contact, Contact.case_id == 1) == 1
    assert _count(live.engine, Contact, Contact.case_id == 2) == 1
    assert _count(alice.engine, Contact, Contact.id == logged.contact_id) == 1  # still here
    with Session(live.engine) as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "contact_on_unavailable_number")
        ).one()
    assert event.entity_id == "1" and event.detail["contact_id"] == logged.contact_id
    assert event.detail["status"] == ContactPointStatus.DO_NOT_CALL.value


def test_a_promise_over_a_balance_lowered_meanwhile_is_kept_for_review(live, desk):
    """Issue 16: was rejected (`amount_over_balance`) and gone everywhere after a payments
    import lowered the balance while the collector was offline."""
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    with Session(alice.engine) as s:
        balance = s.get(Case, case_id).balance_minor
    logged = _log(
        alice,
        case_id,
        Outcome.PROMISE_TO_PAY,
        promise_amount_minor=balance - 100,
        promise_date=live.clock.now.date() + timedelta(days=3),
    )
    with Session(live.engine) as s, s.begin():  # a payment arrives centrally meanwhile
        s.get(Case, case_id).balance_minor = balance // 2
    report = alice.sync()
    assert report.rejected == 0 and _count(alice.engine, SyncIssue) == 0
    with Session(live.engine) as s:
        promise = s.get(Promise, logged.promise_id)
        assert promise is not None and promise.amount_minor == balance - 100
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "promise_over_balance")
        ).one()
    assert event.detail["promise_id"] == logged.promise_id
    assert event.detail["balance"] == balance // 2  # what it is now, for the reviewer
    # the same push again (a lost response) keeps one promise and one event
    assert _count(live.engine, AuditEvent, AuditEvent.action == "promise_over_balance") == 1


def test_a_case_moved_to_a_colleague_leaves_my_cache_and_arrives_in_theirs(live, desk):
    from collector_desk.store.central.changes import record_change

    seed_cases(live.engine, "alice", 2)
    alice, bob = desk("alice"), desk("bob")
    alice.sync()
    bob.sync()
    with Session(live.engine) as s, s.begin():
        case = s.get(Case, 1)
        previous = case.assigned_to
        case.assigned_to = s.execute(text("SELECT id FROM users WHERE username='bob'")).scalar()
        record_change(
            s, case, live.clock.now, previous_user_id=previous, previous_team_id=case.team_id
        )
    assert alice.sync().cases_removed == 1
    assert _count(alice.engine, Case) == 1
    assert bob.sync().cases_received == 1
    with Session(bob.engine) as s:
        assert s.get(Case, 1) is not None


def test_facts_logged_before_a_move_are_still_accepted(live, desk):
    from collector_desk.store.central.changes import record_change

    seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    logged = _log(alice, 1)  # offline: the case moves away meanwhile
    with Session(live.engine) as s, s.begin():
        case = s.get(Case, 1)
        previous = case.assigned_to
        case.assigned_to = s.execute(text("SELECT id FROM users WHERE username='bob'")).scalar()
        record_change(s, case, live.clock.now, previous_user_id=previous)
    report = alice.sync()
    assert (report.pushed, report.rejected, report.cases_removed) == (1, 0, 1)
    assert _count(live.engine, Contact, Contact.id == logged.contact_id) == 1


def test_another_collectors_token_reads_and_writes_nothing_of_mine(live, desk):
    seed_cases(live.engine, "alice", 2)
    alice, carol = desk("alice"), desk("carol")
    alice.sync()
    _log(alice, 1)
    with Session(alice.engine) as s:
        args = s.scalars(select(OutboxMutation)).one().args
    alice.sync()  # her desktop is now known to the server, and her contact is there
    carol.sync()
    assert _count(carol.engine, Case) == 0
    headers = {"Authorization": f"Bearer {carol.token}"}
    as_carol = live.http.post(
        "/api/v1/sync/push",
        headers=headers,
        json={
            "client_id": carol.client_id,
            "mutations": [{"id": 1, "name": "log_contact", "args": args}],
        },
    )
    assert as_carol.json()["results"][0] == {
        "id": 1,
        "status": "rejected",
        "reason": "not_your_case",
    }
    stolen = live.http.post(
        "/api/v1/sync/push", headers=headers, json={"client_id": alice.client_id, "mutations": []}
    )
    assert stolen.status_code == 403
    assert _count(live.engine, Contact) == 1  # alice's own, once


@pytest.mark.parametrize(
    "body",
    [
        b"{broken",
        b'{"client_id": "x", "mutations": []}',
        b'{"client_id": "00000000-0000-0000-0000-000000000000", "mutations": [{"id": 0}]}',
        b'{"client_id": "00000000-0000-0000-0000-000000000000", "mutations": "many"}',
    ],
)
def test_garbage_pushes_get_a_4xx_and_change_nothing(live, body):
    token = live.login("alice")
    response = live.http.post(
        "/api/v1/sync/push",
        content=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert 400 <= response.status_code < 500
    assert _count(live.engine, Contact) == 0


def test_malformed_mutation_arguments_are_rejected_not_crashed(live, desk):
    seed_cases(live.engine, "alice", 1)
    token = live.login("alice")
    response = live.http.post(
        "/api/v1/sync/push",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "client_id": "00000000-0000-0000-0000-00000000000a",
            "mutations": [
                {"id": 1, "name": "log_contact", "args": {"case_id": 1}},
                {"id": 2, "name": "launch_rockets", "args": {}},
            ],
        },
    )
    assert [r["reason"] for r in response.json()["results"]] == [
        "invalid: contact_id",
        "unknown_mutation",
    ]


def test_an_expired_sign_in_stops_sync_without_losing_the_outbox(live, desk):
    seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    _log(alice, 1)
    live.clock.now += timedelta(hours=13)
    with pytest.raises(SignedOut):
        alice.sync()
    assert _count(alice.engine, OutboxMutation) == 1


def test_a_cursor_from_another_store_resets_to_a_full_sync(live, desk):
    seed_cases(live.engine, "alice", 3)
    alice = desk("alice")
    alice.sync()
    from collector_desk.store.cache.local_sync import CURSOR_KEY
    from collector_desk.store.shared.schema import SyncState

    with Session(alice.engine) as s, s.begin():
        s.get(SyncState, CURSOR_KEY).value = "11111111-1111-1111-1111-111111111111.0.5"
    assert alice.sync().cases_received == 3


def test_a_pull_interrupted_part_way_leaves_the_cache_as_it_was_and_resumes(
    live, desk, monkeypatch
):
    from collector_desk.store.cache import local_sync

    seed_cases(live.engine, "alice", 6)
    alice = desk("alice")
    real = local_sync._reindex

    def die_after_the_rows_are_written(conn, cases):
        raise KeyboardInterrupt  # the process dies in the middle of applying the pull

    monkeypatch.setattr(local_sync, "_reindex", die_after_the_rows_are_written)
    with pytest.raises(KeyboardInterrupt):
        alice.sync()
    assert _count(alice.engine, Case) == 0  # nothing half-applied
    assert local_sync.cursor(alice.engine) is None
    monkeypatch.setattr(local_sync, "_reindex", real)
    assert alice.sync().cases_received == 6
    assert _count(alice.engine, Case) == 6


def test_a_server_restart_mid_sync_costs_a_retry_not_data(live, desk):
    from collector_desk.sync.client import Offline

    seed_cases(live.engine, "alice", 2)
    alice = desk("alice")
    alice.sync()
    _log(alice, 1)
    live.server.should_exit = True  # the service goes away ...
    live.thread.join(timeout=10)
    with pytest.raises(Offline):
        alice.sync()
    with Session(alice.engine) as s:
        waiting = s.scalars(select(OutboxMutation)).one()
    assert waiting.attempts == 1 and waiting.last_error
    from tests.live_central import LiveServer

    restarted = LiveServer(live.engine, live.clock)  # ... and comes back
    alice.http = httpx.Client(base_url=restarted.url, timeout=10)
    try:
        assert alice.sync().pushed == 1
        assert _count(live.engine, Contact) == 1
    finally:
        alice.http.close()
        restarted.stop()


def _alice_synced_then_drifted(live, desk, cases: int, moved: int):
    """Alice's desk holds her cases; then one moves to Bob without a change row (drift)."""
    seed_cases(live.engine, "alice", cases)
    alice = desk("alice")
    alice.sync()
    with Session(live.engine) as s, s.begin():
        bob = s.execute(text("SELECT id FROM users WHERE username='bob'")).scalar()
        s.get(Case, moved).assigned_to = bob
    return alice


def test_the_scope_manifest_heals_a_cache_that_missed_a_removal(live, desk):
    alice = _alice_synced_then_drifted(live, desk, cases=3, moved=3)
    assert alice.sync().cases_removed == 0  # an ordinary pull cannot know
    assert alice.sync(manifest=True).cases_removed == 1
    with Session(alice.engine) as s:
        assert sorted(s.scalars(select(Case.id))) == [1, 2]


def test_the_manifest_comes_in_pages_and_still_heals_every_case(live, desk, monkeypatch):
    """A desk with a million cases in scope reads the manifest a page at a time; paging
    must not drop a case at a page's edge nor keep one that left."""
    from collector_desk.sync import client as sync_client

    alice = _alice_synced_then_drifted(live, desk, cases=7, moved=4)
    asked: list[httpx.URL] = []
    alice.http.event_hooks["request"].append(lambda request: asked.append(request.url))
    monkeypatch.setattr(sync_client, "MANIFEST_PAGE", 2)

    assert alice.heal() == 1

    pages = [url for url in asked if url.path == "/api/v1/sync/manifest"]
    assert [url.params["after"] for url in pages] == ["0", "2", "5", "7"]
    with Session(alice.engine) as s:
        assert sorted(s.scalars(select(Case.id))) == [1, 2, 3, 5, 6, 7]
    # a desk of an earlier version asks without a limit and gets every id at once
    signed_in = {"Authorization": f"Bearer {alice.token}"}
    whole = alice.http.get("/api/v1/sync/manifest", headers=signed_in).json()
    assert whole == {"case_ids": [1, 2, 3, 5, 6, 7], "next_after": None}


def test_clock_skew_is_measured_against_the_server(live, desk):
    seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.clock = lambda: live.clock.now - timedelta(minutes=9)  # this PC runs 9 min late
    assert round(alice.sync().clock_skew_s / 60) == 9


def test_a_customers_region_travels_to_the_desk(live, desk):
    from collector_desk.store.shared.schema import Customer

    [case_id] = seed_cases(live.engine, "alice", 1)
    with Session(live.engine) as s, s.begin():
        customer_id = s.get(Case, case_id).customer_id
        s.get(Customer, customer_id).region = "NSW"
    alice = desk("alice")
    alice.sync()
    with Session(alice.engine) as s:
        assert s.get(Customer, customer_id).region == "NSW"


def test_the_phones_talk_time_reaches_the_central_store(live, desk):
    seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    logged = _log(
        alice,
        1,
        Outcome.RIGHT_PARTY,
        dialed_at=alice.clock() - timedelta(minutes=2),
        talk_seconds=84,
    )
    assert alice.sync().pushed == 1
    with Session(live.engine) as s:
        assert s.get(Contact, logged.contact_id).duration_s == 84
