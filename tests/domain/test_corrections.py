from datetime import UTC, datetime, timedelta

import pytest

from collector_desk.domain.cases import Role
from collector_desk.domain.contacts import Channel, Outcome
from collector_desk.domain.corrections import (
    Correction,
    LoggedContact,
    changes,
    may_correct,
    validate,
)
from collector_desk.domain.mutations import InvalidMutation, PushedMutation, parse_mutation

AT = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
WINDOW = timedelta(hours=24)


def _contact(**kw) -> LoggedContact:
    values = dict(
        user_id=7,
        case_id=1,
        channel=Channel.CALL,
        outcome=Outcome.NO_ANSWER,
        note="",
        started_at=AT,
        has_promise=False,
    )
    return LoggedContact(**(values | kw))


def _codes(contact, correction):
    return [e.code for e in validate(contact, correction)]


@pytest.mark.parametrize("reason", ["", "   ", "\t\n"])
def test_a_correction_without_a_reason_is_refused(reason):
    assert _codes(_contact(), Correction(reason, outcome=Outcome.RIGHT_PARTY)) == [
        "correction_reason_required"
    ]


def test_a_reason_longer_than_500_characters_is_refused():
    assert _codes(_contact(), Correction("x" * 501, outcome=Outcome.RIGHT_PARTY)) == [
        "correction_reason_too_long"
    ]


def test_a_correction_that_changes_nothing_is_refused():
    contact = _contact(note="called")
    same = Correction("oops", outcome=Outcome.NO_ANSWER, note=" called ", case_id=1)
    assert _codes(contact, same) == ["correction_changes_nothing"]
    assert _codes(contact, Correction("oops")) == ["correction_changes_nothing"]


def test_outcome_note_and_case_each_count_as_a_change():
    contact = _contact()
    correction = Correction("wrong button", Outcome.RIGHT_PARTY, " spoke ", 2)
    assert changes(contact, correction) == {
        "outcome": Outcome.RIGHT_PARTY,
        "note": "spoke",
        "case_id": 2,
    }
    assert validate(contact, correction) == []


def test_a_call_only_outcome_is_refused_for_a_text_message():
    sms = _contact(channel=Channel.SMS, outcome=Outcome.RIGHT_PARTY)
    assert _codes(sms, Correction("typo", outcome=Outcome.BUSY)) == ["outcome_not_for_channel"]


def test_an_outcome_that_needs_a_note_keeps_one():
    assert _codes(_contact(), Correction("misheard", outcome=Outcome.DISPUTE)) == ["note_required"]
    assert _codes(_contact(), Correction("misheard", Outcome.DISPUTE, "says not his card")) == []


@pytest.mark.parametrize("outcome", [Outcome.PROMISE_TO_PAY, Outcome.CALLBACK_REQUESTED])
def test_no_contact_becomes_a_promise_or_a_callback_by_correction(outcome):
    assert _codes(_contact(), Correction("forgot", outcome=outcome)) == [
        "correction_outcome_needs_new_contact"
    ]


def test_a_contact_with_a_promise_keeps_its_outcome_and_case_but_its_note_may_change():
    ptp = _contact(outcome=Outcome.PROMISE_TO_PAY, has_promise=True)
    assert _codes(ptp, Correction("no", outcome=Outcome.NO_ANSWER)) == [
        "correction_contact_has_promise"
    ]
    assert _codes(ptp, Correction("wrong case", case_id=9)) == ["correction_contact_has_promise"]
    assert _codes(ptp, Correction("typo", note="pays on Friday")) == []


def test_the_collector_who_logged_it_may_correct_within_the_window_only():
    contact = _contact()
    assert may_correct(Role.COLLECTOR, 7, contact, AT + WINDOW, WINDOW) is None
    late = AT + WINDOW + timedelta(seconds=1)
    assert may_correct(Role.COLLECTOR, 7, contact, late, WINDOW) == "correction_window_passed"


def test_another_collector_may_not_and_a_lead_may_at_any_time():
    contact = _contact()
    assert may_correct(Role.COLLECTOR, 8, contact, AT, WINDOW) == "correction_not_your_contact"
    later = AT + timedelta(days=60)
    assert may_correct(Role.TEAM_LEAD, 1, contact, later, WINDOW) is None
    assert may_correct(Role.ADMIN, 2, contact, later, WINDOW) is None


def _pushed(**args):
    base = {
        "id": "8a4f6b1e-21f6-4e55-9d87-3c2b1f0a9e11",
        "contact_id": "1b2c3d4e-21f6-4e55-9d87-3c2b1f0a9e11",
        "reason": "wrong button",
        "outcome": "right_party",
        "at": "2026-12-01T02:00:00+00:00",
    }
    return PushedMutation(id=1, name="correct_contact", args=base | args)


def test_a_pushed_correction_is_parsed_and_one_that_does_not_fit_is_refused_alone():
    parsed = parse_mutation(_pushed())
    assert parsed.args.outcome is Outcome.RIGHT_PARTY and parsed.args.case_id is None
    with pytest.raises(InvalidMutation, match="invalid: outcome"):
        parse_mutation(_pushed(outcome="hung_up_angrily"))
    with pytest.raises(InvalidMutation, match="invalid: reason"):
        parse_mutation(_pushed(reason="x" * 10_001))
    with pytest.raises(InvalidMutation, match="invalid: case_id"):
        parse_mutation(_pushed(case_id=0))
