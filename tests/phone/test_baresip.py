"""The desk's softphone driven over ctrl_tcp, against a second real baresip as the customer:
what the desk learns of each call, and the record the log is filled from."""

import socket
import time
from datetime import UTC, datetime

import pytest

from collector_desk.domain.calls import Ending
from collector_desk.domain.contacts import Direction, Outcome
from collector_desk.phone.adapter import CallEventKind, PhoneError
from collector_desk.phone.baresip import Baresip, sip_status
from collector_desk.phone.call_tracker import CallTracker
from tests.phone.conftest import CUSTOMER

NUMBER = CUSTOMER  # what the desk dials; their account answers to it


def _dial(desk_phone) -> CallTracker:
    phone, _events = desk_phone
    started = datetime.now(UTC)
    call_id = phone.dial(NUMBER)
    return CallTracker(call_id, NUMBER, Direction.OUTBOUND, started)


def _record(tracker, events, timeout=10.0):
    events.wait_for(CallEventKind.ENDED, timeout)
    for event in events.seen:
        record = tracker.feed(event)
        if record is not None:
            return record
    raise AssertionError("the call never ended")


def test_an_answered_call_gives_its_answer_time_and_talk_time(desk_phone, customer):
    _phone, events = desk_phone
    their_phone, theirs = customer
    tracker = _dial(desk_phone)
    ring = theirs.wait_for(CallEventKind.INCOMING)
    assert ring.call_id == tracker.call_id  # one SIP call, named alike on both ends
    assert ring.peer.startswith("sip:desk@")  # the desk's own account calls
    time.sleep(0.5)
    their_phone.answer(ring.call_id)
    events.wait_for(CallEventKind.ANSWERED)
    time.sleep(2.0)
    their_phone.hang_up(ring.call_id)  # the customer ends the conversation
    record = _record(tracker, events)
    assert record.ending is Ending.ANSWERED
    assert record.answered_at is not None and record.answered_at > record.started_at
    assert 1 <= record.talk_seconds <= 4
    assert record.suggested_outcome is Outcome.RIGHT_PARTY  # the collector confirms it


def test_a_rejected_call_is_busy(desk_phone, customer):
    _phone, events = desk_phone
    their_phone, theirs = customer
    tracker = _dial(desk_phone)
    ring = theirs.wait_for(CallEventKind.INCOMING)
    their_phone.hang_up(ring.call_id)  # baresip rejects a ringing call with 486
    record = _record(tracker, events)
    assert record.ending is Ending.BUSY and record.talk_seconds == 0
    assert record.suggested_outcome is Outcome.BUSY
    ended = next(e for e in events.seen if e.kind is CallEventKind.ENDED)
    assert ended.sip_status == 486 and not ended.hung_up_here


def test_a_call_nobody_answers_is_given_up_as_unanswered(desk_phone, customer):
    phone, events = desk_phone
    _their_phone, theirs = customer
    tracker = _dial(desk_phone)
    theirs.wait_for(CallEventKind.INCOMING)
    events.wait_for(CallEventKind.RINGING)
    tracker.gave_up_ringing = True  # the desk's ring time ran out
    phone.hang_up(tracker.call_id)
    record = _record(tracker, events)
    assert record.ending is Ending.NO_ANSWER
    assert record.suggested_outcome is Outcome.NO_ANSWER
    assert theirs.wait_for(CallEventKind.ENDED).call_id == tracker.call_id


def test_the_collector_hanging_up_before_an_answer_cancels(desk_phone, customer):
    phone, events = desk_phone
    _their_phone, theirs = customer
    tracker = _dial(desk_phone)
    theirs.wait_for(CallEventKind.INCOMING)
    phone.hang_up(tracker.call_id)
    assert _record(tracker, events).ending is Ending.CANCELLED


def test_a_customer_calling_in_rings_the_desk_with_their_number(desk_phone, customer):
    phone, events = desk_phone
    their_phone, _theirs = customer
    their_phone.dial(CUSTOMER)  # their template calls the desk whatever the number
    ring = events.wait_for(CallEventKind.INCOMING)
    assert CUSTOMER in ring.peer  # the caller id the desk matches against its contact points
    tracker = CallTracker(ring.call_id, CUSTOMER, Direction.INBOUND, ring.at)
    phone.answer(ring.call_id)
    events.wait_for(CallEventKind.ANSWERED)
    phone.hang_up(ring.call_id)
    record = _record(tracker, events)
    assert record.ending is Ending.ANSWERED and record.direction is Direction.INBOUND


def test_a_softphone_that_is_not_running_is_a_clear_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nobody listens there
    with pytest.raises(PhoneError, match="does not answer"):
        Baresip("127.0.0.1", port, "sip:{e164}@127.0.0.1", "", lambda _e: None)


def test_a_softphone_that_stops_ends_its_calls_and_refuses_more(softphones, desk_phone, customer):
    phone, events = desk_phone
    _their_phone, theirs = customer
    tracker = _dial(desk_phone)
    theirs.wait_for(CallEventKind.INCOMING)
    softphones[0].stop()
    record = _record(tracker, events)
    assert record.ending in (Ending.FAILED, Ending.CANCELLED)
    with pytest.raises(PhoneError):
        phone.dial(NUMBER)


@pytest.mark.parametrize(
    ("reason", "status"),
    [("486 Busy Here", 486), ("603 Decline", 603), ("Connection reset by user", None), ("", None)],
)
def test_the_status_is_read_from_a_closed_calls_reason(reason, status):
    assert sip_status(reason) == status
