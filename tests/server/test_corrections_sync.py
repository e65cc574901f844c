"""A contact corrected on a desk reaches the central store and every desk holding the case;
the server judges the correction again by its own clock and the user's role."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Outcome
from collector_desk.domain.corrections import Correction
from collector_desk.domain.kpis import Period
from collector_desk.domain.mutations import PushedMutation
from collector_desk.store.cache.actions import correct_contact
from collector_desk.store.cache.refused_changes import refused_changes
from collector_desk.store.central import push
from collector_desk.store.central.audit_trail import AuditFilter, team_audit
from collector_desk.store.central.kpis import team_kpis
from collector_desk.store.central.push import apply_push
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import AuditEvent, Case, Contact, ContactCorrection
from tests.live_central import seed_cases
from tests.server.test_sync import _log

WINDOW = timedelta(hours=24)


def _correct(client, contact_id, reason="wrong button", username="alice", **kw):
    user = find_user(client.engine, username)
    return correct_contact(
        client.engine, user, contact_id, Correction(reason, **kw), client.clock(), WINDOW
    )


def test_a_correction_within_the_window_is_applied_audited_and_pulled_by_another_desk(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    morning, afternoon = desk("alice"), desk("alice")
    morning.sync()
    afternoon.sync()
    logged = _log(morning, case_id, Outcome.NO_ANSWER)
    morning.sync()
    live.clock.now += timedelta(hours=3)
    correction_id = _correct(morning, logged.contact_id, outcome=Outcome.RIGHT_PARTY, note="ok")
    report = morning.sync()
    assert report.rejected == 0

    with Session(live.engine) as s:
        contact = s.get(Contact, logged.contact_id)
        assert (contact.outcome, contact.note) == (Outcome.RIGHT_PARTY, "ok")
        row = s.get(ContactCorrection, correction_id)
        assert row.before == {"outcome": "no_answer", "note": ""}
        assert row.after == {"outcome": "right_party", "note": "ok"}
        assert row.reason == "wrong button"
        assert s.get(Case, case_id).last_outcome is Outcome.RIGHT_PARTY
        (event,) = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "contact_corrected")
        ).all()
    assert event.detail["outcome"] == ["no_answer", "right_party"]
    assert "wrong button" not in str(event.detail)  # the typed reason stays in its own row

    afternoon.sync()
    with Session(afternoon.engine) as s:
        assert s.get(Contact, logged.contact_id).outcome is Outcome.RIGHT_PARTY
        assert s.get(ContactCorrection, correction_id).before["outcome"] == "no_answer"


def test_after_the_window_the_server_refuses_a_collector_and_the_desk_gets_the_truth_back(
    live, desk, monkeypatch
):
    # IT's window on the server: an hour (the desk's, two); the server's own clock decides
    monkeypatch.setattr(push, "correction_window", lambda: timedelta(hours=1))
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    logged = _log(alice, case_id, Outcome.NO_ANSWER)
    alice.sync()
    # made offline within the window (the desk's clock), arriving a day later
    user = find_user(alice.engine, "alice")
    correct_contact(
        alice.engine,
        user,
        logged.contact_id,
        Correction("typo", outcome=Outcome.BUSY),
        live.clock.now + timedelta(minutes=30),
        timedelta(hours=2),
    )
    live.clock.now += timedelta(hours=1, minutes=30)
    report = alice.sync()

    assert report.rejected == 1
    (refused,) = refused_changes(alice.engine)
    assert (refused.kind, refused.reason, refused.case_id) == (
        "correct_contact",
        "correction_window_passed",
        case_id,
    )
    with Session(live.engine) as s:
        assert s.get(Contact, logged.contact_id).outcome is Outcome.NO_ANSWER
        assert s.scalar(select(ContactCorrection.id)) is None
    with Session(alice.engine) as s:  # the pull that followed put the server's values back
        assert s.get(Contact, logged.contact_id).outcome is Outcome.NO_ANSWER
        assert s.scalar(select(ContactCorrection.id)) is None


def test_a_team_lead_may_correct_after_the_window(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    logged = _log(alice, case_id, Outcome.NO_ANSWER)
    alice.sync()
    live.clock.now += timedelta(days=20)
    lead = desk("lead")
    lead.sync()
    _correct(lead, logged.contact_id, "customer confirmed", "lead", outcome=Outcome.RIGHT_PARTY)
    assert lead.sync().rejected == 0
    alice = desk("alice")  # signed in again: a token does not last twenty days
    alice.sync()
    with Session(alice.engine) as s:
        assert s.get(Contact, logged.contact_id).outcome is Outcome.RIGHT_PARTY
        (row,) = s.scalars(select(ContactCorrection)).all()
        assert row.user_id == find_user(alice.engine, "lead").id


def _push_correction(live, username, contact_id, mutation_id=1, client="c0ffee"):
    user = find_user(live.engine, username)
    raw = PushedMutation(
        id=mutation_id,
        name="correct_contact",
        args={
            "id": "8a4f6b1e-21f6-4e55-9d87-3c2b1f0a9e11",
            "contact_id": contact_id,
            "reason": "wrong button",
            "outcome": "right_party",
            "at": live.clock.now.isoformat(),
        },
    )
    return apply_push(live.engine, user, client, [raw], live.clock.now)


def test_another_collectors_contact_is_refused_even_on_a_case_now_theirs(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    logged = _log(alice, case_id, Outcome.NO_ANSWER)
    alice.sync()
    with Session(live.engine) as s, s.begin():
        s.get(Case, case_id).assigned_to = find_user(live.engine, "bob").id
    _last, results = _push_correction(live, "bob", logged.contact_id)
    assert results == [(1, "rejected", "correction_not_your_contact")]
    _last, results = _push_correction(live, "carol", logged.contact_id, client="cafe")
    assert results == [(1, "rejected", "not_your_case")]  # another team's: not even seen
    with Session(live.engine) as s:
        assert s.get(Contact, logged.contact_id).outcome is Outcome.NO_ANSWER


def test_a_correction_pushed_twice_is_applied_once(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    logged = _log(alice, case_id, Outcome.NO_ANSWER)
    alice.sync()
    first = _push_correction(live, "alice", logged.contact_id)
    again = _push_correction(live, "alice", logged.contact_id)  # the answer was lost: retried
    assert first == again == (1, [(1, "applied", None)])
    other_client = _push_correction(live, "alice", logged.contact_id, client="beef")
    assert other_client == (1, [(1, "applied", None)])  # the same fact from a restored backup
    with Session(live.engine) as s:
        assert len(s.scalars(select(ContactCorrection)).all()) == 1
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "contact_corrected"))
        assert len(events.all()) == 1


def test_a_contact_moved_to_the_right_case_leaves_the_wrong_one_and_both_desks_agree(live, desk):
    wrong, right = seed_cases(live.engine, "alice", 2)
    alice, laptop = desk("alice"), desk("alice")
    alice.sync()
    laptop.sync()
    logged = _log(alice, wrong, Outcome.RIGHT_PARTY)
    alice.sync()
    _correct(alice, logged.contact_id, "logged on the wrong customer", case_id=right)
    assert alice.sync().rejected == 0
    laptop.sync()
    for engine in (live.engine, laptop.engine):
        with Session(engine) as s:
            contact = s.get(Contact, logged.contact_id)
            assert contact.case_id == right
            assert contact.contact_point_id is None  # the number was the other customer's
            assert s.get(Case, wrong).last_outcome is None
            assert s.get(Case, right).last_outcome is Outcome.RIGHT_PARTY
            (row,) = s.scalars(select(ContactCorrection)).all()
            assert (row.before["case_id"], row.after["case_id"]) == (wrong, right)
    lead = find_user(live.engine, "lead")
    for case_id in (wrong, right):  # the lead's trail of either case shows the move
        events = team_audit(live.engine, lead, AuditFilter(case_id=case_id))
        assert [e.action for e, _who in events].count("contact_corrected") == 1


def test_team_kpis_count_the_corrected_outcome(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    logged = _log(alice, case_id, Outcome.NO_ANSWER)
    alice.sync()
    lead = find_user(live.engine, "lead")
    day = live.clock.now.date()

    def right_party() -> int:
        numbers = team_kpis(live.engine, lead, day - timedelta(days=1), day, Period.DAY)
        return sum(r.right_party for r in numbers.rows if r.collector_id is not None)

    assert right_party() == 0
    _correct(alice, logged.contact_id, outcome=Outcome.RIGHT_PARTY)
    alice.sync()
    assert right_party() == 1
