"""Each shipped script walked end to end along the paths a real call takes, down to the
contact log it fills in; and the rules every call keeps whatever a script says."""

from datetime import UTC, date, datetime, timedelta

import pytest

from collector_desk.config.scripts import load_library, load_scripts
from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contacts import Channel, Direction, Outcome
from collector_desk.domain.scripts import (
    CallContext,
    CallSession,
    Objection,
    ScriptError,
    choose,
    log_entry,
    summary,
)

LIBRARY = load_library()
SCRIPTS = {s.id: s for s in load_scripts(None).scripts}
VALUES = {
    "customer_name": "王芳",
    "collector_name": "李明",
    "callback_number": "95555",
    "institution": "示例银行",
    "overdue": "¥3,650.10",
    "balance": "¥18,250.50",
    "dpd": "42",
    "card_last4": "1234",
    "due_date": "2026-10-17",
}
DISCLOSURES = ("identify_institution", "recording_notice")
START = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)


class Clock:
    def __init__(self):
        self.now = START

    def __call__(self):
        self.now += timedelta(seconds=20)
        return self.now


def _session(script_id):
    return CallSession(SCRIPTS[script_id], LIBRARY, VALUES, DISCLOSURES, Clock())


def _press(call, label):
    """Press the answer a collector reads as `label` (English)."""
    labels = [a.label["en"] for a in call.step.answers]
    call.answer(labels.index(label) + 1)


def _identify(call):
    _press(call, "Speaking")
    _press(call, "Matches")
    for name in call.pending_disclosures():
        call.confirm_disclosure(name)
    _press(call, "Read; go on")


def _fmt(name, value):
    return f"{name}={value}"


def test_all_five_scripts_ship_and_each_call_finds_its_own():
    assert set(SCRIPTS) == {
        "early_reminder",
        "mid_negotiation",
        "late_final_notice",
        "third_party_contact",
        "inbound_call",
    }

    def chosen(segment, direction="outbound", third_party=False, legal=False):
        call = CallContext(segment, direction, third_party, legal, "zh_CN")
        return choose(SCRIPTS.values(), call).id

    assert chosen("early") == "early_reminder"
    assert chosen("mid") == "mid_negotiation"
    assert chosen("late") == "late_final_notice"
    assert chosen("legal", legal=True) == "late_final_notice"
    assert chosen("early", third_party=True) == "third_party_contact"
    assert chosen("late", direction="inbound") == "inbound_call"


OPENING = {"inbound_call": "Yes", "third_party_contact": "The customer comes to the phone"}


@pytest.mark.parametrize("script_id", sorted(SCRIPTS))
def test_right_party_with_a_promise_fills_in_the_log(script_id):
    call = _session(script_id)
    _press(call, OPENING.get(script_id, "Speaking"))
    _press(call, "Matches")
    assert call.pending_disclosures() == DISCLOSURES
    with pytest.raises(ScriptError, match="disclosures_pending"):
        _press(call, "Read; go on")
    for name in DISCLOSURES:
        call.confirm_disclosure(name)
    _press(call, "Read; go on")
    assert "1234" in call.say("zh_CN")  # identified now: the debt may be stated
    first = {
        "early_reminder": "Will pay",
        "mid_negotiation": "Will pay the overdue amount",
        "late_final_notice": "Will pay in full",
        "inbound_call": "Wants to pay",
        "third_party_contact": "Will pay",
    }[script_id]
    _press(call, first)
    due = date(2026, 12, 3)
    call.capture("promise_amount", 365_010, "¥3,650.10")
    call.capture("promise_date", due, "2026-12-03")
    _press(call, "Promise recorded")
    assert "¥3,650.10" in call.say("zh_CN") and "2026-12-03" in call.say("en")
    _press(call, "Customer confirms")
    assert call.finished
    result = call.result()
    assert (result.outcome, result.flag, result.missed_disclosures) == (
        Outcome.PROMISE_TO_PAY,
        None,
        frozenset(),
    )
    note = summary(call.script, LIBRARY, result, "en", _fmt)
    entry = log_entry(result, note, contact_point_id=7)
    assert (entry.outcome, entry.promise_amount_minor, entry.promise_date) == (
        Outcome.PROMISE_TO_PAY,
        365_010,
        due,
    )
    assert entry.contact_point_id == 7 and entry.channel is Channel.CALL
    assert f"{first} → Promise recorded → Customer confirms" in entry.note
    assert "promise_amount=365010" in entry.note


@pytest.mark.parametrize("script_id", ["early_reminder", "mid_negotiation", "late_final_notice"])
def test_a_third_party_hears_nothing_of_the_debt_and_is_asked_to_pass_a_message(script_id):
    call = _session(script_id)
    _press(call, "Someone else answered")
    said = call.say("zh_CN") + call.say("en")
    assert "李明" in said and "95555" in said
    assert not any(VALUES[k] in said for k in ("overdue", "balance", "card_last4", "institution"))
    assert Objection.NOT_MY_DEBT not in call.available_objections()
    call.capture("message_for_customer", "请回电")
    _press(call, "Will pass it on")
    entry = log_entry(call.result(), "", contact_point_id=9)
    assert entry.outcome is Outcome.THIRD_PARTY and entry.promise_amount_minor is None


def test_the_third_party_script_keeps_to_a_message_unless_the_customer_comes_on():
    call = _session("third_party_contact")
    assert "1234" not in call.say("zh_CN")
    _press(call, "Knows them")
    call.capture("new_contact_details", "+8613800000000")
    _press(call, "Gave new contact details")
    assert call.result().outcome is Outcome.THIRD_PARTY
    assert call.result().captured == {"new_contact_details": "+8613800000000"}

    call = _session("third_party_contact")
    _press(call, "The customer comes to the phone")
    _press(call, "Matches")
    for name in DISCLOSURES:
        call.confirm_disclosure(name)
    _press(call, "Read; go on")
    call.object(Objection.NOT_MY_DEBT)
    assert (call.result().outcome, call.result().flag) == (Outcome.DISPUTE, CaseFlag.DISPUTE)


@pytest.mark.parametrize("script_id", sorted(SCRIPTS))
def test_a_dispute_ends_the_call_with_the_dispute_flag_offered(script_id):
    call = _session(script_id)
    _press(call, OPENING.get(script_id, "Speaking"))
    _press(call, "Matches")
    for name in call.pending_disclosures():
        call.confirm_disclosure(name)
    _press(call, "Read; go on")
    call.object(Objection.NOT_MY_DEBT)
    result = call.result()
    assert (result.outcome, result.flag) == (Outcome.DISPUTE, CaseFlag.DISPUTE)
    assert result.objections == (Objection.NOT_MY_DEBT,)
    note = summary(call.script, LIBRARY, result, "zh_CN", _fmt)
    assert note.endswith("不是我的欠款")
    assert log_entry(result, note, 1).outcome is Outcome.DISPUTE


@pytest.mark.parametrize("script_id", sorted(SCRIPTS))
def test_stop_contacting_me_is_heard_at_once_even_before_identity(script_id):
    call = _session(script_id)
    assert Objection.STOP_CONTACTING in call.available_objections()
    call.object(Objection.STOP_CONTACTING)
    result = call.result()
    assert result.flag is CaseFlag.CEASE_COMMUNICATION
    assert call.available_objections() == ()
    with pytest.raises(ScriptError, match="call_finished"):
        call.answer(1)


def test_hardship_and_a_complaint_are_routed_and_flagged():
    call = _session("early_reminder")
    _identify(call)
    call.object(Objection.HARDSHIP)
    assert call.step.id == "hardship"
    call.capture("income", 500_000)
    _press(call, "In hardship: pass on")
    assert (call.result().outcome, call.result().flag) == (Outcome.HARDSHIP, CaseFlag.HARDSHIP)

    call = _session("mid_negotiation")
    _identify(call)
    call.object(Objection.WILL_COMPLAIN)
    assert "95555" in call.say("zh_CN")
    _press(call, "Formal complaint")
    assert call.result().flag is CaseFlag.COMPLAINT


def test_a_callback_before_identity_lands_in_the_log():
    call = _session("early_reminder")
    _press(call, "Not a good time")
    at = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
    call.capture("callback_at", at)
    _press(call, "Time agreed")
    entry = log_entry(call.result(), "", 3)
    assert (entry.outcome, entry.callback_at) == (Outcome.CALLBACK_REQUESTED, at)


def test_an_inbound_call_is_logged_as_inbound_and_times_each_step():
    call = _session("inbound_call")
    _press(call, "Yes")
    _press(call, "Does not match, or declines")
    _press(call, "End the call")
    result = call.result()
    entry = log_entry(result, "", None, direction=Direction.INBOUND)
    assert (entry.outcome, entry.direction) == (Outcome.THIRD_PARTY, Direction.INBOUND)
    assert [v.step for v in result.path] == ["greet", "verify", "third_party"]
    assert all(v.left_at - v.entered_at == timedelta(seconds=20) for v in result.path)


def test_a_step_stating_the_debt_is_never_rendered_before_identity():
    call = _session("early_reminder")
    call.path[-1] = call.path[-1].__class__("purpose", START)  # forced there by a bug
    with pytest.raises(ScriptError, match="debt_before_identity"):
        call.say("zh_CN")


def test_a_call_hung_up_midway_is_logged_for_the_collector_to_correct():
    call = _session("early_reminder")
    _identify(call)
    result = call.result()
    assert result.outcome is Outcome.RIGHT_PARTY and result.identified
    assert result.missed_disclosures == frozenset()
    skipped = _session("early_reminder")
    _press(skipped, "Speaking")
    _press(skipped, "Matches")  # now at the disclosures, none read: then the line drops
    assert skipped.result().missed_disclosures == frozenset(DISCLOSURES)
