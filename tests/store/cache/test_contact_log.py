from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, ContactPointStatus, Outcome
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.contact_log import ContactRejected
from collector_desk.store.shared.schema import Case, Contact, ContactPoint, Promise
from tests.conftest import FIXED_NOW

USER = 3
NOW = FIXED_NOW


def _case_and_number(engine, status=ContactPointStatus.VALID):
    with Session(engine) as s:
        case = s.scalars(select(Case).where(Case.max_dpd > 0).order_by(Case.id)).first()
        point = s.scalars(
            select(ContactPoint).where(ContactPoint.customer_id == case.customer_id)
        ).first()
        point.status = status
        s.commit()
        return case.id, point.id, case.balance_minor


def _counts(engine):
    with Session(engine) as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t))
            for t in (Contact, Promise, OutboxMutation)
        )


def test_no_answer_writes_the_contact_the_case_and_one_outbox_mutation(engine):
    case_id, point_id, _ = _case_and_number(engine)
    before = _counts(engine)
    logged = log_contact(
        engine, USER, case_id, ContactEntry(Channel.CALL, Outcome.NO_ANSWER, point_id), NOW
    )
    assert _counts(engine) == (before[0] + 1, before[1], before[2] + 1)
    with Session(engine) as s:
        case = s.get(Case, case_id)
        assert case.last_outcome is Outcome.NO_ANSWER
        assert case.last_contact_at == NOW
        mutation = s.get(OutboxMutation, logged.mutation_id)
        assert mutation.name == "log_contact"
        assert mutation.args["contact_id"] == logged.contact_id


def test_promise_is_recorded_and_brings_the_case_back_on_its_date(engine):
    case_id, point_id, balance = _case_and_number(engine)
    due = NOW.date() + timedelta(days=3)
    logged = log_contact(
        engine,
        USER,
        case_id,
        ContactEntry(
            Channel.CALL,
            Outcome.PROMISE_TO_PAY,
            point_id,
            promise_amount_minor=balance // 2,
            promise_date=due,
        ),
        NOW,
    )
    with Session(engine) as s:
        promise = s.get(Promise, logged.promise_id)
        assert (promise.amount_minor, promise.due_date) == (balance // 2, due)
        case = s.get(Case, case_id)
        assert case.next_action == "promise_due"
        assert case.next_action_at.date() in {due, due - timedelta(days=1)}
        args = s.get(OutboxMutation, logged.mutation_id).args
        assert args["entry"]["promise_amount_minor"] == balance // 2
        assert args["promise_id"] == logged.promise_id


@pytest.mark.parametrize(
    ("amount", "days", "code"),
    [
        (None, 3, "amount_required"),
        (0, 3, "amount_not_positive"),
        ("big", 3, "amount_not_positive"),
        (10**12, 3, "amount_over_balance"),
        (100, -1, "date_in_past"),
        (100, 400, "date_too_far"),
    ],
)
def test_bad_promise_is_refused_and_nothing_changes(engine, amount, days, code):
    case_id, point_id, _ = _case_and_number(engine)
    before = _counts(engine)
    with pytest.raises(ContactRejected) as caught:
        log_contact(
            engine,
            USER,
            case_id,
            ContactEntry(
                Channel.CALL,
                Outcome.PROMISE_TO_PAY,
                point_id,
                promise_amount_minor=amount,
                promise_date=NOW.date() + timedelta(days=days),
            ),
            NOW,
        )
    assert code in {e.code for e in caught.value.errors}
    assert _counts(engine) == before


def test_a_do_not_call_number_cannot_be_logged_as_dialled(engine):
    case_id, point_id, _ = _case_and_number(engine, ContactPointStatus.DO_NOT_CALL)
    with pytest.raises(ContactRejected) as caught:
        log_contact(
            engine, USER, case_id, ContactEntry(Channel.CALL, Outcome.NO_ANSWER, point_id), NOW
        )
    assert [e.code for e in caught.value.errors] == ["number_not_dialable"]


def test_wrong_number_outcome_marks_the_number(engine):
    case_id, point_id, _ = _case_and_number(engine)
    logged = log_contact(
        engine, USER, case_id, ContactEntry(Channel.CALL, Outcome.WRONG_NUMBER, point_id), NOW
    )
    with Session(engine) as s:
        assert s.get(ContactPoint, point_id).status is ContactPointStatus.WRONG_NUMBER
        args = s.get(OutboxMutation, logged.mutation_id).args
    assert (args["entry"]["outcome"], args["entry"]["contact_point_id"]) == (
        "wrong_number",
        point_id,
    )


def test_callback_must_be_in_the_future_and_then_leads_the_case(engine):
    case_id, point_id, _ = _case_and_number(engine)
    with pytest.raises(ContactRejected):
        log_contact(
            engine,
            USER,
            case_id,
            ContactEntry(
                Channel.CALL,
                Outcome.CALLBACK_REQUESTED,
                point_id,
                callback_at=NOW - timedelta(minutes=1),
            ),
            NOW,
        )
    at = NOW + timedelta(hours=2)
    log_contact(
        engine,
        USER,
        case_id,
        ContactEntry(Channel.CALL, Outcome.CALLBACK_REQUESTED, point_id, callback_at=at),
        NOW,
    )
    with Session(engine) as s:
        case = s.get(Case, case_id)
        assert (case.next_action, case.next_action_at) == ("callback", at)


def test_outcomes_that_need_a_note_refuse_an_empty_one(engine):
    case_id, point_id, _ = _case_and_number(engine)
    with pytest.raises(ContactRejected) as caught:
        log_contact(
            engine,
            USER,
            case_id,
            ContactEntry(Channel.CALL, Outcome.REFUSED_TO_PAY, point_id, note="  "),
            NOW,
        )
    assert [e.field for e in caught.value.errors] == ["note"]


def test_someone_elses_case_is_refused(engine):
    case_id, point_id, _ = _case_and_number(engine)
    with pytest.raises(ContactRejected):
        log_contact(
            engine, 999, case_id, ContactEntry(Channel.CALL, Outcome.NO_ANSWER, point_id), NOW
        )


def test_mutation_numbers_keep_increasing(engine):
    case_id, point_id, _ = _case_and_number(engine)
    numbers = [
        log_contact(
            engine,
            USER,
            case_id,
            ContactEntry(Channel.CALL, Outcome.NO_ANSWER, point_id),
            NOW + timedelta(minutes=i),
        ).mutation_id
        for i in range(3)
    ]
    assert numbers == sorted(numbers) and len(set(numbers)) == 3


def test_a_callback_coming_due_raises_the_case_once_refreshed(engine):
    from collector_desk.store.shared.case_priority import refresh_due_priorities

    case_id, point_id, _ = _case_and_number(engine)
    at = NOW + timedelta(hours=1)
    log_contact(
        engine,
        USER,
        case_id,
        ContactEntry(Channel.CALL, Outcome.CALLBACK_REQUESTED, point_id, callback_at=at),
        NOW,
    )
    with Session(engine) as s:
        before = s.get(Case, case_id).priority
    refresh_due_priorities(engine, USER, NOW)
    refresh_due_priorities(engine, USER, NOW + timedelta(minutes=30))
    with Session(engine) as s:
        assert s.get(Case, case_id).priority == before  # not due yet
    rescored = refresh_due_priorities(engine, USER, NOW + timedelta(hours=2))
    assert rescored >= 1
    with Session(engine) as s:
        assert s.get(Case, case_id).priority == before + 40  # "callback_due" weight


def test_bulk_rescore_agrees_with_one_case_at_a_time(engine):
    from collector_desk.store.shared.case_priority import case_priority, rescore

    later = NOW + timedelta(days=3)  # callbacks come due, promises age: scores move
    with Session(engine) as s:
        ids = list(s.scalars(select(Case.id).order_by(Case.id).limit(300)))
        expected = {i: case_priority(s, s.get(Case, i), later).total for i in ids}
        rescore(s, ids, later)
        got = {i: s.get(Case, i).priority for i in ids}
    assert got == expected
    with Session(engine) as s:
        stored = {i: s.get(Case, i).priority for i in ids}
    assert stored != expected  # rescore leaves committing to its caller's transaction
