"""A team lead moves cases between collectors: intents the server checks, results per case,
collectors' queues following on their next sync (one of them offline at the time)."""

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import Outcome
from collector_desk.store.cache.actions import reassign
from collector_desk.store.cache.outbox import enqueue
from collector_desk.store.cache.schema import SyncIssue
from collector_desk.store.cache.team import CaseFilter, propose_rebalance, select_cases, workload
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import AuditEvent, Case, Contact
from tests.live_central import seed_cases
from tests.server.test_sync import _log


def _mine(engine):
    with Session(engine) as s:
        return sorted(s.scalars(select(Case.id)))


def test_bulk_reassignment_reaches_both_collectors_one_of_them_offline(live, desk):
    ids = seed_cases(live.engine, "alice", 5)
    alice, bob, lead = desk("alice"), desk("bob"), desk("lead")
    for d in (alice, bob, lead):
        d.sync()
    assert _mine(bob.engine) == []
    moving = ids[:3]
    _log(alice, moving[0], Outcome.NO_ANSWER)  # alice, offline, works a case that will move

    leader = find_user(lead.engine, "lead")
    bob_id = find_user(lead.engine, "bob").id
    assert reassign(lead.engine, leader, moving, bob_id, live.clock.now) == dict.fromkeys(moving)
    report = lead.sync()
    assert (report.pushed, report.rejected) == (3, 0)

    alice.sync()  # her contact is accepted; the three cases leave her queue
    assert _mine(alice.engine) == ids[3:]
    with Session(live.engine) as s:
        assert s.scalars(select(Contact.case_id)).all() == [moving[0]]
        moved = s.scalars(select(AuditEvent).where(AuditEvent.action == "case_reassigned")).all()
    assert sorted(int(e.entity_id) for e in moved) == moving

    bob.sync()  # back online: they arrive, marked new (assigned now)
    assert _mine(bob.engine) == moving
    with Session(bob.engine) as s:
        assert {c.assigned_at for c in s.scalars(select(Case))} == {live.clock.now}


def test_a_case_moved_meanwhile_is_rejected_with_its_reason(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    first, second = desk("lead"), desk("lead")  # the lead on two desktops
    first.sync()
    second.sync()
    leader = find_user(first.engine, "lead")
    bob_id = find_user(first.engine, "bob").id
    alice_id = find_user(first.engine, "alice").id
    reassign(first.engine, leader, [case_id], bob_id, live.clock.now)
    first.sync()
    # the second desk still saw it with alice; it tries to give it to alice's colleague too
    with Session(second.engine) as s, s.begin():
        s.execute(update(Case).where(Case.id == case_id).values(assigned_to=alice_id))
    reassign(second.engine, leader, [case_id], bob_id, live.clock.now)
    report = second.sync()
    assert report.rejected == 1
    with Session(second.engine) as s:
        assert s.scalars(select(SyncIssue.reason)).all() == ["moved_meanwhile"]


def test_a_collector_cannot_reassign_and_the_lead_only_within_the_team(live, desk):
    (mine,) = seed_cases(live.engine, "alice", 1)
    (other,) = seed_cases(live.engine, "carol", 1, start=40)  # team B
    alice, lead = desk("alice"), desk("lead")
    alice.sync()
    lead.sync()
    collector = find_user(alice.engine, "alice")
    bob_id = find_user(lead.engine, "bob").id
    assert reassign(alice.engine, collector, [mine], bob_id, live.clock.now) == {
        mine: "not_a_team_lead"
    }
    with Session(alice.engine) as s, s.begin():  # a forged intent is refused by the server
        enqueue(
            s,
            "reassign_case",
            {
                "case_id": mine,
                "from_user_id": collector.id,
                "to_user_id": bob_id,
                "at": live.clock.now.isoformat(),
                "event_id": "3f1c8a52-8b6f-4d0e-9a7e-2a8f0e6b9c11",
            },
            live.clock.now,
        )
    assert alice.sync().rejected == 1
    with Session(lead.engine, expire_on_commit=False) as s, s.begin():  # nor a team-B case
        carol_id = s.scalar(select(Case.assigned_to).where(Case.id == other))
    assert carol_id is None  # the lead's cache does not even hold it
    with Session(live.engine) as s:
        assert s.get(Case, mine).assigned_to == collector.id


def test_rebalance_proposal_and_workload_on_the_leads_cache(live, desk):
    ids = seed_cases(live.engine, "alice", 6)
    with Session(live.engine) as s, s.begin():  # one open promise: that case stays with alice
        s.execute(update(Case).where(Case.id == ids[0]).values(promise_status=PromiseStatus.OPEN))
        for n, case_id in enumerate(ids):
            s.execute(
                update(Case).where(Case.id == case_id).values(overdue_minor=100_000 * (n + 1))
            )
    lead = desk("lead")
    lead.sync()
    leader = find_user(lead.engine, "lead")
    alice_id, bob_id = find_user(lead.engine, "alice").id, find_user(lead.engine, "bob").id
    before = {w.user_id: w for w in workload(lead.engine, leader, live.clock.now)}
    assert (before[alice_id].cases, before[bob_id].cases) == (6, 0)
    assert before[alice_id].open_promises == 1 and before[alice_id].untouched == 6

    moves = propose_rebalance(lead.engine, leader, [alice_id, bob_id])
    assert len(moves) == 3 and ids[0] not in {m.case_id for m in moves}
    assert all((m.from_id, m.to_id) == (alice_id, bob_id) for m in moves)
    reassign(lead.engine, leader, [m.case_id for m in moves], bob_id, live.clock.now)
    after = {w.user_id: w for w in workload(lead.engine, leader, live.clock.now)}
    assert (after[alice_id].cases, after[bob_id].cases) == (3, 3)
    gap = abs(after[alice_id].overdue["CNY"] - after[bob_id].overdue["CNY"])
    assert gap <= 100_000  # 2,100,000 in all, split within one case's worth

    big = select_cases(lead.engine, leader, CaseFilter(balance_min_minor=1, dpd_min=30))
    assert big == ids
    assert select_cases(lead.engine, leader, CaseFilter(collectors=frozenset({bob_id}))) == sorted(
        m.case_id for m in moves
    )


def test_a_former_owner_keeps_their_calls_but_not_their_state_changes(live, desk):
    """Issue 16, the outage-day run: A, offline, marks a number wrong; the lead moves the case
    to B, who calls that number and records a promise; A syncs first, then B. Facts from
    before or after a move are kept; a change of state from someone who no longer owns the
    case is refused, and stays on their desk with its reason."""
    from datetime import timedelta

    from collector_desk.domain.contacts import ContactPointStatus
    from collector_desk.store.cache.customer_actions import set_point_status
    from collector_desk.store.shared.schema import ContactPoint, Promise

    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice, bob, lead = desk("alice"), desk("bob"), desk("lead")
    for d in (alice, bob, lead):
        d.sync()
    with Session(alice.engine) as s:
        point = s.scalars(
            select(ContactPoint.id).where(ContactPoint.customer_id == case_id)
        ).first()
    alice_id = find_user(alice.engine, "alice").id
    _log(alice, case_id)  # a call she made before the move: a fact
    set_point_status(
        alice.engine, alice_id, case_id, point, ContactPointStatus.WRONG_NUMBER, live.clock.now
    )
    reassign(
        lead.engine,
        find_user(lead.engine, "lead"),
        [case_id],
        find_user(lead.engine, "bob").id,
        live.clock.now,
    )
    lead.sync()
    bob.sync()
    promised = _log(
        bob,
        case_id,
        Outcome.PROMISE_TO_PAY,
        promise_amount_minor=1000,
        promise_date=live.clock.now.date() + timedelta(days=2),
    )

    alice.sync()
    bob.sync()
    with Session(alice.engine) as s:
        refused = [(i.name, i.reason) for i in s.scalars(select(SyncIssue))]
    assert refused == [("set_contact_point_status", "moved_meanwhile")]
    with Session(live.engine) as s:
        assert len(s.scalars(select(Contact).where(Contact.case_id == case_id)).all()) == 2
        assert s.get(Promise, promised.promise_id) is not None
        status = s.get(ContactPoint, point).status
    assert status is not ContactPointStatus.WRONG_NUMBER  # not A's to change any more
    with Session(bob.engine) as s:  # B's promise stays in B's own cache after the pull
        assert s.get(Promise, promised.promise_id) is not None
        assert not s.scalars(select(SyncIssue)).all()
