"""How a call ended, how long the customer talked, and the outcome the log offers first."""

from datetime import UTC, datetime, timedelta

import pytest

from collector_desk.domain.calls import CallRecord, Ending, ending_for
from collector_desk.domain.contacts import Direction, Outcome
from collector_desk.domain.phones import national_digits

T0 = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("answered", "status", "here", "ending"),
    [
        (True, 200, False, Ending.ANSWERED),
        (True, None, True, Ending.ANSWERED),  # the collector hung up on an answered call
        (False, 486, False, Ending.BUSY),
        (False, 600, False, Ending.BUSY),
        (False, 603, False, Ending.DECLINED),
        (False, 480, False, Ending.NO_ANSWER),
        (False, 408, False, Ending.NO_ANSWER),
        (False, 404, False, Ending.NUMBER_GONE),
        (False, 604, False, Ending.NUMBER_GONE),
        (False, None, True, Ending.CANCELLED),
        (False, 503, False, Ending.FAILED),
        (False, None, False, Ending.FAILED),
    ],
)
def test_how_a_call_ended_is_read_from_its_sip_status(answered, status, here, ending):
    assert ending_for(answered, status, here) is ending


def test_talk_time_runs_from_the_answer_to_the_hang_up():
    call = CallRecord(
        "+8613812345678",
        Direction.OUTBOUND,
        T0,
        T0 + timedelta(seconds=95.6),
        Ending.ANSWERED,
        answered_at=T0 + timedelta(seconds=12),
    )
    assert call.talk_seconds == 84
    assert call.suggested_outcome is Outcome.RIGHT_PARTY  # the collector confirms or changes it


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        (Ending.BUSY, Outcome.BUSY),
        (Ending.NO_ANSWER, Outcome.NO_ANSWER),
        (Ending.DECLINED, Outcome.NO_ANSWER),
        (Ending.CANCELLED, Outcome.NO_ANSWER),
        (Ending.NUMBER_GONE, Outcome.DISCONNECTED),
        (Ending.FAILED, None),  # the network's fault is not an attempt on the customer
    ],
)
def test_an_unanswered_call_suggests_its_outcome_and_no_talk_time(ending, outcome):
    call = CallRecord("+8613812345678", Direction.OUTBOUND, T0, T0 + timedelta(seconds=30), ending)
    assert call.talk_seconds == 0
    assert call.suggested_outcome is outcome


def test_impossible_times_are_refused():
    with pytest.raises(ValueError, match="end before"):
        CallRecord("+86", Direction.OUTBOUND, T0, T0 - timedelta(seconds=1), Ending.FAILED)
    with pytest.raises(ValueError, match="between"):
        CallRecord(
            "+86",
            Direction.INBOUND,
            T0,
            T0 + timedelta(seconds=5),
            Ending.ANSWERED,
            answered_at=T0 + timedelta(seconds=6),
        )


@pytest.mark.parametrize(
    ("e164", "prefix", "dialled"),
    [
        ("+861012345678", "", "01012345678"),  # a Beijing landline keeps its trunk 0
        ("+8613812345678", "", "13812345678"),  # a mobile has none
        ("+13125550142", "9", "93125550142"),  # behind the PBX's outside line
        ("+61298765432", "", "0298765432"),
    ],
)
def test_a_number_as_dialled_in_its_own_country(e164, prefix, dialled):
    assert national_digits(e164, prefix) == dialled


def test_an_impossible_talk_time_is_refused():
    from collector_desk.domain.contact_log import CaseContext, ContactEntry, validate
    from collector_desk.domain.contacts import Channel

    context = CaseContext(balance_minor=100, customer_today=T0.date(), point_status=None)
    for entry in (
        ContactEntry(Channel.CALL, Outcome.RIGHT_PARTY, 1, talk_seconds=-1),
        ContactEntry(Channel.CALL, Outcome.RIGHT_PARTY, 1, talk_seconds=13 * 3600),
        ContactEntry(Channel.SMS, Outcome.RIGHT_PARTY, 1, talk_seconds=30),
    ):
        assert "talk_time_impossible" in [e.code for e in validate(entry, context, T0)]
    fine = ContactEntry(Channel.CALL, Outcome.RIGHT_PARTY, 1, talk_seconds=84)
    assert "talk_time_impossible" not in [e.code for e in validate(fine, context, T0)]
